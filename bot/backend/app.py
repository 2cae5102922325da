"""The backend's aiohttp application: ``create_app()`` is where every part is mounted."""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web
from sqlalchemy import select

from bot.backend import (
    api,  # noqa: F401  (registers the handlers)
    auth,
)
from bot.backend.db import create_engine, migrate
from bot.backend.errors import error_middleware
from bot.backend.regions import RegionIndex
from bot.backend.routing import PREFIX, add_routes, openapi
from bot.backend.seed import add_missing_facts, seed_if_empty
from bot.backend.tables import stations
from bot.settings import Settings, check_production, get_settings

# Other parts of the product (staff console, widget demo page, trainer inbox)
# add themselves here: each is called with the app before it starts.
EXTENSIONS: list[Callable[[web.Application], None]] = []


def _load_extensions() -> None:
    for module, name in (("bot.console.setup", "setup_console"),
                         ("bot.widget.setup", "setup_widget"),
                         ("bot.trainer.inbox_web", "setup_trainer_inbox"),
                         ("bot.backend.operations", "setup_operations"),
                         ("bot.notify.web", "setup_notify")):
        try:
            extension = getattr(__import__(module, fromlist=[name]), name)
        except ImportError:
            continue
        if extension not in EXTENSIONS:
            EXTENSIONS.append(extension)


async def _startup(app: web.Application) -> None:
    settings: Settings = app["settings"]
    migrate(settings.database_url)
    app["engine"] = create_engine(settings.database_url)
    if not await seed_if_empty(app["engine"], settings.id_number_key,
                               demo_people=not settings.production):
        await add_missing_facts(app["engine"])  # a database seeded before the fact records
    app["regions"] = await RegionIndex.load(app["engine"])
    await auth.warm_up()
    async with app["engine"].connect() as conn:
        # the province capital's default station stands in for places we do not know
        app["fallback_station_id"] = (await conn.execute(
            select(stations.c.id).where(stations.c.code == settings.fallback_station_code))).scalar() or 1


async def _cleanup(app: web.Application) -> None:
    await app["engine"].dispose()


async def _openapi(request: web.Request) -> web.Response:
    return web.json_response(openapi())


def create_app(settings: Settings | None = None) -> web.Application:
    from bot.backend import logging_filter

    logging_filter.install()
    app = web.Application(middlewares=[error_middleware], client_max_size=1024 * 1024)
    app["settings"] = settings = settings or get_settings()
    if settings.production:
        check_production(settings)  # refuses default, generated or shared secrets, in Chinese
    app["settings_env"] = settings.env
    _load_extensions()  # first: extensions may register API routes of their own
    add_routes(app)
    app.router.add_get(f"{PREFIX}/openapi.json", _openapi)
    app.on_startup.append(_startup)  # first: extensions' start-up hooks need the engine
    for extension in EXTENSIONS:
        extension(app)
    app.on_cleanup.append(_cleanup)
    return app
