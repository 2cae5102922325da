"""The widget's socket.io channel: signed sessions, and silence while a person holds the chat.

Differences from Rasa's stock SocketIOInput, and why:
- the server issues the session id and signs it; a browser presenting a forged
  or foreign id is refused (the stock channel trusts whatever id it is sent);
- while the backend's handoff record says staff hold the conversation, the
  worker's messages are written to the tracker (so the record is complete) and
  shown to staff, but the bot does not answer. The backend record, not a
  ConversationPaused event, decides, so a `restart` or a session expiry cannot
  silently un-pause a held conversation;
- staff replies reach the browser through Rasa's tracker-events API with
  execute_side_effects (see bot/backend/api/handoff_routes.py); with REDIS_URL
  set, python-socketio's Redis manager carries them to whichever Rasa instance
  holds the browser's connection;
- every call to another process goes through one client per system (bot/channels/clients.py);
  when the backend is down or slow the last known handoff state stands, and a held message
  Rasa's API could not take is kept and written later (bot/channels/held.py);
- a message over the cap (2,000 characters) gets a polite answer and never reaches NLU.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOOutput
from sanic import Blueprint, response
from socketio import AsyncServer

from bot.channels import guard, session_token
from bot.channels.clients import RasaAPI, channel_backend
from bot.channels.held import HandoffStates, HeldMessages
from bot.channels.never_silent import CountingOutput, never_silent
from bot.settings import get_settings

logger = logging.getLogger(__name__)
NOT_TEXT = "抱歉，没有收到您的文字内容，请再发一次。"
MAX_HTTP_BUFFER = 256 * 1024  # one socket.io payload; a capped message is a few kilobytes


class HotlineOutput(CountingOutput, SocketIOOutput):
    @classmethod
    def name(cls) -> str:
        return "hotline"

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.note_sent()
        # a staff reply or a notice is one custom event; sending its text as well would show it twice
        if message.get("custom"):
            await self.send_custom_json(recipient_id, message["custom"])
            return
        await super().send_response(recipient_id, message)

    async def send_custom_json(self, recipient_id: str, json_message: dict, **kwargs: Any) -> None:
        # staff replies arrive as custom JSON {"text", "staff"}: one event to the session's room
        await self.sio.emit(self.bot_message_evt, json_message, room=recipient_id)


class HotlineSocketIOInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "hotline"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = credentials or {}
        return cls(credentials.get("socketio_path", "/socket.io"),
                   credentials.get("cors_allowed_origins", "*"))

    def __init__(self, socketio_path: str = "/socket.io", cors_allowed_origins: Any = "*") -> None:
        self.socketio_path = socketio_path
        self.cors_allowed_origins = cors_allowed_origins
        self.sio: AsyncServer | None = None

    def get_output_channel(self) -> OutputChannel | None:
        return HotlineOutput(self.sio, "bot_uttered") if self.sio else None

    def _server(self) -> AsyncServer:
        settings = get_settings()
        manager = None
        if settings.redis_url:
            import socketio

            manager = socketio.AsyncRedisManager(settings.redis_url)
        return AsyncServer(async_mode="sanic", cors_allowed_origins=self.cors_allowed_origins,
                           client_manager=manager, max_http_buffer_size=MAX_HTTP_BUFFER)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        guard.install_process_guards()
        sio = self._server()
        self.sio = sio
        blueprint = SocketBlueprint(sio, self.socketio_path, "hotline_socketio", __name__)
        answer = never_silent(on_new_message)
        settings = get_settings()
        secret = settings.session_secret
        handoffs = HandoffStates(channel_backend())
        held = HeldMessages(RasaAPI(), settings.var_dir / "held-messages.jsonl")
        self.held = held

        @blueprint.listener("after_server_start")
        async def resume_held(_app, _loop) -> None:
            held.load_spool()
            held.start()

        @blueprint.route("/", methods=["GET"])
        async def health(_request):
            return response.json({"status": "ok"})

        @sio.on("connect")
        async def connect(sid: str, environ: dict, auth: dict | None = None) -> bool:
            token = auth.get("token") if isinstance(auth, dict) else None
            if token is not None and not isinstance(token, str):
                logger.warning("refused a widget connection with a malformed session token")
                return False
            if token:
                session_id = session_token.verify(token, secret)
                if session_id is None:
                    logger.warning("refused a widget connection with a forged session token")
                    return False
            else:
                session_id, token = session_token.issue(secret)
            await sio.save_session(sid, {"session_id": session_id})
            await sio.enter_room(sid, session_id)
            await sio.emit("session_confirm", {"session_id": session_id, "token": token}, to=sid)
            return True

        async def say(session_id: str, text: str) -> None:
            await HotlineOutput(sio, "bot_uttered").send_text_message(session_id, text)

        @sio.on("user_uttered")
        async def handle_message(sid: str, data: Any) -> None:
            try:
                session_id = (await sio.get_session(sid) or {}).get("session_id")
            except KeyError:  # the connection closed while its event was queued
                return
            if not session_id:
                return
            text = data.get("message") if isinstance(data, dict) else None
            if not isinstance(text, str):
                await say(session_id, NOT_TEXT)  # never silent, even for a malformed event
                return
            if not text.strip():
                return
            if len(text) > settings.max_message_chars:
                await say(session_id, guard.TOO_LONG)  # never parsed: NLU is one event loop
                return
            text = guard.clean(text)
            if await handoffs.state(session_id) == "active":
                await held.hold(session_id, text, {"channel": "widget"})
                return
            output = HotlineOutput(sio, "bot_uttered")
            await answer(UserMessage(
                text, output, session_id, input_channel=self.name(), metadata={"channel": "widget"}))

        return blueprint
