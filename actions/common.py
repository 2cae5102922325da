"""What every action shares: the backend client, the case outbox, a safe base class."""

from __future__ import annotations

import asyncio
import logging
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


class SafeAction(Action):
    """An action that always answers in Chinese: backend trouble or a bug never means silence."""

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        raise NotImplementedError

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        ensure_background_flush()
        try:
            return await self.act(dispatcher, tracker, domain)
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
