"""The action server's client for the union services backend (docs/backend-api.md).

Every call has a timeout. Only idempotent calls are retried, with exponential backoff:
GETs, the read-only POSTs (eligibility, ticket status check), ticket creation (it carries an
``Idempotency-Key``, so a retry returns the same ticket) and handoff (one record per
conversation). Sending or checking a one-time code is never repeated behind the worker's back.

A worker waits for one turn, not for one call: ``answer_within`` sets a deadline for every
backend call of the current task (the action server sets it for each action it runs, to what
is left of the turn: ``bot/action_ops.backend_time_left``), so a slow backend costs a turn at
most that long, retries included, and the action apologises in time instead of after three
timeouts of each of two calls (19.6 s, issue 11).

Errors are typed: ``BackendUnavailable`` (down, slow, 5xx: try again later), its subclass
``RateLimited`` (429: too many tries from this phone or conversation; never retried, the worker
is told to wait) and ``BackendError`` (the backend answered and refused: status, code, Chinese
message, field).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from contextvars import ContextVar
from typing import Any

import aiohttp

from bot.clients.http import LoopSession
from bot.settings import get_settings

logger = logging.getLogger(__name__)
API_PREFIX = "/api/v1"


class BackendUnavailable(Exception):
    """The backend did not answer in time, could not be reached, or failed (5xx; a 429 is
    the subclass ``RateLimited``)."""


class RateLimited(BackendUnavailable):
    """429: the backend refuses more tries for a while (``retry_after`` seconds). A
    ``BackendUnavailable`` for callers that only know that one, but the worker deserves to
    hear "too many tries, later" rather than "the system is busy"."""

    def __init__(self, detail: str, retry_after: int | None = None, message: str = "") -> None:
        super().__init__(detail)
        self.retry_after, self.message = retry_after, message


class BackendError(Exception):
    """The backend answered and refused the request (4xx)."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(f"HTTP {status} {code}: {message}" + (f" ({field})" if field else ""))
        self.status, self.code, self.message, self.field = status, code, message, field

    @property
    def about_the_request(self) -> bool:
        """True when this request can never succeed (400/404/409/422), False when the refusal
        is about us, not the request (401/403: a token problem to fix, then retry)."""
        return self.status not in (401, 403)


def _rate_limited(method: str, path: str, text: str, retry_after: str | None) -> RateLimited:
    """The 429's ``Retry-After`` and Chinese message, when the body has one."""
    try:
        error = (json.loads(text) or {}).get("error") or {}
    except (json.JSONDecodeError, AttributeError):
        error = {}
    seconds = int(retry_after) if retry_after and retry_after.isdigit() else None
    message = error.get("message") if isinstance(error, dict) else None
    return RateLimited(f"{method} {path}: HTTP 429", seconds, message if isinstance(message, str) else "")


_DEADLINE: ContextVar[float | None] = ContextVar("backend_deadline", default=None)
MIN_ATTEMPT = 0.05  # seconds: less than this left is no time for a request


def answer_within(seconds: float | None) -> None:
    """Every backend call of the current task (and the tasks it starts) ends, retries
    included, within ``seconds`` from now; later calls fail at once as unavailable. ``None``:
    no deadline (background work started from an action, which nobody waits for)."""
    _DEADLINE.set(None if seconds is None else time.monotonic() + seconds)


def _time_left() -> float | None:
    """Seconds until the current deadline (None: no deadline, each call has its timeout)."""
    deadline = _DEADLINE.get()
    return None if deadline is None else deadline - time.monotonic()


def _params(**values: str | None) -> dict[str, str]:
    return {k: v for k, v in values.items() if v}  # neither None nor ""


class BackendClient(LoopSession):
    """One client per process; its HTTP session is (re)opened on the running event loop."""

    def __init__(self, base_url: str | None = None, token: str | None = None,
                 timeout: float = 3.0, retries: int = 2, backoff: float = 0.25) -> None:
        settings = get_settings()
        self.base_url = (base_url or settings.backend_url).rstrip("/")
        self.token = token or settings.backend_token
        super().__init__(timeout)
        self.retries, self.backoff = retries, backoff

    def _attempt_timeout(self, method: str, path: str) -> aiohttp.ClientTimeout:
        """This attempt's timeout: the client's, cut to what is left of the deadline."""
        left = _time_left()
        if left is None or self.timeout.total is None or left >= self.timeout.total:
            return self.timeout
        if left < MIN_ATTEMPT:
            raise BackendUnavailable(f"{method} {path}: no time left for the turn")
        return aiohttp.ClientTimeout(total=left, connect=min(left, self.timeout.connect or left))

    async def _once(self, method: str, path: str, headers: dict[str, str],
                    **kwargs: Any) -> Any:
        url = self.base_url + API_PREFIX + path
        timeout = self._attempt_timeout(method, path)
        try:
            async with self._http().request(method, url, headers=headers, timeout=timeout,
                                            **kwargs) as response:
                status, text = response.status, await response.text()
                retry_after = response.headers.get("Retry-After")
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
            raise BackendUnavailable(f"{method} {path}: {exc!r}") from exc
        if status == 429:
            raise _rate_limited(method, path, text, retry_after)
        if status >= 500:
            raise BackendUnavailable(f"{method} {path}: HTTP {status}")
        try:
            body = json.loads(text) if text else {}
        except json.JSONDecodeError as exc:
            raise BackendUnavailable(f"{method} {path}: not JSON (HTTP {status})") from exc
        if status >= 400:
            error = body.get("error", {}) if isinstance(body, dict) else {}
            raise BackendError(status, error.get("code", "error"),
                               error.get("message") or "请求没有被受理", error.get("field"))
        return body

    async def request(self, method: str, path: str, *, idempotent: bool | None = None,
                      headers: dict[str, str] | None = None, **kwargs: Any) -> Any:
        """One API call; retried with exponential backoff only when ``idempotent``."""
        idempotent = method == "GET" if idempotent is None else idempotent
        headers = {"Authorization": f"Bearer {self.token}", **(headers or {})}
        attempts = 1 + (self.retries if idempotent else 0)
        for attempt in range(attempts):
            try:
                return await self._once(method, path, headers, **kwargs)
            except RateLimited:
                raise  # another try now only counts as another miss
            except BackendUnavailable as exc:
                if attempt == attempts - 1:
                    raise
                delay = self.backoff * 2 ** attempt
                left = _time_left()
                if left is not None and left < delay + MIN_ATTEMPT:
                    raise  # no time for another try within the turn
                logger.info("backend unavailable (%s), retry %d in %.2fs", exc, attempt + 1, delay)
                await asyncio.sleep(delay)

    # -- reading ------------------------------------------------------------------------
    async def health(self) -> dict:
        return await self.request("GET", "/health")

    async def policies(self, service: str, city: str | None = None,
                       district: str | None = None) -> dict:
        return await self.request("GET", "/policies",
                                  params=_params(service=service, city=city, district=district))

    async def minimum_wage(self, city: str | None, district: str | None = None) -> dict:
        return await self.request("GET", "/minimum-wages",
                                  params=_params(city=city, district=district))

    async def facts(self, question: str, city: str | None = None, district: str | None = None,
                    employer: str | None = None) -> dict:
        """The recorded figures a question asks for (``facts``: [] when it asks for none)."""
        return await self.request("GET", "/facts", params=_params(
            q=question, city=city, district=district, employer=employer))

    async def resolve(self, city: str | None, district: str | None) -> dict:
        """The region a place names and the grid station responsible for it (404 if unknown)."""
        return await self.request("GET", "/regions/resolve",
                                  params=_params(city=city, district=district))

    async def eligibility(self, facts: dict) -> dict:
        return await self.request("POST", "/eligibility", json=facts, idempotent=True)

    async def ticket_status(self, ticket_id: str, phone: str,
                            conversation_id: str | None = None) -> dict:
        """The ticket's status, only if ``phone`` is the one it was filed with (else 404;
        ``RateLimited`` after too many misses from this phone or conversation)."""
        return await self.request("POST", f"/tickets/{ticket_id}/status-check", idempotent=True,
                                  json=_params(phone=phone, conversation_id=conversation_id))

    # -- identifying a worker (never retried: each call sends or spends a code) -----------
    async def send_code(self, phone: str, conversation_id: str | None = None) -> dict:
        """Asks for a code: the same answer for members and strangers (only a member's phone
        gets the SMS); 429 after too many requests per phone or conversation."""
        return await self.request("POST", "/workers/identify",
                                  json=_params(phone=phone, conversation_id=conversation_id))

    async def verify_code(self, phone: str, code: str) -> dict:
        return await self.request("POST", "/workers/verify", json={"phone": phone, "code": code})

    # -- writing (idempotent) ---------------------------------------------------------------
    async def create_ticket(self, payload: dict, key: str) -> dict:
        return await self.request("POST", "/tickets", json=payload, idempotent=True,
                                  headers={"Idempotency-Key": key})

    async def change_ticket_phone(self, ticket_id: str, conversation_id: str,
                                  phone: str, old_phone: str | None = None) -> dict:
        """The phone of a ticket this conversation filed, corrected — or, from another
        conversation, of a ticket whose filed phone is ``old_phone`` (404 when it is not;
        ``RateLimited`` after too many misses). Setting it twice is the same as once, so it
        may be retried."""
        return await self.request("POST", f"/tickets/{ticket_id}/contact-phone", idempotent=True,
                                  json=_params(conversation_id=conversation_id, phone=phone,
                                               old_phone=old_phone))

    async def add_ticket_note(self, ticket_id: str, conversation_id: str, note: str) -> dict:
        """The worker's note on a ticket this conversation filed (written once however often
        it is sent, so it may be retried)."""
        return await self.request("POST", f"/tickets/{ticket_id}/worker-notes", idempotent=True,
                                  json={"conversation_id": conversation_id, "note": note})

    async def withdraw_handoff(self, conversation_id: str) -> dict:
        """The conversation's handoff still waiting, closed at the worker's word (a repeat
        changes nothing, so it may be retried)."""
        return await self.request("POST", "/handoffs/withdraw", idempotent=True,
                                  json={"conversation_id": conversation_id})

    async def open_handoff(self, conversation_id: str, city: str | None, district: str | None,
                           reason: str, channel: str) -> dict:
        return await self.request("POST", "/handoffs", idempotent=True, json={
            "conversation_id": conversation_id, "city": city, "district": district,
            "reason": reason, "channel": channel})
