"""Background tasks of a process (the console's live updates, the SMS outbox worker)."""

from __future__ import annotations

import asyncio
import contextlib


async def cancel(task: asyncio.Task | None) -> None:
    """Stops a background loop and waits until it has unwound (its ``finally`` blocks ran)."""
    if task is None:
        return
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
