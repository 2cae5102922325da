"""The handoff queue of each station."""

from __future__ import annotations

from sqlalchemy import select

from bot.backend import handoffs
from bot.backend.api.common import index
from bot.backend.errors import ApiError, not_found
from bot.backend.routing import api
from bot.backend.tables import handoffs as handoffs_table
from bot.backend.validation import Field


@api("POST", "/handoffs", "把会话转入所在工作站的人工队列（同一会话重复请求返回同一记录）",
     auth="service", body={
         "conversation_id": Field(required=True, max_length=128), "city": Field(),
         "district": Field(), "reason": Field(default="worker_request", max_length=64),
         "channel": Field(default="socketio", max_length=32)}, tag="handoffs")
async def create(request, principal, body, query):
    regions = index(request)
    region = regions.resolve(body["city"], body["district"])
    station_id = (regions.station_for(region) if region else None) \
        or request.app["fallback_station_id"]
    record, created = await handoffs.open_handoff(
        request.app["engine"], body["conversation_id"], station_id, body["reason"],
        body["channel"])
    return {**record, "_created": created}


async def _record(request, principal) -> dict:
    try:
        handoff_id = int(request.match_info["handoff_id"])
    except ValueError:
        raise not_found("转人工记录") from None
    record = await handoffs.describe(request.app["engine"], handoff_id)
    principal.check_station(record["station_id"])
    return record


@api("GET", "/handoffs", "工作站的人工队列", query={
    "station_id": Field("integer"), "state": Field(choices=("waiting", "active", "released",
                                                          "closed"))}, tag="handoffs")
async def list_handoffs(request, principal, body, query):
    station_id = query["station_id"] or (None if principal.sees_all_stations
                                         else principal.station_id)
    if station_id is not None:
        principal.check_station(station_id)
    stmt = select(handoffs_table.c.id).order_by(handoffs_table.c.id)
    if station_id is not None:
        stmt = stmt.where(handoffs_table.c.station_id == station_id)
    stmt = stmt.where(handoffs_table.c.state == query["state"]) if query["state"] else \
        stmt.where(handoffs_table.c.state.in_(handoffs.OPEN_STATES))
    async with request.app["engine"].connect() as conn:
        ids = (await conn.execute(stmt)).scalars().all()
    return {"handoffs": [await handoffs.describe(request.app["engine"], i) for i in ids]}


@api("GET", "/handoffs/by-conversation/{conversation_id}", "某会话当前的转人工记录",
     tag="handoffs")
async def by_conversation(request, principal, body, query):
    async with request.app["engine"].connect() as conn:
        handoff_id = (await conn.execute(
            select(handoffs_table.c.id).where(
                handoffs_table.c.conversation_id == request.match_info["conversation_id"])
            .order_by(handoffs_table.c.id.desc()).limit(1))).scalar()
    if handoff_id is None:
        raise not_found("转人工记录")
    record = await handoffs.describe(request.app["engine"], handoff_id)
    principal.check_station(record["station_id"])
    return record


def _action(name: str, summary: str):
    @api("POST", f"/handoffs/{{handoff_id}}/{name}", summary, auth="staff", body={}, tag="handoffs")
    async def handler(request, principal, body, query):
        await _record(request, principal)
        return await handoffs.change(request.app["engine"], int(request.match_info["handoff_id"]),
                                     name, principal.staff_id)
    handler.__name__ = name
    return handler


claim = _action("claim", "工作人员接手会话")
release = _action("release", "交还给机器人")
close = _action("close", "结束会话")
_ = ApiError
