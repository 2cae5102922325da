"""Legal-aid questions answered with the worker's own figures.

Testers asked 没签合同 干了八个月 能拿多少 and 干了三年被辞退了 能赔多少, and got the legal-aid
paragraph again (rounds 8–9). The rules themselves are the backend's fact records (劳动合同法
第八十二条 for the double wage, 第四十七条 and 第八十七条 for severance); here only the
arithmetic is done on what the worker said — the months or years worked and the monthly
wage — and the months are said before any sum, so a worker can check them.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.common import said_this_turn
from actions.facts import recent_words
from bot.normalize.numbers import find_amounts, find_durations

WAGE_ASK = "告诉我您一个月工资多少，我帮您算个数"
WAGE_AGAIN = "要算出数来，还差您的月工资：您一个月工资多少？（比如：5000）"
_NO_CONTRACT = re.compile(r"(?:没|没有|不|未)(?:跟我|和我|给我|与我)?签(?:劳动|书面)?合同|没(?:有)?(?:劳动)?合同|"
                          r"(?:双倍|二倍|两倍)工资")
_DISMISSED = re.compile(r"辞退|开除|解雇|裁员|炒了|炒鱿鱼|不让(?:我)?干了|让我走|被辞|解除(?:劳动)?合同|"
                        r"经济补偿|补偿金|赔偿金")
_HOW_MUCH = re.compile(r"多少|怎么算|能拿|能要|能赔|赔几|几个月|算一下|算算|算个数|给多少")
_WAGE_BEFORE = re.compile(r"(?:月薪|工资|一个月|每月|每个月|月工资|一月)[^，,。；;！!？?]{0,4}$")
_ISO = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?")


def _months(value: str) -> int | None:
    """P8M → 8, P1Y → 12, P1Y6M → 18; weeks and days are no months worked."""
    match = _ISO.fullmatch(re.sub(r"\d+[WD]$", "", value))
    if not match or not any(match.groups()):
        return None
    return int(match.group(1) or 0) * 12 + int(match.group(2) or 0)


# a time worked, not a time owed (欠了三个月): 干了八个月 / 进厂一年多 / 八个月了都没签
_WORK_BEFORE = re.compile(r"(?:干|做|上班|工作|来|待|呆|进厂|入职|在这|在那|干活)[了过]?(?:快|差不多|将近|有|都)?$")
_WORK_AFTER = re.compile(r"^(?:了)?(?:都|也|还|一直)?(?:没|不)")


def months_worked(words: str) -> int | None:
    """The longest time the worker says they worked (干了八个月 / 做了一年多), in months."""
    found = []
    for start, end, months in _joined(words):
        if _WORK_BEFORE.search(words[max(0, start - 6):start]) or _WORK_AFTER.match(
                words[end:end + 4]):
            found.append(months)
    return max(found, default=None)


def _joined(words: str) -> list[tuple[int, int, int]]:
    """The durations in months, 两年零七个月 / 一年又三个月 joined into one (31, 15)."""
    joined: list[tuple[int, int, int]] = []
    for span in find_durations(words):
        months = _months(str(span.value))
        if not months:
            continue
        if joined and re.fullmatch(r"零|又|", words[joined[-1][1]:span.start]) and months < 12:
            start, _end, before = joined.pop()
            joined.append((start, span.end, before + months))
        else:
            joined.append((span.start, span.end, months))
    return joined


def monthly_wage_in(words: str) -> int | None:
    """A sum said as the monthly pay (月薪五千 / 工资4500一个月 / 一个月6000)."""
    for span in find_amounts(words):
        before, after = words[:span.start], words[span.end:span.end + 4]
        if _WAGE_BEFORE.search(before) or re.match(r"[块元]?(?:钱)?(?:一个月|每月|/月)", after):
            return int(span.value)
    return None


def _period(months: int) -> str:
    """42 → 3年6个月, 12 → 1年, 8 → 8个月: as a worker would say it."""
    years, rest = divmod(months, 12)
    return (f"{years}年" if years else "") + (f"{rest}个月" if rest or not years else "")


def double_wage_line(months: int, wage: int | None) -> str:
    """第八十二条 on the worker's months: from the second month, at most 11 months."""
    if months <= 1:
        return "用工一个月内签了书面合同的，不用付二倍工资；超过一个月还没签，从第二个月起算。"
    extra = min(months - 1, 11)
    line = (f"按您说的干了{_period(months)}没签合同：从第二个月算起，可以主张{extra}个月的"
            "二倍工资差额（每月再多一份工资）")
    line += f"，按月工资 {wage:,} 元算约 {extra * wage:,} 元。" if wage else f"。{WAGE_ASK}。"
    if months > 12:
        line += "满一年还没签的，视为已经订立了无固定期限劳动合同。"
    return line + "具体数额以仲裁认定为准；申请仲裁的时效是一年，别拖。"


def severance_line(months: int, wage: int | None) -> str:
    """第四十七条 on the worker's time: a month's pay per year, half a month under six months."""
    years, rest = divmod(months, 12)
    pay_months = years + (1 if rest >= 6 else 0.5 if rest else 0)
    shown = f"{pay_months:g}"
    line = f"按您说的在这个单位干了{_period(months)}：经济补偿是 {shown} 个月工资"
    line += f"，按月工资 {wage:,} 元算约 {int(pay_months * wage):,} 元" if wage else ""
    line += f"；单位违法辞退的，赔偿金是它的二倍（{pay_months * 2:g} 个月工资）。"
    return (line + ("" if wage else f"{WAGE_ASK}。")
            + "职工自己有严重过错被解除的没有补偿；有争议一年内可以申请劳动仲裁。")


def worked_out(text: str, words: str, wage: int | None, asked_wage: bool) -> list[str]:
    """The worker's double wage or severance, when they ask how much (or tell the wage we
    asked for) and their words say they had no contract or were dismissed, and for how long.
    ``words``: the worker's recent messages, this one included; [] when nothing applies."""
    if asked_wage:
        wage = wage or next((int(s.value) for s in find_amounts(text)), None)
    elif not (_HOW_MUCH.search(text) or _NO_CONTRACT.search(text) or _DISMISSED.search(text)):
        return []
    months = months_worked(words)
    if not months:
        return []
    wage = wage or monthly_wage_in(words)
    if _NO_CONTRACT.search(words):
        return [double_wage_line(months, wage)]
    if _DISMISSED.search(words):
        return [severance_line(months, wage)]
    return []


def sums_for(tracker: Tracker) -> list[str]:
    """:func:`worked_out` on the conversation: the worker's recent words, the wage known,
    and whether the last reply asked for the wage."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not text or text.startswith("/"):
        return []
    wage = tracker.get_slot("monthly_wage")
    asked = _wage_asked(tracker)
    sums = worked_out(text, recent_words(tracker, limit=4),
                      int(wage) if isinstance(wage, (int, float)) else None, asked_wage=asked)
    if asked and any(WAGE_ASK in line for line in sums):
        return [WAGE_AGAIN]  # 那我能拿多少 right after the months were told: not all of it again
    return sums


def _wage_asked(tracker: Tracker) -> bool:
    """The last reply asked for the wage the sum waits for."""
    return said_this_turn(tracker, WAGE_ASK, earlier_turns=1) or said_this_turn(
        tracker, WAGE_AGAIN, earlier_turns=1)


def wage_told(tracker: Tracker) -> int | None:
    """The monthly wage the sums used, for the ticket (the slot, or a figure said after the
    wage was asked)."""
    wage = tracker.get_slot("monthly_wage")
    if isinstance(wage, (int, float)):
        return int(wage)
    text = (tracker.latest_message or {}).get("text") or ""
    words = recent_words(tracker, limit=4)
    if _wage_asked(tracker):
        return next((int(s.value) for s in find_amounts(text)), None) or monthly_wage_in(words)
    return monthly_wage_in(words)
