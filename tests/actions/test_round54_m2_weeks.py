"""Round 54, helper m (second task, "m2"): six-day weeks and evenings, over months.

m2-15: 一个月四千 每个礼拜六都上班 平时每天晚上还加三个钟头 干了快半年了 was summed as 125 days of evening
hours beside one month's 4 Saturdays (14,402.29, "一个月加班约 407 小时"), then that sum × 6 months =
86,413.74 filed. The Saturdays are a month's (4 weeks); the evenings are of the same month (20 working
days), and the months multiply the month once. The working shown said 休息日每天也多干 3 小时 with no
line for it: the evenings were weekdays'.
m2-12: 平时每天晚上加班三个小时礼拜六也上班礼拜天歇一天 was read as one Saturday; 单休 / 只有礼拜天休息 /
每个礼拜休一天 with 每天晚上加班三个小时 dropped the evenings; 每个礼拜只歇礼拜天 and 礼拜六是每个礼拜都上 were
not read at all.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from actions.overtime_calculator import case_overtime
from actions.overtime_days import read_worked_days
from actions.wages import _daily_line


def _total(days: str, wage: int) -> Decimal | None:
    pay = case_overtime({"monthly_wage": wage, "overtime_days": days})
    return pay.total if pay else None


# 4,000 ÷ 21.75 × 4 × 200 % + 4,000 ÷ 21.75 ÷ 8 × 60 × 150 %: a month of 4 Saturdays and 20 evenings
A_MONTH = Decimal("3540.23")


@pytest.mark.parametrize("text", [
    "俺在胶州一个机械厂 一个月四千 每个礼拜六都上班 平时每天晚上还加三个钟头 干了快半年了",
    "每个礼拜六都上班 平时每天晚上加三个钟头 干了三个月",
    "一个礼拜干六天 每天晚上加班三个小时 干了半年",
])
def test_weekly_saturdays_and_evenings_over_months_are_one_month(text):
    worked = read_worked_days(text)
    assert worked.rest_days == 4 and worked.workdays == 20 and worked.extended_hours == 60, worked
    assert _total(text, 4000) == A_MONTH


def test_the_working_says_no_rest_day_hours_that_are_not_summed():
    worked = read_worked_days("每个礼拜六都上班 平时每天晚上还加三个钟头 干了快半年了")
    assert "休息日每天也多干" not in _daily_line(worked)
    # (a day's length over 8 on every day, rest days too, still says it: 一个月只歇两天 每天干十二个钟头)
    assert "休息日每天也多干 4 小时" in _daily_line(read_worked_days("一个月只歇两天 每天干十二个钟头"))


@pytest.mark.parametrize("text", [
    "单休 平时每天晚上加班三个小时",
    "每个礼拜休一天 每天晚上还加三个钟头",
    "只有礼拜天休息 每天加班3小时",
    "礼拜六也上班礼拜天歇一天 平时每天晚上加班三个小时",
    "我在城阳一个食品厂上班底薪两千五到手四千来块平时每天晚上加班三个小时礼拜六也上班礼拜天歇一天加班费一直没给过这得给多少",
    "每个礼拜只歇礼拜天 每天晚上加三个钟头",
])
def test_a_six_day_week_keeps_the_evenings(text):
    worked = read_worked_days(text)
    assert worked.rest_days == 4 and worked.hours_per_day == 3 and worked.extended_hours == 60, (text, worked)


@pytest.mark.parametrize("text", ["每个礼拜只歇礼拜天", "礼拜六是每个礼拜都上", "不对 礼拜六是每个礼拜都上 不是一天"])
def test_every_saturday_said_so_is_four_a_month(text):
    assert read_worked_days(text).rest_days == 4, text


@pytest.mark.parametrize("text,rest", [("上个礼拜六也上班了 礼拜天歇了一天", 1), ("每天干十个钟头 一个礼拜六天", 4)])
def test_one_saturday_gone_by_and_long_days_stay(text, rest):
    worked = read_worked_days(text)
    assert worked.rest_days == rest, text
    assert not (rest == 1 and worked.hours_per_day), worked


# --- m2-17: pay by the hour against the hourly minimum ----------------------------------------------
# 北京最低工资是多少 我在餐馆打零工 按小时给 一小时十八块 got 您说的每月 3,132 元不低于当地的月最低工资
# 2540 元: a month of 18 × 8 × 21.75 the worker was never paid. The hour's pay is compared with the hourly
# minimum of the records (the backend's ``hourly``).

class _Minimum:
    def __init__(self, city: str, monthly: int, hourly: float):
        self.record = {"found": True, "minimum_wage": {
            "title": f"{city}最低工资标准", "effective_from": "2025-09-01", "source": "人社部门通知",
            "details": {"monthly": monthly, "hourly": hourly, "verified": False}}}

    async def minimum_wage(self, city, district=None):
        return self.record


async def _minimum_answer(monkeypatch, hour: float, record: _Minimum, basis: str = "hour") -> tuple[str, list]:
    from form_trackers import parse
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher
    from test_answers_first import DOMAIN

    from actions import wages

    monkeypatch.setattr(wages, "client", lambda: record)
    text = f"最低工资是多少 我在餐馆打零工 按小时给 一小时{hour:g}块"
    message = parse(text, "minimum_wage")
    events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": message}]
    per = 21.75 * 8 if basis == "hour" else 1
    slots = {"city": "北京市", "monthly_wage": round(hour * per, 2), "wage_basis": basis}
    tracker = Tracker("worker-m2", slots, message, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    done = await wages.ActionMinimumWage().run(dispatcher, tracker, DOMAIN)
    return "\n".join(m.get("text") or "" for m in dispatcher.messages), done


async def test_pay_by_the_hour_is_compared_with_the_hourly_minimum(monkeypatch):
    answer, events = await _minimum_answer(monkeypatch, 18, _Minimum("北京市", 2540, 14.6))
    assert "每小时 18 元不低于当地的小时最低工资 14.6 元" in answer, answer
    assert "3,132" not in answer and "每月" not in answer.split("2540 元")[-1], answer
    assert not events


async def test_pay_by_the_hour_below_the_hourly_minimum_is_said_and_offered(monkeypatch):
    answer, events = await _minimum_answer(monkeypatch, 20, _Minimum("上海市", 2740, 25))
    assert "每小时 20 元低于当地的小时最低工资 25 元，每小时差 5 元" in answer, answer
    case = next(e["value"] for e in events if e.get("name") == "pending_case")
    assert case["facts"]["hourly_wage"] == 20 and case["facts"]["city"] == "北京市", case


async def test_a_month_s_pay_is_still_compared_by_the_month(monkeypatch):
    answer, _ = await _minimum_answer(monkeypatch, 3000, _Minimum("北京市", 2540, 14.6), basis="month")
    assert "每月 3,000 元不低于当地的月最低工资 2540 元" in answer, answer


# --- m2-17: 一天干十个小时 is a day's length, not a period of one day ---------------------------------
# (那我一天干十个小时 超过八小时的算加班不 was summed "每天加班 2 小时 × 约 1 个工作日（按每月平均 20.83 个
# 工作日估算）": the period is asked, as for 天天加班三个小时)

@pytest.mark.parametrize("text", ["那我一天干十个小时 超过八小时的算加班不", "一天干十个小时", "一天要干十二个钟头"])
def test_a_day_s_length_is_no_period(text):
    worked = read_worked_days(text)
    assert worked.hours_per_day and not worked.workdays and worked.needs_period, worked


@pytest.mark.parametrize("text,days", [("一天干十个小时 干了一天", 1), ("每天干十个钟头 干了三个月", 62)])
def test_a_period_said_besides_stays(text, days):
    assert read_worked_days(text).workdays == days, text


# --- m2-22: the days given off and the days not given off are the rest days worked --------------------

@pytest.mark.parametrize("text,rest,total", [
    ("上个月四个周末都加班了 公司给调休了两天 另外两天没给 月薪五千 该补多少", 4, Decimal("919.54")),
    ("四个周六都上了 补休了一天 剩下三天没补", 4, Decimal("1379.31")),
    ("上个月四个周末都加班了 公司给调休了两天", 8, Decimal("2758.62")),  # (no count besides: 8 weekend days)
])
def test_days_given_off_and_not_are_the_days_worked(text, rest, total):
    """上个月四个周末都加班了 公司给调休了两天 另外两天没给 was summed as 8 weekend days less 2 (2,758.62): the
    worker's own count is 2 + 2, 2 of them unpaid (919.54)."""
    assert read_worked_days(text).rest_days == rest, text
    assert _total(text, 5000) == total


def test_days_given_off_and_not_told_again_replace_those_before():
    """m2-22: 不对 是给调休了一天 另外三天没给 after the case above: 4 rest days, 1 given off (1,379.31)."""
    from actions.overtime_days import added_days

    joined = added_days("上个月四个周末都加班了 公司给调休了两天 另外两天没给 月薪五千 该补多少",
                        "不对 是给调休了一天 另外三天没给")
    worked = read_worked_days(joined or "")
    assert worked.rest_days == 4 and worked.comp_days == 1, joined
    assert _total(joined, 5000) == Decimal("1379.31")


# --- m2-21: 一个月干满三十天 / 一个月三十天都干 ------------------------------------------------------------

@pytest.mark.parametrize("text", ["那一个月三十天都干 周末那几天不算加班吗", "一个月干满三十天", "一个月三十天都干"])
def test_thirty_days_a_month_are_eight_rest_days_worked(text):
    """(read as nothing, then 加班是哪几天 asked though the month's days were said)"""
    assert read_worked_days(text).rest_days == 8, text


def test_a_month_of_days_with_long_days_keeps_its_hours():
    worked = read_worked_days("一个月干满三十天 每天干十个钟头")
    assert worked.rest_days == 8 and worked.hours_per_day == 2, worked
