"""Form validation: one class per form over the shared validators in ``actions/validators.py``.

A form asks only for what is missing: slots filled earlier in the conversation are kept, and
a place given as a city *or* a district counts as known. A service asked for in the middle
of a form is answered first, then the form picks up where it stopped. Nothing here ever
lets an exception reach the worker as silence.
"""

from __future__ import annotations

import logging
import re
from abc import abstractmethod
from collections.abc import Callable
from typing import Any

from rasa_sdk import FormValidationAction, Tracker, ValidationAction
from rasa_sdk.events import ActionExecutionRejected, ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import validators as v
from actions.backend_client import BackendError, BackendUnavailable
from actions.common import client, on_action_call
from actions.crisis import is_crisis
from actions.fact_tables import CASE_FACTS, FACT_NAMES, OPTIONAL_FACTS, fact_text
from actions.facts import is_question
from actions.service_catalog import SERVICE_INTENTS, services_named
from bot.contract import OCCUPATIONS

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
    "phone": v.phone, "id_number": v.id_number, "amount": v.amount, "monthly_wage": v.amount,
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
SWITCH_CONFIDENCE = 0.7
# Without the other service named in words or asked about, only a sure intent is a switch:
# 还有两个服务员 (find_station 0.71) answers the form, it asks for no station.
SURE_SWITCH_CONFIDENCE = 0.9


# The second time a place is asked: an example and the cities the hotline serves most.
PLACE_HINT = "说区县名就行，不用带“区”字，比如“李沧”“黄岛”“宝安”；也可以点一下您所在的城市："
PLACE_OFFER = ("还是没弄清您在哪里。点一下您所在的城市就行；要是不方便说，"
               "回复“要”帮您转给网格工作站的工作人员：")
PLACE_BUTTONS = [{"title": name, "payload": name} for name in ("青岛", "深圳", "上海", "镇江")]

NO_PHONE_TEXT = ("好的，不留电话也可以。登记后请记下工单号，查进度时告诉我工单号，"
                 "或者直接打服务站的电话。")

# Rough answers a case can be filed with (约好几个月, 约五六千, 约两三个).
APPROXIMATIONS: dict[str, Callable[[object], v.Checked]] = {
    "duration": v.approximate_duration, "amount": v.approximate_amount,
    "workers_affected": v.approximate_head_count}
PLACES = ("district", "city")
# Answers taken in the worker's own words: any text would pass, so they are read only from
# a message that is not about something else.
FREE_TEXT = {"employer", "school_problem", "occupation"}
# Intents that are never the answer to a form's question: the form steps aside for them.
NOT_AN_ANSWER = {"cancel", "request_human", "bot_challenge", "goodbye", "greet", "thanks"}
# Intents that end the form: each form has a rule for them (data/rules/services.yml).
LEAVING_INTENTS = {"cancel", "request_human"}


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
    return v.Context(asked=asked, form=form, intent=intent, known=known)


# The flow whose facts a parked case holds, by ticket type (for reading a new fact said
# while the ticket is offered).
CASE_FLOWS = {"school_placement": "school_form", "wage_arrears": "wage_arrears_form",
              "minimum_wage": "minimum_wage_form", "relief_application": "relief_form",
              "subsidy_application": "holiday_subsidy_form", "overtime_pay": "overtime_form"}




def kept_facts(tracker: Tracker, filled: dict[str, Any], asked: str | None,
               answered: bool) -> tuple[dict[str, Any], bool]:
    """The facts a reply told besides the answer asked for, to say back, and whether any
    of them is new (a message with a new fact is no miss of the question)."""
    told = {k: val for k, val in filled.items()
            if k in (*CASE_FACTS, *PLACES) and k != asked and val is not None}
    new = bool(told)
    if asked and not answered and not told and asked in SLOT_CHECKS:
        told = {k: val for k, val in other_facts_said(tracker, asked).items()
                if tracker.get_slot(k) == val}  # said again (留下): kept as it was
    if "district" in told:
        told.pop("city", None)  # the district says it (its city was looked up)
    return told, new


def told_text(facts: dict[str, Any]) -> str:
    """金额 8,500 元、欠薪时间 3个月: facts the worker told besides the answer asked for."""
    return "、".join("加班的日子" if slot == "overtime_days"  # its value is the whole message
                    else f"{FACT_NAMES.get(slot, slot)} {fact_text(slot, value)}"
                    for slot, value in facts.items())


class ValidateSlotMappings(ValidationAction):
    """Reads every case fact a message carries, in any state and whatever was asked.

    Rasa runs this after every message (the facts' slots have ``custom`` mappings with no
    form condition). A fact said again with another value replaces the old one and is
    remembered in ``last_correction`` so the form can say what changed. Silent: Rasa also
    runs it when a form is activated, and the answer must not be said twice.
    """

    def name(self) -> str:
        return "action_validate_slot_mappings"

    async def run(self, dispatcher, tracker, domain):
        try:
            message = tracker.latest_message or {}
            facts = v.read_facts(message.get("text") or "", message.get("entities"),
                                 context_of(tracker))
        except Exception:  # reading facts must never cost the worker an answer
            logger.exception("reading the facts of a message failed")
            return []
        facts = wage_after_minimum_wage(tracker, correction_target(tracker, facts))
        events, changed = place_inside_employer(tracker, facts), []
        for slot, value in facts.items():
            old = tracker.get_slot(slot)
            if old == value:
                continue
            events.append(SlotSet(slot, value))
            refined = isinstance(value, str) and value.startswith(str(old))  # 外地户口 → …，有居住证
            if old not in (None, v.UNKNOWN) and not str(old).startswith("约") and not refined:
                changed.append({"slot": slot, "old": old, "new": value})
        if changed or tracker.get_slot("last_correction"):
            events.append(SlotSet("last_correction", changed or None))  # this message's only
        return events


# The form slots a corrected fact may belong to (router.flow_to_redo).
FORM_SLOTS = {"overtime_form": ("monthly_wage", "overtime_days"),
              "minimum_wage_form": ("monthly_wage", "city")}
_MONEY = ("amount", "monthly_wage", "medical_cost")


def correction_target(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """不对，是4500 with no form open and no word saying which money: the sum corrects the
    one money fact the conversation holds (the monthly wage of the overtime sum), not a
    new owed amount."""
    text = (tracker.latest_message or {}).get("text") or ""
    if "amount" not in facts or tracker.active_loop_name or not v.is_correction(text) \
            or tracker.get_slot("amount") is not None:
        return facts
    held = [slot for slot in _MONEY if slot != "amount" and tracker.get_slot(slot) is not None]
    if len(held) != 1 or held[0] in facts:
        return facts
    moved = dict(facts)
    moved[held[0]] = moved.pop("amount")
    return moved


def last_flow(tracker: Tracker) -> str | None:
    """The form the conversation ran last (open or finished)."""
    return next((e.get("name") for e in reversed(tracker.events)
                 if e.get("event") == "active_loop" and e.get("name")), None)


_OVERTIME_WORDS = re.compile(r"加班|加点|倍|节假日|周末|双休|休息日|值班")


def follows_minimum_wage(tracker: Tracker) -> bool:
    """我一个月才拿1800 正常吗 / 1800 right after the minimum wage was told: the worker's own
    pay, to compare with it (not an overtime sum, not an owed amount)."""
    text = (tracker.latest_message or {}).get("text") or ""
    return (not tracker.active_loop_name and last_flow(tracker) == "minimum_wage_form"
            and not _OVERTIME_WORDS.search(text) and not re.search(r"欠|拖|没发|不发", text))


def wage_after_minimum_wage(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """A bare sum said after the minimum wage answer is the monthly pay to compare."""
    if "amount" not in facts or "monthly_wage" in facts or not follows_minimum_wage(tracker):
        return facts
    moved = dict(facts)
    moved["monthly_wage"] = moved.pop("amount")
    return moved


def value_before_this_message(tracker: Tracker, slot: str) -> Any:
    """The slot's value before the latest message was read (its own extraction undone)."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_user = True
        elif seen_user and event.get("event") == "slot" and event.get("name") == slot:
            return event.get("value")
    return None


def place_inside_employer(tracker: Tracker, facts: dict[str, Any]) -> list[dict]:
    """青岛海纳建筑 names an employer, not where the worker works: a city or district the NLU
    found only inside the employer's name is undone, so the form still asks for the place."""
    text = (tracker.latest_message or {}).get("text") or ""
    employer = facts.get("employer")
    ctx = context_of(tracker)
    # the message read as the employer's name only when it answers (辛安街道的工会服务站在哪,
    # asked mid-form, is another service's question: its place stays)
    if not employer and ctx.asked == "employer" and ctx.intent not in SERVICE_INTENTS:
        checked = v.employer_answer(text)
        employer = checked.value if checked.ok and checked.value != v.UNKNOWN else None
    if not isinstance(employer, str) or not employer:
        return []
    events = []
    for slot, value in slots_set_this_turn(tracker).items():
        if slot not in ("city", "district") or not isinstance(value, str) or not value:
            continue
        if value in employer and text.count(value) <= employer.count(value):
            events.append(SlotSet(slot, value_before_this_message(tracker, slot)))
    return events


async def resolve_place(text: str) -> Slots | None:
    """The district and city the backend finds in a worker's words (李沧 → 李沧区, 青岛), or
    None for no place it knows (or when it is away)."""
    checked = v.place(text)
    if not checked.ok:
        return None
    try:
        found = await client().resolve(None, checked.value)
    except (BackendUnavailable, BackendError):
        return None
    path, kind = found.get("path") or {}, found.get("kind")
    city = path.get("city")
    if not city:
        return None
    named = path.get(kind) if kind in ("district", "street", "community") else None
    district = named if named and named not in checked.value else checked.value
    return {"city": city, **({"district": district} if kind != "city" else {})}


def answers_the_question(tracker: Tracker) -> bool:
    """The latest message is a valid answer to the slot the form asked for."""
    slot = tracker.get_slot("requested_slot")
    check = SLOT_CHECKS.get(slot)
    if check is None or slot in _NOT_PROOF:
        return False
    text = tracker.latest_message.get("text") or ""
    checked = check(text)
    if checked.ok and not str(checked.value).startswith(_UNSPECIFIC):
        return True
    approx = APPROXIMATIONS.get(slot)  # 从去年过年到现在 answers how long (过年 is no topic)
    return slot in OPTIONAL_FACTS and approx is not None and approx(text).ok


def _validator(slot: str):
    """A ``validate_<slot>`` method: the shared validator, then re-ask or keep the value."""
    check = SLOT_CHECKS[slot]

    def validate(self, value, dispatcher, tracker, domain) -> Slots:
        return apply(slot, check(value), dispatcher, domain,
                     asked=tracker.get_slot("requested_slot"))

    validate.__name__ = f"validate_{slot}"
    return validate


def _extractor(slot: str):
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
        if not re.search(r"\d", text):  # any script's digits; the check normalises the text
            return {}
        checked = check(text)
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


def _answer_extractor(slot: str):
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
                or v.is_correction(text):
            return {}
        if slot in FREE_TEXT and set(tracker.slots_to_validate()) & set(CASE_FACTS):
            return {}  # the message told other facts (read already): it is no name or problem
        checked = check(text)
        if checked.ok and not str(checked.value).startswith(_UNSPECIFIC):
            return {slot: checked.value}
        if slot in OPTIONAL_FACTS:
            if v.says_unknown(text):
                return {slot: v.UNKNOWN}
            approx = APPROXIMATIONS.get(slot)
            if approx and approx(text).ok:
                return {slot: approx(text).value}
        if checked.ok and not other_facts_said(tracker, slot):
            return {slot: checked.value}  # 其他（…）: something, in the worker's words
        if checked.ok:
            return {}  # 留下 while the job is asked: about staying, not a job; asked again
        if set(tracker.slots_to_validate()) & {*CASE_FACTS, *PLACES}:
            return {}  # 八千五 while the time is asked: another fact, kept; no "没听明白"
        return {slot: None}  # validate_<slot> explains and asks again

    extract.__name__ = f"extract_{slot}"
    return extract


# Values the validators produce, accepted as they are when validated again.
_NORMALISED = {"occupation": set(OCCUPATIONS),
               "holiday_situation": {"stay", "return"}}


def _keep_validator(slot: str):
    """A ``validate_<slot>`` that accepts what the extractors already normalised
    (不清楚, 约好几个月) and checks anything else with the shared validator."""
    check = SLOT_CHECKS[slot]

    def validate(self, value, dispatcher, tracker, domain) -> Slots:
        if isinstance(value, str) and (value == v.UNKNOWN or value.startswith("约")
                                       or value in _NORMALISED.get(slot, ())):
            return {slot: value}
        if slot == "employer" and isinstance(value, str) and len(re.findall(
                r"[\u4e00-\u9fff]", value)) >= 2 and not v.employer_answer(value).reask:
            return {slot: value}  # a name from the NLU or a description, kept as said
        if slot == "workers_affected" and isinstance(value, int) and value > 0:
            return {slot: value}
        return apply(slot, check(value), dispatcher, domain,
                     asked=tracker.get_slot("requested_slot"))

    validate.__name__ = f"validate_{slot}"
    return validate


class HotlineForm(FormValidationAction):
    """Shared rules for every form of the hotline."""

    @abstractmethod
    def name(self) -> str:
        """validate_<form name>."""

    async def validate_phone(self, value, dispatcher, tracker, domain) -> Slots:
        """A mobile number, or the worker's choice to leave none (said back once)."""
        if value == v.NO_PHONE:
            dispatcher.utter_message(text=NO_PHONE_TEXT)
            return {"phone": v.NO_PHONE}
        return apply("phone", v.phone(value), dispatcher, domain)
    validate_id_number = _validator("id_number")
    validate_amount = _keep_validator("amount")
    validate_monthly_wage = _validator("monthly_wage")
    validate_medical_cost = _validator("medical_cost")
    validate_duration = _keep_validator("duration")
    validate_ticket_id = _validator("ticket_id")
    validate_child_grade = _validator("child_grade")
    validate_city = _validator("city")
    validate_workers_affected = _keep_validator("workers_affected")
    validate_employer = _keep_validator("employer")
    validate_overtime_days = _validator("overtime_days")
    validate_hukou_status = _keep_validator("hukou_status")
    validate_school_problem = _keep_validator("school_problem")
    validate_holiday_situation = _keep_validator("holiday_situation")
    validate_occupation = _keep_validator("occupation")

    _extract_phone_digits = _extractor("phone")

    def extract_phone(self, dispatcher, tracker, domain) -> Slots:
        """A number as written, or 不知道 / 不想留电话: the case goes on without a phone
        instead of the same question again (tickets may be filed without one)."""
        text = (tracker.latest_message or {}).get("text") or ""
        if (tracker.get_slot("requested_slot") == "phone" and "phone" not in
                tracker.slots_to_validate() and self._waiting_for_answer(tracker)
                and v.declines_phone(text) and self.form_name() != "ticket_status_form"):
            return {"phone": v.NO_PHONE}  # a ticket's status is told only to its phone
        return self._extract_phone_digits(dispatcher, tracker, domain)
    extract_otp_code = _extractor("otp_code")
    extract_id_number = _extractor("id_number")
    extract_ticket_id = _extractor("ticket_id")
    extract_amount = _answer_extractor("amount")
    extract_monthly_wage = _answer_extractor("monthly_wage")
    extract_medical_cost = _answer_extractor("medical_cost")
    extract_workers_affected = _answer_extractor("workers_affected")
    extract_employer = _answer_extractor("employer")
    extract_duration = _answer_extractor("duration")
    extract_child_grade = _answer_extractor("child_grade")
    extract_overtime_days = _answer_extractor("overtime_days")
    extract_hukou_status = _answer_extractor("hukou_status")
    extract_school_problem = _answer_extractor("school_problem")
    extract_occupation = _answer_extractor("occupation")
    extract_holiday_situation = _answer_extractor("holiday_situation")

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> list[str]:
        """A known city stands in for the district (the city's default station serves it)."""
        if "district" in domain_slots and tracker.get_slot("city"):
            return [s for s in domain_slots if s != "district"]
        return domain_slots

    async def extract_city(self, dispatcher, tracker, domain) -> Slots:
        """龙安开发区 / 辛安街道 / 即墨 as the answer to 您在哪个城市: the city the backend knows
        the place in, instead of the same question again."""
        return await self._place_answer_slots("city", tracker)

    async def extract_district(self, dispatcher, tracker, domain) -> Slots:
        """李沧 / 城阳这边 / 即墨区龙山街道 as the answer to 您在哪个区或街道: the NLU finds no
        district entity in a name without 区 or in a street it does not know, the backend does."""
        return await self._place_answer_slots("district", tracker)

    async def _place_answer_slots(self, slot: str, tracker: Tracker) -> Slots:
        """The reply read as a place by the backend: the district as the worker said it (the
        district's full name for a bare stem such as 李沧) and its city."""
        if (tracker.get_slot("requested_slot") != slot or slot in tracker.slots_to_validate()
                or not self._waiting_for_answer(tracker)):
            return {}
        latest = tracker.latest_message or {}
        if (latest.get("intent") or {}).get("name") in NOT_AN_ANSWER:
            return {}
        entity = next((e.get("value") for e in latest.get("entities") or []
                       if e.get("entity") == "district" and e.get("value")), None)
        found = await resolve_place(entity or latest.get("text") or "")
        if found is None and entity:  # an unknown street named with a known district
            found = await resolve_place(latest.get("text") or "")
        if slot == "district" and found:
            # the district alone: validate_district adds its city (a city known before the
            # validation would make the district optional and drop it unvalidated)
            return {"district": found["district"]} if found.get("district") else {}
        return found or {}

    async def validate_district(self, value, dispatcher, tracker, domain) -> Slots:
        """A place the backend knows; when it is away, the place as written is kept. An
        unknown street inside a known district (即墨区龙山街道) is served by the district's
        station; only a place with nothing known in it asks for the city."""
        checked = v.place(value)
        if not checked.ok:
            return apply("district", checked, dispatcher, domain)
        try:
            found = await client().resolve(tracker.get_slot("city"), checked.value)
        except BackendUnavailable:
            return {"district": checked.value}
        except BackendError:
            whole = await resolve_place((tracker.latest_message or {}).get("text") or "")
            if whole:
                return whole
            if tracker.get_slot("city"):  # the city is known: its default station serves
                return {"district": checked.value}
            reask(dispatcher, domain, "utter_unknown_place")
            return {"district": None}
        city = (found.get("path") or {}).get("city")
        return {"district": checked.value, **({"city": city} if city else {})}

    def _waiting_for_answer(self, tracker: Tracker) -> bool:
        """This form asked a question and the worker's latest message is the reply.

        Not when the form is being activated, nor when it runs again after another action
        (resuming after an unhappy path): then that message has been dealt with already.
        """
        if tracker.active_loop_name != self.form_name() or not tracker.get_slot("requested_slot"):
            return False
        own_run_seen = False  # Rasa adds this form's own run before calling its validation
        for event in reversed(tracker.events):
            if event.get("event") == "user":
                return True
            if event.get("event") != "action" or event.get("name") == "action_listen":
                continue
            if event.get("name") == self.form_name() and not own_run_seen:
                own_run_seen = True
                continue
            return False
        return False

    def _switched_topic(self, tracker: Tracker) -> bool:
        """Another service, said with confidence, and not a valid answer to our question
        (a short answer such as 工厂流水线 may look like a service to the NLU)."""
        top = tracker.latest_message.get("intent") or {}  # nlu_fallback is never a switch
        intent, confidence = top.get("name"), top.get("confidence") or 0
        text = (tracker.latest_message.get("text") or "").strip()
        if tracker.get_slot("requested_slot") in ("case_confirmed", "wants_ticket") and (
                _CONFIRM.match(text) or _CHANGE.match(text) or named_fact_change(text)):
            return False  # 确认 / 修改 / 金额是九千五 answer the summary
        if intent not in SERVICE_INTENTS or SERVICE_INTENTS[intent] == self.form_name():
            return False
        if self._place_answer(tracker) or confidence < SWITCH_CONFIDENCE \
                or answers_the_question(tracker):
            return False
        return confidence >= SURE_SWITCH_CONFIDENCE or bool(services_named(text)) \
            or is_question(text)

    @staticmethod
    def _place_answer(tracker: Tracker) -> bool:
        """在上海打工 住在闵行区 answering 您在哪个城市: a place the NLU found, with no
        service named in words, answers the place question whatever the intent."""
        if tracker.get_slot("requested_slot") not in ("city", "district"):
            return False
        latest = tracker.latest_message or {}
        places = [e for e in latest.get("entities") or []
                  if e.get("entity") in ("city", "district") and e.get("value")]
        return bool(places) and not services_named(latest.get("text") or "")

    def _step_aside(self, tracker: Tracker) -> list[dict]:
        """Rejects this turn so the rules answer the other topic; remembers to come back."""
        events = [SlotSet("interrupted_form", self.form_name()),
                  ActionExecutionRejected(self.form_name())]
        if is_crisis(tracker.latest_message.get("text") or ""):
            # whatever the message was classified as: hotlines and a person at once
            events.append(FollowupAction("action_psych_support"))
        return events

    def _leaving(self, tracker: Tracker) -> bool:
        """算了不办了 / 转人工 while a question is open: the form lets the cancel or handoff
        rule run. Without this the form's own bookkeeping (the re-ask counter) would count as
        a filled slot and Rasa would ask the next question instead of leaving."""
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        leaving = {"cancel"} if self.form_name() == "ticket_offer_form" else LEAVING_INTENTS
        return intent in leaving and not answers_the_question(tracker)

    async def run(self, dispatcher, tracker, domain):
        on_action_call()
        text = tracker.latest_message.get("text") or ""
        waiting = self._waiting_for_answer(tracker)
        if waiting and (self._switched_topic(tracker) or is_crisis(text)):
            return self._step_aside(tracker)
        if waiting and self._leaving(tracker):
            return [ActionExecutionRejected(self.form_name())]
        if waiting and self._accepts_person(tracker):
            return await self._hand_over(dispatcher, tracker)
        try:
            events = await super().run(dispatcher, tracker, domain)
            if waiting:
                events = await self._after_answer(events, dispatcher, tracker, domain)
            return events
        except BackendUnavailable:
            dispatcher.utter_message(response="utter_backend_down")
        except Exception:
            logger.exception("%s failed", self.name())
            dispatcher.utter_message(response="utter_default")
        return [ActiveLoop(None), SlotSet("requested_slot", None)]

    async def _after_answer(self, events: list[dict], dispatcher: CollectingDispatcher,
                            tracker: Tracker, domain: DomainDict) -> list[dict]:
        """Corrections are said back; a question that got no answer is asked at most twice,
        then the form moves on (a fact the case can go without) or offers a person."""
        asked = tracker.get_slot("requested_slot")
        text = tracker.latest_message.get("text") or ""
        extra: list[dict] = []
        corrected = tracker.get_slot("last_correction") or []
        if corrected:
            said = "、".join(f"{FACT_NAMES.get(c['slot'], c['slot'])}改为"
                            f"{fact_text(c['slot'], c['new'])}" for c in corrected)
            dispatcher.utter_message(text=f"好的，已更正：{said}。")
            extra.append(SlotSet("last_correction", None))
        elif v.is_correction(text):
            fixed = self._correct_last_answer(tracker, text)
            if fixed:
                slot, value = fixed
                dispatcher.utter_message(
                    text=f"好的，已更正：{FACT_NAMES.get(slot, slot)}改为{fact_text(slot, value)}。")
                extra.append(SlotSet(slot, value))
        filled = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
        answered = asked and (filled.get(asked) is not None
                              or (asked == "district" and filled.get("city") is not None))
        told, _new = kept_facts(tracker, filled, asked, bool(answered))
        if answered:
            extra += [SlotSet("last_answered", asked), SlotSet("repeat_count", None)]
        elif asked and asked != "case_confirmed" and not corrected and not extra:
            if told:  # the question stays open: say what was kept, so asking again makes sense
                dispatcher.utter_message(text=f"好的，记下了：{told_text(told)}。")
            extra += await self._not_answered(asked, filled, dispatcher, tracker, domain)
        if not extra:
            return events
        events = events + extra
        return await self._next_question(events, dispatcher, tracker, domain)

    async def _not_answered(self, asked: str, filled: Slots, dispatcher: CollectingDispatcher,
                            tracker: Tracker, domain: DomainDict) -> list[dict]:
        """The question got no answer (facts told instead were said back by the caller, so the
        worker sees they were kept): a try is counted even when other facts came, so no
        question is asked a third time. The second time a place is asked it comes with an
        example and city buttons; after that a fact the case can go without is kept as
        unknown, the case goes on without a phone, and any other question offers a person."""
        count = tracker.get_slot("repeat_count") or {}
        tries = (count.get("n", 0) if count.get("slot") == asked else 0) + 1
        extra: list[dict] = [SlotSet("repeat_count", {"slot": asked, "n": tries})]
        if tries >= 2 and asked in OPTIONAL_FACTS:
            dispatcher.utter_message(text=f"没关系，{FACT_NAMES.get(asked, '这一项')}先记为"
                                          "“不清楚”，工作人员联系您时再核实。")
            extra += [SlotSet(asked, v.UNKNOWN), SlotSet("repeat_count", None)]
        elif tries >= 2 and asked == "phone" and self.form_name() != "ticket_status_form":
            # the case goes on without a phone rather than a third ask (青岛, 李沧区 told
            # instead: facts of the case, kept; the phone is not asked again)
            kept = await self.validate_phone(v.NO_PHONE, dispatcher, tracker, domain)
            extra += [SlotSet(k, val) for k, val in kept.items()] + [
                SlotSet("repeat_count", None)]
        elif tries >= 2 and asked in ("city", "district"):
            dispatcher.utter_message(text=PLACE_OFFER, buttons=[
                *PLACE_BUTTONS, {"title": "转人工", "payload": "/request_human"}])
        elif tries >= 2:
            dispatcher.utter_message(response="utter_offer_human_for_question")
        elif asked in ("city", "district"):
            dispatcher.utter_message(text=PLACE_HINT, buttons=PLACE_BUTTONS)
        return extra

    @staticmethod
    async def _hand_over(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict]:
        """The person the form offered, taken: the handoff is asked for here and the form
        ends, then the bot listens (no rule knows a handoff that follows a form's own offer,
        so a separate action would be followed by the fallback)."""
        from actions.handoff import request_handoff  # handoff builds on the tickets module

        events = await request_handoff(dispatcher, tracker, "worker_request")
        return events + [ActiveLoop(None), SlotSet("requested_slot", None),
                         SlotSet("repeat_count", None), FollowupAction("action_listen")]

    def _accepts_person(self, tracker: Tracker) -> bool:
        """要 / 好 / 转吧 right after the form offered a person for a question it could not
        get answered: the worker takes the offer."""
        count = tracker.get_slot("repeat_count") or {}
        if count.get("slot") != tracker.get_slot("requested_slot") or count.get("n", 0) < 2:
            return False
        latest = tracker.latest_message or {}
        text = (latest.get("text") or "").strip(" ，,。.!！")
        return (latest.get("intent") or {}).get("name") == "affirm" and not text.startswith("/") \
            or bool(re.fullmatch(r"要|好|好的|行|可以|转吧|转人工吧?|要的|需要", text))

    async def _next_question(self, events: list[dict], dispatcher, tracker,
                             domain) -> list[dict]:
        """``requested_slot`` recomputed after slots changed here, so the form asks what is
        really missing next (Rasa would otherwise ask the question it chose before)."""
        values = dict(tracker.slots)
        values.update({e["name"]: e["value"] for e in events if e.get("event") == "slot"})
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker,
                                             domain)
        missing = next((s for s in required if values.get(s) is None), None)
        kept = [e for e in events if not (e.get("event") == "slot"
                                          and e.get("name") == "requested_slot")]
        return kept + [SlotSet("requested_slot", missing)]

    def _correct_last_answer(self, tracker: Tracker, text: str) -> tuple[str, Any] | None:
        """说错了，是外卖: the words after the correction, read as the last answer given."""
        slot = tracker.get_slot("last_answered")
        check = SLOT_CHECKS.get(slot)
        if not check:
            return None
        rest = re.split(r"不对|说错了?|错了|写错了?|打错了?|更正一下|更正|改一下|改成|改为|应该是|其实是",
                        text)[-1]
        checked = check(rest.strip(" ，,。是"))
        return (slot, checked.value) if checked.ok else None


_NAMED_FACTS = (("employer", r"单位|公司|老板|包工头|厂子?名?"), ("amount", r"金额|钱数?|工资数?|欠款"),
                ("duration", r"时间|多久|几个月|时长"), ("workers_affected", r"人数|几个人|工友"),
                ("phone", r"电话|手机号?"), ("district", r"地点|地方|地址|街道|区"),
                ("child_grade", r"年级"), ("hukou_status", r"户口"),
                ("school_problem", r"问题"), ("occupation", r"工作|职业"))
_CONFIRM = re.compile(r"^(?:确认|确定|没问题|对的?|是的|提交|可以|行|好的?|没错|登记吧?|对，?没错)")
_CHANGE = re.compile(r"^(?:修改|改一下|要改|我要改|不对|有错|改)")


def named_fact_change(text: str) -> tuple[str, Any] | None:
    """金额是九千五 / 单位改成青岛海纳建筑: the fact the worker names, with its new value."""
    for slot, names in _NAMED_FACTS:
        m = re.search(rf"(?:{names})\s*(?:应该)?(?:是|改成|改为|写|为|:|：)\s*(.+)", text)
        if m:
            checked = SLOT_CHECKS.get(slot, v.place)(m.group(1))
            if checked.ok:
                return slot, checked.value
    return None


class ValidateWageArrearsForm(HotlineForm):
    """The wage case, then one summary the worker confirms (确认) or changes (修改)."""

    def name(self) -> str:
        return "validate_wage_arrears_form"

    async def extract_case_confirmed(self, dispatcher, tracker, domain) -> Slots:
        if tracker.get_slot("requested_slot") != "case_confirmed" \
                or not self._waiting_for_answer(tracker) or tracker.get_slot("last_correction"):
            return {}
        latest = tracker.latest_message or {}
        text = (latest.get("text") or "").strip()
        intent = (latest.get("intent") or {}).get("name")
        if _CHANGE.match(text):
            return {"case_confirmed": None}  # action_ask_case_confirmed asks what to change
        if intent in NOT_AN_ANSWER:
            return {}
        if named := named_fact_change(text):
            slot, value = named
            dispatcher.utter_message(text=f"好的，已更正：{FACT_NAMES.get(slot, slot)}改为"
                                          f"{fact_text(slot, value)}。")
            return {slot: value, "case_confirmed": None}
        if intent == "affirm" or _CONFIRM.match(text):
            return {"case_confirmed": True}
        return {"case_confirmed": None}  # 修改 or anything else: action_ask_case_confirmed asks

    async def validate_case_confirmed(self, value, dispatcher, tracker, domain) -> Slots:
        return {"case_confirmed": True if value else None}


class ValidateOvertimeForm(HotlineForm):
    def name(self) -> str:
        return "validate_overtime_form"


class ValidateMinimumWageForm(HotlineForm):
    def name(self) -> str:
        return "validate_minimum_wage_form"


class ValidateSchoolForm(HotlineForm):
    def name(self) -> str:
        return "validate_school_form"


class ValidateHolidaySubsidyForm(HotlineForm):
    def name(self) -> str:
        return "validate_holiday_subsidy_form"


class ValidateFindStationForm(HotlineForm):
    def name(self) -> str:
        return "validate_find_station_form"


class ValidateTicketStatusForm(HotlineForm):
    def name(self) -> str:
        return "validate_ticket_status_form"

    async def run(self, dispatcher, tracker, domain):
        """不记得了 / 忘了 for the ticket number: where to find it and a person who can look
        it up by phone, not 已经取消了 (the NLU reads 不记得了 as cancel)."""
        text = (tracker.latest_message or {}).get("text") or ""
        if tracker.get_slot("requested_slot") == "ticket_id" and self._waiting_for_answer(
                tracker) and v.says_unknown(text) and not v.ticket_id(text).ok:
            dispatcher.utter_message(text=FORGOT_TICKET, buttons=[
                {"title": "转人工", "payload": "/request_human"},
                {"title": "先不查了", "payload": "/deny"}])
            # a slot besides requested_slot: else Rasa counts the turn as no answer and
            # rejects the form (the cancel rule would then run)
            return [SlotSet("repeat_count", None), ActiveLoop(None),
                    SlotSet("requested_slot", None), FollowupAction("action_listen")]
        return await super().run(dispatcher, tracker, domain)


FORGOT_TICKET = ("没关系。工单号在登记时的回复里（GH 开头）；找不到的话，网格工作站的工作人员可以按您"
                 "登记时留的手机号帮您查。要转给工作人员吗？")


# the case's own names for what the forms call medical_cost and so on
CASE_ALIASES = {"medical_cost": "medical_out_of_pocket_yearly", "holiday_situation": "situation"}


class ValidateTicketOfferForm(HotlineForm):
    def name(self) -> str:
        return "validate_ticket_offer_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> list[str]:
        if tracker.get_slot("wants_ticket") is False:
            return []  # declined: nothing more to ask
        return domain_slots

    async def extract_wants_ticket(self, dispatcher, tracker, domain) -> Slots:
        """修改 on the summary, or a fact said again: nothing is filed yet, the case is
        summed up again (``run`` changes the parked case itself)."""
        if tracker.get_slot("requested_slot") != "wants_ticket" \
                or not self._waiting_for_answer(tracker):
            return {}
        text = (tracker.latest_message.get("text") or "").strip()
        if v.declines_phone(text):  # 不想留电话: filed without one, if still wanted
            return {"wants_ticket": None, "phone": v.NO_PHONE}
        number = v.phone(text)
        if number.ok and not re.sub(r"[\d\s+-]|手机|电话|号码|是|我的|打|就行|吧", "", text):
            return {"wants_ticket": True, "phone": number.value}  # a number: yes, call me here
        if self._case_changes(tracker) or _CHANGE.match(text):
            return {"wants_ticket": None}
        return {}

    async def _not_answered(self, asked: str, filled: Slots, dispatcher: CollectingDispatcher,
                            tracker: Tracker, domain: DomainDict) -> list[dict]:
        """Facts told on the offer change the case: the summary shown again says them back,
        and it is no failed try."""
        if asked == "wants_ticket" and self._case_changes(tracker):
            return []
        return await super()._not_answered(asked, filled, dispatcher, tracker, domain)

    def _case_changes(self, tracker: Tracker) -> dict[str, Any]:
        """Facts said again (read by action_validate_slot_mappings), named (金额是…), or
        说错了，是四千五 after the form that asked for them was done (its slot cleared)."""
        text = (tracker.latest_message.get("text") or "").strip()
        changed = {c["slot"]: c["new"] for c in tracker.get_slot("last_correction") or []}
        case = tracker.get_slot("pending_case") or {}
        facts = case.get("facts") or {}
        told = {k: val for k, val in slots_set_this_turn(tracker).items()
                if k in (*CASE_FACTS, "city", "district") and val not in (None, v.UNKNOWN)}
        # 在即墨区一家服装厂 on the legal-aid offer: new facts of the case, not a new topic
        changed.update({k: val for k, val in told.items()
                        if facts.get(CASE_ALIASES.get(k, k)) != val})
        if named := named_fact_change(text):
            changed[named[0]] = named[1]
        if not changed and v.is_correction(text) and (fixed := self._correct_last_answer(
                tracker, text)):
            changed[fixed[0]] = fixed[1]
        return changed

    async def run(self, dispatcher, tracker, domain):
        """The parked case takes the corrected facts (Rasa keeps only the form's own slots
        from the extraction, so the case is changed here)."""
        waiting = tracker.get_slot("requested_slot") == "wants_ticket" \
            and self._waiting_for_answer(tracker)
        changed = self._case_changes(tracker) if waiting else {}
        events = await super().run(dispatcher, tracker, domain)
        case = dict(tracker.get_slot("pending_case") or {})
        if not changed or not case:
            return events
        facts = dict(case.get("facts") or {})
        facts.update({CASE_ALIASES.get(k, k): val for k, val in changed.items()})
        return events + [SlotSet("pending_case", {**case, "facts": facts})]


# The relief form without a verified record: said the same way to members and strangers.
UNVERIFIED = "这次先不核验身份，我按还没有在工会建档来帮您判断；建档请联系所在的网格工作站。"
NO_CODE = re.compile(r"没收到|没有收到|收不到|没短信|没有短信|没来|不是会员|没建档|没有建档|跳过|不验证|不用验证")


class ValidateReliefForm(HotlineForm):
    """Phone → one-time code through the backend → the worker's record → medical cost."""

    def name(self) -> str:
        return "validate_relief_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> list[str]:
        """The city too, before the cost, when neither a verified record nor the worker said
        where they are: the rules are local (without it the answer is 没有“未说明地区”的数据)."""
        slots = await super().required_slots(domain_slots, dispatcher, tracker, domain)
        verified = (tracker.get_slot("verified_worker") or {}).get("member")
        told_now = "city" in tracker.slots_to_validate()  # kept in, so it is validated
        known = tracker.get_slot("city") or tracker.get_slot("district")
        if (verified or known or "city" in slots) and not told_now:
            return slots
        at = slots.index("medical_cost") if "medical_cost" in slots else len(slots)
        return [*slots[:at], "city", *slots[at:]]

    async def validate_phone(self, value, dispatcher, tracker, domain) -> Slots:
        """Asks the backend for a code. Members and strangers hear the same words (the
        backend answers both alike): nobody learns from the hotline who is a member."""
        if value == v.NO_PHONE:  # no number, no code: assessed as not on record
            dispatcher.utter_message(text="好的，不留电话也可以。" + UNVERIFIED)
            return {"phone": v.NO_PHONE, "otp_code": "未核验", "verified_worker": None}
        checked = v.phone(value)
        if not checked.ok or (tracker.get_slot("verified_worker") or {}).get("member"):
            return apply("phone", checked, dispatcher, domain)
        try:
            await client().send_code(checked.value, conversation_id=tracker.sender_id)
        except (BackendUnavailable, BackendError) as exc:  # 429 (too many codes) included
            logger.info("no one-time code sent: %s", exc)
            dispatcher.utter_message(text="现在没法发送验证码（请求太频繁或系统繁忙）。" + UNVERIFIED)
            return {"phone": checked.value, "otp_code": "未核验", "verified_worker": None}
        dispatcher.utter_message(text="如果这个手机号已在工会建档，会收到一条验证码短信；"
                                      "一直没收到的话，回复“没收到”就行。")
        return {"phone": checked.value}

    async def validate_otp_code(self, value, dispatcher, tracker, domain) -> Slots:
        """The code, checked by the backend. A worker without a code (no SMS came: not on
        record, or another phone) or whose code died (5 wrong tries, expired) goes on
        unverified — assessed as not on record, told so only now, in the same words for all."""
        if (tracker.get_slot("verified_worker") or {}).get("member"):
            return {"otp_code": "已核验"}
        if NO_CODE.search(str(value or "")):
            dispatcher.utter_message(text="好的。" + UNVERIFIED)
            return {"otp_code": "未核验", "verified_worker": None}
        checked = v.otp(value)
        if not checked.ok:
            return apply("otp_code", checked, dispatcher, domain)
        try:
            result = await client().verify_code(tracker.get_slot("phone"), checked.value)
        except BackendError as exc:
            logger.info("one-time code refused: %s", exc)
            if exc.code == "wrong_code":
                reask(dispatcher, domain, "utter_invalid_otp")
                return {"otp_code": None}
            dispatcher.utter_message(text="验证码已经失效（错误次数过多或超时）。" + UNVERIFIED)
            return {"otp_code": "未核验", "verified_worker": None}
        except BackendUnavailable as exc:
            logger.info("one-time code not checked: %s", exc)
            dispatcher.utter_message(text="系统暂时核验不了验证码。" + UNVERIFIED)
            return {"otp_code": "未核验", "verified_worker": None}
        worker = result["worker"]
        dispatcher.utter_message(text=f"核验成功，{worker.get('name') or ''}您好。")
        return {"otp_code": "已核验", "verified_worker": {**worker, "member": True}}
