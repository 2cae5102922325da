"""The second topic of a message, offered once the first one is done.

老板欠我工资 还想问问孩子上学的事: the entry action starts the first service and remembers
the second (``next_service``); every action, when it is done, offers it. It lives below the
base action (``actions/common.py`` calls it after every action) and above nothing but the
service catalogue, so the base action never has to import the router that builds on it.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.service_catalog import SERVICE_NAMES


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
    return offer_service(dispatcher, service) + [SlotSet("next_service", None)]
