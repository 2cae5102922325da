"""The route registry: each API handler declares auth and schemas once; the
router, the validator and the OpenAPI document all read the same declaration."""

from __future__ import annotations

import functools
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from aiohttp import web

from bot.backend.auth import require
from bot.backend.validation import Field, json_schema, parse_json, validate
from bot.calendar.beijing import to_beijing

PREFIX = "/api/v1"
Handler = Callable[..., Awaitable[object]]


@dataclass
class Route:
    method: str
    path: str
    handler: Handler
    summary: str
    auth: str
    body: dict[str, Field] | None = None
    query: dict[str, Field] | None = None
    tags: list[str] = field(default_factory=list)


ROUTES: list[Route] = []


def api(method: str, path: str, summary: str, auth: str = "any",
        body: dict[str, Field] | None = None, query: dict[str, Field] | None = None,
        tag: str = "") -> Callable[[Handler], Handler]:
    """Registers a handler ``(request, principal, body, query) -> JSON-able | Response``."""


    def decorate(fn: Handler) -> Handler:
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

        ROUTES.append(Route(method, PREFIX + path, wrapper, summary, auth, body, query, [tag]))
        return fn  # handlers may call each other directly, without the HTTP wrapper

    return decorate


def _json_default(value: object) -> str:
    """Times go out in Beijing time with their offset (the database keeps naive UTC)."""
    if isinstance(value, datetime):
        return to_beijing(value).isoformat(timespec="seconds")
    return str(value)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def add_routes(app: web.Application) -> None:
    for route in ROUTES:
        app.router.add_route(route.method, route.path, route.handler)


def openapi() -> dict:
    paths: dict[str, dict] = {}
    for route in ROUTES:
        op: dict = {"summary": route.summary, "tags": route.tags, "responses": {
            "200": {"description": "成功"}, "400": {"description": "输入错误，error.field 指明字段"},
            "401": {"description": "未认证"}, "403": {"description": "无权限"},
            "404": {"description": "不存在"}}}
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
