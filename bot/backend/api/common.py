"""Helpers the handlers share: region resolution and station lookup."""

from __future__ import annotations

from datetime import datetime

from aiohttp import web
from sqlalchemy import select

from bot.backend.appkeys import ENGINE, FALLBACK_STATION_ID, REGIONS
from bot.backend.errors import ApiError
from bot.backend.regions import Region, RegionIndex
from bot.backend.tables import stations


def index(request: web.Request) -> RegionIndex:
    return request.app[REGIONS]


def station_for_place(request: web.Request, city: str | None, district: str | None) -> int:
    """The grid station responsible for a place the worker named; places we do not know go to
    the province capital's default station (one rule for tickets and handoffs alike)."""
    regions = index(request)
    region = regions.resolve(city, district)
    station_id = regions.station_for(region) if region else None
    return station_id or request.app[FALLBACK_STATION_ID]


def resolve_or_404(request: web.Request, city: str | None, district: str | None) -> Region:
    region = index(request).resolve(city, district)
    if region is None:
        raise ApiError(404, "unknown_region",
                       f"暂时没有“{district or city or ''}”的服务信息，请提供所在的城市或区县",
                       field="district" if district else "city")
    return region


def station_view(row, now_utc: datetime | None = None) -> dict:
    """A station as the API gives it: its record, and ``open_now`` by its own hours at
    ``now_utc`` (naive UTC; now if None). Every route that returns a station builds it here:
    the list (GET /stations) once gave none, and the worker's card read that as 不在服务时间
    at 09:15 on a Monday (ZX-02)."""
    from bot.backend.handoffs import is_open

    return {**dict(row), "open_now": is_open(row["hours"] or {}, now_utc)}


async def station_record(request: web.Request, station_id: int) -> dict:
    async with request.app[ENGINE].connect() as conn:
        row = (await conn.execute(select(stations).where(stations.c.id == station_id))
               ).mappings().first()
    if row is None:
        raise ApiError(404, "not_found", "工作站不存在")
    return station_view(row)
