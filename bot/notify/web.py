"""Mounts notifications and satisfaction on the backend app (an extension of create_app):
the SMS outbox worker, the console's live updates, the public rating page, and CORS for the
two routes the embedded widget calls on the backend (photo upload, rating). Its API routes live in
``bot.backend.api.notify_routes``, mounted with the others by ``bot.backend.app``."""

from __future__ import annotations

import logging
from pathlib import Path

from aiohttp import web

from bot.backend.appkeys import ENGINE, LIVE, OUTBOX_WORKER, SMS_SENDER
from bot.backend.live import LiveHub
from bot.notify.outbox import OutboxWorker
from bot.notify.senders import sender_from_settings
from bot.settings import get_notify_settings

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
WIDGET_ROUTES = ("/api/v1/uploads", "/api/v1/ratings/")
PAGE_HEADERS = {"Content-Security-Policy": "default-src 'self'; style-src 'self'; script-src 'self'",
                "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                "Cache-Control": "no-store"}


async def _start_outbox(app: web.Application) -> None:
    settings = get_notify_settings()
    sender = sender_from_settings(settings)  # production without a provider: refuse to start
    app[SMS_SENDER] = sender
    app[OUTBOX_WORKER] = OutboxWorker(app[ENGINE], sender, settings.outbox_interval)
    app[OUTBOX_WORKER].start()
    logger.info("SMS outbox worker started (%s)", sender.name)


async def _stop_outbox(app: web.Application) -> None:
    if OUTBOX_WORKER in app:
        await app[OUTBOX_WORKER].stop()


async def _rating_page(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "rate.html", headers=PAGE_HEADERS)


def _is_widget_route(request: web.Request) -> bool:
    path = request.path
    return path.startswith(WIDGET_ROUTES) and not path.startswith("/api/v1/ratings/summary")


async def _cors_headers(request: web.Request, response: web.StreamResponse) -> None:
    if not _is_widget_route(request):
        return
    origin = request.headers.get("Origin")
    allowed = get_notify_settings().widget_origins
    if origin and ("*" in allowed or origin in allowed):
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Vary"] = "Origin"
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type, X-Widget-Session"
        response.headers["Access-Control-Max-Age"] = "600"


async def _preflight(request: web.Request) -> web.Response:
    return web.Response(status=204)


def setup_notify(app: web.Application) -> None:
    # the signals' ignores: aiohttp 3.9 declares them as aiosignal's Signal[T], but
    # aiosignal 1.4 (requirements.lock) made Signal variadic: mypy reads every handler as mistyped
    app.on_startup.append(_start_outbox)  # type: ignore[arg-type]
    app.on_shutdown.append(_stop_outbox)  # type: ignore[arg-type]
    hub = LiveHub(app)
    app[LIVE] = hub
    app.on_startup.append(hub.start)  # type: ignore[arg-type]
    app.on_shutdown.append(hub.stop)  # type: ignore[arg-type]
    app.router.add_get("/rate/{token}", _rating_page)
    app.router.add_static("/rate-static/", STATIC)
    app.router.add_route("OPTIONS", "/api/v1/uploads", _preflight)
    app.router.add_route("OPTIONS", "/api/v1/ratings/{token}", _preflight)
    app.on_response_prepare.append(_cors_headers)  # type: ignore[arg-type]
