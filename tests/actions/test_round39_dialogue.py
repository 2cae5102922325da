"""Round 39 (YM money, YN others): dialogue steps that sent a clear follow-up elsewhere, each
asked the way the worker asked it against the real backend (tests/facts: its app on a
temporary SQLite database seeded from bot/seed)."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.router import ActionStartService

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop


def talk(earlier: list[tuple[str, str, str]], text: str, intent: str, slots: dict) -> Tracker:
    """The tracker after the worker's ``earlier`` messages (text, intent, what the bot said)."""
    events: list[dict] = []
    for said, said_intent, bot in earlier:
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": said, "parse_data": parse(said, said_intent)},
                   {"event": "bot", "text": bot}]
    message = parse(text, intent)
    events += [{"event": "action", "name": "action_listen"},
               {"event": "user", "text": text, "parse_data": message},
               *({"event": "slot", "name": k, "value": v} for k, v in slots.items())]
    return Tracker("worker-39", dict(slots), message, events, False, None, {}, "action_listen")


async def entry_reply(tracker: Tracker) -> str:
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@on_module_loop
async def test_a_place_corrected_after_an_answer_gets_that_places_answer(backend):
    """YN-04: 不对 俺在镇江 刚才说错了 after the mutual cover (read as wage_arrears) got 是哪家单位
    欠的, three times."""
    first = "俺是扫大街的 常州这边 听说工会有个互助保险 俺老伴住院 花了七万多 这个能报不"
    reply = await entry_reply(talk([(first, "mutual_insurance", "各地工会的职工互助保障方案不一样……")],
                                   "不对 俺在镇江 刚才说错了", "wage_arrears", {"city": "镇江市"}))
    assert "16万" in reply and "哪家单位" not in reply, reply


@on_module_loop
async def test_a_question_right_after_a_sign_up_is_asked_in_its_topic(backend):
    """YN-02: 几点能送过去 俺七点就得上班 right after the childcare sign-up (read as overtime) got
    the menu."""
    earlier = [("放寒假了孩子没人看咋办", "childcare_service", "职工子女爱心托管驿站……"),
               ("13589231146", "inform", "已为您登记工单，工单号 GH202612070003，由辛安街道工会网格化工作总站负责"
                                         "（电话 0532-12351）。")]
    reply = await entry_reply(talk(earlier, "几点能送过去 俺七点就得上班", "overtime_pay", {"district": "辛安街道"}))
    assert "托管" in reply and "请问您想办理什么事情" not in reply, reply
