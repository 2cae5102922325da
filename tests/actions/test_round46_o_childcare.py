"""Round 46 (tester XD): 报名 right after the childcare answer got the same 想报名的话… line again,
and 辛安 after it the skills-training paragraph (XD-14). Through the entry action, on the real
seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation, slot_values
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.router import ActionStartService

on_module_loop = pytest.mark.asyncio(loop_scope="module")

CHILDCARE = ("职工子女爱心托管：工会在社区网格工作站设“职工子女爱心托管驿站”，寒暑假和放学后为双职工、外来务工人员"
             "子女提供看护和作业辅导。收哪些年龄的孩子、收不收费、怎么报名，以当地工作站为准，需提前报名。")
NEXT = "想报名的话，可以联系您所在的网格工作站，或拨打职工服务热线 12351 问问最近的托管点。"


async def _reply(turns, slots=None) -> tuple[str, list[dict]]:
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, conversation(turns, slots), DOMAIN)
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages), events


@on_module_loop
@pytest.mark.parametrize(("text", "intent"), [("报名", "skills_training"), ("我要报名", "childcare_service"),
                                              ("咋报", "inform")])
async def test_sign_up_after_the_childcare_answer_asks_where(backend, text, intent):
    """XD-14: 报名 got 想报名的话，可以联系您所在的网格工作站… word for word again."""
    reply, _ = await _reply([("托管", "childcare_service", [CHILDCARE, NEXT]), (text, intent, [])])
    assert NEXT not in reply and "utter_childcare_next" not in reply, reply
    assert "哪个街道" in reply and "托管" in reply, reply


@on_module_loop
async def test_the_place_after_the_ask_gets_that_places_childcare_station(backend):
    """XD-14: 辛安 → 职工书院与技能培训 (the 报名 before it was read as skills training)."""
    first, _ = await _reply([("托管", "childcare_service", [CHILDCARE, NEXT]), ("报名", "skills_training", [])])
    turns = [("托管", "childcare_service", [CHILDCARE, NEXT]), ("报名", "skills_training", first.split("\n")),
             ("辛安", "inform", [])]
    reply, events = await _reply(turns, {"district": "辛安"})
    assert "沂河路社区" in reply and "托管驿站" in reply, reply
    assert "职工书院" not in reply, reply
    assert slot_values(events).get("pending_case", {}).get("facts", {}).get("service") == "职工子女爱心托管报名"


@on_module_loop
async def test_a_place_without_a_childcare_station_is_offered_the_sign_up(backend):
    """广州 after the ask: no 托管驿站 on record there — said so, and the sign-up still offered."""
    first, _ = await _reply([("托管", "childcare_service", [CHILDCARE, NEXT]), ("怎么报名", "childcare_service", [])])
    turns = [("托管", "childcare_service", [CHILDCARE, NEXT]), ("怎么报名", "childcare_service", first.split("\n")),
             ("广州", "inform", [])]
    reply, events = await _reply(turns, {"city": "广州"})
    assert NEXT not in reply and "职工书院" not in reply, reply
    assert "没有" in reply and "广州" in reply, reply
    assert slot_values(events).get("pending_case"), events


@on_module_loop
async def test_thanks_after_the_childcare_answer_is_no_sign_up(backend):
    """A near miss: 好的 谢谢 after the answer asks no place and offers nothing."""
    reply, events = await _reply([("托管", "childcare_service", [CHILDCARE, NEXT]), ("好的 谢谢", "thank", [])])
    assert "哪个街道" not in reply and not slot_values(events).get("pending_case"), reply
