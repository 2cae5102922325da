"""A tracker store whose cost per turn does not grow with the conversation.

Rasa's SQL tracker store rebuilds the session from all of its events on every turn,
twice (``retrieve``, then ``save`` retrieves again to find what is new), with
synchronous SQLAlchemy calls on Sanic's one event loop. Turn 120 of a conversation
cost half again as much as turn 1, and every action call sent the whole history.

This store keeps two things in the same SQL database (SQLite or PostgreSQL, async
drivers, so the event loop is never blocked):

- ``events``: every event, appended once (Rasa's own table and columns, so an existing
  ``var/tracker.db`` keeps working and the full history stays available for
  ``GET /conversations/{id}/tracker``, the staff transcript and story export);
- ``hotline_tracker_state``: per conversation the *working* tracker: the current
  session's last ``keep_turns`` user turns, preceded by a snapshot of the state before
  them (slots and active form). One indexed row read per turn, one row written.

The policies look at the last few turns only (max_history 4–5; rules are shorter), so
their predictions are the same; what changes is that ``tracker.events`` handed to the
policies and to the action server covers the last ``keep_turns`` user turns instead of
the whole session. Several Rasa instances can share the store: each save checks the
version it read, and a conflicting write (which the Redis lock store prevents) rebuilds
the working tracker from the full history instead of losing events.

When the database is unreachable (PostgreSQL stopped or restarting) a turn must still be
answered and nothing the worker says may be lost. The store keeps the working tracker of
the conversations it served recently in memory; during an outage it hands those out, and
a save keeps the new events in an outbox (memory, and a JSONL file when ``spool`` is set,
so a restart of Rasa loses nothing either). A background task writes the outbox, in
order and once, as soon as the database answers again, then rebuilds each touched
working tracker from the full history. A conversation this process has not seen starts
afresh during the outage; its events are still written afterwards.

endpoints.yml::

    tracker_store:
      type: bot.tracker_store.HotlineTrackerStore
      url: sqlite+aiosqlite:///var/tracker.db   # or postgresql+asyncpg://user@host/db
      keep_turns: 10
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActiveLoop,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
    deserialise_events,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

import bot.rasa_patches  # noqa: F401  (Rasa loads this module: the speed patches ride along)
from bot.private_files import private_sqlite_file

logger = logging.getLogger(__name__)

EVENTS = SQLTrackerStore.SQLEvent.__table__  # Rasa's table: old trackers stay readable
STATE_METADATA = sa.MetaData()
STATE = sa.Table(
    "hotline_tracker_state", STATE_METADATA,
    sa.Column("sender_id", sa.String(255), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("events", sa.Text, nullable=False),  # JSON list: the working tracker's events
    sa.Column("updated", sa.Float),
)
_LOADED = "_hotline_loaded"    # how many events the tracker had when this store handed it out
_VERSION = "_hotline_version"  # the state row's version then (None: no row yet)
UNAVAILABLE = (sa.exc.SQLAlchemyError, OSError, asyncio.TimeoutError)  # the database cannot be reached
CACHED_CONVERSATIONS = 2000  # working trackers kept in memory for an outage
RETRY_SECONDS = 1.0


class _DaemonThread(threading.Thread):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "daemon": True})


def aiosqlite_threads_as_daemons() -> None:
    """aiosqlite 0.22 runs each connection on a non-daemon thread that ends only when the
    connection is closed, and Rasa never closes its tracker store: on SIGTERM the Rasa process
    stopped serving and then waited at exit for that thread forever, so the launcher could
    neither restart it nor stop. As daemons they end with the process; SQLite keeps every
    committed transaction (its journal makes an unclosed connection safe)."""
    import aiosqlite.core

    aiosqlite.core.Thread = _DaemonThread  # type: ignore[misc]


def _event_row(sender_id: str, event: Event) -> dict[str, Any]:
    """One ``events`` row, the way Rasa's SQL tracker store writes it."""
    data = event.as_dict()
    return {"sender_id": sender_id, "type_name": event.type_name, "timestamp": data.get("timestamp"),
            "intent_name": (data.get("parse_data") or {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"), "data": json.dumps(data)}


def current_session(events: list[Event]) -> list[Event]:
    """The events from the latest session start on (what Rasa's stores return)."""
    for index in range(len(events) - 1, -1, -1):
        if isinstance(events[index], SessionStarted):
            before = events[index - 1] if index else None
            if isinstance(before, ActionExecuted) and before.action_name == ACTION_SESSION_START_NAME:
                index -= 1
            return events[index:]
    return events


def snapshot(sender_id: str, events: list[Event], domain: Domain) -> list[Event]:
    """Events that recreate the state reached after ``events``: slots and the active form."""
    tracker = DialogueStateTracker.from_events(sender_id, events, domain.slots)
    first = events[0].timestamp if events else None
    out: list[Event] = [ActionExecuted(ACTION_SESSION_START_NAME, timestamp=first),
                        SessionStarted(timestamp=first)]
    for slot in tracker.slots.values():
        if slot.value != slot.initial_value:
            out.append(SlotSet(slot.name, slot.value, timestamp=first))
    if tracker.active_loop and tracker.active_loop.name:
        out.append(ActiveLoop(tracker.active_loop.name, timestamp=first))
        if tracker.active_loop.rejected:
            out.append(ActionExecutionRejected(tracker.active_loop.name, timestamp=first))
    out.append(ActionExecuted(ACTION_LISTEN_NAME, timestamp=first))
    return out


def compact(sender_id: str, events: list[Event], domain: Domain, keep_turns: int) -> list[Event]:
    """The working tracker: the current session's last ``keep_turns`` user turns after a snapshot.

    Called on every save, so the events dropped each time are about one turn's: the
    snapshot replays a bounded list.
    """
    events = current_session(events)
    user_turns = [i for i, event in enumerate(events) if isinstance(event, UserUttered)]
    if len(user_turns) <= keep_turns:
        return events
    cut = user_turns[-keep_turns]
    return snapshot(sender_id, events[:cut], domain) + events[cut:]


class HotlineTrackerStore(TrackerStore):
    """SQL tracker store with a bounded working tracker per conversation (see module doc)."""

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        keep_turns: int = 10,
        pool_size: int = 10,
        spool: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(domain, event_broker, **kwargs)
        self.url = host or kwargs.get("url") or "sqlite+aiosqlite:///rasa.db"
        self.keep_turns = int(keep_turns)
        if self.url.startswith("sqlite"):
            private_sqlite_file(self.url)  # conversations: this user's only (0600)
            aiosqlite_threads_as_daemons()
            # one connection, shared in turn: SQLite has one writer at a time, and writers on
            # several connections fail with "database is locked" under concurrent turns
            options: dict[str, Any] = {"poolclass": sa.pool.AsyncAdaptedQueuePool, "pool_size": 1,
                                       "max_overflow": 0, "pool_timeout": 60}
        else:
            # a stopped server refuses at once; a hung one must not hold the turn for a minute
            options = {"pool_size": int(pool_size), "max_overflow": int(pool_size), "pool_pre_ping": True,
                       "connect_args": {"timeout": 2, "command_timeout": 5}}
        self.engine: AsyncEngine = create_async_engine(self.url, **options)
        self._ready = False
        self._create_lock = asyncio.Lock()
        self.cache: OrderedDict[str, str] = OrderedDict()  # sender → working events (JSON)
        self.outbox = _Outbox(Path(spool) if spool else None)
        self._flusher: asyncio.Task | None = None

    async def _ensure_tables(self) -> None:
        """Creates the tables on first use (instances starting together may race: retried)."""
        if self._ready:
            return
        async with self._create_lock:
            for attempt in range(3):
                try:
                    async with self.engine.begin() as connection:
                        await connection.run_sync(_create_tables)
                    break
                except sa.exc.SQLAlchemyError:
                    if attempt == 2:
                        raise
                    await asyncio.sleep(0.5)
            self._ready = True

    # -- reading -----------------------------------------------------------------------
    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The working tracker; from memory while the database is unreachable."""
        try:
            if self.outbox:
                await self._flush()
            tracker = await self._retrieve(sender_id)
        except UNAVAILABLE as error:
            self._outage(error)
            cached = self.cache.get(sender_id)
            return self._tracker(sender_id, deserialise_events(json.loads(cached)), None) if cached else None
        return tracker

    async def _retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """One row read (a conversation that predates this store is read from its events once)."""
        await self._ensure_tables()
        async with self.engine.connect() as connection:
            row = (await connection.execute(
                sa.select(STATE.c.events, STATE.c.version).where(STATE.c.sender_id == sender_id))).first()
            if row is None:
                events = await self._history(connection, sender_id)
                if not events:
                    return None
                return self._tracker(sender_id, current_session(events), None)
        self._remember(sender_id, row.events)
        return self._tracker(sender_id, deserialise_events(json.loads(row.events)), row.version)

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        """Every event of every session (transcripts, story export)."""
        await self._ensure_tables()
        async with self.engine.connect() as connection:
            events = await self._history(connection, conversation_id)
            version = (await connection.execute(
                sa.select(STATE.c.version).where(STATE.c.sender_id == conversation_id))).scalar()
        return self._tracker(conversation_id, events, version) if events else None

    async def keys(self) -> Iterable[str]:
        await self._ensure_tables()
        async with self.engine.connect() as connection:
            return [r[0] for r in await connection.execute(sa.select(EVENTS.c.sender_id).distinct())]

    async def _history(self, connection: Any, sender_id: str) -> list[Event]:
        rows = await connection.execute(
            sa.select(EVENTS.c.data).where(EVENTS.c.sender_id == sender_id).order_by(EVENTS.c.id))
        return deserialise_events([json.loads(r.data) for r in rows])

    def _tracker(self, sender_id: str, events: list[Event], version: int | None) -> DialogueStateTracker:
        tracker = DialogueStateTracker.from_events(sender_id, events, self.domain.slots,
                                                   max_event_history=self.max_event_history)
        setattr(tracker, _LOADED, len(tracker.events))
        setattr(tracker, _VERSION, version)
        return tracker

    # -- writing -----------------------------------------------------------------------
    async def save(self, tracker: DialogueStateTracker) -> None:
        """Appends the new events and writes the working tracker, in one transaction; while
        the database is unreachable the new events wait in the outbox (see module doc)."""
        all_events = list(tracker.events)
        new_events = all_events[getattr(tracker, _LOADED, 0):]
        version = getattr(tracker, _VERSION, None)
        working = compact(tracker.sender_id, all_events, self.domain, self.keep_turns)
        payload = json.dumps([event.as_dict() for event in working])
        self._remember(tracker.sender_id, payload)
        try:
            if self.outbox:
                await self._flush()
            written = await self._save(tracker.sender_id, new_events, version, payload,
                                       _last_timestamp(working))
        except UNAVAILABLE as error:
            self._outage(error)
            self.outbox.add(tracker.sender_id, [_event_row(tracker.sender_id, e) for e in new_events])
            self._start_flusher()
            setattr(tracker, _LOADED, len(all_events))
            setattr(tracker, _VERSION, None)
            await self._publish(tracker.sender_id, new_events)
            return
        setattr(tracker, _LOADED, len(all_events))
        # after a conflict this object is stale: its next save rebuilds from the history again
        setattr(tracker, _VERSION, (version or 0) + 1 if written else None)
        await self._publish(tracker.sender_id, new_events)

    async def _save(self, sender_id: str, new_events: list[Event], version: int | None,
                    payload: str, updated: float | None) -> bool:
        """The database write of ``save``; False when another writer had changed the state."""
        await self._ensure_tables()
        async with self.engine.begin() as connection:
            if new_events:
                await connection.execute(
                    EVENTS.insert(), [_event_row(sender_id, e) for e in new_events])
            written = await self._write_state(connection, sender_id, version, payload, updated)
            if not written:
                await self._rebuild_state(connection, sender_id)
        return written

    # -- outages -------------------------------------------------------------------------
    def _remember(self, sender_id: str, payload: str) -> None:
        """Keeps the working tracker (its JSON) for an outage (the most recent conversations only)."""
        self.cache[sender_id] = payload
        self.cache.move_to_end(sender_id)
        while len(self.cache) > CACHED_CONVERSATIONS:
            self.cache.popitem(last=False)

    def _outage(self, error: BaseException) -> None:
        if not self.outbox:
            logger.error("tracker store unreachable (%s): answering from memory, events kept "
                         "until it is back", type(error).__name__)

    def _start_flusher(self) -> None:
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.get_running_loop().create_task(self._flush_until_empty())

    async def _flush_until_empty(self) -> None:
        """Retries the outbox in the background until the database takes it."""
        while self.outbox:
            try:
                await self._flush()
            except UNAVAILABLE:
                await asyncio.sleep(RETRY_SECONDS)
            except Exception:  # never let the retry task die silently
                logger.exception("writing the tracker outbox failed; retrying")
                await asyncio.sleep(RETRY_SECONDS)

    async def _flush(self) -> None:
        """Writes the outbox in order, once; then rebuilds each touched working tracker."""
        async with self.outbox.lock:
            if not self.outbox:
                return
            await self._ensure_tables()
            batch = list(self.outbox.entries)  # saves during the write join the next batch
            async with self.engine.begin() as connection:
                senders: list[str] = []
                for sender_id, rows in batch:
                    if rows:
                        await connection.execute(EVENTS.insert(), rows)
                    if sender_id not in senders:
                        senders.append(sender_id)
                for sender_id in senders:
                    await self._rebuild_state(connection, sender_id, quiet=True)
            self.outbox.drop(len(batch))
            logger.warning("tracker store reachable again: %d conversations written from the outbox",
                           len(senders))

    async def _rebuild_state(self, connection: Any, sender_id: str, quiet: bool = False) -> None:
        """Another writer changed the conversation since it was read (the lock store should
        prevent that), or its events came from the outbox: both are in the history, so
        rebuild from it."""
        if not quiet:
            logger.warning("tracker %s was changed by another writer: rebuilt from its history", sender_id)
        current = (await connection.execute(
            sa.select(STATE.c.version).where(STATE.c.sender_id == sender_id))).scalar() or 0
        rebuilt = compact(sender_id, await self._history(connection, sender_id), self.domain, self.keep_turns)
        await connection.execute(STATE.delete().where(STATE.c.sender_id == sender_id))
        await connection.execute(STATE.insert().values(
            sender_id=sender_id, version=current + 1,
            events=json.dumps([e.as_dict() for e in rebuilt]), updated=_last_timestamp(rebuilt)))

    async def _write_state(self, connection: Any, sender_id: str, version: int | None, payload: str,
                           updated: float | None) -> bool:
        """Writes the working tracker if nobody else did since it was read."""
        if version is None:
            exists = (await connection.execute(
                sa.select(STATE.c.version).where(STATE.c.sender_id == sender_id))).first()
            if exists is not None:
                return False
            await connection.execute(STATE.insert().values(
                sender_id=sender_id, version=1, events=payload, updated=updated))
            return True
        result = await connection.execute(
            STATE.update().where(STATE.c.sender_id == sender_id, STATE.c.version == version)
            .values(version=version + 1, events=payload, updated=updated))
        return result.rowcount == 1

    async def _publish(self, sender_id: str, new_events: list[Event]) -> None:
        """What Rasa's ``stream_events`` does, without retrieving the tracker again."""
        if self.event_broker is None:
            return
        for event in new_events:
            self.event_broker.publish({"sender_id": sender_id, **event.as_dict()})

    async def stream_events(self, tracker: DialogueStateTracker) -> None:  # not used by save
        await self._publish(tracker.sender_id, list(tracker.events)[getattr(tracker, _LOADED, 0):])


class _Outbox:
    """Event rows waiting for the database, in arrival order (and in ``path``, if given,
    so that a restarted process writes them too)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: list[tuple[str, list[dict]]] = []
        self.lock = asyncio.Lock()
        if path and path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    self.entries.append((record["sender_id"], record["rows"]))

    def __bool__(self) -> bool:
        return bool(self.entries)

    def add(self, sender_id: str, rows: list[dict]) -> None:
        self.entries.append((sender_id, rows))
        if self.path:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as spool:
                spool.write(json.dumps({"sender_id": sender_id, "rows": rows}, ensure_ascii=False) + "\n")

    def drop(self, written: int) -> None:
        """Forgets the first ``written`` entries (now in the database)."""
        del self.entries[:written]
        if self.path:
            if self.entries:
                self.path.write_text("".join(
                    json.dumps({"sender_id": sender_id, "rows": rows}, ensure_ascii=False) + "\n"
                    for sender_id, rows in self.entries), encoding="utf-8")
            else:
                self.path.unlink(missing_ok=True)


def _create_tables(connection: sa.engine.Connection) -> None:
    SQLTrackerStore.Base.metadata.create_all(connection, checkfirst=True)
    STATE_METADATA.create_all(connection, checkfirst=True)


def _last_timestamp(events: list[Event]) -> float | None:
    return events[-1].timestamp if events else None
