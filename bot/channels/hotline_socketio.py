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
  holds the browser's connection.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOOutput
from sanic import Blueprint, response
from socketio import AsyncServer

from bot.channels import session_token
from bot.channels.never_silent import CountingOutput, never_silent
from bot.settings import get_settings

logger = logging.getLogger(__name__)
MAX_MESSAGE = 2000


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


async def _handoff_state(conversation_id: str) -> str | None:
    """waiting / active / released / closed, or None (no handoff, or backend unreachable)."""
    settings = get_settings()
    url = f"{settings.backend_url}/api/v1/handoffs/by-conversation/{conversation_id}"
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as session:
            async with session.get(url, headers={
                    "Authorization": f"Bearer {settings.backend_token}"}) as resp:
                return (await resp.json()).get("state") if resp.status == 200 else None
    except (aiohttp.ClientError, TimeoutError, ValueError):
        return None


async def _log_only(conversation_id: str, text: str) -> None:
    """Writes the worker's message to the tracker without the bot answering."""
    settings = get_settings()
    url = f"{settings.rasa_url}/conversations/{conversation_id}/tracker/events"
    params = {"token": settings.rasa_token}
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session:
        # parsed like any message, so the tracker stays meaningful when the bot resumes
        async with session.post(f"{settings.rasa_url}/model/parse", params=params,
                                json={"text": text}) as resp:
            parse_data = await resp.json() if resp.status == 200 else {}
        async with session.post(url, params=params, json=[
                {"event": "user", "text": text, "input_channel": "hotline",
                 "parse_data": parse_data}]) as resp:
            if resp.status >= 300:
                logger.error("could not log a held message: HTTP %s", resp.status)


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
                           client_manager=manager)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sio = self._server()
        self.sio = sio
        blueprint = SocketBlueprint(sio, self.socketio_path, "hotline_socketio", __name__)
        answer = never_silent(on_new_message)
        secret = get_settings().session_secret

        @blueprint.route("/", methods=["GET"])
        async def health(_request):
            return response.json({"status": "ok"})

        @sio.on("connect")
        async def connect(sid: str, environ: dict, auth: dict | None = None) -> bool:
            token = (auth or {}).get("token")
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

        @sio.on("user_uttered")
        async def handle_message(sid: str, data: Any) -> None:
            session_id = (await sio.get_session(sid)).get("session_id")
            text = (data or {}).get("message", "") if isinstance(data, dict) else ""
            if not session_id or not isinstance(text, str) or not text.strip():
                return
            text = text[:MAX_MESSAGE]
            if await _handoff_state(session_id) == "active":
                await _log_only(session_id, text)
                return
            output = HotlineOutput(sio, "bot_uttered")
            await answer(UserMessage(
                text, output, session_id, input_channel=self.name(), metadata={"channel": "widget"}))

        return blueprint
