"""Opening tickets (工单), shared by every flow: file a case, or offer to file one.

A case is filed with an idempotency key stable for the conversation turn, so a repeated
action call files it once. When the backend is away the case goes to the durable outbox
(``actions/case_outbox.py``) and the worker is told it is kept and will be submitted.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.case_outbox import submit_ticket
from actions.common import SafeAction, client, location, outbox

TYPE_NAMES = {"wage_arrears": "欠薪", "school_placement": "子女入学协调",
              "relief_application": "困难救助申请", "subsidy_application": "补贴申请",
              "legal_aid": "律师咨询（法律援助）", "minimum_wage": "工资低于最低标准",
              "overtime_pay": "加班费", "callback": "回电", "handoff": "转人工", "other": ""}
BEIJING = timezone(timedelta(hours=8))
_WEEKDAYS = "一二三四五六日"


def case_key(tracker: Tracker, ticket_type: str) -> str:
    """Stable within one turn of one conversation: a retried action files the case once."""
    user_turns = sum(1 for e in tracker.events if e.get("event") == "user")
    return f"{tracker.sender_id}:{ticket_type}:{user_turns}"


def call_back_by(sla_due: str) -> str:
    """'2026-11-26T05:45:00' (UTC) → '11月26日（周四）' in Beijing time."""
    try:
        due = datetime.fromisoformat(str(sla_due).replace("Z", "+00:00"))
    except ValueError:
        return str(sla_due)[:10]
    if due.tzinfo is None:
        due = due.replace(tzinfo=timezone.utc)
    due = due.astimezone(BEIJING)
    return f"{due.month}月{due.day}日（周{_WEEKDAYS[due.weekday()]}）"


def case_place(tracker: Tracker) -> tuple[str | None, str | None]:
    """Where the case is routed: the place the worker told us, else the one on their record
    (a verified member who never named a place is served by their own station)."""
    city, district = location(tracker)
    if city or district:
        return city, district
    region = (tracker.get_slot("verified_worker") or {}).get("region") or {}
    local = next((region[k] for k in ("community", "street", "district") if region.get(k)), None)
    return region.get("city"), local


def case_payload(tracker: Tracker, ticket_type: str, facts: dict[str, Any]) -> dict[str, Any]:
    worker = tracker.get_slot("verified_worker") or {}
    city, district = case_place(tracker)
    payload = {"type": ticket_type, "facts": {k: v for k, v in facts.items() if v is not None},
               "city": city, "district": district,
               "contact_phone": tracker.get_slot("phone"), "contact_name": worker.get("name"),
               "conversation_id": tracker.sender_id}
    return {k: v for k, v in payload.items() if v not in (None, "")}


async def file_case(dispatcher: CollectingDispatcher, tracker: Tracker, ticket_type: str,
                    facts: dict[str, Any]) -> dict | None:
    """Creates (or queues) the ticket and tells the worker what happens next."""
    payload = case_payload(tracker, ticket_type, facts)
    ticket = await submit_ticket(client(), outbox(), payload, case_key(tracker, ticket_type))
    if ticket is None:
        dispatcher.utter_message(response="utter_case_queued")
        return None
    name = TYPE_NAMES.get(ticket_type, "")
    dispatcher.utter_message(
        text=f"已为您登记{name}工单，工单号 {ticket['id']}，由{ticket['station_name']}负责"
             f"（电话 {ticket['station_phone']}）。工作人员会在 {call_back_by(ticket['sla_due'])}"
             "前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")
    return ticket


def offer_ticket(ticket_type: str, facts: dict[str, Any]) -> list[dict]:
    """Events that park a case and open the ticket offer (the form asks yes/no, then phone)."""
    return [SlotSet("pending_case", {"type": ticket_type, "facts": facts}),
            SlotSet("wants_ticket", None), ActiveLoop("ticket_offer_form")]


class ActionOpenTicket(SafeAction):
    """After the ticket offer: files the parked case, or says it was not filed."""

    def name(self) -> str:
        return "action_open_ticket"

    async def act(self, dispatcher, tracker, domain):
        case = tracker.get_slot("pending_case") or {}
        reset = [SlotSet("wants_ticket", None), SlotSet("pending_case", None)]
        if not tracker.get_slot("wants_ticket") or not case.get("type"):
            dispatcher.utter_message(response="utter_no_ticket")
            return reset
        await file_case(dispatcher, tracker, case["type"], case.get("facts") or {})
        return reset
