"""Retention: personal data is kept only as long as the service needs it (PIPL art. 19).

After ``retention_conversation_days`` (default 180): conversations are deleted — the Rasa
tracker's events (SQLite tracker store), finished handoffs, one-time codes, SMS outbox rows —
and the comments of ratings are erased (their scores stay).
After ``retention_closed_ticket_days`` (default 3 years) from closing: a ticket is anonymised —
contact name and phone, the facts and the notes of its history are erased, while type,
station, dates and status stay for the statistics. Audit entries older than
``retention_audit_days`` are deleted. Periods come from ``bot/settings.py``; the job runs from
the backend's scheduler (``bot/backend/jobs.py``) and on demand (``python -m
bot.backend.retention``). See docs/operations.md.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import delete, func, inspect, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.backend import audit
from bot.backend.tables import (
    audit_log,
    handoffs,
    notification_outbox,
    otp_codes,
    ticket_events,
    tickets,
)
from bot.calendar.beijing import utcnow

logger = logging.getLogger(__name__)
ERASED_NOTE = "（已超过保留期限，内容已删除）"


@dataclass(frozen=True)
class Periods:
    conversation_days: int = 180
    closed_ticket_days: int = 3 * 365
    audit_days: int = 3 * 365

    @classmethod
    def of(cls, settings) -> Periods:
        return cls(settings.retention_conversation_days, settings.retention_closed_ticket_days,
                   settings.retention_audit_days)


def purge_tracker(tracker_db: str | Path, before: datetime) -> int:
    """Deletes the Rasa tracker's events older than ``before`` (naive UTC); SQLite store only."""
    path = Path(tracker_db)
    if not str(tracker_db) or not path.exists():
        return 0
    cutoff = before.replace(tzinfo=timezone.utc).timestamp()
    with sqlite3.connect(path, timeout=30) as db:
        if not db.execute("SELECT name FROM sqlite_master WHERE name = 'events'").fetchone():
            return 0
        count = db.execute("DELETE FROM events WHERE timestamp < ?", (cutoff,)).rowcount
    return count


async def run(engine: AsyncEngine, periods: Periods, tracker_db: str | Path = "",
              now: datetime | None = None) -> dict[str, int]:
    """One pass; returns how many records of each kind were deleted or anonymised."""
    now = now or utcnow()
    conversations = now - timedelta(days=periods.conversation_days)
    closed = now - timedelta(days=periods.closed_ticket_days)
    done: dict[str, int] = {}
    async with engine.begin() as conn:
        done["handoffs"] = (await conn.execute(delete(handoffs).where(
            handoffs.c.updated_at < conversations,
            handoffs.c.state.in_(("released", "closed"))))).rowcount
        done["otp_codes"] = (await conn.execute(delete(otp_codes).where(
            otp_codes.c.created_at < conversations))).rowcount
        done["sms"] = (await conn.execute(delete(notification_outbox).where(
            notification_outbox.c.created_at < conversations))).rowcount
        old = select(tickets.c.id).where(
            tickets.c.status == "closed",
            func.coalesce(tickets.c.closed_at, tickets.c.updated_at) < closed,
            or_(tickets.c.contact_phone.isnot(None), tickets.c.contact_name.isnot(None),
                tickets.c.conversation_id.isnot(None)))
        ids = (await conn.execute(old)).scalars().all()
        if ids:
            await conn.execute(update(tickets).where(tickets.c.id.in_(ids)).values(
                contact_name=None, contact_phone=None, conversation_id=None,
                facts={"anonymised": True}, outcome=ERASED_NOTE))
            await conn.execute(update(ticket_events).where(
                ticket_events.c.ticket_id.in_(ids), ticket_events.c.note.isnot(None))
                .values(note=ERASED_NOTE, details=None))
        done["tickets_anonymised"] = len(ids)
        done["rating_comments"] = 0
        if await conn.run_sync(lambda c: inspect(c).has_table("ratings")):
            # the score stays for the statistics; the worker's own words go with the conversation
            done["rating_comments"] = (await conn.execute(text(
                "UPDATE ratings SET comment = NULL WHERE comment IS NOT NULL AND created_at < :t"),
                {"t": conversations})).rowcount
        done["audit_entries"] = (await conn.execute(delete(audit_log).where(
            audit_log.c.at < now - timedelta(days=periods.audit_days)))).rowcount
    done["tracker_events"] = await asyncio.to_thread(purge_tracker, tracker_db, conversations)
    async with engine.begin() as conn:
        await audit.record(conn, audit.SYSTEM, "retention_run", details=done)
    logger.info("retention: %s", done)
    return done


def main() -> None:
    """``python -m bot.backend.retention``: one pass with the configured periods."""
    from bot.backend.db import create_engine, migrate
    from bot.settings import get_settings

    settings = get_settings()
    migrate(settings.database_url)

    async def once() -> dict:
        engine = create_engine(settings.database_url)
        try:
            return await run(engine, Periods.of(settings), settings.tracker_db)
        finally:
            await engine.dispose()

    print(asyncio.run(once()))


if __name__ == "__main__":
    main()
