"""Round 54, helper q: days and time off told right after an overtime sum (hooks-m2 K8, K13).

K8 (m2-1): 不对 俺是1号到5号上的 6号7号歇了 老板说年底再给俺调休两天 那还能给多少钱, right after the 国庆 sum, got
the generic comp-time text (overtime_comp_time) and no sum; 那调休的两天要是老板到年底也不给 咋整 got that text again
and 是哪家单位欠的？ (a wage-arrears form). The days told are summed again; the time off promised and not given is
owed at 200 %, with its figure, and 12333 / arbitration is where to go.
K13 (m2-22): 不对 是给调休了一天 另外三天没给 after the sum is a correction of the time off (the sum again), not
pay owed (没给)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.overtime_calculator import case_overtime
from actions.router import ActionStartService

on_module_loop = pytest.mark.asyncio(loop_scope="module")

NATIONAL_DAY = "国庆节七天俺上了五天 老板说给调休两天 月工资五千八 能给多少加班费"
WEEKENDS = "上个月四个周末都加班了 公司给调休了两天 另外两天没给 月薪五千 该补多少"


def after_sum(first: str, wage: int, said: str, intent: str, days: str | None = None) -> Tracker:
    """The worker's overtime question, the form's sum on it, then ``said`` (the message answered)."""
    days = days or first
    pay = case_overtime({"monthly_wage": wage, "overtime_days": days})
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": first, "parse_data": parse(first, "overtime_pay")},
              {"event": "active_loop", "name": "overtime_form"},
              {"event": "slot", "name": "monthly_wage", "value": wage},
              {"event": "slot", "name": "overtime_days", "value": days},
              {"event": "active_loop", "name": None},
              {"event": "bot", "text": "按《劳动法》第四十四条计算：\n" + pay.explain()},
              {"event": "bot", "text": "单位不按这个标准支付的，可以先和单位协商，也可以打 12333 投诉。"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": said, "parse_data": parse(said, intent)}]
    return Tracker("worker-q", {"monthly_wage": wage, "overtime_days": days}, parse(said, intent), events,
                   False, None, {}, "action_listen")


def said_by(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


async def _run(tracker: Tracker) -> tuple[str, list[dict]]:
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    return said_by(dispatcher), events


def _form(events: list[dict]) -> list[str]:
    return [e.get("name") for e in events if e.get("event") == "active_loop" and e.get("name")]


@on_module_loop
@pytest.mark.parametrize("said,intent", [
    ("不对 俺是1号到5号上的 6号7号歇了 老板说年底再给俺调休两天 那还能给多少钱", "inform"),
    ("不对 俺是1号到5号上的 6号7号歇了 老板说年底再给俺调休两天 那还能给多少钱", "overtime_pay"),
])
async def test_days_corrected_after_the_sum_are_summed_again(backend, said, intent):
    reply, events = await _run(after_sum(NATIONAL_DAY, 5800, said, intent))
    assert "要看是哪种加班" not in reply, reply
    assert _form(events) == ["overtime_form"], events
    days = slot_values(events).get("overtime_days")
    assert days and case_overtime({"monthly_wage": 5800, "overtime_days": days}).total == Decimal("2400.00"), days


@on_module_loop
@pytest.mark.parametrize("said,intent", [
    ("不对 是给调休了一天 另外三天没给", "overtime_pay"), ("不对 是给调休了一天 另外三天没给", "wage_arrears"),
    ("说错了 就调休了一天 剩下三天都没给", "wage_arrears"),
    ("我说错了 公司只让倒休了一天 剩下三天没给", "inform"),
])
async def test_time_off_corrected_after_the_sum_is_summed_again_not_a_wage_case(backend, said, intent):
    reply, events = await _run(after_sum(WEEKENDS, 5000, said, intent))
    assert "哪家单位" not in reply and "wage_arrears_form" not in _form(events), (reply, events)
    days = slot_values(events).get("overtime_days")
    assert days and case_overtime({"monthly_wage": 5000, "overtime_days": days}).total == Decimal("1379.31"), days


@on_module_loop
@pytest.mark.parametrize("said,intent", [
    ("那调休的两天要是老板到年底也不给 咋整", "wage_arrears"), ("要是老板最后不给调休呢", "overtime_pay"),
    ("万一补休黄了咋办", "inform"), ("老板说的调休一直没兑现 怎么办", "wage_arrears"),
])
async def test_time_off_promised_and_not_given_is_owed_at_double(backend, said, intent):
    """K8: the 2 rest days given off are then owed at 200 % (1,066.67), 3,466.67 in all; 12333 / arbitration."""
    for days in (NATIONAL_DAY, f"{NATIONAL_DAY} 后来补休了2天"):
        reply, events = await _run(after_sum(NATIONAL_DAY, 5800, said, intent, days))
        assert "5,800 ÷ 21.75 × 2 × 200% = 1,066.67 元" in reply and "3,466.67 元" in reply, reply
        assert "utter_overtime_next" in reply and "要看是哪种加班" not in reply, reply
        assert not _form(events), events


@on_module_loop
async def test_the_weekends_with_one_day_given_off_owe_that_day(backend):
    days = "上个月四个周六都加班了 就给调休了一天 月薪五千"
    reply, _ = await _run(after_sum(days, 5000, "那一天调休要是也不给呢", "wage_arrears"))
    assert "5,000 ÷ 21.75 × 1 × 200% = 459.77 元" in reply and "1,839.08 元" in reply, reply


def test_no_time_off_unpaid_reply_for_a_correction_or_a_sum_without_time_off():
    from actions.router import time_off_unpaid_reply

    for said in ("不对 是给调休了一天 另外三天没给", "是给调休了一天 另外三天没给"):
        assert time_off_unpaid_reply(after_sum(WEEKENDS, 5000, said, "wage_arrears"), said) is None
    plain = "上个月四个周六都加班了 月薪五千"
    assert time_off_unpaid_reply(after_sum(plain, 5000, "要是不给调休呢", "inform"), "要是不给调休呢") is None
