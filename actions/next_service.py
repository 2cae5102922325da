"""The second topic of a message, offered once the first one is done.

老板欠我工资 还想问问孩子上学的事: the entry action starts the first service and remembers
the second (``next_service``); every action, when it is done, offers it. It lives below the
base action (``actions/common.py`` calls it after every action) and above nothing but the
service catalogue, so the base action never has to import the router that builds on it.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.service_catalog import SERVICE_FORMS, SERVICE_NAMES, holiday_subsidy_denied, services_named

# the words of a worker who asks about the holiday (a wage complaint read as holiday_subsidy by
# the model opened its form unasked — YW-13: 您是留下来过年… after 青岛黄岛 辛安, and again after the
# wage ticket, 我没问过年的事 twice)
_HOLIDAY_WORDS = re.compile(r"过年|春节|过节|年前|年后|节后|节前|返乡|返岗|错峰|回家|老家|留厂|留岗|留守|就地|"
                            r"红包|路费|车票|年货|除夕|大年|初[一二三四五六七八九十]|补贴|慰问")
# 我没问过年的事 / 不是过年的事 / 啥过年 / 谁说要过年补贴了: the holiday disowned
_HOLIDAY_DISOWNED = re.compile(r"(?:没|没有|不是|不|谁|没人)(?:问|说|提|要|办|申请|想)?(?:过|的是|要)?(?:什么|啥)?"
                               r"(?:过年|春节|过节|补贴|红包)|(?:啥|什么|哪来的?|哪门子)(?:的)?(?:过年|春节)(?!\S{0,2}(?:补贴|红包|措施))|"
                               r"(?:过年|春节|补贴)\S{0,4}(?:跟我|和我)?(?:没关系|无关|不相干)")


def disowns_holiday_subsidy(text: str) -> bool:
    """我没问过年的事 / 不是过年的事 / 啥过年: the holiday subsidy is not what the worker wants
    (in traditional characters and Cantonese too — 我冇問過年補貼啊 / 唔關過年事, VF-3: 您是留下来过年… asked
    after two such pushbacks)."""
    return bool(_HOLIDAY_DISOWNED.search(text or "")) or holiday_subsidy_denied(text)


def holiday_subsidy_asked(tracker: Tracker) -> bool:
    """Whether the worker asked about the holiday: a message of theirs names it (or presses its
    button) and no later one disowns it. The model's guess of the intent alone is no asking."""
    asked = False
    for event in tracker.events:
        text = (event.get("text") or "") if event.get("event") == "user" else ""
        if text.startswith("/"):
            asked = asked or text.startswith("/holiday_subsidy")
        elif disowns_holiday_subsidy(text):
            asked = False
        elif _HOLIDAY_WORDS.search(text):
            asked = True
    return asked


def unasked(tracker: Tracker, service: str | None) -> bool:
    """A remembered service the worker never asked for (the holiday subsidy on a wage
    complaint): never started nor offered — it is dropped."""
    return service in ("holiday_subsidy", "holiday_subsidy_form") and not holiday_subsidy_asked(tracker)


def offer_service(dispatcher: CollectingDispatcher, service: str) -> list[dict[str, Any]]:
    """Offers a service the worker mentioned, with buttons to take it or not."""
    dispatcher.utter_message(text=f"您刚才还提到了“{SERVICE_NAMES.get(service, service)}”，"
                                  "现在帮您看看吗？",
                             buttons=[{"title": "好，看看", "payload": f"/{service}"},
                                      {"title": "不用了", "payload": "/deny"}])
    return []


def offer_next_service(dispatcher: CollectingDispatcher, tracker: Tracker,
                       events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The remembered topic, offered when nothing else is under way: not while a form is
    open or this action opens one or hands over, and not when it just set the topic itself."""
    service = tracker.get_slot("next_service")
    busy = tracker.active_loop_name or any(
        e.get("event") in ("active_loop", "followup") and e.get("name") for e in events)
    if not service or busy or any(e.get("event") == "slot" and e.get("name") == "next_service"
                                  for e in events):
        return []
    if unasked(tracker, service) or _just_run(tracker, service) or settled_since(tracker, service):
        return [SlotSet("next_service", None)]
    return offer_service(dispatcher, service) + [SlotSet("next_service", None)]


def _just_run(tracker: Tracker, service: str) -> bool:
    """The remembered service is the one whose flow just ran (家里困难那个咋弄 started the relief check,
    XW-8: then 您刚才还提到了“困难救助”): it is no other topic left to offer."""
    form = SERVICE_FORMS.get(service)
    last = next((e.get("name") for e in reversed(tracker.events[-60:])
                 if e.get("event") == "active_loop" and e.get("name")), None)
    return bool(form) and last == form


# 报了个欠薪的 工单号GH202612080004 / 登记的那个欠工资的单子 GH…: the service named as the kind of the ticket asked
# about, no second topic (VK-11: 您刚才还提到了“讨要欠薪” after that ticket's status)
_TICKET_OF_KIND = re.compile(r"[Gg][Hh]\s*\d")
_FILED_WORDS = re.compile(r"报了|报的|登记了|登记的|的工单|的单子|那个单|那张单|那个工单|那张工单")


def settled_since(tracker: Tracker, service: str) -> bool:
    """The remembered topic needs no offer: a reply since it was remembered answered it from the records (VK-7:
    您刚才还提到了“互助保障” after its 160,000 was said, then a second, untyped ticket), or the message it was
    read from named it as the kind of a ticket asked about (VK-11)."""
    at = next((i for i in range(len(tracker.events) - 1, -1, -1)
               if tracker.events[i].get("event") == "slot" and tracker.events[i].get("name") == "next_service"
               and tracker.events[i].get("value") == service), None)
    if at is None:
        return False
    # (an action's lines come before its events: the answer of the reply that remembered it counts too)
    read_at = next((i for i in range(at, -1, -1) if tracker.events[i].get("event") == "user"), 0)
    told = tracker.events[read_at].get("text") or ""
    if _TICKET_OF_KIND.search(told) and _FILED_WORDS.search(told):
        return True
    return any(e.get("event") == "bot" and "（来源：" in (text := e.get("text") or "")
               and service in services_named(text.split("（来源：")[0]) for e in tracker.events[read_at + 1:])
