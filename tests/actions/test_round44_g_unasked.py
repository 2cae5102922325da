"""Round 44 (tester YW-13): a wage complaint after a crisis reply, read by the model as
holiday_subsidy, opened the holiday form (您是留下来过年…) and, after the wage ticket, resumed it
(好，我们接着刚才的事往下说) — 我没问过年的事 got the same question again. A holiday subsidy the
worker never asked for is neither resumed nor offered."""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.next_service import disowns_holiday_subsidy, holiday_subsidy_asked, offer_next_service
from actions.resume import resume_interrupted

CRISIS = "干了一年的活 老板一分钱不给 家里孩子等着交学费 我真是活着没意思了 不想活了"
MONEY = "我没事 就是气的 钱能要回来吗 一年四万八"


def after_ticket(messages: list[str], slots: dict) -> Tracker:
    """The tracker right after the wage ticket was filed, the worker's messages before it."""
    events = [{"event": "user", "text": m, "parse_data": parse(m, "inform")} for m in messages]
    return Tracker("worker-44g", dict(slots), parse(messages[-1], "inform"), events, False, None, {},
                   "action_listen")


UNASKED = [[CRISIS, MONEY, "青岛黄岛 辛安", "啥过年 我说的是工资 老板欠我四万八", "就我一个", "13012345678"],
           [MONEY, "我没问过年的事"], [MONEY, "不是过年的事 是工资"]]


@pytest.mark.parametrize("messages", UNASKED)
def test_an_unasked_holiday_form_is_not_resumed(messages):
    dispatcher = CollectingDispatcher()
    events = resume_interrupted(dispatcher, after_ticket(messages, {"interrupted_form": "holiday_subsidy_form"}), [])
    assert slot_values(events) == {"interrupted_form": None}, events
    assert not dispatcher.messages and not any(e.get("event") == "active_loop" for e in events)


@pytest.mark.parametrize("messages", UNASKED)
def test_an_unasked_holiday_subsidy_is_not_offered(messages):
    dispatcher = CollectingDispatcher()
    events = offer_next_service(dispatcher, after_ticket(messages, {"next_service": "holiday_subsidy"}), [])
    assert slot_values(events) == {"next_service": None} and not dispatcher.messages, events


@pytest.mark.parametrize("messages", [["老板欠我工资 还想问问留厂过年有啥补贴", "就我一个"],
                                      ["/holiday_subsidy", "青岛"], ["过年回家路费能报不", "先说工资的事"]])
def test_a_holiday_asked_about_is_still_resumed(messages):
    """Near misses: the worker did ask about the holiday."""
    dispatcher = CollectingDispatcher()
    events = resume_interrupted(dispatcher, after_ticket(messages, {"interrupted_form": "holiday_subsidy_form"}), [])
    assert any(e.get("event") == "active_loop" and e.get("name") == "holiday_subsidy_form" for e in events), events
    assert holiday_subsidy_asked(after_ticket(messages, {}))


@pytest.mark.parametrize("text", ["我没问过年的事", "不是过年的事", "啥过年 我说的是工资", "过年补贴跟我没关系"])
def test_the_holiday_disowned(text):
    assert disowns_holiday_subsidy(text)


@pytest.mark.parametrize("text", ["留厂过年有啥补贴", "过年回家路费能报不", "不回家过年有补贴吗"])
def test_a_holiday_question_is_no_disowning(text):
    assert not disowns_holiday_subsidy(text)
