"""Which days of a year pay 300 %, which 200 %: China's public holidays computed by rule.

Statutory holidays (the days a worker must be paid 300 % for, Labour Law art. 44 and the
State Council's 全国年节及纪念日放假办法) follow fixed rules, so they are computed for any
year 2000–2099: lunar dates through ``lunardate``, 清明 by the solar-term formula. The other
days of a holiday break are rest days (200 % unless time off is given in lieu).

What no rule can know: the make-up working weekends (调休上班) the State Council announces
each autumn, and the odd bridge day it adds. A make-up Saturday is classified here as a
rest day; the explanation shown to the worker says so, and a worker can always state the
kind of day instead of its date. ``chinese_calendar`` (2004–2026 only, and unable to tell
300 % days from 200 % days) is not used here; the tests use it to cross-check.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

from lunardate import LunarDate

FIRST_YEAR, LAST_YEAR = 2000, 2099  # lunardate stops at 2099; earlier rules differed again


class DayKind(str, Enum):
    STATUTORY = "statutory"  # 法定节假日: 300 %
    REST = "rest"            # 休息日 (weekend or the rest of a holiday break): 200 %
    WORKDAY = "workday"      # 工作日: only hours beyond the normal day count, 150 %


KIND_NAMES = {DayKind.STATUTORY: "法定节假日", DayKind.REST: "休息日", DayKind.WORKDAY: "工作日"}


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"只能计算 {FIRST_YEAR}–{LAST_YEAR} 年的节假日")


def lunar_new_year(year: int) -> date:
    """正月初一 of the lunar year that begins in ``year``."""
    _check_year(year)
    return LunarDate(year, 1, 1).to_solar_date()


def spring_festival_day(year: int, offset: int) -> date:
    """除夕 is offset 0, 正月初一 is 1, 初二 is 2 … (除夕 is the day before 初一, 29th or 30th)."""
    return lunar_new_year(year) + timedelta(days=offset - 1)


def qingming(year: int) -> date:
    """清明: the day the sun reaches longitude 15°, by the formula [Y×0.2422+C]−[Y/4].

    C = 5.59 for 1901–2000 and 4.81 for 2001–2100; checked against an astronomical
    computation of the solar longitude (Beijing time) for every year 1901–2099.
    """
    y = year % 100
    c = 5.59 if year <= 2000 else 4.81
    return date(year, 4, int(y * 0.2422 + c) - y // 4)


def _spring_festival_statutory(year: int) -> dict[date, str]:
    offsets: tuple[int, ...]
    if year >= 2025:
        offsets = (0, 1, 2, 3)     # 除夕, 初一–初三 (2024 revision)
    elif year >= 2014:
        offsets = (1, 2, 3)        # 初一–初三 (2013 revision)
    elif year >= 2008:
        offsets = (0, 1, 2)        # 除夕, 初一, 初二 (2007 revision)
    else:
        offsets = (1, 2, 3)
    names = {0: "除夕", 1: "正月初一", 2: "正月初二", 3: "正月初三"}
    return {spring_festival_day(year, o): f"春节（{names[o]}）" for o in offsets}


def statutory_holidays(year: int) -> dict[date, str]:
    """The 300 % days of ``year``, each with its name: 13 since 2025, 11 in 2008–2024."""
    _check_year(year)
    days = {date(year, 1, 1): "元旦", **_spring_festival_statutory(year)}
    days.update({date(year, 10, d): "国庆节" for d in (1, 2, 3)})
    if year < 2008:
        days.update({date(year, 5, d): "劳动节" for d in (1, 2, 3)})
        return days
    days[date(year, 5, 1)] = "劳动节"
    if year >= 2025:
        days[date(year, 5, 2)] = "劳动节"
    days[qingming(year)] = "清明节"
    days[LunarDate(year, 5, 5).to_solar_date()] = "端午节"
    mid_autumn = LunarDate(year, 8, 15).to_solar_date()
    # 中秋 on 1–3 October (2020) is one statutory day for two holidays
    days[mid_autumn] = "国庆节、中秋节" if mid_autumn in days else "中秋节"
    return days


def _span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _spring_festival_break(year: int) -> list[date]:
    if year >= 2025:
        return _span(spring_festival_day(year, 0), spring_festival_day(year, 7))  # 除夕–初七
    if year >= 2008:
        return _span(spring_festival_day(year, 0), spring_festival_day(year, 6))  # 除夕–初六
    return _span(spring_festival_day(year, 1), spring_festival_day(year, 7))      # 初一–初七


def _national_day_break(year: int) -> list[date]:
    mid_autumn = LunarDate(year, 8, 15).to_solar_date() if year >= 2008 else None
    last = 8 if mid_autumn and date(year, 10, 1) <= mid_autumn <= date(year, 10, 8) else 7
    return _span(date(year, 10, 1), date(year, 10, last))


def _may_day_break(year: int) -> list[date]:
    """A week before 2008, five days since 2020; in between a one-day holiday (see below)."""
    if year < 2008:
        return _span(date(year, 5, 1), date(year, 5, 7))
    return _span(date(year, 5, 1), date(year, 5, 5)) if year >= 2020 else []


def _day_off_in_lieu(holiday: date) -> date | None:
    """The extra day off a one-day holiday brings, as the State Council has set it since 2014.

    On a weekend: the next Monday (补休). On a Tuesday: the Monday before; on a Thursday: the
    Friday after (a bridge day, paid for by a make-up working weekend no rule can know).
    """
    weekday = holiday.weekday()
    if weekday >= 5:
        return holiday + timedelta(days=7 - weekday)
    return {1: holiday - timedelta(days=1), 3: holiday + timedelta(days=1)}.get(weekday)


def holiday_breaks(year: int) -> dict[date, str]:
    """Every non-statutory day off of the year's holiday breaks, with the holiday's name."""
    days: dict[date, str] = {}
    for name, span in (("春节", _spring_festival_break(year)), ("劳动节", _may_day_break(year)),
                       ("国庆节", _national_day_break(year))):
        days.update({d: f"{name}假期" for d in span})
    one_day = {**statutory_holidays(year), **_next_new_year(year)}
    for holiday, name in one_day.items():
        one_day_may_day = name == "劳动节" and 2008 <= year < 2020
        if name in ("元旦", "清明节", "端午节", "中秋节") or one_day_may_day:
            in_lieu = _day_off_in_lieu(holiday)
            if in_lieu and in_lieu not in days:
                days[in_lieu] = f"{name}调休"
    return {d: n for d, n in days.items() if d.year == year}


def _next_new_year(year: int) -> dict[date, str]:
    """Next 元旦, whose day off may fall on 31 December of this year."""
    return {date(year + 1, 1, 1): "元旦"} if year < LAST_YEAR else {}


def classify(day: date) -> tuple[DayKind, str]:
    """The kind of a calendar day and why: (STATUTORY, '春节（除夕）'), (REST, '周六') …"""
    statutory = statutory_holidays(day.year)
    if day in statutory:
        return DayKind.STATUTORY, statutory[day]
    breaks = holiday_breaks(day.year)
    if day in breaks:
        return DayKind.REST, breaks[day]
    if day.weekday() >= 5:
        return DayKind.REST, "周六" if day.weekday() == 5 else "周日"
    return DayKind.WORKDAY, "工作日"
