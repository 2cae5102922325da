"""The handoff queue: conversations waiting for, or held by, grid staff."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.backend.errors import Conflict, DomainError, Forbidden, HandoffNotFound, HeldByOther
from bot.backend.tables import handoffs, staff, stations
from bot.calendar.workdays import is_holiday, is_make_up_day
from bot.contract import HOLIDAY, MAKEUP, URGENT_CALLBACK_REASONS, WEEKDAYS

OPEN_STATES = ("waiting", "active")
CHINA_OFFSET = timedelta(hours=8)


def hours_of_day(hours: dict, day) -> list[str]:
    """The opening spans of a Beijing date: ``holiday`` on statutory holidays and breaks
    (closed unless set), ``makeup`` (else Monday's) on a make-up working weekend (调休上班),
    else the weekday's own."""
    if is_holiday(day):
        return hours.get(HOLIDAY) or []
    if is_make_up_day(day):
        return hours.get(MAKEUP) or hours.get(WEEKDAYS[0]) or []
    return hours.get(WEEKDAYS[day.weekday()]) or []


def is_open(hours: dict, now_utc: datetime | None = None) -> bool:
    """Whether a station is open now (opening hours are Beijing time, China's calendar)."""
    now = (now_utc or datetime.utcnow()) + CHINA_OFFSET
    hhmm = now.strftime("%H:%M")
    for span in hours_of_day(hours, now.date()):
        start, end = span.split("-")
        if start <= hhmm < end:
            return True
    return False


def next_opening(hours: dict, now_utc: datetime, days: int = 14) -> datetime | None:
    """When the station is next staffed (naive UTC): now if it is open, else the start of its
    next opening span within ``days``; None for a station with no hours at all."""
    now = now_utc + CHINA_OFFSET
    for offset in range(days + 1):
        day = (now + timedelta(days=offset)).date()
        for span in sorted(hours_of_day(hours or {}, day)):
            start, end = (time.fromisoformat(t) for t in span.split("-"))
            if datetime.combine(day, end) > now:
                return max(datetime.combine(day, start), now) - CHINA_OFFSET
    return None


async def _position(conn, record: dict) -> int | None:
    """Where the conversation stands in its station's queue, as the console orders it: a
    crisis first (a worker in crisis was told 前面还有 4 位在等待), then by arrival."""
    if record["state"] != "waiting":
        return None
    urgent = handoffs.c.reason.in_(URGENT_CALLBACK_REASONS)
    ahead = urgent & (handoffs.c.id <= record["id"]) if record["reason"] in URGENT_CALLBACK_REASONS \
        else urgent | (handoffs.c.id <= record["id"])
    return (await conn.execute(select(func.count()).select_from(handoffs).where(
        handoffs.c.station_id == record["station_id"], handoffs.c.state == "waiting", ahead))).scalar()


async def describe(engine: AsyncEngine, handoff_id: int) -> dict:
    async with engine.connect() as conn:
        row = (await conn.execute(
            select(handoffs, stations.c.name.label("station_name"),
                   stations.c.hours.label("station_hours"),
                   stations.c.phone.label("station_phone"),
                   staff.c.display_name.label("holder_name"),
                   staff.c.username.label("holder_username"))
            .join(stations, stations.c.id == handoffs.c.station_id)
            .outerjoin(staff, staff.c.id == handoffs.c.holder_staff_id)
            .where(handoffs.c.id == handoff_id))).mappings().first()
        if row is None:
            raise HandoffNotFound()
        record = dict(row)
        record["position"] = await _position(conn, record)
    hours = record.pop("station_hours")
    record["station_open_now"] = is_open(hours)
    opening = None if record["station_open_now"] else next_opening(hours or {}, datetime.utcnow())
    record["station_opens_at"] = opening.isoformat() + "Z" if opening else None
    record["waiting_seconds"] = int((datetime.utcnow() - record["since"]).total_seconds())
    return record


async def open_handoff(engine: AsyncEngine, conversation_id: str, station_id: int, reason: str,
                       channel: str, place_named: bool = True) -> tuple[dict, bool]:
    """The conversation's open handoff, or a new one (idempotent per conversation).

    A handoff still waiting moves to the station of a place the worker names later (YR-09:
    转人工 with no place queued at the city centre, closed for lunch; 黄岛区辛安街道 then got
    青岛市总工会职工服务中心现在不在服务时间 while 辛安's station was open). It keeps its place in
    time; one a person has taken stays where it is."""
    async with engine.begin() as conn:
        existing = (await conn.execute(select(handoffs.c.id, handoffs.c.station_id, handoffs.c.state).where(
            handoffs.c.conversation_id == conversation_id,
            handoffs.c.state.in_(OPEN_STATES)))).first()
        if existing:
            created, handoff_id = False, existing.id
            if place_named and existing.state == "waiting" and existing.station_id != station_id:
                await conn.execute(update(handoffs).where(handoffs.c.id == existing.id).values(
                    station_id=station_id, updated_at=datetime.utcnow()))
        else:
            now = datetime.utcnow()
            result = await conn.execute(insert(handoffs).values(
                conversation_id=conversation_id, station_id=station_id, reason=reason,
                channel=channel, state="waiting", since=now, updated_at=now))
            created, handoff_id = True, result.inserted_primary_key[0]
    return await describe(engine, handoff_id), created


async def withdraw(engine: AsyncEngine, conversation_id: str) -> dict | None:
    """The worker no longer wants a person (YR-08: 我就问问 不用转人 left the conversation in the
    station's queue): their handoff still waiting is closed. One a person has taken stays — they
    are talking already. None when nothing was waiting (a repeat is harmless)."""
    async with engine.begin() as conn:
        waiting = (await conn.execute(select(handoffs.c.id).where(
            handoffs.c.conversation_id == conversation_id, handoffs.c.state == "waiting"))).scalar()
        if waiting is None:
            return None
        done = await conn.execute(update(handoffs).where(
            handoffs.c.id == waiting, handoffs.c.state == "waiting").values(
            state="closed", updated_at=datetime.utcnow()))
    return await describe(engine, waiting) if done.rowcount else None


_ALLOWED = {"claim": ("waiting", "active"), "release": ("active", "waiting"),
            "close": ("waiting", "active")}
_TARGET = {"claim": "active", "release": "released", "close": "closed"}
_VERBS = {"claim": "接手", "release": "交还", "close": "结束"}


def _may_act(action: str, staff_id: int | None, may_override: bool):
    """The SQL condition under which ``staff_id`` may perform ``action`` on a handoff.

    claim: a waiting conversation, or one this person already holds (a repeat is harmless) —
    never one somebody else holds. release / close: the holder; anyone of the station while
    nobody holds it; a station admin (``may_override``) always."""
    if action == "claim":
        return or_(handoffs.c.state == "waiting",
                   and_(handoffs.c.state == "active", handoffs.c.holder_staff_id == staff_id))
    if may_override:
        return handoffs.c.state.in_(_ALLOWED[action])
    return and_(handoffs.c.state.in_(_ALLOWED[action]),
                or_(handoffs.c.holder_staff_id.is_(None), handoffs.c.holder_staff_id == staff_id))


async def change(engine: AsyncEngine, handoff_id: int, action: str, staff_id: int | None,
                 may_override: bool = False) -> dict:
    """claim (take over), release (hand back to the bot), close — as one conditional UPDATE,
    so of two staff claiming at once exactly one wins and the other gets ``HeldByOther``."""
    values = {"state": _TARGET[action], "updated_at": datetime.utcnow()}
    if action == "claim":
        values["holder_staff_id"] = staff_id
    async with engine.begin() as conn:
        done = await conn.execute(update(handoffs).where(
            handoffs.c.id == handoff_id, _may_act(action, staff_id, may_override))
            .values(**values))
        current = None if done.rowcount else (await conn.execute(
            select(handoffs.c.state, handoffs.c.holder_staff_id).where(
                handoffs.c.id == handoff_id))).mappings().first()
    if not done.rowcount:
        raise _refusal(action, current)
    return await describe(engine, handoff_id)


def _refusal(action: str, current) -> DomainError:
    """Why a conditional UPDATE changed nothing."""
    if current is None:
        return HandoffNotFound()
    if current["state"] not in _ALLOWED[action]:
        return Conflict(f"当前状态为 {current['state']}，不能{_VERBS[action]}")
    if action == "claim":
        return HeldByOther()
    return Forbidden(f"这个会话由其他工作人员接手，只有接手人或站长可以{_VERBS[action]}")
