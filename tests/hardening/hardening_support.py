"""Shared by the fault-injection and fuzzing suites: a cuttable proxy, a widget client, figures."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import socketio

FIGURES_PATH = Path("var/hardening-figures.json")


class FaultProxy:
    """A TCP proxy in front of a real service, on its own thread: pass, slow (each request
    forwarded after ``delay`` seconds) or cut (connections refused and dropped)."""

    def __init__(self, upstream_port: int, delay: float = 5.0) -> None:
        self.upstream_port = upstream_port
        self.delay = delay
        self.mode = "pass"
        self.loop = asyncio.new_event_loop()
        self.connections: set[asyncio.StreamWriter] = set()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        ready = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self.thread.start()
        ready.wait(10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _run(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)
        self.server = self.loop.run_until_complete(
            asyncio.start_server(self._serve, "127.0.0.1", self.port))
        ready.set()
        self.loop.run_forever()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, slow: bool) -> None:
        try:
            while data := await reader.read(65536):
                if slow and self.mode == "slow":
                    await asyncio.sleep(self.delay)
                if self.mode == "cut":
                    break
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.mode == "cut":
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            writer.close()
            return
        self.connections.update({writer, up_writer})
        await asyncio.gather(self._pipe(reader, up_writer, True), self._pipe(up_reader, writer, False))
        self.connections.difference_update({writer, up_writer})

    def set(self, mode: str) -> None:
        """pass / slow / cut; cutting also drops the open (keep-alive) connections."""
        self.mode = mode
        if mode == "cut":
            def drop() -> None:
                for writer in list(self.connections):
                    writer.close()
            self.loop.call_soon_threadsafe(drop)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.server.close)
        self.loop.call_soon_threadsafe(self.loop.stop)


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
