"""The outbox worker: drains ``notification_outbox`` through the configured SMS sender.

Why an outbox: the code that decides to notify (a one-time code, a ticket step) writes a row in
its own transaction, so a message is never lost when the provider is down and never sent for a
change that was rolled back. The worker then sends each row at least once:

- a row is claimed with a short lease (``locked_until``), so two backend instances never send
  the same row at the same time, and a crashed worker's rows come back after the lease;
- a failure keeps the row, counts the attempt and retries later with exponential backoff
  (``BACKOFF_FIRST`` doubling up to ``BACKOFF_MAX``); only an answer that retrying cannot change
  (an invalid number, an unknown template) marks it ``failed`` (still kept, for staff to see);
- a one-time code's body and parameters are erased as soon as it is sent, or when it expires
  unsent: the code itself lives only as a hash in ``otp_codes``.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import background
from bot.backend.tables import notification_outbox as outbox
from bot.notify.sms import SmsError, SmsMessage, SmsSender
from bot.notify.templates import SECRET_KINDS

logger = logging.getLogger(__name__)
LEASE = timedelta(seconds=60)
BACKOFF_FIRST = timedelta(seconds=5)
BACKOFF_MAX = timedelta(hours=1)
BATCH = 20
ERASED = "（验证码短信：发送后正文已删除）"


def backoff(attempts: int) -> timedelta:
    """Wait before the next try after ``attempts`` failures: 5 s, 10 s, 20 s … at most 1 h."""
    return min(BACKOFF_FIRST * (2 ** max(attempts - 1, 0)), BACKOFF_MAX)


def _erase(kind: str | None) -> dict:
    return {"body": ERASED, "params": None} if kind in SECRET_KINDS else {}


async def _claim(engine: AsyncEngine, row_id: int, now: datetime) -> bool:
    async with engine.begin() as conn:
        result = await conn.execute(update(outbox).where(
            outbox.c.id == row_id, outbox.c.status == "pending",
            or_(outbox.c.locked_until.is_(None), outbox.c.locked_until < now))
            .values(locked_until=now + LEASE))
    return result.rowcount == 1


async def _finish(engine: AsyncEngine, row_id: int, **values) -> None:
    async with engine.begin() as conn:
        await conn.execute(update(outbox).where(outbox.c.id == row_id)
                           .values(locked_until=None, **values))


async def drain_once(engine: AsyncEngine, sender: SmsSender, now: datetime | None = None,
                     limit: int = BATCH) -> dict[str, int]:
    """Sends what is due now; returns counts of sent / retry / failed / expired rows."""
    now = now or datetime.utcnow()
    counts = {"sent": 0, "retry": 0, "failed": 0, "expired": 0}
    async with engine.connect() as conn:
        due = (await conn.execute(select(outbox).where(
            outbox.c.status == "pending",
            or_(outbox.c.next_attempt_at.is_(None), outbox.c.next_attempt_at <= now),
            or_(outbox.c.locked_until.is_(None), outbox.c.locked_until < now))
            .order_by(outbox.c.id).limit(limit))).mappings().all()
    for row in due:
        if not await _claim(engine, row["id"], now):
            continue  # another worker has it
        attempts = (row["attempts"] or 0) + 1
        if row["expires_at"] is not None and row["expires_at"] <= now:
            await _finish(engine, row["id"], status="expired", **_erase(row["kind"]))
            counts["expired"] += 1
            continue
        message = SmsMessage(row["id"], row["recipient"], row["kind"] or "text",
                             row["params"] or {}, row["body"])
        try:
            provider_id = await sender.send(message)
        except SmsError as exc:
            failed = exc.permanent
            await _finish(engine, row["id"], attempts=attempts, last_error=str(exc)[:250],
                          next_attempt_at=now + backoff(attempts),
                          **({"status": "failed", **_erase(row["kind"])} if failed else {}))
            counts["failed" if failed else "retry"] += 1
            log = logger.error if failed else logger.warning
            log("SMS #%s not sent (attempt %s%s): %s", row["id"], attempts,
                ", giving up" if failed else "", exc)
            continue
        except Exception:  # a bug in a sender must not stop the worker, nor lose the row
            logger.exception("SMS #%s: sender raised", row["id"])
            await _finish(engine, row["id"], attempts=attempts, last_error="sender error",
                          next_attempt_at=now + backoff(attempts))
            counts["retry"] += 1
            continue
        await _finish(engine, row["id"], status="sent", sent_at=datetime.utcnow(),
                      attempts=attempts, provider_message_id=str(provider_id)[:128],
                      last_error=None, **_erase(row["kind"]))
        counts["sent"] += 1
    return counts


class OutboxWorker:
    """Runs ``drain_once`` every ``interval`` seconds in the backend's event loop."""

    def __init__(self, engine: AsyncEngine, sender: SmsSender, interval: float = 2.0) -> None:
        self.engine, self.sender, self.interval = engine, sender, interval
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="sms-outbox")

    async def stop(self) -> None:
        await background.cancel(self._task)

    async def _run(self) -> None:
        while True:
            try:
                await drain_once(self.engine, self.sender)
            except asyncio.CancelledError:
                raise
            except Exception:  # the database away for a moment: try again next tick
                logger.exception("outbox worker: could not drain")
            await asyncio.sleep(self.interval)
