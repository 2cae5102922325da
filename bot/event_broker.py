"""Rasa's SQL event broker, writing a turn's events in one transaction off the event loop.

The trainer inbox (bot/trainer/inbox.py) reads conversations from the broker's ``events``
table, so the table and its rows stay exactly Rasa's. What changes is when they are written:
Rasa's ``SQLEventBroker.publish`` opens a session and commits once per event, synchronously on
Sanic's one event loop. A turn publishes about 13 events, so that is 13 SQLite commits (each a
file sync) that every other conversation waits for: 22 % of the Rasa process's samples under
20 clients (py-spy, docs/scaling.md). Here ``publish`` only queues the row; a task writes what
has queued in one transaction on a worker thread, in arrival order. A database that is away
keeps the rows queued and they are written when it is back (bounded: see ``MAX_PENDING``).

``IdentifiedPikaEventBroker`` is the RabbitMQ broker of the scale path: Rasa's, with each message
named by a ``message_id`` that is the same every time the one event is sent. RabbitMQ confirms a
publish after taking it; when the connection is cut between the two, Rasa cannot know the message
arrived and sends it again on reconnect (at-least-once — no broker client can do better). With
the id, a consumer drops the repeat and counts each event once.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import aio_pika
import sqlalchemy as sa
from rasa.core.brokers.pika import PikaEventBroker
from rasa.core.brokers.sql import SQLEventBroker
from sqlalchemy import event as sa_event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import SingletonThreadPool

logger = logging.getLogger(__name__)

MAX_PENDING = 200_000  # rows held while the database is away (~ 15,000 turns)
RETRY_SECONDS = 1.0


class BatchedSQLEventBroker(SQLEventBroker):
    """Same ``events`` table as Rasa's SQL broker; one commit per batch, on a worker thread."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.engine: sa.engine.Engine = self.engine
        if self.engine.dialect.name == "sqlite":
            # one connection kept for the one writer thread: SQLAlchemy 1.4 opens and closes a file
            # database's connection on every batch (NullPool) — 9 % of Rasa's samples under 20
            # clients went to that connect, its WAL pragmas and the close (profile of round 56)
            url = self.engine.url
            self.engine.dispose()
            self.engine = sa.create_engine(url, poolclass=SingletonThreadPool)
            sa_event.listen(self.engine, "connect", _sqlite_wal)
        self._pending: list[dict[str, Any]] = []
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="event-broker")
        self._task: asyncio.Task | None = None

    def publish(self, event: dict[str, Any]) -> None:
        """Queues the event; the running loop writes it with the rest of the turn's events."""
        self._pending.append({"sender_id": event.get("sender_id"), "data": json.dumps(event)})
        if len(self._pending) > MAX_PENDING:
            del self._pending[: len(self._pending) - MAX_PENDING]
            logger.error("event database away too long: oldest events for the trainer inbox dropped")
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop (a script): write now, as Rasa's broker does
            self._write(self._take())
            return
        if self._task is None or self._task.done():
            self._task = loop.create_task(self._flush())

    def _take(self) -> list[dict[str, Any]]:
        rows, self._pending = self._pending, []
        return rows

    def _write(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        with self.engine.begin() as connection:
            connection.execute(self.SQLBrokerEvent.__table__.insert(), rows)

    async def _flush(self) -> None:
        """Writes until nothing is queued; rows of a failed write go back to the front."""
        await asyncio.sleep(0)  # the rest of this turn's events join the batch
        loop = asyncio.get_running_loop()
        while self._pending:
            rows = self._take()
            try:
                await loop.run_in_executor(self._executor, self._write, rows)
            except SQLAlchemyError as error:
                self._pending[:0] = rows
                logger.warning("event database not written (%s): %d events kept, retrying",
                               type(error).__name__, len(self._pending))
                await asyncio.sleep(RETRY_SECONDS)

    async def flushed(self) -> None:
        """Waits until every event published so far is in the database (or could not be)."""
        if self._task is not None and not self._task.done():
            await self._task

    async def close(self) -> None:
        """Writes what is queued before Rasa exits."""
        if self._task is not None and not self._task.done():
            try:
                await asyncio.wait_for(self._task, timeout=10)
            except asyncio.TimeoutError:
                logger.error("event database away at shutdown: %d events not written",
                             len(self._pending))
        self._executor.shutdown(wait=True)


def event_message_id(event: dict[str, Any]) -> str:
    """One event's id: its conversation, kind, time and content, so a resend carries the same one."""
    content = json.dumps({k: event.get(k) for k in ("sender_id", "event", "timestamp", "text", "name",
                                                    "value")}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(content.encode("utf-8")).hexdigest()


class IdentifiedPikaEventBroker(PikaEventBroker):
    """Rasa's RabbitMQ broker; every message carries its event's ``message_id`` (see the module)."""

    def _message(self, event: dict[str, Any], headers: dict[str, str] | None) -> aio_pika.Message:
        message = super()._message(event, headers)
        message.message_id = event_message_id(event)
        return message


def _sqlite_wal(connection: Any, _record: Any) -> None:
    """WAL: the trainer inbox reads while Rasa writes, neither waits for the other."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
