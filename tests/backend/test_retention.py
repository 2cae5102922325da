"""Retention: data older than its period is gone or anonymised, newer data is untouched; the
dashboard reads conversations from the tracker store; migration 0003 upgrades an existing
database."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy import insert, select, update

from bot.backend import retention
from bot.backend.appkeys import ENGINE, SETTINGS
from bot.backend.tables import handoffs, notification_outbox, stations, ticket_events, tickets
from bot.calendar.beijing import to_beijing, utcnow
from tests.backend.shapes import ensure_ratings

CASE = {"type": "wage_arrears", "city": "青岛", "district": "辛安街道", "contact_name": "张建国",
        "contact_phone": "13805321234", "facts": {"employer": "鑫达电子厂"}}


def _tracker(path, events: list[tuple[str, float, str]]) -> None:
    """A tracker store with Rasa's ``events`` table: (sender, timestamp, intent)."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR, type_name "
                   "VARCHAR, timestamp FLOAT, intent_name VARCHAR, action_name VARCHAR, data TEXT)")
        for sender, stamp, intent in events:
            data = {"event": "user", "text": "消息", "parse_data": {"intent": {"name": intent}}}
            db.execute("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES "
                       "(?, 'user', ?, ?)", (sender, stamp, json.dumps(data)))


async def _ticket(backend) -> str:
    status, body = await backend.call("POST", "/tickets", json=CASE,
                                      headers={"Idempotency-Key": uuid.uuid4().hex})
    assert status == 201
    return body["id"]


async def test_old_personal_data_goes_newer_stays(backend, tmp_path):
    engine, now = backend.app[ENGINE], utcnow()
    old_closed, new_closed, old_open = [await _ticket(backend) for _ in range(3)]
    async with engine.begin() as conn:
        await conn.execute(update(tickets).where(tickets.c.id == old_closed).values(
            status="closed", closed_at=now - timedelta(days=3 * 365 + 1)))
        await conn.execute(update(tickets).where(tickets.c.id == new_closed).values(
            status="closed", closed_at=now - timedelta(days=3 * 365 - 1)))
        await conn.execute(update(tickets).where(tickets.c.id == old_open).values(
            created_at=now - timedelta(days=2000)))
        station = (await conn.execute(select(stations.c.id))).scalar()
        for name, age in (("old", 181), ("new", 179)):
            moment = now - timedelta(days=age)
            await conn.execute(insert(handoffs).values(
                conversation_id=f"conv-{name}", station_id=station, reason="worker_request",
                channel="socketio", state="closed", since=moment, updated_at=moment))
            await conn.execute(insert(notification_outbox).values(
                channel="sms", recipient="13805321234", body=f"验证码 {name}",
                created_at=moment, sent_at=moment))
        ratings = await ensure_ratings(conn)
        for name, age in (("old", 181), ("new", 179)):
            await conn.execute(insert(ratings).values(  # ticket_id is unique per rating
                subject="ticket" if name == "new" else "handoff",
                ticket_id=new_closed if name == "new" else None, station_id=station, score=4,
                comment=f"评价 {name}", channel="sms", created_at=now - timedelta(days=age)))
    tracker = tmp_path / "tracker.db"
    epoch = to_beijing(now).timestamp()  # naive UTC → seconds since the epoch
    _tracker(tracker, [("w-old", epoch - 181 * 86400, "greet"),
                       ("w-new", epoch - 86400, "greet")])

    done = await retention.run(engine, retention.Periods(), tracker)
    assert done["tickets_anonymised"] == 1 and done["handoffs"] == 1
    assert done["sms"] == 1 and done["tracker_events"] == 1 and done["rating_comments"] == 1

    async with engine.connect() as conn:
        rows = {r.id: r for r in (await conn.execute(select(tickets))).all()}
        notes = (await conn.execute(select(ticket_events.c.note).where(
            ticket_events.c.ticket_id == old_closed))).scalars().all()
        left = (await conn.execute(select(handoffs.c.conversation_id))).scalars().all()
        sms = (await conn.execute(select(notification_outbox.c.body))).scalars().all()
    gone = rows[old_closed]
    assert gone.contact_phone is None and gone.contact_name is None
    assert gone.facts == {"anonymised": True} and gone.type == "wage_arrears"
    assert set(notes) == {retention.ERASED_NOTE}
    for kept in (new_closed, old_open):  # closed less than 3 years ago; still open
        assert rows[kept].contact_phone == "13805321234"
        assert rows[kept].facts == {"employer": "鑫达电子厂"}
    assert "conv-old" not in left and "conv-new" in left
    assert sms == ["验证码 new"]
    async with engine.connect() as conn:
        comments = (await conn.execute(select(ratings.c.comment, ratings.c.score)
                                       .order_by(ratings.c.id))).all()
    assert [tuple(c) for c in comments] == [(None, 4), ("评价 new", 4)]
    with sqlite3.connect(tracker) as db:
        assert [r[0] for r in db.execute("SELECT sender_id FROM events")] == ["w-new"]
    again = await retention.run(engine, retention.Periods(), tracker)
    assert again["tickets_anonymised"] == 0 and again["handoffs"] == 0


async def test_dashboard_reads_containment_fallbacks_and_intents_from_the_tracker(backend,
                                                                                   tmp_path):
    from dataclasses import replace

    now = to_beijing(utcnow()).timestamp()
    tracker = tmp_path / "tracker.db"
    _tracker(tracker, [("w1", now, "ask_wage_arrears"), ("w1", now, "affirm"),
                       ("w2", now, "nlu_fallback"), ("w2", now, "request_human"),
                       ("w3", now, "ask_wage_arrears"), ("w4", now - 86400 * 40, "greet")])
    backend.app[SETTINGS] = replace(backend.app[SETTINGS], tracker_db=str(tracker))
    status, _ = await backend.call("POST", "/handoffs", json={
        "conversation_id": "w2", "city": "青岛", "district": "辛安街道"})
    assert status == 201
    admin = await backend.login("admin")
    _, data = await backend.call("GET", "/dashboard", admin)
    assert data["tracker_available"] and data["conversations"] == 3
    assert data["containment_rate"] == round(2 / 3, 4)
    assert data["fallback_rate"] == 0.2
    assert data["top_intents"][0] == {"intent": "ask_wage_arrears", "count": 2}
    assert data["handoff_waiting"]["handoffs"] == 1


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_migration_adds_the_operations_schema_to_an_existing_database(tmp_path, dialect):
    from alembic import command
    from alembic.config import Config

    from bot.backend.db import MIGRATIONS, migrate, sync_url
    from tests.backend.conftest import _fresh_postgres_database, _postgres_url

    if dialect == "sqlite":
        url = f"sqlite:///{tmp_path / 'old.db'}"
    elif not _postgres_url():
        pytest.skip("未设置 TEST_POSTGRES_URL：跳过 PostgreSQL 上的迁移测试")
    else:
        url = sync_url(_fresh_postgres_database(_postgres_url()))
    engine = sa.create_engine(url)
    from bot.backend.tables import metadata

    new = {"tickets": {"assignee_staff_id", "outcome", "resolved_at", "closed_at",
                       "escalated_at"},
           "ticket_events": {"action", "actor_staff_id", "details"},
           "staff": {"disabled", "updated_at"}}
    before = sa.MetaData()  # the schema as it was before revision 0003
    for table in metadata.sorted_tables:
        if table.name not in ("audit_log", "record_versions"):
            sa.Table(table.name, before, *[c.copy() for c in table.columns
                                           if c.name not in new.get(table.name, ())])
    before.create_all(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO staff (username, display_name, password_hash, role) "
                             "VALUES ('old', '老账号', 'x', 'station_staff')"))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    command.stamp(config, "0002")
    migrate(url)
    inspector = sa.inspect(engine)
    assert {"audit_log", "record_versions"} <= set(inspector.get_table_names())
    assert {"escalated_at", "outcome"} <= {c["name"] for c in inspector.get_columns("tickets")}
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT disabled FROM staff")).scalar() in (0, False)
    engine.dispose()
