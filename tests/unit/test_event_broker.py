"""The event broker the trainer inbox reads: every event in Rasa's ``events`` table, in order,
one transaction per turn instead of one commit per event on the event loop."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

from sqlalchemy import event as sa_event

from bot.event_broker import BatchedSQLEventBroker


def _rows(db: Path) -> list[tuple[str, dict]]:
    with sqlite3.connect(db) as conn:
        return [(s, json.loads(d)) for s, d in conn.execute("SELECT sender_id, data FROM events ORDER BY id")]


def test_a_turns_events_arrive_in_order_in_one_transaction(tmp_path: Path):
    db = tmp_path / "events.db"
    broker = BatchedSQLEventBroker(dialect="sqlite", db=str(db))
    commits: list[int] = []
    sa_event.listen(broker.engine, "commit", lambda conn: commits.append(1))

    async def two_turns() -> None:
        for turn in range(2):
            for i in range(13):  # what one turn of ours publishes
                broker.publish({"sender_id": f"rest-{turn}", "event": "slot", "value": i})
            await broker.flushed()
        await broker.close()

    asyncio.run(two_turns())
    rows = _rows(db)
    assert [(s, e["value"]) for s, e in rows] == [(f"rest-{t}", i) for t in range(2) for i in range(13)]
    assert len(commits) == 2, "one transaction per turn"


def test_events_queued_at_shutdown_are_written(tmp_path: Path):
    db = tmp_path / "events.db"
    broker = BatchedSQLEventBroker(dialect="sqlite", db=str(db))

    async def publish_and_stop() -> None:
        for i in range(5):
            broker.publish({"sender_id": "rest-x", "event": "user", "text": f"第{i}句"})
        await broker.close()  # Rasa stops right after the turn

    asyncio.run(publish_and_stop())
    assert [e["text"] for _, e in _rows(db)] == [f"第{i}句" for i in range(5)]


def test_without_a_running_loop_an_event_is_written_at_once(tmp_path: Path):
    db = tmp_path / "events.db"
    BatchedSQLEventBroker(dialect="sqlite", db=str(db)).publish({"sender_id": "cli", "event": "user"})
    assert [s for s, _ in _rows(db)] == ["cli"]
