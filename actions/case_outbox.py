"""Cases the backend could not take yet: kept on disk, submitted once it answers again.

A ticket request that meets ``BackendUnavailable`` is stored in a SQLite file under ``var/``,
keyed by its idempotency key, so a retried turn does not queue it twice and a restart of the
action server does not lose it. ``flush`` re-submits the queue (oldest first) with the same
key, so the backend files each case exactly once even if a submission is repeated. A case the
backend refuses for good (400/404/409) is not dropped: it moves to a ``refused`` table for
staff and is logged.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import time
from pathlib import Path

from bot.clients.backend import BackendClient, BackendError, BackendUnavailable
from bot.private_files import private_file
from bot.settings import get_settings

logger = logging.getLogger(__name__)

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS outbox (key TEXT PRIMARY KEY, payload TEXT NOT NULL,"
    " queued_at REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT)",
    "CREATE TABLE IF NOT EXISTS refused (key TEXT PRIMARY KEY, payload TEXT NOT NULL,"
    " refused_at REAL NOT NULL, status INTEGER, code TEXT, message TEXT)",
)


class CaseOutbox:
    """The durable queue. Each call opens its own short connection: safe across processes."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = private_file(path or get_settings().var_dir / "case-outbox.db")  # 0600
        self.lock = asyncio.Lock()  # one flush at a time in this process
        self._maybe_pending = True  # unknown until counted
        with self._db() as db:
            for statement in _SCHEMA:
                db.execute(statement)

    def _db(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def put(self, key: str, payload: dict) -> None:
        self._maybe_pending = True
        with self._db() as db:
            db.execute("INSERT OR IGNORE INTO outbox (key, payload, queued_at) VALUES (?, ?, ?)",
                       (key, json.dumps(payload, ensure_ascii=False), time.time()))

    def pending(self) -> list[tuple[str, dict]]:
        with self._db() as db:
            rows = db.execute("SELECT key, payload FROM outbox ORDER BY queued_at").fetchall()
        return [(key, json.loads(payload)) for key, payload in rows]

    def __len__(self) -> int:
        with self._db() as db:
            count = db.execute("SELECT count(*) FROM outbox").fetchone()[0]
        self._maybe_pending = count > 0
        return count

    def may_hold_cases(self) -> bool:
        """The check of every action call, without opening the file (counting on each call was
        8 % of the action server's CPU): False once this process counted the queue empty and
        queued nothing since. Cases another process queued are found by the background loop."""
        return self._maybe_pending

    def sent(self, key: str) -> None:
        with self._db() as db:
            db.execute("DELETE FROM outbox WHERE key = ?", (key,))

    def failed(self, key: str, error: str) -> None:
        with self._db() as db:
            db.execute("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE key = ?",
                       (error[:500], key))

    def refuse(self, key: str, payload: dict, error: BackendError) -> None:
        with self._db() as db:
            db.execute("INSERT OR REPLACE INTO refused VALUES (?, ?, ?, ?, ?, ?)",
                       (key, json.dumps(payload, ensure_ascii=False), time.time(), error.status,
                        error.code, error.message))
            db.execute("DELETE FROM outbox WHERE key = ?", (key,))

    def refused(self) -> list[tuple[str, dict, str]]:
        with self._db() as db:
            rows = db.execute("SELECT key, payload, code FROM refused ORDER BY refused_at")
            return [(key, json.loads(payload), code) for key, payload, code in rows.fetchall()]


async def flush(client: BackendClient, outbox: CaseOutbox, wait: bool = False) -> int:
    """Submits queued cases, oldest first; returns how many the backend now holds.

    Stops at the first sign the backend is still away (the rest wait for the next flush).
    When another flush in this process is running, returns at once, or with ``wait`` waits
    for it and then flushes what is left.
    """
    if not len(outbox) or (outbox.lock.locked() and not wait):
        return 0
    sent = 0
    async with outbox.lock:
        for key, payload in outbox.pending():
            try:
                ticket = await client.create_ticket(payload, key)
            except BackendUnavailable as exc:
                outbox.failed(key, str(exc))
                break
            except BackendError as exc:
                if not exc.about_the_request:  # our token, not the case: keep it, retry later
                    outbox.failed(key, str(exc))
                    logger.error("queued case %s not accepted (%s); kept for later", key, exc)
                    break
                outbox.refuse(key, payload, exc)
                logger.error("queued case %s refused by the backend for good: %s", key, exc)
                continue
            outbox.sent(key)
            sent += 1
            logger.info("queued case %s filed as ticket %s", key, ticket.get("id"))
    return sent


async def submit_ticket(client: BackendClient, outbox: CaseOutbox, payload: dict,
                        key: str) -> dict | None:
    """The ticket, or None when the backend is away and the case was queued instead.

    Earlier queued cases go first; if they show the backend is still away, this one is
    queued at once rather than making the worker wait for more timeouts.
    """
    if len(outbox):
        await flush(client, outbox, wait=True)
        if len(outbox):
            outbox.put(key, payload)
            return None
    try:
        return await client.create_ticket(payload, key)
    except BackendUnavailable as exc:
        outbox.put(key, payload)
        logger.warning("backend unavailable, case %s queued: %s", key, exc)
        return None
