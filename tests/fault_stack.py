"""The stack tests may break: the backend, the action server and Rasa on a temporary SQLite
database, the action server and Rasa reaching the backend through a proxy a test can slow
down or cut (``FaultProxy``), the action server's case outbox flushed every 2 s.

One for the session, shared by the conversation tests (tests/e2e: they stop the backend or the
action server mid-conversation) and the fault-injection suite (tests/hardening/test_faults.py:
slows or cuts the backend, kills the action server, restarts Rasa): a model load and three
start-ups once instead of twice. In ``pass`` mode the proxy only relays bytes. After every test
that breaks it, ``restore`` starts what is stopped, sets the proxy back to ``pass`` and checks
that a new conversation gets a real Chinese reply, so no test depends on running before or
after another.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import tempfile
import threading
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot import services
from bot.channels.never_silent import APOLOGY

# utter_default: what the worker reads when an action raised (actions/common.py SafeAction);
# the channels' apology (bot/channels/never_silent.py) says it too
SYSTEM_ERROR = "系统刚才出了点问题"


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


@dataclass
class BreakableStack:
    rasa_url: str
    backend_url: str
    backend_token: str
    work: Path
    group: services.ServiceGroup
    proxy: FaultProxy

    def service(self, name: str) -> services.Service:
        return next(s for s in self.group.services if s.name == name)


@contextlib.contextmanager
def breakable_stack(model: Path) -> Iterator[BreakableStack]:
    """Started, each service answering; stopped (and the proxy closed) on leaving."""
    work = Path(tempfile.mkdtemp(prefix="hotline-e2e-"))
    product = services.local_stack(work, model)
    proxy = FaultProxy(int(product.backend_url.rsplit(":", 1)[1]), delay=5.0)
    for service in product.group.services:
        service.env = {**service.env, "CASE_OUTBOX_FLUSH_SECONDS": "2"}
        if service.name in ("action-server", "rasa"):
            service.env["BACKEND_URL"] = proxy.url
    try:
        with product.group:
            yield BreakableStack(product.rasa_url, product.backend_url, os.environ["BACKEND_TOKEN"],
                                 work, product.group, proxy)
    finally:
        proxy.close()


def restore(stack: BreakableStack) -> None:
    """Puts the proxy back to ``pass``, starts whatever a test left stopped, waits until each
    service answers, and checks that a new conversation gets a real Chinese reply (not the
    apology)."""
    stack.proxy.set("pass")
    for service in stack.group.services:
        if service.process is None or service.process.poll() is not None:
            service.start()
        service.wait_ready(300)
    request = urllib.request.Request(
        f"{stack.rasa_url}/webhooks/rest/webhook", headers={"Content-Type": "application/json"},
        data=json.dumps({"sender": f"e2e-restored-{uuid.uuid4().hex[:8]}", "message": "你好"}).encode())
    with urllib.request.urlopen(request, timeout=60) as response:
        greeting = "\n".join(r.get("text", "") for r in json.load(response))
    assert greeting.strip() and greeting != APOLOGY and SYSTEM_ERROR not in greeting, (
        f"the stack was not restored after a test that broke it: {greeting!r}")
