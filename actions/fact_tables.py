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

from bot.contract import OCCUPATION_NAMES, PROVINCE_NAMES

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


# Places by name: 沈阳, 哈尔滨, 义乌 … (XO-6: 俺们沈阳最低工资现在是多少啊 寻思去深圳 got 深圳's figure twice,
# then 没太明白): the cities a worker may name whose records may not be here. Named in a question about a place's
# own figure (the minimum wage), each is answered for itself — its record, or plainly none, never
# another place's. (Bare names that mean something else inside a sentence are left out: 朝阳, 来宾,
# 白银, 大同, 安康, 中山, 黄山, 北海, 通化, 延安.)
_CITY_NAMES = (
    "石家庄|唐山|秦皇岛|邯郸|邢台|保定|张家口|承德|沧州|廊坊|衡水|太原|阳泉|长治|晋城|朔州|"
    "晋中|运城|忻州|临汾|吕梁|呼和浩特|包头|乌海|赤峰|通辽|鄂尔多斯|呼伦贝尔|沈阳|大连|鞍山|"
    "抚顺|本溪|丹东|锦州|营口|阜新|辽阳|盘锦|铁岭|葫芦岛|长春|四平|辽源|白山|松原|白城|延吉|"
    "哈尔滨|齐齐哈尔|鸡西|鹤岗|双鸭山|大庆|伊春|佳木斯|七台河|牡丹江|绥化|南京|无锡|徐州|常州|"
    "苏州|南通|连云港|淮安|盐城|扬州|镇江|泰州|宿迁|昆山|江阴|张家港|杭州|宁波|温州|嘉兴|"
    "湖州|绍兴|金华|衢州|舟山|台州|丽水|义乌|合肥|芜湖|蚌埠|淮南|马鞍山|淮北|铜陵|安庆|滁州|"
    "阜阳|宿州|六安|亳州|池州|宣城|福州|厦门|莆田|三明|泉州|漳州|南平|龙岩|宁德|晋江|福鼎|"
    "南昌|景德镇|萍乡|九江|新余|鹰潭|赣州|吉安|宜春|抚州|上饶|济南|青岛|淄博|枣庄|东营|烟台|"
    "潍坊|济宁|泰安|威海|日照|临沂|德州|聊城|滨州|菏泽|郑州|开封|洛阳|平顶山|安阳|鹤壁|新乡|"
    "焦作|濮阳|许昌|漯河|三门峡|南阳|商丘|信阳|周口|驻马店|武汉|黄石|十堰|宜昌|襄阳|鄂州|"
    "荆门|孝感|荆州|黄冈|咸宁|随州|长沙|株洲|湘潭|衡阳|邵阳|岳阳|常德|张家界|益阳|郴州|永州|"
    "怀化|娄底|广州|韶关|深圳|珠海|汕头|佛山|江门|湛江|茂名|肇庆|惠州|梅州|汕尾|河源|阳江|"
    "清远|东莞|潮州|揭阳|云浮|南宁|柳州|桂林|梧州|防城港|钦州|贵港|玉林|百色|贺州|河池|崇左|"
    "海口|三亚|儋州|成都|自贡|攀枝花|泸州|德阳|绵阳|广元|遂宁|内江|乐山|南充|眉山|宜宾|广安|"
    "达州|雅安|巴中|资阳|贵阳|六盘水|遵义|安顺|毕节|铜仁|昆明|曲靖|玉溪|保山|昭通|丽江|临沧|"
    "拉萨|西安|铜川|宝鸡|咸阳|渭南|汉中|榆林|商洛|兰州|嘉峪关|金昌|天水|武威|张掖|平凉|酒泉|"
    "庆阳|定西|西宁|银川|石嘴山|吴忠|固原|中卫|乌鲁木齐|克拉玛依|吐鲁番|哈密")
_PLACE_NAME = re.compile("|".join(sorted({*_CITY_NAMES.split("|"), *PROVINCE_NAMES}, key=len, reverse=True)))
_DENIED_BEFORE = re.compile(r"(?:不是|不在|没在|而不是|不要)\s*$")


def places_named(text: str) -> list[str]:
    """The cities and provinces a message names, in the order said, each once: a province said
    right before its city (辽宁沈阳) is the city's, and a place denied (不是深圳) is none asked."""
    found = list(_PLACE_NAME.finditer(text or ""))
    named: list[str] = []
    for i, match in enumerate(found):
        name = match.group(0)
        followed = i + 1 < len(found) and found[i + 1].start() <= match.end() + 1
        if (name in PROVINCE_NAMES and followed and found[i + 1].group(0) not in PROVINCE_NAMES) \
                or _DENIED_BEFORE.search(text[:match.start()]) or name in named:
            continue
        named.append(name)
    return named

