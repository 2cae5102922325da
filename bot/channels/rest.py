"""Rasa's REST channel (``/webhooks/rest/webhook``), guarded and never answering with an empty list.

Differences from Rasa's stock RestInput, and why:
- the body must be a JSON object with a string ``message`` (and a string ``sender`` when
  given): anything else is a 400 with the backend's error shape; Rasa's own answers 500 for
  an empty, array, string or null body, and passes a non-string message on to NLU;
- a widget session id (``w-…``) is refused as sender: it would continue a signed widget
  conversation, slots and all, without its token (bot/channels/session_token.py);
- with ``REST_TOKEN`` set, callers must send it (``Authorization: Bearer …`` or ``?token=``);
  in production (``HOTLINE_ENV=production``) without a token the channel is off;
- a message beyond the cap (2,000 characters) never reaches NLU, which runs on Rasa's one
  event loop: the worker gets a polite Chinese answer instead;
- ``/webhooks/rest/ready`` checks the action server and the backend (200/503), and
  ``/webhooks/rest/metrics`` serves the Rasa process's Prometheus figures (bot/metrics.py).
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request

from bot.channels import guard
from bot.channels.never_silent import Handler, never_silent
from bot.channels.readiness import IN_PROCESS, action_server_health_url, dependency_checks
from bot.metrics import CONTENT_TYPE, action_server_metrics, rasa_metrics
from bot.settings import Settings, get_settings

logger = logging.getLogger(__name__)
MAX_SENDER = 128


class RestRefusal(Exception):
    """A request the REST channel refuses; mapped to HTTP once, in ``receive``."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(code)
        self.status, self.code, self.message, self.field = status, code, message, field

    def response(self) -> response.HTTPResponse:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.field:
            error["field"] = self.field
        return response.json({"error": error}, status=self.status)


def _token_of(request: Request) -> str | None:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.args.get("token")


def check_access(request: Request, settings: Settings) -> None:
    """Raises RestRefusal unless the caller may use the REST channel."""
    if settings.rest_token is None:
        if settings.production:
            raise RestRefusal(403, "channel_disabled", "REST 通道在生产环境中未开放")
        return
    given = _token_of(request)
    if not given or not hmac.compare_digest(given.encode(), settings.rest_token.encode()):
        raise RestRefusal(401, "unauthorized", "缺少或错误的访问令牌")


def parse_body(raw: bytes) -> tuple[str, str, dict | None]:
    """(sender, message, metadata) of a REST body, or RestRefusal saying what is wrong."""
    try:
        body = json.loads(raw) if raw else None
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise RestRefusal(400, "invalid_json", "请求体不是有效的 JSON") from None
    if not isinstance(body, dict):
        raise RestRefusal(400, "invalid_body", "请求体应为 JSON 对象：{\"sender\": …, \"message\": …}")
    sender = body.get("sender", "default")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER \
            or not guard.is_clean(sender):
        raise RestRefusal(400, "invalid_field", "sender 应为不超过 128 个字符的字符串", field="sender")
    if guard.is_widget_session(sender):
        raise RestRefusal(403, "widget_session", "网页聊天窗口的会话不能通过 REST 通道继续", field="sender")
    message = body.get("message")
    if not isinstance(message, str) or not message.strip():
        raise RestRefusal(400, "invalid_field", "message 应为非空字符串", field="message")
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise RestRefusal(400, "invalid_field", "metadata 应为 JSON 对象", field="metadata")
    return sender, message, metadata


class HotlineRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        guard.install_process_guards()
        answer = never_silent(on_new_message)
        webhook = Blueprint("custom_webhook_HotlineRestInput", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_request: Request) -> response.HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/ready", methods=["GET"])
        async def ready(request: Request) -> response.HTTPResponse:
            checks = await dependency_checks(getattr(request.app.ctx, "agent", None))
            ok = all(v == "ok" for v in checks.values())
            return response.json({"status": "ok" if ok else "unavailable", "checks": checks},
                                 status=200 if ok else 503)

        @webhook.route("/metrics", methods=["GET"])
        async def metrics(request: Request) -> response.HTTPResponse:
            page = rasa_metrics().render()
            agent = getattr(request.app.ctx, "agent", None)
            if action_server_health_url(agent) == IN_PROCESS:  # the actions' figures are ours too
                page += action_server_metrics().render()
            return response.raw(page, content_type=CONTENT_TYPE)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> response.HTTPResponse:
            try:
                check_access(request, get_settings())
                sender, text, metadata = parse_body(request.body)
            except RestRefusal as refusal:
                return refusal.response()
            collector = CollectingOutputChannel()
            if len(text) > get_settings().max_message_chars:
                # never parsed: a long text holds the one NLU event loop for everyone
                await collector.send_text_message(sender, guard.TOO_LONG)
                return response.json(collector.messages)
            await answer(UserMessage(guard.clean(text), collector, sender,
                                     input_channel=self.name(), metadata=metadata))
            return response.json(collector.messages)

        return webhook
