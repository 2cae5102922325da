"""Overtime and holiday pay the law requires (Labour Law art. 44), shown with its working.

Daily wage = monthly ÷ 21.75, hourly = daily ÷ 8; extended hours ×1.5, rest
days ×2 (without time off in lieu), statutory holidays ×3. Statutory days are
computed by rule for any year (lunar dates through ``lunardate``, 清明 by the
solar-term formula); ``chinese_calendar`` covers 2004–2026 only and cannot tell
300 % days from 200 % adjusted rest days, so it is used only where it helps to
spot the adjusted rest days of a holiday week.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from lunardate import LunarDate

MONTHLY_WORKING_DAYS = Decimal("21.75")
RATES = {"extended": Decimal("1.5"), "rest": Decimal("2"), "statutory": Decimal("3")}
KIND_NAMES = {"extended": "延长工作时间", "rest": "休息日", "statutory": "法定节假日"}
CENT = Decimal("0.01")


def _lunar(year: int, month: int, day: int) -> date:
    return LunarDate(year, month, day).toSolarDate()


def qingming(year: int) -> date:
    """清明 by the solar-term formula [Y×D+C]−L (valid 2001–2099)."""
    y = year % 100
    return date(year, 4, int(y * 0.2422 + 4.81) - y // 4)


def statutory_holidays(year: int) -> dict[date, str]:
    """The 300 % days of a year: 11 days before 2025, 13 since (除夕 and 5月2日 added)."""
    new_year = _lunar(year, 1, 1)
    days = {date(year, 1, 1): "元旦", new_year: "春节（正月初一）",
            new_year + timedelta(1): "春节（正月初二）", new_year + timedelta(2): "春节（正月初三）",
            qingming(year): "清明节", date(year, 5, 1): "劳动节",
            _lunar(year, 5, 5): "端午节", _lunar(year, 8, 15): "中秋节",
            date(year, 10, 1): "国庆节", date(year, 10, 2): "国庆节", date(year, 10, 3): "国庆节"}
    if year >= 2025:
        days[new_year - timedelta(1)] = "春节（除夕）"
        days[date(year, 5, 2)] = "劳动节"
    return days


def _in_holiday_week(day: date) -> bool:
    """Days of the Spring Festival or National Day week that are not statutory."""
    new_year = _lunar(day.year, 1, 1)
    if new_year - timedelta(1) <= day <= new_year + timedelta(7):
        return True
    return date(day.year, 10, 1) <= day <= date(day.year, 10, 7)


def classify(day: date) -> str:
    """statutory (300 %), rest (200 %) or workday (only extended hours count)."""
    if day in statutory_holidays(day.year):
        return "statutory"
    try:
        import chinese_calendar

        if chinese_calendar.is_holiday(day):
            return "rest"
        if chinese_calendar.is_workday(day):
            return "workday"
    except (NotImplementedError, ImportError):  # outside 2004–2026: rules alone
        pass
    return "rest" if day.weekday() >= 5 or _in_holiday_week(day) else "workday"


@dataclass
class Calculation:
    monthly_wage: Decimal
    days: dict[str, int] = field(default_factory=dict)  # statutory / rest → count
    extended_hours: Decimal = Decimal(0)

    @property
    def daily_wage(self) -> Decimal:
        return self.monthly_wage / MONTHLY_WORKING_DAYS

    def amount(self, kind: str) -> Decimal:
        if kind == "extended":
            base = self.daily_wage / 8 * self.extended_hours
        else:
            base = self.daily_wage * self.days.get(kind, 0)
        return (base * RATES[kind]).quantize(CENT, ROUND_HALF_UP)

    @property
    def total(self) -> Decimal:
        # computed unrounded, then rounded once: 4500 ÷ 21.75 × 3 × 3 = 1862.07
        exact = sum((self.daily_wage * self.days.get(k, 0) * RATES[k] for k in ("statutory", "rest")),
                    Decimal(0)) + self.daily_wage / 8 * self.extended_hours * RATES["extended"]
        return exact.quantize(CENT, ROUND_HALF_UP)

    def explain(self) -> str:
        daily = self.daily_wage.quantize(CENT, ROUND_HALF_UP)
        lines = [f"日工资 = {self.monthly_wage:,.0f} ÷ 21.75 = {daily:,.2f} 元"]
        for kind in ("statutory", "rest"):
            if self.days.get(kind):
                lines.append(f"{KIND_NAMES[kind]} {self.days[kind]} 天 × {daily:,.2f} × "
                             f"{RATES[kind] * 100:.0f}% = {self.amount(kind):,.2f} 元")
        if self.extended_hours:
            lines.append(f"延长工作时间 {self.extended_hours} 小时 × {daily:,.2f} ÷ 8 × 150% = "
                         f"{self.amount('extended'):,.2f} 元")
        lines.append(f"合计应得加班工资不少于 {self.total:,.2f} 元")
        return "\n".join(lines)


def calculate(monthly_wage: float | int | Decimal, statutory_days: int = 0, rest_days: int = 0,
              extended_hours: float = 0) -> Calculation:
    return Calculation(Decimal(str(monthly_wage)), {"statutory": statutory_days, "rest": rest_days},
                       Decimal(str(extended_hours)))


def count_dates(days: list[date]) -> dict[str, int]:
    counts = {"statutory": 0, "rest": 0, "workday": 0}
    for day in days:
        counts[classify(day)] += 1
    return counts


# --- the days a worker describes in words -------------------------------------------------

_CN_NUM = {"一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_LUNAR_DAY = {"除夕": 0, "大年三十": 0, "初一": 1, "初二": 2, "初三": 3, "初四": 4, "初五": 5,
              "初六": 6, "初七": 7, "初八": 8}


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _CN_NUM.get(text)


def spring_festival_day(year: int, name: str) -> date:
    """除夕 / 初N of the lunar new year that falls in ``year``."""
    return _lunar(year, 1, 1) + timedelta(_LUNAR_DAY[name] - 1)


def days_from_text(text: str, year: int) -> dict[str, int] | None:
    """Day kinds from how a worker says it: 初一到初三 / 国庆3天 / 周末两天 / 加班10个小时."""
    text = text.replace("大年", "").replace("正月", "")
    counts = {"statutory": 0, "rest": 0, "extended_hours": 0}
    found = False
    span = re.search(r"(除夕|大年三十|初[一二三四五六七八])\s*(?:到|至|-|~)\s*(初[一二三四五六七八])", text)
    named = re.findall(r"除夕|大年三十|初[一二三四五六七八]", text)
    if span:
        start, end = (spring_festival_day(year, n) for n in span.groups())
        picked = [start + timedelta(i) for i in range((end - start).days + 1)]
    else:
        picked = [spring_festival_day(year, n) for n in dict.fromkeys(named)]
    for kind, n in count_dates(picked).items():
        if kind != "workday":
            counts[kind] += n
            found = found or n > 0
    holiday_days = re.search(r"(春节|过年|国庆)\D{0,4}?([0-9一二两三四五六七八])\s*天", text)
    if holiday_days and not picked:
        n = _number(holiday_days.group(2)) or 0
        first = spring_festival_day(year, "除夕") if holiday_days.group(1) != "国庆" \
            else date(year, 10, 1)
        for kind, c in count_dates([first + timedelta(i) for i in range(n)]).items():
            if kind != "workday":
                counts[kind] += c
        found = True
    rest = r"(?:周末|周六|周日|星期六|星期天|休息日|双休)\D{0,4}?([0-9一二两三四五六七八])\s*天"
    statutory = r"(?:法定|节假日|节日)\D{0,4}?([0-9一二两三四五六七八])\s*天"
    for pattern, kind in ((rest, "rest"), (statutory, "statutory")):
        m = re.search(pattern, text)
        if m:
            counts[kind] += _number(m.group(1)) or 0
            found = True
    hours = re.search(r"([0-9]+(?:\.[0-9])?|[一二两三四五六七八九十]+)\s*个?(?:小时|钟头)", text)
    if hours:
        value = hours.group(1)
        counts["extended_hours"] = float(value) if value[0].isdigit() else (_number(value) or 0)
        found = True
    return counts if found else None
