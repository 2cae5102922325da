"""The ticket workflow as hotline staff know it from the 12345/12351 systems.

签收 (acknowledge: the ticket is assigned to a person), 转派 (transfer to another station,
with a reason), 退回 (return to the union's dispatch, with a reason), 处理中, 办结 (with the
outcome), 回访 (the follow-up call, recorded), 关闭. Every step keeps who, when and a note
(``ticket_events``) and an audit entry, in one transaction. Overdue tickets — past their
working-day deadline and not yet resolved — are escalated (督办) to the station admins once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import String, cast, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.backend import audit
from bot.backend.audit import Actor
from bot.backend.domain_errors import Conflict, Forbidden, InvalidInput, RecordNotFound
from bot.backend.tables import staff, stations, ticket_events, tickets
from bot.calendar.beijing import beijing_day_start, utcnow
from bot.contract import TICKET_STATUS_NAMES, TICKET_TYPE_NAMES

STATUS_NAMES = TICKET_STATUS_NAMES  # the shared contract (bot/contract.py)
TYPE_NAMES = TICKET_TYPE_NAMES
DONE = ("resolved", "followed_up", "closed")  # no deadline runs any more
FOLLOW_UP_RESULTS = ("satisfied", "basically_satisfied", "unsatisfied", "unreachable")


@dataclass(frozen=True)
class Step:
    """One workflow action: its Chinese name, the states it starts from, where it leads, and
    what the staff member must give (``needs``: reason / outcome / station / note)."""

    label: str
    from_states: tuple[str, ...]
    to_status: str | None
    needs: tuple[str, ...] = ()


ACTIONS: dict[str, Step] = {
    "acknowledge": Step("签收", ("new", "assigned"), "acknowledged"),
    "transfer": Step("转派", ("new", "assigned", "acknowledged", "in_progress", "returned"),
                     "assigned", ("station", "reason")),
    "return": Step("退回", ("new", "assigned", "acknowledged", "in_progress"), "returned",
                   ("reason",)),
    "start": Step("处理中", ("assigned", "acknowledged"), "in_progress"),
    "resolve": Step("办结", ("acknowledged", "in_progress"), "resolved", ("outcome",)),
    "follow_up": Step("回访", ("resolved",), "followed_up", ("note", "result")),
    "close": Step("关闭", ("resolved", "followed_up", "returned"), "closed"),
    "need_info": Step("需补充材料", ("acknowledged", "in_progress"), None, ("note",)),
    "note": Step("备注", tuple(STATUS_NAMES), None, ("note",)),
}
# steps the worker hears about by SMS: bot.notify.ticket_event's events (satisfaction/SMS work)
WORKER_NOTICES = {"acknowledge": "accepted", "transfer": "transferred", "resolve": "resolved",
                  "need_info": "need_info"}
ADMIN_ONLY = {"close": ("returned",)}  # closing a returned ticket is the union admin's call


@dataclass(frozen=True)
class Request:
    """What the staff member filled in for a step."""

    note: str | None = None
    reason: str | None = None
    outcome: str | None = None
    station_id: int | None = None
    result: str | None = None
    assignee_staff_id: int | None = None


@dataclass(frozen=True)
class Staff:
    """The acting staff member (built from the request's principal by the route)."""

    staff_id: int | None
    username: str
    display_name: str
    role: str
    station_id: int | None

    @property
    def sees_all_stations(self) -> bool:
        return self.role in ("union_admin", "service")

    def audit_actor(self) -> Actor:
        return Actor(self.username, self.staff_id, self.role, self.station_id)


def is_overdue(row: dict, now: datetime | None = None) -> bool:
    """Past the working-day deadline and not yet resolved."""
    return row["status"] not in DONE and row["sla_due"] < (now or utcnow())


def _check_station(actor: Staff, station_id: int) -> None:
    if not actor.sees_all_stations and station_id != actor.station_id:
        raise Forbidden("无权处理其他工作站的工单")


def _require(step: Step, name: str, form: Request) -> None:
    for need in step.needs:
        value = {"reason": form.reason, "outcome": form.outcome, "station": form.station_id,
                 "note": form.note, "result": form.result}[need]
        if value in (None, ""):
            label = {"reason": "原因", "outcome": "办理结果", "station": "转派到的工作站",
                     "note": "回访记录", "result": "回访结果"}[need]
            raise InvalidInput(f"{step.label}需要填写{label}", field=need if need != "station"
                          else "station_id")
    if name == "follow_up" and form.result not in FOLLOW_UP_RESULTS:
        raise InvalidInput("回访结果只能是: " + "、".join(FOLLOW_UP_RESULTS), field="result")


async def _assignee(conn: AsyncConnection, actor: Staff, form: Request, station_id: int) -> int:
    """签收 assigns to the actor, or (station admin, union admin) to a named colleague."""
    if form.assignee_staff_id is None or form.assignee_staff_id == actor.staff_id:
        if actor.staff_id is None:
            raise InvalidInput("签收需要指定承办人", field="assignee_staff_id")
        return actor.staff_id
    if actor.role not in ("station_admin", "union_admin"):
        raise Forbidden("只有站长可以把工单分给其他人")
    row = (await conn.execute(select(staff.c.station_id, staff.c.disabled).where(
        staff.c.id == form.assignee_staff_id))).first()
    if row is None or row.disabled:
        raise RecordNotFound("承办人", field="assignee_staff_id")
    if row.station_id != station_id:
        raise InvalidInput("承办人不属于这张工单的工作站", field="assignee_staff_id")
    return form.assignee_staff_id


async def act(engine: AsyncEngine, ticket_id: str, name: str, actor: Staff,
              form: Request) -> None:
    """Performs one workflow step (raises InvalidInput / Forbidden / RecordNotFound / Conflict)."""
    step = ACTIONS.get(name)
    if step is None:
        raise RecordNotFound("操作")
    _require(step, name, form)
    now = utcnow()
    async with engine.begin() as conn:
        row = (await conn.execute(select(tickets).where(tickets.c.id == ticket_id.upper())
                                  .with_for_update())).mappings().first()
        if row is None:
            raise RecordNotFound("工单")
        _check_station(actor, row["station_id"])
        if row["status"] not in step.from_states:
            raise Conflict(f"工单当前为“{STATUS_NAMES.get(row['status'], row['status'])}”，"
                           f"不能{step.label}", field="status", code="invalid_transition")
        if row["status"] in ADMIN_ONLY.get(name, ()) and actor.role != "union_admin":
            raise Forbidden("退回的工单由总工会关闭或转派")
        values: dict = {"updated_at": now}
        details: dict = {}
        if step.to_status:
            values["status"] = step.to_status
        if name == "acknowledge":
            values["assignee_staff_id"] = await _assignee(conn, actor, form, row["station_id"])
            details["assignee_staff_id"] = values["assignee_staff_id"]
        elif name == "transfer":
            if form.station_id == row["station_id"]:
                raise InvalidInput("工单已经在这个工作站", field="station_id")
            if (await conn.execute(select(stations.c.id).where(
                    stations.c.id == form.station_id))).scalar() is None:
                raise RecordNotFound("工作站", field="station_id")
            values.update(station_id=form.station_id, assignee_staff_id=None)
            details.update(from_station_id=row["station_id"], to_station_id=form.station_id)
        elif name == "return":
            values["assignee_staff_id"] = None
        elif name == "resolve":
            values.update(outcome=form.outcome, resolved_at=now)
        elif name == "follow_up":
            details["result"] = form.result
        elif name == "close":
            values["closed_at"] = now
        if name == "start" and row["assignee_staff_id"] is None and actor.staff_id:
            values["assignee_staff_id"] = actor.staff_id  # 处理中 without 签收: it is theirs
        note = "；".join(x for x in (form.reason, form.outcome, form.note) if x) or step.label
        await conn.execute(update(tickets).where(tickets.c.id == row["id"]).values(**values))
        await conn.execute(insert(ticket_events).values(
            ticket_id=row["id"], status=step.to_status, note=note, actor=actor.display_name,
            at=now, action=name, actor_staff_id=actor.staff_id, details=details or None))
        await audit.record(conn, actor.audit_actor(), f"ticket_{name}", "ticket", row["id"],
                           row["station_id"], {"note": note, **details})
        if name in WORKER_NOTICES:
            await notify_worker(conn, row["id"], WORKER_NOTICES[name], form.note)


async def notify_worker(conn: AsyncConnection, ticket_id: str, event: str,
                        note: str | None) -> None:
    """HOOK for the SMS notifications: queues the worker's SMS in the step's own transaction
    through ``bot.notify.ticket_event`` when that module is present (it comes with the
    notifications work); without it the step simply sends nothing."""
    try:
        from bot import notify
    except ImportError:
        return
    ticket_event = getattr(notify, "ticket_event", None)
    if ticket_event is None:
        return
    row = (await conn.execute(select(tickets).where(tickets.c.id == ticket_id))).mappings().one()
    await ticket_event(conn, dict(row), event, note if event == "need_info" else None)


async def escalate_overdue(engine: AsyncEngine, now: datetime | None = None) -> list[str]:
    """督办: every overdue ticket not yet escalated gets an escalation event naming the
    station admins it goes to; returns the ids. Run by the scheduler and on demand."""
    now = now or utcnow()
    escalated: list[str] = []
    async with engine.begin() as conn:
        rows = (await conn.execute(select(tickets.c.id, tickets.c.station_id, tickets.c.sla_due)
                                   .where(tickets.c.status.notin_(DONE),
                                          tickets.c.sla_due < now,
                                          tickets.c.escalated_at.is_(None)))).all()
        for row in rows:
            admins = (await conn.execute(select(staff.c.display_name).where(
                staff.c.station_id == row.station_id, staff.c.role == "station_admin",
                staff.c.disabled.isnot(True)))).scalars().all()
            to = "、".join(admins) or "总工会"
            note = f"已超过办理时限，督办：请站长（{to}）督促办理"
            await conn.execute(update(tickets).where(tickets.c.id == row.id)
                               .values(escalated_at=now))
            await conn.execute(insert(ticket_events).values(
                ticket_id=row.id, status=None, note=note, actor="系统督办", at=now,
                action="escalate", details={"station_admins": list(admins)}))
            await audit.record(conn, audit.SYSTEM, "ticket_escalate", "ticket", row.id,
                               row.station_id, {"station_admins": list(admins)})
            escalated.append(row.id)
    return escalated


@dataclass(frozen=True)
class Filters:
    """What station staff search tickets by (dates are Beijing dates, both ends included)."""

    station_id: int | None = None
    status: str | None = None
    type: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    overdue: bool | None = None
    escalated: bool | None = None
    assignee_staff_id: int | None = None
    text: str | None = None


def _conditions(filters: Filters, now: datetime) -> list:
    c = tickets.c
    out = []
    if filters.station_id is not None:
        out.append(c.station_id == filters.station_id)
    if filters.status:
        out.append(c.status == filters.status)
    if filters.type:
        out.append(c.type == filters.type)
    if filters.date_from:
        out.append(c.created_at >= beijing_day_start(filters.date_from))
    if filters.date_to:
        out.append(c.created_at < beijing_day_start(filters.date_to, 1))
    if filters.overdue is not None:
        late = (c.status.notin_(DONE)) & (c.sla_due < now)
        out.append(late if filters.overdue else ~late)
    if filters.escalated is not None:
        out.append(c.escalated_at.isnot(None) if filters.escalated else c.escalated_at.is_(None))
    if filters.assignee_staff_id is not None:
        out.append(c.assignee_staff_id == filters.assignee_staff_id)
    if filters.text:
        text = filters.text.strip()
        # facts are stored as JSON text with non-ASCII escaped: search that form too
        escaped = json.dumps(text)[1:-1]
        like = f"%{text}%"
        out.append(or_(c.id.ilike(like), c.contact_name.ilike(like),
                       c.contact_phone.ilike(like), c.district.ilike(like),
                       c.city.ilike(like), c.outcome.ilike(like),
                       cast(c.facts, String).ilike(like),
                       cast(c.facts, String).ilike(f"%{escaped}%", escape="~"),
                       c.id.in_(select(ticket_events.c.ticket_id).where(
                           ticket_events.c.note.ilike(like)))))
    return out


async def search(engine: AsyncEngine, filters: Filters, page: int = 1,
                 page_size: int = 20) -> dict:
    """One page of tickets, newest first, with the total for the pager."""
    now = utcnow()
    conditions = _conditions(filters, now)
    assignee = staff.alias("assignee")
    stmt = (select(tickets, stations.c.name.label("station_name"),
                   assignee.c.display_name.label("assignee_name"))
            .join(stations, stations.c.id == tickets.c.station_id)
            .outerjoin(assignee, assignee.c.id == tickets.c.assignee_staff_id)
            .where(*conditions).order_by(tickets.c.created_at.desc(), tickets.c.id.desc())
            .offset((page - 1) * page_size).limit(page_size))
    async with engine.connect() as conn:
        total = (await conn.execute(select(func.count()).select_from(tickets)
                                    .where(*conditions))).scalar()
        rows = (await conn.execute(stmt)).mappings().all()
    items = [{**dict(r), "overdue": is_overdue(r, now),
              "status_name": STATUS_NAMES.get(r["status"], r["status"])} for r in rows]
    return {"tickets": items, "total": total, "page": page, "page_size": page_size,
            "pages": max(1, -(-total // page_size))}


def vocabulary() -> dict:
    """Statuses and actions with their Chinese names, for the console."""
    return {"statuses": STATUS_NAMES, "types": TYPE_NAMES,
            "actions": {name: {"label": s.label, "from": list(s.from_states), "to": s.to_status,
                               "needs": list(s.needs)} for name, s in ACTIONS.items()},
            "follow_up_results": {"satisfied": "满意", "basically_satisfied": "基本满意",
                                  "unsatisfied": "不满意", "unreachable": "未联系上"}}
