"""What every action shares: the backend client, the case outbox, a safe base class."""

from __future__ import annotations

import asyncio
import logging
from abc import ABCMeta, abstractmethod
from functools import lru_cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.backend_client import BackendClient, BackendError, BackendUnavailable, CaseOutbox, flush

logger = logging.getLogger(__name__)
FLUSH_EVERY_SECONDS = 15
_flusher: asyncio.Task | None = None


@lru_cache(maxsize=1)
def client() -> BackendClient:
    return BackendClient()


@lru_cache(maxsize=1)
def outbox() -> CaseOutbox:
    return CaseOutbox()


async def _flush_forever() -> None:
    while True:
        await asyncio.sleep(FLUSH_EVERY_SECONDS)
        try:
            await flush(client(), outbox())
        except Exception:  # never let the background loop die
            logger.exception("flushing the case outbox failed")


def ensure_background_flush() -> None:
    """Starts, once per process, the loop that submits queued cases when the backend is back."""
    global _flusher
    if _flusher is None or _flusher.done():
        _flusher = asyncio.get_running_loop().create_task(_flush_forever())


def location(tracker: Tracker) -> tuple[str | None, str | None]:
    return tracker.get_slot("city"), tracker.get_slot("district")


def resume_interrupted(dispatcher: CollectingDispatcher, tracker: Tracker,
                       events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """After a service asked for mid-form is answered, go back to the form it interrupted."""
    from rasa_sdk.events import FollowupAction, SlotSet

    form = tracker.get_slot("interrupted_form")
    if not form or any(e.get("event") == "followup" for e in events):
        return []
    dispatcher.utter_message(text="我们接着刚才的事情说。")
    return [SlotSet("interrupted_form", None), FollowupAction(form)]


class SafeAction(Action, metaclass=ABCMeta):
    """An action that always answers in Chinese: backend trouble or a bug never means silence."""

    @abstractmethod
    def name(self) -> str:
        """The action's name in the domain (abstract: the base is not an action itself)."""

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        raise NotImplementedError

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        ensure_background_flush()
        try:
            events = await self.act(dispatcher, tracker, domain)
            return events + resume_interrupted(dispatcher, tracker, events)
        except BackendUnavailable:
            logger.warning("%s: backend unavailable", self.name())
            dispatcher.utter_message(response="utter_backend_down")
        except BackendError as exc:
            logger.warning("%s: backend refused: %s", self.name(), exc)
            dispatcher.utter_message(text=exc.message or "抱歉，这个请求没能办理，请稍后再试。")
        except Exception:
            logger.exception("%s failed", self.name())
            dispatcher.utter_message(response="utter_default")
        return []
