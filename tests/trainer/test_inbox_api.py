"""The inbox's API on the real backend app: paged, and off the backend's event loop.

Before: one request grouped the whole inbox (an n×n similarity matrix, 4,000 items: 1.5 s
and 231 MB) on the event loop every other request waits on.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from test_inbox import _said, publish

from bot.backend.app import create_app
from bot.settings import ROOT, get_settings

# the backend app with 6,000 inbox items: left out of make test-fast, run by make test
pytestmark = pytest.mark.slow


@pytest.fixture
async def backend_with_a_big_inbox(tmp_path, monkeypatch):
    import shutil

    events = tmp_path / "events.db"
    publish(events, "rest-big", *[_said(f"第{n}号问题：这个事情{n % 13}我不太清楚该找谁", "nlu_fallback", 0.2)
                                  for n in range(6000)])
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "domain.yml", tmp_path / "domain.yml")
    monkeypatch.setenv("EVENTS_DB_URL", f"sqlite:///{events}")
    monkeypatch.setenv("TRAINER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TRAINER_DECISIONS", str(tmp_path / "decisions.json"))
    app = create_app(replace(get_settings(), database_url=f"sqlite+aiosqlite:///{tmp_path / 'backend.db'}"))
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    async with aiohttp.ClientSession() as http:
        url = str(server.make_url("")).rstrip("/") + "/api/v1"
        async with http.post(f"{url}/auth/login", json={"username": "trainer",
                                                        "password": "trainer-demo-2026"}) as r:
            token = (await r.json())["token"]
        yield http, url, {"Authorization": f"Bearer {token}"}
    await server.close()


async def test_the_inbox_is_paged_and_the_loop_keeps_serving(backend_with_a_big_inbox):
    http, url, auth = backend_with_a_big_inbox

    async def inbox(**params):
        async with http.get(f"{url}/trainer/inbox", headers=auth, params=params) as response:
            assert response.status == 200, await response.text()
            return await response.json()

    async def health() -> float:
        started = time.monotonic()
        async with http.get(f"{url}/health") as response:
            assert response.status == 200
        return time.monotonic() - started

    first_page = asyncio.create_task(inbox(limit="50"))
    await asyncio.sleep(0.05)
    waits = []
    while not first_page.done():
        waits.append(await health())
        await asyncio.sleep(0.05)
    page = await first_page
    assert page["total"] == 6000 and len(page["items"]) == 50
    assert waits and max(waits) < 1.0, f"the event loop was held: health waited {max(waits):.2f} s"
    second = await inbox(limit="50", offset="50")
    assert not {i["id"] for i in page["items"]} & {i["id"] for i in second["items"]}
    async with http.get(f"{url}/trainer/inbox", headers=auth, params={"limit": "100000"}) as response:
        assert response.status == 400, "a page is at most 200 items"
