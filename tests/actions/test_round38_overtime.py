"""Round 38 testers' defects in reading the days worked and summing their pay (ZW-14, ZW-05,
ZW-02) — each read the way the worker wrote it."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from form_trackers import parse, slot_values
from lunardate import LunarDate
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.holiday_calendar import DayKind, spring_festival_day
from actions.overtime_calculator import overtime_pay
from actions.overtime_days import added_days, describe_worked, read_worked_days

TODAY = date(2026, 12, 7)
SATURDAYS_AND_EVENINGS = ("帮我算算加版费 我一个月5500 上个月周六上了四天 没给调休 "
                          "平时每天下班还多干俩小时 一共上了22天")
WEEKDAYS_CORRECTED = "不对 周六就上了四天 22天是平常上班的天数"


def _weekdays_and_saturdays(worked) -> tuple:
    return (worked.rest_days, worked.hours_per_day, worked.workdays, worked.workdays_counted,
            worked.extended_hours)


def test_a_count_said_with_the_weekday_hours_is_the_weekdays_not_the_saturdays():
    """ZW-14: 一共上了22天 after 平时每天下班还多干俩小时 was read as 22 Saturdays: it is the
    working days those 2 hours were done on (4 Saturdays, 2 h × 22 days = 44 h)."""
    worked = read_worked_days(SATURDAYS_AND_EVENINGS, TODAY)
    assert _weekdays_and_saturdays(worked) == (4, 2, 22, True, 44)
    assert describe_worked(SATURDAYS_AND_EVENINGS, TODAY) == "休息日4天；每天多干2小时，共22天"
    # (a total of weekend days is still the weekend days')
    assert read_worked_days("每个周末两天 上个月一共8天", TODAY).rest_days == 8


def test_the_saturdays_and_weekday_hours_sum_to_the_figures_the_tester_checked():
    """ZW-14: 5,500 a month, 4 rest days at 200 % and 44 weekday hours at 150 %."""
    worked = read_worked_days(SATURDAYS_AND_EVENINGS, TODAY)
    pay = overtime_pay(5500, worked.statutory_days, worked.rest_days, worked.extended_hours,
                       dates=worked.dates, comp_days=worked.comp_days)
    assert [line.amount for line in pay.lines] == [Decimal("2022.99"), Decimal("2086.21")]
    assert pay.total == Decimal("4109.20") and "4,109.20" in pay.explain()


def test_a_correction_naming_the_weekday_count_keeps_the_weekday_hours():
    """ZW-14: 不对 周六就上了四天 22天是平常上班的天数 after the first message replaced the days
    with the 4 Saturdays alone (the 44 weekday hours lost): read with the message before."""
    joined = added_days(SATURDAYS_AND_EVENINGS, WEEKDAYS_CORRECTED)
    assert joined == f"{SATURDAYS_AND_EVENINGS} {WEEKDAYS_CORRECTED}"
    assert _weekdays_and_saturdays(read_worked_days(joined, TODAY)) == (4, 2, 22, True, 44)
    # a correction of the Saturdays alone still replaces the days said before
    assert added_days("上个月周六上了四天", "不对 是五个周六") is None


async def test_the_correction_said_in_the_conversation_keeps_the_weekday_hours():
    """ZW-14, as the conversation carries it: the slot keeps both messages' days."""
    from actions.slot_mappings import ValidateSlotMappings

    message = parse(WEEKDAYS_CORRECTED, "inform")
    events = [{"event": "action", "name": "overtime_form"},
              {"event": "user", "text": SATURDAYS_AND_EVENINGS, "parse_data": parse(SATURDAYS_AND_EVENINGS, "inform")},
              {"event": "action", "name": "action_calculate_overtime"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": WEEKDAYS_CORRECTED, "parse_data": message}]
    slots = {"monthly_wage": 5500, "overtime_days": SATURDAYS_AND_EVENINGS}
    tracker = Tracker("worker-38", slots, message, events, False, None, {}, "action_listen")
    read = slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), tracker, DOMAIN))
    kept = read.get("overtime_days", SATURDAYS_AND_EVENINGS)
    assert _weekdays_and_saturdays(read_worked_days(kept, TODAY)) == (4, 2, 22, True, 44), kept


def _festival_2027(first_lunar: tuple[int, int, int], last: int) -> list[date]:
    first = LunarDate(*first_lunar).to_solar_date()
    return [first + timedelta(days=i) for i in range((spring_festival_day(2027, last) - first).days + 1)]


def test_a_range_of_lunar_days_from_the_twelfth_month_is_every_day_of_it():
    """ZW-05: 还没过年呢 打算从腊月二十八干到初七 was read as one rest day (初七 of the festival
    gone by): every day from 腊月二十八 to 正月初七 of the coming festival."""
    said = "还没过年呢 打算从腊月二十八干到初七 整个假期都干"
    days = read_worked_days(said, TODAY).dates
    assert days == _festival_2027((2026, 12, 28), 7)  # 2027-02-04 … 2027-02-12, 9 days
    pay = overtime_pay(6000, dates=days)
    kinds = [d.kind for d in pay.days]
    assert kinds.count(DayKind.STATUTORY) == 4  # 除夕, 初一 to 初三
    assert kinds.count(DayKind.REST) + kinds.count(DayKind.WORKDAY) == 5
    assert read_worked_days("腊月二十八至初三我都在厂里值班了", TODAY).dates[0] == date(2026, 2, 15)
    assert read_worked_days("今年过年 腊月二十六到除夕要上班", TODAY).dates == _festival_2027((2026, 12, 26), 0)
    assert describe_worked(said, TODAY) == "2月4日至2月12日"


def test_a_holiday_day_at_6000_is_rounded_from_the_exact_figure():
    """ZW-02: a 300 % day at 6,000 a month was shown as 827.58 (275.86 × 3, the day's pay
    rounded first): 6,000 ÷ 21.75 × 3 = 827.586… → 827.59, and the total is the lines'."""
    from actions.overtime_calculator import pay_for_one_day

    assert pay_for_one_day(6000, DayKind.STATUTORY) == Decimal("827.59")
    assert pay_for_one_day(6000, DayKind.REST) == Decimal("551.72")
    assert pay_for_one_day("6000", DayKind.WORKDAY) == Decimal("413.79")
    pay = overtime_pay(6000, statutory_days=1, rest_days=1, extended_hours=3)
    assert [line.amount for line in pay.lines] == [Decimal("827.59"), Decimal("551.72"), Decimal("155.17")]
    assert pay.total == sum(line.amount for line in pay.lines) and "1,534.48" in pay.explain()
