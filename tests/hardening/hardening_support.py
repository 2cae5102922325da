"""Shared by the fault-injection and fuzzing suites: a widget client, figures, and the cuttable
proxy (``FaultProxy``, kept in tests/fault_stack.py with the stack it sits in)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import socketio

from tests.fault_stack import FaultProxy as FaultProxy  # the suites import it from here

FIGURES_PATH = Path("var/hardening-figures.json")


class Widget:
    """A worker's browser on the socket.io channel: ``await widget.say(text)`` → replies, seconds."""

    def __init__(self, rasa_url: str) -> None:
        self.rasa_url = rasa_url
        self.replies: list[dict] = []
        self.session: dict = {}
        self.client: socketio.AsyncClient | None = None

    async def connect(self, token: str | None = None) -> Widget:
        self.client = socketio.AsyncClient(reconnection=False)
        confirmed: asyncio.Future = asyncio.get_running_loop().create_future()
        self.client.on("session_confirm", lambda data: confirmed.done() or confirmed.set_result(data))
        self.client.on("bot_uttered", self.replies.append)
        await self.client.connect(self.rasa_url, socketio_path="/socket.io",
                                  auth={"token": token} if token else None, transports=["polling"])
        self.session = await asyncio.wait_for(confirmed, 15)
        return self

    @property
    def session_id(self) -> str:
        return self.session["session_id"]

    async def say(self, text, wait: float = 10.0, quiet: float = 0.0) -> tuple[list[str], float]:
        """Replies to ``text`` (the first within ``wait`` s, then any within ``quiet`` s)."""
        before = len(self.replies)
        started = time.monotonic()
        await self.client.emit("user_uttered", {"message": text})
        # the socket.io handler appends to self.replies; polling with a deadline measures the latency
        while len(self.replies) == before and time.monotonic() - started < wait:  # noqa: ASYNC110
            await asyncio.sleep(0.05)
        elapsed = time.monotonic() - started
        if quiet:
            await asyncio.sleep(quiet)
        return [r.get("text", "") for r in self.replies[before:]], elapsed

    async def close(self) -> None:
        if self.client:
            with contextlib.suppress(Exception):  # asyncio.TimeoutError included
                await asyncio.wait_for(self.client.disconnect(), 2)


async def rest_say(rasa_url: str, sender: str, text: str, timeout: float = 30) -> tuple[str, float]:
    started = time.monotonic()
    async with (
        aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as http,
        http.post(f"{rasa_url}/webhooks/rest/webhook",
                  json={"sender": sender, "message": text}) as response,
    ):
        assert response.status == 200, await response.text()
        replies = await response.json()
    return "\n".join(r.get("text", "") for r in replies), time.monotonic() - started


async def user_texts(rasa_url: str, token: str, sender: str) -> list[str]:
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{rasa_url}/conversations/{sender}/tracker", params={"token": token}) as r,
    ):
        events = (await r.json())["events"]
    return [e.get("text") for e in events if e.get("event") == "user"]


def chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


@dataclass
class Figures:
    """What the suites print at the end (and keep in var/hardening-figures.json)."""

    values: dict = field(default_factory=dict)

    def add(self, suite: str, **numbers) -> None:
        self.values.setdefault(suite, {}).update(numbers)
        try:
            FIGURES_PATH.parent.mkdir(parents=True, exist_ok=True)
            FIGURES_PATH.write_text(json.dumps(self.values, ensure_ascii=False, indent=1), encoding="utf-8")
        except OSError:
            pass

    def lines(self) -> list[str]:
        return [f"{suite}: " + ", ".join(f"{k} = {v}" for k, v in numbers.items())
                for suite, numbers in self.values.items()]


FIGURES = Figures()
