"""Staff login and sessions."""

from __future__ import annotations

from aiohttp import web
from sqlalchemy import select

from bot.backend.auth import (
    SESSION_COOKIE,
    create_session,
    end_session,
    request_token,
    verify_password,
)
from bot.backend.errors import ApiError
from bot.backend.routing import api
from bot.backend.tables import staff
from bot.backend.validation import Field


@api("POST", "/auth/login", "工作人员登录，返回会话令牌（同时设置 Cookie）", auth="none", body={
    "username": Field(required=True, max_length=64),
    "password": Field(required=True, max_length=256)}, tag="auth")
async def login(request, principal, body, query):
    async with request.app["engine"].connect() as conn:
        row = (await conn.execute(select(staff).where(staff.c.username == body["username"]))
               ).mappings().first()
    if row is None or row["disabled"] or not verify_password(body["password"],
                                                             row["password_hash"]):
        raise ApiError(401, "bad_credentials", "用户名或密码错误")
    token = await create_session(request.app["engine"], row["id"])
    response = web.json_response({"token": token, "staff": {
        "username": row["username"], "display_name": row["display_name"], "role": row["role"],
        "station_id": row["station_id"]}})
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="Strict", max_age=12 * 3600)
    return response


@api("POST", "/auth/logout", "退出登录", auth="staff", body={}, tag="auth")
async def logout(request, principal, body, query):
    await end_session(request.app["engine"], request_token(request))
    response = web.json_response({"ok": True})
    response.del_cookie(SESSION_COOKIE)
    return response


@api("GET", "/auth/me", "当前登录的工作人员", auth="staff", tag="auth")
async def me(request, principal, body, query):
    return {"username": principal.username, "display_name": principal.display_name,
            "role": principal.role, "station_id": principal.station_id}
