"""Reading one answer to a form's question: the shared validator of each slot, and the
``validate_<slot>`` / ``extract_<slot>`` methods built from it.

A form asks only for what is missing and reads the worker's reply in their own words (外卖,
初二, 有居住证, 就我一个, 不知道); these pieces decide whether a message answers the question
asked, and say in Chinese what is wrong when it does not. Built on the pure validators in
``actions/validators.py``; the form base (``actions/hotline_form.py``) puts them together.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import validators as v
from actions.fact_tables import CASE_FACTS, FACT_NAMES, OPTIONAL_FACTS, fact_text, wage_as_said
from actions.overtime_days import holiday_days_said_bare
from bot.contract import OCCUPATIONS
from bot.normalize.numbers import find_durations, yuan_value
from bot.normalize.text import normalize_text

logger = logging.getLogger(__name__)


Slots = dict[str, Any]
GENERIC_REASK = "抱歉，我没听明白，请再说一遍。"


def reask(dispatcher: CollectingDispatcher, domain: DomainDict, response: str) -> None:
    """Asks again with the domain's response; a generic Chinese line if it is missing."""
    if response in (domain or {}).get("responses", {}):
        dispatcher.utter_message(response=response)
    else:
        dispatcher.utter_message(text=GENERIC_REASK)


# Re-asks that are the question itself again (with its example): when the form asked this
# very slot, Rasa asks it again right after validation, with its buttons — saying these too
# would put the same question twice in one reply (您是留下来过年…？ twice, found by hand).
SAYS_THE_QUESTION = {"utter_invalid_grade", "utter_invalid_hukou_status",
                     "utter_invalid_school_problem", "utter_invalid_holiday_situation"}


def apply(slot: str, checked: v.Checked, dispatcher: CollectingDispatcher,
          domain: DomainDict, asked: str | None = None) -> Slots:
    """The validated value; a value not understood is explained, unless Rasa's re-ask of
    the same question says it (``asked``: the slot the form asked for)."""
    if checked.reask is not None and not (checked.reask in SAYS_THE_QUESTION and asked == slot):
        reask(dispatcher, domain, checked.reask)
    return {slot: checked.value}


# The shared validator of each slot a form asks for.
SLOT_CHECKS: dict[str, Callable[[object], v.Checked]] = {
    "employer": v.employer_answer,
    "phone": v.phone, "id_number": v.id_number, "amount": v.owed_amount, "monthly_wage": v.amount,
    "medical_cost": v.amount, "duration": v.duration, "ticket_id": v.ticket_id,
    "otp_code": v.otp, "child_grade": v.grade, "city": v.place,
    "workers_affected": v.head_count, "overtime_days": v.worked_days,
    "hukou_status": v.hukou_status, "school_problem": v.school_problem,
    "holiday_situation": v.holiday_situation, "occupation": v.occupation,
}
# Values that mean "something, but nothing specific": not proof the message was an answer.
_UNSPECIFIC = ("other", "其他（")
# Free-text places prove nothing either: "辛安街道的服务站在哪" reads as a place too.
_NOT_PROOF = {"city", "district", "employer"}
# Rough answers a case can be filed with (约好几个月, 约五六千, 约两三个).
APPROXIMATIONS: dict[str, Callable[[object], v.Checked]] = {
    "duration": v.approximate_duration, "amount": v.approximate_amount,
    "workers_affected": v.approximate_head_count, "medical_cost": v.amount_at_least}
PLACES = ("district", "city")
# Answers taken in the worker's own words: any text would pass, so they are read only from
# a message that is not about something else.
FREE_TEXT = {"employer", "school_problem", "occupation"}
# Intents that are never the answer to a form's question: the form steps aside for them.
NOT_AN_ANSWER = {"cancel", "request_human", "bot_challenge", "goodbye", "greet", "thanks"}


def slots_set_this_turn(tracker: Tracker) -> dict[str, Any]:
    """The slots the latest message filled (not facts of an earlier, finished case)."""
    found: dict[str, Any] = {}
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "slot" and event.get("name") not in found:
            found[event["name"]] = event.get("value")
    return found


def context_of(tracker: Tracker) -> v.Context:
    """The question open, the form open and the intent of the latest message."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    form = tracker.active_loop_name
    known = frozenset(s for s in CASE_FACTS if tracker.get_slot(s) not in (None, v.UNKNOWN))
    asked = tracker.get_slot("requested_slot") if form else None
    if form == "ticket_offer_form":  # 三年级 on the school ticket offer is about the school
        form = CASE_FLOWS.get(str((tracker.get_slot("pending_case") or {}).get("type")), form)
    sums = tuple((s, float(tracker.get_slot(s))) for s in ("amount", "monthly_wage", "medical_cost")
                 if isinstance(tracker.get_slot(s), (int, float)))
    duration = tracker.get_slot("duration")
    return v.Context(asked=asked, form=form, intent=intent, known=known, sums=sums,
                     duration=duration if isinstance(duration, str) else None)


# The flow whose facts a parked case holds, by ticket type (for reading a new fact said
# while the ticket is offered).
CASE_FLOWS = {"school_placement": "school_form", "wage_arrears": "wage_arrears_form",
              "minimum_wage": "minimum_wage_form", "relief_application": "relief_form",
              "subsidy_application": "holiday_subsidy_form", "overtime_pay": "overtime_form"}


def kept_facts(tracker: Tracker, filled: dict[str, Any], asked: str | None,
               answered: bool) -> tuple[dict[str, Any], bool]:
    """The facts a reply told besides the answer asked for, to say back, and whether any
    of them is new. Read from what the form validated and from what
    ``action_validate_slot_mappings`` set this turn (青岛 while the relief form asks the phone:
    the city is no slot that form validates then, but the worker must see it was kept)."""
    # (a figure said again inside a question — 那我这两千八到底够不够啊, round 25 — is nothing new
    # to say back as 记下了)
    told = {k: val for k, val in {**slots_set_this_turn(tracker), **filled}.items()
            if k in (*CASE_FACTS, *PLACES) and k != asked and val is not None
            and val != value_before_this_message(tracker, k)}
    new = bool(told)
    if asked and not answered and not told and asked in SLOT_CHECKS:
        told = {k: val for k, val in other_facts_said(tracker, asked).items()
                if tracker.get_slot(k) == val}  # said again (留下): kept as it was
    if "district" in told:
        told.pop("city", None)  # the district says it (its city was looked up)
    if told.get("occupation") == "other" \
            and (words := v.job_in_words((tracker.latest_message or {}).get("text") or "")):
        told["occupation"] = words  # 在港口开叉车 → 记下了：工作 港口叉车, never 工作 其他 (the slot keeps the code)
    return told, new


def told_text(facts: dict[str, Any], basis: Any = None) -> str:
    """金额 8,500 元、欠薪时间 3个月: facts the worker told besides the answer asked for; a wage as
    it was said (``basis``: 俺一天三百块 was said back as 月工资 6,525 元, round 25)."""
    said = {k: val for k, val in facts.items() if k != "wage_basis"}
    if "monthly_wage" in said:
        fact, value = wage_as_said(said.pop("monthly_wage"), facts.get("wage_basis", basis))
        said = {fact: value, **said}
    # (ZP-06 was told 记下了：ticket_id GH…: never a slot's own name)
    return "、".join(f"{FACT_NAMES[slot]} {fact_text(slot, value)}" for slot, value in said.items()
                    if slot in FACT_NAMES)


def answers_the_question(tracker: Tracker) -> bool:
    """The latest message is a valid answer to the slot the form asked for."""
    slot = tracker.get_slot("requested_slot")
    check = SLOT_CHECKS.get(slot)
    text = tracker.latest_message.get("text") or ""
    if slot == "employer" and v.described_employer(text):
        return True  # 他姓张 电话打不通 / 一个姓刘的包工头: who, described (any text passes the check)
    if check is None or slot in _NOT_PROOF:
        return False
    checked = check(text)
    if checked.ok and not str(checked.value).startswith(_UNSPECIFIC):
        return True
    approx = APPROXIMATIONS.get(slot)  # 从去年过年到现在 answers how long (过年 is no topic)
    return slot in OPTIONAL_FACTS and approx is not None and approx(text).ok


# 日结 / 按天结 / 干一天给一天 answering 您的月工资是多少 (ZW-03: 没听明白金额, and the month asked
# again): paid by the day, so the day's pay is asked; the figure said next is that day's pay
_PAID_BY_THE_DAY = re.compile(r"日结|按天(?:结|算|给|发|计)|一天一结|天天结|(?:干|做)一天给一天|点工")
DAY_PAY_QUESTION = "日结的按日工资算就行，一天多少钱？（比如 220）"


def _pay_by_the_day(value: Any, tracker: Tracker, dispatcher: CollectingDispatcher) -> Slots | None:
    """The wage answer read as a day's pay: 日结 (no figure) asks the day's pay; a bare figure
    after that is the day's (220 → 220 × 21.75 a month). None: an ordinary answer."""
    text = (tracker.latest_message or {}).get("text") or ""
    checked = SLOT_CHECKS["monthly_wage"](value)
    if not checked.ok and _PAID_BY_THE_DAY.search(normalize_text(text)) and not re.search(r"\d", text):
        dispatcher.utter_message(text=DAY_PAY_QUESTION)
        return {"monthly_wage": None, "wage_basis": "day"}
    if checked.ok and tracker.get_slot("wage_basis") == "day" and float(checked.value) <= v.MAX_DAILY_PAY \
            and "wage_basis" not in slots_set_this_turn(tracker):  # (一天50 read this turn: 1,087.5 a month)
        return {"monthly_wage": yuan_value(float(checked.value) * 21.75)}
    return None


# 每个月还有三百块饭补 给的现金 to 您的月工资是多少 (YP-08: 月工资 300 元): an allowance is no pay
ALLOWANCE_IS_NO_PAY = "饭补、餐补这类补贴不算在月工资里，这里按不含补贴的工资算。"
DOCKED_IS_NO_PAY = "被扣的钱我记下了，登记时会写进情况要点；它不是月工资。"


def _allowance_said(tracker: Tracker, dispatcher: CollectingDispatcher) -> Slots | None:
    """The wage answer that names only an allowance, or only money docked (还扣了我500, XM-15:
    没听明白金额): said so, and the pay asked again (None: an ordinary answer)."""
    text = (tracker.latest_message or {}).get("text") or ""
    if v.allowances_only(text):
        dispatcher.utter_message(text=ALLOWANCE_IS_NO_PAY)
    elif v.docked_only(text):
        dispatcher.utter_message(text=DOCKED_IS_NO_PAY)
    else:
        return None
    return {"monthly_wage": value_before_this_message(tracker, "monthly_wage")}


def slot_validator(slot: str):
    """A ``validate_<slot>`` method: the shared validator, then re-ask or keep the value."""
    check = SLOT_CHECKS[slot]

    def validate(self, value, dispatcher, tracker, domain) -> Slots:
        if slot == "monthly_wage" and (by_day := _pay_by_the_day(value, tracker, dispatcher)) is not None:
            return by_day
        if slot == "monthly_wage" and (allowance := _allowance_said(tracker, dispatcher)) is not None:
            return allowance
        return apply(slot, check(value), dispatcher, domain,
                     asked=tracker.get_slot("requested_slot"))

    validate.__name__ = f"validate_{slot}"
    return validate


def digits_extractor(slot: str):
    """An ``extract_<slot>`` method for a slot whose answer is a number: a reply with digits
    that the NLU did not read as this slot (1380532 is no phone entity) is checked as written,
    so the worker hears what is wrong instead of the form being rejected and the message
    misread as something else."""
    check = SLOT_CHECKS[slot]

    def extract(self, dispatcher, tracker, domain) -> Slots:
        if (tracker.get_slot("requested_slot") != slot or slot in tracker.slots_to_validate()
                or not self._waiting_for_answer(tracker)):
            return {}
        text = tracker.latest_message.get("text") or ""
        if not re.search(r"\d", text) and not (slot in ("phone", "ticket_id") and check(text).ok):
            return {}  # any script's digits (the check normalises the text); a phone read out
            # in words (一五八 六三九二 七七零一, W-03, S-22) is one too
        checked = check(text)
        told = {k for k, val in slots_set_this_turn(tracker).items()
                if val is not None and k != slot and k in SLOT_CHECKS}
        if not checked.ok and (told or other_facts_said(tracker, slot)):
            # 不对 是3500 / a late 7个 while the phone is asked: another fact, no wrong phone
            # (counted as a failed try, the second real one went on without a phone)
            return {}
        return {slot: checked.value if checked.ok else None}  # None: validate_<slot> re-asks

    extract.__name__ = f"extract_{slot}"
    return extract


def other_facts_said(tracker: Tracker, slot: str) -> dict[str, Any]:
    """Facts of other slots the latest message states, new or already known (留下 while the
    job is asked states the holiday plan): such a message is no vague answer to ``slot``."""
    latest = tracker.latest_message or {}
    try:
        facts = v.read_facts(latest.get("text") or "", latest.get("entities"), context_of(tracker))
    except Exception:  # reading facts must never cost the worker an answer
        logger.exception("reading the facts of a message failed")
        return {}
    return {k: val for k, val in facts.items() if k != slot and val is not None}


def answer_extractor(slot: str):
    """An ``extract_<slot>`` method: the latest message read as the answer to this form's
    question (外卖, 初二, 有居住证, 就我一个, 一个姓刘的包工头), whatever the NLU made of it.
    不知道 is an answer too, for a fact a case can go without."""
    check = SLOT_CHECKS[slot]

    def extract(self, dispatcher, tracker, domain) -> Slots:
        if (tracker.get_slot("requested_slot") != slot or slot in tracker.slots_to_validate()
                or not self._waiting_for_answer(tracker)):
            return {}
        latest = tracker.latest_message or {}
        text = latest.get("text") or ""
        if (latest.get("intent") or {}).get("name") in NOT_AN_ANSWER or text.startswith("/") \
                or (v.is_correction(text) and not v.says_it_again(text)):
            return {}
        if slot in FREE_TEXT and set(tracker.slots_to_validate()) & set(CASE_FACTS):
            return {}  # the message told other facts (read already): it is no name or problem
        if slot == "medical_cost" and (own := v.relatives_left_out(normalize_text(text)))[1]:
            # 不是我看病 是我妈住院 花了一万多 (VK-14: 自付医疗费 10,000 filed): a relative's bill is theirs —
            # only what the worker says of their own costs answers
            text = own[0]
            if not v.amount_at_least(text).ok:
                return {}
        checked = check(text)
        if checked.ok and not str(checked.value).startswith(_UNSPECIFIC):
            return {slot: checked.value}
        if slot == "overtime_days" and (days := holiday_days_said_bare(text, _said_before(tracker))):
            return {slot: days}  # 1号到4号都干了 after 国庆干活给几倍 (ZW-03: 没听明白): 国庆's days
        if slot in OPTIONAL_FACTS:
            approx = APPROXIMATIONS.get(slot)
            if approx and approx(text).ok:  # 不知道 好几个吧 (W-15): 好几个, not 不清楚
                return {slot: approx(text).value}
            if v.says_unknown(text) and not v.someone_else_unknown(text):
                # (不知道他叫啥 to 有多少工友被欠薪 — the lead's check filed 人数：不清楚: the boss's name unknown)
                return {slot: v.UNKNOWN}
        if checked.ok and not other_facts_said(tracker, slot):
            return {slot: checked.value}  # 其他（…）: something, in the worker's words
        if checked.ok:
            return {}  # 留下 while the job is asked: about staying, not a job; asked again
        told = {k for k, val in slots_set_this_turn(tracker).items() if val is not None}
        if (set(tracker.slots_to_validate()) | told) & {*CASE_FACTS, *PLACES, "phone"}:
            # 八千五 while the time is asked, 在青岛李沧那边 while the sum is (set by the NLU's
            # mapping before the form ran), 13912345678 while the head count is: another fact,
            # kept; no "没听明白"
            return {}
        return {slot: None}  # validate_<slot> explains and asks again

    extract.__name__ = f"extract_{slot}"
    return extract


def _said_before(tracker: Tracker, back: int = 4) -> list[str]:
    """The worker's last few messages before the latest, latest last."""
    users = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]
    return users[-back - 1:-1]


# Values the validators produce, accepted as they are when validated again.
_NORMALISED = {"occupation": set(OCCUPATIONS),
               "holiday_situation": {"stay", "return"}}


def no_time_owed_said(tracker: Tracker) -> bool:
    """Every duration the latest message says is no time owed: the time since the worker left
    (走了快两年了) or since the accident (出事半年了), the contract's term (合同签的一年) or a
    time off work (中间有三个月没干活)."""
    text = normalize_text((tracker.latest_message or {}).get("text") or "")
    spans = find_durations(text)
    return bool(spans) and all(v.time_not_owed(text, s.start, s.end) for s in spans)


def keeping_validator(slot: str):
    """A ``validate_<slot>`` that accepts what the extractors already normalised
    (不清楚, 约好几个月) and checks anything else with the shared validator."""
    check = SLOT_CHECKS[slot]

    def validate(self, value, dispatcher, tracker, domain) -> Slots:
        if slot == "duration" and no_time_owed_said(tracker):
            # 先问一下 我走了快两年了 上个月还催过 (ZW-09: 欠薪时间改为2年): the time since leaving
            # (出事半年了, YP-15: since the accident)
            return {slot: value_before_this_message(tracker, slot)}
        if isinstance(value, str) and (value == v.UNKNOWN or value.startswith(("约", "很多（", "很多人（"))
                                       or value in _NORMALISED.get(slot, ())
                                       or (slot == "duration" and value.endswith("月的工资"))):
            return {slot: value}  # (这个月的工资: II-09 was asked how long, again and again)
        if slot == "employer" and isinstance(value, str) and tracker.get_slot("requested_slot") != "employer" \
                and (left := v.work_said_as_employer(value, (tracker.latest_message or {}).get("text") or "")) \
                is not None:
            # 在辛安这片跑快递的 (VK-6: 单位：片跑快递): the work done, no employer — the one held stays
            return {slot: left or value_before_this_message(tracker, slot)}
        if slot == "employer" and isinstance(value, str) and len(re.findall(
                r"[\u4e00-\u9fff]", value)) >= 2 and not v.employer_answer(value).reask:
            return {slot: value}  # a name from the NLU or a description, kept as said
        if slot == "workers_affected" and isinstance(value, int) and value > 0:
            return {slot: value}
        return apply(slot, check(value), dispatcher, domain,
                     asked=tracker.get_slot("requested_slot"))

    validate.__name__ = f"validate_{slot}"
    return validate


_NAMED_FACTS = (("employer", r"单位|公司|老板|包工头|厂子?名?"), ("amount", r"金额|钱数?|工资数?|欠款"),
                ("duration", r"时间|多久|几个月|时长"), ("workers_affected", r"人数|几个人|工友"),
                ("phone", r"电话|手机号?"), ("district", r"地点|地方|地址|街道|区"),
                ("child_grade", r"年级"), ("hukou_status", r"户口"),
                ("school_problem", r"问题"), ("occupation", r"工作|职业"))
CONFIRM = re.compile(r"^(?:确认|确定|没问题|对的?|是的|提交|可以|行|好的?|没错|登记吧?|对，?没错)")
CHANGE = re.compile(r"^(?:修改|改一下|要改|我要改|不对|有错|改)")


# 是匯豐機械廠。能要什麼錢 (XD-11 filed 单位：汇丰机械厂.能要什么钱): the new value ends with its
# sentence — a full stop (a "." not inside a figure such as 4.5万), ！, ？ or ；
_TO_SENTENCE_END = r"((?:[^。！？!?；;.\n]|(?<=\d)\.(?=\d))+)"


# a name, a place, a job: said in one clause (俺是中通的 先不登记 过完年再说 names 中通 alone)
_ONE_CLAUSE_FACTS = ("employer", "district", "occupation", "hukou_status", "child_grade")
# the clause after a name that is no part of it: a wish about the ticket or a time to wait
_NOT_OF_THE_NAME = re.compile(r"[\s，,]+(?:先|就|再|等|过完|过了|回头|以后|不用|不要|别|登记|帮我|麻烦|谢谢|"
                              r"那|还有|另外|然后|我|俺|他|她|扣|欠|工资|一共|能|可以|是不是|怎么|咋)")


def _first_clause(value: str) -> str:
    """中通的 先不登记 过完年再说 → 中通的: a named fact's value without the clauses told after it."""
    cut = _NOT_OF_THE_NAME.search(value)
    return value[:cut.start()] if cut and cut.start() > 0 else value


def named_fact_change(text: str) -> tuple[str, Any] | None:
    """金额是九千五 / 单位改成青岛海纳建筑: the fact the worker names, with its new value."""
    for slot, names in _NAMED_FACTS:
        # 人数不对 是两个人 (W-18 got a callback ticket nobody asked for)
        # (老高不是单位 是脚肿的老高 — VB-5: 单位改为老高; a fact the worker says something is not)
        # 单位写错了 俺是中通的 先不登记 (VK-6: 单位改为错了俺是中通的先不登记过完年再说): 写错 is no
        # 写 (write) before a value, 俺是 names it, and the value is its own clause — what follows
        # (先不登记 过完年再说) is no part of it
        m = next((m for m in re.finditer(rf"(?:{names})\s*(?:不对|错了|有误|写错了|说错了|搞错了|弄错了)?[，,\s]*"
                                         rf"(?:应该)?(?:(?:我|俺|咱)们?)?"
                                         rf"(?:是|改成|改为|写(?![错的])|为|:|：)\s*{_TO_SENTENCE_END}", text)
                  if not re.search(r"(?:不是|不算|并非|没有)\s*$", text[:m.start()])), None)
        if m:
            value = m.group(1)
            if slot in _ONE_CLAUSE_FACTS:
                value = _first_clause(value)
            checked = SLOT_CHECKS.get(slot, v.place)(value)
            if checked.ok:
                return slot, checked.value
    return None


# 修改, then 单位, then 姓刘的包工头 (XP-7: 这个问题好像不好回答 — the name, held inside 嘎达厂（姓刘的包工头）,
# read as the employer said again): the fact named on its own when the bot asked which one to change,
# then its new value in the next message
CHANGE_ASKED = "要改哪一项"


def field_named(text: str) -> str | None:
    """单位 / 改电话 / 单位名字写错了 said on its own: the fact the worker wants to change (None:
    none named, or more said)."""
    said = normalize_text(text or "").strip(" 。.!！，,~")
    for slot, names in _NAMED_FACTS:
        if re.fullmatch(rf"(?:改|修改|要改|改一下)?\s*(?:{names})(?:的?名字?|名称|那项|那一项|那个)?\s*"
                        r"(?:要改|改一下|改|不对|错了|写错了|有错)?(?:吧|啊|呀)?", said):
            return slot
    return None


def _named_after_the_hint(events: list[dict], users: list[int], back: int) -> str | None:
    """The fact named on its own in the ``back``-th last worker message, said right after the bot
    asked which one to change."""
    if len(users) < back:
        return None
    slot = field_named(events[users[-back]].get("text") or "")
    asked = [e.get("text") or "" for e in events[users[-back - 1] if len(users) > back else 0:users[-back]]
             if e.get("event") == "bot"]
    return slot if slot and any(CHANGE_ASKED in line for line in asked) else None


def field_asked_now(tracker: Tracker) -> str | None:
    """单位, said on its own right after 要改哪一项: the fact whose new value is to be asked for."""
    events = list(tracker.events)
    return _named_after_the_hint(events, [i for i, e in enumerate(events) if e.get("event") == "user"], 1)


def field_to_change(tracker: Tracker) -> str | None:
    """The fact the worker named on its own in the message before the latest, right after the
    bot asked which one to change: the latest message is its new value (None otherwise)."""
    events = list(tracker.events)
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    if not users or str(events[users[-1]].get("text") or "").startswith("/"):
        return None
    return _named_after_the_hint(events, users, 2)


def value_before_this_message(tracker: Tracker, slot: str) -> Any:
    """The slot's value before the latest message was read (its own extraction undone)."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_user = True
        elif seen_user and event.get("event") == "slot" and event.get("name") == slot:
            return event.get("value")
    return None
