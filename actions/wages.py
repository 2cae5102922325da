"""Wage flows: arrears (advice and a ticket), the overtime/holiday pay calculator, minimum wage."""

from __future__ import annotations

import re
from decimal import Decimal

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.backend_client import BackendError, BackendUnavailable
from actions.common import SafeAction, client, location, policies_for, said_this_turn
from actions.fact_tables import ARREARS_FACTS, wage_as_said
from actions.facts import recent_words, worker_messages
from actions.holiday_calendar import DayKind, classify
from actions.legal import stoppage_pay_line
from actions.overtime_calculator import daily_wage, money, overtime_pay, yuan
from actions.overtime_days import WorkedText, festival_year_of_the_talk, read_worked_days
from actions.tickets import context_facts, file_case, offer_ticket
from bot.normalize.numbers import find_amounts, find_durations, iso_months, parse_amount
from bot.normalize.text import normalize_text


def months_in(duration: str) -> float | None:
    """P3M → 3, P1M15D (一个半月, XE-7: 能要回多少 with no figure) → 1.5; None for any other span."""
    found = re.fullmatch(r"P(\d+)M(?:(15)D)?", duration or "")
    if not found or found.group(1) == "0":
        return None
    return int(found.group(1)) + (0.5 if found.group(2) else 0)


# 干了一个半月 说好一个月三千五 能要回多少 / 欠了俩月 一个月五千 一共该给多少 (XE-7: the wage form
# asked the employer, the sum never said)
_OWED_ASKED = re.compile(r"(?:要|拿|讨)回(?:来)?多少|一共\S{0,4}多少|总共\S{0,4}多少|加起来\S{0,3}多少|"
                         r"该给(?:我|俺)?多少|能要多少|能拿多少|能要回|要回来多少")


def owed_sum_reply(tracker: Tracker, said: dict) -> str | None:
    """The pay owed worked out from the month's pay and the months told, when the message asks
    how much and the case's sum was worked out from them this turn (``said``: the slots set)."""
    text = (tracker.latest_message or {}).get("text") or ""
    wage, owed = said.get("monthly_wage") or tracker.get_slot("monthly_wage"), said.get("amount")
    months = months_in(str(said.get("duration") or tracker.get_slot("duration") or ""))
    if not _OWED_ASKED.search(text) or not isinstance(wage, int) or not isinstance(owed, int) \
            or not months or owed != round(wage * months):
        return None
    return (f"按您说的：每月 {wage:,} 元 × {months:g} 个月 = {owed:,} 元，这是单位欠您的工资，应当足额补发；"
            "劳动监察部门责令限期支付仍不付的，单位还要加付应付金额50%以上100%以下的赔偿金"
            "（《劳动合同法》第三十条、第八十五条）。")


def arrears_advice(policy: dict) -> str:
    details = policy.get("details") or {}
    hotlines = details.get("hotlines") or {}
    lines = []
    if details.get("evidence"):
        lines.append("先请保留好这些证据：" + "；".join(details["evidence"]) + "。")
    if details.get("arbitration_deadline"):
        lines.append(details["arbitration_deadline"])
    if hotlines:
        lines.append("可以打的电话：" + "、".join(f"{k} {v}" for k, v in hotlines.items()) + "。")
    return "\n".join(lines) or policy.get("summary", "")


class ActionSubmitWageArrears(SafeAction):
    """What to do now (from the backend), and a wage-arrears ticket for the station."""

    def name(self) -> str:
        return "action_submit_wage_arrears"

    async def act(self, dispatcher, tracker, domain):
        city, district = location(tracker)
        try:
            policies = await policies_for("wage_arrears", city, district, client())
            if policies:
                dispatcher.utter_message(text=arrears_advice(policies[0]))
        except (BackendUnavailable, BackendError):
            pass  # the advice can wait; the case cannot (it is filed or queued below)
        facts = {slot: tracker.get_slot(slot) for slot in ARREARS_FACTS}
        facts.update(context_facts(tracker, facts))  # the job and the pay, as the summary showed
        await file_case(dispatcher, tracker, "wage_arrears", facts)
        return [SlotSet(slot, None) for slot in (*ARREARS_FACTS, "case_confirmed", "case_id")]


class ActionCalculateOvertime(SafeAction):
    """The pay the law requires for the days the worker names, with the working shown."""

    def name(self) -> str:
        return "action_calculate_overtime"

    async def act(self, dispatcher, tracker, domain):
        held = tracker.get_slot("overtime_days") or ""
        events: list = []
        if (dated := festival_year_of_the_talk(held, worker_messages(tracker, 6)[:-1])) is not None:
            # 初一上班那天该给多少 after 今年过年 … 大年初一上了班 (XO-16: dated to the festival to come)
            held, events = dated, [SlotSet("overtime_days", dated)]
        worked = read_worked_days(held)
        pay = overtime_pay(tracker.get_slot("monthly_wage"), worked.statutory_days,
                           worked.rest_days, worked.extended_hours, dates=worked.dates,
                           comp_days=worked.comp_days, basis=tracker.get_slot("wage_basis"),
                           rest_hours=worked.rest_hours, holiday_hours=worked.holiday_hours)
        text = (tracker.latest_message or {}).get("text") or ""
        if all_in_wage_asked(text) and pay.total:
            # 厂里说4350里已经含加班费了 这样行吗 (XI-11: the sum again, word for word)
            said = said_this_turn(tracker, "合计：依法应付加班工资", earlier_turns=3)
            if not said:
                dispatcher.utter_message(text="按《劳动法》第四十四条计算：\n" + _daily_line(worked) + pay.explain())
            wage = next((int(s.value) for s in find_amounts(normalize_text(text))
                         if isinstance(s.value, (int, float)) and s.value >= 1000), None)
            dispatcher.utter_message(text=all_in_wage_line(wage or int(tracker.get_slot("monthly_wage") or 0),
                                                           pay.total, await minimum_wage_record(tracker)))
            return events
        dispatcher.utter_message(text="按《劳动法》第四十四条计算：\n" + _daily_line(worked)
                                 + pay.explain())
        recent = worker_messages(tracker, 4)  # (read once: the rate, the pay per day, a payment told)
        said_rate = rate_offered(" ".join(recent[-3:]))
        rate_said = next((t for t in reversed(recent[-3:]) if rate_offered(t)), "")
        if (short := rate_shortfall(pay, said_rate, rate_said)) is not None:
            dispatcher.utter_message(text=short)
        paid = paid_so_far((tracker.latest_message or {}).get("text") or "")
        if paid is None:  # 加班费只给了800 with the days, then 不对 周六是三个 (XM-6: read as 800 a day × 3)
            paid = paid_so_far(str(held))
        days = sum((line.quantity for line in pay.lines if line.kind != DayKind.WORKDAY), Decimal(0))
        if paid is None and days and (per_day := paid_per_day(" ".join(recent[-3:]))):
            paid = per_day * days
            dispatcher.utter_message(text=f"单位按一天 {per_day:,.0f} 元给了 {days:g} 天，共 {paid:,.0f} 元。")
        if paid is not None and paid < pay.total:
            # 老板只按平时一天200给的 一共给了600 那还差我多少 (K-02): the shortfall, not the form again
            dispatcher.utter_message(text=f"单位给了 {paid:,.0f} 元，按法定标准还差 "
                                          f"{pay.total - paid:,.2f} 元。")
            # 就多给了100快 (XI-15: 金额 100 元 on the case): the sum owed is the shortfall, not the sum paid
            events.append(SlotSet("amount", float((pay.total - paid).quantize(Decimal("0.01")))))
        if minimum_wage_asked(text) and (line := await minimum_wage_answer(tracker)):
            dispatcher.utter_message(text=line)  # 还有青岛最底工资多少 (XI-15: dropped twice)
        if worked.needs_period:  # 天天加班三个小时: one day's figure; the total needs the period
            dispatcher.utter_message(text=f"上面是加班一天（{worked.hours_per_day:g} 小时）的钱。"
                                          f"{PERIOD_QUESTION}比如：三个月、40天，我帮您算总数。")
            return events
        total = pay.total
        if worked.weekly_days and (hours := worked.extended_hours + worked.rest_hours
                                   + 8 * worked.rest_days) > 36:
            # 每天十个钟头 一个礼拜六天: 80 hours a month, more than the law allows at all
            dispatcher.utter_message(text=f"另外，这样算一个月加班约 {hours:g} 小时；《劳动法》第四十一条规定每月"
                                          "加班一般不得超过 36 小时，超出的可以向劳动监察（12333）反映。")
        elif (worked.workdays_counted and worked.workdays <= 23 or worked.hours_a_month) \
                and (hours := _month_hours(worked)) > 36:
            # 上个月22个工作日每日都加班两个钟 (YM-16: 44 hours in a month, the cap never said); 一个月
            # 大概44个小时 (YO-03) likewise; 还有四个星期六 (YS-02: 44 + 32 = 76)
            dispatcher.utter_message(text=f"另外，这样一个月加班 {hours:g} 小时；《劳动法》第四十一条"
                                          "规定每月加班一般不得超过 36 小时，超出的可以向劳动监察（12333）反映。")
        monthly = worked.weekly_days or worked.month_days or (
            worked.hours_a_month and not worked.dates and not worked.statutory_days) or (
            # 每个月都这样加 … 已经半年了 after 上个月每天多干俩钟头 干了20天 四个周六 (XI-11: one month filed)
            not worked.dates and not worked.statutory_days and (worked.workdays_counted or worked.rest_days)
            and bool(EVERY_MONTH.search(recent_words(tracker, limit=3))))
        if monthly and (months := months_of_it(tracker)):  # (一个月40个小时 … 干了半年了, YO-03: 6 of them)
            # 干了半年了 一分加班费都没给过 (CC-16 filed one month's 1,655 元)
            total = pay.total * months
            dispatcher.utter_message(text=f"这是一个月的。{months} 个月都没给的话：每月 {pay.total:,.2f} 元 × "
                                          f"{months} 个月 = {total:,.2f} 元。")
        if _wants_the_pay(tracker):  # 一分钱加班费都没有 / 工会帮我要: the station follows it up
            wage = wage_as_said(tracker.get_slot("monthly_wage"), tracker.get_slot("wage_basis"))
            # 厂里就给了我一千块 a message before 能让工会帮我要吗 (XI-2: filed 3,972, the 1,000 paid left off)
            paid = paid if paid is not None else next(
                (p for t in reversed(recent) if (p := paid_so_far(t)) is not None), None)
            owed = total - paid if paid is not None and paid < total else total
            return events + offer_ticket("overtime_pay", {
                wage[0]: wage[1], "overtime_days": held, "amount": int(owed),
                **({"case_points": f"单位已付 {paid:,.0f} 元，按法定标准还差 {owed:,.2f} 元"}
                   if owed != total else {})})
        dispatcher.utter_message(response="utter_overtime_next")
        return events  # the days stay known: a follow-up (那一共多少钱) is answered, not asked again


_PAID = re.compile(r"(?:一共|总共|只|才)?(?:给了|发了|付了|算了)(?:我|俺)?\s*"
                   r"([0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千万]+)\s*(?:块|元)?")


# 老板说给双倍工资 对不对 (MM-15: never said the boss's double pay falls short)
_RATE_OFFERED = re.compile(r"(?:给|按|发|算)了?(?:我们?|俺)?\s*(?:的)?(双倍|两倍|2倍|二倍|一倍半|1\.5倍|一倍|1倍)")
_RATES_SAID = {"双倍": Decimal(2), "两倍": Decimal(2), "2倍": Decimal(2), "二倍": Decimal(2),
               "一倍半": Decimal("1.5"), "1.5倍": Decimal("1.5"), "一倍": Decimal(1), "1倍": Decimal(1)}


def rate_offered(text: str) -> Decimal | None:
    """给双倍 / 按两倍算: the multiple the employer pays (None when not said)."""
    found = _RATE_OFFERED.search(text or "")
    return _RATES_SAID[found.group(1)] if found else None


def _days_the_rate_is_for(pay, said: str) -> list | None:
    """老板说除夕不算法定假 只给两倍 (XO-2: all four statutory days taken at 2×, 1,011.49 short, not
    252.87): the statutory days of the sum the words paying the multiple name (by date, or by the
    festival's day: 除夕 of either year); None when they name no days (the multiple is for all)."""
    named = read_worked_days(said).dates
    if not named:
        return None
    whys = {classify(d)[1] for d in named if "（" in classify(d)[1]}
    return [d for d in pay.days if d.kind == DayKind.STATUTORY and (d.day in named or d.why in whys)]


def rate_shortfall(pay, rate: Decimal | None, said: str = "") -> str | None:
    """What a multiple below 300 % leaves unpaid for statutory holidays (None: nothing short); only
    for the days named with the multiple when ``said`` (the words saying it) names days — none of
    them statutory (初五只给两倍: a rest day's 200 % is the law's), nothing short."""
    lines = [line for line in pay.lines if line.kind == DayKind.STATUTORY]
    if rate is None or not lines or rate >= 3:
        return None
    if (days := _days_the_rate_is_for(pay, said)) is not None and len(days) < sum(x.quantity for x in lines):
        if not days:
            return None
        daily = daily_wage(pay.monthly_wage)
        owed, short = money(daily * len(days) * 3), money(daily * len(days) * (3 - rate))
        names = "、".join(f"{d.why.split('（')[-1].rstrip('）')}（{d.day.month}月{d.day.day}日）" for d in days)
        return (f"单位说{names}只给{rate:g}倍：这 {len(days)} 天按{rate:g}倍只有 {owed - short:,.2f} 元，法律规定"
                f"法定节假日不低于 300%（3倍），应是 {owed:,.2f} 元，少给了 {short:,.2f} 元"
                f"（{yuan(pay.monthly_wage)} ÷ 21.75 × {len(days)} × (300% − {rate * 100:.0f}%)）。"
                "其余的法定节假日按 300% 给了的，那几天不差。")
    owed = sum((line.amount for line in lines), Decimal(0))
    given = (owed * rate / 3).quantize(Decimal("0.01"))
    return (f"单位说给{rate:g}倍：法定节假日按{rate:g}倍只有 {given:,.2f} 元，法律规定不低于 300%（3倍），"
            f"应是 {owed:,.2f} 元，少给了 {owed - given:,.2f} 元。")


def paid_so_far(text: str) -> Decimal | None:
    """一共给了600: what the employer paid for the overtime (None when not said; a sum paid
    per day is :func:`paid_per_day`'s)."""
    found = _PAID.search(text or "")
    if found and (_PER_DAY_AFTER.match(text, found.end())
                  or (found.group(1).endswith("一") and text[found.end():].startswith("天"))):
        return None  # 给了我两百一天: per day (两百一 is no sum here)
    value = parse_amount(found.group(1)) if found else None
    return Decimal(value) if value else None


# 周六周天也干 也是给两百 / 那周末那几天他已经给了我两百一天了 (OO-15: 6,400 owed, 3,200 of it
# paid, never said): what the employer paid for each overtime day (老板那四天就给了正常的220一天
# 我还能找他要多少, ZW-03: 880 of the 2,420 paid, never taken off — the days counted, a normal day's pay)
_PER_DAY_AFTER = re.compile(r"\s*(?:块|元)?(?:钱)?\s*(?:一天|每天)")
_PAID_PER_DAY = re.compile(r"(?:周六|周日|周天|周末|礼拜|星期|休息日|加班|那几天|那些天|[那这][两三四五六七八九十几]天|"
                           r"节假日|过年)[^，,。？?]{0,10}?"
                           # 老板还是一天给二百六 (YM-13: not read, the 2,600 short never said)
                           r"(?:也是|也|还是|都|只|就|已经)(?:一天|每天)?给了?(?:我|俺)?\s*(?:按)?(?:正常|平时|平常)?的?\s*"
                           r"(\d{2,4}|[一二两三四五六七八九]百(?:[一二三四五六七八九]十?(?![天号日]))?)"
                           r"\s*(?:块|元)?(?:钱)?\s*(?:一天|每天)?")


def paid_per_day(text: str) -> Decimal | None:
    """What was paid for each overtime day (None when not said)."""
    found = _PAID_PER_DAY.search(text or "")
    value = parse_amount(found.group(1) + "元") if found else None
    return Decimal(value) if value else None


# 年后工资也只发了一千八 不是说保底两千吗 … 少的那两百能要吗 (XO-16: never answered): the pay a wage
# agreement (or the contract) guarantees, the pay given, and whether the difference can be claimed
_MONEY = r"(\d{3,5}|[一两二三四五六七八九]千[零一二三四五六七八九百十]*)\s*(?:块钱?|元)?"
_GUARANTEED = re.compile(r"(?:保底(?:工资)?|说好(?:了|的)?|讲好(?:了|的)?|约定(?:了|的)?|"
                         r"协议(?:上|里)?(?:写的?|说的?|定的?)?)"
                         rf"(?:是|有|每个?月|一个月|给|发)*\s*{_MONEY}")
_PAY_GIVEN = re.compile(rf"(?:只|才|就|也只|也就)(?:发|给|开)了?(?:我|俺)?\s*{_MONEY}|"
                        rf"(?:发|给|开)了?(?:我|俺)?\s*{_MONEY}")
_DIFFERENCE_ASKED = re.compile(r"(?:少|差|不够|缺)[^，,。？?]{0,8}?(?:能|可以|可不可以|能不能|该不该|咋|怎么)"
                               r"\S{0,2}?(?:要|讨|补|拿|找)|(?:能|可以)(?:要回|补回|讨回|拿回)|要得回|补不补|给不给补")


def guaranteed_pay_shortfall(text: str, words: str) -> str | None:
    """少的那两百能要吗 after 年后工资也只发了一千八 不是说保底两千吗 (XO-16: unanswered): the pay said
    guaranteed (保底 / 说好 / 协议), the pay given and the difference each month, and that it can be
    claimed (the rule of policy ``collective_agreement_binding``), as one line; None when the text does
    not ask about a difference, or ``words`` (the worker's recent messages) do not say both pays."""
    if not _DIFFERENCE_ASKED.search(normalize_text(text or "")):
        return None
    said = normalize_text(words or "")
    guaranteed = [int(v) for m in _GUARANTEED.finditer(said) if (v := parse_amount(m.group(1))) and 1000 <= v <= 100000]
    given = [int(v) for m in _PAY_GIVEN.finditer(said)
             if (v := parse_amount(m.group(1) or m.group(2))) and 500 <= v <= 100000]
    if not guaranteed or not (less := [g for g in given if g < guaranteed[-1]]):
        return None
    floor, paid = guaranteed[-1], less[-1]
    return (f"按您说的：说好每月保底 {floor:,} 元，实际只发了 {paid:,} 元，每个月少发 {floor - paid:,} 元"
            f"（{floor:,} − {paid:,}）。集体协议或劳动合同里写明了保底 {floor:,} 元的，少发的这部分可以要回来"
            "（依法订立的集体合同对单位和职工都有约束力，单位要按约定足额发工资：《劳动合同法》第三十条、第五十四条）："
            "不止一个月这样的按月份加起来；先找单位或工会协商，不给的可以打 12333 投诉，或在一年内申请劳动仲裁。")


# The question after one day's figure (router.period_follow_up recognises its answer by it).
PERIOD_QUESTION = "您这样每天加班一共多长时间了？"
# 一分钱加班费都没有 / 没给加班费 / 工会帮我要 / 给我登记: unpaid, and the worker wants it back
_WANTS_THE_PAY = re.compile(r"(?:加班费|加班工资|钱).{0,6}(?:没有|没给|不给|没发|不发|一分没)|一分钱?.{0,6}没|"
                            r"(?:没|不)(?:给|发|算)(?:过)?加班费|帮我要|出面|帮我讨|帮我登记|给我登记|"
                            r"登记一下|要回来|讨回|投诉")


def _wants_the_pay(tracker) -> bool:
    """Any of the worker's messages in this overtime flow says the pay is unpaid or asks for help."""
    texts = []
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name") not in (None, "overtime_form"):
            break
        if event.get("event") == "user":
            texts.append(event.get("text") or "")
        if len(texts) >= 8:
            break
    return any(_WANTS_THE_PAY.search(normalize_text(t)) for t in texts)  # 從來不給加班費


# 每个月都这样加 / 月月都这样 / 一直都这样加班: the month told is every month's
EVERY_MONTH = re.compile(r"每个?月都|月月|一直(?:都)?(?:是)?这样|一直(?:都)?(?:在)?加|天天都这样|都是这样加|回回都这样|"
                         r"每个?月(?:都)?(?:是)?(?:这样|这么|一样)")

# 4350里已经含加班费了 / 工资里包含加班费 / 加班费都算在工资里了 (XI-11): an "all-in" wage
_ALL_IN = re.compile(r"(?<![不没])(?:含|包含|包括|包了|包进去了?|算进去了?)(?:了)?\s*(?:加班费|加班工资|加班的钱)|"
                     r"(?:加班费|加班工资|加班的钱)\S{0,4}(?:算在|包在|含在|都在|放在|算进|包进)\S{0,4}(?:工资|里)|"
                     r"把加班(?:费|工资)\S{0,2}(?:包进|算进|含进)")


def all_in_wage_asked(text: str) -> bool:
    """The worker says the employer counts the overtime as part of the wage (含加班费 / 包括加班工资)."""
    return bool(_ALL_IN.search(normalize_text(text or "")))


async def worker_city(tracker: Tracker) -> str | None:
    """The worker's city: said, or the city of the district said (the minimum wage is a city's)."""
    city, district = location(tracker)
    if city or not district:
        return city
    return ((await client().resolve(None, district)).get("path") or {}).get("city")


def minimum_wage_text(wage: dict) -> str:
    """The minimum-wage record said one way: the figures, since when, its source."""
    details = wage.get("details") or {}
    unverified = "" if details.get("verified") else "（请以当地人社部门最新公布为准）"
    return (f"{wage['title']}：月最低工资 {details['monthly']} 元，小时最低工资 {details['hourly']} 元，"
            f"{wage['effective_from']} 起执行。来源：{wage['source']}{unverified}。")


async def _minimum_wage_found(tracker: Tracker) -> tuple[str | None, dict | None]:
    """(the city, the backend's minimum-wage record for the worker's place); None when unknown."""
    city, district = location(tracker)
    if not city and not district:
        return None, None
    try:
        city = await worker_city(tracker)
        result = await client().minimum_wage(city, district)
    except (BackendUnavailable, BackendError):
        return city, None
    wage = result.get("minimum_wage") or {}
    if not result.get("found") or not (wage.get("details") or {}).get("monthly"):
        return city, None
    return city, wage


async def minimum_wage_record(tracker: Tracker) -> tuple[str, int, str] | None:
    """(the city, its monthly minimum wage, since when) from the backend's minimum-wage record for the
    worker's place; None when the place is not known or has no record."""
    city, wage = await _minimum_wage_found(tracker)
    if wage is None:
        return None
    return city or "当地", int(wage["details"]["monthly"]), str(wage.get("effective_from") or "")


# 还有青岛最底工资多少 / 最低工资标准是多少 / 最底工资你还没说呢 (XI-15: asked with the overtime, dropped)
_MINIMUM_ASKED = re.compile(r"最[低底](?:工资|工钱|薪资?|标准)(?:标准)?[^，,。；;！!？?\s]{0,6}?"
                            r"(?:多少|几|啥|什么|是多|还没说|没说|咋|怎么)")


def minimum_wage_asked(text: str) -> bool:
    """The message asks what the minimum wage is (typed 最底 as well)."""
    return bool(_MINIMUM_ASKED.search(normalize_text(text or "")))


async def minimum_wage_answer(tracker: Tracker) -> str | None:
    """The minimum wage of the worker's place from the backend's record, said as the minimum-wage flow
    says it, and the worker's monthly pay weighed against it; None when no record is found."""
    city, wage = await _minimum_wage_found(tracker)
    if wage is None:
        return (f"{city}的最低工资标准我这里还没有收录，可以打当地人社部门电话 12333 核实。" if city else
                "最低工资各地不一样：您在哪个城市？告诉我，我查当地的标准。")
    details = wage.get("details") or {}
    line = minimum_wage_text(wage)
    paid = tracker.get_slot("monthly_wage")
    if isinstance(paid, (int, float)) and paid:
        verdict = "不低于" if paid >= int(details["monthly"]) else "低于"
        line += f"您的月工资 {int(paid):,} 元{verdict}这个标准（最低工资不含加班费）。"
    return line


ALL_IN_RULE = ("单位说工资里已经含了加班费，要同时满足两条才算数：一是劳动合同里事先明确约定了工资里包含加班费"
               "（没约定的，加班费要另外算、另外给）；二是把加班费拿出来以后，剩下的正常工作时间工资不能低于当地"
               "月最低工资（《最低工资规定》第十二条：最低工资不含延长工作时间的工资）。")


def all_in_wage_line(wage: int, overtime: Decimal, minimum: tuple[str, int, str] | None) -> str:
    """The all-in wage weighed: the wage less the overtime the law requires, against the minimum wage."""
    left = Decimal(wage) - overtime
    worked = f"按您说的：{wage:,} − {overtime:,.0f}（上面算的一个月加班费）= {left:,.0f} 元"
    if left <= 0:
        return (ALL_IN_RULE + f"{worked}，工资连加班费都不够付，这样说不合法：加班费要另外给，"
                "可以打 12333 投诉，或在一年内申请劳动仲裁。")
    if minimum is None:
        return (ALL_IN_RULE + f"{worked}，这 {left:,.0f} 元要和当地的月最低工资比。您在哪个城市（区）？"
                "告诉我，我帮您对比当地标准。")
    place, lowest, since = minimum
    since = f"，{since} 起执行" if since else ""
    if left < lowest:
        return (ALL_IN_RULE + f"{worked}，低于{place}的月最低工资 {lowest:,} 元{since}，所以这样“含加班费”"
                f"不合法：加班费要按上面算的另外支付（至少也要补到不低于最低工资，每月差 {lowest - left:,.0f} 元），"
                "可以打 12333 投诉，或在一年内申请劳动仲裁。")
    return (ALL_IN_RULE + f"{worked}，不低于{place}的月最低工资 {lowest:,} 元{since}：合同里写明了工资含加班费的，"
            "这样一般可以；合同里没写的，加班费还是要另外给。")


def months_of_it(tracker: Tracker) -> int | None:
    """半年 / 三个月 in the worker's recent words about the overtime: how many months of it."""
    for span in reversed(find_durations(recent_words(tracker, limit=3))):
        months = iso_months(str(span.value))
        if months and 1 < months <= 36:
            return months
    return None


def _daily_line(worked) -> str:
    """三个月天天加三小时: how the hours were counted, before the calculation."""
    if worked.hours_a_month:
        # 平时一个月加班40多个小时 (YO-03): the month's hours as counted, and the rule they are paid by
        hours = f"{worked.hours_a_month:g}"
        said = f"{hours} 多小时（多出来的零头没算，按 {hours} 小时算）" if worked.hours_rough else f"{hours} 小时"
        return (f"按您说的，工作日（平时）一个月加班 {said}。"
                "算法：小时工资 = 月工资 ÷ 21.75 ÷ 8，工作日加班费 = 小时工资 × 150% × 加班小时数\n")
    if worked.month_days:  # 一个月只歇两天 每天十个钟头 (YS-04)
        daily = (f"；工作日每天多干 {worked.hours_per_day:g} 小时 × {worked.workdays} 天 = "
                 f"{worked.extended_hours:g} 小时，休息日每天也多干 {worked.hours_per_day:g} 小时"
                 if worked.hours_per_day else "")
        return (f"一个月上 {worked.month_days} 天班，按每月约 22 个工作日算：休息日加班 {worked.rest_days} 天"
                f"{daily}\n")
    if worked.weekly_days:
        daily = (f"；工作日每天多干 {worked.hours_per_day:g} 小时 × {worked.workdays} 天 = "
                 f"{worked.extended_hours:g} 小时，休息日每天也多干 {worked.hours_per_day:g} 小时"
                 if worked.hours_per_day else "")
        return f"每周多上 {worked.weekly_days} 天，按一个月 4 周算：休息日加班 {worked.rest_days} 天{daily}\n"
    if not worked.hours_per_day or not worked.workdays:
        return ""
    if worked.workdays_counted:  # 上个月干了二十二天: the days the worker counted
        return (f"每天加班 {worked.hours_per_day:g} 小时 × {worked.workdays} 天 = "
                f"{worked.extended_hours:g} 小时\n")
    return (f"每天加班 {worked.hours_per_day:g} 小时 × 约 {worked.workdays} 个工作日（按每月平均 20.83 个"
            f"工作日估算）= {worked.extended_hours:g} 小时\n")


# 扣完社保到手2100 (ZA-08: take-home pay compared as if it were the pay the standard means)
TAKE_HOME = re.compile(r"到手|实发|实际拿|扣完|扣了社保|扣社保|扣除|税后|打到卡上|打卡上")
TAKE_HOME_NOTE = ("您说的是扣完个人社保后到手的钱。和最低工资比的是剔除加班工资和中夜班、高温、井下等特殊津贴以后的"
                  "工资；个人缴的社保、公积金算不算在里面，各地规定不同：北京、上海等地的标准不含这部分，扣完以后到手的钱"
                  "也不能低于标准；其他不少地方的标准含这部分，要用扣社保之前的应发工资来比。{city}怎么算，以当地人社部门"
                  "的规定为准，可以打 12333 问清楚，登记后工作人员也会帮您核对工资条。")


# 扣社保之前是2150 里面还有两百多是加班费 (ZW-04: worked out as an overtime sum, then 没太明白): the
# pay the standard is compared with is the pay less its overtime
_PAY_NUM = (r"\d{3,5}|[一两二三四五六七八九]千[零一二三四五六七八九百十]*|"
            r"[一两二三四五六七八九]百[零一二三四五六七八九十]*")
_ROUGH = r"(多|来|出头|左右)?"
_OVERTIME_PART = re.compile(rf"({_PAY_NUM})\s*{_ROUGH}\s*(?:块|元)?钱?\s*(?:是|都是|的)?\s*加班(?:费|工资|的钱)|"
                            rf"加班(?:费|工资)\s*(?:那|是|有|大概|差不多)?\s*({_PAY_NUM})\s*{_ROUGH}")
_PART_OF_PAY = re.compile(r"里面|里头|其中|包括|包含|含|算上|减去|减掉|去掉|扣掉|除去|刨去|不算")
_BEFORE_INSURANCE = re.compile(r"扣社保之?前|没扣社保|社保之?前|税前|应发")


def pay_less_overtime(text: str) -> tuple[int, int, str, bool] | None:
    """(pay, overtime in it, the overtime as said, about?) from 2150 里面还有两百多是加班费; None
    when the text does not say the overtime is part of a pay it names."""
    text = normalize_text(text or "")
    part = _OVERTIME_PART.search(text)
    if not part or not _PART_OF_PAY.search(text):
        return None
    said, rough = (part.group(1), part.group(2)) if part.group(1) else (part.group(3), part.group(4))
    overtime = parse_amount(said)
    pays = [value for m in re.finditer(_PAY_NUM, text) if not part.start() <= m.start() < part.end()
            and (value := parse_amount(m.group(0))) and value >= 1000]
    if not overtime or not pays or overtime >= pays[0]:
        return None
    return int(pays[0]), int(overtime), said + (rough or ""), bool(rough)


def pay_less_overtime_line(text: str, minimum: int, place: str, since: str = "") -> tuple[str, bool] | None:
    """The pay less its overtime against the minimum wage, in one line, and whether it is below
    (None: the text does not say so)."""
    found = pay_less_overtime(text)
    if found is None:
        return None
    pay, overtime, said, rough = found
    left = pay - overtime
    before = "扣社保之前 " if _BEFORE_INSURANCE.search(normalize_text(text)) else ""
    said = f" {overtime:,} 元" if said[0].isdigit() else said
    worked = f"按您说的：{before}{pay:,} 元减去{said}的加班费，{'不到' if rough else '是'} {left:,} 元"
    if left >= minimum:
        return (f"{worked}，不低于{place}的月最低工资 {minimum:,} 元（最低工资不含加班费，"
                "就是这样比的）。"), False
    anyway = "；扣社保之前的工资就已经低了，所以不管当地算不算个人社保，都低于标准" if before else ""
    note = f"{since} 起执行；最低工资不含加班费" if since else "最低工资不含加班费"
    return (f"{worked}，还是低于{place}的月最低工资 {minimum:,} 元（{note}）{anyway}。"
            f"差额（每月至少 {minimum - left:,} 元）可以要求补发，也可以打 12333 投诉。"), True


class ActionMinimumWage(SafeAction):
    """The city's minimum wage with its effective date; a wage below it → a ticket offer."""

    def name(self) -> str:
        return "action_minimum_wage"

    async def act(self, dispatcher, tracker, domain):
        city = await worker_city(tracker)
        result = await client().minimum_wage(city, tracker.get_slot("district"))
        wage = result.get("minimum_wage")
        if not result.get("found") or not wage:
            dispatcher.utter_message(response="utter_no_minimum_wage", city=city or "当地")
            return []
        details = wage.get("details") or {}
        paid = tracker.get_slot("monthly_wage")
        # not twice in one turn; nor again when the worker's pay answers the figure just told
        if not said_this_turn(tracker, str(details["monthly"]), earlier_turns=1 if paid else 0):
            dispatcher.utter_message(text=minimum_wage_text(wage))
            dispatcher.utter_message(response="utter_minimum_wage_excludes")
        text = (tracker.latest_message or {}).get("text") or ""
        if (less := pay_less_overtime_line(text, int(details["monthly"]), city or "当地",
                                           str(wage.get("effective_from") or ""))) is not None:
            # 扣社保之前是2150 里面还有两百多是加班费 (ZW-04: an overtime sum): the pay less its overtime
            line, below = less
            dispatcher.utter_message(text=line)
            return offer_ticket("minimum_wage", {
                "monthly_wage": int(paid or pay_less_overtime(text)[0]), "city": city,
                "minimum_wage": int(details["monthly"]), "question": text}) if below else []
        if not paid:  # the worker's own pay is compared when it is said (router)
            dispatcher.utter_message(text="您每个月实际拿多少？告诉我，我帮您对比一下是否低于这个标准。")
        if paid and int(paid) < int(details["monthly"]) and (stop := stoppage_pay_line(
                text, recent_words(tracker, limit=3), int(paid), (city or "当地", int(details["monthly"])),
                str(wage.get("effective_from") or ""))):
            dispatcher.utter_message(text=stop)  # 放假那会厂里只给1570保底 这个合法不 (XG-4)
            return []
        if paid and int(paid) < int(details["monthly"]):
            dispatcher.utter_message(response="utter_below_minimum_wage", paid=paid,
                                     minimum=details["monthly"])
            if TAKE_HOME.search(recent_words(tracker, limit=3)):
                dispatcher.utter_message(text=TAKE_HOME_NOTE.format(city=city or "当地"))
            return offer_ticket("minimum_wage", {"monthly_wage": int(paid), "city": city,
                                                 "minimum_wage": int(details["monthly"])})
        if paid:  # (不对 是3500 right after the figure, ZU-08: nothing said at all)
            dispatcher.utter_message(text=f"您说的每月 {int(paid):,} 元不低于当地的月最低工资 {details['monthly']} 元。"
                                          "最低工资只是底线；试用期工资、加班费这些另有规定，想问可以直接说。")
        return []


def _month_hours(worked: WorkedText) -> Decimal:
    """The overtime hours of the month told: the weekday hours, and the rest days worked in it
    at 8 hours each (YS-02 warned of 44 hours, the 4 Saturdays' 32 left out) — not holidays
    named by date, which need not fall in one month."""
    rest = Decimal(0) if worked.dates else 8 * worked.rest_days + worked.rest_hours
    return worked.extended_hours + rest
