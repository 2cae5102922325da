"""The base every action builds on (``SafeAction``: never silent) and what actions share.

The shared pieces live in modules named after their job and are re-exported here for the
action modules: ``actions/singletons.py`` (the backend client, the case outbox),
``actions/outbox_loop.py`` (the background flush, started through rasa_sdk's plugin hook),
``actions/resume.py`` (back to the interrupted form), ``actions/next_service.py`` (the second
topic of a message, offered when an action is done).
"""

from __future__ import annotations

import logging
import re
from abc import ABCMeta, abstractmethod
from collections.abc import Iterator
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.next_service import offer_next_service
from actions.outbox_loop import ensure_background_flush, on_action_call
from actions.resume import resume_interrupted
from actions.singletons import client, outbox
from bot.clients.backend import BackendError, BackendUnavailable

__all__ = ["SafeAction", "client", "ensure_background_flush", "location", "on_action_call",
           "outbox", "resume_interrupted", "said_this_turn"]
logger = logging.getLogger(__name__)


async def policies_for(service: str, city: str | None = None, district: str | None = None,
                       backend: Any = None) -> list[dict]:
    """A service's policies for the worker's place. A place the backend does not know (胶南:
    404 unknown_region) gets the national ones: an answer's preface must never stop the case
    behind it from being filed (Q-20 lost a confirmed wage case this way)."""
    backend = backend or client()
    try:
        return (await backend.policies(service, city, district))["policies"]
    except BackendError:
        if not (city or district):
            raise
        return (await backend.policies(service))["policies"]


def location(tracker: Tracker) -> tuple[str | None, str | None]:
    """The worker's city and district as the slots hold them."""
    return tracker.get_slot("city"), tracker.get_slot("district")


def recent_replies(tracker: Tracker, earlier_turns: int) -> Iterator[str]:
    """The bot's replies since the worker's latest message, and to ``earlier_turns`` more
    messages before it, newest first."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users > earlier_turns:
                return
        if event.get("event") == "bot":
            yield event.get("text") or ""


def said_this_turn(tracker: Tracker, words: str, earlier_turns: int = 0) -> bool:
    """The bot already said ``words`` since the worker's latest message (the fact answer
    gave the figure or the station): a flow's own answer then does not say it twice.
    ``earlier_turns``: also in the bot's replies to that many messages before."""
    return any(words in text for text in recent_replies(tracker, earlier_turns))


# 再说一遍 / 没看清: the worker asks for what was said again
_SAY_AGAIN = re.compile(r"再说一遍|再说一次|再讲一遍|重复一下|重复一遍|没看清|刚才说的啥|刚才说啥")
REPEAT_MIN_CHARS = 60  # a paragraph, not a short line such as a question asked again
_SOURCE_MARK = "（来源："  # a policy or law record's text, as facts.fact_text says it


def drop_repeated_paragraphs(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """A paragraph said word for word in this turn or the replies to the two messages before is not said
    again when the reply has something else to say (VL-5 its first reply again, VJ-13 the same legal text
    three times, VK-3 the whole sum again before 没有现成的准确答案); asked to say it again, it is."""
    if _SAY_AGAIN.search((tracker.latest_message or {}).get("text") or ""):
        return
    before = set(recent_replies(tracker, earlier_turns=2))
    # (a record's text with its source only: a sum worked out again on the same facts is the answer to 3天,
    # and its tail alone would answer nothing — make test's e2e, 那国庆节加班呢 / 3天)
    kept = [m for m in dispatcher.messages
            if m.get("buttons") or len(m.get("text") or "") < REPEAT_MIN_CHARS or m.get("text") not in before
            or _SOURCE_MARK not in (m.get("text") or "")]
    if kept and len(kept) < len(dispatcher.messages):
        dispatcher.messages[:] = kept


def bot_said(tracker: Tracker, pattern: re.Pattern, earlier_turns: int = 0) -> re.Match | None:
    """:func:`said_this_turn` for a pattern: the match in the latest such reply, or None."""
    return next((found for text in recent_replies(tracker, earlier_turns)
                 if (found := pattern.search(text))), None)


class SafeAction(Action, metaclass=ABCMeta):
    """An action that always answers in Chinese: backend trouble or a bug never means silence."""

    @abstractmethod
    def name(self) -> str:
        """The action's name in the domain (abstract: the base is not an action itself)."""

    @abstractmethod
    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        """What the action does; may raise, the worker still gets a polite answer."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        on_action_call()
        try:
            events = await self.act(dispatcher, tracker, domain)
            events = events + resume_interrupted(dispatcher, tracker, events)
            events = events + offer_next_service(dispatcher, tracker, events)
            drop_repeated_paragraphs(dispatcher, tracker)
            return events
        except BackendUnavailable as exc:
            logger.warning("%s: backend unavailable: %s", self.name(), exc)
            dispatcher.utter_message(response="utter_backend_down")
        except BackendError as exc:
            logger.warning("%s: backend refused: %s", self.name(), exc)
            dispatcher.utter_message(text="抱歉，这件事系统暂时没能受理。您可以换个说法再试，"
                                          "或拨打职工服务热线 12351。")
        except Exception:
            logger.exception("%s failed", self.name())
            dispatcher.utter_message(response="utter_default")
        return []
