"""Child school placement: the local policy and documents, then a ticket for the station.

A worker who opens with a question (孩子没有本地户口能在这边上小学吗) hears the general rule
for 随迁子女 at once (``say_general_school_rule``, from the backend's national record), before
the form asks where they are; the answer at the end then adds only what is new.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.backend_client import BackendError
from actions.common import SafeAction, client, location, policies_for, said_this_turn
from actions.tickets import offer_ticket

SCHOOL_FACTS = ("child_grade", "hukou_status", "school_problem")
# the general rule said at the start stays said for the rest of the case
RULE_MEMORY = 8


def placement_text(policy: dict) -> str:
    details = policy.get("details") or {}
    text = policy["summary"]
    if details.get("documents"):
        text += "\n需要准备的材料：" + "、".join(details["documents"]) + "。"
    if details.get("steps"):
        text += "\n办理步骤：" + "；".join(details["steps"]) + "。"
    return text


def rule_said(tracker: Tracker, policy: dict) -> bool:
    """This policy's text was told earlier in the case (the question at the start)."""
    return said_this_turn(tracker, policy["summary"][:24], earlier_turns=RULE_MEMORY)


async def say_general_school_rule(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """The rule for children moving with migrant parents (居住证 etc.), once; True if said."""
    try:
        policies = (await client().policies("school_placement"))["policies"]
    except BackendError:
        return False
    if not policies or rule_said(tracker, policies[0]):
        return False
    dispatcher.utter_message(text=placement_text(policies[0])
                             + "\n下面问您几句孩子的情况，帮您看具体怎么办。")
    return True


class ActionSchoolPlacementAnswer(SafeAction):
    def name(self) -> str:
        return "action_school_placement_answer"

    async def act(self, dispatcher, tracker, domain):
        city, district = location(tracker)
        try:
            policies = await policies_for("school_placement", city, district, client())
        except BackendError:  # the ticket below matters more than the rule before it
            policies = []
        if not policies:
            dispatcher.utter_message(response="utter_no_policy")
        else:
            if not rule_said(tracker, policies[0]):
                dispatcher.utter_message(text=placement_text(policies[0]))
            case = (policies[0].get("details") or {}).get("case")
            if case:
                dispatcher.utter_message(text=f"工会帮过类似的忙：{case}")
        facts = {slot: tracker.get_slot(slot) for slot in SCHOOL_FACTS}
        return offer_ticket("school_placement", facts)
