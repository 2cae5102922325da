"""The audit log: which staff member did what, when, to which record.

Domain code that changes data (the ticket workflow, administration) writes its entry in the
same transaction as the change (``record``). Actions of routes that other modules own
(login, transcript view, claim, hand back, close, inbox decisions, the generic ticket status
change) are recorded by ``audit_middleware`` from the route that answered, so those modules
need no audit code of their own.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date

from aiohttp import web
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.backend.appkeys import ENGINE
from bot.backend.tables import audit_log
from bot.calendar.beijing import beijing_day_start, utcnow

logger = logging.getLogger(__name__)

ACTION_NAMES = {
    "login": "登录", "login_failed": "登录失败", "logout": "退出登录",
    "transcript_view": "查看会话记录", "handoff_claim": "接手会话", "handoff_release": "交还机器人",
    "handoff_close": "结束会话", "handoff_message": "回复职工",
    "ticket_create": "建工单", "ticket_change": "更改工单",
    "ticket_acknowledge": "签收工单", "ticket_transfer": "转派工单", "ticket_return": "退回工单",
    "ticket_start": "开始处理", "ticket_resolve": "办结工单", "ticket_follow_up": "回访",
    "ticket_close": "关闭工单", "ticket_note": "工单备注", "ticket_need_info": "要求补充材料",
    "ticket_escalate": "督办",
    "staff_create": "新建账号", "staff_update": "修改账号", "staff_reset_password": "重置密码",
    "station_create": "新建工作站", "station_update": "修改工作站",
    "region_create": "新建辖区",
    "policy_create": "新建政策", "policy_update": "修改政策",
    "rule_update": "修改资格规则", "rule_create": "新建资格规则",
    "inbox_decision": "训练收件箱处理", "export": "导出数据", "retention_run": "数据保留期清理",
}

# (method, route pattern) of routes other modules own → audit action
_ROUTE_ACTIONS = {
    ("POST", "/api/v1/auth/login"): "login",
    ("POST", "/api/v1/auth/logout"): "logout",
    ("GET", "/api/v1/handoffs/{handoff_id}/transcript"): "transcript_view",
    ("POST", "/api/v1/handoffs/{handoff_id}/claim"): "handoff_claim",
    ("POST", "/api/v1/handoffs/{handoff_id}/release"): "handoff_release",
    ("POST", "/api/v1/handoffs/{handoff_id}/close"): "handoff_close",
    ("POST", "/api/v1/handoffs/{handoff_id}/messages"): "handoff_message",
    ("POST", "/api/v1/tickets"): "ticket_create",
    ("POST", "/api/v1/tickets/{ticket_id}/transitions"): "ticket_change",
    ("POST", "/api/v1/trainer/inbox/{item_id}"): "inbox_decision",
}


@dataclass(frozen=True)
class Actor:
    """Who acts, in the audit log's terms (a staff principal, the service, or a job)."""

    name: str
    staff_id: int | None = None
    role: str | None = None
    station_id: int | None = None

    @classmethod
    def of(cls, principal) -> Actor:
        if principal is None:
            return cls("anonymous")
        if principal.kind == "service":
            return cls("service", role="service")
        return cls(principal.username, principal.staff_id, principal.role, principal.station_id)


SYSTEM = Actor("system", role="system")


async def record(conn: AsyncConnection, actor: Actor, action: str, target_type: str | None = None,
                 target_id: object = None, station_id: int | None = None,
                 details: dict | None = None) -> None:
    """One entry, written with the caller's transaction (so a rolled-back change leaves none)."""
    await conn.execute(insert(audit_log).values(
        at=utcnow(), actor=actor.name, actor_staff_id=actor.staff_id, role=actor.role,
        action=action, target_type=target_type,
        target_id=None if target_id is None else str(target_id),
        station_id=station_id if station_id is not None else actor.station_id,
        details=details or None))


async def search(engine: AsyncEngine, *, actor: str | None = None, action: str | None = None,
                 target_type: str | None = None, target_id: str | None = None,
                 station_id: int | None = None, date_from: date | None = None,
                 date_to: date | None = None, page: int = 1, page_size: int = 50) -> dict:
    """Entries newest first, filtered; dates are Beijing dates, both ends included."""
    conditions = []
    if actor:
        conditions.append(audit_log.c.actor == actor)
    if action:
        conditions.append(audit_log.c.action == action)
    if target_type:
        conditions.append(audit_log.c.target_type == target_type)
    if target_id:
        conditions.append(audit_log.c.target_id == target_id)
    if station_id is not None:
        conditions.append(audit_log.c.station_id == station_id)
    if date_from:
        conditions.append(audit_log.c.at >= beijing_day_start(date_from))
    if date_to:
        conditions.append(audit_log.c.at < beijing_day_start(date_to, 1))
    async with engine.connect() as conn:
        total = (await conn.execute(select(func.count()).select_from(audit_log)
                                    .where(*conditions))).scalar()
        rows = (await conn.execute(select(audit_log).where(*conditions)
                                   .order_by(audit_log.c.id.desc())
                                   .offset((page - 1) * page_size).limit(page_size))
                ).mappings().all()
    entries = [{**dict(r), "action_name": ACTION_NAMES.get(r["action"], r["action"])}
               for r in rows]
    return {"entries": entries, "total": total, "page": page, "page_size": page_size}


def _target(request: web.Request) -> tuple[str | None, str | None]:
    info = request.match_info
    for key, kind in (("handoff_id", "handoff"), ("ticket_id", "ticket"), ("item_id", "inbox")):
        if key in info:
            return kind, info[key]
    return None, None


async def _login_name(request: web.Request) -> str:
    try:
        return str(json.loads(await request.read() or b"{}").get("username") or "")[:64]
    except (ValueError, AttributeError):
        return ""


async def _write(request: web.Request, action: str, actor: Actor,
                 details: dict | None = None) -> None:
    kind, target = _target(request)
    if action == "ticket_create" and actor.staff_id is None:
        return  # tickets the assistant files are no staff action
    try:
        async with request.app[ENGINE].begin() as conn:
            await record(conn, actor, action, kind, target, details=details)
    except Exception:  # the audit trail must never turn a done action into an error
        logger.exception("could not write the audit entry %s", action)


@web.middleware
async def audit_middleware(request: web.Request, handler) -> web.StreamResponse:
    route = request.match_info.route
    resource = getattr(route, "resource", None)
    action = _ROUTE_ACTIONS.get((request.method, resource.canonical)) if resource else None
    if action is None:
        return await handler(request)
    from bot.backend.auth import principal_for

    actor = None if action == "login" else Actor.of(await principal_for(request))
    try:
        response = await handler(request)
    except Exception as exc:
        if action == "login":
            name = await _login_name(request)
            await _write(request, "login_failed", Actor(name or "anonymous"),
                         {"reason": getattr(exc, "code", type(exc).__name__)})
        raise
    if response.status < 400:
        if action == "login":
            actor = await _actor_by_username(request, await _login_name(request))
        if actor is not None and actor.name != "anonymous":
            await _write(request, action, actor)
    return response


async def _actor_by_username(request: web.Request, username: str) -> Actor:
    from bot.backend.tables import staff

    async with request.app[ENGINE].connect() as conn:
        row = (await conn.execute(select(staff.c.id, staff.c.role, staff.c.station_id)
                                  .where(staff.c.username == username))).first()
    return Actor(username, row.id, row.role, row.station_id) if row else Actor(username)
