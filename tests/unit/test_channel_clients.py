"""The widget channel's calls to the backend and to Rasa's API, against real HTTP servers that fail.

- a backend slower than the channel's timeout (or down) during an active handoff: the last
  known state stands, nothing raises (before: the builtin ``TimeoutError`` was caught, not
  aiohttp's ``asyncio.TimeoutError``, and "unreachable" meant "the bot answers");
- Rasa's API failing while a held message is written: kept, written once when it recovers,
  also when the failed write was a timeout that did arrive.
"""

from __future__ import annotations

import asyncio
import json
import time

import pytest
from aiohttp import web

from actions.backend_client import BackendClient
from bot.channels.clients import RasaAPI
from bot.channels.held import HandoffStates, HeldMessages


class Fake:
    """A real aiohttp server whose behaviour the test changes: ok, slow, failing."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.events: list[dict] = []
        self.calls = 0

    async def handoff(self, request: web.Request) -> web.Response:
        if self.mode == "slow":
            await asyncio.sleep(5)
        if request.match_info["cid"] == "nobody":
            return web.json_response({"error": {"code": "not_found", "message": "无"}}, status=404)
        return web.json_response({"state": "active"})

    async def parse(self, request: web.Request) -> web.Response:
        return web.json_response({"text": (await request.json())["text"], "intent": {"name": "inform"}})

    async def append(self, request: web.Request) -> web.Response:
        self.calls += 1
        if self.mode == "fail":
            return web.json_response({"error": "db down"}, status=500)
        self.events += await request.json()
        if self.mode == "slow-but-written":
            await asyncio.sleep(3)
        return web.json_response({})

    async def tracker(self, request: web.Request) -> web.Response:
        return web.json_response({"events": self.events})


@pytest.fixture
async def fake():
    fake = Fake()
    app = web.Application()
    app.router.add_get("/api/v1/handoffs/by-conversation/{cid}", fake.handoff)
    app.router.add_post("/model/parse", fake.parse)
    app.router.add_post("/conversations/{cid}/tracker/events", fake.append)
    app.router.add_get("/conversations/{cid}/tracker", fake.tracker)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    fake.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
    yield fake
    await runner.cleanup()


async def test_a_slow_backend_keeps_the_last_known_handoff_state(fake):
    states = HandoffStates(BackendClient(fake.url, "t", timeout=1.0, retries=0))
    assert await states.state("w-held") == "active"
    assert await states.state("nobody") is None
    fake.mode = "slow"
    started = time.monotonic()
    assert await states.state("w-held") == "active", "staff still hold it: the bot stays quiet"
    assert time.monotonic() - started < 2
    assert await states.state("w-never-seen") is None


async def test_a_stopped_backend_keeps_the_last_known_handoff_state(fake):
    states = HandoffStates(BackendClient(fake.url, "t", timeout=1.0, retries=0))
    assert await states.state("w-held") == "active"
    states.backend = BackendClient("http://127.0.0.1:9", "t", timeout=1.0, retries=0)
    assert await states.state("w-held") == "active"


async def test_a_held_message_survives_a_failing_rasa_api(fake, tmp_path):
    held = HeldMessages(RasaAPI(fake.url, "t", timeout=1.0), tmp_path / "held.jsonl", retry_after=0.2)
    fake.mode = "fail"
    assert not await held.hold("w-1", "第一句")
    assert not await held.hold("w-1", "第二句")
    spooled = [json.loads(line)["event"]["text"] for line in (tmp_path / "held.jsonl").read_text().splitlines()]
    assert spooled == ["第一句", "第二句"], "kept on disk in order"
    fake.mode = "ok"
    for _ in range(50):
        if not held.pending():
            break
        await asyncio.sleep(0.1)
    assert [e["text"] for e in fake.events] == ["第一句", "第二句"]
    assert (tmp_path / "held.jsonl").read_text() == ""


async def test_a_timed_out_write_that_arrived_is_not_written_twice(fake, tmp_path):
    held = HeldMessages(RasaAPI(fake.url, "t", timeout=1.0), tmp_path / "held.jsonl", retry_after=0.2)
    fake.mode = "slow-but-written"
    await held.hold("w-2", "只说一次")
    fake.mode = "ok"
    for _ in range(50):
        if not held.pending():
            break
        await asyncio.sleep(0.1)
    assert [e["text"] for e in fake.events] == ["只说一次"]


async def test_the_spool_of_a_previous_process_is_written_after_a_restart(fake, tmp_path):
    first = HeldMessages(RasaAPI(fake.url, "t", timeout=1.0), tmp_path / "held.jsonl", retry_after=60)
    fake.mode = "fail"
    await first.hold("w-3", "重启前说的")
    fake.mode = "ok"
    second = HeldMessages(RasaAPI(fake.url, "t", timeout=1.0), tmp_path / "held.jsonl", retry_after=0.1)
    second.load_spool()
    second.start()
    for _ in range(50):
        if not second.pending():
            break
        await asyncio.sleep(0.1)
    assert [e["text"] for e in fake.events] == ["重启前说的"]
