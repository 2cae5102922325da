"""Round 52 (tester XM, money area), helper b: a correction of the weekends keeps the weekday
hours of the sum (XM-6: 月薪5200 平时每天多干2小时 一个月22天 周末也干 四个周六, then 不对 周六是三个 —
the menu, or 说错了 是三个周六 summed on the 3 Saturdays alone, 1,434.48); 还差多少 after the sum,
加班费只给了800 told, is the legal sum minus the 800 with its working (XM-6: 没太明白, or the sum
again with the 800 left off); 按哪个算 / 基数按哪个 about a 底薪 and a higher 到手 is answered with the
rule (the normal-hours wage, not the 底薪 alone) and the sum on each wage (XM-2: 没太明白)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.overtime_calculator import TOTAL_LABEL, case_overtime, total_reply
from actions.overtime_days import added_days, describe_worked, read_worked_days
from actions.router import ActionStartService, days_after_figure

on_module_loop = pytest.mark.asyncio(loop_scope="module")

FIRST = "月薪5200 平时每天多干2小时 一个月22天 周末也干 四个周六 加班费只给了800"
SUM = f"{TOTAL_LABEL} 3,885.05 元"
# 3 Saturdays: 5,200 ÷ 21.75 × 3 × 200 % = 1,434.48; 44 hours: 5,200 ÷ 21.75 ÷ 8 × 44 × 150 % = 1,972.41
THREE_SATURDAYS = Decimal("3406.89")
BASE_FIRST = "我底薪2500 到手一个月4500 平时每天加班2小时 上个月干了22天"


def _after_sum(first: str, text: str, slots: dict, intent: str = "inform", total: str = SUM) -> Tracker:
    """The talk after an overtime sum on ``first``; the worker then says ``text``."""
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": first, "parse_data": parse(first, "overtime_pay")},
              *({"event": "slot", "name": k, "value": val} for k, val in slots.items()),
              {"event": "active_loop", "name": "overtime_form"}, {"event": "active_loop", "name": None},
              {"event": "action", "name": "action_calculate_overtime"}, {"event": "bot", "text": total},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, intent)}]
    return Tracker("worker-52b", {**slots, "requested_slot": None}, parse(text, intent), events, False, None,
                   {}, "action_listen")


def _texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


# --- XM-6: a correction of the Saturdays keeps the weekday hours -------------------------------

CORRECTIONS = ["不对 周六是三个", "说错了 是三个周六", "不对 周六只有三个", "刚才说错了，周六就去了三个",
               "不对不对 是3个星期六", "搞错了 礼拜六其实是三个"]


@pytest.mark.parametrize("text", CORRECTIONS)
def test_saturdays_corrected_keep_the_daily_hours(text):
    """XM-6: 3 Saturdays + 2 h × 22 days = 3,406.89 at 5,200 (not 1,434.48)."""
    days = added_days(FIRST, text)
    assert days, text
    worked = read_worked_days(days)
    assert (worked.rest_days, worked.extended_hours, worked.hours_per_day) == (3, Decimal(44), Decimal(2)), days
    assert case_overtime({"monthly_wage": 5200, "overtime_days": days}).total == THREE_SATURDAYS
    assert describe_worked(days) == "休息日3天；每天多干2小时，共22天"
    assert "800" in days  # (what was paid, kept with the days: 还差多少 is worked out against it)


@pytest.mark.parametrize("text,count", [("周六是三个", 3), ("礼拜天俩", 2), ("周六就去了三个", 3)])
def test_a_weekend_day_then_its_count_is_read(text, count):
    assert read_worked_days(text).rest_days == count


@pytest.mark.parametrize("text", ["周六是三个小时", "周六上了3个月", "周六一个也没休"])
def test_no_count_of_saturdays_in_hours_months_or_none(text):
    assert read_worked_days(text).rest_days == 0


def test_a_correction_saying_only_the_saturdays_still_replaces_the_days():
    """Near-miss: 只有3个周六 / 平时没加 say the Saturdays were all there was."""
    for text in ("不对 只有3个周六", "不对 平时没加 就三个周六"):
        worked = read_worked_days(added_days(FIRST, text) or text)
        assert worked.extended_hours == 0 and worked.rest_days == 3, text


def test_the_saturdays_corrected_after_the_sum_are_summed_with_the_hours():
    """XM-6 as make run reads it: 不对 周六是三个 right after the 3,885.05 sum."""
    tracker = _after_sum(FIRST, "不对 周六是三个", {"monthly_wage": 5200, "overtime_days": FIRST})
    days = days_after_figure(tracker)
    assert case_overtime({"monthly_wage": 5200, "overtime_days": days}).total == THREE_SATURDAYS, days


@on_module_loop
@pytest.mark.parametrize("text", ["不对 周六是三个", "说错了 是三个周六"])
async def test_the_saturdays_corrected_after_the_sum_start_the_sum_again_with_the_hours(backend, text):
    """XM-6: 不对 周六是三个 got the menu; 说错了 是三个周六 the sum of the Saturdays alone."""
    tracker = _after_sum(FIRST, text, {"monthly_wage": 5200, "overtime_days": FIRST})
    events = await ActionStartService().act(CollectingDispatcher(), tracker, DOMAIN)
    days = slot_values(events).get("overtime_days")
    assert days and case_overtime({"monthly_wage": 5200, "overtime_days": days}).total == THREE_SATURDAYS, events


# --- XM-6: 还差多少 after the sum, what was paid told before ------------------------------------

SHORT_ASKS = ["还差多少", "那他还欠我多少", "少给了多少", "那我还能要回来多少钱", "那还差我多少钱"]


@pytest.mark.parametrize("text", SHORT_ASKS)
def test_the_shortfall_is_the_sum_less_what_was_paid(text):
    reply = total_reply(text, {"monthly_wage": 5200, "overtime_days": FIRST})
    assert reply and "3,885.05 − 800 = 3,085.05" in reply, reply
    assert "1,912.64" in reply and "1,972.41" in reply  # (the parts of the sum)


def test_the_shortfall_after_a_correction_is_on_the_days_corrected():
    days = added_days(FIRST, "不对 周六是三个")
    reply = total_reply("还差多少", {"monthly_wage": 5200, "overtime_days": days})
    assert reply and "3,406.89 − 800 = 2,606.89" in reply, reply


def test_the_shortfall_with_nothing_paid_told_asks_what_was_paid():
    days = "月薪5200 平时每天多干2小时 一个月22天 周末也干 四个周六"
    reply = total_reply("那他还欠我多少", {"monthly_wage": 5200, "overtime_days": days})
    assert reply and "3,885.05" in reply and "给了多少" in reply, reply


def test_the_shortfall_from_a_parked_case():
    facts = {"monthly_wage": 5200, "overtime_days": "平时每天多干2小时 一个月22天 四个周六",
             "case_points": "单位已付 800 元，按法定标准还差 3,085.05 元"}
    assert "3,085.05" in (total_reply("少给了多少", facts) or "")


@pytest.mark.parametrize("text", ["还欠我多少工资", "一共给了600 那还差我多少", "周六一天就给200 还差多少",
                                  "还差多少 还有两个周日"])
def test_other_questions_are_no_shortfall_of_the_sum(text):
    """Near-misses: the wage owed; a payment or days said now (the sum is done again with them)."""
    reply = total_reply(text, {"monthly_wage": 5200, "overtime_days": FIRST})
    assert not reply or "3,085.05" not in reply, reply


@on_module_loop
@pytest.mark.parametrize("text,intent", [("还差多少", "nlu_fallback"), ("那他还欠我多少", "nlu_fallback"),
                                         ("少给了多少", "inform")])
async def test_the_shortfall_is_answered_after_the_sum(backend, text, intent):
    """XM-6: 那他还欠我多少 got 没太明白; 还差多少 the sum again without the 800."""
    from actions.fallback import understood_anyway
    tracker = _after_sum(FIRST, text, {"monthly_wage": 5200, "overtime_days": FIRST}, intent)
    dispatcher = CollectingDispatcher()
    if intent == "nlu_fallback":
        await understood_anyway(dispatcher, tracker, DOMAIN)
    else:
        await ActionStartService().act(dispatcher, tracker, DOMAIN)
    assert "3,885.05 − 800 = 3,085.05" in _texts(dispatcher), _texts(dispatcher)


# --- XM-2: 按哪个算, the 底薪 and the 到手 told --------------------------------------------------

BASE_ASKS = ["按哪个算", "按基本工资还是按实际工资算", "基数按哪个", "加班费按底薪算还是按到手算",
             "那加班费是按哪个工资算的"]


@pytest.mark.parametrize("text", BASE_ASKS)
def test_the_base_asked_is_the_rule_and_the_sum_on_each_wage(text):
    """XM-2: 2 h × 22 days on 2,500 = 948.28, on 4,500 = 1,706.90; the 底薪 alone leaves 758.62."""
    reply = total_reply(text, {"monthly_wage": 2500, "overtime_days": BASE_FIRST})
    assert reply and "正常工作时间的工资" in reply and "第十三条" in reply and "最低工资" in reply, reply
    assert "948.28" in reply and "1,706.90" in reply and "758.62" in reply, reply


@pytest.mark.parametrize("text", ["那按到手的算呢", "按实际工资算是多少", "用实发的算呢"])
def test_the_sum_on_the_wage_the_worker_names(text):
    reply = total_reply(text, {"monthly_wage": 2500, "overtime_days": BASE_FIRST})
    assert reply and "4,500 ÷ 21.75 ÷ 8 × 44 × 150% = 1,706.90" in reply and "948.28" not in reply, reply


def test_one_wage_told_the_base_asked_asks_the_other():
    reply = total_reply("基数按哪个", {"monthly_wage": 5200, "overtime_days": FIRST})
    assert reply and "第十三条" in reply and "3,885.05" in reply and "告诉我" in reply, reply


def test_a_base_with_a_figure_is_left_to_the_form():
    """XA-2 stands: 老板说加班费按底薪2000算 行吗 is answered by the form, which keeps the wage."""
    facts = {"monthly_wage": 4350, "overtime_days": "平时加了20个钟头"}
    assert total_reply("老板说加班费按底薪2000算 行吗", facts) is None


@on_module_loop
@pytest.mark.parametrize("text,intent", [("按哪个算", "nlu_fallback"), ("基数按哪个", "nlu_fallback"),
                                         ("加班费按底薪算还是按到手算", "overtime_pay")])
async def test_the_base_is_answered_after_the_sum(backend, text, intent):
    """XM-2: 按哪个算 / 基数按哪个 got 没太明白."""
    from actions.fallback import understood_anyway
    tracker = _after_sum(BASE_FIRST, text, {"monthly_wage": 2500, "overtime_days": BASE_FIRST}, intent,
                         f"{TOTAL_LABEL} 948.28 元")
    dispatcher = CollectingDispatcher()
    if intent == "nlu_fallback":
        await understood_anyway(dispatcher, tracker, DOMAIN)
    else:
        await ActionStartService().act(dispatcher, tracker, DOMAIN)
    said = _texts(dispatcher)
    assert "1,706.90" in said and "第十三条" in said, said


def test_the_wages_and_payment_told_in_other_messages_are_read_from_the_words_given():
    """底薪3000 到手5000 told to the wage question (not in the days' words): with the worker's last
    messages given as ``words`` (hook for the router's overtime_total), both wages are summed."""
    days = "上个月四个周六都加班了 加班费怎么算"
    words = f"{days} 底薪3000 到手5000 按哪个算"
    reply = total_reply("按哪个算", {"monthly_wage": 3000, "overtime_days": days, "words": words})
    assert reply and "1,103.45" in reply and "1,839.08" in reply and "735.63" in reply, reply
    words = f"{days} 3000 老板就给了我500块 还差多少"
    reply = total_reply("还差多少", {"monthly_wage": 3000, "overtime_days": days, "words": words})
    assert reply and "1,103.45 − 500 = 603.45" in reply, reply
