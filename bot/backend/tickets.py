"""Service tickets (工单): ids, idempotent creation, station routing, status history."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot import notify
from bot.backend.errors import ApiError, not_found
from bot.backend.tables import stations, ticket_counters, ticket_events, tickets

TYPES = ("school_placement", "wage_arrears", "overtime_pay", "minimum_wage",
         "relief_application", "subsidy_application", "legal_aid", "callback", "handoff",
         "psych_support", "mutual_insurance", "other")
STATUSES = ("new", "assigned", "in_progress", "resolved", "closed")
TRANSITIONS = {"new": {"assigned", "in_progress", "closed"},
               "assigned": {"in_progress", "resolved", "closed"},
               "in_progress": {"resolved", "closed", "assigned"},
               "resolved": {"closed", "in_progress"}, "closed": set()}
SLA_WORKING_DAYS = 2
# status changes the worker hears about by SMS (bot.notify.TICKET_EVENTS)
STATUS_EVENTS = {"in_progress": "accepted", "resolved": "resolved"}
_sqlite_lock = asyncio.Lock()  # SQLite has one writer: serialise id allocation in-process


def sla_due(start: datetime, working_days: int = SLA_WORKING_DAYS) -> datetime:
    """Deadline after N working days (Mon–Fri), same time of day."""
    due, left = start, working_days
    while left:
        due += timedelta(days=1)
        if due.weekday() < 5:
            left -= 1
    return due


async def _increment(conn: AsyncConnection, day: str) -> int | None:
    # UPDATE then SELECT in one transaction: the row lock (PostgreSQL) or the
    # single writer (SQLite) keeps the value ours until commit.
    result = await conn.execute(update(ticket_counters).where(ticket_counters.c.day == day)
                                .values(last=ticket_counters.c.last + 1))
    if result.rowcount == 0:
        return None
    return (await conn.execute(select(ticket_counters.c.last).where(
        ticket_counters.c.day == day))).scalar()


async def _next_id(conn: AsyncConnection, now: datetime) -> str:
    day = now.strftime("%Y%m%d")
    number = await _increment(conn, day)
    if number is None:
        try:
            async with conn.begin_nested():
                await conn.execute(insert(ticket_counters).values(day=day, last=1))
            number = 1
        except IntegrityError:  # another request created today's counter first
            number = await _increment(conn, day)
    return f"GH{day}{number:04d}"


async def get(conn: AsyncConnection, ticket_id: str) -> dict:
    row = (await conn.execute(select(tickets, stations.c.name.label("station_name"),
                                     stations.c.phone.label("station_phone"))
                              .join(stations, stations.c.id == tickets.c.station_id)
                              .where(tickets.c.id == ticket_id.upper()))).mappings().first()
    if row is None:
        raise not_found("工单")
    events = (await conn.execute(select(ticket_events).where(ticket_events.c.ticket_id == row["id"])
                                 .order_by(ticket_events.c.id))).mappings().all()
    return {**dict(row), "history": [dict(e) for e in events]}


async def create(engine: AsyncEngine, data: dict, station_id: int, key: str, actor: str) -> tuple:
    """Creates the ticket once per idempotency key; returns (ticket, created)."""
    async with engine.connect() as conn:
        existing = (await conn.execute(select(tickets.c.id).where(
            tickets.c.idempotency_key == key))).scalar()
        if existing:
            return await get(conn, existing), False
    is_sqlite = engine.dialect.name == "sqlite"
    for attempt in range(5):
        try:
            if is_sqlite:
                async with _sqlite_lock:
                    ticket_id = await _insert(engine, data, station_id, key, actor)
            else:
                ticket_id = await _insert(engine, data, station_id, key, actor)
            break
        except IntegrityError:
            async with engine.connect() as conn:
                existing = (await conn.execute(select(tickets.c.id).where(
                    tickets.c.idempotency_key == key))).scalar()
            if existing:
                async with engine.connect() as conn:
                    return await get(conn, existing), False
            if attempt == 4:
                raise
    async with engine.connect() as conn:
        return await get(conn, ticket_id), True


async def _insert(engine: AsyncEngine, data: dict, station_id: int, key: str, actor: str) -> str:
    now = datetime.utcnow()
    async with engine.begin() as conn:
        ticket_id = await _next_id(conn, now)
        await conn.execute(insert(tickets).values(
            id=ticket_id, idempotency_key=key, type=data["type"], status="assigned",
            facts=data.get("facts") or {}, contact_name=data.get("contact_name"),
            contact_phone=data.get("contact_phone"), city=data.get("city"),
            district=data.get("district"), station_id=station_id,
            conversation_id=data.get("conversation_id"), sla_due=sla_due(now),
            created_at=now, updated_at=now))
        await conn.execute(insert(ticket_events).values(
            ticket_id=ticket_id, status="new", actor=actor, at=now, note="工单创建"))
        await conn.execute(insert(ticket_events).values(
            ticket_id=ticket_id, status="assigned", actor="system", at=now,
            note="按所在地区自动分派到网格工作站"))
    return ticket_id


async def transition(engine: AsyncEngine, ticket_id: str, status: str | None, note: str | None,
                     actor: str) -> None:
    now = datetime.utcnow()
    async with engine.begin() as conn:
        current = (await conn.execute(select(tickets.c.status).where(
            tickets.c.id == ticket_id))).scalar()
        if current is None:
            raise not_found("工单")
        if status and status != current and status not in TRANSITIONS[current]:
            raise ApiError(409, "invalid_transition", f"工单状态不能从 {current} 变为 {status}",
                           field="status")
        if status:
            await conn.execute(update(tickets).where(tickets.c.id == ticket_id)
                               .values(status=status, updated_at=now))
        await conn.execute(insert(ticket_events).values(
            ticket_id=ticket_id, status=status, note=note, actor=actor, at=now))
        event = STATUS_EVENTS.get(status) if status != current else None
        if event:  # the worker's SMS, in the same transaction as the step
            row = (await conn.execute(select(tickets).where(tickets.c.id == ticket_id))).mappings().one()
            await notify.ticket_event(conn, dict(row), event)
