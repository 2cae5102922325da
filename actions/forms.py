"""Form validation: one class per form, sharing the validators and the location rule.

A form asks only for what is missing: a place given as a city *or* a district
counts as known, and slots filled earlier in the conversation are not asked again.
"""

from __future__ import annotations

import logging
from abc import abstractmethod
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import validators as v
from actions.backend_client import BackendError, BackendUnavailable
from actions.common import client

logger = logging.getLogger(__name__)
Slots = dict[str, Any]
# A service intent said in the middle of another form starts that service instead.
TOPIC_SWITCH = {
    "wage_arrears": "wage_arrears_form", "overtime_pay": "overtime_form",
    "minimum_wage": "minimum_wage_form", "school_placement": "school_form",
    "relief_eligibility": "relief_form", "holiday_subsidy": "holiday_subsidy_form",
    "find_station": "find_station_form", "ticket_status": "ticket_status_form",
    "legal_aid": "action_policy_answer", "mutual_insurance": "action_policy_answer",
    "childcare_service": "action_policy_answer", "skills_training": "action_policy_answer",
    "psych_support": "action_psych_support",
}


def _checked(name: str, value: Any, parse, dispatcher: CollectingDispatcher,
             invalid_response: str) -> Slots:
    parsed = parse(value)
    if parsed is None:
        dispatcher.utter_message(response=invalid_response)
    return {name: parsed}


class HotlineForm(FormValidationAction):
    """Shared rules: a known city stands in for a district; the shared validators."""

    @abstractmethod
    def name(self) -> str:
        """validate_<form name>."""

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> list[str]:
        if "district" in domain_slots and tracker.get_slot("city"):
            return [s for s in domain_slots if s != "district"]
        return domain_slots

    async def run(self, dispatcher, tracker, domain):
        switch = TOPIC_SWITCH.get(tracker.get_intent_of_latest_message())
        # only while this form is waiting for an answer (not when it is just starting)
        asked = tracker.active_loop_name == self.form_name() and tracker.get_slot("requested_slot")
        if switch and asked and switch != self.form_name():
            # another service asked for mid-form: answer it, then come back here
            return [SlotSet("interrupted_form", self.form_name()), ActiveLoop(None),
                    SlotSet("requested_slot", None), FollowupAction(switch)]
        try:
            return await super().run(dispatcher, tracker, domain)
        except (BackendUnavailable, BackendError):
            dispatcher.utter_message(response="utter_backend_down")
        except Exception:
            logger.exception("%s failed", self.name())
            dispatcher.utter_message(response="utter_default")
        return [{"event": "active_loop", "name": None}]

    def validate_phone(self, value, dispatcher, tracker, domain) -> Slots:
        return _checked("phone", value, v.phone, dispatcher, "utter_invalid_phone")

    def validate_amount(self, value, dispatcher, tracker, domain) -> Slots:
        return _checked("amount", value, v.amount, dispatcher, "utter_invalid_amount")

    def validate_monthly_wage(self, value, dispatcher, tracker, domain) -> Slots:
        return _checked("monthly_wage", value, v.amount, dispatcher, "utter_invalid_amount")

    def validate_medical_cost(self, value, dispatcher, tracker, domain) -> Slots:
        return _checked("medical_cost", value, v.amount, dispatcher, "utter_invalid_amount")

    def validate_duration(self, value, dispatcher, tracker, domain) -> Slots:
        return _checked("duration", value, v.duration, dispatcher, "utter_invalid_duration")

    def validate_ticket_id(self, value, dispatcher, tracker, domain) -> Slots:
        return _checked("ticket_id", value, v.ticket_id, dispatcher, "utter_invalid_ticket_id")


class ValidateWageArrearsForm(HotlineForm):
    def name(self) -> str:
        return "validate_wage_arrears_form"

    def validate_workers_affected(self, value, dispatcher, tracker, domain) -> Slots:
        count = v.head_count(value)
        if count is None:
            dispatcher.utter_message(text="请说一个人数，比如“就我一个”或“12个人”。")
        return {"workers_affected": count}


class ValidateOvertimeForm(HotlineForm):
    def name(self) -> str:
        return "validate_overtime_form"

    def validate_overtime_days(self, value, dispatcher, tracker, domain) -> Slots:
        from datetime import date

        from actions.overtime_calculator import days_from_text

        if days_from_text(str(value), date.today().year) is None:
            dispatcher.utter_message(text="没听明白是哪几天。可以说“大年初一到初三”“国庆3天”“周末两天”或“加了10个小时”。")
            return {"overtime_days": None}
        return {"overtime_days": str(value)}


class ValidateMinimumWageForm(HotlineForm):
    def name(self) -> str:
        return "validate_minimum_wage_form"


class ValidateSchoolForm(HotlineForm):
    def name(self) -> str:
        return "validate_school_form"


class ValidateHolidaySubsidyForm(HotlineForm):
    def name(self) -> str:
        return "validate_holiday_subsidy_form"

    def validate_holiday_situation(self, value, dispatcher, tracker, domain) -> Slots:
        situation = v.holiday_situation(value)
        if situation is None:
            dispatcher.utter_message(text="请说“留下过年”或“节后回家”。")
        return {"holiday_situation": situation}

    def validate_occupation(self, value, dispatcher, tracker, domain) -> Slots:
        return {"occupation": v.occupation(value)}


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


class ValidateReliefForm(HotlineForm):
    """Phone → one-time code through the backend → the worker's record → medical cost."""

    def name(self) -> str:
        return "validate_relief_form"

    async def validate_phone(self, value, dispatcher, tracker, domain) -> Slots:
        phone = v.phone(value)
        if phone is None:
            dispatcher.utter_message(response="utter_invalid_phone")
            return {"phone": None}
        if tracker.get_slot("verified_worker"):
            return {"phone": phone}
        sent = await client().send_code(phone)
        if not sent["member"]:
            dispatcher.utter_message(text="没有查到这个手机号的会员档案，我先按没有建档来帮您判断。"
                                          "建档请联系所在的网格工作站。")
            return {"phone": phone, "otp_code": "未建档", "verified_worker": {"member": False}}
        return {"phone": phone}

    async def validate_otp_code(self, value, dispatcher, tracker, domain) -> Slots:
        if tracker.get_slot("verified_worker"):
            return {"otp_code": "已核验"}
        code = v.otp(value)
        if code is None:
            dispatcher.utter_message(response="utter_invalid_otp")
            return {"otp_code": None}
        try:
            result = await client().verify_code(tracker.get_slot("phone"), code)
        except BackendError as exc:
            dispatcher.utter_message(text=exc.message or "验证码不对，请再试一次。")
            return {"otp_code": None}
        worker = result["worker"]
        dispatcher.utter_message(text=f"核验成功，{worker['name']}您好。")
        return {"otp_code": "已核验", "verified_worker": {**worker, "member": True}}
