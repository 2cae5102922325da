"""The action server's operability: ``/ready`` checks the backend, ``/metrics`` counts actions.

rasa_sdk's own ``/health`` only says the process answers; a worker's case still fails when the
action server cannot reach the backend, so ``/ready`` asks the backend's health (200/503 with a
JSON body). ``/metrics`` (Prometheus): action calls by action and outcome with their latency, and
fallbacks (bot/metrics.py). Attached with the guard through rasa_sdk's plugin hook
(``rasa_sdk_plugins``); both paths are open like ``/health`` (figures, no personal data).
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from sanic import Sanic, response

from bot import logsetup
from bot.clients.backend import answer_within
from bot.metrics import CONTENT_TYPE, action_server_metrics
from bot.settings import get_settings

logger = logging.getLogger(__name__)
READY_PATH, METRICS_PATH = "/ready", "/metrics"
FALLBACK_ACTIONS = frozenset({"action_fallback_step", "action_default_fallback"})
READY_TIMEOUT = 2.0  # seconds
ACTION_MIN_BACKEND_S = 0.25  # seconds: one quick call to a healthy backend


async def backend_ok() -> bool:
    """The backend answers its own health check (which checks its database) in time."""
    from actions.backend_client import BackendClient

    backend = BackendClient(timeout=READY_TIMEOUT, retries=0)
    try:
        await backend.health()
        return True
    except Exception as exc:  # down, slow, 503: all "not ready"; the reason to the log only
        logger.warning("ready: backend unreachable: %s", type(exc).__name__)
        return False
    finally:
        await backend.close()


def backend_time_left(call: Any, budget: float, now: float | None = None) -> float:
    """Seconds this action's backend calls may take: what is left of ``budget`` since the
    worker's message, which Rasa stamped when it took it. A turn may run several actions that
    each call the backend (the entry action resolves the place, the answer looks up the
    figure), and the worker waits for all of them. Never less than ``ACTION_MIN_BACKEND_S``
    (a clock a little off, or a turn that queued, still gets one quick call)."""
    events = ((call or {}).get("tracker") or {}).get("events") if isinstance(call, dict) else None
    said_at = next((e.get("timestamp") for e in reversed(events or [])
                    if isinstance(e, dict) and e.get("event") == "user"), None)
    if not isinstance(said_at, (int, float)):
        return budget
    left = said_at + budget - (time.time() if now is None else now)
    return max(ACTION_MIN_BACKEND_S, min(budget, left))


def _action_of(request) -> str:
    """The action a /webhook call names (the guard has parsed the body already)."""
    call = getattr(request, "parsed_json", None)
    if call is None:
        try:
            call = json.loads(request.body or b"{}")
        except ValueError:
            return "unknown"
    name = call.get("next_action") if isinstance(call, dict) else None
    return name if isinstance(name, str) and len(name) <= 64 else "unknown"


def attach(app: Sanic) -> None:
    """Adds ``/ready``, ``/metrics`` and the per-call timing to rasa_sdk's app."""
    logsetup.configure("action-server")  # text or JSON, masked, rotated (bot/settings.py)
    metrics = action_server_metrics()

    @app.get(READY_PATH)
    async def ready(_request):
        ok = await backend_ok()
        return response.json({"status": "ok" if ok else "unavailable",
                              "checks": {"backend": "ok" if ok else "unreachable"}},
                             status=200 if ok else 503)

    @app.get(METRICS_PATH)
    async def metrics_page(_request):
        return response.raw(metrics.render(), content_type=CONTENT_TYPE)

    @app.on_request
    async def started(request):
        request.ctx.hotline_started = time.perf_counter()
        if request.path == "/webhook":  # the action's backend calls end in time for the turn
            answer_within(backend_time_left(getattr(request, "parsed_json", None),
                                            get_settings().action_backend_budget_s))

    @app.on_response
    async def timed(request, resp):
        if request.path != "/webhook" or not hasattr(request.ctx, "hotline_started"):
            return
        action = _action_of(request)
        outcome = "ok" if resp.status < 400 else ("rejected" if resp.status < 500 else "error")
        metrics.actions.labels(action, outcome).observe(
            time.perf_counter() - request.ctx.hotline_started)
        if action in FALLBACK_ACTIONS and resp.status < 400:
            metrics.fallbacks.inc()
