"""A dialogue fix to Rasa 3.6 forms, applied from our own code (the package stays untouched).

After its validation, Rasa's ``FormAction`` always asks the requested slot's question. When a
question has gone unanswered twice, our form validation (``actions/hotline_form.py``) offers
what comes instead: city buttons and a person for a place, a person for anything else. Rasa
then put the same question under that offer, so the worker saw it a third and a fourth time
(您在哪个城市、哪个区或街道？ under 还是没弄清您在哪里…), which issue 10 forbids. The validation
marks such a turn (``repeat_count`` with ``offered``); the question is then not asked again,
the form stays on it, and the offer is the turn's last word.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.actions.forms import FormAction
from rasa.shared.core.constants import REQUESTED_SLOT
from rasa.shared.core.events import Event, SlotSet

logger = logging.getLogger(__name__)
OFFER_SLOT = "repeat_count"
_original_request_next_slot = FormAction.request_next_slot


def offered_instead(events: list[Event], asked: str) -> bool:
    """The form's validation, this turn, offered something instead of asking ``asked`` again."""
    last = next((e for e in reversed(events)
                 if isinstance(e, SlotSet) and e.key == OFFER_SLOT), None)
    value = last.value if last is not None else None
    return isinstance(value, dict) and bool(value.get("offered")) and value.get("slot") == asked


async def request_next_slot(self: FormAction, tracker: Any, domain: Any, output_channel: Any,
                            nlg: Any, events_so_far: list[Event]) -> list[Event]:
    """Rasa's, except after an offer: the question it replaces is not asked again below it."""
    asked = next((e.value for e in reversed(events_so_far)
                  if isinstance(e, SlotSet) and e.key == REQUESTED_SLOT), None)
    if asked and offered_instead(events_so_far, asked):
        return []
    return await _original_request_next_slot(self, tracker, domain, output_channel, nlg,
                                              events_so_far)


def apply() -> None:
    """Installs the fix once per process (idempotent)."""
    if FormAction.request_next_slot is not request_next_slot:
        FormAction.request_next_slot = request_next_slot
        logger.debug("form offer fix applied")


apply()
