"""Route declarations: each API handler declares auth and schemas once, in its module's
``RouteTable``; the router, the validator and the OpenAPI document all read the same declaration."""

from __future__ import annotations

import functools
import json
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from aiohttp import web

from bot.backend.auth import require
from bot.backend.validation import Field, json_schema, parse_json, validate
from bot.calendar.beijing import to_beijing

PREFIX = "/api/v1"
Handler = Callable[..., Awaitable[object]]  # a declared handler: (request, principal, body, query)
WebHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]  # what aiohttp mounts


@dataclass
class Route:
    method: str
    path: str
    handler: WebHandler  # the declared handler wrapped by _http_handler
    summary: str
    auth: str
    body: dict[str, Field] | None = None
    query: dict[str, Field] | None = None
    tags: list[str] = field(default_factory=list)


class RouteTable(list[Route]):
    """One module's API routes. ``@routes.api(...)`` declares a handler's auth and schemas once;
    ``bot.backend.app`` mounts the tables it lists, and the router, the validator and the OpenAPI
    document all read the same declarations (nothing is registered by importing a module)."""

    def api(self, method: str, path: str, summary: str, auth: str = "any",
            body: dict[str, Field] | None = None, query: dict[str, Field] | None = None,
            tag: str = "") -> Callable[[Handler], Handler]:
        """Declares a handler ``(request, principal, body, query) -> JSON-able | Response``."""

        def decorate(fn: Handler) -> Handler:
            wrapper = _http_handler(fn, method, auth, body, query)
            self.append(Route(method, PREFIX + path, wrapper, summary, auth, body, query, [tag]))
            return fn  # handlers may call each other directly, without the HTTP wrapper

        return decorate


def _http_handler(fn: Handler, method: str, auth: str, body: dict[str, Field] | None,
                  query: dict[str, Field] | None) -> WebHandler:
    """The aiohttp handler around a declared one: authorisation, validation, JSON out."""

    @functools.wraps(fn)
    async def wrapper(request: web.Request) -> web.StreamResponse:
        principal = await require(request, auth)
        data = None
        if body is not None:
            data = validate(body, parse_json(await request.read()))
        params = validate(query, dict(request.query), "query") if query is not None else None
        result = await fn(request, principal, data, params)
        if isinstance(result, web.StreamResponse):
            return result
        status = 201 if method == "POST" and isinstance(result, dict) \
            and result.pop("_created", False) else 200
        return web.json_response(result, status=status, dumps=_dumps)

    return wrapper


def _json_default(value: object) -> str:
    """Times go out in Beijing time with their offset (the database keeps naive UTC)."""
    if isinstance(value, datetime):
        return to_beijing(value).isoformat(timespec="seconds")
    return str(value)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def add_routes(app: web.Application, routes: Iterable[Route]) -> None:
    """Mounts declared routes on the app's router."""
    for route in routes:
        app.router.add_route(route.method, route.path, route.handler)


def openapi(routes: Iterable[Route]) -> dict:
    """The OpenAPI 3 document of the declared routes (served at /api/v1/openapi.json)."""
    paths: dict[str, dict] = {}
    for route in routes:
        op: dict = {"summary": route.summary, "tags": route.tags, "responses": {
            "200": {"description": "成功"}, "400": {"description": "输入错误，error.field 指明字段"},
            "401": {"description": "未认证"}, "403": {"description": "无权限"},
            "404": {"description": "不存在"}, "409": {"description": "与当前状态冲突"},
            "429": {"description": "太频繁，见 Retry-After"}}}
        if route.auth != "none":
            op["security"] = [{"bearer": []}]
        if route.body is not None:
            op["requestBody"] = {"required": True, "content": {
                "application/json": {"schema": json_schema(route.body)}}}
        params = [{"name": n, "in": "query", "required": f.required,
                   "schema": json_schema({n: f})["properties"][n]}
                  for n, f in (route.query or {}).items()]
        params += [{"name": p.strip("{}"), "in": "path", "required": True,
                    "schema": {"type": "string"}}
                   for p in route.path.split("/") if p.startswith("{")]
        if params:
            op["parameters"] = params
        paths.setdefault(route.path, {})[route.method.lower()] = op
    return {
        "openapi": "3.0.3",
        "info": {"title": "职工服务热线 · 工会服务后台 API", "version": "1.0.0"},
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "paths": paths,
    }
