"""Service tickets (工单): ids, idempotent creation, station routing, status history."""

from __future__ import annotations

import asyncio
import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot import notify
from bot.backend import ratelimit
from bot.backend.errors import (
    IdempotencyConflict,
    InvalidInput,
    InvalidTransition,
    RateLimited,
    TicketNotFound,
)
from bot.backend.handoffs import next_opening
from bot.backend.tables import stations, ticket_counters, ticket_events, tickets
from bot.calendar.beijing import to_beijing, to_utc_naive
from bot.calendar.workdays import add_working_days
from bot.contract import TICKET_STATUSES, TICKET_TYPES, URGENT_CALLBACK_REASONS

TYPES = TICKET_TYPES  # the shared contract (bot/contract.py)
STATUSES = TICKET_STATUSES  # the workflow's steps: bot/backend/workflow.py
TRANSITIONS = {"new": {"assigned", "acknowledged", "in_progress", "closed"},
               "assigned": {"acknowledged", "in_progress", "resolved", "returned", "closed"},
               "acknowledged": {"in_progress", "resolved", "returned", "assigned", "closed"},
               "in_progress": {"resolved", "closed", "assigned", "returned"},
               "returned": {"assigned", "closed"},
               "resolved": {"followed_up", "closed", "in_progress"},
               "followed_up": {"closed", "in_progress"}, "closed": set()}
SLA_WORKING_DAYS = 2
# status changes the worker hears about by SMS (bot.notify.TICKET_EVENTS)
STATUS_EVENTS = {"in_progress": "accepted", "resolved": "resolved"}
_sqlite_lock = asyncio.Lock()  # SQLite has one writer: serialise id allocation in-process


def sla_due(start: datetime, working_days: int = SLA_WORKING_DAYS) -> datetime:
    """Deadline (naive UTC) after N working days of China's calendar, at the same Beijing time
    of day: statutory holidays and breaks do not count, make-up working weekends do."""
    local = to_beijing(start)
    due_day = add_working_days(local.date(), working_days)
    return to_utc_naive(datetime.combine(due_day, local.time().replace(tzinfo=None)))


def due_at(data: dict, station_hours: dict | None, now: datetime) -> datetime:
    """The ticket's deadline: a crisis callback at the station's next opening (a worker in
    danger is called first thing), every other ticket after SLA_WORKING_DAYS."""
    reason = (data.get("facts") or {}).get("reason")
    if data.get("type") == "callback" and reason in URGENT_CALLBACK_REASONS:
        opening = next_opening(station_hours or {}, now)
        if opening is not None:
            return opening
    return sla_due(now)


async def _increment(conn: AsyncConnection, day: str) -> int | None:
    # UPDATE then SELECT in one transaction: the row lock (PostgreSQL) or the
    # single writer (SQLite) keeps the value ours until commit.
    result = await conn.execute(update(ticket_counters).where(ticket_counters.c.day == day)
                                .values(last=ticket_counters.c.last + 1))
    if result.rowcount == 0:
        return None
    return (await conn.execute(select(ticket_counters.c.last).where(
        ticket_counters.c.day == day))).scalar()


def id_day(now: datetime) -> str:
    """The date part of a ticket id: the Beijing date (a ticket filed at 03:00 Beijing on
    1 October is GH20261001…, not the UTC day before)."""
    return to_beijing(now).strftime("%Y%m%d")


async def _next_id(conn: AsyncConnection, now: datetime) -> str:
    day = id_day(now)
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
        raise TicketNotFound()
    events = (await conn.execute(select(ticket_events).where(ticket_events.c.ticket_id == row["id"])
                                 .order_by(ticket_events.c.id))).mappings().all()
    return {**dict(row), "history": [dict(e) for e in events]}


async def find_for_contact(engine: AsyncEngine, ticket_id: str, phone: str,
                           sender: str | None, key: str) -> dict:
    """The ticket, if ``phone`` is its contact phone. Misses are counted per phone and per
    sender (committed before raising): past the limit even a right guess gets
    ``RateLimited``, so ticket ids cannot be enumerated. Otherwise ``TicketNotFound`` — the
    same for "no such ticket" and "not your ticket"."""
    limits = ((ratelimit.STATUS_MISSES_PER_PHONE, phone),
              (ratelimit.STATUS_MISSES_PER_SENDER, sender))
    now = datetime.utcnow()
    async with engine.begin() as conn:
        for limit, subject in limits:
            if await ratelimit.exceeded(conn, limit, subject, key, now):
                raise RateLimited("查询次数太多，请一小时后再试，或拨打 12351 职工服务热线",
                                  limit.retry_after)
        try:
            ticket = await get(conn, ticket_id)
        except TicketNotFound:
            ticket = None
        if ticket is not None and ticket["contact_phone"] == phone:
            return ticket
        for limit, subject in limits:
            await ratelimit.record(conn, limit, subject, key, now)
    raise TicketNotFound("没有找到与这个手机号对应的工单")


def scoped_key(caller: str, key: str) -> str:
    """The stored form of an Idempotency-Key: a key names a case only for the caller who sent
    it, so another principal replaying it never reaches somebody else's ticket."""
    return hashlib.sha256(f"{caller}\0{key}".encode()).hexdigest()


def request_fingerprint(data: dict, station_id: int) -> str:
    """What the request asked for: the same key with a different body is a conflict."""
    canonical = json.dumps({"data": data, "station_id": station_id}, sort_keys=True,
                           ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


async def _replay(conn: AsyncConnection, stored_key: str, fingerprint: str) -> dict | None:
    """The ticket an earlier identical request created; ``IdempotencyConflict`` if the earlier
    request under this key asked for something else."""
    row = (await conn.execute(select(tickets.c.id, tickets.c.idempotency_fingerprint).where(
        tickets.c.idempotency_key == stored_key))).first()
    if row is None:
        return None
    if row.idempotency_fingerprint not in (None, fingerprint):
        raise IdempotencyConflict()
    return await get(conn, row.id)


async def create(engine: AsyncEngine, data: dict, station_id: int, key: str, actor: str,
                 caller: str = "service") -> tuple:
    """Creates the ticket once per (caller, idempotency key); returns (ticket, created).

    Raises ``IdempotencyConflict`` for a reused key with another body and ``InvalidInput``
    for a station that does not exist (nothing is stored then)."""
    stored_key, fingerprint = scoped_key(caller, key), request_fingerprint(data, station_id)
    async with engine.connect() as conn:
        earlier = await _replay(conn, stored_key, fingerprint)
        if earlier:
            return earlier, False
    is_sqlite = engine.dialect.name == "sqlite"
    for attempt in range(5):
        try:
            if is_sqlite:
                async with _sqlite_lock:
                    ticket_id = await _insert(engine, data, station_id, stored_key, fingerprint,
                                              actor)
            else:
                ticket_id = await _insert(engine, data, station_id, stored_key, fingerprint, actor)
            break
        except IntegrityError:
            async with engine.connect() as conn:
                earlier = await _replay(conn, stored_key, fingerprint)
            if earlier:
                return earlier, False
            if attempt == 4:
                raise
    async with engine.connect() as conn:
        return await get(conn, ticket_id), True


async def _insert(engine: AsyncEngine, data: dict, station_id: int, key: str, fingerprint: str,
                  actor: str) -> str:
    now = datetime.utcnow()
    async with engine.begin() as conn:
        station = (await conn.execute(select(stations.c.id, stations.c.hours).where(
            stations.c.id == station_id))).first()
        if station is None:  # raised inside: this transaction must store nothing
            raise InvalidInput("工作站不存在", field="station_id")
        ticket_id = await _next_id(conn, now)
        await conn.execute(insert(tickets).values(
            id=ticket_id, idempotency_key=key, idempotency_fingerprint=fingerprint,
            type=data["type"], status="assigned",
            facts=data.get("facts") or {}, contact_name=data.get("contact_name"),
            contact_phone=data.get("contact_phone"), city=data.get("city"),
            district=data.get("district"), station_id=station_id,
            conversation_id=data.get("conversation_id"), sla_due=due_at(data, station.hours, now),
            created_at=now, updated_at=now))
        await conn.execute(insert(ticket_events).values(
            ticket_id=ticket_id, status="new", actor=actor, at=now, note="工单创建"))
        await conn.execute(insert(ticket_events).values(
            ticket_id=ticket_id, status="assigned", actor="system", at=now,
            note="按所在地区自动分派到网格工作站"))
    return ticket_id


async def _filed_by(conn: AsyncConnection, ticket_id: str, conversation_id: str, *columns: Any) -> Any:
    """The ticket's row (``columns``) when ``conversation_id`` filed it; anyone else gets
    ``TicketNotFound``, the same answer as for no such ticket."""
    row = (await conn.execute(select(tickets.c.conversation_id, *columns)
                              .where(tickets.c.id == ticket_id.upper()))).first()
    if row is None or not conversation_id or row.conversation_id != conversation_id:
        raise TicketNotFound()
    return row


async def change_contact_phone(engine: AsyncEngine, ticket_id: str, conversation_id: str,
                               phone: str, actor: str, old_phone: str | None = None,
                               key: str = "") -> dict:
    """The worker corrects the phone they gave (电话说错了 是139…) right after filing, from the
    conversation that filed the ticket; or later, from another conversation, naming the phone
    the ticket was filed with (``old_phone``: the status check's proof, its misses counted the
    same way — YV-13, 那个号不用了 换成139…). Anyone else gets ``TicketNotFound``, the same answer
    as for no such ticket. The old number stays in the ticket's history (masked) for the staff;
    the same phone again changes nothing and writes nothing."""
    if old_phone is not None:
        try:
            await find_for_contact(engine, ticket_id, old_phone, conversation_id, key)
        except TicketNotFound:
            # already changed to ``phone`` (a retry after a lost answer — XB-9 was told 对不上
            # while the change had been made): the same answer, and the same miss counting
            return await find_for_contact(engine, ticket_id, phone, conversation_id, key)
    now = datetime.utcnow()
    async with engine.begin() as conn:
        if old_phone is None:
            row = await _filed_by(conn, ticket_id, conversation_id, tickets.c.contact_phone)
        else:
            row = (await conn.execute(select(tickets.c.contact_phone)
                                      .where(tickets.c.id == ticket_id.upper()))).first()
        if row.contact_phone != phone:
            old = row.contact_phone or ""
            how = "职工更正联系电话" if old_phone is None else "职工在另一个对话中核对工单号和原手机号后更换联系电话"
            await conn.execute(update(tickets).where(tickets.c.id == ticket_id.upper())
                               .values(contact_phone=phone, updated_at=now))
            await conn.execute(insert(ticket_events).values(
                ticket_id=ticket_id.upper(), status=None, actor=actor, at=now,
                note=f"{how}（原号码尾号 {old[-4:] or '无'}）"))
        return await get(conn, ticket_id)


async def add_worker_note(engine: AsyncEngine, ticket_id: str, conversation_id: str, note: str,
                          actor: str) -> dict:
    """What the worker adds to the ticket they just filed (中午12点到1点方便接电话 / 开学前能
    快点吗): written to its history for the staff, only from the conversation that filed it —
    anyone else gets ``TicketNotFound``. The same note twice is written once."""
    text = f"职工留言：{note.strip()[:300]}"
    async with engine.begin() as conn:
        await _filed_by(conn, ticket_id, conversation_id)
        said = (await conn.execute(select(ticket_events.c.id).where(
            ticket_events.c.ticket_id == ticket_id.upper(), ticket_events.c.note == text))).first()
        if said is None:
            now = datetime.utcnow()
            await conn.execute(update(tickets).where(tickets.c.id == ticket_id.upper())
                               .values(updated_at=now))
            await conn.execute(insert(ticket_events).values(
                ticket_id=ticket_id.upper(), status=None, actor=actor, at=now, note=text))
        return await get(conn, ticket_id)


async def transition(engine: AsyncEngine, ticket_id: str, status: str | None, note: str | None,
                     actor: str) -> None:
    now = datetime.utcnow()
    async with engine.begin() as conn:
        current = (await conn.execute(select(tickets.c.status).where(
            tickets.c.id == ticket_id))).scalar()
        if current is None:
            raise TicketNotFound()
        if status and status != current and status not in TRANSITIONS[current]:
            raise InvalidTransition(f"工单状态不能从 {current} 变为 {status}")
        if status:
            stamps = {"resolved": {"resolved_at": now}, "closed": {"closed_at": now}}
            await conn.execute(update(tickets).where(tickets.c.id == ticket_id)
                               .values(status=status, updated_at=now, **stamps.get(status, {})))
        await conn.execute(insert(ticket_events).values(
            ticket_id=ticket_id, status=status, note=note, actor=actor, at=now))
        event = STATUS_EVENTS.get(status) if status and status != current else None
        if event:  # the worker's SMS, in the same transaction as the step
            row = (await conn.execute(select(tickets).where(tickets.c.id == ticket_id))).mappings().one()
            await notify.ticket_event(conn, dict(row), event)
