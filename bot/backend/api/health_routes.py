"""``/api/v1/health``, ``/api/v1/live`` and ``/metrics``: what a load balancer, an orchestrator
and Prometheus ask the backend.

Health checks what the backend depends on (its database) and answers 503 when that is down, so a
proxy stops sending workers to an instance that would fail them; before, it answered ``ok``
whatever the state of the database. Metrics: ``bot/metrics.py``.
"""

from __future__ import annotations

import asyncio
import logging
import time

from aiohttp import web
from sqlalchemy import func, select, text

from bot.backend.appkeys import ENGINE, METRICS
from bot.backend.routing import RouteTable
from bot.backend.tables import handoffs, tickets
from bot.backend.tables import notification_outbox as outbox
from bot.contract import TICKET_STATUSES
from bot.metrics import CONTENT_TYPE, BackendMetrics

logger = logging.getLogger(__name__)
routes = RouteTable()  # mounted by bot.backend.app (API_ROUTES)
CHECK_TIMEOUT = 2.0  # seconds: a health check that hangs is as bad as a failed one


async def _select_one(request: web.Request) -> None:
    async with request.app[ENGINE].connect() as conn:
        await conn.execute(text("SELECT 1"))


async def database_ok(request: web.Request) -> bool:
    """One ``SELECT 1`` within the timeout."""
    try:
        await asyncio.wait_for(_select_one(request), CHECK_TIMEOUT)
        return True
    except Exception as exc:  # any failure is "down"; the reason goes to the log only
        logger.warning("health: database unreachable: %s", type(exc).__name__)
        return False


@routes.api("GET", "/live", "存活检查：进程能应答即 200，不查数据库（编排器据此决定是否重启）",
            auth="none", tag="system")
async def live(request, principal, body, query):
    """Liveness for an orchestrator: the process and its event loop answer. It never asks the
    database, so a database outage takes the backends out of rotation (``/health``) without
    restarting every one of them."""
    return web.json_response({"status": "ok"})


@routes.api("GET", "/health", "健康检查：数据库可用时 200，否则 503", auth="none", tag="system")
async def health(request, principal, body, query):
    database = await database_ok(request)
    return web.json_response(
        {"status": "ok" if database else "unavailable",
         "checks": {"database": "ok" if database else "unreachable"}},
        status=200 if database else 503)


async def _refresh_gauges(request: web.Request) -> None:
    """Tickets by state, handoffs waiting and the outbox depth, read when Prometheus scrapes."""
    metrics = request.app[METRICS]
    async with request.app[ENGINE].connect() as conn:
        by_status = dict((await conn.execute(
            select(tickets.c.status, func.count()).group_by(tickets.c.status))).all())
        waiting = (await conn.execute(select(func.count()).select_from(handoffs).where(
            handoffs.c.state == "waiting"))).scalar() or 0
        pending = (await conn.execute(select(func.count()).select_from(outbox).where(
            outbox.c.status == "pending"))).scalar() or 0
    for status in TICKET_STATUSES:
        metrics.tickets.labels(status).set(by_status.get(status, 0))
    metrics.handoffs_waiting.set(waiting)
    metrics.outbox_depth.set(pending)


async def metrics_page(request: web.Request) -> web.Response:
    """``GET /metrics`` (Prometheus text format; no auth, like /health: figures, no personal
    data; the backend listens on loopback unless a deployment says otherwise)."""
    try:
        await _refresh_gauges(request)
    except Exception as exc:  # the request figures are still worth serving
        logger.warning("metrics: database figures unavailable: %s", type(exc).__name__)
    return web.Response(body=request.app[METRICS].render(), content_type=CONTENT_TYPE)


def _route_of(request: web.Request) -> str:
    """The route's template (``/api/v1/tickets/{ticket_id}``), never the raw path: bounded
    label values, and no phone number in a label."""
    resource = request.match_info.route.resource
    return resource.canonical if resource is not None else "unmatched"


@web.middleware
async def metrics_middleware(request: web.Request, handler) -> web.StreamResponse:
    """Times every request (the error middleware inside it has already made errors responses)."""
    started = time.perf_counter()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as exc:
        status = exc.status
        raise
    finally:
        request.app[METRICS].requests.labels(
            request.method, _route_of(request), str(status)).observe(time.perf_counter() - started)


def setup_metrics(app: web.Application) -> None:
    """Mounts ``/metrics`` and the timing middleware (outermost, so it sees the final status)."""
    app[METRICS] = BackendMetrics()
    app.middlewares.insert(0, metrics_middleware)
    app.router.add_get("/metrics", metrics_page)
