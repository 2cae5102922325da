"""The backend's aiohttp application: ``create_app()`` is where every part is mounted."""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web
from sqlalchemy import select

from bot.backend import auth
from bot.backend.api import (
    admin_routes,
    auth_routes,
    dashboard_routes,
    eligibility_routes,
    fact_routes,
    handoff_routes,
    health_routes,
    notify_routes,
    places,
    policy_routes,
    ticket_routes,
    worker_routes,
    workflow_routes,
)
from bot.backend.appkeys import API_ROUTES, ENGINE, FALLBACK_STATION_ID, REGIONS, SETTINGS
from bot.backend.db import create_engine, migrate
from bot.backend.errors import error_middleware
from bot.backend.keepalive import close_after_unread_body
from bot.backend.operations import setup_operations
from bot.backend.regions import RegionIndex
from bot.backend.routing import PREFIX, Route, add_routes, openapi
from bot.backend.seed import add_missing_aliases, add_missing_facts, seed_if_empty
from bot.backend.tables import stations
from bot.console.pages import setup_console
from bot.notify.web import setup_notify
from bot.settings import Settings, check_production, get_settings
from bot.trainer import inbox_web
from bot.widget.demo_page import setup_widget

# Every API route of the backend, one table per module: what is not listed here is not served
# (and not in the OpenAPI document).
ROUTE_TABLES = (health_routes.routes, places.routes, policy_routes.routes,
                eligibility_routes.routes, fact_routes.routes, worker_routes.routes,
                ticket_routes.routes, handoff_routes.routes, auth_routes.routes,
                workflow_routes.routes, admin_routes.routes, dashboard_routes.routes,
                notify_routes.routes, inbox_web.routes)

# The other parts of the product mounted on the backend app (staff console, widget demo page,
# trainer inbox, back office, notifications): each is called with the app before it starts.
EXTENSIONS: tuple[Callable[[web.Application], None], ...] = (
    setup_console, setup_widget, inbox_web.setup_trainer_inbox, setup_operations, setup_notify)


def api_routes() -> list[Route]:
    """The declared API routes, in the order they are mounted."""
    return [route for table in ROUTE_TABLES for route in table]


async def _startup(app: web.Application) -> None:
    settings: Settings = app[SETTINGS]
    migrate(settings.database_url)
    app[ENGINE] = create_engine(settings.database_url)
    if not await seed_if_empty(app[ENGINE], settings.id_number_key,
                               demo_people=not settings.production):
        await add_missing_facts(app[ENGINE])  # a database seeded before the fact records
        await add_missing_aliases(app[ENGINE])  # … or before a place's other names
    app[REGIONS] = await RegionIndex.load(app[ENGINE])
    await auth.warm_up()
    async with app[ENGINE].connect() as conn:
        # the province capital's default station stands in for places we do not know
        app[FALLBACK_STATION_ID] = (await conn.execute(
            select(stations.c.id).where(stations.c.code == settings.fallback_station_code))).scalar() or 1


async def _cleanup(app: web.Application) -> None:
    await app[ENGINE].dispose()


async def _openapi(request: web.Request) -> web.Response:
    routes = request.app[API_ROUTES]  # a local: mypy infers AppKey[Iterable[Route]] from the call
    return web.json_response(openapi(routes))


def create_app(settings: Settings | None = None) -> web.Application:
    from bot.backend import logging_filter

    logging_filter.install()
    app = web.Application(middlewares=[close_after_unread_body, error_middleware], client_max_size=1024 * 1024)
    app[SETTINGS] = settings = settings or get_settings()
    if settings.production:
        check_production(settings)  # refuses default, generated or shared secrets, in Chinese
    health_routes.setup_metrics(app)
    app[API_ROUTES] = routes = api_routes()
    add_routes(app, routes)
    app.router.add_get(f"{PREFIX}/openapi.json", _openapi)
    # the signals' ignores: aiohttp 3.9 declares them as aiosignal's Signal[T], but
    # aiosignal 1.4 (requirements.lock) made Signal variadic: mypy reads every handler as mistyped
    app.on_startup.append(_startup)  # type: ignore[arg-type]  # first: extensions' start-up hooks need the engine
    for extension in EXTENSIONS:
        extension(app)
    app.on_cleanup.append(_cleanup)  # type: ignore[arg-type]
    return app
