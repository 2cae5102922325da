"""A month's figure said for several months: 每个月都扣俺五百 扣了仨月了 / 这是一个月的 俺三个月都这么干的 那一共多少.

The rounds found the month's figure given as the total again and again (VM-3: 3,250 for three months of the
same overtime, 9,750; VM-10: 500 for three months of 500 docked, 1,500; round 62's VI-1 for a crew). One reader
here: the figure of one month — told by the worker (每个月扣五百) or the bot's last month of overtime worked out —
times the months the worker says it went on, when a total is asked or the months are said to be alike.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rasa_sdk import Tracker

from actions.common import recent_replies
from actions.fact_tables import owed_total_reply
from actions.facts import worker_messages
from actions.legal import total_asked
from bot.normalize.numbers import find_amounts, find_durations, iso_months

# 每个月都扣俺五百 / 每月少给我三百 / 一个月扣500: the worker's own figure of one month
_PER_MONTH = re.compile(r"(?:每个?月|一个月|每月)(?:都|还|又)?(扣|罚|少给|少发|差|欠|压|押|克扣)(?:了)?"
                        r"(?:我|俺|我们|俺们)?(?:的)?\s*$")
# 三个月都这么干的 / 每个月都这样 / 一直这样 / 月月都是: the months alike
_ALIKE = re.compile(r"每个?月都|月月都|个月都(?:这样|这么|是这样|一样|如此)|都(?:这么|这样)(?:干|上|加|扣|发)|"
                    r"一直(?:这样|这么)")
_OVERTIME_MONTH = re.compile(r"合计：依法应付加班工资不少于 ([\d,]+(?:\.\d+)?) 元")
_WHAT = {"扣": "扣", "罚": "罚", "克扣": "扣", "少给": "少给", "少发": "少发", "差": "差", "欠": "欠",
         "压": "压", "押": "押"}


def _months(text: str) -> int | None:
    """The months the message says (扣了仨月了 / 三个月都这么干的), the largest; None when none or one."""
    found = [m for m in (iso_months(str(span.value)) for span in find_durations(text)) if m]
    return max(found) if found and max(found) > 1 else None


def _told_per_month(words: str) -> tuple[str, int] | None:
    """(what, figure) of the worker's own month (每个月都扣俺五百 → (扣, 500)), the latest told."""
    found = None
    for span in find_amounts(words):
        before = _PER_MONTH.search(words[max(0, span.start - 12):span.start])
        if isinstance(span.value, (int, float)) and before:
            found = (_WHAT[before.group(1)], int(span.value))
    return found


def month_times_reply(tracker: Tracker) -> str | None:
    """The figure of one month times the months it went on, when the latest message asks the total of
    those months or says they were alike; None when there is no month's figure or no months."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not text or text.startswith("/") or not (total_asked(text) or _ALIKE.search(text)):
        return None
    words = "\n".join(worker_messages(tracker, limit=6))
    if not (months := _months(text) or (_months(words) if _ALIKE.search(words) else None)):
        return None
    if told := _told_per_month(words):
        what, figure = told
        return (f"按您说的：每个月{what} {figure:,} 元，{months} 个月一共 {figure:,} × {months} = "
                f"{figure * months:,} 元（每个月数目不一样的话，告诉我每个月各多少，我重算）。")
    if _ALIKE.search(words) or _ALIKE.search(text):
        month = next((found for line in recent_replies(tracker, earlier_turns=4)
                      if (found := _OVERTIME_MONTH.search(line))), None)
        if month:
            one = Decimal(month.group(1).replace(",", ""))
            return (f"按您说的每个月加班都一样：一个月不少于 {one:,.2f} 元，{months} 个月一共 {one:,.2f} × {months} = "
                    f"{one * months:,.2f} 元（哪个月加班的天数或时长不一样，告诉我，我按月重算）。")
    return None


def owed_or_months_total(tracker: Tracker) -> str | None:
    """The total asked inside a case: a month's figure times its months first (VM-3: the month's 3,250 said as
    the total), else the case's own total owed (fact_tables.owed_total_reply)."""
    return month_times_reply(tracker) or owed_total_reply(tracker)

