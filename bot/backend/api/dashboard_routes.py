"""Dashboards and export: figures for a date range (union admin: all or one station; station
staff: their own), CSV and Excel files of the figures and of the tickets."""

from __future__ import annotations

from aiohttp import web

from bot.backend import audit, dashboard, export, workflow
from bot.backend.api.workflow_routes import SEARCH, filters_of, parse_date
from bot.backend.appkeys import ENGINE, SETTINGS
from bot.backend.audit import Actor
from bot.backend.domain_errors import Forbidden
from bot.backend.routing import RouteTable
from bot.backend.validation import Field

routes = RouteTable()  # mounted by bot.backend.app (API_ROUTES)

VIEWERS = "station_staff|station_admin|union_admin"
RANGE = {"date_from": Field(pattern=r"\d{4}-\d{2}-\d{2}", description="北京时间日期，默认 30 天前"),
         "date_to": Field(pattern=r"\d{4}-\d{2}-\d{2}", description="默认今天"),
         "station_id": Field("integer")}
FORMAT = Field(choices=("csv", "xlsx"), default="csv")
EXPORT_LIMIT = 10000


def _range(principal, query) -> dashboard.Range:
    station_id = query.get("station_id")
    if principal.role != "union_admin" and principal.kind != "service":
        if station_id not in (None, principal.station_id):
            raise Forbidden("只能查看本站的统计")
        station_id = principal.station_id
    default = dashboard.Range.default(station_id)
    first = parse_date(query.get("date_from"), "date_from") or default.first
    last = parse_date(query.get("date_to"), "date_to") or default.last
    return dashboard.Range(first, last, station_id)


@routes.api("GET", "/dashboard", "统计看板：工单（按日、类型、工作站）、时限内办结率、转人工等待、机器人独立解决率、"
     "未听懂比例、常见意图、满意度", auth=VIEWERS, query=RANGE, tag="dashboard")
async def figures(request, principal, body, query):
    return await dashboard.figures(request.app[ENGINE], _range(principal, query),
                                   request.app[SETTINGS].tracker_db)


async def _file(request, principal, name: str, tables, fmt: str) -> web.Response:
    async with request.app[ENGINE].begin() as conn:
        await audit.record(conn, Actor.of(principal), "export", name, None,
                           details={"format": fmt, "query": dict(request.query)})
    return web.Response(body=export.render(tables, fmt), headers={
        "Content-Type": export.CONTENT_TYPES[fmt],
        "Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


@routes.api("GET", "/dashboard/export", "导出统计数字（CSV 或 Excel）", auth=VIEWERS,
     query={**RANGE, "format": FORMAT}, tag="dashboard")
async def export_figures(request, principal, body, query):
    data = await dashboard.figures(request.app[ENGINE], _range(principal, query),
                                   request.app[SETTINGS].tracker_db)
    return await _file(request, principal, "figures", dashboard.figure_rows(data),
                       query["format"])


@routes.api("GET", "/ticket-export", "导出工单（筛选条件同工单检索，最多 10000 张；CSV 或 Excel）",
     auth=VIEWERS, query={**{k: v for k, v in SEARCH.items() if k not in ("page", "page_size")},
                          "format": FORMAT}, tag="dashboard")
async def export_tickets(request, principal, body, query):
    found = await workflow.search(request.app[ENGINE], filters_of(principal, query), 1,
                                  EXPORT_LIMIT)
    return await _file(request, principal, "tickets", [export.ticket_table(found["tickets"])],
                       query["format"])
