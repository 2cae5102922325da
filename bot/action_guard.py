"""The action server's front door: only Rasa may call it, and bad bodies get a 400.

rasa_sdk listens without authentication and its exception handler answers any error with
HTTP 500 echoing the exception text and the request body. Anyone who reached it could run
an action (send a one-time code, read backend data with the service token). Attached to
rasa_sdk's Sanic app through its plugin hook (``rasa_sdk_plugins``):

- every call but ``/health``, ``/ready`` and ``/metrics`` must carry ``X-Hotline-Action-Token`` (endpoints.yml's
  ``action_endpoint.headers``), else 401 and nothing runs;
- ``POST /webhook`` bodies must have the shape Rasa sends, else 400 with a structured error;
- any other error → its own status (404, 413, …) or 500 with a fixed message, never the
  exception text or the body;
- request bodies are capped; logs and tracebacks are masked (bot/logmask.py).
"""

from __future__ import annotations

import hmac
import logging
import zlib
from typing import Any

import ujson
from sanic import Sanic, response
from sanic.exceptions import SanicException

from bot import logmask
from bot.normalize.text import normalize_worker_words
from bot.settings import get_settings

logger = logging.getLogger(__name__)
TOKEN_HEADER = "X-Hotline-Action-Token"
OPEN_PATHS = frozenset({"/health", "/ready", "/metrics"})  # bot/action_ops.py: no personal data


def error(status: int, code: str, message: str, field: str | None = None) -> response.HTTPResponse:
    """The backend's error shape (docs/backend-api.md), so every service fails alike."""
    body: dict[str, Any] = {"error": {"code": code, "message": message}}
    if field:
        body["error"]["field"] = field
    return response.json(body, status=status)


def authorised(header: str | None, secret: str) -> bool:
    if not header:
        return False
    return hmac.compare_digest(header.encode(), secret.encode())


def body_problem(call: Any) -> str | None:
    """What is wrong with an action call, or None if it has the shape rasa_sdk relies on."""
    if not isinstance(call, dict):
        return "body"
    if not isinstance(call.get("next_action"), str) or not call["next_action"]:
        return "next_action"
    if "version" in call and not isinstance(call["version"], (str, type(None))):
        return "version"
    if not isinstance(call.get("sender_id", ""), str):
        return "sender_id"
    tracker = call.get("tracker")
    if not isinstance(tracker, dict):
        return "tracker"
    if not isinstance(tracker.get("sender_id", ""), str):
        return "tracker.sender_id"
    checks: dict[str, type | tuple[type, ...]] = {"slots": dict, "latest_message": dict, "events": list,
              "active_loop": dict, "followup_action": (str, type(None)),
              "latest_action_name": (str, type(None)), "latest_event_time": (int, float, type(None))}
    for key, kind in checks.items():
        if key in tracker and tracker[key] is not None and not isinstance(tracker[key], kind):
            return f"tracker.{key}"
    if any(not isinstance(event, dict) for event in tracker.get("events") or []):
        return "tracker.events"
    latest = tracker.get("latest_message") or {}
    for key in ("intent", "entities", "text"):
        kind = {"intent": dict, "entities": list, "text": str}[key]
        if latest.get(key) is not None and not isinstance(latest[key], kind):
            return f"tracker.latest_message.{key}"
    if any(not isinstance(e, dict) for e in latest.get("entities") or []):
        return "tracker.latest_message.entities"
    domain = call.get("domain")
    if domain is not None and not isinstance(domain, dict):
        return "domain"
    return None


def parse_call(body: bytes, encoding: str | None) -> Any:
    """The JSON of a webhook body (Rasa deflates large ones); ValueError if it is not JSON."""
    if encoding == "deflate":
        try:
            body = zlib.decompress(body)
        except zlib.error as exc:
            raise ValueError("not deflate") from exc
    return ujson.loads(body)  # a tenth of the action server's CPU with the standard decoder


def attach(app: Sanic) -> None:
    """Registers the guard on rasa_sdk's app (called from its start-up plugin hook)."""
    settings = get_settings()
    logmask.install()
    app.config.REQUEST_MAX_SIZE = settings.max_action_request_bytes
    secret = settings.action_server_token

    @app.on_request
    async def guard(request):
        if request.path in OPEN_PATHS:
            return None
        if not authorised(request.headers.get(TOKEN_HEADER), secret):
            logger.warning("refused an action-server call without the shared secret: %s %s",
                           request.method, request.path)
            return error(401, "unauthorized", "未授权的调用")
        if request.path == "/webhook" and request.method == "POST":
            try:
                call = parse_call(request.body, request.headers.get("Content-Encoding"))
            except (ValueError, UnicodeDecodeError, RecursionError):
                return error(400, "invalid_json", "请求体不是有效的 JSON")
            problem = body_problem(call)
            if problem:
                return error(400, "invalid_body", "请求体格式不对", field=problem)
            if isinstance(call.get("tracker"), dict):  # read once, here, for every action
                normalize_worker_words(call["tracker"])
            request.parsed_json = call  # rasa_sdk's handler reads this, not a second parse
        return None

    async def on_error(request, exception: Exception):
        if isinstance(exception, SanicException):
            status = getattr(exception, "status_code", 500) or 500
            if status < 500:
                return error(status, "request_refused", "请求没有被受理")
        logger.error("action server failed on %s %s", request.method, request.path,
                     exc_info=exception)
        return error(500, "internal_error", "动作服务器内部错误")

    app.error_handler.add(Exception, on_error)
