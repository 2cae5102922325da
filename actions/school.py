"""Child school placement: the local policy and documents, then a ticket for the station."""

from __future__ import annotations

from actions.common import SafeAction, client, location
from actions.tickets import offer_ticket

SCHOOL_FACTS = ("child_grade", "hukou_status", "school_problem")


def placement_text(policy: dict) -> str:
    details = policy.get("details") or {}
    text = policy["summary"]
    if details.get("documents"):
        text += "\n需要准备的材料：" + "、".join(details["documents"]) + "。"
    if details.get("steps"):
        text += "\n办理步骤：" + "；".join(details["steps"]) + "。"
    return text


class ActionSchoolPlacementAnswer(SafeAction):
    def name(self) -> str:
        return "action_school_placement_answer"

    async def act(self, dispatcher, tracker, domain):
        city, district = location(tracker)
        policies = (await client().policies("school_placement", city, district))["policies"]
        if not policies:
            dispatcher.utter_message(response="utter_no_policy")
        else:
            dispatcher.utter_message(text=placement_text(policies[0]))
            case = (policies[0].get("details") or {}).get("case")
            if case:
                dispatcher.utter_message(text=f"工会帮过类似的忙：{case}")
        facts = {slot: tracker.get_slot(slot) for slot in SCHOOL_FACTS}
        return offer_ticket("school_placement", facts)
