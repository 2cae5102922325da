"""Regions and grid stations."""

from __future__ import annotations

from sqlalchemy import select

from bot.backend.api.common import index, resolve_or_404, station_record, station_view
from bot.backend.appkeys import ENGINE
from bot.backend.routing import RouteTable
from bot.backend.tables import stations
from bot.backend.validation import Field, path_id

routes = RouteTable()  # mounted by bot.backend.app (API_ROUTES)

PLACE = {"city": Field(description="城市（按职工的写法，如 青岛 / 青岛市）"),
         "district": Field(description="区县、街道或社区（如 黄岛区 / 辛安街道）")}


@routes.api("GET", "/regions/resolve", "把职工写的地名解析为地区和负责的网格工作站", query=PLACE,
     tag="places")
async def resolve(request, principal, body, query):
    if not (query["city"] or query["district"]):
        from bot.backend.errors import ApiError
        raise ApiError(400, "invalid_field", "city 和 district 至少提供一个", field="city")
    region = resolve_or_404(request, query["city"], query["district"])
    station_id = index(request).station_for(region)
    return {"region_id": region.id, "kind": region.kind, "path": index(request).path(region),
            "station": await station_record(request, station_id) if station_id else None}


@routes.api("GET", "/stations/lookup", "按地名查找最近的网格工作站", query=PLACE, tag="places")
async def lookup(request, principal, body, query):
    return (await resolve(request, principal, body, query))["station"]


@routes.api("GET", "/stations", "工作站列表（可按城市、区县筛选）", query=PLACE, tag="places")
async def list_stations(request, principal, body, query):
    async with request.app[ENGINE].connect() as conn:
        rows = (await conn.execute(select(stations).order_by(stations.c.id))).mappings().all()
    if query["city"] or query["district"]:
        region = resolve_or_404(request, query["city"], query["district"])
        regions = index(request)
        rows = [r for r in rows if region.id in {a.id for a in regions.ancestors(
            regions.by_id[r["region_id"]])} or r["region_id"] in
            {a.id for a in regions.ancestors(region)}]
    return {"stations": [station_view(r) for r in rows]}


@routes.api("GET", "/stations/{station_id}", "工作站详情", tag="places")
async def get_station(request, principal, body, query):
    return await station_record(request, path_id(request.match_info["station_id"], "station_id"))
