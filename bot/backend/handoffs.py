"""The handoff queue: conversations waiting for, or held by, grid staff."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.backend.errors import ApiError, not_found
from bot.backend.tables import handoffs, staff, stations

OPEN_STATES = ("waiting", "active")
CHINA_OFFSET = timedelta(hours=8)
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def is_open(hours: dict, now_utc: datetime | None = None) -> bool:
    """Whether a station is open now (opening hours are Beijing time)."""
    now = (now_utc or datetime.utcnow()) + CHINA_OFFSET
    hhmm = now.strftime("%H:%M")
    for span in hours.get(_DAYS[now.weekday()], []):
        start, end = span.split("-")
        if start <= hhmm < end:
            return True
    return False


async def _position(conn, record: dict) -> int | None:
    if record["state"] != "waiting":
        return None
    return (await conn.execute(select(func.count()).select_from(handoffs).where(
        handoffs.c.station_id == record["station_id"], handoffs.c.state == "waiting",
        handoffs.c.id <= record["id"]))).scalar()


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
            raise not_found("转人工记录")
        record = dict(row)
        record["position"] = await _position(conn, record)
    record["station_open_now"] = is_open(record.pop("station_hours"))
    record["waiting_seconds"] = int((datetime.utcnow() - record["since"]).total_seconds())
    return record


async def open_handoff(engine: AsyncEngine, conversation_id: str, station_id: int, reason: str,
                       channel: str) -> tuple[dict, bool]:
    """The conversation's open handoff, or a new one (idempotent per conversation)."""
    async with engine.begin() as conn:
        existing = (await conn.execute(select(handoffs.c.id).where(
            handoffs.c.conversation_id == conversation_id,
            handoffs.c.state.in_(OPEN_STATES)))).scalar()
        if existing:
            created, handoff_id = False, existing
        else:
            now = datetime.utcnow()
            result = await conn.execute(insert(handoffs).values(
                conversation_id=conversation_id, station_id=station_id, reason=reason,
                channel=channel, state="waiting", since=now, updated_at=now))
            created, handoff_id = True, result.inserted_primary_key[0]
    return await describe(engine, handoff_id), created


_ALLOWED = {"claim": ("waiting", "active"), "release": ("active", "waiting"),
            "close": ("waiting", "active")}
_TARGET = {"claim": "active", "release": "released", "close": "closed"}


async def change(engine: AsyncEngine, handoff_id: int, action: str, staff_id: int | None) -> dict:
    """claim (take over), release (hand back to the bot), close."""
    async with engine.begin() as conn:
        state = (await conn.execute(select(handoffs.c.state).where(
            handoffs.c.id == handoff_id))).scalar()
        if state is None:
            raise not_found("转人工记录")
        if state not in _ALLOWED[action]:
            raise ApiError(409, "invalid_state", f"当前状态为 {state}，不能执行 {action}")
        values = {"state": _TARGET[action], "updated_at": datetime.utcnow()}
        if action == "claim":
            values["holder_staff_id"] = staff_id
        await conn.execute(update(handoffs).where(handoffs.c.id == handoff_id).values(**values))
    return await describe(engine, handoff_id)
