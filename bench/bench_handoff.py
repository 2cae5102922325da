"""Time from a staff reply in the console API to its arrival in the widget's socket."""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from pathlib import Path

import aiohttp
import socketio

from bench.stats import describe_ms
from bot import services
from bot.models import latest_model
from bot.settings import get_settings

MESSAGES = 30


async def _measure(stack) -> list[float]:
    arrived: asyncio.Queue = asyncio.Queue()
    confirmed: asyncio.Future = asyncio.get_running_loop().create_future()
    client = socketio.AsyncClient(reconnection=False)
    client.on("session_confirm", lambda d: confirmed.done() or confirmed.set_result(d))
    client.on("bot_uttered", lambda d: arrived.put_nowait((time.perf_counter(), d)))
    await client.connect(stack.rasa_url, transports=["polling"])
    session = await asyncio.wait_for(confirmed, 10)
    token = get_settings().backend_token
    api = stack.backend_url + "/api/v1"
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{api}/handoffs", headers={"Authorization": f"Bearer {token}"},
                             json={"conversation_id": session["session_id"],
                                   "district": "辛安街道"}) as r:
            handoff = await r.json()
        async with http.post(f"{api}/auth/login", json={"username": "xinan",
                                                        "password": "xinan-demo-2026"}) as r:
            staff = {"Authorization": f"Bearer {(await r.json())['token']}"}
        async with http.post(f"{api}/handoffs/{handoff['id']}/claim", headers=staff) as r:
            await r.read()
        await asyncio.wait_for(arrived.get(), 10)  # the "已接入" notice
        samples = []
        for i in range(MESSAGES):
            started = time.perf_counter()
            async with http.post(f"{api}/handoffs/{handoff['id']}/messages", headers=staff,
                                 json={"text": f"测试消息 {i}"}) as r:
                await r.read()
            at, _ = await asyncio.wait_for(arrived.get(), 10)
            samples.append(at - started)
    await client.disconnect()
    return samples


def main() -> None:
    print("== handoff ==", flush=True)
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    stack = services.local_stack(Path(tempfile.mkdtemp(prefix="bench-handoff-")),
                                 latest_model())
    with stack.group:
        samples = asyncio.run(_measure(stack))
    print(describe_ms("staff reply → widget", samples) + " (target p95 ≤ 2000 ms)")


if __name__ == "__main__":
    main()
