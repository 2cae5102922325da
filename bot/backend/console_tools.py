"""What the staff console needs beyond the queue itself: canned replies and handoff transfer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.backend.domain_errors import (
    Conflict,
    HandoffNotFound,
    InvalidInput,
    RecordNotFound,
)
from bot.backend.tables import handoffs, stations
from bot.backend.tables_notify import canned_replies

# offered to every station until a station writes its own (常用语)
DEFAULT_REPLIES = (
    ("问候", "您好，我是您所在网格工作站的工作人员，请说说您遇到的情况。"),
    ("请稍候", "好的，我查一下，请您稍等一两分钟。"),
    ("补充材料", "麻烦您把工资条、劳动合同或欠条拍照上传（点输入框旁边的“传图”），方便我们核实。"),
    ("留联系方式", "请留一个方便联系的手机号，我们的工作人员会在 2 个工作日内回电。"),
    ("结束", "感谢您的耐心，问题我们已经记录，后续进展会短信通知您。"),
)


async def replies_for(engine: AsyncEngine, station_id: int | None) -> list[dict]:
    """The station's own canned replies and the shared ones; the defaults when there are none."""
    cond = canned_replies.c.station_id.is_(None)
    if station_id is not None:
        cond = or_(cond, canned_replies.c.station_id == station_id)
    async with engine.connect() as conn:
        rows = (await conn.execute(select(canned_replies).where(cond)
                                   .order_by(canned_replies.c.station_id.is_(None),
                                             canned_replies.c.id))).mappings().all()
    own = [dict(r) for r in rows]
    if own:
        return own
    return [{"id": None, "station_id": None, "title": t, "text": x} for t, x in DEFAULT_REPLIES]


async def add_reply(engine: AsyncEngine, station_id: int | None, title: str, text: str,
                    actor: str) -> dict:
    async with engine.begin() as conn:
        result = await conn.execute(insert(canned_replies).values(
            station_id=station_id, title=title, text=text, created_by=actor,
            created_at=datetime.utcnow()))
    return {"id": result.inserted_primary_key[0], "station_id": station_id, "title": title,
            "text": text}


async def reply_station(engine: AsyncEngine, reply_id: int) -> int | None:
    async with engine.connect() as conn:
        row = (await conn.execute(select(canned_replies.c.station_id).where(
            canned_replies.c.id == reply_id))).first()
    if row is None:
        raise RecordNotFound("常用语")
    return row.station_id


async def delete_reply(engine: AsyncEngine, reply_id: int) -> None:
    async with engine.begin() as conn:
        await conn.execute(delete(canned_replies).where(canned_replies.c.id == reply_id))


async def transfer(engine: AsyncEngine, handoff_id: int, station_id: int) -> None:
    """Moves an open handoff to another station's queue (waiting again, nobody holding it)."""
    async with engine.begin() as conn:
        target = (await conn.execute(select(stations.c.id).where(
            stations.c.id == station_id))).scalar()
        if target is None:
            raise InvalidInput("目标工作站不存在", field="station_id")
        current = (await conn.execute(select(handoffs.c.state, handoffs.c.station_id).where(
            handoffs.c.id == handoff_id))).first()
        if current is None:
            raise HandoffNotFound()
        if current.state not in ("waiting", "active"):
            raise Conflict("会话已经结束，不能转派", code="invalid_state")
        if current.station_id == station_id:
            raise InvalidInput("会话已经在这个工作站", field="station_id")
        result = await conn.execute(update(handoffs).where(
            handoffs.c.id == handoff_id, handoffs.c.state.in_(("waiting", "active")))
            .values(station_id=station_id, state="waiting", holder_staff_id=None,
                    updated_at=datetime.utcnow()))
        if result.rowcount != 1:
            raise Conflict("会话状态刚刚变化，请刷新后再试", code="invalid_state")
