"""The rest of the services: find a station, ticket status, policy answers, psych support."""

from __future__ import annotations

import re

from rasa_sdk.events import FollowupAction, SlotSet

from actions.backend_client import BackendError
from actions.common import SafeAction, client, location
from actions.tickets import offer_ticket

_DAYS = {"mon": "周一", "tue": "周二", "wed": "周三", "thu": "周四", "fri": "周五", "sat": "周六",
         "sun": "周日"}
CRISIS = re.compile(r"不想活|活着没意思|活不下去|想死|去死|自杀|轻生|跳楼|跳河|割腕|一了百了|结束(这一切|生命)"
                    r"|买好药|安眠药")
INTENT_SERVICE = {"legal_aid": "legal_aid", "mutual_insurance": "mutual_insurance",
                  "childcare_service": "childcare", "skills_training": "skills_training",
                  "psych_support": "psych_support"}
STATUS_NAMES = {"new": "新建", "assigned": "已分派到网格工作站", "in_progress": "正在处理",
                "resolved": "已办结", "closed": "已关闭"}


def hours_text(hours: dict) -> str:
    return "；".join(f"{_DAYS[d]} {'、'.join(spans)}" for d, spans in hours.items())


class ActionFindStation(SafeAction):
    def name(self) -> str:
        return "action_find_station"

    async def act(self, dispatcher, tracker, domain):
        city, district = location(tracker)
        try:
            found = await client().resolve(city, district)
        except BackendError:
            dispatcher.utter_message(response="utter_unknown_place")
            return [SlotSet("district", None)]
        station = found["station"]
        now = "现在正在服务时间" if station["open_now"] else "现在不在服务时间"
        dispatcher.utter_message(
            text=f"离您最近的是：{station['name']}\n地址：{station['address']}\n电话：{station['phone']}\n"
                 f"服务时间：{hours_text(station['hours'])}（{now}）")
        return []


class ActionTicketStatus(SafeAction):
    def name(self) -> str:
        return "action_ticket_status"

    async def act(self, dispatcher, tracker, domain):
        ticket_id, phone = tracker.get_slot("ticket_id"), tracker.get_slot("phone")
        try:
            status = await client().ticket_status(ticket_id, phone)
        except BackendError:
            dispatcher.utter_message(text="没有找到与这个手机号对应的这张工单。请核对工单号和登记时留的手机号。")
            return [SlotSet("ticket_id", None)]
        note = f"最新进展：{status['last_note']}。" if status.get("last_note") else ""
        dispatcher.utter_message(
            text=f"工单 {status['id']} 目前状态：{STATUS_NAMES.get(status['status'], status['status'])}，"
                 f"由{status['station_name']}负责（电话 {status['station_phone']}）。{note}"
                 f"承诺联系时限：{str(status['sla_due'])[:10]}。")
        return [SlotSet("ticket_id", None)]


class ActionPolicyAnswer(SafeAction):
    """Legal aid, mutual insurance, childcare, skills: the local policy from the backend."""

    def name(self) -> str:
        return "action_policy_answer"

    async def act(self, dispatcher, tracker, domain):
        intent = tracker.get_intent_of_latest_message()
        service = INTENT_SERVICE.get(intent, "legal_aid")
        city, district = location(tracker)
        policies = (await client().policies(service, city, district))["policies"]
        if not policies:
            dispatcher.utter_message(text="这方面的资料还在整理，您可以拨打职工服务热线 12351 咨询。")
            return []
        for policy in policies[:2]:
            dispatcher.utter_message(text=f"{policy['title']}：{policy['summary']}")
        if intent == "legal_aid":
            return offer_ticket("legal_aid", {"question": tracker.latest_message.get("text")})
        return []


class ActionPsychSupport(SafeAction):
    """Crisis words → hotline numbers at once and a person; never a form."""

    def name(self) -> str:
        return "action_psych_support"

    async def act(self, dispatcher, tracker, domain):
        text = tracker.latest_message.get("text") or ""
        if CRISIS.search(text):
            dispatcher.utter_message(response="utter_crisis")
            return [SlotSet("handoff_reason", "crisis"), FollowupAction("action_handoff_request")]
        dispatcher.utter_message(response="utter_psych_support")
        try:
            policies = (await client().policies("psych_support"))["policies"]
            if policies:
                dispatcher.utter_message(text=policies[0]["summary"])
        except Exception:  # the empathy above is the answer; the policy is a bonus
            pass
        return []


class ActionCancelRequest(SafeAction):
    """Leaves whatever form is open, cleanly: nothing half-filled is submitted."""

    def name(self) -> str:
        return "action_cancel_request"

    async def act(self, dispatcher, tracker, domain):
        from rasa_sdk.events import ActiveLoop

        if tracker.active_loop_name:
            dispatcher.utter_message(response="utter_cancel")
        else:
            dispatcher.utter_message(response="utter_nothing_to_cancel")
        return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("pending_case", None),
                SlotSet("wants_ticket", None)]
