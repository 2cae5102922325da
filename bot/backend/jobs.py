"""The backend's scheduled jobs: 督办 of overdue tickets and the retention pass.

One asyncio task per backend process, every ``jobs_interval_seconds`` (0 turns it off); the
retention pass at most once a day. Both jobs are idempotent, so several backend instances
running them at the same time do no harm.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from aiohttp import web

from bot.backend import retention, workflow
from bot.backend.appkeys import ENGINE, JOBS_TASK, SETTINGS

logger = logging.getLogger(__name__)
RETENTION_EVERY = 24 * 3600


async def run_once(app: web.Application, with_retention: bool) -> None:
    settings = app[SETTINGS]
    try:
        escalated = await workflow.escalate_overdue(app[ENGINE])
        if escalated:
            logger.info("督办: %d overdue tickets escalated", len(escalated))
        if with_retention:
            await retention.run(app[ENGINE], retention.Periods.of(settings), settings.tracker_db)
    except Exception:  # a failed pass is retried at the next interval
        logger.exception("scheduled job failed")


async def _loop(app: web.Application, interval: int) -> None:
    last_retention = -float(RETENTION_EVERY)
    await asyncio.sleep(min(interval, 5))  # started before the engine: let startup finish
    while True:
        due = time.monotonic() - last_retention >= RETENTION_EVERY
        await run_once(app, due)
        if due:
            last_retention = time.monotonic()
        await asyncio.sleep(interval)


async def _start(app: web.Application) -> None:
    interval = app[SETTINGS].jobs_interval_seconds
    if interval > 0:
        app[JOBS_TASK] = asyncio.create_task(_loop(app, interval))


async def _stop(app: web.Application) -> None:
    task = app.get(JOBS_TASK)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def setup_jobs(app: web.Application) -> None:
    """Called by the operations extension; startup order: after the engine exists."""
    # the signals' ignores: aiohttp 3.9 declares them as aiosignal's Signal[T], but
    # aiosignal 1.4 (requirements.lock) made Signal variadic: mypy reads every handler as mistyped
    app.on_startup.append(_start)  # type: ignore[arg-type]
    app.on_cleanup.insert(0, _stop)  # type: ignore[arg-type]
