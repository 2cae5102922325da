"""Handing a conversation to the grid staff of the worker's station."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions.common import SafeAction, client, location
from actions.tickets import file_case


class ActionHandoffRequest(SafeAction):
    """Queues the conversation at the station; outside opening hours, a callback ticket."""

    def name(self) -> str:
        return "action_handoff_request"

    async def act(self, dispatcher, tracker, domain):
        city, district = location(tracker)
        reason = tracker.get_slot("handoff_reason") or "worker_request"
        channel = (tracker.get_latest_input_channel() or "rest")
        record = await client().open_handoff(tracker.sender_id, city, district, reason, channel)
        if record["station_open_now"]:
            ahead = max(0, (record.get("position") or 1) - 1)
            dispatcher.utter_message(
                text=f"已为您转接{record['station_name']}的工作人员，前面还有 {ahead} 位在等待，"
                     f"请稍候。着急的话也可以直接打 {record['station_phone']}。")
        elif tracker.get_slot("phone"):
            dispatcher.utter_message(text=f"{record['station_name']}现在不在服务时间。")
            await file_case(dispatcher, tracker, "callback", {"reason": reason})
        else:
            dispatcher.utter_message(
                text=f"{record['station_name']}现在不在服务时间。请留下手机号，上班后工作人员给您回电；"
                     f"紧急情况请拨打 12351。")
        return [SlotSet("handoff_reason", None)]
