"""The days a worker says they worked, read from how they say it.

大年初一到初三 · 除夕到初六 · 国庆3天 · 五一两天 · 2月17日到19日 · 10月1号、2号 ·
周末两天 · 法定节假日2天 · 平时加了10个小时. Named holidays and dates without a year are
taken in the year that puts them closest to today (asked in November, 春节 is the coming
one; asked in March, the one just past).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

import cn2an
from lunardate import LunarDate

from actions.holiday_calendar import (
    FIRST_YEAR,
    LAST_YEAR,
    DayKind,
    classify,
    holiday_breaks,
    qingming,
    spring_festival_day,
    statutory_holidays,
)
from bot.normalize.numbers import find_durations
from bot.normalize.text import CORRECTION_CUES, normalize_text

_NUM = r"[0-9]+(?:\.[0-9])?|[一二两俩仨三四五六七八九十]+"
_LUNAR = {"除夕": 0, "初一": 1, "初二": 2, "初三": 3, "初四": 4, "初五": 5, "初六": 6,
          "初七": 7, "初八": 8, "初九": 9, "初十": 10}
# 腊月二十八 (ZW-05: 从腊月二十八干到初七 was read as 初七 alone): a day of the month before
_LUNAR_DAY = (r"腊月\s*(?:初[一二三四五六七八九十]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|"
              r"十[一二三四五六七八九]?|[12]\d|30|[1-9])[号日]?|除夕|初[一二三四五六七八九十]")
# 除夕到初五 / 从除夕一直干到初五 / 1号干到5号: a span, whatever verb is said before 到
_TO = r"\s*(?:一直|连着)?(?:干|上|做|忙|值|加)?班?\s*(?:到|至|-|~|—)\s*"


@dataclass
class WorkedText:
    """What was understood: concrete dates, and/or counts of days by kind, and hours."""

    dates: list[date] = field(default_factory=list)
    statutory_days: int = 0
    rest_days: int = 0
    extended_hours: Decimal = Decimal(0)
    # 天天加班三个小时: hours of every working day; ``workdays`` is how many such days the
    # period said (三个月天天加三小时), 0 when no period was said (the total is then asked)
    hours_per_day: Decimal = Decimal(0)
    workdays: int = 0
    workdays_counted: bool = False  # 干了二十二天: the worker's own count, not an estimate
    comp_days: int = 0  # 后来厂里给我补休了两天: time off in lieu given for rest days (U-21)
    weekly_days: Decimal | int = 0  # 每个周六都加班: rest days of every week, for one month (每个周末一天半: 1.5)
    rest_hours: Decimal = Decimal(0)  # 一个礼拜六天 每天十个钟头: rest days' hours beyond 8
    month_days: int = 0  # 一个月只歇两天 / 每个月干28天: the days worked in a month, as said
    # 平时一个月加班40多个小时 (YO-03): the weekday overtime of a month, as the worker counted it
    # (``extended_hours`` then holds it); ``hours_rough``: said with 多 (40多: 40 counted)
    hours_a_month: Decimal = Decimal(0)
    hours_rough: bool = False
    # 初一初五都上了 每天10个小时 (XG-2): statutory days' hours beyond their 8 (300 %); the rest
    # days' go to ``rest_hours`` (200 %), the workdays' to ``extended_hours`` (150 %)
    holiday_hours: Decimal = Decimal(0)
    # 除夕上了半天班 初一初二全天 (XQ-3: 除夕 summed as a whole day): the dates worked only part of the
    # day, each as the part worked (半天 / 上午 / 4个小时: 0.5); and how much of the counted rest and
    # statutory days was not worked (四个周六都上半天: 2 of the 4; 周末干了一天半: 0.5 of 2)
    part_days: dict[date, Decimal] = field(default_factory=dict)
    rest_short: Decimal = Decimal(0)
    statutory_short: Decimal = Decimal(0)

    @property
    def rest_worked(self) -> Decimal:
        """The counted rest days as days of work (四个周六都上半天: 2)."""
        return self.rest_days - self.rest_short

    @property
    def statutory_worked(self) -> Decimal:
        """The counted statutory days as days of work."""
        return self.statutory_days - self.statutory_short

    @property
    def needs_period(self) -> bool:
        """Daily hours with no period: one day's figure can be given, the total cannot."""
        return bool(self.hours_per_day) and not self.workdays

    def __bool__(self) -> bool:
        return bool(self.dates or self.statutory_days or self.rest_days or self.extended_hours)


_KINDS = ("dates", "statutory_days", "rest_days", "extended_hours", "hours_per_day")
# 要是 / 如果 before days given off (那要是厂里后来给初四初五补休了, VA-2): the same days, time off supposed
_GIVEN_IF = re.compile(r"要是|如果|假如")


def added_days(before: str | None, said: str) -> str | None:
    """四个周六都去上了班, then 平时晚上也加 一个月下来大概加了20个钟头 (II-02 summed each alone,
    750 then 1,600, never 2,350): days of another kind said later add to the days before —
    the two texts joined; None when they are the same kind again or a correction (then the
    days said now replace them), save one saying which days the daily hours were (ZW-14)."""
    if before and _AHEAD.search(said) and not _AHEAD.search(_GIVEN_IF.sub(" ", said)) and "下个月" not in said \
            and (given := _only_days_given_off(before, said)) is not None:
        return given  # 那要是厂里后来给初四初五补休了 after 初一到初五 (VA-2: 初四初五 alone summed, 1,200)
    if not before or _AHEAD.search(said) or "下个月" in said:
        return None  # (那下个月要是加5个周六呢: another period asked about, O-02)
    if (again := _given_off_told_again(before, said)) is not None:
        return again  # 不对 是给调休了一天 另外三天没给 (round 54, m2-22): the counts said before replaced
    if (given := _only_days_given_off(before, said)) is not None:
        return given  # 初四初五厂里后来给补休了 after 除夕到初六 (round 54, m2-3: summed as the days worked)
    if (parts := _parts_of_the_days_before(before, said)) is not None:
        return parts  # 不对 初三只上了半天 after 初一到初三 (XQ-3: replaced by 初三 alone)
    if (swapped := days_taken_back(before, said)) is not None:
        return swapped  # 不是初五 是初三 / 初五没上 (XW-2: 初五 kept, 初一 初二 dropped)
    if CORRECTION_CUES.search(said):
        return _daily_hours_corrected(before, said) or _correction_keeping_hours(before, said) \
            or _correction_of_one_kind(before, said) \
            or same_festival_year(before, said)
    old, new = read_worked_days(before), read_worked_days(said)
    if old and new and _restated(old, new):
        return before  # 那平时加的那36个小时咋没算 (YQ-02: the Saturdays then dropped): asked again
    if _RATE_ASKED.search(said) and days_said_again(before, said):
        return before  # 那除夕那天算不算三倍 after 除夕到初六 (round 54, m2-3: summed as 除夕 alone)
    if old and new and (more := _more_of_the_days(before, said, old)) is not None:
        return more  # 初四也上了 after 初一到初三 (L52-8: 初四 alone summed)
    if not old or not new or any(getattr(old, k) and getattr(new, k) for k in _KINDS):
        return same_festival_year(before, said)
    joined = f"{before} {said}"
    # 还有两个周六 after 初一到初三 (L52-8): dates and counted rest days are not read from one text
    return joined if _adds_up(joined, old, new) else (_summed_days(before, said, old, new) or joined)


# 不是初五 是初三 / 初五没上 / 初五没干: a day said before taken back (and another put in its place)
_NOT_THAT_DAY = re.compile(r"不是([^，,。；;\s]{1,12}?)[，,\s]*(?:而)?是([^，,。；;？?]{1,16})")
# (那除夕那天算不算三倍 / 初五上没上 ask; they take no day back)
_DAY_NOT_WORKED = re.compile(r"([^，,。；;\s]{1,8}?)(?:那天|那一天)?(?<![上干去加])"
                             r"(?:没上|没干|没去|没有上|没有干|没加班)(?![吗么没])")


def _dates_of(before: str, words: str) -> list:
    """The dates ``words`` name, in the festival year of the days said before (those written as
    dates too: 2026年2月19日 before, 初三 now — the 初三 of 2026)."""
    dates = read_worked_days(same_festival_year(before, words) or words).dates
    years = {d.year for d in read_worked_days(before).dates}
    if dates and len(years) == 1 and {d.year for d in dates} != years and _FESTIVAL_DAY.search(words):
        dates = read_worked_days(f"{years.pop()}年春节 {words}").dates
    return dates


_FESTIVAL_DAY = re.compile(r"初[一二三四五六七八九十]|除夕|正月|大年|年三十")


def days_taken_back(before: str, said: str) -> str | None:
    """不对 不是初五 是初三上的班 after 初一初二 初五也上了 (XW-2: summed as 初三 + 初五, then 初一~初三 +
    初五): the dates said before, less the ones taken back, with the ones put in their place —
    written as dates; None when no date said before is taken back (the other rules decide)."""
    old = read_worked_days(before)
    words = normalize_text(said)
    if not old.dates or any(getattr(old, k) for k in ("statutory_days", "rest_days", "extended_hours")):
        return None
    wrong, right = [], []
    if found := _NOT_THAT_DAY.search(words):
        wrong, right = _dates_of(before, found.group(1)), _dates_of(before, found.group(2))
    for off in _DAY_NOT_WORKED.finditer(words):
        wrong += _dates_of(before, off.group(1))
    if not wrong or set(wrong) & set(old.dates) and not set(wrong) <= set(old.dates):
        return None
    if not set(wrong) & set(old.dates):
        # 初五没上 once 初五 is out of the sum (XW-2: summed as 初五 alone, 400): the days stay as they are
        return None if found else _dates_written(old.dates, before, old)
    rest = _DAY_NOT_WORKED.sub(" ", re.sub(r"不是[^，,。；;\s]{1,12}?[，,\s]*(?:而)?是", " ", words))
    right += [d for d in _dates_of(before, rest) if d not in right]
    kept = sorted((set(old.dates) - set(wrong)) | set(right))
    if not kept:
        return None
    return _dates_written(kept, before, old)


def _dates_written(dates: list, before: str, old: WorkedText) -> str:
    """The dates worked, written so :func:`read_worked_days` reads them back, with the time off and
    the pay said before."""
    comp = f" 后来补休了{old.comp_days}天" if old.comp_days else ""
    paid = " ".join(m.group(0) for m in PAID_SAID.finditer(before))  # (the pay said before stays said)
    return "、".join(f"{d.year}年{d.month}月{d.day}日" for d in dates) + "上班" + comp + (f" {paid}" if paid else "")


# 算不算三倍 / 给几倍 / 算法定假日吗: a question about a day already counted, no day told
_RATE_ASKED = re.compile(r"算不算|算几倍|给几倍|几倍|多少倍|[二两三]倍|双倍|法定|算吗|是吗|对吗|对不对|"
                         r"[吗么嘛呢不]\s*[?？]?\s*$")


def _whole_of(found: WorkedText) -> tuple:
    """The days read, each kind whole (no part of a day)."""
    return sorted(found.dates), found.statutory_days, found.rest_days, found.extended_hours


def _parts_of(found: WorkedText) -> tuple:
    """The parts of days read (除夕上了半天, 四个周六都上半天)."""
    return found.part_days, found.rest_short, found.statutory_short


def _parts_of_the_days_before(before: str, said: str) -> str | None:
    """不对 初三只上了半天 / 除夕那天只干了半天 / 其中两个只上了半天 after the days (XQ-3: the days
    replaced by the half day alone, or the half dropped): a part of days said before — the words
    joined (the festival's year of the days before kept); None when the words say no part of a
    day, or name days of their own besides."""
    if not _parts_said(normalize_text(said)) and not _parts_said(normalize_text(f"{before} {said}")):
        return None
    old = read_worked_days(before)
    if not old:
        return None
    year = _festival_year(normalize_text(before), date.today()) if old.dates else None
    for joined in (f"{before} {said}", f"{year}年春节 {before} {said}" if year else ""):
        if not joined:
            continue
        found = read_worked_days(joined)
        if _whole_of(found) == _whole_of(old) and _parts_of(found) != _parts_of(old):
            return joined
    return None


def same_days_said(old: str | None, new: str | None) -> bool:
    """Two messages that name the same days worked, each whole or in part alike (除夕上了半天 after
    除夕上了 is not the same, XQ-3): the second asks about them again."""
    if not (isinstance(old, str) and isinstance(new, str)):
        return False
    before, now = read_worked_days(old), read_worked_days(new)
    return bool(now) and _whole_of(before) == _whole_of(now) and _parts_of(before) == _parts_of(now)


# 初四也上了 / 初五初六也去了 / 除夕那天也干了 / 还有两个周六 / 另外周日还干了两天 / 再加上初四 (L52-8:
# 初四也上了 after 初一到初三 replaced them, 478.16 summed for 2,629.88): days said with 也 / 还 / 另外
# are more days, added to the days said before even when they are of the same kind
_MORE_SAID = re.compile(r"也(?!就)|还有|还(?!是|差|欠|要|能|得|该)|另外|另有|再加|加上|外加|又")
# 初四也没上 / 初五也放假了 / 初六也给补休了: days not worked, or given off (days_given_off reads those)
_NOT_MORE = re.compile(r"没(?:有)?(?:上|干|去|加|做|让)|不(?:上|干|去|用|让)|放假|休息|歇|补休|调休|倒休|"
                       r"只|光|仅|就这")
# the kinds read from the words as a whole (every day's hours, weeks, months, each day's length):
# not summed kind by kind
_WHOLE_KINDS = ("hours_per_day", "weekly_days", "month_days", "rest_hours", "holiday_hours", "hours_a_month")


def _summed(old: WorkedText, new: WorkedText) -> tuple:
    """The days of both texts together: the dates of either, the counts of both added, and the
    parts of days of both (除夕上了半天 kept when 初四也上了 is added, XQ-3)."""
    return (sorted(set(old.dates) | set(new.dates)), old.statutory_days + new.statutory_days,
            old.rest_days + new.rest_days, old.extended_hours + new.extended_hours,
            {**old.part_days, **new.part_days}, old.rest_short + new.rest_short,
            old.statutory_short + new.statutory_short)


def _adds_up(text: str, old: WorkedText, new: WorkedText) -> bool:
    found = read_worked_days(text)
    return (sorted(set(found.dates)), found.statutory_days, found.rest_days, found.extended_hours,
            found.part_days, found.rest_short, found.statutory_short) \
        == _summed(old, new) and len(found.dates) == len(set(found.dates))


def _summed_days(before: str, said: str, old: WorkedText, new: WorkedText) -> str | None:
    """The days said before and the days said now, summed kind by kind and written so
    :func:`read_worked_days` reads them back (the days given off and what was paid kept), the
    words said now last (so they are seen as added, :func:`_more_of_the_days`); None when the
    sum cannot be written so, or a kind is read from the words as a whole."""
    if any(getattr(w, k) for w in (old, new) for k in _WHOLE_KINDS):
        return None
    dates, statutory, rest, hours, parts, rest_short, statutory_short = _summed(old, new)
    total = WorkedText(dates=dates, statutory_days=statutory, rest_days=rest, extended_hours=hours,
                       part_days=parts, rest_short=rest_short, statutory_short=statutory_short)
    parts = [_kind_said(total, k) for k in ("dates", "statutory_days", "rest_days", "extended_hours")
             if getattr(total, k)]
    comp = f" 后来补休了{old.comp_days}天" if old.comp_days and not new.comp_days else ""
    paid = "" if PAID_SAID.search(said) else " ".join(m.group(0) for m in PAID_SAID.finditer(before))
    text = f"{' '.join(parts)}{comp}{f' {paid}' if paid else ''} {said}"
    found = read_worked_days(text)
    return text if _adds_up(text, old, new) and found.comp_days == (new.comp_days or old.comp_days) else None


def _more_of_the_days(before: str, said: str, old: WorkedText) -> str | None:
    """初四也上了 after 过年初一到初三都在厂里上班 (L52-8): the days said with 也 / 还有 / 另外, of a kind
    said before or not, added to the days before — the texts joined (the festival's year kept),
    or the days summed (:func:`_summed_days`); ``before`` when they were added already or are
    among the days before; None when the words say no more days (no 也, 也没上, 也补休了, a
    correction), or the days cannot be summed (the days said now then replace them, as before)."""
    words = normalize_text(said)
    if not _MORE_SAID.search(words) or _NOT_MORE.search(words) or normalize_text(before) in words:
        return None  # (the words before with these after them: they hold both days already)
    if words in normalize_text(before):
        return before  # (the slot took them this turn; the router reads them again: added once)
    said = same_festival_year(before, said) or said  # (初四也上了 is the festival talked about)
    new = read_worked_days(said)
    if not new or any(getattr(w, k) for w in (old, new) for k in _WHOLE_KINDS):
        return None
    if set(new.dates) <= set(old.dates) and not (new.statutory_days or new.rest_days or new.extended_hours):
        return before  # 初三也上了 after 初一到初三: among the days counted
    joined = f"{before} {said}"
    return joined if _adds_up(joined, old, new) else _summed_days(before, said, old, new)


# 只有25个钟头 / 礼拜六没上 / 别的没有: the correction says the days said before are all there were
_ONLY_THESE = re.compile(r"只|光|仅|就这|别的|其他|其余|没(?:有)?(?:上|加|干|做)(?!\s*(?:多少|几))|没有了")
# 周六只有三个 (XM-6): 只 said of the kind named just before it is that kind's count, not "no other days"
_OF_ONE_KIND = re.compile(r"(?:周六|周日|周天|星期六|星期天|星期日|礼拜六|礼拜天|礼拜日|周末)"
                          r"(?:其实|实际上?)?(?:只|光|仅)")
# the kinds a correction of one of them may keep; the worked-out kinds (a week of six days, a
# month's days, every day's hours) are read from the words as a whole and are not split
_WORKED_OUT = ("hours_per_day", "weekly_days", "month_days", "rest_hours")


# the words of each kind of days: a correction that names a kind (礼拜六是三个, read or not)
# says it again, so it is not kept from before
_KIND_WORDS = {"dates": re.compile(r"\d\s*[月号日]|节|假|过年|除夕|初[一二三四五六七八九十]|腊月"),
               "statutory_days": re.compile(r"节|假|过年|除夕|初[一二三四五六七八九十]"),
               "rest_days": re.compile(r"周|星期|礼拜|休息日|双休"),
               "extended_hours": re.compile(r"平时|平常|工作日|下班|晚上|每晚|小时|钟头|钟|个点")}


def _kind_said(found: WorkedText, kind: str) -> str:
    """One kind of days read, written so :func:`read_worked_days` reads it back (dates with
    their year, so a festival stays the festival it was)."""
    if kind == "dates":
        # (除夕上了半天: the part of each such day said after the dates, in a clause of its own, XQ-3)
        return "、".join(f"{d.year}年{d.month}月{d.day}日" for d in found.dates) + "".join(
            f" {d.year}年{d.month}月{d.day}日{_part_worded(part)}" for d, part in sorted(found.part_days.items()))
    if kind == "extended_hours" and found.hours_per_day and found.workdays:
        # (每天多干2小时 干了22天: the weekday hours as said, each day's and the days, XM-6)
        return f"平时每天多干{_plain(found.hours_per_day)}小时 干了{found.workdays}天"
    return {"statutory_days": f"法定节假日加班{found.statutory_days}天{_halves_said(found.statutory_short)}",
            "rest_days": f"休息日加班{found.rest_days}天{_halves_said(found.rest_short)}",
            "extended_hours": f"平时加班{_plain(found.extended_hours)}小时"}[kind]


def _part_worded(part: Decimal) -> str:
    """A part of a day as :func:`read_worked_days` reads it back: 上了半天 / 干了3个小时."""
    return "上了半天" if part == Decimal("0.5") else f"干了{_plain(part * 8)}个小时"


def _halves_said(short: Decimal) -> str:
    """The counted days worked half, as read back (四个周六都上半天: 其中4天只上了半天)."""
    halves = short * 2
    return f" 其中{int(halves)}天只上了半天" if halves and halves == halves.to_integral_value() else ""


def _counted_daily(old: WorkedText, new: WorkedText, kind: str) -> bool:
    """平时每天多干2小时 一个月22天 … 四个周六, then 不对 周六是三个 (XM-6: summed on the 3 Saturdays
    alone, the 44 weekday hours dropped): every day's hours over a period said are one kind — the
    weekday hours, kept whole when another kind is corrected — unless the correction says hours
    again or the days are worked out from a week or a month."""
    return kind == "hours_per_day" and bool(old.workdays) and not new.hours_per_day \
        and not (old.weekly_days or old.month_days or old.rest_hours)


# 加班费只给了800 (XM-6): what the worker said was paid, kept beside the days when a correction
# rebuilds them (还差多少 afterwards is worked out against it, actions/overtime_calculator.py)
# Not money of another kind (老板给了二百红包 / 红包就给了二百, round 54 m2-2: taken off the overtime owed,
# though a red envelope is no overtime pay — the records' overtime_red_envelope)
OTHER_MONEY_WORDS = r"红包|利是|奖金|年终奖|过节费|慰问金|补贴|路费|车费|年货|购物卡|礼品|礼包|福利|伙食费|生活费"
NOT_OTHER_BEFORE = "".join(f"(?<!{w}{a})" for w in OTHER_MONEY_WORDS.split("|")
                           for a in ("", "就", "只", "才", "也", "都"))
NOT_OTHER_AFTER = rf"(?!\s*(?:块钱?|元)?\s*(?:钱)?\s*的?\s*(?:过年|过节)?(?:{OTHER_MONEY_WORDS}))"
PAID_SAID = re.compile(r"(?:加班费|加班工资|加班钱)?[^\s，,。；;0-9]{0,4}?" + NOT_OTHER_BEFORE
                       + r"(?:一共|总共|只|才|就)?(?:给了|发了|付了)"
                        r"(?:我|俺)?\s*(?:[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千万]+)(?![0-9.一二两三四五六七八九十百千万])"
                        r"\s*(?:块钱?|元)?(?!\s*(?:一天|每天|天|个?小时|个?钟))" + NOT_OTHER_AFTER)


# 加班费一小时才给15块 / 加班一个钟头就15块 / 加班费按15块一小时算 / 一小时加班费15 (XU-4: the 15 taken as
# the worker's own hourly wage, the shortfall never worked out): what the employer pays an hour of
# overtime — a rate paid, weighed against the law's 150 % / 200 % / 300 % of the worker's own wage
_AN_HOUR = r"(?:一小时|每小时|每个小时|一个小时|一个?钟头|每个?钟头|一个钟|按小时)"
_RATE_VERBS = r"(?:都|也|就|才|只|只有|才有|也就|是|给|给了|发|发了|算|按|有|能拿|拿)*"
_RATE_FIGURE = r"(\d{1,3}(?:\.\d{1,2})?|[一二两三四五六七八九十]{1,3})(?![\d.一二两三四五六七八九十百千万])"
_NOT_A_MONTH_OR_DAY = r"(?!(?:块钱?|元)?(?:钱)?(?:一个?月|每个?月|一天|每天|个?小时|个?钟))"
_OVERTIME_RATE = re.compile(
    # 加班费一小时才给15块 / 加班一小时15 / 加班的话一个钟头就给十五块钱
    r"加班(?:费|工资|的钱|钱|的话)?[^，,。；;？?！!\d]{0,4}?" + _AN_HOUR + r"(?:的)?(?:加班费)?\s*"
    + _RATE_VERBS + r"\s*" + _RATE_FIGURE + _NOT_A_MONTH_OR_DAY + "|"
    # 一小时加班费才15 / 每小时的加班费是15块
    + _AN_HOUR + r"的?加班(?:费|工资|钱)\s*" + _RATE_VERBS + r"\s*" + _RATE_FIGURE + _NOT_A_MONTH_OR_DAY + "|"
    # 加班费15块一小时 / 加班按15块一个钟头算 / 加班给15元每小时
    r"加班(?:费|工资|的钱|钱)?[^，,。；;？?！!\d]{0,3}?" + _RATE_VERBS + r"\s*" + _RATE_FIGURE
    + r"\s*(?:块钱?|元)\s*(?:钱)?\s*(?:一小时|每小时|一个小时|一个?钟头|一个钟|/小时|/h)|"
    # 厂里一小时只给15块加班费 (VA-15: 合法吗 差多少 never answered)
    + _AN_HOUR + r"\s*" + _RATE_VERBS + r"\s*" + _RATE_FIGURE + r"\s*(?:块钱?|元)(?:钱)?的?加班(?:费|工资|钱)"
    + r"(?!\s*(?:另|没|不|也|都))")


def overtime_rate_spans(text: str) -> list[tuple[int, int, Decimal]]:
    """(start, end, yuan) of each hour's overtime pay the employer pays, as the text says it
    (加班费一小时才给15块 → 15); the span is the figure's own (for the facts reader to pass over)."""
    found = []
    for m in _OVERTIME_RATE.finditer(text or ""):
        group = next(g for g in (1, 2, 3, 4) if m.group(g))
        value = _number(m.group(group))
        if value is not None and 0 < value <= 300:
            found.append((m.start(group), m.end(group), value))
    return found


def overtime_rate_paid(text: str) -> Decimal | None:
    """加班费一小时才给15块 → 15: what the employer pays for an hour of overtime, the last said
    (None when the text says no such rate)."""
    found = overtime_rate_spans(normalize_text(str(text or "")))
    return found[-1][2] if found else None


_OWN_HOURLY = re.compile(r"(?:时薪|小时工资|一小时|每小时|一个小时|一个?钟头)[^，,。；;？?！!\d\s]{0,2}?\d|"
                         r"\d\s*(?:块钱?|元)\s*(?:一小时|每小时|一个小时|一个?钟头)")


def own_hourly_pay_said(text: str) -> bool:
    """An hour's pay said apart from the overtime rate paid (时薪15 加班一小时也是15): the worker's own."""
    words = normalize_text(str(text or ""))
    for start, end, _ in reversed(overtime_rate_spans(words)):
        words = words[:start] + " " + words[end:]
    return bool(_OWN_HOURLY.search(words))


def is_overtime_rate(text: str, start: int, end: int) -> bool:
    """The sum at ``start:end`` of ``text`` is an hour's overtime pay paid (加班费一小时才给15块), not
    the worker's own hourly wage (XU-4) — for the facts reader: never the wage."""
    return any(s < end and start < e for s, e, _ in overtime_rate_spans(text))


def _correction_of_one_kind(before: str, said: str) -> str | None:
    """说错了 是25个钟头 after 平时加了20个钟头 … 两个礼拜六也上了 (XA-2: summed as 25 hours alone,
    937.50, the Saturdays dropped): a correction of one kind of days keeps the other kinds said
    before — the words said now with the kinds kept; None when it says nothing of the days, names
    every kind again, says those were all (只有 / 礼拜六没上), or the days are worked out from a
    week or a month (then the words as said replace them)."""
    old, new = read_worked_days(before), read_worked_days(said)
    told = [k for k in _KINDS if getattr(new, k)]
    kept = [k for k in ("dates", "statutory_days", "rest_days", "extended_hours")
            if getattr(old, k) and k not in told]
    if not told or not kept or _ONLY_THESE.search(_OF_ONE_KIND.sub(" ", normalize_text(said))) \
            or any(getattr(old, k) or getattr(new, k) for k in _WORKED_OUT if not _counted_daily(old, new, k)):
        return None
    if not all(getattr(old, k) for k in told) or any(_KIND_WORDS[k].search(normalize_text(said)) for k in kept):
        return None  # a kind not said before (added_days adds it), or a kept kind said again
    comp = f" 后来补休了{old.comp_days}天" if old.comp_days and not new.comp_days else ""
    paid = "" if PAID_SAID.search(said) else " ".join(m.group(0) for m in PAID_SAID.finditer(before))
    joined = f"{said} 另外{' '.join(_kind_said(old, k) for k in kept)}{comp}" + (f" {paid}" if paid else "")
    found = read_worked_days(joined)
    keeps = all(getattr(found, k) == getattr(new, k) for k in told) \
        and all(getattr(found, k) == getattr(old, k) for k in kept)
    return joined if keeps else None


def same_festival_year(before: str | None, said: str, today: date | None = None) -> str | None:
    """其实初一到初五都上了 初四初五也没给调休 after 过年厂里让上班 初一上班给几倍 (XA-3: the first sum
    dated 2027-02-06, the next ones 2026, 没给 read as the festival gone by): the Spring Festival
    talked about keeps its year for the rest of the talk — the words said now with that year
    before them; None when they name no festival day, name a year of their own (去年春节 / 2026年),
    already mean the same year, say days given off (:func:`days_given_off` keeps the days before),
    or no festival was talked about before."""
    today = today or date.today()
    words, earlier = normalize_text(str(said or "")), normalize_text(str(before or ""))
    if not earlier or _year_named(words, today) or not _spring_festival(words, today) \
            or not _spring_festival(earlier, today) or days_given_off(before, said):
        return None  # (初四初五初六三天都补: the days given off of the days before, YM-02)
    if _done(words) and not _talk_fixes_the_festival(earlier, today):
        return None  # 俺除夕初一初二都上班了 after 除夕算不算法定假日 (XS-15): the festival gone by
    year = _festival_year(earlier, today)
    return f"{year}年春节 {said}" if _festival_year(words, today) != year else None


# 过年厂里让上班 (XA-3) / 我一个月五千二 过年初一到初三都在厂里上班 (L52-8): the worker's own festival, which
# the talk keeps, unlike a question of the rule alone (过年初一加班给几倍 / 除夕算不算法定假日 / 我想问下春节加班
# 咋算, XS-15)
_OWN_FESTIVAL = re.compile(r"(?:我|俺|咱)(?!想?(?:问|打听|咨询|了解|请教))|厂里|厂子|厂家|单位|公司|老板|领导|工地|"
                           r"车间|主管|班长|组长|店里")


def _done(words: str) -> bool:
    """The words say the festival's days were worked already (上了 / 干了 / 已经 / 没给), none to come."""
    return bool(_PAST.search(words)) and not _AHEAD.search(words) and not _NOT_YET.search(words)


def _talk_fixes_the_festival(earlier: str, today: date) -> bool:
    """The earlier words are of one festival — named by its year, said as done or ahead, or the worker's
    own (XA-3, L52-8) — not a question of the rule alone (XS-15)."""
    return bool(_year_named(earlier, today) or _PAST.search(earlier) or _AHEAD.search(earlier)
                or _NOT_YET.search(earlier) or _OWN_FESTIVAL.search(earlier))


def festival_year_of_the_talk(days: str | None, said_before: list[str], today: date | None = None) -> str | None:
    """初一上班那天该给多少钱 after 今年过年留厂里没回去 … 我大年初一上了班 (XO-16: dated 2027-02-06, the
    festival to come, for a day already worked): festival days said with no year and no look ahead
    are of the Spring Festival the worker's earlier words (``said_before``, latest last) put in the
    past or named the year of — the days with that year before them (earlier words that say no
    time are passed over); None when the days name no festival day or a year of their own, look
    ahead, are of that year already, or the nearest earlier words that say a time look ahead."""
    today = today or date.today()
    words = normalize_text(str(days or ""))
    if not _spring_festival(words, today) or _year_named(words, today) or _AHEAD.search(words) \
            or _NOT_YET.search(words):
        return None
    for before in reversed(said_before):
        earlier = normalize_text(str(before or ""))
        if not earlier or earlier in words or not _FESTIVAL_WORDS.search(earlier):
            continue  # (the days' own message, or words about something else)
        if _AHEAD.search(earlier) or _NOT_YET.search(earlier):
            return None  # (明年过年要是加班咋算: the festival to come)
        if not (_PAST.search(earlier) or _year_named(earlier, today)):
            continue  # (过年加班钱咋算: no time said)
        year = _festival_year(earlier, today)
        return f"{year}年春节 {days}" if _festival_year(words, today) != year else None
    return None


def _restated(old: WorkedText, new: WorkedText) -> bool:
    """The days said now are some of the days said before, each kind as it was: nothing new."""
    said = [k for k in _KINDS if getattr(new, k)]
    return bool(said) and all(getattr(old, k) == getattr(new, k) for k in said)


# 22天是平常上班的天数 / 22天是工作日: which days a count of days was
_WORKDAYS_SAID = re.compile(rf"({_NUM})\s*天\s*(?:是|指的?是|说的是|都是)\S{{0,2}}?(?:平常|平时|正常|工作日)")


def _daily_hours_corrected(before: str, said: str) -> str | None:
    """不对 是每天两个小时 不是8小时 after 每个周六都加班 … 平时每天晚上多干俩钟头 上个月上了22天班 (XO-4:
    the 22 days and the 4 Saturdays dropped, 72.41 for one day, then asked how long again): a
    correction of every day's hours, no days of its own, keeps the days the worker counted and the
    other kinds said before — those written out with the hours said now; None for any other text."""
    old, new = read_worked_days(before), read_worked_days(said)
    hours = new.hours_per_day or (new.extended_hours if new.extended_hours < 8 else Decimal(0))
    if not hours or not old.hours_per_day or not old.workdays_counted or new.workdays \
            or new.dates or new.statutory_days or new.rest_days \
            or any(getattr(old, k) for k in ("weekly_days", "month_days", "hours_a_month", "holiday_hours")):
        return None
    if hours == old.hours_per_day:
        return before  # (the hours as counted already: the days stay)
    kept = [_kind_said(old, k) for k in ("dates", "statutory_days", "rest_days") if getattr(old, k)]
    comp = f" 后来补休了{old.comp_days}天" if old.comp_days else ""
    paid = ([m.group(0) for m in PAID_SAID.finditer(said)] or [m.group(0) for m in PAID_SAID.finditer(before)]
            or [""])[-1]
    text = " ".join(p for p in (f"平时每天多干{_plain(hours)}小时 干了{old.workdays}天", *kept) if p) \
        + comp + (f" {paid}" if paid else "")
    found = read_worked_days(text)
    keeps = (found.hours_per_day, found.workdays, found.dates, found.statutory_days, found.rest_days) \
        == (hours, old.workdays, old.dates, old.statutory_days, old.rest_days)
    return text if keeps else None


def _correction_keeping_hours(before: str, said: str) -> str | None:
    """不对 周六就上了四天 22天是平常上班的天数 after the Saturdays and the weekday hours (ZW-14: the
    days replaced by the 4 Saturdays alone, the 44 weekday hours lost): a correction that says
    which days the daily hours were done on, and no hours of its own, is read with the message
    before (its counts, said last, stand), and so is one saying how long the days of a working
    week said before are (YM-03); None for any other correction (it replaces the days)."""
    old, new = read_worked_days(before), read_worked_days(said)
    if old.hours_per_day and not new.extended_hours and _WORKDAYS_SAID.search(said):
        return f"{before} {said}"
    if _DAYS_A_WEEK.search(normalize_text(before)) and not _DAYS_A_WEEK.search(normalize_text(said)) \
            and new.extended_hours and not (new.dates or new.statutory_days or new.rest_days):
        # 不对 我们一天其实干十个钟头 after 一个礼拜上六天 (YM-03: 10 overtime hours, 375 元): the
        # length of the days of that week, read with it
        return f"{before} {said}"
    return None


# (是补了三天 初四初五初六三天都补 — YM-02: read as 3 days worked in the coming festival)
_GIVEN_OFF = re.compile(r"(?:补休|调休|倒休|补了休|给.{0,2}补)|"
                        rf"(?:补了\s*(?:{_NUM})\s*天|都补(?:了|上了)?)(?!\S{{0,3}}(?:钱|工资|加班费|班))")
# 补了三天 (YM-02): the days given off, counted as 补休了三天 is
_GIVEN_COUNT = re.compile(rf"补了\s*({_NUM})\s*天")
# 后来补休了2天: the count :func:`days_given_off` wrote, replaced when the worker says it again
_GIVEN_WRITTEN = re.compile(r"\s*后来补休了\d+天")


def _days_named_off(clause: str) -> set:
    """初四到初六 / 初五初六 / 5号到7号: the days a clause names, a range as every day of it (YM-02:
    初四到初六 counted 初四 and 初六 alone)."""
    year = min(max(date.today().year, FIRST_YEAR), LAST_YEAR)
    named: set = set()
    for span in re.finditer(rf"({_LUNAR_DAY}){_TO}({_LUNAR_DAY})", clause):
        first, last = (_lunar_date(year, n) for n in span.groups())
        named.update(_span(first, last) if 0 <= (last - first).days <= 15 else [first, last])
    rest = re.sub(rf"({_LUNAR_DAY}){_TO}({_LUNAR_DAY})", " ", clause)
    named.update(_lunar_date(year, n) for n in re.findall(_LUNAR_DAY, rest))
    for span in re.finditer(rf"(\d{{1,2}})\s*[号日]{_TO}(\d{{1,2}})\s*[号日]", clause):
        low, high = int(span.group(1)), int(span.group(2))
        named.update(f"{n}号" for n in range(low, high + 1) if high - low <= 15)
    rest = re.sub(rf"(\d{{1,2}})\s*[号日]{_TO}(\d{{1,2}})\s*[号日]", " ", clause)
    named.update(f"{n}号" for n in re.findall(r"(\d{1,2})\s*[号日]", rest))
    return named


def _given_off_told_again(before: str, said: str) -> str | None:
    """给调休了一天 另外三天没给 after 四个周末都加班了 公司给调休了两天 另外两天没给: the days given off and
    not given off said again replace those said before — the days before without those counts, and
    the words now; None when the words do not say both, or nothing was given off before."""
    if not _NOT_GIVEN_OFF.search(said) or not read_worked_days(said).comp_days \
            or not read_worked_days(before).comp_days:
        return None
    kept = _GIVEN_WRITTEN.sub("", before)
    kept = _NOT_GIVEN_OFF.sub(" ", _COMP_DAYS.sub(" ", kept))
    return f"{kept} {said}" if read_worked_days(kept) else None


def _only_days_given_off(before: str, said: str) -> str | None:
    """初四初五厂里后来给补休了 老板已经给了一千 after the festival's days (round 54: read as 初四初五
    worked, the days before replaced): days given off, and no other days worked said — the days
    before with the time off (:func:`days_given_off`); None otherwise."""
    given = days_given_off(before, said)
    if given is None:
        return None
    others = [c for c in re.split(r"[，,。；;！!\s]+|就|但是?|只有", said) if not _GIVEN_OFF.search(c)]
    return given if not read_worked_days(" ".join(others)) else None


def days_given_off(before: str | None, said: str) -> str | None:
    """哦不对 初五初六后来给俺补休了 就初四没补 after the festival's sum (II-03 recomputed only
    初四 to 初六, on the coming festival): the days said given off are time off in lieu for the
    days counted before — the earlier text and the count; None when the message says no such
    thing. The days named (a range as every day of it) and the days counted are the same days
    said twice (是补了三天 初四初五初六三天都补: three, YM-02); a count said again replaces the one
    before."""
    before = _GIVEN_WRITTEN.sub("", before or "")
    if not before or not read_worked_days(before):
        return None
    named: set = set()
    counted = 0
    for clause in re.split(r"[，,。；;！!\s]+|就|但是?|只有", said):
        if _GIVEN_OFF.search(clause) and not re.search(r"[没不未]", clause):
            days = _days_named_off(clause)
            count = _COMP_DAYS.search(clause) or _GIVEN_COUNT.search(clause)
            number = int(_number(next(g for g in count.groups() if g)) or 0) if count else 0
            if days:
                named |= days
            else:
                counted += number
    given = max(len(named), counted)
    return f"{before} 后来补休了{given}天" if given else None


def _date_runs(days: list[date]) -> list[str]:
    """2月17日至2月19日, 10月1日: the dates in runs of consecutive days."""
    runs: list[list[date]] = []
    for day in sorted(days):
        if runs and day - runs[-1][-1] == timedelta(days=1):
            runs[-1].append(day)
        else:
            runs.append([day])
    shown = [f"{r[0].month}月{r[0].day}日" + (f"至{r[-1].month}月{r[-1].day}日" if len(r) > 1 else "")
             for r in runs]
    return shown[:3] + (["等"] if len(shown) > 3 else [])


def _plain(number: Decimal) -> str:
    """60.0 → 60, 2.5 → 2.5."""
    return f"{number.normalize():f}"


def describe_worked(text: str, today: date | None = None) -> str:
    """加班日子 as a summary shows it (GG-06 filed the worker's whole message as the days):
    the dates and counts read from ``text``; the worker's words, cut, when nothing is read."""
    found = read_worked_days(text, today)
    parts = ["、".join(_date_runs(found.dates))] if found.dates else []
    if found.part_days:  # 除夕上了半天 (XQ-3)
        parts[-1] += "（其中" + "、".join(f"{d.month}月{d.day}日{_part_shown(p)}"
                                        for d, p in sorted(found.part_days.items())) + "）"
    if found.statutory_days:
        parts.append(f"法定节假日{found.statutory_days}天"
                     f"{_worked_shown(found.statutory_short, found.statutory_worked)}")
    if found.rest_days:
        parts.append(f"休息日{found.rest_days}天{_worked_shown(found.rest_short, found.rest_worked)}")
    if found.hours_per_day:
        total = f"，共{found.workdays}天" if found.workdays else ""
        parts.append(f"每天多干{_plain(found.hours_per_day)}小时{total}")
    elif found.extended_hours:
        parts.append(f"平时加班{_plain(found.extended_hours)}小时")
    if found.comp_days:
        parts.append(f"已补休{found.comp_days}天")
    words = str(text or "").strip()
    return "；".join(parts) if parts else (words[:40] + ("…" if len(words) > 40 else ""))


def _part_shown(part: Decimal) -> str:
    return "半天" if part == Decimal("0.5") else f"{_plain(part * 8)}小时"


def _worked_shown(short: Decimal, worked: Decimal) -> str:
    """（有半天的，折合2天）: the counted days worked in part, as the summary shows them."""
    return f"（有半天的，折合{_plain(worked)}天）" if short else ""


def _number(text: str) -> Decimal | None:
    try:
        value = Decimal(str(cn2an.cn2an(text.replace("俩", "两").replace("仨", "三"), "smart")))
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    if value <= 0:
        return None
    return value.to_integral_value() if value == value.to_integral_value() else value  # (2.0 小时 → 2)


def _nearest(candidates: list[date], today: date) -> date:
    return min(candidates, key=lambda d: abs((d - today).days))


# Said as done (五一干了三天, 初一到初三都加了班): the days lie behind, never ahead.
# 过年那会儿 年三十 初一都上班了 / 已经干完了 (Y-02 was dated to the coming festival)
# (过年那几天我一直上班 除夕到初五都没歇 老板说就给平时工资 — OO-03 dated it to 2027)
_PAST = re.compile(r"(?:干|加|上|做|值|忙|工作)了|(?:干|加|上|做)过|加了班|去年|班了|干完|已经|"
                   r"那会儿?|那时候|当时|没给|没歇|没休|一直(?:在)?上班|都在上班|没放假|就给了?|只给了?|"
                   # (YY-14: 都在岗 … 按两倍给的 was dated to the coming festival)
                   r"开始(?:上|干)的|都在岗|在岗了|给的|发的|算的|少拿了?|少给了?|少发了?|"
                   # 过年俺没回家 从除夕一直干到初六 (ZK-03) / 厂里说那几天算正常上班 (ZG-02): 2027 dated
                   r"一直干|干到|没回家|没回去|没回老家|算正常上班")


_AHEAD = re.compile(r"明年|下次|今年的?\S{0,2}?(?:还|要|会)|要是|如果|假如|打算|准备|到时候|会不会|要加班|得加班|"
                    r"要上班|得上班|让加班|叫加班|快到|马上|就要")


def _year_of(make, today: date, past: bool = False) -> int:
    """The year whose occurrence of ``make(year)`` lies closest to ``today`` (``past``: the
    latest occurrence not after today)."""
    years = [y for y in (today.year - 1, today.year, today.year + 1)
             if FIRST_YEAR <= y <= LAST_YEAR]
    if past and (done := [make(y) for y in years if make(y) <= today]):
        return max(done).year
    return _nearest([make(y) for y in years], today).year if len(years) > 1 else years[0]


def _span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# (2027年春节七天全上: the year written by :func:`whole_holiday_said`, from the talk before)
_YEAR_NAMED = re.compile(r"(今年|去年|明年|前年|20\d\d\s*年)\S{0,2}(?:春节|过年|除夕|初[一二三四五六七八九十])")


_FUTURE = re.compile(r"要|会|打算|准备|将|得去|安排")


def _year_named(text: str, today: date) -> int | None:
    """今年春节 said in December is this calendar year's festival, already past (a claim
    about pay not received), not the coming one; 去年 / 明年 / 前年 likewise literal."""
    found = _YEAR_NAMED.search(text)
    if not found or (found.group(1) == "今年" and _FUTURE.search(text) and not _PAST.search(text)):
        return None  # 今年春节要加班 in December: the coming festival
    if found.group(1)[0].isdigit():
        year = int(found.group(1)[:4])
        return year if FIRST_YEAR <= year <= LAST_YEAR else None
    year = today.year + {"今年": 0, "去年": -1, "明年": 1, "前年": -2}[found.group(1)]
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


_ALSO = re.compile(r"也|还有|另外|加上|又")
# 还没过年呢 打算从腊月二十八干到初七 (ZW-05: 干到 dated it to the festival gone by): still to come
_NOT_YET = re.compile(r"还没(?:过年|到年|放假)|没过年|(?<!本来)(?<!原本)(?<!原来)(?:打算|计划)")


def _lunar_date(year: int, name: str) -> date:
    """初七 → 正月初七 of ``year``'s festival; 腊月二十八 → that day of the lunar month before it
    (ZW-05); 腊月三十 in a year whose 腊月 has 29 days is 除夕."""
    if not name.startswith("腊月"):
        return spring_festival_day(year, _LUNAR[name])
    day = re.sub(r"^腊月\s*初?|[号日]$", "", name).replace("廿", "二十")
    number = int(day) if day.isdigit() else int(_number(day) or 0)
    eve = spring_festival_day(year, 0)
    try:
        return min(LunarDate(year - 1, 12, number).to_solar_date(), eve)
    except ValueError:
        return eve


def _festival_year(text: str, today: date) -> int:
    """The year of the Spring Festival the text means: the one named (2027年 / 去年), else the
    coming one, or the one gone by when the words say the days were done."""
    return _year_named(text, today) or _year_of(lambda y: spring_festival_day(y, 1), today,
                                                bool(_PAST.search(text)) and not _NOT_YET.search(text))


def _spring_festival(text: str, today: date) -> list[date]:
    text = re.sub(r"大?年三十", "除夕", text).replace("大年", "").replace("正月", "")
    if re.search(r"初[一二三四五六七八九十]|除夕|过年|春节|腊月", text):
        # 三十 初四 初五都得上 (Y-16 dropped 除夕): 三十 beside the festival's days is 除夕
        text = re.sub(r"(?<![\d一二三四五六七八九十第])三十儿?(?![\d一二三四五六七八九十天个岁号块元多万千%号])",
                      "除夕", text)
    year = _festival_year(text, today)
    names = re.findall(_LUNAR_DAY, text)
    # (从除夕就开始上的 一直上到初六 — SS-03 counted 除夕 and 初六 only)
    span = re.search(rf"({_LUNAR_DAY}){_TO}({_LUNAR_DAY})", text) or re.search(
        rf"从({_LUNAR_DAY})[^，,。？?到至]{{0,12}}(?:到|至)\s*({_LUNAR_DAY})", text)
    if span:
        first, last = (_lunar_date(year, n) for n in span.groups())
        days = _span(first, last)
        if _ALSO.search(text[span.end():]):
            # 从除夕干到初五 … 初六我也上了 (CC-02 counted 初六 alone): the days named besides
            days += [_lunar_date(year, n) for n in re.findall(_LUNAR_DAY, text[span.end():])]
        # 除夕上了半天 初一到初三全天 (XQ-3: 除夕 dropped): a day named before the span, its clause
        # saying no rest, is worked too
        days += [_lunar_date(year, m.group(0)) for m in re.finditer(_LUNAR_DAY, text[:span.start()])
                 if not _NOT_WORKED_CLAUSE.search(_clause_of(text, m.start()))]
        # (… 初四初五各上了半天: after it, in a clause saying them worked)
        days += [_lunar_date(year, m.group(0)) for m in re.finditer(_LUNAR_DAY, text[span.end():])
                 if _WORKED_WORDS.search(clause := _clause_of(text, span.end() + m.start()))
                 and not _NOT_WORKED_CLAUSE.search(clause)]
        return sorted(set(days))
    if names:
        return [_lunar_date(year, n) for n in dict.fromkeys(names)]
    count = re.search(rf"(春节|过年)\D{{0,6}}?({_NUM})\s*天{_NOT_A_DAY_OFF}", text)
    if count and _number(count.group(2)):
        n = _days_of_the_break(text, count.end(1), count, 2)  # (过年七天 我上了五天: five)
        return _span(spring_festival_day(year, 0), spring_festival_day(year, n - 1))
    if re.search(r"春节|过年", text) and _ALL_OF_IT.search(text):
        # 过年全上了 / 春节一天没歇 (YW-10; 一天没歇 was summed as 除夕 alone): the whole break
        return _festival_break(year)
    return []


def _clause_of(text: str, at: int) -> str:
    """The clause of the text (between its commas and spaces) that holds the character at ``at``."""
    start = max(text.rfind(c, 0, at) for c in "，,。；; ") + 1
    ends = [i for i in (text.find(c, at) for c in "，,。；; ") if i >= 0]
    return text[start:min(ends, default=len(text))]


# 一天没歇 / 一天都没休: no count of one day, but every day of the break
_NOT_A_DAY_OFF = r"(?!\s*(?:也|都)?没)"
# 国庆节七天俺上了五天 / 五一放了五天假 我上了三天 / 过年七天就歇了两天 (round 54, m2-1, m2-8: the break's
# length summed as the days worked): a count said right after the break's own length
# (国庆七天俺都上了 一天也没给俺倒休, XU-14: 一天 read as the one day worked)
_WORKED_OF_IT = re.compile(rf"^[^，,。；;？?\d]{{0,8}}?(?:(?:上|干|加|做|值|去)了?(?:班)?\s*({_NUM})\s*天"
                           r"(?!\s*(?:也|都)?(?:没|不|未))|"
                           rf"(?<![调补倒换])(?:休|歇)了?\s*({_NUM})\s*天)")
_VERB_BEFORE = re.compile(r"上|干|加|做|值|去|休|歇")


def _days_of_the_break(text: str, named_end: int, count: re.Match, group: int = 1) -> int:
    """The days worked when the count (``group`` of ``count``) after a holiday's name (ending at
    ``named_end``) is the break's length (国庆节七天 / 五一放了五天假 — no worked word between the
    name and it) and the worker then says how many they worked (上了五天) or had off (歇了两天);
    the count itself otherwise."""
    said = int(_number(count.group(group)) or 1)
    if _VERB_BEFORE.search(text[named_end:count.start(group)]):
        return said  # 国庆加了三天班: the days worked already
    after = _WORKED_OF_IT.search(re.sub(r"^\s*(?:假期?|长假|的?假)", "", text[count.end():]))
    if not after:
        return said
    worked, off = (int(_number(g) or 0) if g else None for g in after.groups())
    days = worked if worked is not None else said - (off or 0)
    return days if 0 < days < said else said
# 全上了 / 七天都上了 / 天天都干 / 一天没歇 / 都没休: every day of the holiday named (or talked about)
_ALL_OF_IT = re.compile(r"(?:全|都|天天|一直)(?:都)?(?:在)?(?:上|干|加|值|做)(?!\s*(?:多少|几))|"
                        r"一天(?:也|都)?没(?:休|歇|落|停|放)|都没(?:休|歇|放)|没休过|没歇过|"
                        r"整个(?:假期|春节|年)")


def _festival_break(year: int) -> list[date]:
    """The Spring Festival's statutory days and the break's rest days of ``year``."""
    statutory = [d for d, n in statutory_holidays(year).items() if "春节" in n]
    rest = [d for d, n in holiday_breaks(year).items() if n == "春节假期"]
    return sorted(set(statutory + rest))


_DAY_NUM = r"\d{1,2}|[一二三四五六七八九十]{1,3}"  # 国庆1号到5号 / 十一从一号上到五号
_SOLAR_HOLIDAYS = {  # name pattern → first day of the holiday in a year
    # 十一七天都干了: 十一 as the holiday's name, not 十一月 / 十一号 / 十一个小时
    r"国庆|十一(?=\s*(?:假期|长假|黄金周|期间|放假|那几天|那?七天|都|加班|上班|干活|没休|没歇))":
        lambda y: date(y, 10, 1),
    r"(?<![初十])五一|劳动节": lambda y: date(y, 5, 1),
    r"元旦": lambda y: date(y, 1, 1),
    r"清明": qingming,
    r"端午": lambda y: LunarDate(y, 5, 5).to_solar_date(),
    r"中秋": lambda y: LunarDate(y, 8, 15).to_solar_date(),
}


_AND_DAY = r"(?:[、,，和跟及]|还有|以及|外加|加上)"


def _named_holidays(text: str, today: date) -> list[date]:
    days: list[date] = []
    for pattern, first_day in _SOLAR_HOLIDAYS.items():
        if not re.search(pattern, text):
            continue
        # 五一那三天加班费 (GG-15 was dated to the coming 五一): a holiday's overtime is claimed
        # for days behind; the coming one only when the words look ahead
        first = first_day(_year_of(first_day, today, not _AHEAD.search(text)))
        if (year := re.search(rf"(20\d\d)\s*年\s*的?\s*(?:{pattern})", text)) \
                and FIRST_YEAR <= int(year.group(1)) <= LAST_YEAR:
            first = first_day(int(year.group(1)))  # (2027年国庆: written by whole_holiday_said)
        # 国庆1号到3号: days of the holiday's month, named by their numbers
        span = re.search(rf"(?:{pattern})\D{{0,4}}?({_DAY_NUM})\s*[号日]{_TO}({_DAY_NUM})\s*[号日]?",
                         text)
        ends = [int(n) for n in (_number(g) for g in span.groups()) if n] if span else []
        if len(ends) == 2 and 1 <= ends[0] <= ends[1] <= 31:
            try:
                days += _span(first.replace(day=ends[0]), first.replace(day=ends[1]))
                # 国庆1号到3号 4号5号也上了 (XO-3): more days of the holiday's break
                after = text[span.end():] if span else ""
                days += [d for d in _days_after(after, first, today) if (d - first).days <= 9]
                continue
            except ValueError:
                pass
        # 国庆1号2号3号 / 国庆1号、2号、3号 (MM-15 counted one day): each day named
        # (国庆我1号2号还有5号都上班了: WW-03 dropped the 5th)
        listed = re.search(rf"(?:{pattern})\D{{0,4}}?((?:({_DAY_NUM})\s*[号日]\s*{_AND_DAY}?\s*){{2,}})", text)
        named = [int(n) for n in (_number(g) for g in re.findall(rf"({_DAY_NUM})\s*[号日]", listed.group(1)))
                 if n] if listed else []
        if named and all(1 <= day <= 31 for day in named):
            try:
                days += [first.replace(day=day) for day in named]
                continue
            except ValueError:
                pass
        m = re.search(rf"(?:{pattern})\D{{0,6}}?({_NUM})\s*天{_NOT_A_DAY_OFF}", text)
        one = re.search(rf"(?:{pattern})\D{{0,4}}?({_DAY_NUM})\s*[号日](?!\s*(?:到|至|-|~|—))", text)
        if not m and one and 1 <= (day := int(_number(one.group(1)) or 0)) <= 31:
            try:  # 国庆 3号也干了: that one day (not the holiday's first)
                days.append(first.replace(day=day))
                continue
            except ValueError:
                pass
        if not m and (week := _break_days(first, text)):
            days += week  # 国庆加班了 / 国庆七天都没休 (one day before): the holiday's days
            continue
        n = _days_of_the_break(text, found.end(), m) if m and (found := re.search(pattern, text)) else 1
        days += _span(first, first + timedelta(days=min(n, 10) - 1))
    return days


# 国庆都在上班 / 国庆期间一天没歇: every day of the holiday's break
_WHOLE_BREAK = re.compile(r"都|全|整个|期间|那几天|没休|没歇|一天(?:也|都)?没|天天|每天")
_BREAK_NAMES = {(10, 1): "国庆节", (5, 1): "劳动节"}


def _break_days(first: date, text: str) -> list[date]:
    """国庆 / 五一 said with no count and no day (国庆加班了 was summed as 10月1日 alone): their
    statutory days (国庆 1–3 October, 300 %), or every day of the break when the worker says all
    of it (国庆都在上班: 1–3 October and the rest days after, 200 %); [] for a one-day holiday."""
    name = _BREAK_NAMES.get((first.month, first.day))
    if not name:
        return []
    statutory = [d for d, n in statutory_holidays(first.year).items() if name in n]
    if not _WHOLE_BREAK.search(text):
        return sorted(statutory)
    rest = [d for d, n in holiday_breaks(first.year).items() if n == f"{name}假期"]
    return sorted(set(statutory + rest))


def holiday_days_said_bare(text: str, said_before: list[str], today: date | None = None) -> str | None:
    """1号到4号都干了 right after 国庆干活给几倍 (ZW-03: 没听明白加班的日子): days of a month said
    bare are the days of the holiday the worker talked about just before (``said_before``: their
    earlier messages, latest last) — the text with that holiday's name before it ("国庆1号到4号都干了");
    None when the text says more than bare days, or no holiday of a known month was talked about."""
    plain = _digit_dates(normalize_text(str(text or "")))
    if not _BARE_DAY.search(plain) or names_a_kind_of_day(plain) or read_worked_days(plain, today):
        return None
    for before in reversed(said_before):
        words = normalize_text(str(before or ""))
        named = [m for pattern in _SOLAR_HOLIDAYS if (m := re.search(pattern, words))]
        if named:  # (the holiday named last in that message)
            joined = f"{max(named, key=lambda m: m.start()).group(0)}{plain}"
            return joined if read_worked_days(joined, today) else None
        if names_a_kind_of_day(words):
            return None  # 周末 / 春节 talked about since: not a month's days
    return None


# the holidays a worker's earlier message names, each as its days are read back
_FESTIVAL_WORDS = re.compile(r"春节|过年|大年|除夕|年三十|腊月|正月|初[一二三四五六七八九十]")
_HOLIDAY_WORDS = {r"国庆|十一(?=\s*(?:假期|长假|黄金周|期间|放假|那几天|那?七天|都|加班|上班|干活|没休|没歇))": "国庆",
                  r"(?<![初十])五一|劳动节": "五一", r"元旦": "元旦", r"清明": "清明", r"端午": "端午", r"中秋": "中秋"}
_FESTIVAL_FIRST = {"春节": lambda y: spring_festival_day(y, 0), "国庆": lambda y: date(y, 10, 1),
                   "五一": lambda y: date(y, 5, 1)}


def _holiday_named(words: str) -> str | None:
    """春节 / 国庆 / 五一 …: the holiday an earlier message names last; None when none."""
    found = [(m.start(), "春节") for m in _FESTIVAL_WORDS.finditer(words)]
    found += [(m.start(), name) for pattern, name in _HOLIDAY_WORDS.items() for m in re.finditer(pattern, words)]
    return max(found)[1] if found else None


def _year_talked_about(name: str, words: str, today: date) -> int | None:
    """The year of the holiday the earlier message meant, when its words say it lies ahead (过年那几天
    我要是在工地上班: the coming festival, though 七天都上了 is said as done); None otherwise."""
    if name == "春节" and (year := _year_named(words, today)):
        return year
    first = _FESTIVAL_FIRST.get(name)
    if not first or _PAST.search(words) or not (_AHEAD.search(words) or _NOT_YET.search(words)):
        return None
    coming = [y for y in (today.year, today.year + 1)
              if FIRST_YEAR <= y <= LAST_YEAR and first(y) + timedelta(days=6) >= today]
    return coming[0] if coming else None


def whole_holiday_said(text: str, said_before: list[str], today: date | None = None) -> str | None:
    """七天全上 / 全上了 / 一天没歇 to 加班是哪几天 after 过年那几天我要是在工地上班 (YW-10: 没听明白加班的
    日子): every day of the holiday talked about just before (``said_before``: the worker's earlier
    messages, latest last) — the text with that holiday's name (and year) before it, as
    :func:`read_worked_days` reads it; None when the text names its own days, says no such thing,
    or no holiday was talked about before another kind of day."""
    today = today or date.today()
    plain = normalize_text(str(text or ""))
    if not _ALL_OF_IT.search(plain) or names_a_kind_of_day(plain) or read_worked_days(plain, today):
        return None
    for before in reversed(said_before):
        words = normalize_text(str(before or ""))
        if name := _holiday_named(words):
            year = _year_talked_about(name, words, today)
            joined = f"{f'{year}年' if year else ''}{name}{plain}"
            return joined if read_worked_days(joined, today) else None
        if names_a_kind_of_day(words):
            return None  # 周末 talked about since: not a holiday's days
    return None


def days_said_again(held: str | None, text: str, today: date | None = None) -> bool:
    """先不用 加班钱呢 初二初六各干一天 after 初二初六上班工资咋算 (XG-15), 那国庆加班那个呢 after 国庆1号到3号
    我都上班了 (XG-12): the days (or the holiday) the message names are among the days held
    (``held``: the overtime_days slot, the worker's words), so they are the same days asked about
    again — not another kind of day whose days must be asked (那要是周末加班呢 / 那国庆七天都上了呢)."""
    today = today or date.today()
    if not held or not names_a_kind_of_day(text):
        return False
    old, new = read_worked_days(held, today), read_worked_days(text, today)
    if not old or not new or (new.extended_hours and new.extended_hours != old.extended_hours):
        return False
    return set(new.dates) <= set(old.dates) and new.statutory_days <= old.statutory_days \
        and new.rest_days <= old.rest_days


# (5月6月这两个月 is two months, not 5月6日: GG-15 counted overtime on 2026-05-06)
_DATE = re.compile(r"(?:(\d{4})\s*[年./-]\s*)?(\d{1,2})\s*[月./-]\s*(\d{1,2})(?!\d|\s*个?月)\s*[日号]?")
_DATE_RANGE = re.compile(
    r"(?:(\d{4})\s*[年./-]\s*)?(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*[日号]?\s*(?:到|至|-|~|—)\s*"
    r"(?:(\d{1,2})\s*[月./]\s*)?(\d{1,2})\s*[日号]?")
_MORE_DAYS = re.compile(r"^(?:\s*[、,和跟及]\s*(\d{1,2})\s*[日号])+")


def _calendar_date(year: str | None, month: str, day: str, today: date) -> date | None:
    try:
        if year:
            return date(int(year), int(month), int(day))
        return _nearest([date(y, int(month), int(day)) for y in (today.year - 1, today.year)],
                        today)
    except ValueError:
        return None


def _calendar_dates(text: str, today: date) -> list[date]:
    days: list[date] = []
    for m in _DATE_RANGE.finditer(text):
        first = _calendar_date(m.group(1), m.group(2), m.group(3), today)
        last = first and _calendar_date(str(first.year), m.group(4) or str(first.month),
                                        m.group(5), today)
        if first and last and last < first:  # 12月30号到1月2号
            last = _calendar_date(str(first.year + 1), str(last.month), str(last.day), today)
        if first and last and 0 <= (last - first).days <= 31:
            days += _span(first, last)
            # 國慶10月1日到3日都上班了，4號5號也加班 (XO-3: the 4th and 5th dropped, 2,482.76 not
            # 3,586.21): the bare days said after a range are in its last day's month
            until = min([d.start() for d in _DATE.finditer(text, m.end())] + [len(text)])
            days += _days_after(text[m.end():until], last, today)
    text = _DATE_RANGE.sub(" ", text)
    matches = list(_DATE.finditer(text))
    for i, m in enumerate(matches):
        first = _calendar_date(m.group(1), m.group(2), m.group(3), today)
        if not first:
            continue
        days.append(first)
        more = _MORE_DAYS.match(text[m.end():])  # 10月1号、2号、5号
        for extra in re.findall(r"(\d{1,2})\s*[日号]", more.group(0) if more else ""):
            if (d := _calendar_date(str(first.year), str(first.month), extra, today)):
                days.append(d)
        until = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        days += _days_after(text[m.end():until], first, today)  # 10月1号 另外两天是5号6号
    return days


_REST_WORDS = r"周末|周六|周日|星期六|星期天|星期日|礼拜天|休息日|双休"
# 三个周六 (three Saturdays) / 俩周末 (two weekends: four days)
# (月薪4500 周六上班不调休 — YU-02: read as 4,500 Saturdays): a count of days is no wage's tail
_COUNT_OF = r"(?<![周期拜\d千百万.])([0-9]{1,2}(?!\d)|[一二两俩三四五六七八九十]+)\s*个?\s*"
# 四个周末休息日 (Q-03): four rest days at weekends, not four weekends of two days each
_REST_DAYS_NAMED = re.compile(_COUNT_OF + r"(?:周六|周日|星期六|星期天|星期日|礼拜六|礼拜天|"
                              r"(?:周末|双休)的?休息日)")
_WEEKENDS_COUNTED = re.compile(_COUNT_OF + r"(?:周末|双休)(?!的?休息日)")
# 周六是三个 / 礼拜六其实就去了三个 / 周日只有俩 (XM-6: not read, the correction of the Saturdays
# lost): one weekend day named, then how many of it — no hours, months or people after the count
_ONE_REST_DAY = r"周六|周日|周天|星期六|星期天|星期日|礼拜六|礼拜天|礼拜日"
_REST_DAY_THEN_COUNT = re.compile(rf"(?:{_ONE_REST_DAY})(?:其实|实际上?|一共|总共)?(?:只|就|才|也就)?"
                                  r"(?:是|有|去了?|上了?|干了?|加了?|做了?)?\s*"
                                  r"([0-9]{1,2}(?!\d)|[一二两俩仨三四五六七八九十]+)\s*"
                                  r"(?:个(?!\s*(?:小时|钟|月|人|工作日|星期|礼拜|周))|(?=\s*(?:吧|啊|呀|嘛|了|$|[，,。！!？?\s])))"
                                  r"(?!\s*(?:也|都)没)")  # (周六一个也没休: none)
# 过年初一到初三都上了 还有两个周六 / 另外三个礼拜天也干了 / 两个周六也去了 (L52-8: the Saturdays
# dropped, rest days named beside dates being read as the dates' own): rest days counted and said
# as more days are rest days besides the dates
_MORE_REST_DAYS = re.compile(r"(?:还有|另外|外加|再加上?|加上)\s*(?:还|也)?(?:有|上了?|干了?|加了?|去了?)?\s*"
                             + _COUNT_OF + rf"(?:({_ONE_REST_DAY})|周末|双休)(?!\s*(?:也|都)没)|"
                             + _COUNT_OF + rf"(?:({_ONE_REST_DAY})|周末|双休)\S{{0,2}}?(?:也|还)"
                             r"(?!\s*(?:没|不|休|歇|放))")
_EVERY_WEEK = re.compile(r"(?:周六周日|周六日|星期六星期[天日]|礼拜六礼拜天)(?:都|全)|"  # (ZA-15: counted one a week)
                         r"每(?:个)?(?:周|星期|礼拜)(?:[六日天]|末)|(?:周|星期|礼拜)[六日天]都|(?:周末|双休)(?:都|全)|"
                         r"每个?(?:周末|双休)|"
                         # 平时每天加班2小时 周六也上班 (YU-02: the Saturdays dropped): said of every
                         # week (上个周六也上班了 / 周六也上了一天 is one day, counted elsewhere)
                         r"(?<![上这下个])(?:周|星期|礼拜)[六日天](?:也|全)都?(?:要|得|在)?"
                         r"(?:上班|加班|干活|上|干)(?![了过])|"
                         # 周六上班不调休: Saturdays worked with no time off, as a rule of the job
                         r"(?<![上这下个])(?:周|星期|礼拜)[六日天](?:要|得|都)?(?:上班|加班)"
                         r"\S{0,2}?(?:不|没有?)(?:给)?(?:调休|补休|倒休)")
_REST_COUNT = re.compile(rf"(?:{_REST_WORDS})\D{{0,4}}?({_NUM})\s*天")
# 每个周末两天 上个月一共8天: the total the worker counted, not the days of one weekend
_TOTAL_COUNT = re.compile(rf"(?:一共|总共|合计|加起来|共)\D{{0,2}}?({_NUM})\s*天")
_WEEKENDS_A_MONTH = re.compile(rf"一个月(?:得|要|大概|差不多)?有?\D{{0,2}}?({_NUM})\s*天")
_STATUTORY_COUNT = re.compile(rf"(?:法定|节假日|节日)\D{{0,4}}?({_NUM})\s*天")
# 20个小失: a typo of 小时; 六十多个钟 (Y-03): 钟 alone, after a rough count
# (一个月加班四十来个钟头 — YO-03: not read, the days asked again)
_HOURS = re.compile(rf"({_NUM})\s*(?:多|来)?\s*个?(半)?\s*(?:小时|小失|小是|钟头|钟(?!点))")
# 一个月大概44个小时 / 平时一个月加班40多个小时 / 每月加班44小时左右 (YO-03: 2 × 21 estimated days
# counted instead of the 44 said): the hours of a month, as the worker counted them — no day, no
# other figure between (一个月每天加3小时 is a day's)
_MONTH_HOURS = re.compile(rf"(?:一个月|每个?月|月均|上个?月|这个?月|本月)(?:下来|算下来|加起来|总共|一共)?"
                          rf"[^，,。；;\d一二两俩仨三四五六七八九十天晚]{{0,8}}?({_NUM})\s*(多|来)?\s*个?\s*"
                          r"(?:小时|小失|钟头|钟(?!点))")


# 上个月周末都上班 / 周六周日都上班 上个月: every weekend day of that month (the calendar then
# tells rest days from holidays and from weekends that were working days by 调休)
_WEEKENDS = r"(?:每个)?(?:周末|周六周日|周六日|星期六星期天|星期六星期日|星期六日|礼拜六礼拜天|礼拜六日|双休日?)"
_ALL_WORKED = r"\S{0,3}?(?:都|全)\s*(?:在)?(?:上班|加班|干活|没休|没歇|没有休息)"
_MONTH = r"(上个?月|这个?月|本月)"
_MONTH_WEEKENDS = re.compile(rf"{_MONTH}\D{{0,6}}?{_WEEKENDS}{_ALL_WORKED}|{_WEEKENDS}{_ALL_WORKED}\D{{0,6}}?{_MONTH}")


def _month_weekends(text: str, today: date) -> list[date]:
    m = _MONTH_WEEKENDS.search(text)
    if not m:
        return []
    first = today.replace(day=1)
    if (m.group(1) or m.group(2)).startswith("上"):
        first = (first - timedelta(days=1)).replace(day=1)
        last = today.replace(day=1) - timedelta(days=1)
    else:
        last = today
    return [d for d in _span(first, last) if d.weekday() >= 5]


_DAY_KIND = re.compile(rf"{_REST_WORDS}|礼拜六|{'|'.join(_SOLAR_HOLIDAYS)}|春节|过年|大年|{_LUNAR_DAY}|"
                       r"法定|节假日|平时|工作日|晚上|夜里|下班后|延长|延时")


def kind_of_day_named(text: str) -> str | None:
    """The words naming a kind of day in the text (周末, 国庆, 初一…), or None."""
    m = _DAY_KIND.search(normalize_text(str(text or "")))
    return m.group(0) if m else None


def names_a_kind_of_day(text: str) -> bool:
    """那要是周末加班呢: the message names a kind of day (weekend, holiday, evenings),
    whether or not it says how many."""
    return bool(_DAY_KIND.search(normalize_text(str(text or ""))))


# 4个周六都加班了 不对 是5个周六 (S-13): in a message that corrects itself, the count said last


def _said(pattern: re.Pattern, text: str) -> re.Match | None:
    found = list(pattern.finditer(text))
    return (found[-1] if CORRECTION_CUES.search(text) else found[0]) if found else None


def _count(pattern: re.Pattern, text: str) -> int:
    m = _said(pattern, text)
    n = _number(m.group(1)) if m else None
    return int(n) if n else 0


# 平时每天下班还多干俩小时: the hours of working days
_WEEKDAY_WORDS = re.compile(r"平时|平常|工作日|下班|每晚|晚上")


def _total_of_weekdays(text: str, total: re.Match) -> bool:
    """周六上了四天 … 平时每天下班还多干俩小时 一共上了22天 (ZW-14: read as 22 Saturdays): a total
    said after the weekday hours, with no rest day named between, is the working days they were
    done on (每个周末两天 上个月一共8天 is the weekend days')."""
    before = text[:total.start()]
    weekday = [m.start() for m in _WEEKDAY_WORDS.finditer(before)]
    rest = [m.start() for m in re.finditer(rf"{_REST_WORDS}|礼拜六", before)]
    return bool(weekday) and bool(_HOURS.search(text)) and weekday[-1] > max(rest, default=-1)


# 十月一号 / 五号六号: dates said in Chinese numerals (voice input writes them so)
_CN_DATE_NUMBER = re.compile(r"(?<![初个])([一二三四五六七八九十]{1,3})(?=\s*(?:月(?!份?工资)|号))")
# 10月1号 另外两天是5号6号: a bare day after a full date is in that date's month
_BARE_DAY = re.compile(r"(?<![\d月./-])(\d{1,2})\s*号")


def _digit_dates(text: str) -> str:
    def digits(m: re.Match) -> str:
        number = _number(m.group(1))
        return str(int(number)) if number and 1 <= number <= 31 else m.group(0)
    return _CN_DATE_NUMBER.sub(digits, text)


# 4号5号休息 / 6号发的工资: bare days of a clause that says they were not worked
_NOT_WORKED_CLAUSE = re.compile(r"休|歇|放假|没(?:有)?(?:上|干|去|加|做)|不(?:上|干|去|加)|发|补")


def _days_after(text: str, first: date, today: date) -> list[date]:
    """The bare days (5号, 6号) said after the full date that gives their month (not those of a
    clause saying they were off: 4号5号休息)."""
    days = []
    for m in _BARE_DAY.finditer(text):
        found = re.match(r"(?:\d{1,2}\s*[号日][\s、和跟及]*)*[^，,。；;！!？?\s]*", text[m.start():])
        clause = found.group(0) if found else ""
        if not _NOT_WORKED_CLAUSE.search(clause) and (
                d := _calendar_date(str(first.year), str(first.month), m.group(1), today)):
            days.append(d)
    return days


# 补休了两天 / 补休了俩 / 有2天给我补休了 (ZO-16: the last two got 没明白)
_COMP_DAYS = re.compile(rf"(?:补休|调休|倒休)了?\s*({_NUM})\s*(?:天|个(?![月年小钟])|(?=$|[\s，,。!！?？]))|"
                        # (一天也没给俺倒休, XU-14: read as one day given off)
                        rf"有?\s*({_NUM})\s*天(?:(?!没|不|未)\S){{0,4}}?(?:补休|调休|倒休)")


# (一个月干满三十天 / 一个月三十天都干 — round 54, m2-21: not read)
_DAYS_A_MONTH = re.compile(r"(?:一个月|每个?月|一月)(?:要|得|都|能|就)?(?:干|上|做|出勤|上班)(?:了|满|够)?\s*"
                           r"(\d{2}|二十[一二三四五六七八九]?|三十一?)\s*(?:天|个?工)|"
                           r"(?:一个月|每个?月)\s*(\d{2}|二十[一二三四五六七八九]?|三十一?)\s*天\s*(?:都|全|天天)"
                           r"(?:在)?(?:干|上|做)")


def read_worked_days(text: str, today: date | None = None) -> WorkedText:
    """Everything the text says about days worked; empty (falsy) when it says nothing. The hours
    of the holidays (or dates) named are their length, not weekday overtime (XG-2: 初五也上了 初一也
    上了 各8小时 summed 8 weekday hours at 150 % besides the two days; XG-6: 除夕到初三都上 每天8个钟):
    only the hours beyond 8 of each such day are extra, at that day's own rate. A day worked in
    part (除夕上了半天班 / 周六上午 / 4个小时, XQ-3) is that part of the day."""
    today = today or date.today()
    text = _count_corrected(_voice_slips(_digit_dates(normalize_text(str(text or "")))))
    parts = _parts_said(text)
    text = _without_part_hours(text, parts)
    found = _whole_days_read(text, today)
    _apply_parts(found, parts)
    _days_and_a_half(found, text)
    return found


# 周六加了四天班 哦不对是三天 (XY-14: summed as four): a count corrected at once, in the same message
_COUNT_THEN_CORRECTED = re.compile(r"([一二两三四五六七八九十\d]{1,3})(天|个)([^，,。；;\s]{0,3})[，,\s]*"
                                   r"(?:哦|噢|啊|呃)?(?:不对|说错了|错了)[，,\s]*(?:是|应该是)?([一二两三四五六七八九十\d]{1,3})(?:天|个)?"
                                   r"(?=[，,。；;\s]|$)")


def _count_corrected(text: str) -> str:
    """The count said first replaced by the one the worker corrected it to, the correction dropped."""
    return _COUNT_THEN_CORRECTED.sub(lambda m: f"{m.group(4)}{m.group(2)}{m.group(3)}", text)


# 周末干了一天半 / 节假日加了两天半: a count of days and half a day more
_AND_A_HALF = re.compile(rf"({_NUM})\s*天半")


def _days_and_a_half(found: WorkedText, text: str) -> None:
    """周末干了一天半 (XQ-3: read as one rest day): the rest (or statutory) days counted, and one more
    worked half — 2 days, half of one not worked."""
    for said in _AND_A_HALF.finditer(text):
        count = _number(said.group(1))
        if found.rest_days and count == found.rest_days and not found.dates:
            found.rest_days += 1
            found.rest_short += Decimal("0.5")
        elif found.statutory_days and count == found.statutory_days:
            found.statutory_days += 1
            found.statutory_short += Decimal("0.5")


def _whole_days_read(text: str, today: date) -> WorkedText:
    """The days of the text, the holidays' (or dates') hours read as their length."""
    found = _read_worked_days(text, today)
    if not (found.dates or found.statutory_days) or not _HOURS.search(text):
        return found
    stripped, extra = _lengths_of_the_days(found, text)
    if stripped == text:
        return found
    found = _read_worked_days(stripped, today)
    if extra and (found.dates or found.statutory_days):
        _hours_beyond_the_day(found, extra)
    return found


# 上了半天班 / 干了半天 / 半个班 / 上午 / 下午 (XQ-3: 除夕上了半天班 summed as a whole day): half a day's
# work — not 等了半天 / 说了半天 / 半天没人管 (a long while), 大半天, nor 一天半 (said as days)
_HALF_DAY = re.compile(r"(?<![等说问找想弄看磨拖催吵闹排哭求跑劝讲聊大天])"
                       r"(?<![等说问找想弄看磨拖催吵闹排哭求跑劝讲聊]了)"
                       r"(?<![一二两俩三四五六七八九十\d]个)(?<![一二两俩三四五六七八九十\d])"
                       r"半\s*(?:天|日|个?班)(?!\s*(?:也|都)?(?:没|不|才))|(?<![上下])(?:上午|下午)")
# 上午下午都上了 / 从早上8点干到下午5点: a whole day said by its hours
_WHOLE_DAY_SAID = re.compile(r"(?:早上|早晨|上午|中午)\S*(?:下午|晚上)|(?:下午|晚上)\S*(?:早上|上午)|\d\s*点")
# the words of a day that may be worked in part: a festival day, a date, a rest day, a holiday
_PART_DAY_WORDS = re.compile(rf"{_LUNAR_DAY}|\d{{1,2}}\s*[号日]|{_REST_WORDS}|礼拜六|礼拜日|周天|法定|节假日|"
                             rf"{'|'.join(_SOLAR_HOLIDAYS)}|春节|过年")
_CLAUSE_BREAK = re.compile(r"[，,。；;！!？?、\s]+|但是?|可是|不过|其他|其余|别的")
# a rest day said worked (周六加了半天班 / 周六干了4个小时), and the words naming a holiday or a date
_WORKED_WORDS = re.compile(r"上|干|加|做|值|班|去")
_DATE_WORDS = re.compile(rf"{_LUNAR_DAY}|\d{{1,2}}\s*[号日]|法定|节假日|{'|'.join(_SOLAR_HOLIDAYS)}|春节|过年")
# 一天4小时 / 每次4个钟头 / 那天就4个小时: a clause of its own saying the length of the days just named
_LENGTH_OF_THOSE = re.compile(r"一天|各|每次|每回|一次|那天|当天|那几天|都是|只|就|才")
# 一共干了4个小时 (over all the days named)
_OVER_ALL = re.compile(r"一共|总共|加起来|合计|总的")


@dataclass
class _Part:
    """A clause saying part of a day was worked: the clause, the words naming its days (the clause
    itself, or the clause before it), the part of each day, and the hours figure saying it."""

    clause: str
    days: str
    part: Decimal
    hours: tuple[int, int] | None = None
    over_all: bool = False


def _clause_spans(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.start() > at:
            spans.append((at, m.start()))
        at = m.end()
    return spans + ([(at, len(text))] if at < len(text) else [])


def _part_in(clause: str, start: int) -> tuple[Decimal, tuple[int, int] | None] | None:
    """The part of a day the clause says was worked — 半天 / 上午 (0.5), 4个小时 (0.5), 3个钟头
    (0.375) — and the span of the hours figure saying it; None for a whole day (上午下午都上了, 6
    to 8 hours, _lengths_of_the_days), hours of weekdays, or hours more than a day's (多干2小时)."""
    if _WEEKDAY_HOURS.search(clause):
        return None
    hours = list(_HOURS.finditer(clause))
    if not hours:
        half = _HALF_DAY.search(clause)
        if half and half.group(0) in ("上午", "下午") and _WHOLE_DAY_SAID.search(clause):
            return None  # (初一从早上8点干到下午5点 / 上午下午都上了: the whole day)
        return (Decimal("0.5"), None) if half else None
    if len(hours) != 1 or re.search(r"[多超]\S?$", clause[:hours[0].start()]):
        return None
    said = (_number(hours[0].group(1)) or Decimal(0)) + (Decimal("0.5") if hours[0].group(2) else 0)
    if not 0 < said < 6:
        return None
    return said / 8, (start + hours[0].start(), start + hours[0].end())


def _parts_said(text: str) -> list[_Part]:
    """The clauses saying part of a day was worked, each with the words naming its days: the
    clause's own, or — a clause of its own (那天只干了半天 / 每次4个小时) — the clause just before it."""
    parts: list[_Part] = []
    before = ""
    for start, end in _clause_spans(text):
        clause = text[start:end]
        part = _part_in(clause, start)
        names = bool(_PART_DAY_WORDS.search(clause))
        if part and names and not _WORKED_WORDS.search(clause) and not _DATE_WORDS.search(clause):
            part = None  # (周六是三个小时 — round 52: no Saturday said worked, XM-6's hours)
        if part and (names or (before and _LENGTH_OF_THOSE.search(clause) and not re.search(r"加|多|超", clause))):
            parts.append(_Part(clause, clause if names else before, part[0], part[1],
                               bool(_OVER_ALL.search(clause))))
        before = clause if names else ""  # (the clause just before only)
    return parts


def _without_part_hours(text: str, parts: list[_Part]) -> str:
    """The text without the hours figures that say a part of a day (除夕干了4个小时: no weekday
    overtime), so the days are read whole and then given their part."""
    for part in parts:
        if part.hours:  # (每个周六都加班 一天4小时: a clause of its own left out whole — 一天 is no count)
            start, end = part.hours
            if part.days != part.clause:
                start = text.rfind(part.clause, 0, end)
            text = text[:start] + " " * (end - start) + text[end:]
    return text


_SATURDAY = re.compile(r"周六|星期六|礼拜六")
_SUNDAY = re.compile(r"周日|周天|星期天|星期日|礼拜天|礼拜日")


def _dates_named(words: str, dates: list[date], rest_counted: bool) -> set[date]:
    """The days of ``dates`` the words name: by festival day (除夕, 初二, 腊月二十八, 初一到初三), by day
    of the month (10月1号, 3号), by holiday (国庆) or — no rest days counted — by day of the week (周六)."""
    named: set[date] = set()
    years = sorted({y for d in dates for y in (d.year, d.year + 1) if FIRST_YEAR <= y <= LAST_YEAR})
    for year in years:
        for span in re.finditer(rf"({_LUNAR_DAY}){_TO}({_LUNAR_DAY})", words):
            first, last = (_lunar_date(year, n) for n in span.groups())
            named.update(_span(first, last) if 0 <= (last - first).days <= 15 else [first, last])
        named.update(_lunar_date(year, n) for n in re.findall(_LUNAR_DAY, words))
    for span in re.finditer(rf"(?:(\d{{1,2}})\s*月)?\s*(\d{{1,2}})\s*[号日]"
                            rf"(?:{_TO}(?:\d{{1,2}}\s*月)?\s*(\d{{1,2}})\s*[号日]?)?", words):
        low = int(span.group(2))
        high = int(span.group(3) or low)
        named.update(d for d in dates if low <= d.day <= high and (not span.group(1) or d.month == int(span.group(1))))
    for pattern, first_day in _SOLAR_HOLIDAYS.items():
        if re.search(pattern, words) and not re.search(r"\d\s*[号日]", words):
            named.update(d for d in dates if 0 <= (d - first_day(d.year)).days <= 9)
    if not rest_counted:
        weekdays = ({5} if _SATURDAY.search(words) else set()) | ({6} if _SUNDAY.search(words) else set()) \
            | ({5, 6} if re.search(r"周末|双休", words) else set())
        named.update(d for d in dates if d.weekday() in weekdays)
    return named & set(dates)


# 国庆上了半天 / 五一加了半天班: a holiday named, no day of it, no count and not all of it
_ONE_DAY_OF_A_HOLIDAY = re.compile("|".join(_SOLAR_HOLIDAYS))
_DAY_OF_IT = re.compile(rf"\d{{1,2}}\s*[号日]|{_LUNAR_DAY}|都|每|天天|各|全|整个|期间|({_NUM})\s*天(?!班)")
# 其中两个 / 有一天 / 最后一个周六: how many of the days counted were worked in part
# (一天4小时 / 一个上午: the length of each day, no count)
_PART_COUNT = re.compile(rf"({_NUM})\s*(?:个|天)"
                         rf"(?!\s*(?:干|上|加|做)?了?\s*(?:(?:{_NUM})\s*个?(?:小时|钟)|上午|下午|半))")


def _apply_parts(found: WorkedText, parts: list[_Part]) -> None:
    """Each part said, on the days it names: the dates' parts (``part_days``); or, of the rest
    (statutory) days counted, how much was not worked — all of them (四个周六都上半天), or the
    number said (其中两个只上了半天); a rest day named and not counted (周六加了半天班) is one."""
    for part in parts:
        names = _dates_named(part.days, found.dates, bool(found.rest_days))
        if names and _ONE_DAY_OF_A_HOLIDAY.search(part.days) and not _DAY_OF_IT.search(part.days):
            # 国庆上了半天 (not 国庆1号到3号 each half): the holiday's first day, half of it
            found.dates = [d for d in found.dates if d not in names or d == min(names)]
            names = {min(names)}
        if not names and found.dates and not found.rest_days and not found.statutory_days \
                and len(found.dates) == 1 and not _PART_DAY_WORDS.search(part.days):
            names = set(found.dates)
        if names:
            each = part.part / len(names) if part.over_all else part.part
            for day in names:
                found.part_days[day] = min(found.part_days.get(day, Decimal(1)), each)
            continue
        if re.search(r"法定|节假日", part.days) and found.statutory_days:
            found.statutory_short += _days_in_part(part, found.statutory_days) * (1 - part.part)
        elif re.search(rf"{_REST_WORDS}|礼拜六|礼拜日|周天", part.days):
            if not found.rest_days and not found.dates:  # 周六加了半天班 / 周六周日都上了半天: those named
                found.rest_days = 2 if (_SATURDAY.search(part.days) and _SUNDAY.search(part.days)) else 1
            found.rest_short += _days_in_part(part, found.rest_days) * (1 - part.part)


def _days_in_part(part: _Part, counted: int) -> int:
    """How many of the ``counted`` days the part is of: the number the clause says (其中两个), else
    all of them."""
    said = _PART_COUNT.search(part.clause)
    number = int(_number(said.group(1)) or 0) if said else 0
    return number if 0 < number <= counted else counted


def _days_worked_count(found: WorkedText) -> int:
    return len(found.dates) + found.statutory_days + found.rest_days


# the words before an hours figure that make it a day's length: 每天8小时 / 各8小时 / 一天8个钟头
_PER_DAY = re.compile(r"每天|一天|天天|各|每次|每回|每个?班")
# (初一初二也上了 平时每天加班2小时: hours of the working days, overtime beside the holiday)
_WEEKDAY_HOURS = re.compile(r"平时|平常|工作日|下班|每晚|晚上|夜里|延长|延时|另外|还加|还多")


def _lengths_of_the_days(found: WorkedText, text: str) -> tuple[str, Decimal]:
    """The text without the hours figures that say how long the holidays (or dates) named were
    worked — a day of 6 to 8 hours is just that day; with the hours beyond 8 of each day (0 when
    none). Hours said of weekdays (平时 / 下班 / 晚上) stay, and so do hours too few for a day
    (初一加了3个小时班) or more than the days' length said as a total."""
    days = _days_worked_count(found)
    kept, at, extra = [], 0, Decimal(0)
    for m in _HOURS.finditer(text):
        before = text[max(at, m.start() - 8):m.start()]
        hours = (_number(m.group(1)) or Decimal(0)) + (Decimal("0.5") if m.group(2) else 0)
        if _WEEKDAY_HOURS.search(before) or hours < 6 or not days:
            continue
        if _PER_DAY.search(before[-4:]) or days == 1:
            extra = max(extra, hours - 8)
        elif hours > 8 * days:
            continue
        kept.append(text[at:m.start()] + " ")
        at = m.end()
    return "".join(kept) + text[at:], extra


def _hours_beyond_the_day(found: WorkedText, extra: Decimal) -> None:
    """初一初五都上了 每天10个小时: the ``extra`` hours beyond 8 of each day worked, at its kind's rate
    (statutory 300 %, rest 200 %, a workday's 150 %)."""
    kinds = [classify(d)[0] for d in found.dates]
    statutory = kinds.count(DayKind.STATUTORY) + found.statutory_days
    rest = kinds.count(DayKind.REST) + found.rest_days
    found.holiday_hours += extra * statutory
    found.rest_hours += extra * rest
    found.extended_hours += extra * kinds.count(DayKind.WORKDAY)


def _more_rest_days(text: str) -> int:
    """The rest days counted as more days beside the dates (还有两个周六: 2; 另外两个周末: 4)."""
    said = _MORE_REST_DAYS.search(text)
    if not said:
        return 0
    count, day = (said.group(1), said.group(2)) if said.group(1) else (said.group(3), said.group(4))
    n = int(_number(count) or 0)
    return n if day else 2 * n


# 四个周末 / 三个周六 / 一共8天: the worker's own count of rest days (the month's weekends are not
# taken from the calendar then)
_REST_COUNTED = re.compile(rf"{_COUNT_OF}(?:周末|双休|周六|周日|星期六|星期天|星期日|礼拜六|礼拜天)|"
                           rf"(?:一共|总共|合计|加起来)\D{{0,2}}?(?:{_NUM})\s*天")
# 每个周末两天都加班 / 每个周末只上一天 / 每周末干一天半 / 周末两天都上 (XQ-7: 每个周末两天都加班 上个月四个周末
# summed 11 days — 两天 read as two rest days more, beside the month's weekends): the days of each
# weekend, not a count of days
_EACH_WEEKEND = re.compile(rf"(?:每个?|一个)(?:周末|双休)日?的?\s*(?:都|只|就|也|才)?(?:要|得|是|能)?"
                           rf"(?:上|干|加|做)?班?了?\s*(?:({_NUM})\s*天(半)?|(半)\s*天)")
# 每个周末只休了一天 / 周末只歇半天: each weekend's days off, the others worked
# (周末休了一天 另一天加班了: one weekend, told as done — not every weekend's)
_OFF = r"(?:都|只|就|也|才){0,2}(?:能)?(?:休|歇|放)(?:息|假)?"
_EACH_WEEKEND_OFF = re.compile(rf"(?:(?:每个?|一个)(?:周末|双休)日?{_OFF}了?|(?:周末|双休)日?{_OFF})\s*"
                               rf"(?:({_NUM})\s*天(半)?|(半)\s*天)")
_WEEKEND_BOTH = re.compile(rf"(?:周末|双休)日?的?\s*({_NUM})\s*天(半)?(?=\s*(?:都|全))")


def _each_weekend(text: str) -> tuple[Decimal | None, str]:
    """(the days worked each weekend, the text with that figure left out) — 每个周末两天 (2),
    周末只上一天 (1), 每个周末一天半 (1.5); (None, the text) when not said. 周末两天都上 with no
    weekends counted and no month named is one weekend's two days, a count (left in)."""
    said = _EACH_WEEKEND.search(text) or _EACH_WEEKEND_OFF.search(text)
    if not said and (both := _WEEKEND_BOTH.search(text)) \
            and (_WEEKENDS_COUNTED.search(text) or re.search(_MONTH, text)):
        said = both
    if not said:
        return None, text
    figure, half = said.group(1), said.group(2)
    days = Decimal("0.5") if said.re is not _WEEKEND_BOTH and said.group(3) else \
        (_number(figure) or Decimal(0)) + (Decimal("0.5") if half else 0)
    if said.re is _EACH_WEEKEND_OFF:
        days = 2 - days  # (只休了一天: the other day worked)
    if not Decimal("0.5") <= days <= 2:
        return None, text
    start, end = said.span(1) if figure else said.span(3)
    return days, text[:start] + " " * (said.end() - start) + text[said.end():]


def _weekend_days(found: WorkedText, text: str, each: Decimal | None) -> int:
    """四个周末 (8), or with each weekend's days said (每个周末只上一天 干了四个周末: 4; 一天半: 8, 2 of them
    not worked — ``found.rest_short``); 0 when no weekends are counted."""
    weekends = _count(_WEEKENDS_COUNTED, text)
    if not weekends:
        return 0
    each = each or Decimal(2)
    whole = int(each.to_integral_value(rounding="ROUND_CEILING"))
    found.rest_short = (whole - each) * weekends
    return whole * weekends


# 周日也上 / 礼拜天都干: a Sunday said worked (周日休息 / 礼拜天不上 is not)
_SUNDAY_WORKED = re.compile(r"(?:周|星期|礼拜)[日天](?!\s*(?:也|都|就|还|才|能|可以)?\s*(?:休|歇|不|没|放))")


def _rest_days_a_week(text: str, weekly: re.Match) -> Decimal:
    """The rest days of every week the words say were worked: 2 for 每个周末 / 每周六周日都上班 (XQ-7:
    read as 每周六 alone, 4 days for 8) / 每个周六都加班 周日也上, else 1."""
    said = weekly.group(0)
    if re.search(r"末|双休", said) or (re.search(r"六", said) and _SUNDAY_WORKED.search(text, weekly.start())):
        return Decimal(2)
    return Decimal(1)


# 干了六个礼拜 / 一共4个星期 / 三周: the weeks the worker counted (一周只歇半天 is a week's rule)
_WEEKS_COUNTED = re.compile(rf"(?<![每一])({_NUM})\s*个?\s*(?:礼拜|星期|周)(?![六日天末一二三四五])")


def _every_week(found: WorkedText, days: Decimal, text: str = "") -> None:
    """``days`` rest days worked every week, for the weeks the text counts (周六周日全上了 一共6个礼拜:
    12) or one month (4 weeks) of them; a half day of them (每个周末一天半) counted and not worked
    (``rest_short``)."""
    weeks = next((n for m in _WEEKS_COUNTED.finditer(text) if 2 <= (n := int(_number(m.group(1)) or 0)) <= 10), 4)
    found.weekly_days = days
    whole = int(days.to_integral_value(rounding="ROUND_CEILING"))
    found.rest_days = weeks * whole
    found.rest_short = weeks * (whole - days)


# 给调休了两天 另外两天没给 / 补休了一天 剩下三天没补: the rest days not given off, beside those given
_NOT_GIVEN_OFF = re.compile(rf"(?:另外|其余|其他|剩下|还有)(?:的)?\s*({_NUM})\s*天\S{{0,3}}?"
                            r"(?:没|不|没有)(?:给|补|调|休|算|让)")


def _rest_days_given_and_not(found: WorkedText, text: str) -> None:
    """上个月四个周末都加班了 公司给调休了两天 另外两天没给 (round 54, m2-22: 8 weekend days, 6 summed): the
    days given off and the days not given off are all the rest days worked — the worker's own count,
    when it is fewer than the weekends' days read."""
    left = _NOT_GIVEN_OFF.search(text)
    told = found.comp_days + int(_number(left.group(1)) or 0) if left else 0
    if left and not found.dates and 0 < told < found.rest_days:
        found.rest_days, found.rest_short, found.weekly_days = told, Decimal(0), 0


def _read_worked_days(text: str, today: date) -> WorkedText:
    found = WorkedText()
    found.dates = _calendar_dates(text, today)
    if not found.dates:
        found.dates = _spring_festival(text, today) + _named_holidays(text, today)
    if not found.dates and not _REST_COUNTED.search(text):
        found.dates = _month_weekends(text, today)  # (上个月四个周末都加班了: the worker's 4, XQ-7)
    found.dates = sorted(set(found.dates))
    if not found.dates and (week := _DAYS_A_WEEK.search(text)):
        return _six_day_weeks(found, week, text)  # (一个礼拜六天 is no Saturday)
    if not found.dates and (days := _days_of_a_month(text)):
        return _long_month(found, days, text)  # 一个月只歇两天 (YS-04: read as 2 days of overtime)
    each, text = _each_weekend(text)  # 每个周末两天: each weekend's days, no count of days (XQ-7)
    found.rest_days = _count(_REST_COUNT, _A_DAYS_LENGTH.sub("每次", text)) or (0 if found.dates else (
        _count(_REST_DAYS_NAMED, text) or _count(_DAYS_ARE_REST, text) or _weekend_days(found, text, each)
        or _count(_REST_DAY_THEN_COUNT, text))) or (_more_rest_days(text) if found.dates else 0)
    if not found.rest_days and not found.dates and (month := _DAYS_A_MONTH.search(text)):
        # 一个月干26天 (II-04: a month of 26 days was no overtime): the days beyond 22 are rest
        # days worked (21.75 days is the legal month's working days)
        days = int(_number(month.group(1) or month.group(2)) or 0)
        found.rest_days = days - 22 if 23 <= days <= 31 else 0
    weekly = _EVERY_WEEK.search(text)
    if not found.rest_days and not found.dates and (weekly or each):
        # 每个周六都要加班 (CC-16: nothing understood, then asked again) / 周末只休一天: one month of them
        _every_week(found, each or (_rest_days_a_week(text, weekly) if weekly else Decimal(0)), text)
        if (said := _WEEKENDS_A_MONTH.search(text)) and 1 <= (counted := int(_number(said.group(1)) or 0)) <= 10:
            found.rest_days = counted  # 周六周日都得上班 一个月得有八天吧: the worker's own count
    said_days = _REST_SAID_COUNT.search(text)
    if not found.rest_days and not found.dates and said_days and not re.search(r"节|假", text) \
            and 1 <= (weekend_days := int(_number(said_days.group(1)) or 0)) <= 12:
        found.rest_days = weekend_days  # 那周六周日去加班呢 加了4天 (ZM-03: read as 4 weekday evenings)
    if found.rest_days and not found.dates and (total := _said(_TOTAL_COUNT, text)) \
            and not _total_of_weekdays(text, total):
        found.rest_days = max(found.rest_days, _count(_TOTAL_COUNT, text))
    found.statutory_days = _count(_STATUTORY_COUNT, text) if not found.dates else 0
    comp = next((m for m in _COMP_DAYS.finditer(text)
                 if not re.search(r"[没不未]", text[max(0, m.start() - 3):m.start()])), None)
    if comp:
        found.comp_days = int(_number(comp.group(1) or comp.group(2)) or 0)
        _rest_days_given_and_not(found, text)
    rest_day = _REST_DAY_HOURS.search(text)
    if rest_day and found.rest_days <= 1 and not found.dates and (_number(rest_day.group(1)) or 0) >= 8:
        # 礼拜六还干了一整天8小时 (ZQ-04: the Saturday left out, then counted at 150 %): one rest
        # day; its hours are no weekday overtime (一个礼拜六干了10个小时: the one Saturday counted)
        found.rest_days = 1
        text = text.replace(rest_day.group(0), " ")
    text = _rest_days_length_dropped(found, text)
    hours = _hours_said(text)
    before = text[max(0, hours.start() - 4):hours.start()] if hours else ""
    # 三个礼拜天都去上班了 每天8小时 (ZG-03: 8 weekday hours added): a full day's length too
    full_day = hours is not None and bool(re.search(r"每天|一天", before)) \
        and (_number(hours.group(1)) or 0) >= 6 and not re.search(r"上了?\s*\d+\s*天班|\d+\s*天班", text)
    shift = hours and len(_HOURS.findall(text)) == 1 and (_SHIFT_LENGTH.search(before) or full_day)
    if shift and found.rest_days and not found.dates and not re.search(r"平时|晚上|下班|每天加|工作日", text):
        return found  # 四个周六也都上了 每次8小时 (ZE-03: 8 weekday hours added): the Saturdays' length
    if _hours_of_the_rest_days(found, text):
        return found
    if hours and (n := _number(hours.group(1))):
        found.extended_hours = n + (Decimal("0.5") if hours.group(2) else 0)
        if again := _corrected_count(text, hours.end()):
            found.extended_hours = again
        length = _DAY_LENGTH.search(text) or _bare_day_length(text)
        if length and length.start(1) == hours.start(1) and found.extended_hours <= 8:
            found.extended_hours = Decimal(0)  # 一天干8个小时: a normal day, no overtime hours
            return found
        if length and length.start(1) == hours.start(1) and found.extended_hours > 8:
            # 平时一天干10个钟头 (EE-02 counted 10 hours in all): a working day that long is
            # its hours over 8, every day worked
            _every_workday(found, found.extended_hours - 8, text, _DAY_LENGTH)
        elif _DAILY.search(text):
            _every_workday(found, found.extended_hours, text, _DAILY)
        if (of_month := _said(_MONTH_HOURS, text)) and (month_hours := _number(of_month.group(1))):
            fixed = _corrected_count(text, of_month.end())  # (这个月加了六十多个钟 不对 是66个: 66)
            _hours_of_a_month(found, fixed or month_hours, of_month.group(2) == "多" and not fixed)
    return found


# 36个小事 / 每天8小事 / 家班 (YQ-02, voice input: the 36 weekday hours were not read, only the
# Saturdays summed): 小时 and 加班 as a voice typing writes them; 小事 only after a figure
# (一个小事想问 is no hour)
_VOICE_SLIPS = ((re.compile(r"(\d)\s*(个?)\s*小事"), r"\1\2小时"), (re.compile(r"家班"), "加班"))


def _voice_slips(text: str) -> str:
    """The text with the voice-typing slips of 小时 and 加班 mended."""
    for slip, meant in _VOICE_SLIPS:
        text = slip.sub(meant, text)
    return text


def _hours_said(text: str) -> re.Match | None:
    """The first hours figure of the text that is not denied: 不是8个小时 是俩小时 (XO-4: read as 8)
    is 俩小时; the denied one when it is the only figure."""
    figures = list(_HOURS.finditer(text))
    kept = [m for m in figures if not re.search(r"不是\s*$", text[max(0, m.start() - 3):m.start()])]
    return (kept or figures)[0] if kept or figures else None


def _hours_of_the_rest_days(found: WorkedText, text: str) -> bool:
    """还有两个星期六呢 16个小时 (YQ-02: summed as 16 weekday hours besides the 2 Saturdays): one
    figure of hours that is the rest days' full 8 hours each, no weekday named, is their length."""
    figures = _HOURS.findall(text)
    if not found.rest_days or found.dates or len(figures) != 1 or _WEEKDAY_WORDS.search(text):
        return False
    return _number(figures[0][0]) == 8 * found.rest_days and not figures[0][1]


def _corrected_count(text: str, after: int) -> Decimal | None:
    """加了六十多个钟 不对 是66个 (Y-03): the count said after the correction that follows
    ``after``; None when none is."""
    fixed = re.search(rf"(?:不对|说错了?|应该是)[，,\s]*是?\s*({_NUM})\s*个?(?![月天人号块元])", text[after:])
    return _number(fixed.group(1)) if fixed else None


def _hours_of_a_month(found: WorkedText, hours: Decimal, rough: bool) -> None:
    """工作日每天加班2小时 一个月大概44个小时 (YO-03: 2 × 21 estimated days = 42 summed): the
    month's hours the worker counted are the overtime — no estimate of days, no period asked."""
    found.extended_hours = found.hours_a_month = hours
    found.hours_rough = rough
    found.hours_per_day, found.workdays, found.workdays_counted = Decimal(0), 0, False


# 一个礼拜干六天 / 每周上7天班 / 单休: the days of a working week beyond the five of the law
# 礼拜一到礼拜六都是 (YM-03: read as every Saturday, the 10-hour days lost): Monday to the sixth
# (or seventh) day, a week of that many days
_DAYS_A_WEEK = re.compile(r"(?:一个?|每个?)(?:礼拜|星期|周)(?:要|得|都|就|只)?(?:干|上|做|上班|出勤|工作|干活)?"
                          r"(?:了)?\s*([67六七])\s*天|单休|"
                          r"(?:礼拜|星期|周)一\s*(?:到|至|-|~|—)\s*(?:礼拜|星期|周)?([六日天])|"
                          # 每个礼拜休一天 / 一周只歇半天 / 只有礼拜天休息 (XQ-7: nothing understood): the
                          # days off of a week, the others worked
                          r"(?:一个?|每个?)(?:礼拜|星期|周)(?:只|就|才|也就)?(?:能)?(?:休|歇|放)(?:息|假)?了?\s*"
                          r"([一1]|半)\s*天|只(?:有)?(?:礼拜|星期|周)[日天](?:能|可以|才)?(?:休|歇|放)|"
                          # 每个礼拜只歇礼拜天 / 礼拜六也上班礼拜天歇一天 / 礼拜六是每个礼拜都上 (round 54, m2-12):
                          # the sixth day worked every week (not 上个礼拜六, one day gone by)
                          r"(?:一个?|每个?)(?:礼拜|星期|周)(?:只|就|才)?(?:能)?(?:休|歇)(?:息)?(?:礼拜|星期|周)[日天]|"
                          r"(?<![上这那个])(?:礼拜|星期|周)六(?:也|都|照样|照常)(?:要|得)?(?:上班|上|干活|干)(?!了)"
                          r"\S{0,3}?(?:礼拜|星期|周)[日天](?:才|就|只)?(?:休息?|歇)|"
                          r"(?:礼拜|星期|周)六(?:是|也是)?(?:每个?|每一个)(?:礼拜|星期|周)都(?:要|得)?(?:上|干)")


# (一天其实干十个钟头 — YM-03: the length not read, 10 overtime hours)
_ADVERB = r"(?:其实|实际上?|大概|差不多|基本上?|一般|平均)?"
_A_DAY_OF = re.compile(rf"(?:一天|每天|天天){_ADVERB}\s*({_NUM})\s*多?\s*个?(?:小时|钟头|钟(?!点))")


def _six_day_weeks(found: WorkedText, week: re.Match, text: str) -> WorkedText:
    """每天十个钟头 一个礼拜六天 (ZS-14 got 2 hours × 6 days at 150 %): the sixth (and seventh)
    day of every week is a rest day, and a day longer than 8 hours is overtime on each of the
    week's five working days — one month of 4 weeks, like 每个周六都加班."""
    _every_week(found, _days_of_the_week(week) - 5)
    rest = text.replace(week.group(0), " ")
    # 不是一共十个钟 是每天都干十个钟 said after the week (YM-03): the length said last stands
    lengths = list(_DAY_LENGTH.finditer(rest)) or list(_A_DAY_OF.finditer(rest))
    length = lengths[-1] if lengths else None
    if length and (hours := _number(length.group(1))) and hours > 8:
        found.hours_per_day = hours - 8
        found.workdays = 20  # the five working days of 4 weeks
        found.workdays_counted = True
        found.extended_hours = found.hours_per_day * found.workdays
        # (一周只歇半天: the half days' hours are no more than 8)
        found.rest_hours = found.hours_per_day * (found.rest_days - 2 * found.rest_short)
    elif (extra := _weekday_extra_hours(rest)) is not None:
        # 单休 平时每天晚上加班三个小时 (round 54, m2-12: the evenings dropped, the Saturdays alone summed):
        # the hours over on each of the 20 working days of those 4 weeks
        found.hours_per_day, found.workdays, found.workdays_counted = extra, 20, True
        found.extended_hours = extra * 20
    return found


def _weekday_extra_hours(text: str) -> Decimal | None:
    """每天晚上加班三个小时 / 天天加俩钟头 / 平时每天还多干2小时: the hours over on every working
    day (not a day's length, not hours of one day); None when not said."""
    hours = _hours_said(text)
    if not hours or not (n := _number(hours.group(1))) or not 0 < n <= 6:
        return None
    before = text[max(0, hours.start() - 12):hours.start()]
    if not _DAILY.search(before) and not re.search(r"(?:每天|天天|每晚|平时|平常)\S{0,6}$", before):
        return None
    return n + (Decimal("0.5") if hours.group(2) else 0)


def _days_of_the_week(week: re.Match) -> Decimal:
    """The days a week of :data:`_DAYS_A_WEEK` is worked: 一个礼拜六天 / 单休 / 礼拜一到礼拜六 (6),
    礼拜一到礼拜天 (7), 每个礼拜休一天 (6), 一周只歇半天 (6.5)."""
    if week.group(1):
        return _number(week.group(1)) or Decimal(6)
    if week.group(2):
        return Decimal(7 if week.group(2) in "日天" else 6)
    return Decimal("6.5") if week.group(3) == "半" else Decimal(6)


# 一个月只歇两天 / 每个月休息四天 (YS-04): the days off in a month; the rest are worked
_DAYS_OFF_A_MONTH = re.compile(rf"(?:一个月|每个?月|一月)(?:只|就|才|也就|只能)?(?:歇|休息?|放假?|轮休)了?\s*"
                               rf"({_NUM})\s*天")


def _days_of_a_month(text: str) -> int:
    """The days worked in a month when the worker says the days off (一个月只歇两天: 28), or the
    days worked with a working day longer than 8 hours (每个月干28天 每天10小时); 0 otherwise."""
    if (off := _DAYS_OFF_A_MONTH.search(text)) and 0 <= (rested := int(_number(off.group(1)) or -1)) < 8:
        return 30 - rested
    month = _DAYS_A_MONTH.search(text)
    days = int(_number(month.group(1) or month.group(2)) or 0) if month else 0
    return days if 23 <= days <= 31 and _long_day(text) else 0


def _long_day(text: str) -> Decimal:
    """The hours of a working day said beyond 8 (每天要干十个钟头: 2); 0 when none is."""
    lengths = list(_DAY_LENGTH.finditer(text)) or list(_A_DAY_OF.finditer(text))
    hours = _number(lengths[-1].group(1)) if lengths else None
    return hours - 8 if hours and hours > 8 else Decimal(0)


def _long_month(found: WorkedText, days: int, text: str) -> WorkedText:
    """28 days worked a month, 10 hours each (YS-04 got 2 days × 2 hours): the days beyond the
    22 working days of a month are rest days worked, and the hours beyond 8 are overtime on
    every day worked — one month of it, like 一个礼拜干六天."""
    found.month_days = days
    found.rest_days = max(days - 22, 0)
    if hours := _long_day(text):
        found.hours_per_day, found.workdays, found.workdays_counted = hours, 22, True
        found.extended_hours = hours * 22
        found.rest_hours = hours * found.rest_days
    return found


# 礼拜六还干了一整天8小时: one rest day and its length
_REST_DAY_HOURS = re.compile(r"(?:礼拜六|礼拜天|礼拜日|周六|周日|星期六|星期天|星期日)[^，,。\d]{0,8}?"
                             rf"({_NUM})\s*个?(?:小时|钟头|钟(?!点))")
# 四个星期六也加了一天八小时 (YS-02: read as 1 Saturday): 一天 before its hours is a day's
# length, no count of days
_A_DAYS_LENGTH = re.compile(rf"[一每]天(?=\s*(?:干|上|加)?了?\s*{_NUM}\s*多?\s*个?(?:小时|小失|钟头|钟(?!点)))")
# 周六周日去加班呢 加了4天: rest days named, then counted further on than _REST_COUNT reads
_REST_SAID_COUNT = re.compile(rf"(?:{_REST_WORDS}|礼拜六)[^，,。]{{0,12}}?({_NUM})\s*天(?!班)")
_SHIFT_LENGTH = re.compile(r"每次|每回|每趟|一次|都是|每个都|整天")
# 其中有4天是周六 (XK-3: read as one Saturday): days said to be rest days, that many of them
_DAYS_ARE_REST = re.compile(rf"(?<![\d周期拜.])({_NUM})\s*天(?:都|也)?(?:是|赶上|碰上|正好是)(?:{_REST_WORDS}|礼拜六)")
# 4个周六每个做8小时 / 四个礼拜六都是8小时: the rest days' length, said in their own clause
_REST_LENGTH_BEFORE = re.compile(rf"(?:{_REST_WORDS}|礼拜六|每个|每次|每回|都是|整天)[^，,。；;\s]{{0,4}}$")


# 上个月每个周六都加班 一天8小时 一共4个周六 … 还有平时每天晚上多干俩钟头 上个月上了22天班 (XO-4: summed as
# 8 h × 22 evenings, 6,372.41, not 2 h × 22 = 44 h): 一天 / 每天 as a clause of its own, right after
# the rest days are named, is their length
_A_DAY_CLAUSE = re.compile(r"^(?:一天|每天|每次|一次|每回)(?:都|就|是)?(?:干|做|上|上班|干活)?了?$")


def _rest_named_last(before: str) -> bool:
    """Of the kinds of day named in ``before``, the last is a rest day (周六), not a weekday (平时)."""
    rest = [m.start() for m in re.finditer(rf"{_REST_WORDS}|礼拜六", before)]
    weekday = [m.start() for m in _WEEKDAY_WORDS.finditer(before)]
    return bool(rest) and max(rest) > max(weekday, default=-1)


def _rest_days_length_dropped(found: WorkedText, text: str) -> str:
    """4个周六每个做8小时 另外18天平日每天多2小时 (XK-3: 8 h × 18 days summed): with rest days
    counted and weekday hours said beside them, the hours that are the rest days' length (6 to
    12, in the rest days' own clause, no 多 / 加 / weekday word before them) are no weekday
    overtime; the text without them."""
    figures = list(_HOURS.finditer(text))
    if not found.rest_days or found.dates or len(figures) < 2:
        return text
    for m in reversed(figures):
        clause = re.split(r"[，,。；;\s]", text[max(0, m.start() - 12):m.start()])[-1]
        of_rest = _REST_LENGTH_BEFORE.search(clause) or (
            _A_DAY_CLAUSE.match(clause) and _rest_named_last(text[max(0, m.start() - len(clause) - 16):
                                                                  m.start() - len(clause)]))
        if 6 <= (_number(m.group(1)) or 0) <= 12 and of_rest \
                and not _WEEKDAY_HOURS.search(clause) and not re.search(r"[多加超]\S?$", clause):
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def _every_workday(found: WorkedText, hours: Decimal, text: str, said: re.Pattern) -> None:
    """``hours`` over on every working day of the period the text names (``said``: the words
    that say so, left out when looking for the worker's own count of days)."""
    found.hours_per_day = found.extended_hours = hours
    # (周六周日去加班呢 加了4天: no working days of the period; 周六都上班 一个月22天 — YU-02: the
    # 22 working days kept, more days than a month's rest days)
    text = _REST_SAID_COUNT.sub(lambda m: m.group(0) if (_number(m.group(1)) or 0) > 12 else "", text)
    among = bool(found.rest_days and _DAYS_ARE_REST.search(text) and re.search(r"其中|里面|里头|当中", text))
    text = _DAYS_ARE_REST.sub(" ", text)  # (其中有4天是周六: the Saturdays, no period of working days)
    found.workdays = _workdays_in_period(text)
    if among and found.workdays > found.rest_days:
        # 每天都多做2小时 做了22天 … 其中有4天是周六 做了整天8小时 (XK-3): the Saturdays are among
        # the 22 days counted; the weekday hours are of the other 18
        found.workdays -= found.rest_days
    found.workdays_counted = bool(re.search(rf"(?:{_NUM})\s*天|{_WORKDAYS_COUNTED.pattern}|{_DAYS_SAID_BARE}",
                                            said.sub("", text)))
    if found.weekly_days and not found.workdays_counted and found.workdays > 23:
        # 每个礼拜六都上班 平时每天晚上还加三个钟头 干了快半年了 (round 54, m2-15: 125 days of hours beside one
        # month's Saturdays, then that sum × 6 months = 86,413.74): one month of 4 weeks, like the rest
        # days — the months are multiplied once, by the caller (wages.months_of_it)
        found.workdays = 20
    if found.workdays:
        found.extended_hours = found.hours_per_day * found.workdays


# 一天干10个钟头: the length of a working day, its hours over 8 are overtime
_DAY_LENGTH = re.compile(rf"(?:一天|每天|天天){_ADVERB}(?:都|要|得|就)?(?:干|上班|做|工作|上|干活)(?:了)?"
                         rf"\s*({_NUM})\s*多?\s*个?(?:小时|钟头|钟|小失)")
# 每天8小时 / 一天就8个钟头 (XG-2: 我就上了那两天 每天8小时 summed as 16 hours at 150 %): a day's
# length said with no verb; 加 said before it (加班每天3小时) makes it overtime
_BARE_DAY_LENGTH = re.compile(rf"(?<![加多])(?:一天|每天|天天){_ADVERB}(?:都|就|只|也|是|才)?\s*({_NUM})\s*个?"
                              r"(?:小时|钟头|钟(?!点)|小失)")


def _bare_day_length(text: str) -> re.Match | None:
    """The first 每天8小时 of the text that is a working day's length (6 hours or more, no 加 or
    多干 just before it); None when there is none."""
    for m in _BARE_DAY_LENGTH.finditer(text):
        said_before = text[max(0, m.start() - 4):m.start()]
        if (_number(m.group(1)) or 0) >= 6 and not re.search(r"加|多[干上做]|超", said_before):
            return m
    return None


# 天天 / 每天 / 每晚 加三个小时: the hours of every working day, not of one
_DAILY = re.compile(r"天天|每天|每晚|每个?晚上|每个工作日|每日|一天(?:都|要|得)?(?:多(?:干|上|加)|加)")
# the national average of working days in a month (劳社部发〔2008〕3号: 250 days a year ÷ 12)
WORKDAYS_PER_MONTH = Decimal("20.83")


# 上个月22个工作日每日都加班两个钟 (YM-16: how long asked again): the worker's own count of working days
# (每个工作日 / 一个工作日 is no count; 工资四千五 工作日每天… — YU-02: no 5 working days)
_WORKDAYS_COUNTED = re.compile(rf"(?<![每\d千百万])(?!一个?工作日)({_NUM})\s*个?\s*工作日")
# 22日啰 头先讲了 (YM-16): a count of days said with 日, as Cantonese says it
_DAYS_SAID_BARE = r"(?<![\d月])\d{1,2}\s*日(?=\s*(?:啰|咯|喇|啦|了|吧|呀|啊|嘛|$|\s))"


def _workdays_in_period(text: str) -> int:
    """三个月 → 62 working days, 两周 → 10, 40天 → 40, 22个工作日 → 22; 0 when no period is said."""
    if (counted := _WORKDAYS_COUNTED.search(text)) and 1 <= (days := int(_number(counted.group(1)) or 0)) <= 31:
        # (三个月 每个月22个工作日: the month's days, times the months said)
        monthly = re.search(r"(?:每个?|一个)月\S{0,2}$", text[:counted.start()])
        months = [int(m.group(1)) for s in find_durations(text)
                  if (m := re.fullmatch(r"P(\d+)M", str(s.value)))] if monthly else []
        return days * max(months or [1])
    # 不是一天 是三个月: a period the worker denies is not the one meant
    spans = [s for s in find_durations(text) if isinstance(s.value, str)
             and not text[max(0, s.start - 2):s.start].endswith(("不是", "不"))
             and not _DAILY.match(text, s.start)  # 一天多干仨钟头: per day, not a period
             # 一天干十个小时 (round 54, m2-17: 共1天, "约 1 个工作日（按每月平均 20.83 个工作日估算）"):
             # a day's length, not a period of one day
             and not _DAY_LENGTH.match(text, s.start) and not _A_DAY_OF.match(text, s.start)]
    if not spans:
        return 0
    if (month := _DAYS_A_MONTH.search(text)) and (days := int(_number(month.group(1) or month.group(2)) or 0)):
        # 一个月上二十二天班 … 一个月该给我多少 (MM-03 counted the average 21): the worker's own
        # days of a month, times the months said (one unless more are named)
        months = [int(m.group(1)) for s in spans if (m := re.fullmatch(r"P(\d+)M", str(s.value)))]
        return days * max(months or [1])
    m = re.fullmatch(r"P(\d+)([YMWD])(?:(15)D)?", str(spans[-1].value))
    if not m:
        return 0
    count, unit = Decimal(m.group(1)) + (Decimal("0.5") if m.group(3) else 0), m.group(2)
    per_unit = {"Y": WORKDAYS_PER_MONTH * 12, "M": WORKDAYS_PER_MONTH, "W": Decimal(5), "D": Decimal(1)}
    return int((count * per_unit[unit]).quantize(Decimal(1), rounding="ROUND_HALF_UP"))
