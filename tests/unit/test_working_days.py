"""China's working-day calendar: deadlines, ticket ids and opening hours in Beijing time.

2026 comes from the State Council's announcement (through chinese_calendar); 2027 and 2030
are computed by rule (chinese_calendar 1.11.0 ends with 2026)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import chinese_calendar
import pytest

from bot.backend.handoffs import is_open
from bot.backend.tickets import id_day, sla_due
from bot.calendar.beijing import to_beijing
from bot.calendar.workdays import (
    add_working_days,
    announced,
    is_holiday,
    is_working_day,
    predicted_make_up_days,
)

HOURS = {d: ["08:30-12:00", "13:30-17:30"] for d in ("mon", "tue", "wed", "thu", "fri")}


def _span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


@pytest.mark.parametrize("first, last", [
    (date(2026, 10, 1), date(2026, 10, 7)),   # 国庆 2026 (announced)
    (date(2026, 2, 15), date(2026, 2, 23)),   # 春节 2026: 腊月廿八–正月初七 (announced)
    (date(2027, 10, 1), date(2027, 10, 7)),   # 国庆 2027 (rule)
    (date(2027, 2, 5), date(2027, 2, 12)),    # 春节 2027: 除夕–初七 (rule)
    (date(2030, 10, 1), date(2030, 10, 7)),   # 国庆 2030, beyond chinese_calendar
    (date(2030, 2, 2), date(2030, 2, 9)),     # 春节 2030: 除夕 2 Feb (rule)
])
def test_holiday_breaks_are_not_working_days(first, last):
    assert not any(is_working_day(d) for d in _span(first, last))
    assert all(is_holiday(d) for d in _span(first, last) if d.weekday() < 5)


@pytest.mark.parametrize("day", [
    date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9),
    date(2026, 9, 20), date(2026, 10, 10),                    # announced for 2026
    date(2027, 1, 31), date(2027, 9, 26), date(2027, 10, 9),   # 2027 by rule
    date(2030, 9, 29), date(2030, 10, 12),                     # 2030 by rule
])
def test_make_up_weekends_are_working_days(day):
    assert day.weekday() >= 5 and is_working_day(day)


def test_ordinary_weekends_and_weekdays():
    assert not is_working_day(date(2027, 3, 6))   # a plain Saturday
    assert is_working_day(date(2027, 3, 8))       # a plain Monday
    assert not is_holiday(date(2027, 3, 6))       # a weekend is no holiday (no holiday hours)


@pytest.mark.parametrize("year", [2021, 2025, 2026])
def test_rule_reproduces_the_announced_make_up_days(year):
    official = {d for d in chinese_calendar.constants.workdays if d.year == year
                and d.weekday() >= 5}
    assert predicted_make_up_days(year) == official


def test_a_year_beyond_chinese_calendar():
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(date(2030, 10, 3))
    assert not announced(date(2030, 10, 3)) and announced(date(2026, 10, 3))
    assert not is_working_day(date(2030, 10, 3))
    assert add_working_days(date(2030, 9, 30), 2) == date(2030, 10, 9)
    # beyond the rules' range (2000–2099): Monday to Friday
    assert is_working_day(date(2100, 10, 1)) and not is_working_day(date(2100, 10, 2))


def test_ticket_filed_before_national_day_is_not_due_during_it():
    filed = datetime(2026, 9, 30, 2, 0)             # 10:00 Beijing, Wednesday
    due = to_beijing(sla_due(filed))
    assert due.date() == date(2026, 10, 9) and due.hour == 10   # Thu 8 Oct, Fri 9 Oct
    # filed on the Friday before the 2026 make-up Saturday 10 Oct: Sat counts, Sun does not
    assert to_beijing(sla_due(datetime(2026, 10, 9, 2, 0))).date() == date(2026, 10, 12)
    # 2027 by rule: filed Thu 30 Sep → Fri 8 Oct, Sat 9 Oct (调休)
    assert to_beijing(sla_due(datetime(2027, 9, 30, 2, 0))).date() == date(2027, 10, 9)
    # Spring Festival 2026: filed Fri 13 Feb → Sat 14 Feb (调休), Tue 24 Feb
    assert to_beijing(sla_due(datetime(2026, 2, 13, 2, 0))).date() == date(2026, 2, 24)


def test_ticket_id_and_deadline_use_the_beijing_date():
    filed = datetime(2026, 9, 30, 19, 0)            # 2026-10-01 03:00 Beijing
    assert id_day(filed) == "20261001"
    assert to_beijing(sla_due(filed)).date() == date(2026, 10, 9)


def test_station_is_closed_on_a_statutory_holiday_unless_it_has_holiday_hours():
    national_day_10am = datetime(2026, 10, 2, 2, 0)  # Friday 10:00 Beijing
    assert not is_open(HOURS, national_day_10am)
    assert is_open({**HOURS, "holiday": ["09:00-12:00"]}, national_day_10am)
    make_up_saturday_10am = datetime(2026, 10, 10, 2, 0)
    assert is_open(HOURS, make_up_saturday_10am)      # 调休上班: Monday's hours
    assert not is_open(HOURS, datetime(2026, 10, 17, 2, 0))  # an ordinary Saturday
    assert is_open(HOURS, datetime(2026, 10, 9, 2, 0))       # an ordinary Friday
