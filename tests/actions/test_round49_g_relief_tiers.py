"""Round 49 (tester XI), helper g: 镇江 medical relief, the worker's tier not known.

XI-6: 我在镇江扫马路的 今年看病自己掏了大概两千五 工会能给报点不 got the general text and the phone
asked, no line said until T4; 要是我是特困的 去住院能少交点钱吗 got the T4 verdict again;
特困的住院都减免啥费用 stored 困难建档：特困 (she only asked) and judged her by it; 我没说我是特困啊
我就问问 到底是啥我不知道 left it there. On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation, parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.facts import answer_fact
from actions.relief import ActionReliefEligibility, worker_status_said
from actions.router import ActionStartService
from actions.validators import UNKNOWN

on_module_loop = pytest.mark.asyncio(loop_scope="module")

T1 = "我在镇江扫马路的 今年看病自己掏了大概两千五 工会能给报点不"


def _said(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("text") or m.get("response") or "" for m in dispatcher.messages]


@on_module_loop
@pytest.mark.parametrize("text", [T1, "镇江的 今年自己掏了两千五的医药费 工会能报点不",
                                  "我在镇江 看病自付了2500 工会能给补点不"])
async def test_the_lines_come_first_applied_to_the_sum(backend, text):
    tracker = conversation([(text, "relief_eligibility", [])], {"city": "镇江市", "medical_cost": 2500})
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    lines = _said(dispatcher)
    reply = "\n".join(lines)
    assert "2000" in reply.replace(",", "") and "3000" in reply.replace(",", ""), reply
    assert "2,500" in reply and "还差 500 元" in reply and "够申请" in reply, reply
    first_phone = next((i for i, line in enumerate(lines) if "手机号" in line), len(lines))
    first_line = next(i for i, line in enumerate(lines) if "2,000" in line or "2000元" in line)
    assert first_line < first_phone, lines


@on_module_loop
@pytest.mark.parametrize("text", ["要是我是特困的 去住院能少交点钱吗", "特困的住院都减免啥费用",
                                  "如果是特困 看病能便宜点不"])
async def test_the_tekun_waivers_are_answered(backend, text):
    tracker = conversation([(T1, "relief_eligibility", ["…"]), (text, "relief_eligibility", [])],
                           {"city": "镇江市", "medical_cost": 2500})
    reply = "\n".join(await answer_fact(tracker) or [])
    assert "减半" in reply and "诊查费" in reply, reply


@pytest.mark.parametrize("text", ["特困的住院都减免啥费用", "要是我是特困的 去住院能少交点钱吗", "特困职工看病有啥优惠",
                                  "困难职工能报多少", "特困是啥意思"])
def test_a_tier_asked_about_is_not_the_workers(text):
    assert worker_status_said(text) is None, text


@pytest.mark.parametrize("text", ["我没说我是特困啊 我就问问 到底是啥我不知道", "我可没说我是特困 不知道是哪个",
                                  "谁说我是特困了 我不清楚"])
def test_a_tier_denied_is_unknown_again(text):
    assert worker_status_said(text) == UNKNOWN, text


@pytest.mark.parametrize(("text", "status"), [("我是特困职工 住院能减免吗", "特困"), ("俺是建了档的特困户", "特困"),
                                              ("我是困难职工不是特困", "困难"), ("没建过档", "none")])
def test_a_status_told_is_still_read(text, status):
    assert worker_status_said(text) == status, text


def _set_this_turn(text: str, status: str, before: str | None) -> Tracker:
    message = parse(text, "relief_eligibility")
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": T1, "parse_data": parse(T1, "relief_eligibility")},
              *([{"event": "slot", "name": "hardship_status", "value": before}] if before else []),
              {"event": "bot", "text": "…"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              {"event": "slot", "name": "hardship_status", "value": status}]
    slots = {"city": "镇江市", "medical_cost": 2500, "hardship_status": status}
    return Tracker("worker-49g", slots, message, events, False, None, {}, "action_listen")


@on_module_loop
async def test_a_question_about_tekun_does_not_judge_her_as_tekun(backend):
    dispatcher = CollectingDispatcher()
    events = await ActionReliefEligibility().run(
        dispatcher, _set_this_turn("特困的住院都减免啥费用", "特困", "困难"), DOMAIN)
    reply = "\n".join(_said(dispatcher))
    assert "您是在档特困职工" not in reply, reply
    assert slot_values(events).get("hardship_status") == "困难", events


@on_module_loop
async def test_a_tier_told_is_judged(backend):
    """A near miss: 我是特困职工 is hers."""
    dispatcher = CollectingDispatcher()
    events = await ActionReliefEligibility().run(dispatcher, _set_this_turn("我是特困职工 住院能减免吗", "特困", None),
                                                 DOMAIN)
    assert "hardship_status" not in slot_values(events), events
    assert "特困" in "\n".join(_said(dispatcher))
