"""Rate limits and lockouts, counted in the database.

Counting in the database (not in process memory) makes a limit hold across restarts and across
several backend instances. Subjects (phones, conversation ids, usernames, addresses) are stored
only as a keyed hash: the table is no second copy of anybody's phone number.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.backend.tables import rate_limit_events


@dataclass(frozen=True)
class Limit:
    """At most ``max_events`` events of ``bucket`` per subject within ``window``."""

    bucket: str
    max_events: int
    window: timedelta

    @property
    def retry_after(self) -> int:
        return int(self.window.total_seconds())


HOUR = timedelta(hours=1)
OTP_PER_PHONE = Limit("otp_phone", 5, HOUR)
OTP_PER_CONVERSATION = Limit("otp_conversation", 5, HOUR)
STATUS_MISSES_PER_PHONE = Limit("status_miss_phone", 5, HOUR)
STATUS_MISSES_PER_SENDER = Limit("status_miss_sender", 5, HOUR)
LOGIN_FAILURES_PER_USER = Limit("login_fail_user", 5, timedelta(minutes=15))
LOGIN_FAILURES_PER_ADDRESS = Limit("login_fail_address", 30, timedelta(minutes=15))


def _hash(limit: Limit, subject: str, key: str) -> str:
    return hmac.new(key.encode(), f"{limit.bucket}\0{subject}".encode(), "sha256").hexdigest()


async def count(conn: AsyncConnection, limit: Limit, subject: str, key: str,
                now: datetime | None = None) -> int:
    """Events of ``subject`` in the limit's window ending now."""
    since = (now or datetime.utcnow()) - limit.window
    return (await conn.execute(select(func.count()).select_from(rate_limit_events).where(
        rate_limit_events.c.bucket == limit.bucket,
        rate_limit_events.c.subject_hash == _hash(limit, subject, key),
        rate_limit_events.c.at > since))).scalar() or 0


async def exceeded(conn: AsyncConnection, limit: Limit, subject: str | None, key: str,
                   now: datetime | None = None) -> bool:
    """Whether one more event would go over the limit (no subject: never)."""
    if not subject:
        return False
    return await count(conn, limit, subject, key, now) >= limit.max_events


async def record(conn: AsyncConnection, limit: Limit, subject: str | None, key: str,
                 now: datetime | None = None) -> None:
    """Counts one event (and forgets this subject's events older than the window)."""
    if not subject:
        return
    now = now or datetime.utcnow()
    subject_hash = _hash(limit, subject, key)
    await conn.execute(delete(rate_limit_events).where(
        rate_limit_events.c.bucket == limit.bucket,
        rate_limit_events.c.subject_hash == subject_hash,
        rate_limit_events.c.at <= now - limit.window))
    await conn.execute(insert(rate_limit_events).values(
        bucket=limit.bucket, subject_hash=subject_hash, at=now))


async def clear(conn: AsyncConnection, limit: Limit, subject: str, key: str) -> None:
    """Forgets a subject's events (a successful login ends the failure count)."""
    await conn.execute(delete(rate_limit_events).where(
        rate_limit_events.c.bucket == limit.bucket,
        rate_limit_events.c.subject_hash == _hash(limit, subject, key)))

