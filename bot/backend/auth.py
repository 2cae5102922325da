"""Who is calling: the service token (action server, channel) or a staff session."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from aiohttp import web
from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.backend.errors import ApiError
from bot.backend.tables import staff, staff_sessions

SESSION_COOKIE = "hotline_session"
SESSION_HOURS = 12
ROLES = ("station_staff", "station_admin", "trainer", "union_admin")


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
        return self.kind == "service" or self.role in ("union_admin", "trainer")

    def check_station(self, station_id: int) -> None:
        if not self.sees_all_stations and station_id != self.station_id:
            raise ApiError(403, "forbidden", "无权访问其他工作站的数据")


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


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
    if hmac.compare_digest(token, request.app["settings"].backend_token):
        return Principal(kind="service")
    async with request.app["engine"].connect() as conn:
        row = (await conn.execute(
            select(staff).join(staff_sessions, staff_sessions.c.staff_id == staff.c.id)
            .where(staff_sessions.c.token_hash == _token_hash(token))
            .where(staff_sessions.c.expires_at > datetime.utcnow()))).mappings().first()
    if row is None:
        return None
    return Principal(kind="staff", staff_id=row["id"], username=row["username"],
                     display_name=row["display_name"], role=row["role"],
                     station_id=row["station_id"])


async def require(request: web.Request, allowed: str) -> Principal | None:
    """allowed: none / service / staff / any (service or staff) / role names joined by |."""
    if allowed == "none":
        return None
    principal = await principal_for(request)
    if principal is None:
        raise ApiError(401, "unauthorized", "未登录或令牌无效")
    if allowed == "any":
        return principal
    if allowed == "service" and principal.kind != "service":
        raise ApiError(403, "forbidden", "此接口仅供系统服务调用")
    if allowed == "staff" and principal.kind != "staff":
        raise ApiError(403, "forbidden", "此接口仅供工作人员使用")
    if allowed not in ("service", "staff") and principal.role not in allowed.split("|") \
            and principal.kind != "service":
        raise ApiError(403, "forbidden", "没有权限执行此操作")
    return principal
