"""Back to the form a question interrupted: after a service asked for mid-form is answered."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.next_service import unasked

# 先不了 / 不用登记了那… / 我再想想 / 考虑考虑 / 我说了不登记 (XC-7, XC-10: the offer made again): a no
# to the ticket, said first or said again; 不用登记吗 (a question) and 不是不登记 are none
_NO_FIRST = re.compile(r"^(?:那|嗯|哦|好|行)?[\s，,。]*(?:先不了|先不用了?|暂时不用|现在不用|不用了|先不登记|不登记了?|"
                       r"不用再?登记了?|不要再?登记了?|不需要再?登记了?|先别登记|别再?登记了?|先不办|先算了)"
                       r"(?!吗|么|嘛|吧[？?]|[？?])")
_NO_AGAIN = re.compile(r"(?<!不是)(?:我|俺)?(?:都|已经)?说了?(?:不|别)(?:用|要)?登记|"
                       r"(?:再|先)想想(?:吧|啊|哈|看)?(?=$|[\s，,。!！])|"
                       r"考虑考虑|(?:再|先)考虑(?:一下|下)?(?=$|[\s，,。!！吧])|考虑一下(?:吧|啊)?$|回头再说|以后再说|改天再说")
# 不是不登记 / 没说不登记啊 / 还是登记吧: the no taken back (``takes_it_back``), not said
_NO_TAKEN_BACK = re.compile(r"不是不|没说不|不取消|别取消|还是(?:要|得|想|给我|帮我)?(?:办|登记|报)|"
                            r"(?:谁|哪个|啥时候|什么时候)说(?:了|过)?(?:要)?不")  # 谁说不登记了 俺要登记 (XP-7)


def declines_the_offer(text: str) -> bool:
    """先不了 我怕被开除 再想想 / 不用登记了那我兄弟… / 我说了不登记: the worker says no to the
    ticket offer (politely or again), whatever else the message holds."""
    text = (text or "").strip()
    return not text.startswith("/") and not _NO_TAKEN_BACK.search(text) and bool(
        _NO_FIRST.match(text) or _NO_AGAIN.search(text))


def resume_interrupted(dispatcher: CollectingDispatcher, tracker: Tracker,
                       events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """After a service asked for mid-form is answered, go back to the form it interrupted.

    Re-activating the loop (rather than a follow-up action) lets the policies predict the
    form next, so the same path holds in Rasa test stories and in a live conversation.
    """
    form = tracker.get_slot("interrupted_form")
    decided = any(e.get("event") == "active_loop" and e.get("name")  # opens a form first
                  or e.get("event") == "followup"                     # hands over elsewhere
                  or e.get("event") == "slot" and e.get("name") == "interrupted_form"
                  for e in events)
    if not form or decided:
        return []
    if unasked(tracker, form):
        # YW-13: the holiday form a misread wage complaint opened, resumed after the wage
        # ticket (好，我们接着刚才的事往下说。您是留下来过年…): dropped, never asked for
        return [SlotSet("interrupted_form", None)]
    offer_ended = any(e.get("event") == "slot" and e.get("name") == "pending_case"
                      and e.get("value") is None for e in events)
    if form == "ticket_offer_form" and (offer_ended or any(
            "已为您登记" in (m.get("text") or "") or "先不登记" in (m.get("text") or "")
            for m in dispatcher.messages)):
        # F01: the offer a question interrupted was for this very case, now filed: a second
        # offer would file it twice; W-12: declined (先不用), it is not offered again
        return [SlotSet("interrupted_form", None)]
    if form == "ticket_offer_form" and declines_the_offer((tracker.latest_message or {}).get("text") or ""):
        # 先别登记 我就问城阳区工会服务站在哪 (XD-13: the station, then the offer again): the question
        # answered, the offer declined with it is not made again
        dispatcher.utter_message(response="utter_no_ticket")
        left = [ActiveLoop(None), SlotSet("requested_slot", None)] if form == tracker.active_loop_name else []
        return [*left, SlotSet("interrupted_form", None), SlotSet("pending_case", None),
                SlotSet("wants_ticket", None)]
    dispatcher.utter_message(response="utter_resume_form")
    if form == tracker.active_loop_name:  # still active after an unhappy path: it resumes
        return [SlotSet("interrupted_form", None)]
    return [SlotSet("interrupted_form", None), ActiveLoop(form), SlotSet("requested_slot", None)]
