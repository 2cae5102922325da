"""Rasa's HTTP API with its token (held messages written into the tracker, parse, tracker).

Errors are typed as in the backend client: ``RasaUnavailable`` (down, slow, 5xx: try again
later) and ``RasaRefused`` (it answered 4xx: retrying will not help).
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any
from urllib.parse import quote

import aiohttp

from bot.clients.http import LoopSession
from bot.settings import get_settings

logger = logging.getLogger(__name__)
RASA_API_TIMEOUT = 5.0


class RasaUnavailable(Exception):
    """Rasa's HTTP API did not answer in time, could not be reached, or failed (5xx)."""


class RasaRefused(Exception):
    """Rasa's HTTP API answered and refused the request (4xx)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"HTTP {status}: {detail}")
        self.status = status


class RasaAPI(LoopSession):
    """Rasa's HTTP API with its token; the HTTP session is (re)opened on the running loop."""

    def __init__(self, base_url: str | None = None, token: str | None = None,
                 timeout: float = RASA_API_TIMEOUT) -> None:
        settings = get_settings()
        self.base_url = (base_url or settings.rasa_url).rstrip("/")
        self.token = token or settings.rasa_token
        super().__init__(timeout)

    async def request(self, method: str, path: str, **kwargs: Any) -> Any:
        params = {"token": self.token, **kwargs.pop("params", {})}
        try:
            async with self._http().request(method, self.base_url + path, params=params,
                                            **kwargs) as response:
                status, text = response.status, await response.text()
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
            raise RasaUnavailable(f"{method} {path}: {exc!r}") from exc
        if status >= 500:
            raise RasaUnavailable(f"{method} {path}: HTTP {status}")
        if status >= 400:
            raise RasaRefused(status, text[:200])
        try:
            return json.loads(text) if text else {}
        except json.JSONDecodeError as exc:
            raise RasaUnavailable(f"{method} {path}: not JSON (HTTP {status})") from exc

    async def parse(self, text: str) -> dict:
        return await self.request("POST", "/model/parse", json={"text": text})

    async def append_events(self, conversation_id: str, events: list[dict]) -> None:
        await self.request("POST", f"/conversations/{quote(conversation_id, safe='')}/tracker/events",
                           json=events)

    async def tracker(self, conversation_id: str) -> dict:
        return await self.request("GET", f"/conversations/{quote(conversation_id, safe='')}/tracker")
