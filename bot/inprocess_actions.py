"""The custom actions run inside the Rasa process, for deployments that choose it.

An action call over HTTP costs both sides of every turn 2–3 times: Rasa encodes the tracker and
sends it, the action server parses it, runs the action and encodes the answer, Rasa decodes it
(on two cores at 50 clients, about 7 ms of the ≈ 35 ms a turn costs the whole machine;
docs/scaling.md). With ``action_endpoint.url: "inprocess:"`` (``HOTLINE_ACTIONS=inprocess`` for
``make run`` and ``make run SCALE=N``), ``bot/rasa_patches.py``'s endpoint request hands the call
to rasa_sdk's own ``ActionExecutor`` here instead: same actions, same registry, no socket.

It keeps what the action server's front door and its operability give a call
(bot/action_guard.py, bot/action_ops.py): the worker's words normalised as the model read them,
the turn's deadline for backend calls, and the action metrics (rendered by Rasa's ``/metrics``).
It keeps the HTTP semantics too, so Rasa, the never-silent guard and the forms cannot tell the
difference:

- the action sees copies of what it could change of Rasa's (the slots, the latest message, each
  event's top level) and Rasa a JSON copy of the answer (an action that edits what it was given,
  or answers with a module's constant, touches nothing of Rasa's);
- a rejection is Rasa's HTTP 400 (the form's "validation failed"), an unknown action a 404 and
  any other exception a 500 with a fixed text, all as ``ClientResponseError``;
- the action runs in its own task with its own context: the deadline it sets ends with it, and a
  call that times out is left to finish, as the action server finishes a call whose client has
  gone (a ticket being filed is not cut in half).
"""

from __future__ import annotations

import asyncio
import logging
import time
from functools import lru_cache
from typing import Any

import ujson
from rasa.utils.endpoints import ClientResponseError
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException

from bot.action_ops import FALLBACK_ACTIONS, backend_time_left
from bot.clients.backend import answer_within
from bot.endpoints import INPROCESS_URL
from bot.metrics import action_server_metrics
from bot.normalize.text import normalize_worker_words
from bot.settings import get_settings

logger = logging.getLogger(__name__)
ACTIONS_PACKAGE = "actions"


def selected(url: str | None) -> bool:
    """The endpoint asks for the actions in this process."""
    return bool(url) and str(url).startswith(INPROCESS_URL)


@lru_cache(maxsize=1)
def executor() -> ActionExecutor:
    """rasa_sdk's registry of our actions, built once per process (as ``rasa run actions`` does)."""
    registry = ActionExecutor()
    registry.register_package(ACTIONS_PACKAGE)
    logger.info("custom actions run in the Rasa process: %d actions", len(registry.actions))
    return registry


def _copy(value: Any) -> Any:
    """What the other side of a socket would get: plain JSON types, nothing shared."""
    return ujson.loads(ujson.dumps(value, ensure_ascii=False, escape_forward_slashes=False))


def _call_for_action(body: dict[str, Any]) -> dict[str, Any]:
    """The call as the action may use it, copied where the action could touch Rasa's state.

    A JSON copy of the whole call was 5 % of the Rasa process's samples at 10 clients (py-spy):
    as much as running the actions. Rasa builds the call for this one request, so only what it
    shares with its own tracker is copied: the slot values (a case held in a slot is Rasa's own
    object) and the latest message, by JSON; each event's top level, which the worker's words
    are normalised in. An event's parse data is left shared: no action writes to the events of
    the past (they are read for what was said)."""
    tracker = body.get("tracker")
    if not isinstance(tracker, dict):
        return _copy(body)
    events = tracker.get("events")
    return {**body, "tracker": {
        **tracker, "slots": _copy(tracker.get("slots")),
        "latest_message": _copy(tracker.get("latest_message")),
        "events": [dict(e) for e in events] if isinstance(events, list) else events}}


def _refused(status: int, body: dict[str, Any]) -> ClientResponseError:
    return ClientResponseError(status, "action refused", ujson.dumps(body, ensure_ascii=False))


async def _run(call: dict[str, Any]) -> dict[str, Any]:
    """One call, as the action server's webhook runs it (its guard, its timing, its errors)."""
    name = str(call.get("next_action") or "unknown")[:64]
    started = time.perf_counter()
    outcome = "error"
    try:
        tracker = call.get("tracker")
        if isinstance(tracker, dict):
            normalize_worker_words(tracker)
        answer_within(backend_time_left(call, get_settings().action_backend_budget_s))
        result = await executor().run(call)
        outcome = "ok"
        return _copy(result or {})
    except ActionExecutionRejection as exc:
        outcome = "rejected"
        raise _refused(400, {"error": exc.message, "action_name": exc.action_name}) from exc
    except ActionNotFoundException as exc:
        outcome = "rejected"
        logger.error(exc)
        raise _refused(404, {"error": exc.message, "action_name": exc.action_name}) from exc
    except Exception as exc:
        logger.exception("custom action %s failed in the Rasa process", name)
        raise _refused(500, {"error": {"code": "internal_error", "message": "动作服务器内部错误"}}) from exc
    finally:
        metrics = action_server_metrics()
        metrics.actions.labels(name, outcome).observe(time.perf_counter() - started)
        if name in FALLBACK_ACTIONS and outcome == "ok":
            metrics.fallbacks.inc()


async def call_action(body: dict[str, Any], timeout: float) -> dict[str, Any]:
    """Rasa's action request answered here: ``body`` is what it would have posted."""
    task = asyncio.get_running_loop().create_task(_run(_call_for_action(body)))  # its own context
    task.add_done_callback(_retrieved)
    return await asyncio.wait_for(asyncio.shield(task), timeout)


def _retrieved(task: asyncio.Task) -> None:
    """A call that outlived its timeout still ends quietly (its failure is logged in ``_run``)."""
    if not task.cancelled():
        task.exception()
