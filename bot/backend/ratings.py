"""Satisfaction (满意度): one 1–5 rating per resolved ticket or ended handoff, and the figures.

The worker reaches a rating through a signed token (``bot/notify/rating_links.py``): in the
widget when a handoff ends, or by the SMS link when a ticket is resolved. Each rating keeps the
station and, when known, the staff member who helped, so figures come per station and per person.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, insert, select, true
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.backend.domain_errors import Conflict, NotFound
from bot.backend.tables import handoffs, staff, stations, ticket_events, tickets
from bot.backend.tables_notify import ratings

RATEABLE_TICKET = ("resolved", "closed")
RATEABLE_HANDOFF = ("released", "closed")


async def _ticket_subject(conn, ticket_id: str) -> dict:
    row = (await conn.execute(select(tickets.c.id, tickets.c.status, tickets.c.station_id,
                                     tickets.c.conversation_id, stations.c.name)
                              .join(stations, stations.c.id == tickets.c.station_id)
                              .where(tickets.c.id == ticket_id))).first()
    if row is None:
        raise NotFound("评价链接无效或已过期")
    # who resolved it: the actor of the last 办结 step, when that is a staff account
    actor = (await conn.execute(select(ticket_events.c.actor).where(
        ticket_events.c.ticket_id == ticket_id, ticket_events.c.status == "resolved")
        .order_by(ticket_events.c.id.desc()).limit(1))).scalar()
    staff_id = None
    if actor:
        staff_id = (await conn.execute(select(staff.c.id).where(
            (staff.c.username == actor) | (staff.c.display_name == actor))
            .order_by(staff.c.id).limit(1))).scalar()
    return {"subject": "ticket", "ticket_id": row.id, "handoff_id": None,
            "conversation_id": row.conversation_id, "station_id": row.station_id,
            "station_name": row.name, "staff_id": staff_id, "state": row.status,
            "rateable": row.status in RATEABLE_TICKET, "title": f"工单 {row.id}"}


async def _handoff_subject(conn, handoff_id: str) -> dict:
    if not handoff_id.isdigit():
        raise NotFound("评价链接无效或已过期")
    row = (await conn.execute(select(handoffs, stations.c.name.label("station_name"))
                              .join(stations, stations.c.id == handoffs.c.station_id)
                              .where(handoffs.c.id == int(handoff_id)))).mappings().first()
    if row is None:
        raise NotFound("评价链接无效或已过期")
    return {"subject": "handoff", "ticket_id": None, "handoff_id": row["id"],
            "conversation_id": row["conversation_id"], "station_id": row["station_id"],
            "station_name": row["station_name"], "staff_id": row["holder_staff_id"],
            "state": row["state"], "rateable": row["state"] in RATEABLE_HANDOFF,
            "title": "本次人工服务"}


async def subject(engine: AsyncEngine, subject_kind: str, subject_id: str) -> dict:
    """What a token rates, whether it can be rated now, and whether it already was."""
    async with engine.connect() as conn:
        found = await (_ticket_subject(conn, subject_id) if subject_kind == "ticket"
                       else _handoff_subject(conn, subject_id))
        column = ratings.c.ticket_id if subject_kind == "ticket" else ratings.c.handoff_id
        done = (await conn.execute(select(ratings.c.score).where(
            column == (found["ticket_id"] or found["handoff_id"])))).scalar()
    return {**found, "rated": done is not None, "score": done}


async def rate(engine: AsyncEngine, subject_kind: str, subject_id: str, score: int,
               comment: str | None, channel: str) -> dict:
    """Stores the rating once; a second rating of the same ticket or handoff → 409."""
    found = await subject(engine, subject_kind, subject_id)
    if not found["rateable"]:
        raise Conflict("服务还没有结束，结束后才能评价", code="not_rateable")
    if found["rated"]:
        raise Conflict("您已经评价过了，谢谢！", code="already_rated")
    try:
        async with engine.begin() as conn:
            await conn.execute(insert(ratings).values(
                subject=subject_kind, ticket_id=found["ticket_id"],
                handoff_id=found["handoff_id"], conversation_id=found["conversation_id"],
                station_id=found["station_id"], staff_id=found["staff_id"], score=score,
                comment=(comment or "").strip() or None, channel=channel,
                created_at=datetime.utcnow()))
    except IntegrityError:  # the same link submitted twice at once
        raise Conflict("您已经评价过了，谢谢！", code="already_rated") from None
    return {**found, "rated": True, "score": score}


async def summary(engine: AsyncEngine, station_id: int | None, since: datetime | None,
                  until: datetime | None) -> dict:
    """Average score, count and 1–5 distribution per station and per staff member."""
    where = [ratings.c.station_id == station_id] if station_id is not None else []
    if since:
        where.append(ratings.c.created_at >= since)
    if until:
        where.append(ratings.c.created_at < until)
    cond = and_(true(), *where)
    async with engine.connect() as conn:
        by_station = (await conn.execute(
            select(ratings.c.station_id, stations.c.name, func.count(), func.avg(ratings.c.score))
            .join(stations, stations.c.id == ratings.c.station_id).where(cond)
            .group_by(ratings.c.station_id, stations.c.name).order_by(ratings.c.station_id))).all()
        by_staff = (await conn.execute(
            select(ratings.c.staff_id, staff.c.username, staff.c.display_name, func.count(),
                   func.avg(ratings.c.score))
            .join(staff, staff.c.id == ratings.c.staff_id).where(cond)
            .group_by(ratings.c.staff_id, staff.c.username, staff.c.display_name)
            .order_by(ratings.c.staff_id))).all()
        spread = dict((await conn.execute(select(ratings.c.score, func.count()).where(cond)
                                          .group_by(ratings.c.score))).all())
        recent = (await conn.execute(
            select(ratings.c.subject, ratings.c.ticket_id, ratings.c.handoff_id,
                   ratings.c.station_id, ratings.c.score, ratings.c.comment, ratings.c.channel,
                   ratings.c.created_at)
            .where(cond).order_by(ratings.c.id.desc()).limit(20))).mappings().all()
    total = sum(spread.values())
    return {
        "count": total,
        "average": round(sum(s * n for s, n in spread.items()) / total, 2) if total else None,
        "distribution": {str(s): spread.get(s, 0) for s in range(1, 6)},
        "by_station": [{"station_id": r[0], "station_name": r[1], "count": r[2],
                        "average": round(float(r[3]), 2)} for r in by_station],
        "by_staff": [{"staff_id": r[0], "username": r[1], "display_name": r[2], "count": r[3],
                      "average": round(float(r[4]), 2)} for r in by_staff],
        "recent": [dict(r) for r in recent],
    }
