"""Child school placement: the local policy and documents, then a ticket for the station."""

from __future__ import annotations

from actions.common import SafeAction, client, location
from actions.tickets import offer_ticket


class ActionSchoolPlacementAnswer(SafeAction):
    def name(self) -> str:
        return "action_school_placement_answer"

    async def act(self, dispatcher, tracker, domain):
        city, district = location(tracker)
        policy = (await client().policies("school_placement", city, district))["policies"][0]
        details = policy["details"]
        dispatcher.utter_message(
            text=f"{policy['summary']}\n需要准备的材料：" + "、".join(details["documents"])
                 + "。\n办理步骤：" + "；".join(details["steps"]) + "。")
        if details.get("case"):
            dispatcher.utter_message(text=f"例如：{details['case']}")
        facts = {"child_grade": tracker.get_slot("child_grade"),
                 "hukou_status": tracker.get_slot("hukou_status"),
                 "problem": tracker.get_slot("school_problem")}
        return offer_ticket("school_placement", facts)
