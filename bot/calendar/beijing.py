"""Beijing time: the database keeps naive UTC, everything a person sees is UTC+8."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")


def utcnow() -> datetime:
    """Naive UTC, the form every DateTime column stores."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def to_beijing(moment: datetime) -> datetime:
    """An aware Beijing datetime; a naive one is taken as UTC (the database's convention)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(BEIJING)


def to_utc_naive(moment: datetime) -> datetime:
    """The stored form of an aware datetime (naive ones are assumed Beijing wall time)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BEIJING)
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def beijing_day_start(day, days: int = 0) -> datetime:
    """Naive UTC of 00:00 Beijing on ``day`` (+ ``days``): the bounds of a Beijing date range."""
    start = datetime(day.year, day.month, day.day, tzinfo=BEIJING) + timedelta(days=days)
    return to_utc_naive(start)
