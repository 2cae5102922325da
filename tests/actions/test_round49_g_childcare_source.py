"""Round 49 (tester XJ), helper g: the 托管驿站 says only what its source says.

XJ-3: the answer claimed 寒暑假和放学后…为双职工、外来务工人员的孩子提供看护和作业辅导 with the
工人日报 report as its source; the report only says the 沂河路社区 station set up a 职工子女爱心托管
驿站. Opening periods, ages and fees are to be asked at the station. On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.router import ActionStartService
from actions.services import ActionChildcare

on_module_loop = pytest.mark.asyncio(loop_scope="module")

INVENTED = ("作业辅导", "双职工", "外来务工", "寒假、暑假都管", "平时是放学后", "提前报名")


async def _router(text: str, intent: str = "childcare_service", slots: dict | None = None) -> str:
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, conversation([(text, intent, [])], slots or {}), DOMAIN)
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@on_module_loop
@pytest.mark.parametrize("text", ["放暑假孩子没人看 厂里又要加班 工会有没有那种帮忙看孩子的地方",
                                  "托管寒假也管吗", "托管要钱吗", "托管收几岁的孩子", "周末孩子没人看 有托管吗"])
async def test_no_detail_the_report_does_not_hold(backend, text):
    reply = await _router(text, slots={"district": "辛安街道", "city": "青岛市"})
    assert "托管" in reply, reply
    for word in INVENTED:
        assert word not in reply, (word, reply)


@on_module_loop
async def test_the_station_and_what_to_ask_there(backend):
    reply = await _router("托管寒假也管吗", slots={"district": "辛安街道", "city": "青岛市"})
    assert "沂河路社区" in reply and "没有写" in reply and "12351" in reply, reply


@on_module_loop
async def test_the_service_answer_itself(backend):
    dispatcher = CollectingDispatcher()
    tracker = conversation([("工会有托管吗", "childcare_service", [])], {"district": "辛安街道", "city": "青岛市"})
    await ActionChildcare().run(dispatcher, tracker, DOMAIN)
    reply = "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)
    assert "托管驿站" in reply, reply
    for word in INVENTED:
        assert word not in reply, (word, reply)
