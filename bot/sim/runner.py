"""Runs scenarios against a running product, several conversations at a time.

Each conversation has its own sender id (unique per run, so a second run on the same stack
never sees the first one's tickets). Workers that get one-time codes on the same phone take
turns: the backend verifies the newest code of a phone, so two at once would spoil each other.

The backend limits one-time codes to 5 per phone an hour, and the set has dozens of relief
conversations on the two demo hardship members' phones: on a stack of its own (a SQLite file
nobody else uses) the simulator clears the rate-limit counters before each conversation, as
each simulated worker is a different person calling once. Against a shared product it cannot,
and relief scenarios beyond the limit fail with the bot's "too many codes" answer.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import aiohttp

from bot.sim.scenarios import Scenario
from bot.sim.worker import Product, Result, SimulatedWorker

DEFAULT_CONCURRENCY = 6


def limit_reset(database_url: str) -> Callable[[], None] | None:
    """Clears the backend's rate-limit counters in a stack's own SQLite database."""
    prefix = "sqlite+aiosqlite:///"
    if not database_url.startswith(prefix):
        return None
    path = Path(database_url[len(prefix):])

    def reset() -> None:
        with sqlite3.connect(path, timeout=10) as db:
            db.execute("DELETE FROM rate_limit_events")
    return reset


def _otp_phone(scenario: Scenario) -> str | None:
    return next((str(f.value) for f in scenario.facts.values() if f.extra.get("otp")), None)


async def run_scenarios(scenarios: list[Scenario], product: Product,
                        concurrency: int = DEFAULT_CONCURRENCY,
                        progress: Callable[[Result], None] | None = None,
                        reset_limits: Callable[[], None] | None = None) -> list[Result]:
    """Every scenario's result, in the scenarios' order; ``reset_limits`` (see
    ``limit_reset``) runs before each conversation."""
    run_id = uuid.uuid4().hex[:8]
    gate = asyncio.Semaphore(concurrency)
    phone_locks: dict[str, asyncio.Lock] = {}
    connector = aiohttp.TCPConnector(limit=concurrency * 2)

    async with aiohttp.ClientSession(connector=connector) as session:
        async def one(index: int, scenario: Scenario) -> Result:
            phone = _otp_phone(scenario)
            lock = phone_locks.setdefault(phone, asyncio.Lock()) if phone else None
            if lock:  # taken before a slot, so waiting for the phone blocks no other worker
                await lock.acquire()
            async with gate:
                try:
                    worker = SimulatedWorker(scenario, product, session,
                                             f"sim-{run_id}-{index:04d}")
                    started = time.monotonic()
                    try:
                        if reset_limits:
                            await asyncio.to_thread(reset_limits)
                        result = await worker.run()
                    except Exception as exc:  # a broken conversation is a result, not a crash
                        result = worker.result
                        result.reason = f"crashed: {exc.__class__.__name__}: {exc}"
                        result.problems += 1
                    result.seconds = round(time.monotonic() - started, 2)
                finally:
                    if lock:
                        lock.release()
            if progress:
                progress(result)
            return result

        return list(await asyncio.gather(*(one(i, s) for i, s in enumerate(scenarios))))
