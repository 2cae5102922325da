"""The case outbox is flushed in the background: on every action call (without delaying the
reply) and by a loop that starts with the action server, so a case queued while the backend
was down reaches it soon after it is back, even if nobody writes in again.

The loop is started through rasa_sdk's own plugin hook (``rasa_sdk_plugins``,
``attach_sanic_app_extensions`` calls ``attach``), not by an import-time side effect.
"""

from __future__ import annotations

import asyncio
import logging

from actions.case_outbox import flush
from actions.singletons import client, outbox
from bot.clients.backend import answer_within
from bot.settings import get_settings

logger = logging.getLogger(__name__)
_tasks: set[asyncio.Task] = set()  # keeps background tasks referenced until they finish
_loop_task: asyncio.Task | None = None


async def _flush_quietly() -> None:
    answer_within(None)  # started from an action, but nobody waits for it: no turn deadline
    try:
        await flush(client(), outbox())
    except Exception:  # a background flush must never take anything down
        logger.exception("flushing the case outbox failed")


async def _flush_forever() -> None:
    answer_within(None)
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
    if outbox().may_hold_cases():
        _spawn(_flush_quietly())


def attach(app) -> None:
    """Starts the flush loop with the action server (called by rasa_sdk's plugin hook)."""

    async def start_flush_loop(_app, _loop) -> None:
        ensure_background_flush()

    app.register_listener(start_flush_loop, "after_server_start")
