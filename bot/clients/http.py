"""The HTTP session every client of ``bot/clients`` shares the handling of.

An ``aiohttp.ClientSession`` belongs to the event loop it was opened on. The action server,
the channel and the tests call a client from more than one loop over its life (one per test,
rasa_sdk's loop after import), so the session is (re)opened on the running loop when needed.
This was written twice (backend client and Rasa client); one copy now.
"""

from __future__ import annotations

import asyncio

import aiohttp


class LoopSession:
    """An aiohttp session with one timeout, reopened when the running loop changes."""

    def __init__(self, timeout: float) -> None:
        self.timeout = aiohttp.ClientTimeout(total=timeout, connect=min(timeout, 1.5))
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _http(self) -> aiohttp.ClientSession:
        """The session for the running loop (a new one after the loop or the session closed)."""
        loop = asyncio.get_running_loop()
        if self._session is None or self._session.closed or self._loop is not loop:
            self._session = aiohttp.ClientSession(timeout=self.timeout)
            self._loop = loop
        return self._session

    async def close(self) -> None:
        """Closes the session (a later call opens a new one)."""
        if self._session and not self._session.closed:
            await self._session.close()
