"""Mounts the console's pages on the backend app (called from bot.backend.app.create_app)."""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

STATIC = Path(__file__).parent / "static"


async def _index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "index.html", headers={
        "Content-Security-Policy": "default-src 'self'; style-src 'self'; script-src 'self'",
        "X-Content-Type-Options": "nosniff"})


async def _redirect(request: web.Request) -> web.Response:
    raise web.HTTPFound("/console/")


def setup_console(app: web.Application) -> None:
    app.router.add_get("/console", _redirect)
    app.router.add_get("/console/", _index)
    app.router.add_static("/console/static/", STATIC)
