"""bot.lock_store: Rasa's ticket lock in two async Redis round trips a turn, and answering without Redis.

The Redis tests run on .ci/run's TEST_REDIS_URL (a key prefix of their own, removed afterwards);
the fallback tests need no Redis (a port where nothing listens, one that never answers, and a
loopback switch in front of the real Redis).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable
from urllib.parse import urlparse

import pytest
import redis
from rasa.core.lock_store import LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.lock_store import REDIS_SOCKET_TIMEOUT, HotlineLockStore

FAST = 0.01  # seconds between two polls of a waiting turn


def _endpoint(url: str, prefix: str) -> EndpointConfig:
    parsed = urlparse(url)
    return EndpointConfig(url=parsed.hostname or "127.0.0.1", port=parsed.port or 6379,
                          db=int((parsed.path or "/0").lstrip("/") or 0), key_prefix=prefix)


@pytest.fixture
def redis_url() -> str:
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        pytest.skip("未设置 TEST_REDIS_URL（.ci/run 会设置）：跳过 Redis 锁存储测试")
    return url


@pytest.fixture
async def stores(redis_url: str) -> AsyncIterator[Callable[[], HotlineLockStore]]:
    """Stores ("Rasa processes") sharing one fresh key prefix; its keys are removed afterwards."""
    prefix = f"tls{uuid.uuid4().hex[:10]}"
    made: list[HotlineLockStore] = []

    def make() -> HotlineLockStore:
        made.append(HotlineLockStore(_endpoint(redis_url, prefix)))
        return made[-1]

    yield make
    for store in made:
        if store._async is not None:
            await store._async.client.close()
        store.red.close()
    cleaner = redis.Redis(**made[0].options) if made else None
    if cleaner is not None:
        for key in cleaner.scan_iter(f"{prefix}:*"):
            cleaner.delete(key)
        cleaner.close()


class RoundTrips:
    """What the Redis server received from the connections that touched keys containing
    ``marker`` (MONITOR on a connection of its own: the server's count, not the client's). The
    commands a Lua script runs inside Redis are no round trip and are left out."""

    def __init__(self, url: str, marker: str) -> None:
        self.client, self.marker, self.seen = redis.Redis.from_url(url), marker, []
        self.stop = f"stop-{uuid.uuid4().hex}"
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._listen, daemon=True)

    def _listen(self) -> None:
        with self.client.monitor() as monitor:
            self.ready.set()
            for command in monitor.listen():
                if self.stop in command["command"]:
                    return
                self.seen.append(command)

    def __enter__(self) -> RoundTrips:
        self.thread.start()
        assert self.ready.wait(5), "MONITOR did not start"
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.echo(self.stop)  # MONITOR reports in order: everything before it has arrived
        self.thread.join(5)
        self.client.close()

    @property
    def commands(self) -> list[str]:
        ours = {(c["client_address"], c["client_port"]) for c in self.seen
                if c["client_type"] == "tcp" and self.marker in c["command"]}
        return [c["command"] for c in self.seen if (c["client_address"], c["client_port"]) in ours]


async def test_an_uncontended_turn_costs_two_round_trips(stores, redis_url: str):
    """Rasa's RedisLockStore, measured the same way on the same Redis, costs 7 blocking ones."""
    store = stores()
    async with store.lock("warm-up"):  # the connection and the scripts' first load, once per process
        pass
    entered = 0
    with RoundTrips(redis_url, store.key_prefix) as ours:
        for _ in range(2):  # the second turn of the same conversation gets the lock again
            async with store.lock("conversation"):
                entered += 1
    rasa_endpoint = _endpoint(redis_url, store.key_prefix.split(":")[0])
    rasa_store = RedisLockStore(host=rasa_endpoint.url, **rasa_endpoint.kwargs)
    with RoundTrips(redis_url, rasa_store.key_prefix) as rasa:
        async with rasa_store.lock("conversation"):
            pass
    rasa_store.red.close()
    assert entered == 2
    assert len(ours.commands) == 4 and all(c.startswith("EVALSHA") for c in ours.commands), ours.commands
    assert len(rasa.commands) > 2, f"Rasa's store: {rasa.commands}"
    print(f"\nRedis round trips per turn: Rasa's RedisLockStore {len(rasa.commands)}, "
          f"HotlineLockStore {len(ours.commands) / 2:.0f}")
    assert not store.red.exists(store.key("conversation")), "the key goes with its last ticket"


async def test_turns_of_one_conversation_on_two_processes_are_served_in_ticket_order(stores):
    first, second = stores(), stores()
    entered: list[int] = []
    inside, most_inside = 0, 0

    async def turn(store: HotlineLockStore) -> None:
        nonlocal inside, most_inside
        async with store.lock("shared", wait_time_in_seconds=FAST) as lock:
            inside += 1
            most_inside = max(most_inside, inside)
            entered.append(lock.tickets[0].number)
            await asyncio.sleep(0.03)
            inside -= 1

    started = time.monotonic()
    await asyncio.gather(*(turn(first if i % 2 else second) for i in range(8)))
    took = time.monotonic() - started
    assert most_inside == 1, "two turns of one conversation ran at once"
    assert entered == sorted(entered) and len(set(entered)) == 8, f"served out of ticket order: {entered}"
    assert took >= 8 * 0.03, "the turns did not contend"
    assert not (first.redis_down or second.redis_down), "both took their tickets in Redis"


async def test_a_ticket_whose_holder_died_stops_blocking_after_the_lock_lifetime(stores):
    died, store = stores(), stores()
    orphan = await died._issue("conversation", 0.5)  # a process took its ticket and was killed
    assert orphan.served
    started = time.monotonic()
    async with store.lock("conversation", wait_time_in_seconds=0.05):
        waited = time.monotonic() - started
    assert 0.4 <= waited < 1.2, f"waited {waited:.2f} s for a 0.5 s lifetime"


async def test_a_turn_whose_ticket_expires_while_waiting_gets_rasas_lock_error(stores):
    died, store = stores(), stores()
    orphan = await died._issue("conversation", 10)
    started = time.monotonic()
    with pytest.raises(LockError):
        async with store.lock("conversation", lock_lifetime=0.3, wait_time_in_seconds=0.05):
            pytest.fail("entered while another ticket was served")
    assert time.monotonic() - started < 1.0
    assert store.get_lock("conversation").tickets[0].number == orphan.number
    assert len(store.get_lock("conversation").tickets) == 1, "the refused turn's ticket is gone"


async def test_a_cancelled_turn_gives_its_ticket_back_at_once(stores):
    """Sanic cancels a turn whose client went away; its ticket must not hold the next message
    for the lock lifetime (60 s), neither while it waited nor while its ticket was being issued."""
    store = stores()
    holder_in, holder_out = asyncio.Event(), asyncio.Event()

    async def holder() -> None:
        async with store.lock("conversation", wait_time_in_seconds=FAST):
            holder_in.set()
            await holder_out.wait()

    async def waiter() -> None:
        async with store.lock("conversation", wait_time_in_seconds=FAST):
            pytest.fail("entered while the holder was inside")

    holding = asyncio.create_task(holder())
    await holder_in.wait()
    waiting = asyncio.create_task(waiter())
    await asyncio.sleep(0.1)
    waiting.cancel()
    holder_out.set()
    await holding
    await asyncio.wait_for(_one_turn(store), 2)

    scripts = store._scripts()
    issue = scripts.issue

    async def slow_reply(**kwargs: object) -> object:  # Redis ran the script; the reply is late
        reply = await issue(**kwargs)
        await asyncio.sleep(0.3)
        return reply

    scripts.issue = slow_reply
    cancelled = asyncio.create_task(_one_turn(store))
    await asyncio.sleep(0.1)
    cancelled.cancel()
    scripts.issue = issue
    await asyncio.sleep(0.4)
    assert store.get_lock("conversation") is None, "the cancelled turn's ticket was left in Redis"
    await asyncio.wait_for(_one_turn(store), 2)


async def _one_turn(store: HotlineLockStore, conversation: str = "conversation") -> None:
    async with store.lock(conversation, wait_time_in_seconds=FAST):
        pass


async def test_the_key_lives_under_the_prefix_with_a_ttl_and_goes_with_its_last_ticket(stores):
    store = stores()
    key = store.key("conversation")
    assert key.startswith(store.key_prefix) and store.key_prefix.startswith("tls")
    async with store.lock("conversation", lock_lifetime=5):
        assert 0 < store.red.pttl(key) <= 5000, "a key without a TTL would pile up in Redis"
        assert store.is_someone_waiting("conversation"), "the plain interface reads the same key"
    assert not store.red.exists(key)
    await store._issue("conversation", 0.3)  # never released
    assert 0 < store.red.pttl(key) <= 300
    await asyncio.sleep(0.5)
    assert not store.red.exists(key), "an abandoned ticket's key expires by itself"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def _two_turns_take_turns(store: HotlineLockStore) -> list[tuple[float, float]]:
    spans: list[tuple[float, float]] = []

    async def turn() -> None:
        async with store.lock("conversation", wait_time_in_seconds=FAST):
            entered = time.monotonic()
            await asyncio.sleep(0.1)
            spans.append((entered, time.monotonic()))

    await asyncio.gather(turn(), turn())
    (_, first_out), (second_in, _) = sorted(spans)
    assert first_out <= second_in, f"the two turns overlapped: {spans}"
    return spans


async def test_without_redis_the_turns_run_from_memory_and_it_is_logged_once(caplog):
    store = HotlineLockStore(EndpointConfig(url="127.0.0.1", port=_free_port(), db=0, key_prefix="nothere"))
    with caplog.at_level(logging.ERROR, logger="bot.lock_store"):
        started = time.monotonic()
        await _two_turns_take_turns(store)
        await _two_turns_take_turns(store)
    assert time.monotonic() - started < 2
    assert store.redis_down
    assert len([r for r in caplog.records if "unreachable" in r.getMessage()]) == 1, caplog.text


async def test_a_hung_redis_costs_a_turn_about_the_socket_timeout():
    async def never_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()  # takes the command, never replies
        writer.close()

    server = await asyncio.start_server(never_answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    store = HotlineLockStore(EndpointConfig(url="127.0.0.1", port=port, db=0, key_prefix="hung"))
    try:
        started = time.monotonic()
        await _one_turn(store)
        took = time.monotonic() - started
    finally:
        server.close()
    assert store.redis_down and REDIS_SOCKET_TIMEOUT <= took < REDIS_SOCKET_TIMEOUT + 1.0, took


class Switch:
    """A loopback port in front of the real Redis that can refuse it (Redis down) and let it
    through again (Redis back), as a killed and restarted Redis looks to the client."""

    def __init__(self, host: str, port: int) -> None:
        self.target, self.up, self.open = (host, port), True, set()
        self.server: asyncio.AbstractServer | None = None

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self.server.sockets[0].getsockname()[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.up:
            writer.close()
            return
        upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        self.open |= {writer, upstream_writer}
        await asyncio.gather(self._pipe(reader, upstream_writer), self._pipe(upstream_reader, writer))

    @staticmethod
    async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.close()

    def set(self, up: bool) -> None:
        self.up = up
        if not up:
            for writer in self.open:
                writer.close()
            self.open.clear()

    def close(self) -> None:
        self.set(False)
        if self.server is not None:
            self.server.close()


async def test_the_store_goes_back_to_redis_once_it_answers(redis_url: str, caplog):
    parsed = urlparse(redis_url)
    switch = Switch(parsed.hostname or "127.0.0.1", parsed.port or 6379)
    port = await switch.start()
    url = f"redis://127.0.0.1:{port}/{(parsed.path or '/0').lstrip('/') or 0}"
    store = HotlineLockStore(_endpoint(url, f"tls{uuid.uuid4().hex[:10]}"))
    try:
        with caplog.at_level(logging.WARNING, logger="bot.lock_store"):
            await _one_turn(store)
            assert not store.redis_down
            switch.set(False)
            await _two_turns_take_turns(store)
            await _one_turn(store)
            assert store.redis_down
            switch.set(True)
            direct = redis.Redis.from_url(redis_url)  # not through the switch: this loop runs it
            async with store.lock("conversation"):
                in_redis = direct.exists(store.key("conversation"))
            direct.close()
        assert in_redis and not store.redis_down, "back on Redis once it answered"
        messages = [r.getMessage() for r in caplog.records]
        assert sum("unreachable" in m for m in messages) == 1, messages
        assert sum("reachable again" in m for m in messages) == 1, messages
    finally:
        if store._async is not None:
            await store._async.client.close()
        store.red.close()
        switch.close()


async def test_a_late_release_never_takes_a_newer_turns_ticket(stores):
    """A key expires with its last ticket and numbering starts again: the late release of an
    expired ticket must not remove the new ticket that carries the same number."""
    late, store = stores(), stores()
    expired = await late._issue("conversation", 0.2)
    await asyncio.sleep(0.3)
    current = await store._issue("conversation", 5)
    assert current.number == expired.number, "numbering started again (the premise of this test)"
    await late._release(expired)
    assert [t.number for t in store.get_lock("conversation").tickets] == [current.number]
    await store._release(current)
    assert store.get_lock("conversation") is None
