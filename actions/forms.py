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

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import ActionExecutionRejected, ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import validators as v
from actions.backend_client import BackendError, BackendUnavailable
from actions.common import client, on_action_call
from actions.crisis import is_crisis

logger = logging.getLogger(__name__)
Slots = dict[str, Any]
GENERIC_REASK = "抱歉，我没听明白，请再说一遍。"

# A service asked for in the middle of a form: the form steps aside (its execution is
# rejected), the service's own rule answers, then the form resumes (actions/common.py).
SERVICE_INTENTS = {
    "wage_arrears": "wage_arrears_form", "overtime_pay": "overtime_form",
    "minimum_wage": "minimum_wage_form", "school_placement": "school_form",
    "relief_eligibility": "relief_form", "holiday_subsidy": "holiday_subsidy_form",
    "find_station": "find_station_form", "ticket_status": "ticket_status_form",
    "legal_aid": None, "mutual_insurance": None, "childcare_service": None,
    "skills_training": None, "psych_support": None,
}


def reask(dispatcher: CollectingDispatcher, domain: DomainDict, response: str) -> None:
    """Asks again with the domain's response; a generic Chinese line if it is missing."""
    if response in (domain or {}).get("responses", {}):
        dispatcher.utter_message(response=response)
    else:
        dispatcher.utter_message(text=GENERIC_REASK)


def apply(slot: str, checked: v.Checked, dispatcher: CollectingDispatcher,
          domain: DomainDict) -> Slots:
    if not checked.ok:
        reask(dispatcher, domain, checked.reask)
    return {slot: checked.value}


# The shared validator of each slot a form asks for.
SLOT_CHECKS: dict[str, Callable[[object], v.Checked]] = {
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
_NOT_PROOF = {"city", "district"}
SWITCH_CONFIDENCE = 0.7


def answers_the_question(tracker: Tracker) -> bool:
    """The latest message is a valid answer to the slot the form asked for."""
    slot = tracker.get_slot("requested_slot")
    check = SLOT_CHECKS.get(slot)
    if check is None or slot in _NOT_PROOF:
        return False
    checked = check(tracker.latest_message.get("text") or "")
    return checked.ok and not str(checked.value).startswith(_UNSPECIFIC)


def _validator(slot: str):
    """A ``validate_<slot>`` method: the shared validator, then re-ask or keep the value."""
    check = SLOT_CHECKS[slot]

    def validate(self, value, dispatcher, tracker, domain) -> Slots:
        return apply(slot, check(value), dispatcher, domain)

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


class HotlineForm(FormValidationAction):
    """Shared rules for every form of the hotline."""

    @abstractmethod
    def name(self) -> str:
        """validate_<form name>."""

    validate_phone = _validator("phone")
    validate_id_number = _validator("id_number")
    validate_amount = _validator("amount")
    validate_monthly_wage = _validator("monthly_wage")
    validate_medical_cost = _validator("medical_cost")
    validate_duration = _validator("duration")
    validate_ticket_id = _validator("ticket_id")
    validate_child_grade = _validator("child_grade")
    validate_city = _validator("city")
    validate_workers_affected = _validator("workers_affected")

    extract_phone = _extractor("phone")
    extract_otp_code = _extractor("otp_code")
    extract_id_number = _extractor("id_number")
    extract_ticket_id = _extractor("ticket_id")
    extract_amount = _extractor("amount")
    extract_monthly_wage = _extractor("monthly_wage")
    extract_medical_cost = _extractor("medical_cost")
    extract_workers_affected = _extractor("workers_affected")

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> list[str]:
        """A known city stands in for the district (the city's default station serves it)."""
        if "district" in domain_slots and tracker.get_slot("city"):
            return [s for s in domain_slots if s != "district"]
        return domain_slots

    async def validate_district(self, value, dispatcher, tracker, domain) -> Slots:
        """A place the backend knows; when it is away, the place as written is kept."""
        checked = v.place(value)
        if not checked.ok:
            return apply("district", checked, dispatcher, domain)
        try:
            found = await client().resolve(tracker.get_slot("city"), checked.value)
        except BackendUnavailable:
            return {"district": checked.value}
        except BackendError:
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
        if intent not in SERVICE_INTENTS or SERVICE_INTENTS[intent] == self.form_name():
            return False
        return confidence >= SWITCH_CONFIDENCE and not answers_the_question(tracker)

    def _step_aside(self, tracker: Tracker) -> list[dict]:
        """Rejects this turn so the rules answer the other topic; remembers to come back."""
        events = [SlotSet("interrupted_form", self.form_name()),
                  ActionExecutionRejected(self.form_name())]
        if is_crisis(tracker.latest_message.get("text") or ""):
            # whatever the message was classified as: hotlines and a person at once
            events.append(FollowupAction("action_psych_support"))
        return events

    async def run(self, dispatcher, tracker, domain):
        on_action_call()
        text = tracker.latest_message.get("text") or ""
        if self._waiting_for_answer(tracker) and (self._switched_topic(tracker)
                                                  or is_crisis(text)):
            return self._step_aside(tracker)
        try:
            return await super().run(dispatcher, tracker, domain)
        except BackendUnavailable:
            dispatcher.utter_message(response="utter_backend_down")
        except Exception:
            logger.exception("%s failed", self.name())
            dispatcher.utter_message(response="utter_default")
        return [ActiveLoop(None), SlotSet("requested_slot", None)]


class ValidateWageArrearsForm(HotlineForm):
    def name(self) -> str:
        return "validate_wage_arrears_form"


class ValidateOvertimeForm(HotlineForm):
    def name(self) -> str:
        return "validate_overtime_form"

    validate_overtime_days = _validator("overtime_days")


class ValidateMinimumWageForm(HotlineForm):
    def name(self) -> str:
        return "validate_minimum_wage_form"


class ValidateSchoolForm(HotlineForm):
    def name(self) -> str:
        return "validate_school_form"

    validate_hukou_status = _validator("hukou_status")
    validate_school_problem = _validator("school_problem")


class ValidateHolidaySubsidyForm(HotlineForm):
    def name(self) -> str:
        return "validate_holiday_subsidy_form"

    async def extract_holiday_situation(self, dispatcher, tracker, domain) -> Slots:
        """留厂过年有红包吗 already says the worker stays: not asked again."""
        latest = tracker.latest_message or {}
        if tracker.get_slot("holiday_situation") or (
                (latest.get("intent") or {}).get("name") != "holiday_subsidy"):
            return {}
        text = latest.get("text") or ""
        # the worker's words, as if answering the question: validate_holiday_situation reads them
        return {"holiday_situation": text} if v.holiday_situation(text).ok else {}

    validate_holiday_situation = _validator("holiday_situation")
    validate_occupation = _validator("occupation")


class ValidateFindStationForm(HotlineForm):
    def name(self) -> str:
        return "validate_find_station_form"


class ValidateTicketStatusForm(HotlineForm):
    def name(self) -> str:
        return "validate_ticket_status_form"


class ValidateTicketOfferForm(HotlineForm):
    def name(self) -> str:
        return "validate_ticket_offer_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> list[str]:
        if tracker.get_slot("wants_ticket") is False:
            return []  # declined: nothing more to ask
        return domain_slots


# The relief form without a verified record: said the same way to members and strangers.
UNVERIFIED = "这次先不核验身份，我按还没有在工会建档来帮您判断；建档请联系所在的网格工作站。"
NO_CODE = re.compile(r"没收到|没有收到|收不到|没短信|没有短信|没来|不是会员|没建档|没有建档|跳过|不验证|不用验证")


class ValidateReliefForm(HotlineForm):
    """Phone → one-time code through the backend → the worker's record → medical cost."""

    def name(self) -> str:
        return "validate_relief_form"

    async def validate_phone(self, value, dispatcher, tracker, domain) -> Slots:
        """Asks the backend for a code. Members and strangers hear the same words (the
        backend answers both alike): nobody learns from the hotline who is a member."""
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
