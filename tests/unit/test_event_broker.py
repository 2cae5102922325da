"""The event broker the trainer inbox reads: every event in Rasa's ``events`` table, in order,
one transaction per turn instead of one commit per event on the event loop."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

from sqlalchemy import event as sa_event

from bot.event_broker import BatchedSQLEventBroker, IdentifiedPikaEventBroker


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


def test_a_resent_rabbitmq_message_names_the_same_event():
    """A message resent after a cut carries the id it had, so a consumer can drop the repeat;
    two different events, even of one text, have different ids."""
    broker = IdentifiedPikaEventBroker.__new__(IdentifiedPikaEventBroker)  # no connection needed
    said = {"sender_id": "w1", "event": "user", "timestamp": 1733450000.5, "text": "欠薪三个月"}
    first = broker._message(dict(said), None)
    again = broker._message(dict(said), None)
    later = broker._message({**said, "timestamp": 1733450009.0}, None)
    other = broker._message({**said, "sender_id": "w2"}, None)
    assert first.message_id and first.message_id == again.message_id
    assert len({first.message_id, later.message_id, other.message_id}) == 3
    assert json.loads(first.body)["text"] == "欠薪三个月"
