"""Conversation control shared by every flow: leaving a form cleanly."""

from __future__ import annotations

from rasa_sdk.events import ActiveLoop, SlotSet

from actions.common import SafeAction

# What a worker told us once and may need again: kept when a form is cancelled.
CARRIED_OVER = {"city", "district", "phone", "verified_worker"}


class ActionCancelRequest(SafeAction):
    """Leaves whatever form is open: nothing half-filled is submitted or kept for later."""

    def name(self) -> str:
        return "action_cancel_request"

    async def act(self, dispatcher, tracker, domain):
        form = tracker.active_loop_name or tracker.get_slot("interrupted_form")
        if not form:
            dispatcher.utter_message(response="utter_nothing_to_cancel")
        else:
            dispatcher.utter_message(response="utter_cancel")
        required = (domain.get("forms", {}).get(form) or {}).get("required_slots", []) \
            if form else []
        half_filled = [SlotSet(slot, None) for slot in required if slot not in CARRIED_OVER]
        return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("pending_case", None),
                SlotSet("wants_ticket", None), SlotSet("interrupted_form", None), *half_filled]
