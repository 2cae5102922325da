"""The console's back-office pages: 工单 (workflow), 管理 (administration, audit log) and 统计
(dashboard). Same CSP as the console: scripts and styles from the page's own origin only."""

from __future__ import annotations

from aiohttp import web

from bot.console.pages import STATIC

PAGES = {"tickets": "tickets.html", "admin": "admin.html", "dashboard": "dashboard.html"}
HEADERS = {"Content-Security-Policy": "default-src 'self'; style-src 'self'; script-src 'self'; "
                                      "img-src 'self' data:",
           "X-Content-Type-Options": "nosniff"}


def _page(name: str):
    async def handler(request: web.Request) -> web.FileResponse:
        return web.FileResponse(STATIC / name, headers=HEADERS)
    return handler


def setup_ops_pages(app: web.Application) -> None:
    for path, name in PAGES.items():
        app.router.add_get(f"/console/{path}", _page(name))
