"""Who is calling: the service token (action server, channel) or a staff session.

Roles: station staff and station admins work their station's cases, union admins every
station's; trainers work only on the masked review inbox — no tickets, transcripts or chats.
Failed logins are limited per address and lock the username after a few; an
unknown username costs the same hash as a known one; hashing runs off the event loop.
A state-changing request that rides on the session cookie must come from our own origin.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from aiohttp import web
from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.backend import ratelimit
from bot.backend.appkeys import ENGINE, SETTINGS
from bot.backend.errors import (
    BadCredentials,
    Forbidden,
    LockedOut,
    RateLimited,
    Unauthorized,
)
from bot.backend.tables import staff, staff_sessions

SESSION_COOKIE = "hotline_session"
SESSION_HOURS = 12
ROLES = ("station_staff", "station_admin", "trainer", "union_admin")
CASEWORK_ROLES = ("station_staff", "station_admin", "union_admin")  # not trainers
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


@dataclass(frozen=True)
class Principal:
    kind: str  # service / staff
    staff_id: int | None = None
    username: str = "service"
    display_name: str = "系统"
    role: str = "service"
    station_id: int | None = None

    @property
    def sees_all_stations(self) -> bool:
        return self.kind == "service" or self.role == "union_admin"

    @property
    def does_casework(self) -> bool:
        """Works tickets and chats (trainers do not: they see only the masked inbox)."""
        return self.kind == "service" or self.role in CASEWORK_ROLES

    def administers(self, station_id: int) -> bool:
        """May override a colleague on this station (release or close a chat held by another)."""
        return self.role == "union_admin" or (self.role == "station_admin"
                                              and self.station_id == station_id)

    def check_station(self, station_id: int) -> None:
        if not self.does_casework or (not self.sees_all_stations
                                      and station_id != self.station_id):
            raise Forbidden("无权访问其他工作站的数据")


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


@functools.lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A real scrypt hash of nothing anybody knows: unknown usernames are checked against it, so
    "no such user" takes as long as "wrong password"."""
    return hash_password(secrets.token_urlsafe(16))


async def warm_up() -> None:
    """Makes the dummy hash at start-up, so even the first unknown username costs one hash."""
    await asyncio.get_running_loop().run_in_executor(None, _dummy_hash)


async def check_password(password: str, stored: str | None) -> bool:
    """Whether ``password`` matches ``stored`` (None: unknown user, same cost, always False),
    computed in a worker thread: scrypt (~50 ms) never blocks the event loop."""
    loop = asyncio.get_running_loop()
    target = stored if stored is not None else await loop.run_in_executor(None, _dummy_hash)
    matches = await loop.run_in_executor(None, verify_password, password, target)
    return matches and stored is not None


async def login(engine: AsyncEngine, username: str, password: str, address: str | None,
                key: str) -> dict:
    """The staff record for valid credentials. Raises ``RateLimited`` (too many failed logins
    from this address: password spraying), ``LockedOut`` (too many failures for this username, known or not: even the
    right password waits) or ``BadCredentials``. Counters are committed before raising."""
    now = datetime.utcnow()
    async with engine.connect() as conn:
        busy = await ratelimit.exceeded(conn, ratelimit.LOGIN_FAILURES_PER_ADDRESS, address,
                                        key, now)
        locked = await ratelimit.exceeded(conn, ratelimit.LOGIN_FAILURES_PER_USER, username,
                                          key, now)
    if busy:
        raise RateLimited("登录失败太多次，请 15 分钟后再试",
                          ratelimit.LOGIN_FAILURES_PER_ADDRESS.retry_after)
    if locked:
        raise LockedOut(retry_after=ratelimit.LOGIN_FAILURES_PER_USER.retry_after)
    async with engine.connect() as conn:
        row = (await conn.execute(select(staff).where(staff.c.username == username))
               ).mappings().first()
    ok = await check_password(password, row["password_hash"] if row else None)
    ok = ok and not row.get("disabled")  # a disabled account is refused like a wrong password
    async with engine.begin() as conn:
        if ok:
            await ratelimit.clear(conn, ratelimit.LOGIN_FAILURES_PER_USER, username, key)
        else:
            await ratelimit.record(conn, ratelimit.LOGIN_FAILURES_PER_USER, username, key, now)
            await ratelimit.record(conn, ratelimit.LOGIN_FAILURES_PER_ADDRESS, address, key, now)
    if not ok:
        raise BadCredentials()
    return dict(row)


def client_address(request: web.Request) -> str | None:
    """The caller's address: behind one of our ``TRUSTED_PROXIES`` the last hop it appended to
    X-Forwarded-For (anything before it the client may have forged), else the peer."""
    if request.remote in request.app[SETTINGS].trusted_proxies:
        hops = [h.strip() for h in request.headers.get("X-Forwarded-For", "").split(",")]
        if hops[-1]:
            return hops[-1]
    return request.remote


def is_https(request: web.Request) -> bool:
    """Served over HTTPS, directly or behind a TLS-terminating proxy (X-Forwarded-Proto)."""
    forwarded = request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower()
    return request.secure or forwarded == "https"


def _same_origin(request: web.Request, origin: str) -> bool:
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == request.host.lower()


def check_origin(request: web.Request) -> None:
    """Refuses cross-site writes: a state-changing request that relies on the session cookie
    (no Authorization header) must name our own origin (Origin, else Referer) and send JSON.
    A form or a ``text/plain`` fetch from another site would otherwise ride on the cookie."""
    if request.method in SAFE_METHODS:
        return
    uses_cookie = SESSION_COOKIE in request.cookies and \
        not request.headers.get("Authorization", "").startswith("Bearer ")
    if not uses_cookie:  # a bearer token or a signed link (ratings, uploads) is no cookie ride
        return
    origin = request.headers.get("Origin")
    source = origin if origin not in (None, "null") else request.headers.get("Referer")
    if not source or not _same_origin(request, source):
        raise Forbidden("请求来源不被允许")
    if request.can_read_body and request.content_type != "application/json":
        raise Forbidden("请求必须使用 application/json")


def verify_password(password: str, stored: str) -> bool:
    try:
        _, salt, digest = stored.split("$")
    except ValueError:
        return False
    candidate = hash_password(password, bytes.fromhex(salt)).split("$")[2]
    return hmac.compare_digest(candidate, digest)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def create_session(engine: AsyncEngine, staff_id: int) -> str:
    token = secrets.token_urlsafe(32)
    async with engine.begin() as conn:
        await conn.execute(insert(staff_sessions).values(
            token_hash=_token_hash(token), staff_id=staff_id,
            expires_at=datetime.utcnow() + timedelta(hours=SESSION_HOURS)))
    return token


async def end_session(engine: AsyncEngine, token: str) -> None:
    async with engine.begin() as conn:
        await conn.execute(delete(staff_sessions).where(
            staff_sessions.c.token_hash == _token_hash(token)))


def request_token(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header[7:].strip()
    return request.cookies.get(SESSION_COOKIE)


async def principal_for(request: web.Request) -> Principal | None:
    token = request_token(request)
    if not token:
        return None
    if hmac.compare_digest(token, request.app[SETTINGS].backend_token):
        return Principal(kind="service")
    async with request.app[ENGINE].connect() as conn:
        row = (await conn.execute(
            select(staff).join(staff_sessions, staff_sessions.c.staff_id == staff.c.id)
            .where(staff_sessions.c.token_hash == _token_hash(token))
            .where(staff_sessions.c.expires_at > datetime.utcnow()))).mappings().first()
    if row is None:
        return None
    return Principal(kind="staff", staff_id=row["id"], username=row["username"],
                     display_name=row["display_name"], role=row["role"],
                     station_id=row["station_id"])


_TRAINER_REFUSED = "培训员账号只能使用训练收件箱（已脱敏），不能查看工单和会话"


async def require(request: web.Request, allowed: str) -> Principal | None:
    """allowed: none / service / any (service or casework staff) / staff (casework staff) /
    session (any logged-in staff, trainers included) / role names joined by ``|``."""
    check_origin(request)
    if allowed == "none":
        return None
    principal = await principal_for(request)
    if principal is None:
        raise Unauthorized()
    if allowed == "service" and principal.kind != "service":
        raise Forbidden("此接口仅供系统服务调用")
    if allowed in ("staff", "session") and principal.kind != "staff":
        raise Forbidden("此接口仅供工作人员使用")
    if allowed in ("any", "staff") and not principal.does_casework:
        raise Forbidden(_TRAINER_REFUSED)
    if allowed not in ("service", "staff", "session", "any") and principal.kind != "service" \
            and principal.role not in allowed.split("|"):
        raise Forbidden()
    return principal
