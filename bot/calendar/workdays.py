"""Working days of China's calendar, for deadlines (工单时限) and opening hours.

A day is a working day unless it is a statutory holiday, a day of a holiday break, or a
weekend day — and a weekend day is a working day when it is a make-up working day (调休上班).

Years the State Council has announced come from ``chinese_calendar`` (its data ends with the
last announced year: 2026 for the pinned 1.11.0; upgrading the pin brings the next year). For
any later year the schedule is computed the way the overtime calendar computes holidays
(``bot.calendar.holidays``), with the make-up days placed the way the announcements place
them:

- a long break (春节, 劳动节, 国庆节) needs as many make-up days as it has weekdays beyond its
  statutory days; a bridge day (Monday before a Tuesday holiday, Friday after a Thursday one)
  needs one;
- they fall on the nearest weekend days outside every break, never the weekend day right
  next to the break, nor the weekend of a one-day holiday on a Friday or Monday (that
  weekend belongs to its three-day break); with two or more, one before and one after.

The rule reproduces every announced make-up day of 2021–2026 that the cross-check test lists;
for years beyond the data it is a prediction until the announcement, which then wins by
upgrading ``chinese-calendar``.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar

from bot.calendar.holidays import (
    FIRST_YEAR,
    LAST_YEAR,
    _day_off_in_lieu,
    _may_day_break,
    _national_day_break,
    _spring_festival_break,
    holiday_breaks,
    statutory_holidays,
)

_ONE_DAY = ("元旦", "清明节", "端午节", "中秋节")


def announced(day: date) -> bool:
    """Whether the State Council's schedule of ``day``'s year is in ``chinese_calendar``."""
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return False
    return True


@lru_cache(maxsize=256)
def _days_off(year: int) -> frozenset[date]:
    """Every day off of a holiday (statutory or break) by rule, for ``year`` and its edges."""
    days: set[date] = set()
    for y in (year - 1, year, year + 1):
        if FIRST_YEAR <= y <= LAST_YEAR:
            days |= set(statutory_holidays(y)) | set(holiday_breaks(y))
    return frozenset(days)


def _one_day_weekends(year: int) -> set[date]:
    """The weekend next to a one-day holiday on a Friday or a Monday: part of its 3-day break."""
    out: set[date] = set()
    for y in (year - 1, year, year + 1):
        if not FIRST_YEAR <= y <= LAST_YEAR:
            continue
        for holiday, name in statutory_holidays(y).items():
            if name in _ONE_DAY and holiday.weekday() in (0, 4):
                step = 1 if holiday.weekday() == 4 else -1
                out |= {holiday + timedelta(days=step), holiday + timedelta(days=2 * step)}
    return out


def _breaks_needing_make_up(year: int) -> list[tuple[list[date], int]]:
    """(days of the break, how many make-up working days it needs) for ``year``."""
    statutory = statutory_holidays(year)
    found = []
    for span in (_spring_festival_break(year), _may_day_break(year), _national_day_break(year)):
        if span:
            weekdays = sum(1 for d in span if d.weekday() < 5)
            found.append((span, max(0, weekdays - sum(1 for d in span if d in statutory))))
    for holiday, name in statutory.items():
        if name not in _ONE_DAY or holiday.weekday() not in (1, 3):
            continue
        bridge = _day_off_in_lieu(holiday)
        if bridge is not None and not any(bridge in span for span, _ in found):
            found.append((sorted([holiday, bridge]), 1))
    return found


def _candidates(span: list[date], year: int, step: int) -> list[date]:
    """Weekend days outside every break, moving away from ``span`` (step -1 before, +1 after)."""
    off, blocked = _days_off(year), _one_day_weekends(year)
    edge = span[0] if step < 0 else span[-1]
    day = edge + timedelta(days=2 * step)  # never the day right next to the break
    found: list[date] = []
    while len(found) < 3 and abs((day - edge).days) < 21:
        if day.weekday() >= 5 and day not in off and day not in blocked:
            found.append(day)
        day += timedelta(days=step)
    return found


@lru_cache(maxsize=256)
def predicted_make_up_days(year: int) -> frozenset[date]:
    """调休上班 days of ``year`` by rule (the breaks of ``year`` and its neighbours)."""
    days: set[date] = set()
    for y in (year - 1, year, year + 1):
        if not FIRST_YEAR <= y <= LAST_YEAR:
            continue
        for span, needed in _breaks_needing_make_up(y):
            before, after = _candidates(span, y, -1), _candidates(span, y, 1)
            if needed == 1:
                nearest = sorted(before[:1] + after[:1],
                                 key=lambda d: min(abs((d - span[0]).days),
                                                   abs((d - span[-1]).days)))
                days.update(nearest[:1])
            elif needed >= 2:
                days.update(before[:needed // 2] + after[:needed - needed // 2])
    return frozenset(d for d in days if d.year == year)


def is_working_day(day: date) -> bool:
    """Whether staff work on ``day`` (announced schedule, else the rule; outside 2000–2099:
    Monday to Friday)."""
    if announced(day):
        return chinese_calendar.is_workday(day)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        return day.weekday() < 5
    if day in predicted_make_up_days(day.year):
        return True
    return day.weekday() < 5 and day not in _days_off(day.year)


def is_holiday(day: date) -> bool:
    """A day off because of a holiday (not an ordinary weekend): holiday opening hours apply."""
    if announced(day):
        return chinese_calendar.get_holiday_detail(day)[1] is not None and \
            chinese_calendar.is_holiday(day)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        return False
    return day in _days_off(day.year)


def is_make_up_day(day: date) -> bool:
    """A weekend day that is a working day (调休上班)."""
    return day.weekday() >= 5 and is_working_day(day)


def add_working_days(start: date, count: int) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself never counts)."""
    day, left = start, count
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day
