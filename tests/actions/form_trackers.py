"""Trackers as the action server receives them, for the form and dialogue action tests
(the financial-demo way: ``Tracker`` built from events, no server running)."""

from __future__ import annotations

from rasa_sdk import Tracker


def parse(text: str, intent: str, entities: list | None = None) -> dict:
    """The NLU result of ``text``: one intent at 0.9, the entities given."""
    top = {"name": intent, "confidence": 0.9}
    return {"text": text, "intent": top, "intent_ranking": [top], "entities": entities or []}


def form_tracker(form: str, asked: str, text: str, intent: str = "inform",
                 slots: dict | None = None, extracted: dict | None = None) -> Tracker:
    """What a form's validation gets: its question, the reply, then the slot candidates Rasa
    extracted from the reply."""
    message = parse(text, intent)
    events = [{"event": "action", "name": form},
              {"event": "slot", "name": "requested_slot", "value": asked},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              {"event": "action", "name": form},
              *({"event": "slot", "name": k, "value": val} for k, val in (extracted or {}).items())]
    return Tracker("worker-1", {**(slots or {}), **(extracted or {}), "requested_slot": asked},
                   message, events, False, None, {"name": form}, "action_listen")


def slot_values(events: list[dict]) -> dict:
    """Slot name → value of the SlotSet events an action returned."""
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def conversation(turns: list[tuple[str, str, list[str]]], slots: dict | None = None) -> Tracker:
    """A conversation: (worker's words, intent, the bot's lines after them); the last turn's
    lines are left empty — it is the message being answered."""
    events: list[dict] = []
    for text, intent, replies in turns:
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": text, "parse_data": parse(text, intent)},
                   *({"event": "bot", "text": line} for line in replies)]
    slots = dict(slots or {})
    events += [{"event": "slot", "name": k, "value": val} for k, val in slots.items()]
    return Tracker("worker-1", slots, parse(turns[-1][0], turns[-1][1]), events, False, None, {},
                   "action_listen")

