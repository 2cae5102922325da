"""Tickets: created by the assistant, worked by station staff."""

from __future__ import annotations

from sqlalchemy import select

from bot.backend import tickets, workers
from bot.backend.api.common import index, station_for_place
from bot.backend.appkeys import ENGINE, SETTINGS
from bot.backend.errors import ApiError
from bot.backend.routing import RouteTable
from bot.backend.tables import tickets as tickets_table
from bot.backend.validation import Field

routes = RouteTable()  # mounted by bot.backend.app (API_ROUTES)

CREATE = {
    "type": Field(required=True, choices=tickets.TYPES),
    "facts": Field("object", default={}), "contact_name": Field(max_length=64),
    "contact_phone": Field(format="phone"), "city": Field(max_length=64),
    "district": Field(max_length=64), "conversation_id": Field(max_length=128),
    "station_id": Field("integer", description="指定工作站（默认按地区自动分派）"),
}


def _idempotency_key(request) -> str:
    key = request.headers.get("Idempotency-Key", "").strip()
    if not key or len(key) > 128:
        raise ApiError(400, "invalid_field", "缺少 Idempotency-Key 请求头（1–128 个字符）",
                       field="Idempotency-Key")
    return key


def _station_for(request, body: dict) -> int:
    if body["station_id"]:
        return body["station_id"]
    return station_for_place(request, body["city"], body["district"])


async def _related_station(request, body: dict) -> int | None:
    """A ticket that adds to another (facts.related_ticket) with no place of its own goes to
    the station that holds the first (ZR-12: an addition to a 辛安 ticket went to 青岛's centre,
    and the worker asked why it now had to run to two places)."""
    related = (body["facts"] or {}).get("related_ticket")
    if body["station_id"] or body["city"] or body["district"] or not isinstance(related, str):
        return None
    async with request.app[ENGINE].connect() as conn:
        row = (await conn.execute(select(tickets_table.c.station_id)
                                  .where(tickets_table.c.id == related[:16]))).first()
    return row.station_id if row else None


def _place_known(request, body: dict) -> bool:
    """The worker's place is one we hold (四川南充 is not: the ticket goes to the fallback
    station, and the worker is told so rather than routed there silently)."""
    if body["station_id"] or not (body["city"] or body["district"]):
        return True
    return index(request).resolve(body["city"], body["district"]) is not None


@routes.api("POST", "/tickets", "创建工单（Idempotency-Key 相同的重复请求只建一张）", body=CREATE,
     tag="tickets")
async def create(request, principal, body, query):
    key = _idempotency_key(request)
    caller = "service" if principal.kind == "service" else f"staff:{principal.staff_id}"
    station = await _related_station(request, body) or _station_for(request, body)
    ticket, created = await tickets.create(request.app[ENGINE], body, station,
                                           key, principal.username, caller)
    return {**ticket, "_created": created, "place_known": _place_known(request, body)}


@routes.api("GET", "/tickets/{ticket_id}", "工单详情（工作人员只能看本站工单）", tag="tickets")
async def get_ticket(request, principal, body, query):
    async with request.app[ENGINE].connect() as conn:
        ticket = await tickets.get(conn, request.match_info["ticket_id"])
    principal.check_station(ticket["station_id"])
    return ticket


@routes.api("POST", "/tickets/{ticket_id}/status-check",
     "职工查询工单进度：手机号须与登记的一致，只回答状态；附上该手机号的有效验证码（code）才给出工作站和最新进展。"
     "同一手机号或会话查错过多 429", auth="service", body={
         "phone": Field(required=True, format="phone"),
         "conversation_id": Field(max_length=512, description="查询的会话（按会话限流，只存散列）"),
         "code": Field(pattern=r"\d{6}", description="该手机号的一次性验证码（可选）")},
     tag="tickets")
async def status_check(request, principal, body, query):
    engine, secret = request.app[ENGINE], request.app[SETTINGS].session_secret
    ticket = await tickets.find_for_contact(engine, request.match_info["ticket_id"], body["phone"],
                                            body["conversation_id"], secret)
    answer = {"id": ticket["id"], "status": ticket["status"], "sla_due": ticket["sla_due"],
              "verified": False}
    if not body["code"]:
        return answer
    await workers.check_code(engine, body["phone"], body["code"], secret)
    last_note = next((e["note"] for e in reversed(ticket["history"]) if e["note"]), None)
    return {**answer, "verified": True, "type": ticket["type"],
            "station_name": ticket["station_name"], "station_phone": ticket["station_phone"],
            "updated_at": ticket["updated_at"], "last_note": last_note}


@routes.api("POST", "/tickets/{ticket_id}/contact-phone",
            "职工更换工单的联系电话：登记该工单的会话可直接更正；其他会话须附上登记时的手机号（old_phone），"
            "与查询进度同一套核对和限流（对不上 404，查错过多 429）", auth="service", body={
                "conversation_id": Field(required=True, max_length=128),
                "phone": Field(required=True, format="phone"),
                "old_phone": Field(format="phone", description="登记工单时留的手机号（从其他会话更换时必填）")},
            tag="tickets")
async def change_contact_phone(request, principal, body, query):
    ticket = await tickets.change_contact_phone(
        request.app[ENGINE], request.match_info["ticket_id"], body["conversation_id"],
        body["phone"], principal.username, old_phone=body["old_phone"],
        key=request.app[SETTINGS].session_secret)
    return {"id": ticket["id"], "contact_phone": ticket["contact_phone"],
            "station_name": ticket["station_name"]}


@routes.api("POST", "/tickets/{ticket_id}/worker-notes",
            "职工给刚登记的工单留言（方便接电话的时间、催办）：只接受登记该工单的会话，其他一律 404；"
            "同一句话只记一次", auth="service", body={
                "conversation_id": Field(required=True, max_length=128),
                "note": Field(required=True, max_length=300)}, tag="tickets")
async def add_worker_note(request, principal, body, query):
    ticket = await tickets.add_worker_note(
        request.app[ENGINE], request.match_info["ticket_id"], body["conversation_id"],
        body["note"], principal.username)
    return {"id": ticket["id"], "status": ticket["status"], "sla_due": ticket["sla_due"],
            "station_name": ticket["station_name"], "station_phone": ticket["station_phone"]}


@routes.api("GET", "/tickets", "工单列表（工作人员默认本站）", auth="any", query={
    "station_id": Field("integer"), "status": Field(choices=tickets.STATUSES),
    "limit": Field("integer", minimum=1, maximum=500, default=100)}, tag="tickets")
async def list_tickets(request, principal, body, query):
    station_id = query["station_id"] or (None if principal.sees_all_stations
                                         else principal.station_id)
    if station_id is not None:
        principal.check_station(station_id)
    stmt = select(tickets_table).order_by(tickets_table.c.created_at.desc()).limit(query["limit"])
    if station_id is not None:
        stmt = stmt.where(tickets_table.c.station_id == station_id)
    if query["status"]:
        stmt = stmt.where(tickets_table.c.status == query["status"])
    async with request.app[ENGINE].connect() as conn:
        rows = (await conn.execute(stmt)).mappings().all()
    return {"tickets": [dict(r) for r in rows]}


@routes.api("POST", "/tickets/{ticket_id}/transitions", "更改工单状态和/或添加备注", auth="any", body={
    "status": Field(choices=tickets.STATUSES), "note": Field(max_length=2000)}, tag="tickets")
async def transition(request, principal, body, query):
    if not (body["status"] or body["note"]):
        raise ApiError(400, "invalid_field", "status 和 note 至少提供一个", field="status")
    ticket = await get_ticket(request, principal, None, None)
    await tickets.transition(request.app[ENGINE], ticket["id"], body["status"], body["note"],
                             principal.display_name)
    return await get_ticket(request, principal, None, None)
