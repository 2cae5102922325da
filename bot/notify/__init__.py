"""Notifications to workers (SMS) — the one interface the rest of the backend calls.

- ``queue_sms(conn, phone, kind, params)``: writes one SMS to the outbox inside the caller's
  transaction; the outbox worker (``bot/notify/outbox.py``) sends it through the configured
  provider (``bot/notify/sms.py``: development log, or Tencent Cloud SMS in production).
- ``ticket_event(conn_or_engine, ticket, event)``: the SMS a worker gets when their ticket is
  accepted, transferred, resolved (with the rating link) or needs information. The ticket
  workflow calls it at each of those steps.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.backend.tables import notification_outbox, stations
from bot.normalize.identity import mask_phone
from bot.notify import rating_links
from bot.notify.templates import TEMPLATES, render

logger = logging.getLogger(__name__)

# ticket events that tell the worker something, and the SMS kind each sends
TICKET_EVENTS = {"accepted": "ticket_accepted", "transferred": "ticket_transferred",
                 "resolved": "ticket_resolved", "need_info": "ticket_need_info"}


async def queue_sms(conn: AsyncConnection, phone: str, kind: str, params: dict,
                    expires_at: datetime | None = None) -> int:
    """Queues one SMS (in the caller's transaction); returns the outbox row id."""
    if kind not in TEMPLATES:
        raise ValueError(f"unknown SMS kind {kind!r}")
    now = datetime.utcnow()
    result = await conn.execute(insert(notification_outbox).values(
        channel="sms", recipient=phone, kind=kind, params=params, body=render(kind, params),
        created_at=now, status="pending", attempts=0, next_attempt_at=now,
        expires_at=expires_at))
    logger.info("SMS %s queued for %s", kind, mask_phone(phone))
    return result.inserted_primary_key[0]


def rating_link(ticket_id: str) -> str:
    """The public page where the worker rates a resolved ticket (signed, 30 days)."""
    from bot.settings import get_notify_settings, get_settings

    token = rating_links.issue("ticket", ticket_id, get_settings().session_secret)
    return f"{get_notify_settings().public_url}/rate/{token}"


async def ticket_event(conn_or_engine: AsyncConnection | AsyncEngine, ticket: dict, event: str,
                       note: str | None = None) -> int | None:
    """Queues the worker's SMS for ``event`` (accepted / transferred / resolved / need_info).

    ``ticket`` is a ticket row or the dict ``bot.backend.tickets.get`` returns (``id``,
    ``contact_phone``, ``station_id``; ``station_name``/``station_phone`` are looked up when
    missing; for ``transferred`` pass the ticket as it is after the transfer). ``note`` is what
    the worker must supply for ``need_info``. Pass the connection of the transition's own
    transaction so that the SMS exists exactly when the step does. Returns the outbox id, or
    None when the ticket has no phone to write to.
    """
    if event not in TICKET_EVENTS:
        raise ValueError(f"unknown ticket event {event!r}; one of {sorted(TICKET_EVENTS)}")
    phone = ticket.get("contact_phone")
    if not phone:
        return None
    if isinstance(conn_or_engine, AsyncEngine):
        async with conn_or_engine.begin() as conn:
            return await ticket_event(conn, ticket, event, note)
    conn = conn_or_engine
    station = {"name": ticket.get("station_name"), "phone": ticket.get("station_phone")}
    if not station["name"] or not station["phone"]:
        row = (await conn.execute(select(stations.c.name, stations.c.phone).where(
            stations.c.id == ticket["station_id"]))).first()
        station = {"name": row.name, "phone": row.phone} if row else {"name": "工作站", "phone": "12351"}
    params = {"ticket_id": ticket["id"], "station": station["name"], "phone": station["phone"],
              "note": (note or "请与工作人员联系")[:60]}
    if event == "resolved":
        params["link"] = rating_link(ticket["id"])
    kind = TICKET_EVENTS[event]
    wanted = {name: params[name] for name in TEMPLATES[kind][1]}
    return await queue_sms(conn, phone, kind, wanted)
