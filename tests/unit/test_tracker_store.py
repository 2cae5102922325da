"""bot.tracker_store: flat cost per turn, nothing lost, shared by several writers.

Runs on SQLite, and on PostgreSQL (a database of its own) when TEST_POSTGRES_URL is set.
"""

from __future__ import annotations

import asyncio
import gc
import os
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered

from bot.settings import ROOT
from bot.tracker_store import EVENTS, HotlineTrackerStore

DOMAIN = Domain.load(ROOT / "domain.yml")


class CollectingBroker:
    """Stands in for RabbitMQ here (the real one is used by tests/integration/test_scale_path.py)."""

    def __init__(self) -> None:
        self.published: list[dict] = []

    def publish(self, event: dict) -> None:
        self.published.append(event)


def _pg_admin_url() -> str:
    return os.environ["TEST_POSTGRES_URL"].replace("+asyncpg", "")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path: Path):
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'tracker.db'}"
        return
    if not os.environ.get("TEST_POSTGRES_URL"):
        pytest.skip("未设置 TEST_POSTGRES_URL（.ci/run 会设置）：跳过 PostgreSQL 跟踪存储测试")
    name = f"h_perf_ts_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f"CREATE DATABASE {name}"))
    base = os.environ["TEST_POSTGRES_URL"].rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def _turn(n: int) -> list:
    return [UserUttered(f"第{n}句", {"name": "inform", "confidence": 0.9}),
            ActionExecuted("utter_greet"), BotUttered(f"回复{n}"), ActionExecuted("action_listen")]


async def _say(store: HotlineTrackerStore, sender: str, n: int, extra: list | None = None) -> None:
    tracker = await store.get_or_create_tracker(sender)
    for event in _turn(n) + (extra or []):
        tracker.update(event)
    await store.save(tracker)


async def test_slots_and_form_survive_and_the_working_tracker_stays_bounded(store_url):
    broker = CollectingBroker()
    store = HotlineTrackerStore(DOMAIN, store_url, broker, keep_turns=5)
    try:
        await _say(store, "w1", 0, [SlotSet("city", "青岛"), ActiveLoop("find_station_form"),
                                    SlotSet("requested_slot", "district")])
        for n in range(1, 40):
            await _say(store, "w1", n)
        tracker = await store.retrieve("w1")
        users = [e for e in tracker.events if isinstance(e, UserUttered)]
        assert [u.text for u in users] == [f"第{n}句" for n in range(35, 40)]
        assert tracker.get_slot("city") == "青岛" and tracker.get_slot("requested_slot") == "district"
        assert tracker.active_loop_name == "find_station_form"
        assert tracker.latest_message.text == "第39句"

        full = await store.retrieve_full_tracker("w1")
        assert [e.text for e in full.events if isinstance(e, UserUttered)] == [f"第{n}句" for n in range(40)]
        async with store.engine.connect() as connection:
            stored = (await connection.execute(sa.select(sa.func.count()).select_from(EVENTS))).scalar()
        assert stored == len(full.events), "every event stored once"
        assert len(broker.published) == len(full.events), "every event published once"
        assert [e["text"] for e in broker.published if e["event"] == "user"] == [f"第{n}句" for n in range(40)]
    finally:
        await store.engine.dispose()


async def test_a_conflicting_writer_loses_nothing(store_url):
    store = HotlineTrackerStore(DOMAIN, store_url, keep_turns=5)
    try:
        await _say(store, "w2", 0)
        first, second = await store.retrieve("w2"), await store.retrieve("w2")
        for event in _turn(1):
            first.update(event)
        for event in _turn(2):
            second.update(event)
        await store.save(first)
        await store.save(second)  # read before the first save: rebuilt from the history
        tracker = await store.retrieve("w2")
        assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["第0句", "第1句", "第2句"]
    finally:
        await store.engine.dispose()


async def test_conversations_stored_by_rasas_sql_store_continue(tmp_path):
    legacy = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "old.db"))
    tracker = await legacy.get_or_create_tracker("old")
    for event in _turn(0) + [SlotSet("city", "上海")]:
        tracker.update(event)
    await legacy.save(tracker)
    store = HotlineTrackerStore(DOMAIN, f"sqlite+aiosqlite:///{tmp_path / 'old.db'}", keep_turns=5)
    try:
        await _say(store, "old", 1)
        tracker = await store.retrieve("old")
        assert tracker.get_slot("city") == "上海"
        assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["第0句", "第1句"]
    finally:
        await store.engine.dispose()


async def _cpu_per_turn(store, sender: str, first: int, turns: int, rounds: int = 3) -> float:
    """CPU seconds per turn, the least of ``rounds`` rounds, with the cyclic GC held off.

    Inside a long pytest run the process holds everything earlier tests left, and a full
    collection landing in one round made turn 200 look 45 % dearer than turn 10 (make test,
    once); the store's own cost is what the test is about."""
    costs = []
    for r in range(rounds):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            for n in range(first + r * turns, first + (r + 1) * turns):
                await _say(store, sender, n)
            costs.append((time.process_time() - started) / turns)
        finally:
            gc.enable()
    return min(costs)


@pytest.mark.slow  # a performance measurement, hundreds of turns
async def test_turn_200_costs_what_turn_10_costs(tmp_path):
    """Rasa's SQL store: retrieve + save of turn 200 cost several times turn 10's."""
    store = HotlineTrackerStore(DOMAIN, f"sqlite+aiosqlite:///{tmp_path / 't.db'}", keep_turns=10)
    try:
        for n in range(10):
            await _say(store, "long", n)
        early = await _cpu_per_turn(store, "long", 10, 10)
        early_events = len((await store.retrieve("long")).events)
        for n in range(40, 200):
            await _say(store, "long", n)
        late = await _cpu_per_turn(store, "long", 200, 10)
        late_events = len((await store.retrieve("long")).events)
    finally:
        await store.engine.dispose()
    # what a turn reads does not grow with the conversation (the mechanism); the CPU bound is
    # loose because a timed test on a loaded CI machine moves by a third (make bench holds the
    # 10 % target: turn 200 against turn 10)
    assert late_events <= early_events * 1.5, (early_events, late_events)
    assert late < early * 2, f"turn 10: {early * 1000:.1f} ms, turn 200: {late * 1000:.1f} ms CPU"


@pytest.mark.slow  # a performance measurement, hundreds of turns
def test_many_conversations_at_once_on_sqlite(tmp_path):
    """20 conversations taking turns concurrently on one event loop: every turn stored
    (several SQLite connections failed here with "database is locked")."""
    async def conversation(store: HotlineTrackerStore, sender: str) -> None:
        for n in range(6):
            await _say(store, sender, n)

    async def run() -> None:
        store = HotlineTrackerStore(DOMAIN, f"sqlite+aiosqlite:///{tmp_path / 'c.db'}")
        try:
            await asyncio.gather(*(conversation(store, f"c{i}") for i in range(20)))
            assert sorted(await store.keys()) == sorted(f"c{i}" for i in range(20))
            for i in range(20):
                tracker = await store.retrieve(f"c{i}")
                assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == \
                    [f"第{n}句" for n in range(6)]
        finally:
            await store.engine.dispose()

    asyncio.run(run())


def test_a_process_with_an_open_sqlite_store_exits(tmp_path):
    """Rasa never closes its tracker store. With aiosqlite's connection thread a non-daemon, a
    stopped Rasa process hung at exit forever (the launcher could not restart it); the turn it
    saved is kept all the same."""
    import subprocess
    import sys

    url = f"sqlite+aiosqlite:///{tmp_path / 'open.db'}"
    script = (
        "import asyncio\n"
        "from rasa.shared.core.domain import Domain\n"
        "from rasa.shared.core.trackers import DialogueStateTracker\n"
        "from rasa.shared.core.events import UserUttered\n"
        "from bot.tracker_store import HotlineTrackerStore\n"
        "async def main():\n"
        f"    store = HotlineTrackerStore(Domain.load('domain.yml'), '{url}')\n"
        "    tracker = DialogueStateTracker('left-open', [])\n"
        "    tracker.update(UserUttered('你好'))\n"
        "    await store.save(tracker)\n"
        "asyncio.run(main())\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, timeout=60,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    with sa.create_engine(f"sqlite:///{tmp_path / 'open.db'}").connect() as db:
        assert db.execute(sa.select(sa.func.count()).select_from(EVENTS)).scalar() >= 1
