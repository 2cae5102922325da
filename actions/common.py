"""What every action shares: the backend client, the case outbox and a safe base class.

The case outbox is flushed in the background: on every action call (without delaying the
reply) and by a loop that starts with the action server, so a case queued while the
backend was down reaches it soon after it is back, even if nobody writes in again.
"""

from __future__ import annotations

import asyncio
import logging
from abc import ABCMeta, abstractmethod
from functools import lru_cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.case_outbox import CaseOutbox, flush
from bot.clients.backend import BackendClient, BackendError, BackendUnavailable
from bot.settings import get_settings

logger = logging.getLogger(__name__)
_tasks: set[asyncio.Task] = set()  # keeps background tasks referenced until they finish
_loop_task: asyncio.Task | None = None


@lru_cache(maxsize=1)
def client() -> BackendClient:
    return BackendClient()


@lru_cache(maxsize=1)
def outbox() -> CaseOutbox:
    return CaseOutbox()


async def _flush_quietly() -> None:
    try:
        await flush(client(), outbox())
    except Exception:  # a background flush must never take anything down
        logger.exception("flushing the case outbox failed")


async def _flush_forever() -> None:
    while True:
        await _flush_quietly()
        await asyncio.sleep(get_settings().case_outbox_flush_seconds)


def _spawn(coroutine) -> asyncio.Task:
    task = asyncio.get_running_loop().create_task(coroutine)
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return task


def ensure_background_flush() -> None:
    """Starts, once per process, the loop that submits queued cases when the backend is back."""
    global _loop_task
    if _loop_task is None or _loop_task.done():
        _loop_task = _spawn(_flush_forever())


def on_action_call() -> None:
    """Every action call: make sure the loop runs, and flush now if cases are waiting."""
    ensure_background_flush()
    if len(outbox()):
        _spawn(_flush_quietly())


def _attach_to_action_server() -> None:
    """rasa_sdk creates its Sanic app before importing this package: start the loop with it."""
    try:
        from sanic import Sanic

        app = Sanic.get_app("rasa_sdk")
    except Exception:  # imported outside the action server (tests, tools)
        return

    async def start_flush_loop(_app, _loop) -> None:
        ensure_background_flush()

    app.register_listener(start_flush_loop, "after_server_start")


_attach_to_action_server()


def location(tracker: Tracker) -> tuple[str | None, str | None]:
    return tracker.get_slot("city"), tracker.get_slot("district")


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
    dispatcher.utter_message(response="utter_resume_form")
    if form == tracker.active_loop_name:  # still active after an unhappy path: it resumes
        return [SlotSet("interrupted_form", None)]
    return [SlotSet("interrupted_form", None), ActiveLoop(form), SlotSet("requested_slot", None)]


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
            from actions.router import offer_next_service  # the router builds on this module

            return events + offer_next_service(dispatcher, tracker, events)
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
