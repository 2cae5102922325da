"""Staff login and sessions."""

from __future__ import annotations

from aiohttp import web

from bot.backend import auth
from bot.backend.appkeys import ENGINE, SETTINGS
from bot.backend.auth import SESSION_COOKIE, SESSION_HOURS, create_session, end_session, request_token
from bot.backend.routing import RouteTable
from bot.backend.validation import Field

routes = RouteTable()  # mounted by bot.backend.app (API_ROUTES)


@routes.api("POST", "/auth/login",
     "工作人员登录，返回会话令牌（同时设置 Cookie）；同一地址失败过多或同一用户名连续失败 5 次后 429",
     auth="none", body={
         "username": Field(required=True, max_length=64),
         "password": Field(required=True, max_length=256)}, tag="auth")
async def login(request, principal, body, query):
    row = await auth.login(request.app[ENGINE], body["username"], body["password"],
                           auth.client_address(request), request.app[SETTINGS].session_secret)
    token = await create_session(request.app[ENGINE], row["id"])
    response = web.json_response({"token": token, "staff": {
        "username": row["username"], "display_name": row["display_name"], "role": row["role"],
        "station_id": row["station_id"]}})
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="Strict",
                        max_age=SESSION_HOURS * 3600, secure=auth.is_https(request), path="/")
    return response


@routes.api("POST", "/auth/logout", "退出登录", auth="session", body={}, tag="auth")
async def logout(request, principal, body, query):
    await end_session(request.app[ENGINE], request_token(request))
    response = web.json_response({"ok": True})
    response.del_cookie(SESSION_COOKIE, path="/")
    return response


@routes.api("GET", "/auth/me", "当前登录的工作人员", auth="session", tag="auth")
async def me(request, principal, body, query):
    return {"username": principal.username, "display_name": principal.display_name,
            "role": principal.role, "station_id": principal.station_id}
