"""The facts of a worker's case, named once: which facts there are, what the worker calls them,
and how a value reads back (9500 → 9,500 元, P3M → 3个月).

Shared by the forms (reading and confirming facts), the tickets (the summary before a case is
filed) and the wage flows (what a wage-arrears case holds). At import it needs nothing of
``actions/``, so those modules share the tables without importing each other; reading the
overtime days back loads ``actions.overtime_days`` when first asked (that module imports no
table of ours).
"""

from __future__ import annotations

import re
from typing import Any

from bot.contract import OCCUPATION_NAMES

# The facts every message is read for (action_validate_slot_mappings), whatever was asked.
CASE_FACTS = ("employer", "amount", "monthly_wage", "medical_cost", "duration",
              "workers_affected", "child_grade", "hukou_status", "school_problem",
              "holiday_situation", "occupation", "overtime_days", "hardship_status")
# Facts a case can go without: 不知道 is kept as 不清楚, and after two tries the form moves on.
OPTIONAL_FACTS = {"employer", "amount", "duration", "workers_affected", "hukou_status",
                  "school_problem", "occupation", "holiday_situation"}
# What a wage-arrears case holds (asked by its form, summed up, filed, then cleared).
ARREARS_FACTS = ("employer", "amount", "duration", "workers_affected")
# Each fact in the worker's words, for summaries and "已更正" lines.
FACT_NAMES = {"employer": "单位", "amount": "金额", "monthly_wage": "月工资",
              "medical_cost": "自付医疗费", "duration": "欠薪时间", "workers_affected": "人数",
              "child_grade": "年级", "hukou_status": "户口情况", "school_problem": "遇到的问题",
              "holiday_situation": "过年安排", "occupation": "工作", "overtime_days": "加班日子",
              "hardship_status": "困难建档", "district": "地点", "city": "城市",
              "phone": "手机号", "service": "事项", "question": "您说的情况",
              "contact_name": "联系人", "daily_wage": "日工资", "hourly_wage": "小时工资",
              "case_points": "情况要点", "time_worked": "在这个单位干了", "call_time": "方便接电话的时间",
              "related_ticket": "关联工单", "ticket_id": "工单号"}
_MONEY_FACTS = ("amount", "monthly_wage", "medical_cost", "daily_wage", "hourly_wage")

# A wage said by the day or the hour (一天三百, 一小时20): the month it stands for is what every
# sum uses (monthly_wage); what the worker reads back is the pay as said (round 17/19: 日薪 300
# was shown as 月工资 6,525 to a worker who has no monthly wage).
_WAGE_UNITS = {"day": ("daily_wage", 21.75), "hour": ("hourly_wage", 21.75 * 8)}
WAGE_FACTS = ("monthly_wage", "daily_wage", "hourly_wage")


def wage_as_said(monthly: Any, basis: Any) -> tuple[str, Any]:
    """(fact, value) of a wage as the worker said it: ("daily_wage", 300) for 一天三百."""
    if basis in _WAGE_UNITS and isinstance(monthly, (int, float)):
        fact, per = _WAGE_UNITS[basis]
        said = round(monthly / per, 2)
        return fact, int(said) if said == int(said) else said
    return "monthly_wage", monthly

# How a correction said on the ticket offer is added to the worker's account of the case.
CORRECTED = "；更正："

# The case's own names (the ticket's facts) for what the forms call medical_cost and so on.
CASE_ALIASES = {"medical_cost": "medical_out_of_pocket_yearly", "holiday_situation": "situation"}
SLOT_OF_CASE_FACT = {case: slot for slot, case in CASE_ALIASES.items()}


def fact_text(slot: str, value: Any) -> str:
    """A fact as the worker reads it back: 9500 → 9,500 元, P3M → 3个月."""
    if value is None:
        return ""
    if slot == "overtime_days" and isinstance(value, str):
        from actions.overtime_days import describe_worked  # (it imports no table of ours)

        return describe_worked(value)  # the days read, not the worker's whole message (GG-06, II-16)
    if slot in _MONEY_FACTS and isinstance(value, (int, float)):
        return f"{int(value):,} 元" if value == int(value) else f"{value:,.2f}".rstrip("0") + " 元"
    if slot == "duration" and isinstance(value, str) and re.fullmatch(r"P\d+[YMWD]", value):
        units = {"Y": "年", "M": "个月", "W": "周", "D": "天"}
        return f"{value[1:-1]}{units[value[-1]]}"
    if slot == "duration" and isinstance(value, str) and (m := re.fullmatch(r"P(\d+)M15D", value)):
        return f"{m.group(1)}个半月"  # 一个半月
    if slot == "question" and isinstance(value, str) and CORRECTED in value:
        first, *fixes = value.split(CORRECTED)  # the account cut, the last correction whole
        return f"{first[:40]}…{CORRECTED}{fixes[-1][:60]}"
    if slot == "question" and isinstance(value, str) and len(value) > 120:
        # the worker's own words; the ticket keeps them whole (HH-06: 60 characters cut the
        # injury, the cost and the days in hospital from what the worker checked)
        return value[:120] + "…"
    if slot == "workers_affected" and isinstance(value, int):
        return "就您一个" if value == 1 else f"{value} 人"
    names = {"stay": "留下过年", "return": "节后错峰返乡/返岗", **OCCUPATION_NAMES,
             "none": "未建档"}
    return names.get(str(value), str(value))
