"""Opening tickets: one helper for every flow, plus the offer-a-ticket step."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.backend_client import submit_ticket
from actions.common import SafeAction, client, outbox

TYPE_NAMES = {"wage_arrears": "欠薪", "school_placement": "子女入学", "relief_application": "困难救助申请",
              "subsidy_application": "补贴申请", "legal_aid": "法律援助", "minimum_wage": "最低工资",
              "overtime_pay": "加班费", "callback": "回电", "handoff": "转人工", "other": "其他"}


def _case_key(tracker: Tracker, ticket_type: str) -> str:
    """Stable per conversation turn: a retried action files the same ticket once."""
    user_turns = sum(1 for e in tracker.events if e.get("event") == "user")
    return f"{tracker.sender_id}:{ticket_type}:{user_turns}"


async def file_case(dispatcher: CollectingDispatcher, tracker: Tracker, ticket_type: str,
                    facts: dict[str, Any], phone: str | None = None) -> dict | None:
    """Creates (or queues) the ticket and tells the worker what happens next."""
    city, district = tracker.get_slot("city"), tracker.get_slot("district")
    payload = {"type": ticket_type, "facts": facts, "city": city, "district": district,
               "contact_phone": phone or tracker.get_slot("phone"),
               "contact_name": (tracker.get_slot("verified_worker") or {}).get("name"),
               "conversation_id": tracker.sender_id}
    payload = {k: v for k, v in payload.items() if v not in (None, "")}
    ticket = await submit_ticket(client(), outbox(), payload, _case_key(tracker, ticket_type))
    if ticket is None:
        dispatcher.utter_message(response="utter_case_queued")
        return None
    due = str(ticket["sla_due"])[:10]
    dispatcher.utter_message(
        text=f"已为您登记{TYPE_NAMES.get(ticket_type, '')}工单，工单号 {ticket['id']}，"
             f"由{ticket['station_name']}负责（电话 {ticket['station_phone']}）。"
             f"工作人员会在 {due} 前打电话联系您，请保持手机畅通。查询进度时告诉我工单号就行。")
    return ticket


class ActionOpenTicket(SafeAction):
    """After the ticket offer: files the pending case, or says it was not filed."""

    def name(self) -> str:
        return "action_open_ticket"

    async def act(self, dispatcher, tracker, domain):
        case = tracker.get_slot("pending_case") or {}
        reset = [SlotSet("wants_ticket", None), SlotSet("pending_case", None)]
        if not tracker.get_slot("wants_ticket") or not case:
            dispatcher.utter_message(response="utter_no_ticket")
            return reset
        await file_case(dispatcher, tracker, case["type"], case.get("facts", {}))
        return reset


def offer_ticket(ticket_type: str, facts: dict[str, Any]) -> list[dict]:
    """Events that park a case and start the ticket offer."""
    from rasa_sdk.events import FollowupAction

    return [SlotSet("pending_case", {"type": ticket_type, "facts": facts}),
            SlotSet("wants_ticket", None), FollowupAction("ticket_offer_form")]
