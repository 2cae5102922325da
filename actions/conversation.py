"""Conversation control shared by every flow: leaving a form cleanly."""

from __future__ import annotations

from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet

from actions.common import SafeAction, said_this_turn
from actions.crisis import CRISIS_STILL_HERE, UNHEARD, crisis_check_in, safe_now_check_in, stays_with_person
from actions.facts import answer_fact
from actions.handoff import queued_hello_reply, withdraw_handoff, withdraws_the_handoff
from actions.overtime_days import read_worked_days
from actions.tickets import filed_content_asked
from actions.wages import PERIOD_QUESTION
from bot.normalize.numbers import find_durations

# What a worker told us once and may need again: kept when a form is cancelled.
CARRIED_OVER = {"city", "district", "phone", "verified_worker"}


class ActionCancelRequest(SafeAction):
    """Leaves whatever form is open: nothing half-filled is submitted or asked again.

    Also run when the worker asks for a person mid-form: then the form just closes
    quietly and what was collected stays in the conversation for the staff who take over.
    """

    def name(self) -> str:
        return "action_cancel_request"

    async def act(self, dispatcher, tracker, domain):
        text = (tracker.latest_message or {}).get("text") or ""
        if check := crisis_check_in(tracker, text) or safe_now_check_in(tracker, text):
            # 算了没事了 soon after the crisis reply (XJ-16: 好的。还有什么需要帮忙的 — the crisis
            # dropped): checked on once, the lines kept in front of them, the person still coming
            dispatcher.utter_message(text=check)
            return []
        if not tracker.active_loop_name and UNHEARD.search(text) and stays_with_person(tracker, text, False):
            dispatcher.utter_message(text=CRISIS_STILL_HERE)  # 算了 反正也没人在乎 (XT-11: the crisis dropped)
            return []
        form = tracker.active_loop_name or tracker.get_slot("interrupted_form")
        leave = [ActiveLoop(None), SlotSet("requested_slot", None),
                 SlotSet("interrupted_form", None)]
        if (tracker.latest_message.get("intent") or {}).get("name") == "request_human":
            return leave
        text = (tracker.latest_message or {}).get("text") or ""
        if not form and withdraws_the_handoff(tracker, text):
            await withdraw_handoff(dispatcher, tracker)  # 刚才那个转人工取消了没 (YR-08: 好的)
            return []
        if not form and (content := filed_content_asked(tracker)):
            dispatcher.utter_message(text=content)  # 都登记了啥 after filing, read as a cancel
            return []
        if not form and said_this_turn(tracker, PERIOD_QUESTION, earlier_turns=2) and find_durations(text) \
                and tracker.get_slot("monthly_wage") \
                and read_worked_days(tracker.get_slot("overtime_days") or "").workdays:
            # 22天 刚才说了 after 您这样每天加班一共多长时间了 (XO-4: read as a cancel, 好的。还有什么需要帮忙的):
            # the period, joined with the day's hours by the slot mappings, summed
            return [FollowupAction("action_calculate_overtime")]
        dispatcher.utter_message(response="utter_cancel" if form else "utter_nothing_to_cancel")
        # 没收到 算了不查了 那我去哪交材料 (NN-05: the question was dropped with the form)
        for line in await answer_fact(tracker) or []:
            dispatcher.utter_message(text=line)
        required = (domain.get("forms", {}).get(form) or {}).get("required_slots", []) \
            if form else []
        half_filled = [SlotSet(slot, None) for slot in required if slot not in CARRIED_OVER]
        return leave + [SlotSet("pending_case", None), SlotSet("wants_ticket", None),
                        *half_filled]


class ActionGreet(SafeAction):
    """你好 / 有人吗: the greeting and what the hotline does — except while the worker waits in
    the queue for a person, when 有人吗 asks whether anyone is there (XF-11: the menu, as if the
    conversation had just begun)."""

    def name(self) -> str:
        return "action_greet"

    async def act(self, dispatcher, tracker, domain):
        text = (tracker.latest_message or {}).get("text") or ""
        if waiting := queued_hello_reply(tracker, text):
            dispatcher.utter_message(text=waiting)
            return []
        dispatcher.utter_message(response="utter_greet")
        return []
