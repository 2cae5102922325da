"""Policies by service and region (falls back from district to city, province, national)."""

from __future__ import annotations

from sqlalchemy import select

from bot.backend.api.common import index, resolve_or_404
from bot.backend.appkeys import ENGINE
from bot.backend.routing import RouteTable
from bot.backend.tables import policies
from bot.backend.validation import Field

routes = RouteTable()  # mounted by bot.backend.app (API_ROUTES)

SERVICES = ("school_placement", "wage_arrears", "overtime", "minimum_wage", "holiday_subsidy",
            "relief", "mutual_insurance", "legal_aid", "psych_support", "childcare",
            "skills_training", "find_station")


@routes.api("GET", "/policies", "查询某项服务在某地适用的政策（本地优先，无则上级或全国）", query={
    "service": Field(required=True, choices=SERVICES), "city": Field(), "district": Field()},
    tag="policies")
async def list_policies(request, principal, body, query):
    async with request.app[ENGINE].connect() as conn:
        rows = (await conn.execute(select(policies).where(
            policies.c.service == query["service"]))).mappings().all()
    region = None
    if query["city"] or query["district"]:
        region = resolve_or_404(request, query["city"], query["district"])
    regions = index(request)
    chain = [r.id for r in regions.ancestors(region)] if region else []
    applicable = [r for r in rows if r["region_id"] is None or r["region_id"] in chain]
    # most local first: position in the ancestor chain; national last
    applicable.sort(key=lambda r: chain.index(r["region_id"]) if r["region_id"] in chain
                    else len(chain))
    return {"service": query["service"], "region": regions.path(region) if region else None,
            "region_known": region is not None, "policies": [dict(r) for r in applicable]}


@routes.api("GET", "/minimum-wages", "某城市的最低工资标准（含生效日期和来源）", query={
    "city": Field(required=True), "district": Field()}, tag="policies")
async def minimum_wage(request, principal, body, query):
    result = await list_policies(request, principal, None, {"service": "minimum_wage", **query})
    local = [p for p in result["policies"] if p["region_id"] is not None]
    return {"region": result["region"], "found": bool(local),
            "minimum_wage": local[0] if local else None}
