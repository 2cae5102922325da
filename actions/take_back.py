"""算了不办了, then 还是办吧: a case cancelled or declined a moment ago is taken up again with
everything the worker had told.

Round 41: after 还是办吧 孩子上学要紧 the school form asked the grade and the problem again (YR-15),
after 想了想还是办吧 the wage form asked employer, amount and time again (YQ-14), and 没说不登记啊 要
登记 帮我登记 right after a declined offer got 没太明白 (YR-01). The cancel clears the form's slots
so that nothing half-filled is submitted; what they held is still in the conversation's events,
and is read back from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.common import bot_said
from actions.overtime_calculator import TOTAL_LABEL

# the worker takes the cancel or the no back: 还是办吧 / 算了还是登记吧 / 没说不登记啊 要登记
# 谁说不登记了 俺要登记 (XP-7: 好的，先不登记 — twice) / 哪个说不办了 / 我啥时候说不登记了: the no denied
# (不要登记 / 别给我登记 hold 要登记 and 给我登记, and are no yes)
_TAKE_BACK = re.compile(r"还是(?:要|得|想|给我|帮我)?(?:办|登记|报|弄|申请|要|查)|(?:接着|继续|重新)(?:办|登记|弄|报)|"
                        r"^(?:那|那就)?(?:继续|接着来)[吧呗啊。！!]*$|"
                        r"不取消|别取消|不是不(?:办|登记|要)|没说(?:过|了)?不(?:办|登记|要)|没说不用|"
                        r"(?:谁|哪个|哪位)说(?:了|过)?(?:我|俺|咱)?(?:不|别)(?:办|登记|要了|要登记|要办|用了|用登记)|"
                        r"(?:啥|什么)时候说(?:了|过)?(?:不|别)(?:办|登记|要了|要登记|要办|用了|用登记)|"
                        r"(?<![不别甭])(?:要|得|帮我|给我|帮俺|给俺)登记|不是说(?:不办|算了)")
_CANCELLED = "已经取消了"      # utter_cancel
_DECLINED = "先不登记"         # utter_no_ticket


@dataclass
class DroppedCase:
    """What a cancel or a declined offer left behind: the form it closed and the slots it held,
    or the parked case the offer was for."""
    form: str | None
    slots: dict[str, Any] = field(default_factory=dict)
    pending: dict[str, Any] | None = None


def takes_it_back(text: str) -> bool:
    """还是办吧 / 没说不登记啊 要登记: the worker wants the case they just dropped after all."""
    return bool(_TAKE_BACK.search(text or ""))


def _drop_index(events: list[dict]) -> int | None:
    """Index of the latest bot line that cancelled a form or declined an offer."""
    for i in range(len(events) - 1, -1, -1):
        text = events[i].get("text") or "" if events[i].get("event") == "bot" else ""
        if _CANCELLED in text or _DECLINED in text:
            return i
    return None


def dropped_case(tracker: Tracker, within: int = 3) -> DroppedCase | None:
    """The case cancelled or declined within the worker's last ``within`` messages (the
    current one included), with the slot values it held just before; None otherwise."""
    events = list(tracker.events)
    at = _drop_index(events)
    if at is None or sum(e.get("event") == "user" for e in events[at:]) > within:
        return None
    before: dict[str, Any] = {}
    form = None
    start = at
    while start > 0 and events[start].get("event") != "user":  # the turn the drop was said in
        start -= 1
    for event in events[:start]:
        if event.get("event") == "slot":
            before[event["name"]] = event.get("value")
        elif event.get("event") == "active_loop" and event.get("name"):
            form = event["name"]
    for event in events[start:at]:  # the form's last fills on the drop's own turn, not its reset
        if event.get("event") == "slot" and event.get("value") not in (None, "", [], {}):
            before[event["name"]] = event["value"]
    pending = before.get("pending_case") if isinstance(before.get("pending_case"), dict) else None
    kept = {k: val for k, val in before.items() if val not in (None, "", [], {})}
    return DroppedCase(form=form, slots=kept, pending=pending if pending and pending.get("type") else None)


def restored(tracker: Tracker, dropped: DroppedCase, domain: dict[str, Any]) -> list[dict]:
    """The form's slots the drop cleared, set again (and on the tracker, for the form's first
    validation); what the worker said since is kept."""
    required = (domain.get("forms", {}).get(dropped.form) or {}).get("required_slots", []) \
        if dropped.form else []
    events = []
    for slot in required:
        if tracker.get_slot(slot) in (None, "", []) and slot in dropped.slots:
            tracker.slots[slot] = dropped.slots[slot]
            events.append(SlotSet(slot, dropped.slots[slot]))
    return events


# 要是他不给这三千多呢 工会能帮俺去要吗 / 那你帮俺登记一下吧 right after the overtime sum (YS-03: a
# station card, then 请说说您遇到的具体情况 — the case just worked out was forgotten)
_HELP_TO_CLAIM = re.compile(r"(?:工会|你们)\S{0,4}(?:帮|替)(?:俺|我|咱)?\S{0,3}(?:要|讨|追|争取)|"
                            r"(?:帮|替)(?:俺|我)(?:去)?(?:要|讨|追)(?:回来|钱|一下)?|"
                            r"(?:帮|给)(?:俺|我)(?:登记|报|办)(?:一下|上)?|登记一下|开(?:个|张)?(?:工)?单")
_OVERTIME_SUM = re.compile(re.escape(TOTAL_LABEL) + r" ([\d,]+(?:\.\d+)?) 元")


def overtime_sum_to_file(tracker: Tracker, text: str) -> dict[str, Any] | None:
    """The overtime case the bot just worked out (its sum in the replies to the last three
    messages), when the worker asks the union to help claim it or to register it; None
    otherwise."""
    if text.startswith("/") or not _HELP_TO_CLAIM.search(text) or tracker.active_loop_name:
        return None
    found = bot_said(tracker, _OVERTIME_SUM, earlier_turns=3)
    if found is None:
        return None
    facts: dict[str, Any] = {"overtime_days": tracker.get_slot("overtime_days"),
                             "amount": int(float(found.group(1).replace(",", "")))}
    if isinstance(wage := tracker.get_slot("monthly_wage"), (int, float)):
        facts["monthly_wage"] = wage
    if short := bot_said(tracker, _SHORT_SAID, earlier_turns=3):
        # 厂里就给了我一千块 那还差多少, then 能让工会帮我要吗 (XI-2: filed 3,972, the 1,000 paid left off)
        facts["amount"] = int(float(short.group(2).replace(",", "")))
        facts["case_points"] = f"单位已付 {short.group(1)} 元，按法定标准还差 {short.group(2)} 元"
    return {k: val for k, val in facts.items() if val not in (None, "")}


_SHORT_SAID = re.compile(r"单位给了 ([\d,]+) 元，按法定标准还差 ([\d,]+(?:\.\d+)?) 元")
