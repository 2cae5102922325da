"""Overtime and holiday pay the law requires (Labour Law art. 44), shown with its working.

Daily wage = monthly ÷ 21.75 (the monthly average of paid days), hourly = daily ÷ 8;
extended hours on a workday ×1.5, rest days ×2 unless time off is given in lieu,
statutory holidays ×3 (never replaceable by time off). Pure functions, no I/O.

Money: each line is computed exactly from the monthly wage and rounded once to the fen
(Decimal, ROUND_HALF_UP); the total is the sum of the lines shown, so the working adds up.
4500 ÷ 21.75 × 3 days × 300 % = 1,862.07.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from actions.holiday_calendar import KIND_NAMES, DayKind, classify, holiday_breaks, statutory_holidays
from actions.overtime_days import PAID_SAID, WorkedText, describe_worked, read_worked_days
from bot.normalize.numbers import find_amounts, parse_amount

PAID_DAYS_PER_MONTH = Decimal("21.75")
HOURS_PER_DAY = Decimal(8)
RATES = {DayKind.STATUTORY: Decimal(3), DayKind.REST: Decimal(2), DayKind.WORKDAY: Decimal("1.5")}
FEN = Decimal("0.01")
# the sum's last line, read back when the worker asks the union to claim it (actions/take_back.py)
TOTAL_LABEL = "合计：依法应付加班工资不少于"


def money(value: Decimal) -> Decimal:
    return value.quantize(FEN, ROUND_HALF_UP)


def yuan(value: Decimal) -> str:
    """1862.07 → '1,862.07'; 4500 → '4,500'."""
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"


def daily_wage(monthly_wage: Decimal) -> Decimal:
    return monthly_wage / PAID_DAYS_PER_MONTH


def pay_for_one_day(monthly_wage: Decimal | int | float | str, kind: DayKind) -> Decimal:
    """One day's work of ``kind`` at the law's rate, rounded once from the exact figure (ZW-02:
    a 300 % day at 6,000 was shown as 275.86 × 3 = 827.58; 6,000 ÷ 21.75 × 3 = 827.586… is
    827.59) — for a day's figure said before the days are known, as the lines compute it."""
    return money(daily_wage(Decimal(str(monthly_wage))) * RATES[kind])


@dataclass(frozen=True)
class PayLine:
    kind: DayKind
    quantity: Decimal          # days, or hours for extended hours on workdays
    amount: Decimal            # rounded to the fen
    working: str               # the arithmetic, in Chinese


@dataclass(frozen=True)
class WorkedDay:
    day: date
    kind: DayKind
    why: str                   # 春节（除夕）, 国庆节假期, 周六 …
    part: Decimal = Decimal(1)  # 除夕上了半天班: 0.5 (XQ-3)


def part_said(part: Decimal) -> str:
    """0.5 → 半天, 0.375 → 3 小时: the part of a day worked, as the worker said it."""
    return "半天" if part == Decimal("0.5") else f"{_plain(part * HOURS_PER_DAY)} 小时"


def _plain(number: Decimal) -> str:
    """2.50 → 2.5, 3.0 → 3."""
    return f"{Decimal(number).normalize():f}"


@dataclass(frozen=True)
class OvertimePay:
    monthly_wage: Decimal
    lines: tuple[PayLine, ...]
    days: tuple[WorkedDay, ...] = ()
    time_off_in_lieu: bool = False
    notes: tuple[str, ...] = field(default=())
    basis: str | None = None   # "day" / "hour": the wage was said per day or per hour

    def wage_line(self) -> str:
        """The day's pay the sums start from, from the wage as the worker said it."""
        daily = money(daily_wage(self.monthly_wage))
        if self.basis == "day":
            return f"日工资 {yuan(daily)} 元（按您说的一天的工钱）"
        if self.basis == "hour":
            return f"日工资 = 小时工资 {yuan(money(daily / HOURS_PER_DAY))} × 8 = {daily:,.2f} 元"
        return f"日工资 = 月工资 {yuan(self.monthly_wage)} ÷ 21.75 ≈ {daily:,.2f} 元"

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    def explain(self) -> str:
        """The calculation as the worker sees it."""
        lines = [self.wage_line()]
        lines += [f"{d.day.year}年{d.day.month}月{d.day.day}日 {d.why}：{KIND_NAMES[d.kind]}"
                  + (f"（{part_said(d.part)}）" if d.part < 1 else "") for d in self.days]
        lines += [line.working for line in self.lines]
        lines.append(f"{TOTAL_LABEL} {self.total:,.2f} 元")
        return "\n".join(lines + list(self.notes))


def _day_pay_text(monthly: Decimal, basis: str | None) -> str:
    """How a day's pay is written in a line: 6,525 ÷ 21.75 from a month, 300 said per day."""
    return yuan(money(daily_wage(monthly))) if basis in ("day", "hour") else f"{yuan(monthly)} ÷ 21.75"


def _days_line(monthly: Decimal, kind: DayKind, days: Decimal | int, basis: str | None = None,
               counted: Decimal | int = 0) -> PayLine:
    """The days of one kind (2.5: half a day among them, XQ-3) at that kind's rate; ``counted``:
    the days said, when some were worked in part (四个周六都上半天: 4 days, 2 of work)."""
    rate = RATES[kind]
    amount = money(monthly / PAID_DAYS_PER_MONTH * days * rate)
    shown = _plain(Decimal(days))
    part = (f"（{_plain(Decimal(counted))} 天里有没上满一天的，按实际折合 {shown} 天）"
            if counted and counted != days else "")
    working = (f"{KIND_NAMES[kind]}加班 {shown} 天{part}：{_day_pay_text(monthly, basis)} × {shown} × "
               f"{rate * 100:.0f}% = {amount:,.2f} 元")
    return PayLine(kind, Decimal(days), amount, working)


def _hours_line(monthly: Decimal, hours: Decimal, basis: str | None = None) -> PayLine:
    amount = money(monthly / PAID_DAYS_PER_MONTH / HOURS_PER_DAY * hours * RATES[DayKind.WORKDAY])
    per_hour = (yuan(money(daily_wage(monthly) / HOURS_PER_DAY)) if basis == "hour"
                else f"{_day_pay_text(monthly, basis)} ÷ 8")
    working = (f"工作日延长工作时间 {yuan(hours)} 小时：{per_hour} × "
               f"{yuan(hours)} × 150% = {amount:,.2f} 元")
    return PayLine(DayKind.WORKDAY, hours, amount, working)


def _rest_hours_line(monthly: Decimal, hours: Decimal, basis: str | None = None) -> PayLine:
    """每天十个钟头 一个礼拜六天: the hours of a rest day beyond its 8, at the rest day's 200 %."""
    rate = RATES[DayKind.REST]
    amount = money(monthly / PAID_DAYS_PER_MONTH / HOURS_PER_DAY * hours * rate)
    working = (f"休息日每天超出 8 小时的部分，共 {yuan(hours)} 小时：{_day_pay_text(monthly, basis)} ÷ 8 × "
               f"{yuan(hours)} × {rate * 100:.0f}% = {amount:,.2f} 元")
    return PayLine(DayKind.REST, Decimal(0), amount, working)


def _holiday_hours_line(monthly: Decimal, hours: Decimal, basis: str | None = None) -> PayLine:
    """初一初五都上了 每天10个小时 (XG-2): the statutory days' hours beyond their 8, at 300 %."""
    rate = RATES[DayKind.STATUTORY]
    amount = money(monthly / PAID_DAYS_PER_MONTH / HOURS_PER_DAY * hours * rate)
    working = (f"法定节假日每天超出 8 小时的部分，共 {yuan(hours)} 小时：{_day_pay_text(monthly, basis)} ÷ 8 × "
               f"{yuan(hours)} × {rate * 100:.0f}% = {amount:,.2f} 元")
    return PayLine(DayKind.STATUTORY, Decimal(0), amount, working)


def _notes(statutory: Decimal | int, rest: Decimal | int, time_off_in_lieu: bool) -> tuple[str, ...]:
    notes = []
    if statutory:
        notes.append("法定节假日（含除夕、正月初一至初三）加班不能用补休抵，必须按 300% 支付。")
    if rest and time_off_in_lieu:
        notes.append("休息日加班已安排同等时间补休的，可以不再支付加班工资。")
    elif rest:
        notes.append("休息日加班如果单位安排了同等时间的补休，可以不付加班工资；"
                     "没有补休的按 200% 支付。")
    return tuple(notes)


def classify_days(days: Iterable[date], parts: Mapping[date, Decimal] | None = None) -> tuple[WorkedDay, ...]:
    """Each date with its kind by the calendar and the part of it worked (1: the whole day)."""
    parts = parts or {}
    return tuple(WorkedDay(d, *classify(d), parts.get(d, Decimal(1))) for d in sorted(set(days)))


def _date_notes(worked: tuple[WorkedDay, ...]) -> list[str]:
    notes = []
    if any(d.kind == DayKind.REST and d.day.weekday() >= 5 for d in worked):
        notes.append("如果其中的周末是国家规定的调休上班日，那天按正常工作日算。")
    if any(d.kind == DayKind.WORKDAY for d in worked):
        notes.append("工作日正常上班不算加班，只有超出 8 小时的部分按 150% 算。")
    return notes + _break_notes(worked)


def _md(days: list[date]) -> str:
    """10月1日至3日 / 10月4日至5日、7日至8日 (2025: 中秋 on the 6th): the days in runs."""
    runs: list[list[date]] = []
    for day in sorted(days):
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    shown = [f"{r[0].day}日" + (f"至{r[-1].day}日" if len(r) > 1 else "") for r in runs]
    return f"{days[0].month}月" + "、".join(shown)


def _break_notes(worked: tuple[WorkedDay, ...]) -> list[str]:
    """国庆加班了, summed on 1–3 October alone (it was 10月1日 alone): which days of the week's
    break are the holiday (300 %) and which are rest days (200 %), so the worker can say which
    days they worked when the days summed are not all of them."""
    notes = []
    for year in sorted({d.day.year for d in worked}):
        for name in ("国庆节", "劳动节"):
            holiday = sorted(d for d, n in statutory_holidays(year).items() if name in n)
            rest = sorted(d for d, n in holiday_breaks(year).items() if n == f"{name}假期"
                          and d not in statutory_holidays(year))
            days = {d.day for d in worked}
            if not rest or not days & set(holiday + rest) or set(holiday + rest) <= days:
                continue
            notes.append(f"{year}年{name}假期：{_md(holiday)}是法定节假日（300%），{_md(rest)}是休息日"
                         f"（没补休的按 200%）。实际上班的日子和上面算的不一样的，告诉我是哪几天，我重新算。")
    return notes


def overtime_pay(monthly_wage: Decimal | int | str, statutory_days: int = 0, rest_days: int = 0,
                 extended_hours: Decimal | int | str = 0, time_off_in_lieu: bool = False,
                 dates: Iterable[date] = (), comp_days: int = 0,
                 basis: str | None = None, rest_hours: Decimal | int = 0,
                 holiday_hours: Decimal | int = 0, part_days: Mapping[date, Decimal] | None = None,
                 rest_short: Decimal | int = 0, statutory_short: Decimal | int = 0) -> OvertimePay:
    """Pay owed for days worked, given by kind and/or as calendar dates, plus extra hours.

    Each date is classified by the calendar (statutory / rest / workday); a workday worked
    as usual earns nothing extra, only ``extended_hours`` beyond the normal day do. A
    make-up working weekend (调休上班) cannot be known by rule and counts as a rest day.
    ``rest_hours`` / ``holiday_hours``: the hours beyond 8 of the rest / statutory days worked
    (200 % / 300 %), as :class:`WorkedText` holds them. A day worked in part counts as that
    part (XQ-3: 除夕上了半天班 is half of 除夕's 300 %): ``part_days`` for dates, ``rest_short`` /
    ``statutory_short`` for the counted days not worked (四个周六都上半天: 2).
    """
    monthly = Decimal(str(monthly_wage))
    hours = Decimal(str(extended_hours))
    if monthly <= 0 or min(statutory_days, rest_days) < 0 or hours < 0:
        raise ValueError("月工资必须大于 0，天数和小时数不能为负")
    worked = classify_days(dates, part_days)
    statutory = statutory_days - Decimal(str(statutory_short)) \
        + sum((d.part for d in worked if d.kind == DayKind.STATUTORY), Decimal(0))
    rest = rest_days - Decimal(str(rest_short)) + sum((d.part for d in worked if d.kind == DayKind.REST), Decimal(0))
    offset = min(Decimal(max(comp_days, 0)), rest)  # 补休了两天 (U-21): rest days only, never a holiday
    rest -= offset
    lines = []
    whole = Decimal(statutory_days) + sum(1 for d in worked if d.kind == DayKind.STATUTORY)
    if statutory:
        lines.append(_days_line(monthly, DayKind.STATUTORY, statutory, basis, whole if statutory_short else 0))
        if holiday_hours:
            lines.append(_holiday_hours_line(monthly, Decimal(str(holiday_hours)), basis))
    if rest and not time_off_in_lieu:
        counted = Decimal(rest_days) + sum(1 for d in worked if d.kind == DayKind.REST) - offset
        lines.append(_days_line(monthly, DayKind.REST, rest, basis, counted if rest_short else 0))
        if rest_hours and not offset:
            lines.append(_rest_hours_line(monthly, Decimal(str(rest_hours)), basis))
    if hours:
        lines.append(_hours_line(monthly, hours, basis))
    notes = _notes(statutory, rest, time_off_in_lieu) + tuple(_date_notes(worked))
    if offset:
        notes = (f"单位补休了 {offset} 天，抵掉休息日加班 {offset} 天；"
                 "法定节假日加班不能用补休抵。",) + notes
    return OvertimePay(monthly, tuple(lines), worked, time_off_in_lieu, notes, basis)


# 为啥除21.75 / 21.75是啥 / 为什么是21.75天 / 日工资咋算的 (YU-14 got the menu right after the sum)
_DIVISOR_ASKED = re.compile(r"21\.75|二十一点七五|除以?(?:啥|什么|这个|那个)|(?:为啥|为什么|咋|怎么)\S{0,3}除|"
                            r"(?:为啥|为什么|咋|怎么)(?:这么|这样|那么)算")
_DIVISOR_SOURCE = "原劳动和社会保障部《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发〔2008〕3号）"


def explain_divisor(text: str) -> str | None:
    """Why a day's pay is the month's ÷ 21.75, when the text asks it (为啥除21.75, asked right
    after the sum, got the generic menu); None for any other text. 21.75 and 8 are the policy
    data's ``monthly_working_days`` and the hours of the legal day."""
    if not _DIVISOR_ASKED.search(str(text or "")):
        return None
    return ("21.75 天是法定的每月计薪天数：一年 365 天减去 104 个休息日（周六周日），剩下 261 天，"
            "再除以 12 个月，就是 21.75 天。法定节假日是带薪的，所以不扣。"
            "日工资 = 月工资 ÷ 21.75，小时工资 = 日工资 ÷ 8，加班费就从这里按 150%、200%、300% 算。"
            f"（来源：{_DIVISOR_SOURCE}）")



def worked_pay(monthly_wage: Decimal | int | str, worked: WorkedText, basis: str | None = None,
               time_off_in_lieu: bool = False) -> OvertimePay:
    """The sum of the days read from the worker's words — every kind, the hours beyond a day, the
    time off given and the parts of days (除夕上了半天班, XQ-3) — so no caller leaves one out."""
    return overtime_pay(monthly_wage, worked.statutory_days, worked.rest_days, worked.extended_hours,
                        time_off_in_lieu, dates=worked.dates, comp_days=worked.comp_days, basis=basis,
                        rest_hours=worked.rest_hours, holiday_hours=worked.holiday_hours,
                        part_days=worked.part_days, rest_short=worked.rest_short,
                        statutory_short=worked.statutory_short)


# The wage facts of a parked case (actions/fact_tables.py WAGE_FACTS), as months: 一天三百 is
# 300 × 21.75 a month, 一小时二十 is 20 × 21.75 × 8
_WAGE_AS_MONTH = {"monthly_wage": (Decimal(1), None), "daily_wage": (PAID_DAYS_PER_MONTH, "day"),
                  "hourly_wage": (PAID_DAYS_PER_MONTH * HOURS_PER_DAY, "hour")}


def case_overtime(facts: Mapping[str, Any]) -> OvertimePay | None:
    """The overtime sum of an overtime case's facts (the wage as said, ``overtime_days`` in the
    worker's words), as action_calculate_overtime works it out; None without a wage figure or
    without days understood, or for daily hours with no period (one day's figure)."""
    wage = next(((facts[k], *_WAGE_AS_MONTH[k]) for k in _WAGE_AS_MONTH
                 if isinstance(facts.get(k), (int, float)) and facts[k] > 0), None)
    worked = read_worked_days(str(facts.get("overtime_days") or ""))
    if wage is None or not worked or worked.needs_period:
        return None
    said, per, basis = wage
    return worked_pay(Decimal(str(said)) * per, worked, basis)


def _months_in(amount: Any, total: Decimal) -> int | None:
    """How many months of ``total`` the case's amount is (1: the sum itself; 6: 干了半年, summed
    by the month); None when the amount is no such multiple (the worker's own figure)."""
    if not isinstance(amount, (int, float)) or total <= 0:
        return None
    months = int((Decimal(str(amount)) / total).to_integral_value(ROUND_HALF_UP))
    return months if 1 <= months <= 36 and int(total * months) == int(amount) else None


def amount_on_new_days(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[int, OvertimePay] | None:
    """哦对了 还有俩周六也上了没给调休 on the overtime offer (YW-2: the days became 休息日2天；平时加班30
    小时, the amount stayed 1,125 and the ticket was filed with it): the amount worked out again on
    the days as they are now — (amount, the sum) — when the amount was the sum of the days before
    (or so many months of it); None when the days' sum did not change or the amount was the
    worker's own figure."""
    old, new = case_overtime(before), case_overtime(after)
    if old is None or new is None or new.total == old.total:
        return None
    months = _months_in(before.get("amount"), old.total)
    return (int(new.total * months), new) if months else None


# 那一共该给多少钱 / 加起来多少 / 总共能要多少 (YW-2: the generic menu right after the sum)
_TOTAL_WORDS = re.compile(r"一共|总共|合计|加起来|加一起|加在一起|总的|总数|总计|全部|统共|拢共")
_HOW_MUCH = re.compile(r"多少|几多|啥数|什么数|是不是|对不对|对吗|吗|呢|[?？]")
# (一共欠了我多少工资: the wage owed, not the overtime)
_OTHER_MONEY = re.compile(r"欠|拖|押金|补贴|赔偿|医药费|路费|社保")


def total_reply(text: str, facts: Mapping[str, Any]) -> str | None:
    """The overtime total, with its parts, when the text asks for the total after an overtime sum
    (``facts``: the parked overtime case's facts, or the wage as said and ``overtime_days``; with
    ``words``, the worker's last messages, the wages and the payment they told are read there too
    — :func:`base_reply`, :func:`shortfall_reply`); None
    for any other text, for days told with it (they are added first), or when no sum can be made."""
    words = str(text or "")
    if (follow_up := base_reply(words, facts) or recomputed_reply(words, facts) or shortfall_reply(words, facts)
            or paid_reply(words, facts)) is not None:
        return follow_up  # 按哪个算 / 还差多少 / 厂里给了我一千 after the sum (XM-2, XM-6, L52-8)
    if not _TOTAL_WORDS.search(words) or not _HOW_MUCH.search(words) or _OTHER_MONEY.search(words):
        return None
    if read_worked_days(words):
        return None  # 还有两个周日 一共多少: the days added to the sum first
    pay = case_overtime(facts)
    if pay is None or not pay.lines:
        return None
    days = describe_worked(str(facts.get("overtime_days") or ""))
    lines = [f"按您说的加班日子（{days}），加起来一共：依法应付加班工资不少于 {pay.total:,.2f} 元。"]
    if len(pay.lines) > 1:
        lines += [line.working for line in pay.lines]
    if (months := _months_in(facts.get("amount"), pay.total)) and months > 1:
        lines.append(f"{months} 个月都没给的话：每月 {pay.total:,.2f} 元 × {months} 个月 = "
                     f"{pay.total * months:,.2f} 元。")
    return "\n".join(lines)


# 还差多少 / 那他还欠我多少 / 少给了多少 / 还能要回多少 after the sum, 加班费只给了800 told before
# (XM-6: 没太明白, or the sum again with the 800 left off)
_SHORT_ASKED = re.compile(r"还差|差我|差俺|差了|差多少|少给|少发|少算|少付|还欠|欠我|欠俺|还该给|还得给|还要给|"
                          r"补多少|该补|还能要|还能找|能要回|要回来")
_HOW_MUCH_SHORT = re.compile(r"多少|几多|几[百千]|啥数|什么数")
# (还欠我多少工资: the wage owed, not the overtime's shortfall)
_WAGE_NOT_OVERTIME = re.compile(r"工资|工钱|薪水|押金|补贴|赔偿")
# 单位已付 800 元: a parked case's point, written by actions/wages.py
_PAID_POINT = re.compile(r"单位已付\s*([0-9,]+(?:\.[0-9]+)?)\s*元")


def _paid_told(facts: Mapping[str, Any]) -> Decimal | None:
    """What the worker said the employer paid for the overtime: in their words about the days
    (加班费只给了800, kept through a correction), in their last messages (``words``, when the
    caller gives them: the last said counts) or the parked case's point; None when not said."""
    for words in (str(facts.get("overtime_days") or ""), str(facts.get("words") or "")):
        said = list(PAID_SAID.finditer(words))
        value = parse_amount(re.sub(r"^.*?(?:给了|发了|付了)(?:我|俺)?", "", said[-1].group(0))) if said else None
        if value:
            return Decimal(str(value))
    if point := _PAID_POINT.search(str(facts.get("case_points") or "")):
        return Decimal(point.group(1).replace(",", ""))
    return None


def _figure_said(words: str, least: int = 1) -> bool:
    """The words name a sum of money of ``least`` yuan or more (按底薪2000算 / 一天给200)."""
    return any(isinstance(s.value, (int, float)) and s.value >= least for s in find_amounts(words))


def shortfall_reply(text: str, facts: Mapping[str, Any]) -> str | None:
    """还差多少 / 那他还欠我多少 / 少给了多少 after an overtime sum (XM-6: unanswered when 加班费只给了800
    was told with the days): the sum the law requires minus what was paid, with the working — or,
    nothing paid said, the sum and a request for the figure; None for any other text, for a payment
    or days said with it (the sum is done again with them), or when no sum can be made."""
    words = str(text or "")
    if not _SHORT_ASKED.search(words) or not _HOW_MUCH_SHORT.search(words) \
            or (_WAGE_NOT_OVERTIME.search(words) and "加班" not in words):
        return None
    if read_worked_days(words):
        return None  # 还差多少 还有两个周日: the days added to the sum first
    if PAID_SAID.search(words) or _figure_said(words):
        # 厂里就给了我一千块钱加班费那还差多少 (VC-2: never answered, three asks): the payment said for the
        # overtime set against the sum; a day's pay or another money (一天给200 那还差我多少, K-02) is
        # summed again by the form
        paid = _paid_now(words) if _PAID_FOR_IT.search(words) else None
        return _shortfall_lines(facts, paid) if paid is not None else None
    return _shortfall_lines(facts, _paid_told(facts))


# 给了我一千块钱加班费 / 已经给了一千了: the payment said to be for this overtime (给了我一千 还差多少
# alone is left to the form, which sums it again — K-02)
_PAID_FOR_IT = re.compile(r"加班|已经|已")


def _paid_now(words: str) -> Decimal | None:
    """The payment for the overtime these words tell (厂里给了我一千 / 已经给了一千); None when none is
    told, or the figure is a wage, a day's pay or other money."""
    said = list(PAID_SAID.finditer(words))
    if not said or _NOT_FOR_OVERTIME.search(words):
        return None
    paid = parse_amount(re.sub(r"^.*?(?:给了|发了|付了)(?:我|俺)?", "", said[-1].group(0)))
    return Decimal(str(paid)) if paid else None


def _shortfall_lines(facts: Mapping[str, Any], paid: Decimal | None) -> str | None:
    """The sum of the case's days, its parts, and what ``paid`` leaves short (None: no sum)."""
    pay = case_overtime(facts)
    if pay is None or not pay.lines:
        return None
    days = describe_worked(str(facts.get("overtime_days") or ""))
    lines = [f"按您说的加班日子（{days}），依法应付加班工资不少于 {pay.total:,.2f} 元"
             + ("：" if len(pay.lines) > 1 else "。")]
    if len(pay.lines) > 1:
        lines += [line.working for line in pay.lines]
    if paid is None:
        lines.append("单位已经给过一部分加班费的，减掉给过的就是还差的。告诉我给了多少（比如：加班费给了800），"
                     "我帮您算差多少。")
    elif paid < pay.total:
        # (单位给了…，按法定标准还差… first: 能让工会帮我要吗 then files the shortfall, take_back._SHORT_SAID, L52-8)
        lines.append(f"单位给了 {yuan(paid)} 元，按法定标准还差 {pay.total - paid:,.2f} 元："
                     f"{pay.total:,.2f} − {yuan(paid)} = {pay.total - paid:,.2f} 元。")
    else:
        lines.append(f"单位给了 {yuan(paid)} 元，不少于依法应付的 {pay.total:,.2f} 元，按您说的日子算不差。")
    return "\n".join(lines)


# 厂里给了我一千 / 发了800加班费 / 只给了500 / 老板就给了八百块 right after the sum (L52-8: the generic
# menu, then 那还差多少 on the sum before): what was paid for it, told — the shortfall is the answer.
# Not a wage, a day's pay, a bonus or other money (一个月给了我5200 / 一天给了200 / 红包给了一千), and
# not a question of its own (给了600 那还差我多少: the sum is done again with it, K-02)
_NOT_FOR_OVERTIME = re.compile(r"(?<!加班)(?:工资|工钱|薪水)|月薪|底薪|到手|一个月|每个?月|一天|每天|日薪|小时|钟头|"
                               r"红包|奖金|年终|过节费|补贴|押金|赔偿|医药费|路费|社保|借|欠|扣")
_ASKS_OF_ITS_OWN = re.compile(r"多少|几多|啥数|什么数|怎么算|咋算")


def paid_reply(text: str, facts: Mapping[str, Any]) -> str | None:
    """厂里给了我一千 after an overtime sum (L52-8: the menu): the sum less the payment told, with the
    working (:func:`shortfall_reply`'s lines); None for any other text, a payment with days or a
    question of its own (the form sums it again), or when no sum can be made."""
    words = str(text or "")
    said = list(PAID_SAID.finditer(words))
    if not said or _NOT_FOR_OVERTIME.search(words) or _ASKS_OF_ITS_OWN.search(words) or read_worked_days(words):
        return None
    paid = parse_amount(re.sub(r"^.*?(?:给了|发了|付了)(?:我|俺)?", "", said[-1].group(0)))
    return _shortfall_lines(facts, Decimal(str(paid))) if paid else None


# 你按4350重新算一下加班费多少 / 工资是4350 再算一遍 / 按4350算呢 after a sum on 大概四千多 (VC-15: the
# 4,000-based 2,275.86 said again twice): the sum done again on the wage named
_RECOMPUTE_ASKED = re.compile(r"重新算|再算|重算|算一下|算算|(?:按|用|拿|以)[^，,。？?]{0,8}算|"
                              # 我看了下工资条 是4350 / 月工资不是4000 是4350 改一下: the wage told again
                              r"工资条|工资单|月工资|月薪|工资(?:其实|实际)?是|不是[^，,。？?]{0,8}是|改一下|改成|改为")
_DENIED_FIGURE = re.compile(r"不是\s*$")


def recomputed_reply(text: str, facts: Mapping[str, Any]) -> str | None:
    """The overtime sum again on the monthly wage the text names, asked to be summed on it, when it
    is not the wage the sum was done on; None for any other text or when no sum can be made."""
    words = str(text or "")
    if not _RECOMPUTE_ASKED.search(words) or read_worked_days(words) or PAID_SAID.search(words):
        return None
    wages = [s.value for s in find_amounts(words) if isinstance(s.value, (int, float)) and 800 <= s.value <= 100000
             and not _DENIED_FIGURE.search(words[max(0, s.start - 4):s.start])]
    if len(wages) != 1 or _NOT_FOR_OVERTIME.search(re.sub(r"(?:月工资|工资条|工资是|工资)", "", words)):
        return None
    before = case_overtime(facts)
    now = case_overtime({"overtime_days": facts.get("overtime_days"), "monthly_wage": wages[0]})
    if now is None or not now.lines:
        return None
    if before is not None and before.total == now.total:
        before = None  # the wage already taken in (the slot corrected this turn): the sum on it
    days = describe_worked(str(facts.get("overtime_days") or ""))
    lines = [f"按月工资 {wages[0]:,} 元重新算（{days}）：",
             f"日工资 = 月工资 {wages[0]:,} ÷ 21.75 ≈ {daily_wage(Decimal(str(wages[0]))):,.2f} 元"]
    lines += [line.working for line in now.lines]
    lines.append(f"合计：依法应付加班工资不少于 {now.total:,.2f} 元"
                 + (f"（之前算的 {before.total:,.2f} 元不作数，以这次为准）。" if before is not None else "。"))
    return "\n".join(lines)


# 按哪个算 / 按基本工资还是按实际工资算 / 基数按哪个 / 加班费按底薪算对吗 after the sum, the worker having
# a 底薪 and a higher 实发 or 到手 (XM-2: 没太明白, or the rule with no sum on the other wage)
_BASE_ASKED = re.compile(r"基数|按哪个|按哪一个|按哪样|按哪种|以哪个|用哪个|拿哪个|哪个工资|按什么工资|按啥工资|"
                         r"(?:底薪|基本工资|基础工资|保底|实发|实际|到手|应发|全部工资)[^，,。？?]{0,8}还是|"
                         r"(?:按|用|拿|以)(?:底薪|基本工资|基础工资|保底工资?)[^，,。？?]{0,6}(?:对|吗|不|合理|合法|行)|"
                         # 那按到手的算呢 / 按实际工资算是多少: the sum on that wage asked
                         r"(?:按|用|拿|以)(?:实发|实际|到手|拿到手|应发|全部)[^，,。？?]{0,6}(?:算|呢|多少)")
_BASIC = re.compile(r"底薪|基本工资|基础工资|保底|底工资")
_ACTUAL = re.compile(r"实发|实际|到手|拿到|能拿|拿|应发|全部")
_BASE_RULE = ("加班费的计算基数是劳动合同约定的您本人正常工作时间的工资（《工资支付暂行规定》第十三条），"
              "不是只按底薪或“基本工资”算；合同没约定或约定不清的，按您实际拿到的正常工资（不含加班费）算，"
              "而且不能低于当地最低工资标准。")


def _wages_told(words: str) -> list[tuple[str, int]]:
    """The monthly wages the words name, each as 底薪 or 实发 by the word just before it
    (底薪2500 到手一个月4500 → [("底薪", 2500), ("实发", 4500)])."""
    told = []
    for span in find_amounts(words):
        if not isinstance(span.value, (int, float)) or not 1000 <= span.value <= 100000:
            continue
        before = words[max(0, span.start - 8):span.start]
        basic, actual = list(_BASIC.finditer(before)), list(_ACTUAL.finditer(before))
        if basic and (not actual or basic[-1].start() >= actual[-1].start()):
            told.append(("底薪", int(span.value)))
        elif actual:
            told.append(("实发", int(span.value)))
    return told


def base_reply(text: str, facts: Mapping[str, Any]) -> str | None:
    """Which wage the overtime is summed on, asked after the sum (XM-2): the rule the policy data
    holds (加班费基数: the wage agreed for normal hours; unclear, the actual normal wage; never
    below the local minimum), then the sum on the wage the worker names — or on each monthly wage
    they told (底薪 and 实发 / 到手), with what summing on the 底薪 alone leaves short; None for any
    other text, or when no sum can be made."""
    words = str(text or "")
    if not _BASE_ASKED.search(words) or _figure_said(words, 1000):
        return None  # (老板说按底薪2000算 行吗: the form keeps the wage and answers it, XA-2)
    pay = case_overtime(facts)
    if pay is None or not pay.lines:
        return None
    if pay.basis in ("day", "hour"):
        return _BASE_RULE  # 一天三百: the day's pay said is the base, no month to choose
    told: dict[int, str] = {}
    for kind, amount in _wages_told(f"{facts.get('overtime_days') or ''} {facts.get('words') or ''}"):
        told.setdefault(amount, kind)
    told.setdefault(int(pay.monthly_wage), "")
    asked = [amount for amount, kind in told.items() if kind and _NAMED_BASE[kind].search(words)]
    if asked and all(told.get(a) == "底薪" for a in asked):
        asked += [a for a in told if a > max(asked)]  # 按底薪算对吗: beside what it leaves short
    lines = [_BASE_RULE]
    if not asked and _NAMED_BASE["实发"].search(words) and len(told) == 1:
        return "\n".join(lines + [f"上面是按您说的 {yuan(pay.monthly_wage)} 元算的。您每月实际拿到的正常工资"
                                   "（不含加班费）是多少？告诉我（比如：到手4500），我按它重新算。"])
    sums = {amount: on for amount in sorted(set(asked) or told)
            if (on := case_overtime({**facts, "monthly_wage": amount})) is not None}
    for amount, on in sums.items():
        assert on is not None  # (the days of the sum above, on another monthly wage)
        name = {"底薪": "底薪 ", "实发": "实发（到手）"}.get(told.get(amount, ""), "")
        lines.append(f"按{name or ' '}{yuan(Decimal(amount))} 元算：")
        lines += [line.working for line in on.lines]
        lines.append(f"合计 {on.total:,.2f} 元。")
    basic = [a for a in sums if told.get(a) == "底薪"]
    actual = [a for a in sums if told.get(a) != "底薪"]
    if basic and actual and (low := sums[min(basic)]).total < (high := sums[max(actual)]).total:
        lines.append(f"{yuan(Decimal(max(actual)))} 元里如果含加班费，要先减掉加班费，按剩下的正常工资算。"
                     f"单位只按底薪算的，少算的部分可以要求补发：{high.total:,.2f} − {low.total:,.2f} = "
                     f"{high.total - low.total:,.2f} 元。")
    elif len(told) == 1:
        lines.append(f"上面是按您说的 {yuan(pay.monthly_wage)} 元算的。如果这是底薪，您正常上班每月实际拿的工资"
                     "（不含加班费）更高，把那个数告诉我（比如：到手4500），我按它重新算。")
    return "\n".join(lines)


# 按实际工资 / 按到手的 / 按底薪: the kind of wage the question names as the base
_NAMED_BASE = {"底薪": re.compile(r"(?:按|用|拿|以)\S{0,2}(?:底薪|基本|基础|保底)"),
               "实发": re.compile(r"(?:按|用|拿|以)\S{0,2}(?:实发|实际|到手|拿到|应发|全部)")}



# --- an hour's overtime paid at a flat rate (XU-4) -------------------------------------------------

def _hours_of(pay: OvertimePay, worked: WorkedText | None) -> Decimal:
    """The overtime hours the sum's lines count: workday hours as said, days at 8 hours each, the
    hours beyond 8 of rest days and holidays (``worked``: the days as read) — the hours a flat
    rate an hour was paid on."""
    hours = Decimal(0)
    for line in pay.lines:
        if line.kind == DayKind.WORKDAY:
            hours += line.quantity
        elif line.quantity:
            hours += line.quantity * HOURS_PER_DAY
        elif worked is not None:
            hours += Decimal(str(worked.holiday_hours if line.kind == DayKind.STATUTORY else worked.rest_hours))
    return hours


def rate_paid_reply(pay: OvertimePay, rate: Decimal, worked: WorkedText | None = None) -> str:
    """加班费一小时才给15块 beside the wage (XU-4: 15 taken as the worker's own hourly wage): the law's
    rate an hour from the worker's own wage (monthly ÷ 21.75 ÷ 8 × 150 % / 200 % / 300 %) against
    the rate paid, what each hour is short, and — the hours known — the shortfall of the sum."""
    hourly = daily_wage(pay.monthly_wage) / HOURS_PER_DAY
    kinds = [k for k in (DayKind.WORKDAY, DayKind.REST, DayKind.STATUTORY)
             if any(line.kind == k for line in pay.lines)] or [DayKind.WORKDAY, DayKind.REST, DayKind.STATUTORY]
    names = {DayKind.WORKDAY: "工作日延长时间", DayKind.REST: "休息日", DayKind.STATUTORY: "法定节假日"}
    base = (f"小时工资 = 月工资 {yuan(pay.monthly_wage)} ÷ 21.75 ÷ 8 ≈ {money(hourly):,.2f} 元"
            if pay.basis not in ("day", "hour") else f"小时工资 ≈ {money(hourly):,.2f} 元")
    lines = [f"您说单位加班一小时给 {yuan(rate)} 元：这是单位给的加班费，不是您的工资。加班费要按您自己的工资算："
             f"{base}，依法每小时加班费不少于："]
    for kind in kinds:
        lawful = money(hourly * RATES[kind])
        short = f"，单位给 {yuan(rate)} 元，每小时少给 {lawful - rate:,.2f} 元" if lawful > rate else \
            f"，单位给 {yuan(rate)} 元，不低于这个标准"
        lines.append(f"{names[kind]}加班：{money(hourly):,.2f} × {RATES[kind] * 100:.0f}% ≈ {lawful:,.2f} 元{short}。")
    if any(money(hourly * RATES[k]) > rate for k in kinds):
        # 一小时只给15块加班费 这合法吗 (VA-15: the legality never said)
        lines.append(f"单位一小时只给 {yuan(rate)} 元加班费，低于依法应付的标准，这不合法，少给的部分可以要求补发"
                     "（《劳动法》第四十四条）。")
    hours = _hours_of(pay, worked)
    if hours and pay.lines:
        paid = money(rate * hours)
        if paid < pay.total:
            lines.append(f"按您说的加班时间共 {_plain(hours)} 小时：单位按一小时 {yuan(rate)} 元只给了 {yuan(rate)} × "
                         f"{_plain(hours)} = {paid:,.2f} 元，依法应付不少于 {pay.total:,.2f} 元，还差 "
                         f"{pay.total:,.2f} − {paid:,.2f} = {pay.total - paid:,.2f} 元。")
        else:
            lines.append(f"按您说的加班时间共 {_plain(hours)} 小时：单位按一小时 {yuan(rate)} 元给了 {paid:,.2f} 元，"
                         f"不少于依法应付的 {pay.total:,.2f} 元。")
    elif any(money(hourly * RATES[k]) > rate for k in kinds):
        lines.append("告诉我加班了多少小时（比如：上个月加了60个小时），我帮您算一共少给了多少。")
    return "\n".join(lines)


def rate_paid_shortfall(pay: OvertimePay, rate: Decimal, worked: WorkedText | None = None) -> Decimal | None:
    """The sum less what the flat rate an hour paid for its hours (None: no hours, or nothing short)."""
    hours = _hours_of(pay, worked)
    paid = money(rate * hours)
    return pay.total - paid if hours and paid < pay.total else None


RATE_WAGE_ASKED = "我帮您算每小时该给多少"  # the wage asked for the rate paid (the router redoes the sum on it)


def rate_rule_without_wage(rate: Decimal) -> str:
    """加班一小时15块 with no wage of the worker's own (XU-4: 15 read as the hourly wage): the rate paid is
    no wage; the law's rates are of the worker's own wage, so it is asked."""
    return (f"您说单位加班一小时给 {yuan(rate)} 元：这是单位给的加班费，不是您的工资，不能拿它当基数算。"
            "依法加班费按您自己的工资算：小时工资 = 月工资 ÷ 21.75 ÷ 8，工作日延长时间每小时不少于小时工资的 150%，"
            "休息日 200%，法定节假日 300%（《劳动法》第四十四条）。您一个月工资多少？告诉我（比如：一个月4000），"
            f"{RATE_WAGE_ASKED}、一小时 {yuan(rate)} 元少给了多少。")
