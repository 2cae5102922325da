"""Wage flows: arrears (advice and a ticket), the overtime/holiday pay calculator, minimum wage."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import cn2an
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions import validators as v
from actions.backend_client import BackendError, BackendUnavailable
from actions.common import SafeAction, client, location, policies_for, said_this_turn
from actions.fact_tables import ARREARS_FACTS, wage_as_said
from actions.facts import case_messages, recent_words, worker_messages
from actions.holiday_calendar import DayKind, classify
from actions.legal import stoppage_pay_line
from actions.overtime_calculator import (
    daily_wage,
    money,
    rate_paid_reply,
    rate_paid_shortfall,
    rate_rule_without_wage,
    worked_pay,
    yuan,
)
from actions.overtime_days import (
    NOT_OTHER_AFTER,
    NOT_OTHER_BEFORE,
    WorkedText,
    festival_year_of_the_talk,
    is_overtime_rate,
    overtime_rate_paid,
    own_hourly_pay_said,
    read_worked_days,
)
from actions.places import someone_elses_pay_place
from actions.slot_checks import value_before_this_message
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
    how much and the case's sum was worked out from them this turn (``said``: the slots set);
    for a worker paid by the day (or hour), from the days they worked (:func:`by_the_day_reply`)."""
    text = (tracker.latest_message or {}).get("text") or ""
    wage, owed = said.get("monthly_wage") or tracker.get_slot("monthly_wage"), said.get("amount")
    months = months_in(str(said.get("duration") or tracker.get_slot("duration") or ""))
    basis = said.get("wage_basis", tracker.get_slot("wage_basis"))
    if basis in ("day", "hour") and isinstance(wage, (int, float)) and wage > 0 \
            and (_OWED_ASKED.search(text) or days_worked_asked(tracker)):
        # 一天三百 两个月没发 能要回多少 (XQ-2: 300 × 21.75 × 2 = 13,050 said as what is owed)
        return by_the_day_reply(wage, basis, months, _case_words(tracker))
    duration = str(said.get("duration") or tracker.get_slot("duration") or "")
    if _OWED_ASKED.search(text) and basis not in ("day", "hour") and (days := days_of_month_pay(duration)):
        # 最后干的12天工资不给我 月薪是5220 还有500押金也不退 一共能要多少 (XY-16: law text only, no figure)
        return last_days_reply(wage, days, deposit_said(text))
    if not _OWED_ASKED.search(text) or not isinstance(wage, int) or not isinstance(owed, int) \
            or not months or owed != round(wage * months):
        return None
    return (f"按您说的：每月 {wage:,} 元 × {months:g} 个月 = {owed:,} 元，这是单位欠您的工资，应当足额补发；"
            "劳动监察部门责令限期支付仍不付的，单位还要加付应付金额50%以上100%以下的赔偿金"
            "（《劳动合同法》第三十条、第八十五条）。")


# --- a month's pay owed for some days, and a deposit kept (XY-16) -----------------------------------
# 最后干的12天工资不给我 月薪是5220 还有入职交的500押金也不退 一共能要多少: the days' pay on the month's
# (5,220 ÷ 21.75 = 240 a day × 12 = 2,880), and the deposit, which the employer may not keep at all (+ 500)

_DEPOSIT_BEFORE = re.compile(r"^\s*(?:块钱?|元)?(?:钱)?的?\s*(?:押金|保证金|风险金|风险抵押金)")
_DEPOSIT_AFTER = re.compile(r"(?:押金|保证金|风险金)(?:是|有|交了|交的|扣了|扣的|一共|共)?\s*$")


def deposit_said(text: str) -> int | None:
    """The deposit (押金, 保证金) the worker paid, as said beside its sum (500押金 / 押金500); None when not said."""
    words = normalize_text(text or "")
    for span in find_amounts(words):
        before = words[max(0, span.start - 8):span.start]
        if isinstance(span.value, (int, float)) and span.value > 0 and (
                _DEPOSIT_BEFORE.match(words[span.end:]) or _DEPOSIT_AFTER.search(before)):
            return int(span.value)
    return None


_UNPAID = re.compile(r"不给|没给|没发|不发|欠|拖|没结|不结|扣着|压着")


def days_of_month_pay(duration: str) -> int | None:
    """P12D → 12: some days of a month's pay owed (at most a month's working days); None otherwise."""
    found = re.fullmatch(r"P(\d{1,2})D", duration or "")
    return int(found.group(1)) if found and 0 < int(found.group(1)) <= 31 else None


def last_days_sum(wage: Any, days: int, deposit: int | None = None) -> int | None:
    """The days' pay on a month's pay (÷ 21.75 × days), with the deposit kept added; None without a wage."""
    if not isinstance(wage, (int, float)) or isinstance(wage, bool) or wage <= 0:
        return None
    return int(money(Decimal(str(wage)) / Decimal("21.75") * days).to_integral_value()) + (deposit or 0)


def last_days_reply(wage: Any, days: int, deposit: int | None = None) -> str | None:
    """The working of :func:`last_days_sum` said to the worker (XY-16); None without a wage."""
    total = last_days_sum(wage, days, deposit)
    if total is None:
        return None
    day = money(daily_wage(Decimal(str(wage))))
    pay = total - (deposit or 0)
    line = (f"按您说的：月工资 {int(wage):,} 元，日工资 {int(wage):,} ÷ 21.75 = {yuan(day)} 元，"
            f"{days} 天的工资 {yuan(day)} × {days} = {pay:,} 元")
    if deposit:
        line += (f"；入职交的押金 {deposit:,} 元单位本来就不能收，要全部退还（《劳动合同法》第九条、第八十四条）。"
                 f"加起来一共 {total:,} 元")
    return (line + "。离职时单位应当一次付清工资（《工资支付暂行规定》第九条）；不给的可以打 12333 投诉，"
            "或者从离职之日起一年内申请劳动仲裁（《劳动争议调解仲裁法》第二十七条）。")


# --- the pay owed to a worker paid by the day or the hour (XQ-2) -----------------------------------
# 21.75 is the law's divisor that turns a month's pay into a day's, not the days a day-paid worker
# worked: what they are owed is the days they worked × the day's pay, so the days are read or asked.

# 上了52天 / 一共干了五十二天 / 出勤52天 / 干了52个工 / 52天的工钱: the days worked in all
_DAYS_WORKED = re.compile(r"(?:(?:上|干|做|出勤|出工|上班|干活|上工|打工)(?:了|过)?\s*(?:有|差不多|大概|将近)?\s*|"
                          r"共\s*)"
                          # (干活 一天三百 / 一天给300: the day's pay, no count of days)
                          r"(\d{1,3}|[一二两三四五六七八九十百]{1,6})\s*(?:来|多)?\s*个?(?:天|工)"
                          # (干了28天一天350, XY-15: the day's pay right after the days is no more digits)
                          r"(?!(?!一天)[\d一二两三四五六七八九十百千]|\s*(?:块|元|钱|工资|工钱|给))|"
                          r"(\d{1,3}|[一二两三四五六七八九十百]{1,6})\s*(?:来|多)?\s*个?(?:天|工)的?(?:工钱|工资|钱)")
# 每月干26天 / 一个月上二十五六天 / 一月干25个工: the days worked each month
_DAYS_EACH_MONTH = re.compile(r"(?:一个?月|每个?月|一月|月月)[^，,。；;！!？?\d一二两三四五六七八九十]{0,4}?"
                              r"(\d{1,2}|[二三]?十[一二三四五六七八九]{0,2}|[一二三四五六七八九]{1,2})\s*(?:来|多)?\s*个?(?:天|工)")
# 天天干 / 一天没歇 / 没休过 / 全勤: every day of the months
_EVERY_DAY = re.compile(r"天天(?:都)?(?:干|上|做|在)|每天都(?:干|上|做|在)|一天(?:都|也)?没(?:歇|休|落|停)|"
                        r"没(?:歇|休)过|没休息过|全勤|一天不落|没有?休息日")
# 一天干10个小时 / 每天10个钟头: the hours of a day, for pay by the hour
_HOURS_A_DAY = re.compile(r"(?:一天|每天|天天)(?:都|要|得|就)?(?:干|上|做)?了?\s*"
                          r"(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*个?(?:小时|钟头|钟(?!点))")
# the words of the question for a day-paid worker's days (its answer is read for the sum)
DAYS_WORKED_ASK = "欠多少要按实际干的天数算"


def _count_said(raw: str) -> float | None:
    """52 / 五十二 → 52; 二十五六 (twenty-five or -six) → 25.5; None when no number."""
    raw = raw.replace("两", "二")
    if (both := re.fullmatch(r"([二三]?十)([一二三四五六七八九])([一二三四五六七八九])", raw)) \
            and "一二三四五六七八九".index(both.group(3)) == "一二三四五六七八九".index(both.group(2)) + 1:
        return (_count_said(both.group(1)) or 0) + "一二三四五六七八九".index(both.group(2)) + 1.5
    try:
        value = float(cn2an.cn2an(raw, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return value if value > 0 else None


def days_worked_said(words: str, months: float | None) -> tuple[float, str] | None:
    """(the days, how they were counted) the worker said they worked — 上了52天 (52), 每月干26天 ×
    the months owed, 天天干 (every day: a month counted as 30 days, said so); None when not said."""
    text = normalize_text(words or "")
    totals = [m for m in _DAYS_WORKED.finditer(text) if not re.search(r"月\S{0,4}$", text[:m.start()])]
    if totals and (days := _count_said(totals[-1].group(1) or totals[-1].group(2))) and days <= 400:
        return days, f"您说的干了 {days:g} 天"
    each = list(_DAYS_EACH_MONTH.finditer(text))
    if each and months and (per := _count_said(each[-1].group(1))) and per <= 31:
        return per * months, f"您说的每月干 {per:g} 天 × {months:g} 个月 = {per * months:g} 天"
    if _EVERY_DAY.search(text) and months:
        return 30 * months, (f"您说天天都干，按每月 30 天估算：30 × {months:g} 个月 = {30 * months:g} 天，"
                             "实际天数不同的以实际为准")
    return None


def _pay_as_said(wage: float, basis: str) -> float:
    """The day's (or hour's) pay the worker said, from the month it stands for (300 × 21.75)."""
    return wage_as_said(wage, basis)[1]


def owed_sum(wage: float, basis: str | None, months: float | None, words: str) -> int | None:
    """The pay owed, as the worker told it: by the month, the month's pay × the months; by the day
    (XQ-2), the days they said they worked × the day's pay — never 21.75 days a month; by the
    hour, those days × the hours of a day × the hour's pay. None when what it needs is not told
    (the days, the hours of a day, the months)."""
    if basis not in ("day", "hour"):
        return round(wage * months) if months else None
    days = days_worked_said(words, months)
    if not days:
        return None
    if basis == "day":
        return round(_pay_as_said(wage, basis) * days[0])
    hours = _HOURS_A_DAY.search(normalize_text(words or ""))
    per_day = _count_said(hours.group(1)) if hours else None
    return round(_pay_as_said(wage, basis) * per_day * days[0]) if per_day and per_day <= 24 else None


def by_the_day_reply(wage: float, basis: str, months: float | None, words: str) -> str:
    """The pay owed to a worker paid by the day (or hour), with the working — or, the days not
    told, the question how many days they worked (the sum is never 21.75 days a month, XQ-2)."""
    pay, unit = _pay_as_said(wage, basis), "天" if basis == "day" else "小时"
    owed = owed_sum(wage, basis, months, words)
    days = days_worked_said(words, months)
    if owed is None or days is None:
        period = f"这 {months:g} 个月" if months else "没发钱的这段时间"
        extra = "每天干几个小时，" if basis == "hour" else ""
        return (f"您是按{unit}算工钱的（一{unit} {pay:,g} 元），{DAYS_WORKED_ASK}，不能按每月 21.75 天算"
                f"（21.75 天只是把月工资折成日工资用的）。{period}您一共干了多少天？{extra}"
                "告诉我（比如：上了52天，或者每月干26天），我帮您算出欠多少。")
    hours = ""
    if basis == "hour" and (said := _HOURS_A_DAY.search(normalize_text(words))):
        hours = f" × 每天 {_count_said(said.group(1)):g} 小时"
    return (f"按您说的：一{unit} {pay:,g} 元{hours} × {days[0]:g} 天（{days[1]}）= {owed:,} 元，这是单位欠您的工钱，"
            "应当足额补发；劳动监察部门责令限期支付仍不付的，单位还要加付应付金额50%以上100%以下的赔偿金"
            "（《劳动合同法》第三十条、第八十五条）。")


def _case_words(tracker: Tracker) -> str:
    """The worker's words of this case, the latest message last."""
    return " ".join([*case_messages(tracker), (tracker.latest_message or {}).get("text") or ""])


def days_worked_asked(tracker: Tracker) -> bool:
    """The bot's last reply asked a day-paid worker how many days they worked."""
    return said_this_turn(tracker, DAYS_WORKED_ASK, earlier_turns=1)


def amount_by_the_day(tracker: Tracker, facts: dict) -> dict:
    """一天三百 两个月没发 (XQ-2: 金额 13,050 元 filed — 300 × 21.75 × 2): for a worker paid by the day
    (or hour), the sum owed worked out on the month's pay (wage × months, with or without money
    docked added) is the days they said they worked × the day's pay instead, or — the days not
    told — no sum yet (the form asks it, the reply asks the days); days told later (上了52天, after
    the question) give the sum. Other facts, and sums the worker said, are kept."""
    basis = facts.get("wage_basis", tracker.get_slot("wage_basis"))
    wage = facts.get("monthly_wage", tracker.get_slot("monthly_wage"))
    if basis not in ("day", "hour"):
        return _last_days_amount(tracker, facts, wage)
    if not isinstance(wage, (int, float)) or wage <= 0:
        return facts
    months = months_in(str(facts.get("duration") or tracker.get_slot("duration") or ""))
    words = _case_words(tracker)
    owed = owed_sum(wage, basis, months, words)
    by_month = [round(wage * m) for m in (months, 1) if m]
    amount = facts.get("amount", tracker.get_slot("amount"))
    docked = v.docked_total([*case_messages(tracker), (tracker.latest_message or {}).get("text") or ""])
    on_the_month = amount in {b + extra for b in by_month for extra in (0, docked)} \
        and not _said_as_owed(amount, (tracker.latest_message or {}).get("text") or "")
    told_now = days_worked_said((tracker.latest_message or {}).get("text") or "", months) is not None
    if on_the_month or (told_now and (amount is None or days_worked_asked(tracker)
                                      or tracker.active_loop_name == "wage_arrears_form")):
        # (还扣了我五百: the money docked owed too, on the days' sum as docked_added put it on the month's)
        return {**facts, "amount": owed + docked if owed is not None else None}
    return facts


def _last_days_amount(tracker: Tracker, facts: dict, wage: Any) -> dict:
    """最后干的12天工资不给我 月薪是5220 还有500押金也不退 (XY-16: 金额 500 — the deposit alone): the days'
    pay on the month's, with the deposit added, when both the wage and the days were told in this
    message and the sum read is none, the deposit, or the month's pay. Other facts are kept."""
    text = (tracker.latest_message or {}).get("text") or ""
    days = days_of_month_pay(str(facts.get("duration") or ""))
    if not days or "monthly_wage" not in facts or "duration" not in facts or not _UNPAID.search(text):
        return facts
    deposit = deposit_said(text)
    amount = facts.get("amount")
    if amount not in (None, deposit, wage) or (total := last_days_sum(wage, days, deposit)) is None:
        return facts
    return {**facts, "amount": total}


def _said_as_owed(amount: float, text: str) -> bool:
    """The worker said the sum owed themself (一共欠我一万三): kept as said."""
    return any(isinstance(s.value, (int, float)) and s.value == amount for s in find_amounts(normalize_text(text)))


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
        text = (tracker.latest_message or {}).get("text") or ""
        said = worker_messages(tracker, 4)
        rate = next((r for t in reversed([held, *said]) if (r := overtime_rate_paid(t))), None)
        wage_said, basis = tracker.get_slot("monthly_wage"), tracker.get_slot("wage_basis")
        if rate is not None and basis == "hour" and not any(own_hourly_pay_said(t) for t in said) \
                and Decimal(str(wage_as_said(tracker.get_slot("monthly_wage"), basis)[1])) == rate:
            # 加班一小时15块 read as the hourly wage (XU-4): the rate paid, never the wage the law's rate is of —
            # the month's pay said beside it (俺工资三千五) is, else it is asked
            if (month := monthly_wage_beside_rate(said)) is None:
                dispatcher.utter_message(text=rate_rule_without_wage(rate))
                return events + [SlotSet("monthly_wage", None), SlotSet("wage_basis", None)]
            wage_said, basis = month, None
            events = events + [SlotSet("monthly_wage", month), SlotSet("wage_basis", None)]
        pay = worked_pay(wage_said, worked, basis)
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
        if rate is not None:  # 加班费一小时才给15块 (XU-4): the law's rate an hour against it, and the shortfall
            dispatcher.utter_message(text=rate_paid_reply(pay, rate, worked))
        paid = paid_so_far((tracker.latest_message or {}).get("text") or "")
        by_rate = paid is None and rate is not None and rate_paid_shortfall(pay, rate, worked) is not None
        if by_rate:  # (the flat rate × the hours: what was paid, said just now; the shortfall is owed)
            paid = pay.total - (rate_paid_shortfall(pay, rate, worked) or Decimal(0))
        if paid is None:  # 加班费只给了800 with the days, then 不对 周六是三个 (XM-6: read as 800 a day × 3)
            paid = paid_so_far(str(held))
        days = sum((line.quantity for line in pay.lines if line.kind != DayKind.WORKDAY), Decimal(0))
        if paid is None and days and (per_day := paid_per_day(" ".join(recent[-3:]))):
            paid = per_day * days
            dispatcher.utter_message(text=f"单位按一天 {per_day:,.0f} 元给了 {days:g} 天，共 {paid:,.0f} 元。")
        if paid is not None and paid < pay.total:
            # 老板只按平时一天200给的 一共给了600 那还差我多少 (K-02): the shortfall, not the form again
            if not by_rate:
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
                                   + 8 * worked.rest_worked) > 36:
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
            and bool(EVERY_MONTH.search(recent_words(tracker, limit=3)) or earlier_months_asked(text)))
        if earlier_months_asked(text):  # 前面几个月也能一起要吗 (VE-4): answered, not only the month again
            dispatcher.utter_message(text=EARLIER_MONTHS_LINE if monthly and months_of_it(tracker) else
                                     EARLIER_MONTHS_LINE + "前面一共几个月也是这样加的？告诉我，我帮您算总数。")
        if monthly and (months := months_of_it(tracker)):  # (一个月40个小时 … 干了半年了, YO-03: 6 of them)
            # 干了半年了 一分加班费都没给过 (CC-16 filed one month's 1,655 元)
            total = pay.total * months
            dispatcher.utter_message(text=f"这是一个月的。{months} 个月都没给的话：每月 {pay.total:,.2f} 元 × "
                                          f"{months} 个月 = {total:,.2f} 元。")
        if _wants_the_pay(tracker):  # 一分钱加班费都没有 / 工会帮我要: the station follows it up
            wage = wage_as_said(wage_said, basis)
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


# 初一到初三要上班 保底2000的话加班费能拿多少 beside 留下来红包给多少 (XY-6: the red packet said, the overtime
# only when asked again): the overtime's own sum, said with the other answer
_OVERTIME_PAY_ASKED = re.compile(r"加班(?:费|工资|的钱)[^，,。；;？?！!]{0,6}?(?:多少|几多|好多|怎么算|咋算|怎样算)|"
                                 r"加班[^，,。；;？?！!]{0,4}?(?:能拿|能给|该给|给)(?:我|俺)?多少")


def overtime_asked_beside(tracker: Tracker) -> str | None:
    """The overtime pay the message asks about beside another question, worked out when the days and
    the month's pay are known (the slots, else the message's words); None when not asked so or
    not known (the overtime flow then asks what it needs)."""
    text = (tracker.latest_message or {}).get("text") or ""
    if not _OVERTIME_PAY_ASKED.search(normalize_text(text)):
        return None
    wage, basis = tracker.get_slot("monthly_wage"), tracker.get_slot("wage_basis")
    if not isinstance(wage, (int, float)) or isinstance(wage, bool) or wage <= 0:
        return None
    held = tracker.get_slot("overtime_days") or text
    held = festival_year_of_the_talk(held, worker_messages(tracker, 6)[:-1]) or held
    worked = read_worked_days(held)
    try:
        pay = worked_pay(Decimal(str(wage)), worked, basis)
    except (ValueError, ArithmeticError):
        return None
    if not pay.total or worked.needs_period:
        return None
    return "加班费按《劳动法》第四十四条计算：\n" + _daily_line(worked) + pay.explain()


# 国庆七天全上了 月薪4785 给多少 你们有没有人工啊 (VE-16: the staffing answered, the 3,740 only when asked
# again): 给多少 asked of days worked, not of a red packet or a subsidy named in the same clause
_PAY_ASKED_PLAIN = re.compile(r"(?:该|能|应该|要|会)?给(?:我|俺)?多少|能拿多少|能拿几多|算多少|给几多|给好多")
_NOT_OVERTIME_ASK = re.compile(r"红包|利是|补贴|补助|补偿|赔偿|押金|保底|路费|车费|奖金|年终|最低工资|救助|慰问")
_MONTH_PAY_SAID = re.compile(r"(?:月薪|工资|底薪|一个月|每个?月)(?:是|有|才|就)?\s*(\d{4,5})(?!\d)")


def overtime_beside_a_question(tracker: Tracker) -> str | None:
    """The overtime the message asks about with a plain 给多少 beside another question (the staff's
    hours, VE-16), worked out when the message names the days worked and the month's pay (slot or
    the message's words); None otherwise."""
    text = normalize_text((tracker.latest_message or {}).get("text") or "")
    ask = _PAY_ASKED_PLAIN.search(text)
    if not ask:
        return None
    clause = re.split(r"[，,。；;？?！!\s]+", text[:ask.start()])[-1]
    if _NOT_OVERTIME_ASK.search(clause):
        return None
    wage = tracker.get_slot("monthly_wage")
    if not isinstance(wage, (int, float)) or isinstance(wage, bool) or wage <= 0:
        said = _MONTH_PAY_SAID.search(text)
        wage = int(said.group(1)) if said else None
    if not wage:
        return None
    worked = read_worked_days(festival_year_of_the_talk(text, worker_messages(tracker, 6)[:-1]) or text)
    if not (worked.dates or worked.statutory_days or worked.rest_days) or worked.needs_period:
        return None
    try:
        pay = worked_pay(wage, worked, tracker.get_slot("wage_basis"))
    except (ValueError, ArithmeticError):
        return None
    if not pay.total:
        return None
    return "加班费按《劳动法》第四十四条计算：\n" + _daily_line(worked) + pay.explain()


# 俺工资三千五 / 一个月4000 / 底薪2500: a month's pay said beside the overtime rate paid
_MONTH_CUE = re.compile(r"工资|工钱|薪水|月薪|底薪|一个月|每个?月|到手|实发")


def monthly_wage_beside_rate(words: list[str]) -> int | None:
    """The month's pay the worker said beside 加班一小时15块 (XU-4: the 15 read as the hourly wage, the
    3,500 said with it dropped): the last sum of 800 yuan or more with a wage word before it, not the
    overtime rate nor a sum paid; None when no such sum was said."""
    found = None
    for text in words:
        plain = normalize_text(text or "")
        for span in find_amounts(plain):
            if not isinstance(span.value, (int, float)) or not 800 <= span.value <= 100000 \
                    or is_overtime_rate(plain, span.start, span.end) \
                    or not _MONTH_CUE.search(plain[max(0, span.start - 6):span.start]):
                continue
            found = int(span.value)
    return found


# (老板给了二百红包 / 红包给了二百: no overtime paid, round 54 m2-2 — the guards of PAID_SAID)
_PAID = re.compile(NOT_OTHER_BEFORE + r"(?:一共|总共|只|才)?" + NOT_OTHER_BEFORE
                   + r"(?:给了|发了|付了|算了)(?:我|俺)?\s*"
                   r"([0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千万]+)(?![0-9.一二两三四五六七八九十百千万])"
                   r"\s*(?:块|元)?" + NOT_OTHER_AFTER)


# 老板说给双倍工资 对不对 (MM-15: never said the boss's double pay falls short)
_RATE_OFFERED = re.compile(r"(?:给|按|发|算)了?(?:我们?|俺)?\s*(?:的)?(双倍|两倍|2倍|二倍|一倍半|1\.5倍|一倍|1倍)")
_RATES_SAID = {"双倍": Decimal(2), "两倍": Decimal(2), "2倍": Decimal(2), "二倍": Decimal(2),
               "一倍半": Decimal("1.5"), "1.5倍": Decimal("1.5"), "一倍": Decimal(1), "1倍": Decimal(1)}


def rate_offered(text: str) -> Decimal | None:
    """给双倍 / 按两倍算: the multiple the employer pays (None when not said)."""
    found = _RATE_OFFERED.search(text or "")
    return _RATES_SAID[found.group(1)] if found else None


def _days_named_with_the_rate(said: str) -> list:
    """The days the words paying a multiple name: those of its own clause (老板说国庆给调休 中秋的给双倍 —
    round 54, m2-19: 中秋 alone, not 国庆 too), else of it and the clause before (老板说除夕不算法定假 只给
    两倍), else of all the words."""
    clauses = [c for c in re.split(r"[，,。；;！!？?\s]+", said or "") if c]
    at = next((i for i, c in enumerate(clauses) if rate_offered(c)), None)
    tries = [] if at is None else [clauses[at], " ".join(clauses[max(0, at - 1):at + 1])]
    for words in [*tries, said]:
        if named := read_worked_days(words).dates:
            return named
    return []


def _days_the_rate_is_for(pay, said: str) -> list | None:
    """老板说除夕不算法定假 只给两倍 (XO-2: all four statutory days taken at 2×, 1,011.49 short, not
    252.87): the statutory days of the sum the words paying the multiple name (by date, or by the
    festival's day: 除夕 of either year); None when they name no days (the multiple is for all)."""
    named = _days_named_with_the_rate(said)
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


_ITEM_MONEY = r"(\d{2,5}|[一两二三四五六七八九]?[千百][零一二三四五六七八九百十]*)\s*(?:块钱?|元)?"
_AGREED_ITEM = re.compile(r"(?:说好|讲好|约定|答应|承诺|协议(?:上|里)?(?:写|定))[^，,。；;？?]{0,10}?"
                          r"(红包|利是|过年费|留岗补贴|补贴|路费|车费|奖金|年终奖)(?:是|有|给|发|每人)*\s*"
                          + _ITEM_MONEY)
_ITEM_GIVEN = re.compile(r"(?:只|才|就|也只|也就|实际|结果)(?:只|才)?(?:发|给|开)了?(?:我|俺)?\s*" + _ITEM_MONEY)


def _agreed_item_shortfall(said: str) -> str | None:
    """说好红包500 结果只发了300: the sum agreed for an item (a red packet, a subsidy, the fare), the
    sum given after it, and the difference; None when the words do not say both."""
    agreed = _AGREED_ITEM.search(said)
    if not agreed or not (sum_agreed := parse_amount(agreed.group(2))):
        return None
    given = [int(v) for m in _ITEM_GIVEN.finditer(said, agreed.end())
             if (v := parse_amount(m.group(1))) and 0 < v < sum_agreed]
    if not given:
        return None
    what, full, paid = agreed.group(1), int(sum_agreed), given[0]
    return (f"按您说的：说好的{what} {full:,} 元，实际只发了 {paid:,} 元，少给了 {full - paid:,} 元"
            f"（{full:,} − {paid:,}）。单位事先说好（写进协议或公开承诺）的{what}，"
            "少给的这部分可以要求单位按说好的补足："
            "先拿着当时的通知、协议或聊天记录找单位说；单位不认的，工会可以帮您出面和单位协商，"
            "登记工单后由当地工会跟进。")


def guaranteed_pay_shortfall(text: str, words: str) -> str | None:
    """少的那两百能要吗 after 年后工资也只发了一千八 不是说保底两千吗 (XO-16: unanswered): the pay said
    guaranteed (保底 / 说好 / 协议), the pay given and the difference each month, and that it can be
    claimed (the rule of policy ``collective_agreement_binding``), as one line; None when the text does
    not ask about a difference, or ``words`` (the worker's recent messages) do not say both pays."""
    if (told := _agreed_item_shortfall(normalize_text(text or ""))) is not None:
        return told  # 说好留厂过年红包500 结果只发了300 (VE-9: the 200 short left off) told in this message
    if not _DIFFERENCE_ASKED.search(normalize_text(text or "")):
        return None
    said = normalize_text(words or "")
    guaranteed = [int(v) for m in _GUARANTEED.finditer(said) if (v := parse_amount(m.group(1))) and 1000 <= v <= 100000]
    given = [int(v) for m in _PAY_GIVEN.finditer(said)
             if (v := parse_amount(m.group(1) or m.group(2))) and 500 <= v <= 100000]
    if (item := _agreed_item_shortfall(said)) is not None:
        return item  # 说好留厂过年红包500 结果只发了300 … 少给的200块能要回来不 (VE-9: the 保底 text again)
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


# 我前面几个月也是这么加的 也能一起要吗 / 前面还有三个月也是每天加两个钟 四个月一共多少 (VE-4: the one month's
# 1,320 repeated, the 5,280 never given)
_EARLIER_MONTHS = re.compile(r"(?:前面|之前|以前|前头|前几个月|再往前)[^，,。；;？?！!]{0,6}?"
                             r"(?:几|\d+|[一二两三四五六七八九十]+)个?月"
                             r"[^，,。；;？?！!]{0,6}?(?:也|都|一样)|(?:也|都)是?(?:这么|这样|一样)加")
_TOTAL_MONTHS = re.compile(r"(?:一共|总共|合计|总计|加起来)\s*(\d+|[一二两三四五六七八九十]+)\s*个?月|"
                           r"(\d+|[一二两三四五六七八九十]+)\s*个?月\s*(?:一共|总共|合计|总计|加起来)")
_EARLIER_COUNT = re.compile(r"(?:前面|之前|以前|前头|再往前)(?:还有|还|也有|有)?\s*"
                            r"(\d+|[一二两三四五六七八九十]+)\s*个?月")
EARLIER_MONTHS_LINE = ("前面几个月没给的加班费也能一起要。您还在那干的话，在职期间拖欠的加班费（劳动报酬）"
                       "不受一年仲裁时效的限制，离职的从离职那天起一年内申请仲裁（《劳动争议调解仲裁法》第二十七条）。")


def earlier_months_asked(text: str) -> bool:
    """前面几个月也是这么加的 也能一起要吗 / 四个月一共多少: the months before the one worked out."""
    text = normalize_text(text or "")
    return bool(_EARLIER_MONTHS.search(text) or _TOTAL_MONTHS.search(text) or _EARLIER_COUNT.search(text))


def _month_count(said: str) -> int | None:
    value = parse_amount(said) if not said.isdigit() else int(said)
    return int(value) if value and 1 <= value <= 36 else None


def months_in_total(text: str) -> int | None:
    """四个月一共多少 → 4; 前面还有三个月也是这样 → 3 + this one = 4; None when no count is said."""
    text = normalize_text(text or "")
    if (total := _TOTAL_MONTHS.search(text)) and (months := _month_count(total.group(1) or total.group(2))):
        return months
    if (earlier := _EARLIER_COUNT.search(text)) and (months := _month_count(earlier.group(1))):
        return months + 1
    return None


def overtime_months_note(tracker: Tracker) -> str | None:
    """The facts of 前面还有三个月也是每天加两个钟 四个月一共多少 for a filed overtime ticket (VE-4: the raw
    sentence pasted as the note): the months and their total; None when no count of months is said or
    the month's overtime cannot be worked out."""
    text = (tracker.latest_message or {}).get("text") or ""
    if not earlier_months_asked(text) or (months := months_in_total(text)) is None or months < 2:
        return None
    try:
        pay = worked_pay(tracker.get_slot("monthly_wage"), read_worked_days(tracker.get_slot("overtime_days") or ""),
                         tracker.get_slot("wage_basis"))
    except (ValueError, ArithmeticError, TypeError):
        return None
    if not pay.total:
        return None
    return (f"前面几个月也是同样加班、加班费没给：共 {months} 个月，每月 {pay.total:,.2f} 元 × {months} 个月 = "
            f"{pay.total * months:,.2f} 元（工单金额按这个总数核）")


def months_of_it(tracker: Tracker) -> int | None:
    """半年 / 三个月 in the worker's recent words about the overtime: how many months of it."""
    text = (tracker.latest_message or {}).get("text") or ""
    if (months := months_in_total(text)) is not None and months > 1:
        return months
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
    # (休息日每天也多干: only when the rest days' hours are summed — 平时每天晚上还加三个钟头 are weekdays',
    # round 54 m2-15: said of the Saturdays, with no line for them)
    rest_too = f"，休息日每天也多干 {worked.hours_per_day:g} 小时" if worked.rest_hours else ""
    if worked.month_days:  # 一个月只歇两天 每天十个钟头 (YS-04)
        daily = (f"；工作日每天多干 {worked.hours_per_day:g} 小时 × {worked.workdays} 天 = "
                 f"{worked.extended_hours:g} 小时{rest_too}" if worked.hours_per_day else "")
        return (f"一个月上 {worked.month_days} 天班，按每月约 22 个工作日算：休息日加班 {worked.rest_days} 天"
                f"{daily}\n")
    if worked.weekly_days:
        daily = (f"；工作日每天多干 {worked.hours_per_day:g} 小时 × {worked.workdays} 天 = "
                 f"{worked.extended_hours:g} 小时{rest_too}" if worked.hours_per_day else "")
        # (一周只歇半天: 1.5 days a week, 6 of work a month, XQ-7)
        return f"每周多上 {worked.weekly_days:g} 天，按一个月 4 周算：休息日加班 {worked.rest_worked:g} 天{daily}\n"
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


# 北京、上海: standards that leave out the worker's own social insurance and housing fund (the policy
# record minimum_wage_components says so; elsewhere the pay before them is compared)
_NET_STANDARD_PLACES = ("北京", "上海")
# 2500是到手的 / 到手2500 / 扣完才2500 / 税后2500 / 实发2500: the take-home pay told
_TAKE_HOME_BEFORE = re.compile(r"(?:到手|实发|实际拿|扣完了?(?:以后|之后)?才?|税后|打到卡上|打卡上)"
                               r"(?:的|是|只有|才|就)?\s*$")
_TAKE_HOME_AFTER = re.compile(r"^\s*(?:块|元)?钱?\s*(?:是|才是|就是)?(?:到手|实发|税后)")


def _net_standard(city: str | None) -> bool:
    """The place's minimum wage leaves out the worker's own social insurance (北京, 上海)."""
    return bool(city) and any(str(city).startswith(place) for place in _NET_STANDARD_PLACES)


def take_home_pay(words: str) -> int | None:
    """The take-home pay told (到手2500 / 2500是到手的 / 扣了社保公积金才2500), the last said; None when none."""
    found = None
    for span in find_amounts(words):
        if isinstance(span.value, (int, float)) and 500 <= span.value < 100000 and (
                _TAKE_HOME_BEFORE.search(words[max(0, span.start - 12):span.start])
                or _TAKE_HOME_AFTER.match(words[span.end:span.end + 8])):
            found = int(span.value)
    return found


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


# 算不算违法嘛 / 要是低了咋个投诉 (VA-4): the law asked of a pay with no city figure on record
_PAY_LAW_ASKED = re.compile(r"合法|违法|犯法|算不算|正常吗|行不行|可以吗|对不对|投诉|举报|告他|找哪|去哪|"
                            r"咋个办|怎么办|咋办")
_NO_RECORD_RULE = ("不管在哪个城市，单位支付的工资（不算加班费和中夜班、高温等特殊津贴）低于当地最低工资标准，"
                   "就是违法的：国家实行最低工资保障制度，用人单位支付劳动者的工资不得低于当地最低工资标准"
                   "（《劳动法》第四十八条；《最低工资规定》第十二条），差额可以要求单位补发。要投诉：打 12333，"
                   "或者到当地人社部门的劳动保障监察机构举报；也可以申请劳动仲裁，或者找当地工会（12351）帮忙。")


def below_minimum_rule(text: str, city: str | None = None, paid: Any = None) -> str | None:
    """成都最低工资好多 … 一个月才拿1900 算不算违法嘛 with no 成都 figure on record (VA-4): the rule said
    plainly — pay below the local minimum is unlawful, and where to complain — without any city's
    figure; None when the message asks neither the law nor where to complain."""
    if not _PAY_LAW_ASKED.search(normalize_text(text or "")):
        return None
    own = f"您一个月拿 {int(paid):,} 元，只要低于{city or '当地'}人社部门公布的月最低工资标准，就是违法的。" \
        if isinstance(paid, (int, float)) and paid > 0 else ""
    return own + _NO_RECORD_RULE


class ActionMinimumWage(SafeAction):
    """The city's minimum wage with its effective date; a wage below it → a ticket offer."""

    def name(self) -> str:
        return "action_minimum_wage"

    async def act(self, dispatcher, tracker, domain):
        text = (tracker.latest_message or {}).get("text") or ""
        if (theirs := someone_elses_pay_place(text)) is not None:
            # 老乡在福建福鼎皮革厂 一个月才一千八 合法吗 (XU-5: compared with 青岛's, the worker's own city)
            dispatcher.utter_message(text=await someone_elses_minimum_wage(*theirs, text))
            own = value_before_this_message(tracker, "monthly_wage")
            return [SlotSet("monthly_wage", own)] if tracker.get_slot("monthly_wage") != own else []
        city = await worker_city(tracker)
        result = await client().minimum_wage(city, tracker.get_slot("district"))
        wage = result.get("minimum_wage")
        if not result.get("found") or not wage:
            if not said_this_turn(tracker, "最低工资标准我这里还没有收录", earlier_turns=2):
                dispatcher.utter_message(response="utter_no_minimum_wage", city=city or "当地")
            if (rule := below_minimum_rule(text, city, tracker.get_slot("monthly_wage"))) is not None:
                # 成都 … 1900 算不算违法嘛 要是低了咋个投诉 (VA-4: the no-record line again, the legality never said)
                dispatcher.utter_message(text=rule)
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
        if tracker.get_slot("wage_basis") != "hour" and (hour := hourly_pay_said(text)) is not None \
                and (hourly := _hourly_against_the_minimum(float(hour), "hour", details, said=hour)):
            # 我喺奶茶铺做兼职 一个钟先俾20蚊 系咪低过最低标准 (XY-5: the month's pay asked of a part-timer)
            line, below = hourly
            dispatcher.utter_message(text=line)
            facts = {"hourly_wage": hour, "city": city, "minimum_wage": int(details["monthly"])}
            hours = month_hours_said(text) or month_hours_said(recent_words(tracker, limit=4))
            if below and (short := _hours_short_line(hour, details.get("hourly"), hours)) is not None:
                # 一个月八十个钟头 少给我多少 (VC-4: asked twice, the 320 元 never said, the 80 h not filed)
                dispatcher.utter_message(text=short[0])
                facts["case_points"] = f"每月约 {hours} 小时，每月少给 {short[1]:,.2f} 元"
            return offer_ticket("minimum_wage", facts) if below else []
        if not paid:  # the worker's own pay is compared when it is said (router)
            dispatcher.utter_message(text="您每个月实际拿多少？告诉我，我帮您对比一下是否低于这个标准。")
        if paid and (hourly := _hourly_against_the_minimum(paid, tracker.get_slot("wage_basis"), details)):
            line, below = hourly  # 按小时给 一小时十八块 (round 54, m2-17: 3,132 a month compared)
            dispatcher.utter_message(text=line)
            return offer_ticket("minimum_wage", {"hourly_wage": wage_as_said(paid, "hour")[1], "city": city,
                                                 "minimum_wage": int(details["monthly"])}) if below else []
        if paid and int(paid) < int(details["monthly"]) and (stop := stoppage_pay_line(
                text, recent_words(tracker, limit=3), int(paid), (city or "当地", int(details["monthly"])),
                str(wage.get("effective_from") or ""))):
            dispatcher.utter_message(text=stop)  # 放假那会厂里只给1570保底 这个合法不 (XG-4)
            return []
        if paid and int(paid) < int(details["monthly"]):
            dispatcher.utter_message(response="utter_below_minimum_wage", paid=paid,
                                     minimum=details["monthly"])
            # 一個月才1800 合法嗎 差多少 (VE-5: the 400 a month came only after the months were given)
            dispatcher.utter_message(text=f"每月差 {int(details['monthly']) - int(paid):,} 元"
                                          "（最低工资不含加班费）；说一下这样发了几个月，我帮您算一共差多少。")
            if TAKE_HOME.search(recent_words(tracker, limit=3)):
                dispatcher.utter_message(text=TAKE_HOME_NOTE.format(city=city or "当地"))
            return offer_ticket("minimum_wage", {"monthly_wage": int(paid), "city": city,
                                                 "minimum_wage": int(details["monthly"])})
        net = take_home_pay(recent_words(tracker, limit=4))
        if paid and net and net < int(details["monthly"]) <= int(paid) and _net_standard(city):
            # 税前2900 到手2500 到底算不算低于最低工资 in 上海 (VK-15: 2,900 不低于 2,740 — after saying 上海's
            # standard leaves out the worker's own social insurance): the take-home pay is what is compared
            short, line = int(details["monthly"]) - net, details["monthly"]
            dispatcher.utter_message(text=f"{city}的最低工资标准不含个人缴的社保和公积金，要看扣完以后到手的钱："
                                          f"您到手 {net:,} 元，低于{city}的月最低工资 {line} 元，每月差 {short:,} 元"
                                          "（正常出勤的情况下）。差额可以要求补发，也可以打 12333 投诉；"
                                          "说一下这样发了几个月，我帮您算一共差多少。")
            points = f"税前{int(paid):,}元、到手{net:,}元，每月比最低工资少{short:,}元"
            return offer_ticket("minimum_wage", {"monthly_wage": net, "city": city, "case_points": points,
                                                 "minimum_wage": int(details["monthly"])})
        if paid:  # (不对 是3500 right after the figure, ZU-08: nothing said at all)
            dispatcher.utter_message(text=f"您说的每月 {int(paid):,} 元不低于当地的月最低工资 {details['monthly']} 元。"
                                          "最低工资只是底线；试用期工资、加班费这些另有规定，想问可以直接说。")
        return []


async def someone_elses_minimum_wage(who: str, place: str, text: str) -> str:
    """The minimum wage of the place where another person works (their place, never the worker's own
    city, XU-5) from the backend's record, and the month's pay the message says weighed against it."""
    try:
        found = (await client().resolve(None, place)).get("path") or {}
        city = found.get("city") or found.get("province") or place
        result = await client().minimum_wage(city, None)
    except (BackendUnavailable, BackendError):
        return (f"{place}的最低工资标准我现在查不到，可以让您{who}打当地人社部门电话 12333 核实。"
                "（您自己的事不变。）")
    wage = result.get("minimum_wage") or {}
    details = wage.get("details") or {}
    if not result.get("found") or not details.get("monthly"):
        return (f"{place}的最低工资标准我这里还没有收录，不能拿别的地方的数比；可以让您{who}打当地人社部门电话 "
                "12333 核实。（您自己的事不变。）")
    lines = [f"您{who}在{place}干活，要按{place}当地的标准比：" + minimum_wage_text(wage)]
    pays = [s.value for s in find_amounts(normalize_text(text))
            if isinstance(s.value, (int, float)) and 500 <= s.value <= 100000]
    floor = int(details["monthly"])
    if pays and int(pays[0]) < floor:
        paid = int(pays[0])
        lines.append(f"您{who}每月 {paid:,} 元，低于{place}的月最低工资 {floor:,} 元，每月差 {floor - paid:,} 元"
                     "（最低工资不含加班费）。差额可以要求单位补发，"
                     f"也可以让他打{place}当地的 12333 投诉，或找当地工会（职工服务热线 12351）。")
    elif pays:
        lines.append(f"您{who}每月 {int(pays[0]):,} 元不低于{place}的月最低工资 {floor:,} 元；"
                     "如果这里面含加班费，要减掉加班费再比。")
    lines.append("（这是给他的参考，您自己的事不变。）")
    return "\n".join(lines)


# 一个钟20蚊 / 时薪18 / 一小时才给15块 / 20块一个钟 / 按钟计 一个钟20: a part-timer's pay for an hour (XY-5)
_HOUR_BEFORE = re.compile(r"(?:时薪|小时工资|钟点费|一小时|每小时|一个小时|每个?钟头?|一个?钟头?)"
                          r"(?:都|就|只|才|先|是|有|给|发|得|拿|算)*\s*$")
_HOUR_AFTER = re.compile(r"^\s*(?:块钱?|元|蚊)?\s*(?:钱)?\s*(?:一小时|每小时|一个小时|一个?钟(?!点)头?)")


_HOUR_BARE = re.compile(r"(?:时薪|每小时|一小时|一个小时|一个?钟头?)(?:都|就|只|才|先|是|有|给|发|得|拿|算)*\s*"
                        r"(\d{1,3}(?:\.\d{1,2})?)(?![\d.]|\s*(?:个|小时|钟|天|点|分|%))")


def hourly_pay_said(text: str) -> Decimal | None:
    """The pay for an hour the message says (1–199 元), not an overtime rate paid; None when none."""
    words = normalize_text(text or "")
    for span in find_amounts(words):
        if not isinstance(span.value, (int, float)) or not 0 < span.value < 200 \
                or is_overtime_rate(words, span.start, span.end):
            continue
        if _HOUR_BEFORE.search(words[max(0, span.start - 10):span.start]) or _HOUR_AFTER.match(words[span.end:]):
            return Decimal(str(span.value))
    bare = _HOUR_BARE.search(words)  # 时薪18 / 一个钟20 (no unit: no sum find_amounts reads)
    if bare and not is_overtime_rate(words, bare.start(1), bare.end(1)) and 0 < float(bare.group(1)) < 200:
        return Decimal(bare.group(1))
    if only := _ONLY_A_FIGURE.fullmatch(words.strip()):
        # 18 alone (VC-4: the menu twice): no month's or day's pay is under 100 元 — an hour's
        value = parse_amount(only.group(1) + "元")
        return Decimal(str(value)) if value and 0 < value < 100 else None
    return None


# 18 / 18块 / 十八 / 18块钱吧: a small figure, all the message says
_ONLY_A_FIGURE = re.compile(r"(?:就|才|只有?|是)?\s*(\d{1,2}(?:\.\d{1,2})?|[一二两三四五六七八九十]{1,3})\s*"
                            r"(?:块钱?|元)?\s*(?:吧|啊|呀|呗|哦)?[。.!！]?")
# 一个月八十个钟头 / 每月干80小时 / 一个月上80个小时: the hours worked in a month
_MONTH_HOURS_SAID = re.compile(r"(?:一个月|每个?月|一月|月)(?:能|就|才|只|大概|差不多|总共|一共)?"
                               r"(?:干|上|做|排|工作)?(?:了)?\s*"
                               r"(\d{1,3}|[一二两三四五六七八九十百]{1,4})\s*(?:多)?\s*个?\s*(?:钟头|小时|钟|工时)")


def month_hours_said(words: str) -> int | None:
    """The hours a month the words name (一个月八十个钟头 → 80); None when none (or not 1–300)."""
    said = list(_MONTH_HOURS_SAID.finditer(normalize_text(words or "")))
    if not said:
        return None
    try:
        hours = int(said[-1].group(1)) if said[-1].group(1).isdigit() else int(cn2an.cn2an(said[-1].group(1), "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return hours if 0 < hours <= 300 else None


def _hours_short_line(hour: Decimal, minimum: Any, hours: int | None) -> tuple[str, Decimal] | None:
    """每小时差 4 元 × 80 小时 = 320 元 a month (VC-4: never computed); None without the hours."""
    if hours is None or not minimum or hour >= Decimal(str(minimum)):
        return None
    short = (Decimal(str(minimum)) - hour) * hours
    return (f"按一个月 {hours} 小时算：每小时差 {Decimal(str(minimum)) - hour:g} 元 × {hours} 小时 = "
            f"{short:,.2f} 元，也就是每个月少给了 {short:,.2f} 元。"), short


def _hourly_against_the_minimum(paid: Any, basis: Any, details: dict,
                                said: Decimal | None = None) -> tuple[str, bool] | None:
    """一小时十八块 / 按小时给 (part-time work is paid by the hour): the hour's pay against the city's
    hourly minimum (the records' ``hourly``) — the line and whether it is below; None when the pay
    was not said by the hour or the city has no hourly figure. The month worked out of an hour's pay
    (× 8 × 21.75) is no month the worker was paid."""
    minimum = details.get("hourly")
    if basis != "hour" or not isinstance(paid, (int, float)) or not minimum:
        return None
    said = said if said is not None else wage_as_said(paid, "hour")[1]
    hour, floor = Decimal(str(said)), Decimal(str(minimum))
    if hour >= floor:
        return (f"您说的每小时 {said} 元不低于当地的小时最低工资 {minimum} 元。按小时计酬的，"
                "工资也不能低于当地小时最低工资标准。"), False
    return (f"您说的每小时 {said} 元低于当地的小时最低工资 {minimum} 元，每小时差 {floor - hour:g} 元。"
            "按小时计酬的也不能低于当地小时最低工资标准，差额可以要求补发，也可以打 12333 投诉。"), True


def _month_hours(worked: WorkedText) -> Decimal:
    """The overtime hours of the month told: the weekday hours, and the rest days worked in it
    at 8 hours each (YS-02 warned of 44 hours, the 4 Saturdays' 32 left out) — not holidays
    named by date, which need not fall in one month."""
    rest = Decimal(0) if worked.dates else 8 * worked.rest_worked + worked.rest_hours
    return worked.extended_hours + rest
