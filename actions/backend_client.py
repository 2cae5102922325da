"""The action server's client for the union services backend (docs/backend-api.md).

Timeouts on every call; retries with backoff only where repeating is safe
(GETs, and ticket creation, which carries an idempotency key). A ticket the
backend cannot take now goes to a durable outbox and is submitted later, once.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from bot.settings import get_settings

logger = logging.getLogger(__name__)


class BackendUnavailable(Exception):
    """The backend did not answer (down, slow, or a 5xx)."""


@dataclass
class BackendError(Exception):
    status: int
    code: str
    message: str
    field: str | None = None


class BackendClient:
    def __init__(self, base_url: str | None = None, token: str | None = None,
                 timeout: float = 3.0, retries: int = 2, backoff: float = 0.3) -> None:
        settings = get_settings()
        self.base_url = (base_url or settings.backend_url).rstrip("/") + "/api/v1"
        self.token = token or settings.backend_token
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.retries, self.backoff = retries, backoff

    async def _once(self, method: str, path: str, **kwargs: Any) -> Any:
        headers = {"Authorization": f"Bearer {self.token}", **kwargs.pop("headers", {})}
        try:
            async with aiohttp.ClientSession(timeout=self.timeout) as session:
                async with session.request(method, self.base_url + path, headers=headers,
                                           **kwargs) as response:
                    body = await response.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, json.JSONDecodeError) as exc:
            raise BackendUnavailable(f"{method} {path}: {exc!r}") from exc
        if response.status >= 500:
            raise BackendUnavailable(f"{method} {path}: HTTP {response.status}")
        if response.status >= 400:
            error = (body or {}).get("error", {})
            raise BackendError(response.status, error.get("code", "error"),
                               error.get("message", ""), error.get("field"))
        return body

    async def request(self, method: str, path: str, idempotent: bool | None = None,
                      **kwargs: Any) -> Any:
        idempotent = method == "GET" if idempotent is None else idempotent
        attempts = 1 + (self.retries if idempotent else 0)
        for attempt in range(attempts):
            try:
                return await self._once(method, path, **dict(kwargs))
            except BackendUnavailable:
                if attempt == attempts - 1:
                    raise
                await asyncio.sleep(self.backoff * 2 ** attempt)

    # -- the calls the actions make ---------------------------------------------------------
    async def policies(self, service: str, city: str | None = None,
                       district: str | None = None) -> dict:
        params = {k: v for k, v in {"service": service, "city": city, "district": district}.items()
                  if v}
        return await self.request("GET", "/policies", params=params)

    async def minimum_wage(self, city: str, district: str | None = None) -> dict:
        params = {k: v for k, v in {"city": city, "district": district}.items() if v}
        return await self.request("GET", "/minimum-wages", params=params)

    async def resolve(self, city: str | None, district: str | None) -> dict:
        params = {k: v for k, v in {"city": city, "district": district}.items() if v}
        return await self.request("GET", "/regions/resolve", params=params)

    async def eligibility(self, facts: dict) -> dict:
        return await self.request("POST", "/eligibility", json=facts, idempotent=True)

    async def send_code(self, phone: str) -> dict:
        return await self.request("POST", "/workers/identify", json={"phone": phone})

    async def verify_code(self, phone: str, code: str) -> dict:
        return await self.request("POST", "/workers/verify", json={"phone": phone, "code": code})

    async def create_ticket(self, payload: dict, key: str) -> dict:
        return await self.request("POST", "/tickets", json=payload, idempotent=True,
                                  headers={"Idempotency-Key": key})

    async def ticket_status(self, ticket_id: str, phone: str) -> dict:
        return await self.request("POST", f"/tickets/{ticket_id}/status-check",
                                  json={"phone": phone}, idempotent=True)

    async def open_handoff(self, conversation_id: str, city: str | None, district: str | None,
                           reason: str, channel: str) -> dict:
        return await self.request("POST", "/handoffs", idempotent=True, json={
            "conversation_id": conversation_id, "city": city, "district": district,
            "reason": reason, "channel": channel})


class CaseOutbox:
    """Tickets waiting for the backend, kept on disk (SQLite) by idempotency key."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or get_settings().var_dir / "case-outbox.db"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.execute("CREATE TABLE IF NOT EXISTS outbox (key TEXT PRIMARY KEY, payload TEXT, "
                       "queued_at REAL)")

    def _db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def put(self, key: str, payload: dict) -> None:
        with self._db() as db:
            db.execute("INSERT OR IGNORE INTO outbox VALUES (?, ?, ?)",
                       (key, json.dumps(payload, ensure_ascii=False), time.time()))

    def pending(self) -> list[tuple[str, dict]]:
        with self._db() as db:
            rows = db.execute("SELECT key, payload FROM outbox ORDER BY queued_at").fetchall()
        return [(k, json.loads(p)) for k, p in rows]

    def remove(self, key: str) -> None:
        with self._db() as db:
            db.execute("DELETE FROM outbox WHERE key = ?", (key,))


async def flush(client: BackendClient, outbox: CaseOutbox) -> int:
    """Submits queued tickets; each leaves the outbox only once the backend has it."""
    sent = 0
    for key, payload in outbox.pending():
        try:
            await client.create_ticket(payload, key)
        except BackendUnavailable:
            break
        except BackendError as exc:  # refused for good: keep a trace, do not retry forever
            logger.error("queued ticket %s refused by the backend: %s", key, exc.message)
        outbox.remove(key)
        sent += 1
    return sent


async def submit_ticket(client: BackendClient, outbox: CaseOutbox, payload: dict,
                        key: str) -> dict | None:
    """The ticket, or None when it was queued because the backend is unreachable."""
    try:
        await flush(client, outbox)
        return await client.create_ticket(payload, key)
    except BackendUnavailable:
        outbox.put(key, payload)
        logger.warning("backend unavailable, ticket %s queued", key)
        return None
