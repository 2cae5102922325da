"""Relief eligibility: the backend's rules decide, from the worker's record and costs."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions.common import SafeAction, client, location
from actions.tickets import offer_ticket


def _region(tracker) -> tuple[str | None, str | None]:
    worker = tracker.get_slot("verified_worker") or {}
    region = worker.get("region") or {}
    city, district = location(tracker)
    return region.get("city") or city, region.get("district") or district


def _amount_text(amount: dict | None) -> str:
    if not amount:
        return ""
    if "max" in amount:
        return f"，最高 {amount['max']:,} 元"
    if "value" in amount:
        return f"，{amount['value']:,} 元"
    return f"，{amount.get('text', '')}"


class ActionReliefEligibility(SafeAction):
    def name(self) -> str:
        return "action_relief_eligibility"

    async def act(self, dispatcher, tracker, domain):
        worker = tracker.get_slot("verified_worker") or {}
        city, district = _region(tracker)
        facts = {"city": city, "district": district,
                 "hardship_status": worker.get("hardship_status") or "none",
                 "medical_out_of_pocket_yearly": tracker.get_slot("medical_cost")}
        result = await client().eligibility({k: v for k, v in facts.items() if v is not None})
        if not result["region_known"] or not city:
            dispatcher.utter_message(text=result.get("reason") or "请告诉我您所在的城市，我再帮您查。")
            return [SlotSet("otp_code", None)]
        eligible = [p for p in result["programmes"] if p["eligible"]]
        not_eligible = [p for p in result["programmes"] if not p["eligible"]]
        if eligible:
            lines = [f"✔ {p['title']}{_amount_text(p['amount'])}。{p['reason']} {p['next_steps']}"
                     for p in eligible]
            dispatcher.utter_message(text="根据您的情况，可以申请：\n" + "\n".join(lines))
        if not_eligible:
            lines = [f"✘ {p['title']}：{p['reason']}" for p in not_eligible[:3]]
            dispatcher.utter_message(text="暂不符合：\n" + "\n".join(lines))
        if not result["programmes"]:
            dispatcher.utter_message(text=result.get("reason") or "当地暂无登记的帮扶项目。")
        events = [SlotSet("otp_code", None)]
        ticketable = [p for p in eligible if p["ticket_type"]]
        if ticketable:
            events += offer_ticket(ticketable[0]["ticket_type"], {
                "programmes": [p["programme"] for p in ticketable],
                "medical_out_of_pocket_yearly": tracker.get_slot("medical_cost"),
                "hardship_status": facts["hardship_status"]})
        return events
