"""Handing a conversation to the grid staff of the worker's station.

``request_handoff`` is shared: the worker's own request (``action_handoff_request``) and
crisis words (``action_psych_support``) both queue the conversation at the station.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.backend_client import BackendUnavailable
from actions.common import SafeAction, client, location
from actions.tickets import contact_phone, file_case

UNREACHABLE = ("抱歉，转人工的系统暂时连不上。请直接拨打职工服务热线 12351，工作人员会接听；"
               "情况紧急请拨打 110 或 120。")

# 我想找个工会的人聊聊 / 能不能找你们工作人员: a wish for a person that the NLU reads as not
# understood or as psych support. Asking for a person is never misunderstood: both the fallback
# and the psych-support answer hand such a message to the station.
_A_PERSON = re.compile(r"(?:工会|你们|您们)(?:这边)?的?(?:人|工作人员|干部)|工作人员|真人|人工客服|转人工"
                       r"|找个?(?:人|工会的人).{0,4}(?:聊|说|谈|问)")


def asks_for_a_person(text: str) -> bool:
    return bool(_A_PERSON.search(text or "")) and len(text) <= 40


async def request_handoff(dispatcher: CollectingDispatcher, tracker: Tracker,
                          reason: str) -> list[dict[str, Any]]:
    """Queues the conversation at the station; outside opening hours, a callback ticket."""
    city, district = location(tracker)
    channel = tracker.get_latest_input_channel() or "rest"
    try:
        record = await client().open_handoff(tracker.sender_id, city, district, reason, channel)
    except BackendUnavailable:
        dispatcher.utter_message(text=UNREACHABLE)  # never silence, least of all in a crisis
        return [SlotSet("handoff_reason", None)]
    station = record["station_name"]
    if record["station_open_now"]:
        ahead = max(0, (record.get("position") or 1) - 1)
        queue = "您是下一位" if ahead == 0 else f"前面还有 {ahead} 位在等待"
        dispatcher.utter_message(
            text=f"已为您转接{station}的工作人员，{queue}，请稍候。"
                 f"着急的话也可以直接打 {record['station_phone']}。")
    elif contact_phone(tracker):
        dispatcher.utter_message(text=f"{station}现在不在服务时间。")
        await file_case(dispatcher, tracker, "callback", {"reason": reason})
    else:
        dispatcher.utter_message(
            text=f"{station}现在不在服务时间。请留下手机号，上班后工作人员给您回电；"
                 f"紧急情况请拨打 12351。")
    return [SlotSet("handoff_reason", None)]


class ActionHandoffRequest(SafeAction):
    """The worker asked for a person (also mid-form)."""

    def name(self) -> str:
        return "action_handoff_request"

    async def act(self, dispatcher, tracker, domain):
        reason = tracker.get_slot("handoff_reason") or "worker_request"
        return await request_handoff(dispatcher, tracker, reason)
