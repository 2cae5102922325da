"""Round 49 (tester XI), helper g: the measures of the place a worker may go home to.

XI-12: a 广西 courier in 东莞, told 广东's 留粤 measures, asked 要是我回广西老家过年呢 那边工会有啥 and
got 广东's block again. 广西's four measures (for those in 广西) are the answer, with the note that
going home means not getting the 留粤 benefits; the worker's own place stays 东莞. On the real
seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.subsidies import ActionHolidaySubsidy, home_place_asked, home_place_measures

on_module_loop = pytest.mark.asyncio(loop_scope="module")

T1 = "我在东莞跑快递 广西人 今年留广东过年 工会给啥"
A1 = "当地工会的过年措施：\n· 广东：“三心套餐”情暖留粤农民工：…"
SLOTS = {"city": "东莞", "holiday": "过年", "holiday_situation": "stay", "occupation": "courier"}


def _asked(text: str, slots: dict | None = None) -> Tracker:
    """T1 told (its slots set then), then ``text``."""
    slots = SLOTS if slots is None else slots
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": T1, "parse_data": parse(T1, "holiday_subsidy")},
              *({"event": "slot", "name": k, "value": val} for k, val in slots.items()),
              {"event": "bot", "text": A1},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, "holiday_subsidy")}]
    return Tracker("worker-49g", dict(slots), parse(text, "holiday_subsidy"), events, False, None, {},
                   "action_listen")


@pytest.mark.parametrize(("text", "place"), [("要是我回广西老家过年呢 那边工会有啥", "广西"),
                                             ("回广西过年的话有啥", "广西"), ("我要是回老家广西呢", "广西"),
                                             ("广西工会过年有啥措施", "广西"), ("如果回上海过年 那边有啥补贴", "上海")])
def test_the_home_place_is_read(text, place):
    assert home_place_asked(text) == place


@pytest.mark.parametrize("text", ["今年回老家过年", "我在东莞跑快递 广西人", "工会过年有啥", "回不去了"])
def test_no_home_place_asked(text):
    assert home_place_asked(text) is None


@on_module_loop
@pytest.mark.parametrize("text", ["要是我回广西老家过年呢 那边工会有啥", "广西工会过年有啥措施", "回广西过年的话有啥"])
async def test_guangxi_measures_and_the_liuyue_note(backend, text):
    reply = "\n".join(await home_place_measures(_asked(text)))
    assert "四项措施" in reply and "广西" in reply, reply
    assert "领不到" in reply or "享受不到" in reply, reply
    assert "东莞" in reply, reply


@on_module_loop
async def test_the_holiday_answer_says_guangxi_and_keeps_dongguan(backend):
    dispatcher = CollectingDispatcher()
    events = await ActionHolidaySubsidy().run(dispatcher, _asked("要是我回广西老家过年呢 那边工会有啥"), DOMAIN)
    reply = "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)
    assert "四项措施" in reply and "您留在广东过年，可以领取" not in reply, reply
    assert slot_values(events).get("city") in (None, "东莞"), events
    assert "· 地点：广西" not in reply and "城市：广西" not in reply, reply


@on_module_loop
async def test_own_place_unknown_is_not_this(backend):
    """A near miss: no own place yet — 回广西 may be the worker's own plan, left to the form."""
    assert await home_place_measures(_asked("回广西过年的话有啥", slots={})) == []
