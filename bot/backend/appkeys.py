"""The backend application's shared state, one typed ``web.AppKey`` each.

String keys (``app["engine"]``) were untyped and aiohttp warns about them (NotAppKeyWarning);
a typed key lets a type checker follow what each handler takes out of the app. The types are
imported for checking only, so any backend module can import this without an import cycle.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from bot.backend.live import LiveHub
    from bot.backend.regions import RegionIndex
    from bot.backend.routing import Route
    from bot.metrics import BackendMetrics
    from bot.notify.outbox import OutboxWorker
    from bot.notify.sms import SmsSender
    from bot.settings import Settings

SETTINGS: web.AppKey[Settings] = web.AppKey("settings")
ENGINE: web.AppKey[AsyncEngine] = web.AppKey("engine")
REGIONS: web.AppKey[RegionIndex] = web.AppKey("regions")
# the province capital's default station: it stands in for places we do not know
FALLBACK_STATION_ID: web.AppKey[int] = web.AppKey("fallback_station_id", int)
API_ROUTES: web.AppKey[list[Route]] = web.AppKey("api_routes")
SMS_SENDER: web.AppKey[SmsSender] = web.AppKey("sms_sender")
OUTBOX_WORKER: web.AppKey[OutboxWorker] = web.AppKey("outbox_worker")
LIVE: web.AppKey[LiveHub] = web.AppKey("live")
JOBS_TASK: web.AppKey[asyncio.Task[None]] = web.AppKey("jobs_task")
METRICS: web.AppKey[BackendMetrics] = web.AppKey("metrics")
