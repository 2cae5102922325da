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
from bot.normalize.numbers import find_amounts

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



# --- what a wage case comes to, asked back (XQ-9) ------------------------------------------------

# 那隆祥一共欠我们多少 / 总共是多少钱 / 加起来多少 after the wage case was summed up (XQ-9: 没有现成的准确答案
# in the form, the menu after filing): the total is the conversation's own sum, never a record's
_TOTAL_ASKED = re.compile(r"(?:一共|总共|合计|加起来|加一块|加在一起|总数|统共|拢共|总的)\S{0,10}?"
                          r"(?:多少|几多|好多|啥数|几万|几千)|"
                          r"(?:多少|几多|好多)(?:钱)?\S{0,3}(?:一共|总共|合计|加起来)")
# a total of another sum (the overtime, a severance, a subsidy, medical costs) is not the pay owed
_OTHER_SUM = re.compile(r"加班|补偿|赔偿|二倍|双倍|医疗|医药|看病|补贴|红包|路费|保底|保障|救助|差额|少发|少给")
# 总共能要多少 / 一共能拿多少: every claim added up (legal.claims_total), of which the pay owed is one
_CLAIMS_ASKED = re.compile(r"能要|能拿|能赔|该拿|该给|能补|能多要|要回来多少|能要回")
# 每人两个月 / 每个人一万二 / 一人一万二 / 人均 (XQ-9: 隆祥公司欠我们三个人每人两个月 每月六千): the sum said is one
# worker's, the total is it times the workers (就我一个人 is no sum per head)
_PER_HEAD = re.compile(r"每(?:个)?人|人均|每(?:个|位)工友|各欠|一人(?=[\d一二两三四五六七八九十]|各|都)")
_SUMMARY_HEAD = re.compile(r"请核对一下要登记的|要登记的内容：")
_SUMMARY_LINE = re.compile(r"^·\s*([^：:]+)[：:]\s*(.+)$")
_MONTHS = re.compile(r"P(\d+)M$")


# 还有一万二没给呢 / 一万二啊 / 他欠俺一万二 right after the crisis reply (XQ: the listening line, the sum left in a
# slot and the wage case never taken up — no word of 钱 or 工资 in it): a sum of pay owed told
_OWED_WORDS = re.compile(r"欠|没给|没发|没结|拖|不给|不发|要不回|讨|工资|工钱|血汗钱|薪")


def owed_sum_told(text: str, said_now: dict[str, Any], words: str) -> bool:
    """A sum of pay owed the message tells: a sum owed read from it (``said_now``: the slots it set),
    owing said in it or in the worker's recent ``words`` (老板跑了 工资也要不回来, then 一万二啊)."""
    owed = said_now.get("amount")
    return isinstance(owed, (int, float)) and not isinstance(owed, bool) and owed > 0 \
        and bool(_OWED_WORDS.search(text or "") or _OWED_WORDS.search(words or ""))


# 一共该给我多少 in a case of pay owed alone (XY-11: 3 × 4,200 owed, the menu): that pay is what is to be given;
# with another claim in the talk (dismissed, no contract, overtime, a deposit), every claim is (legal.claims_total)
_PAY_TO_BE_GIVEN = re.compile(r"该给(?:我|俺|我们|俺们)?(?:多少|几多)")
_OTHER_CLAIM_TALKED = re.compile(r"辞退|开除|开了我|辞了我|让我走|补偿|赔偿|双倍|二倍|合同|工伤|押金|加班|社保|公积金")


def asks_owed_total(text: str, words: str | None = None) -> bool:
    """The message asks what the pay owed comes to altogether (一共欠我们多少), not another sum;
    一共该给我多少 too when the worker's ``words`` (the talk so far) name no other claim."""
    text = text or ""
    if not _TOTAL_ASKED.search(text) or _OTHER_SUM.search(text):
        return False
    if not _CLAIMS_ASKED.search(text) or "欠" in text:
        return True
    return words is not None and bool(_PAY_TO_BE_GIVEN.search(text)) \
        and not _CLAIMS_ASKED.search(_PAY_TO_BE_GIVEN.sub(" ", text)) and not _OTHER_CLAIM_TALKED.search(words)


def _number(said: str) -> int | None:
    found = re.match(r"\s*([\d,]+)", said or "")
    return int(found.group(1).replace(",", "")) if found else None


def facts_read_back(lines: list[str]) -> dict[str, Any]:
    """The wage facts of a summary the bot said (· 金额：12,000 元 / · 人数：3 人 / · 欠薪时间：2个月):
    what the conversation holds once the case's slots were cleared at filing."""
    by_name = {name: slot for slot, name in FACT_NAMES.items()}
    facts: dict[str, Any] = {}
    for line in lines:
        found = _SUMMARY_LINE.match(line.strip())
        slot = by_name.get(found.group(1).strip()) if found else None
        said = found.group(2).strip() if found else ""
        if slot in ("amount", "monthly_wage"):
            facts[slot] = _number(said)
        elif slot == "workers_affected":
            facts[slot] = 1 if said.startswith("就您一个") else _number(said)
        elif slot == "duration" and (months := re.fullmatch(r"(\d+)个月", said)):
            facts[slot] = f"P{months.group(1)}M"
        elif slot == "employer" and said and said != "不清楚":
            facts[slot] = said
    return {k: val for k, val in facts.items() if val is not None}


def _owed_parts(facts: dict[str, Any], words: str) -> tuple[int, int | None, str, bool] | None:
    """(the sum said, the workers, how it was worked out, whether it is one worker's of several)."""
    amount, wage, count = facts.get("amount"), facts.get("monthly_wage"), facts.get("workers_affected")
    months = _MONTHS.match(str(facts.get("duration") or ""))
    if not isinstance(amount, int) and isinstance(wage, int) and months:
        amount = wage * int(months.group(1))  # (the months told, the sum not yet asked)
    if not isinstance(amount, int) or amount <= 0:
        return None
    from_wage = isinstance(wage, int) and months is not None and amount == wage * int(months.group(1))
    how = f"每月 {wage:,} 元 × {months.group(1)} 个月" if from_wage and months else ""
    count = count if isinstance(count, int) else None
    per_head = bool(count and count > 1 and (from_wage or _PER_HEAD.search(words or "")))
    return amount, count, how, per_head


def owed_total_text(facts: dict[str, Any], words: str) -> str | None:
    """What the pay owed comes to, from the case's facts: the sum said is one worker's when it was
    worked out from one month's pay (每月六千 × 两个月) or said per head (每人), and the total is it
    times the workers; else it is the total itself. None without a sum owed."""
    parts = _owed_parts(facts, words)
    if parts is None:
        return None
    amount, count, how, per_head = parts
    whose = facts["employer"] if isinstance(facts.get("employer"), str) and facts["employer"] != "不清楚" else ""
    if per_head and count:
        each = f"每人 {amount:,} 元（{how}）" if how else f"每人 {amount:,} 元"
        return (f"按您说的：{each}，{count} 个人一共 {amount * count:,} 元"
                + (f"（{whose}欠的）" if whose else "") + "。")
    owed = f"一共 {amount:,} 元" + (f"（{how}）" if how else "")
    you = "你们" if count and count > 1 else "您"
    return f"按您说的：{whose}欠{you}的{owed}。"


def owed_total_line(facts: dict[str, Any], words: str) -> str | None:
    """The wage summary's line for a sum that is one worker's of several (XQ-9: 金额 12,000 元 beside
    人数 3 read as the whole debt): · 合计：每人 12,000 元，3 人共 36,000 元. None otherwise."""
    parts = _owed_parts(facts, words)
    if parts is None or not parts[3] or not parts[1]:
        return None
    amount, count, _, _ = parts
    return f"· 合计：每人 {amount:,} 元，{count} 人共 {amount * (count or 0):,} 元"


def owed_total_reply(tracker: Any) -> str | None:
    """一共欠我们多少 about the wage case of this conversation: its total (:func:`owed_total_text`) from
    the case's slots, else from the offer's facts, else from the summary the bot said last (the slots
    are cleared at filing). None when not asked so, or no sum owed was told."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    words = " ".join((e.get("text") or "") for e in tracker.events[-120:] if e.get("event") == "user")
    if text.startswith("/") or not asks_owed_total(text, words):
        return None
    if any(isinstance(span.value, (int, float)) and span.value >= 100 for span in find_amounts(text)):
        return None  # 两个月工资 一个月五千 一共该给多少: worked out from what is told now (round 48's sum line)
    facts = {slot: tracker.get_slot(slot) for slot in (*ARREARS_FACTS, "monthly_wage")}
    facts = {k: val for k, val in facts.items() if val not in (None, "", "不清楚")}
    case = tracker.get_slot("pending_case") if "pending_case" in tracker.slots else None
    if not facts.get("amount") and isinstance(case, dict) and isinstance(case.get("facts"), dict):
        facts = {**{k: val for k, val in case["facts"].items() if k in (*ARREARS_FACTS, "monthly_wage")}, **facts}
    if not facts.get("amount") and not facts.get("monthly_wage"):
        said = next((e.get("text") or "" for e in reversed(tracker.events)
                     if e.get("event") == "bot" and _SUMMARY_HEAD.search(e.get("text") or "")), "")
        facts = {**facts_read_back(said.splitlines()), **facts}
    return owed_total_text(facts, words)
