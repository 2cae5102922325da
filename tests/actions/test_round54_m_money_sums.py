"""Round 54, helper m (testers' XQ-7, XQ-2, XQ-3: the money sums).

XQ-7: 每个周末两天都加班 上个月四个周末 was summed as 11 rest days (the 9 weekend days of last month
from the calendar, plus 两天 read as two days more; the testers saw 4); four weekends of two days are
8. 每周六周日都上班 干了一个月 was read as 每周六 alone (4 days), 上个月四个周末都加班了 took the month's
9 weekend days over the worker's 4 weekends, and 每个礼拜休一天 was not understood at all.
XQ-2: 一天三百 … 两个月没发 was summed as 300 × 21.75 × 2 = 13,050 owed. 21.75 turns a month's pay into
a day's; a day-paid worker is owed the days they worked × the day's pay — the days read (上了52天 /
每月干26天 / 天天干), or asked.
XQ-3: 除夕上了半天班 / 除夕干了半天 初一初二全天 counted 除夕 as a whole day (除夕干了4个小时: a whole
day at 300 % plus 4 hours at 150 %); half a day is half the pay, for any holiday or rest day.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher

from actions import overtime_calculator, overtime_days, wages
from actions.overtime_calculator import case_overtime
from actions.overtime_days import added_days, read_worked_days

TODAY = date(2026, 12, 7)  # (the testers' day: 上个月 is November 2026, 9 weekend days)


def _total(days: str, wage: int = 4500) -> Decimal | None:
    pay = case_overtime({"monthly_wage": wage, "overtime_days": days})
    return pay.total if pay else None


def _rest_worked(text: str) -> Decimal:
    worked = read_worked_days(text, TODAY)
    return worked.rest_days - getattr(worked, "rest_short", 0)


# --- XQ-7: weekends counted -----------------------------------------------------------------------

EIGHT_DAYS = Decimal("3310.34")  # 4,500 ÷ 21.75 × 8 × 200 %


@pytest.mark.parametrize("text", [
    "我在厂里干活 一个月4500 每个周末两天都加班 上个月四个周末 加班费一分没给 能算算该给多少不",
    "每个周末两天都加班 上个月四个周末",
    "上个月四个周末都加班了",
    "每周六周日都上班 干了一个月",
    "每个周末两天都加班",
    "周末两天都上班 上个月4个周末都没休",
    "每个周末都上两天班，干了四个周末",
    "每个周六都加班 周日也上",
    "四个周末都没休息",
])
def test_four_weekends_of_two_days_are_eight_rest_days(text):
    worked = read_worked_days(text, TODAY)
    assert not worked.dates and _rest_worked(text) == 8, text
    assert _total(text) == EIGHT_DAYS


@pytest.mark.parametrize("text", ["每个礼拜休一天", "月薪4500 每个礼拜只休一天 干了一个月", "只有礼拜天休息",
                                  "每个周末只上一天 干了四个周末", "每个周六都加班 周日休息"])
def test_one_rest_day_a_week_is_four_a_month(text):
    assert _rest_worked(text) == 4, text
    assert _total(text) == Decimal("1655.17")


@pytest.mark.parametrize("text,days", [("周末只休一天", 4), ("上个月四个周末 每个周末只休了一天", 4),
                                       ("一周只歇半天", 6), ("每个周末干一天半", 6), ("每个周末都只休半天", 6),
                                       ("周六周日全上了 干了六个礼拜", 12), ("上个月周六周日全上了 一共4个礼拜", 8),
                                       ("周末休了一天 另一天加班了", 1)])  # (one weekend, told as done)
def test_the_days_off_of_each_weekend_and_the_weeks_counted(text, days):
    assert _rest_worked(text) == days, text


def test_the_month_s_weekends_are_taken_from_the_calendar_only_when_not_counted():
    """Near-miss: 上个月周末都在加班 (no count) is still every weekend day of last month."""
    assert len(read_worked_days("上个月周末都在加班", TODAY).dates) == 9
    worked = read_worked_days("每个周末两天都加班 上个月", TODAY)
    assert len(worked.dates) == 9 and worked.rest_days == 0  # (两天 is each weekend's, no days more)
    assert read_worked_days("周末两天都加班了", TODAY).rest_days == 2  # one weekend
    assert read_worked_days("每个周末两天 上个月一共8天", TODAY).rest_days == 8  # the worker's total


async def test_the_weekends_sum_the_worker_sees():
    text = "一个月4500 每周六周日都上班 干了一个月 加班费咋算"
    tracker = conversation([(text, "overtime_pay", [])], {"monthly_wage": 4500, "overtime_days": text})
    dispatcher = CollectingDispatcher()
    await wages.ActionCalculateOvertime().run(dispatcher, tracker, {})
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "休息日加班 8 天" in said and "3,310.34" in said, said


# --- XQ-3: half a day ------------------------------------------------------------------------------

def _parts(text: str) -> dict:
    return {d.strftime("%m-%d"): p for d, p in getattr(read_worked_days(text, TODAY), "part_days", {}).items()}


@pytest.mark.parametrize("text,total", [
    ("工资5000 过年除夕上了半天班 初一初二全天都上了 加班费该给多少", "1724.14"),  # 2.5 days × 300 %
    ("除夕干了半天 初一初二全天", "1724.14"),
    ("除夕上午上的班 初一初二都上了", "1724.14"),
    ("除夕干了4个小时 初一初二都干了", "1724.14"),
    ("除夕那天，只干了半天，初一初二都是全天", "1724.14"),
    ("除夕上了半天班", "344.83"),
    ("月工资5000 除夕干了4个小时 该给多少加班费", "344.83"),  # (not a day at 300 % and 4 h at 150 %)
    ("初一到初三都上了 都只干了半天", "1034.48"),
    ("除夕上了半天 初一到初三全天", "2413.79"),  # (除夕 before the span was dropped: 2,068.97)
    ("除夕上半天 初一到初三都上全天 初四初五各上了半天", "2873.56"),  # (+ two half rest days)
])
def test_half_a_holiday_is_half_its_pay(text, total):
    assert _total(text, 5000) == Decimal(total), text


@pytest.mark.parametrize("text,days", [
    ("周末干了一天半", "1.5"), ("周六周日加了一天半班", "1.5"),
    ("周六加了半天班", "0.5"), ("上个周六干了4个小时", "0.5"), ("周六上午加了班", "0.5"),
    ("礼拜天下午去厂里干活了", "0.5"), ("四个周六都上半天", "2"), ("四个周六都加班 其中两个只上了半天", "3"),
    ("每个周六都加班 一天4小时", "2"),
])
def test_half_a_rest_day_is_half_its_pay(text, days):
    assert _rest_worked(text) == Decimal(days), text
    assert _total(text, 5000) == (Decimal(5000) / Decimal("21.75") * Decimal(days) * 2).quantize(Decimal("0.01"))


def test_the_half_day_is_said_on_its_date():
    assert _parts("除夕干了半天 初一初二全天") == {"02-16": Decimal("0.5")}
    assert _parts("国庆1号到3号都上了 1号只上了半天") == {"10-01": Decimal("0.5")}
    assert _parts("国庆上了半天") == {"10-01": Decimal("0.5")}
    pay = case_overtime({"monthly_wage": 5000, "overtime_days": "除夕干了半天 初一初二全天"})
    assert "春节（除夕）：法定节假日（半天）" in pay.explain() and "法定节假日加班 2.5 天" in pay.explain()
    assert "工作日延长" not in case_overtime({"monthly_wage": 5000, "overtime_days": "除夕干了4个小时"}).explain()


@pytest.mark.parametrize("text", ["老板让我等了半天 初一初二都上了", "除夕上午下午都上了 初一也上了",
                                  "说了半天老板也不给 初一初二都干了", "周六是三个小时", "初一从早上8点干到下午5点",
                                  "老板半天不给钱 初一初二都上了"])
def test_no_half_day_in_a_long_while_or_a_whole_day(text):
    """Near-misses: 等了半天 (a long while), 上午下午都上了 (a whole day), 周六是三个小时 (no day said worked)."""
    assert not _parts(text) and not getattr(read_worked_days(text, TODAY), "rest_short", 0), text


@pytest.mark.parametrize("before,said,total", [
    ("初一到初三都上了", "不对 初三只上了半天", "1724.14"),
    ("除夕到初二都上了", "除夕那天只干了半天", "1724.14"),
    ("除夕上了", "除夕上了半天", "344.83"),
    ("除夕干了半天 初一初二全天", "初四也上了", "2183.91"),  # (+ 初四, a rest day: 229.89 × 200 %)
])
def test_a_half_day_said_later_is_of_the_days_before(before, said, total):
    days = added_days(before, said)
    assert days and _total(days, 5000) == Decimal(total), days


def test_days_named_beside_a_span_said_off_are_not_counted():
    """Near-miss: 初一到初三上班 初四初五休息 / 除夕休息 初一到初三上班 are three days."""
    assert len(read_worked_days("初一到初三上班 初四初五休息", TODAY).dates) == 3
    assert len(read_worked_days("除夕放假 初一到初三上班", TODAY).dates) == 3


def test_the_same_days_said_with_a_half_are_not_the_same_days():
    assert not overtime_days.same_days_said("除夕上了", "除夕上了半天")
    assert overtime_days.same_days_said("除夕上了半天", "除夕干了半天")


def test_the_days_are_summed_whole_and_in_part_by_one_call():
    worked = read_worked_days("除夕干了半天 初一初二全天 还有四个周六 都只上了半天", TODAY)
    assert overtime_calculator.worked_pay(5000, worked).total == Decimal("2643.68")  # 1,724.14 + 919.54


# --- XQ-2: a worker paid by the day ----------------------------------------------------------------

DAY_300 = 6525  # the monthly_wage slot of 一天三百: 300 × 21.75 (wage_basis "day")


@pytest.mark.parametrize("words,owed", [
    ("在工地干活 一天300 上了52天 老板一分没给", 15600),
    ("一天三百 每月干26天 老板两个月没发工资了", 15600),
    ("干了五十二天 一天三百 两个月没给", 15600),
    ("俺在工地一天三百 天天干 两个月工资没发", 18000),  # (every day: 30 a month, said as the estimate)
])
def test_a_day_paid_worker_is_owed_the_days_worked(words, owed):
    assert wages.owed_sum(DAY_300, "day", 2, words) == owed


@pytest.mark.parametrize("words", ["我在工地干活 一天三百 老板两个月没发了 能要回多少",
                                   "一天三百 干了两个月 工资一分没见", "日薪300 俩月没给钱"])
def test_no_sum_on_21_75_days_when_the_days_are_not_told(words):
    assert wages.owed_sum(DAY_300, "day", 2, words) is None
    line = wages.by_the_day_reply(DAY_300, "day", 2, words)
    assert "一共干了多少天" in line and "13,050" not in line and "21.75" in line, line


def test_a_monthly_wage_is_still_owed_by_the_month():
    assert wages.owed_sum(5000, None, 2, "一个月五千 两个月没发") == 10000


def _arrears(text: str, slots: dict, replies: list[str] | None = None, before: str | None = None):
    turns = ([(before, "wage_arrears", replies or [])] if before else []) + [(text, "wage_arrears", [])]
    return conversation(turns, slots)


def test_the_owed_reply_asks_the_days_instead_of_13050():
    text = "我在工地干活 一天三百 老板两个月没发了 能要回多少"
    said = {"monthly_wage": DAY_300, "wage_basis": "day", "duration": "P2M", "amount": 13050}
    line = wages.owed_sum_reply(_arrears(text, said), said)
    assert line and "13,050" not in line and "6,525" not in line and "一共干了多少天" in line, line


def test_the_owed_reply_sums_the_days_told():
    text = "一天三百 每月干26天 老板两个月没发工资了 一共该给多少"
    said = {"monthly_wage": DAY_300, "wage_basis": "day", "duration": "P2M", "amount": 13050}
    line = wages.owed_sum_reply(_arrears(text, said), said)
    assert line and "15,600 元" in line and "13,050" not in line, line


def test_the_sum_owed_on_21_75_days_is_taken_back_or_made_from_the_days():
    said = {"monthly_wage": DAY_300, "wage_basis": "day", "duration": "P2M", "amount": 13050}
    tracker = _arrears("我在工地干活 一天三百 老板两个月没发了", said)
    assert wages.amount_by_the_day(tracker, dict(said))["amount"] is None
    tracker = _arrears("一天三百 上了52天 两个月没发", said)
    assert wages.amount_by_the_day(tracker, dict(said))["amount"] == 15600
    docked = {**said, "amount": 13550}  # (扣的500 added to the 21.75 sum: kept on the days' sum)
    tracker = _arrears("一天三百 上了52天 两个月没发 还扣了我五百", docked)
    assert wages.amount_by_the_day(tracker, dict(docked))["amount"] == 16100


def test_the_days_told_after_the_question_make_the_sum():
    question = wages.by_the_day_reply(DAY_300, "day", 2, "一天三百 两个月没发")
    slots = {"monthly_wage": DAY_300, "wage_basis": "day", "duration": "P2M", "amount": None}
    tracker = _arrears("上了52天", slots, [question], before="一天三百 两个月没发 能要回多少")
    assert wages.amount_by_the_day(tracker, {})["amount"] == 15600
    line = wages.owed_sum_reply(tracker, {})
    assert line and "15,600 元" in line, line


def test_a_sum_the_worker_said_and_a_monthly_wage_are_kept():
    """Near-misses: 一共欠我一万三 (the worker's own figure); 一个月六千 (by the month)."""
    said = {"monthly_wage": DAY_300, "wage_basis": "day", "duration": "P2M", "amount": 13050}
    tracker = _arrears("一天三百 两个月没发 一共欠我13050", said)
    assert wages.amount_by_the_day(tracker, dict(said))["amount"] == 13050
    month = {"monthly_wage": 6000, "duration": "P2M", "amount": 12000}
    assert wages.amount_by_the_day(_arrears("一个月六千 两个月没发", month), dict(month))["amount"] == 12000


async def test_the_half_day_sum_the_worker_sees():
    text = "工资5000 过年除夕上了半天班 初一初二全天都上了 加班费该给多少"
    tracker = conversation([(text, "overtime_pay", [])], {"monthly_wage": 5000, "overtime_days": text})
    dispatcher = CollectingDispatcher()
    await wages.ActionCalculateOvertime().run(dispatcher, tracker, {})
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "（除夕）：法定节假日（半天）" in said and "法定节假日加班 2.5 天" in said and "1,724.14" in said, said


def test_the_money_docked_stays_on_the_days_told_later():
    question = wages.by_the_day_reply(DAY_300, "day", 2, "老板两个月没发工资了 一天三百 还扣了我五百")
    slots = {"monthly_wage": DAY_300, "wage_basis": "day", "duration": "P2M", "amount": None}
    tracker = _arrears("上了52天", slots, [question], before="老板两个月没发工资了 一天三百 还扣了我五百")
    assert wages.amount_by_the_day(tracker, {})["amount"] == 16100
