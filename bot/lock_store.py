"""Rasa's Redis lock store, which keeps answering when Redis is down.

Several Rasa instances take turns on one conversation through the Redis lock store.
Rasa's ``RedisLockStore`` raises into the turn when Redis is unreachable: the worker
gets no answer and their message never reaches the tracker. An unreachable Redis must
cost the cross-instance ordering at most, never the conversation.

This store uses Redis as Rasa's does; when a Redis call fails it serves that turn from a
per-process in-memory lock store instead (the turns of one conversation on this instance
still take turns), logs it once per outage, and goes back to Redis on the next turn that
reaches it. The Redis client gets a short socket timeout, so a hung Redis costs a turn
about a second, not ten.

endpoints.yml::

    lock_store:
      type: bot.lock_store.HotlineLockStore
      url: 127.0.0.1
      port: 6379
      db: 0
      key_prefix: hotline
"""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
REDIS_SOCKET_TIMEOUT = 1.0  # seconds; Rasa's default (10 s) would outlast the worker's patience


class HotlineLockStore(LockStore):
    """Redis ticket locks with an in-memory fallback while Redis is unreachable."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        """Rasa builds custom lock stores as ``cls(endpoint_config=...)``; ``url`` is the host."""
        options: dict[str, Any] = dict(endpoint_config.kwargs) if endpoint_config else {}
        options.update(kwargs)
        host = (endpoint_config.url if endpoint_config else None) or options.pop("host", "localhost")
        options.pop("url", None)
        options.setdefault("socket_timeout", REDIS_SOCKET_TIMEOUT)
        self.redis = RedisLockStore(host=host, **options)
        self.memory = InMemoryLockStore()
        self.redis_down = False
        super().__init__()

    # the plain LockStore interface answers from Redis (used by Rasa's own checks)
    def get_lock(self, conversation_id: str) -> TicketLock | None:
        return self.redis.get_lock(conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        self.redis.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self.redis.save_lock(lock)

    def _note(self, down: bool, error: Exception | None = None) -> None:
        """Logs the change between Redis and the fallback once, not on every turn."""
        if down and not self.redis_down:
            logger.error("Redis lock store unreachable (%s): serving locks from this process", error)
        elif not down and self.redis_down:
            logger.warning("Redis lock store reachable again")
        self.redis_down = down

    async def _take(self, conversation_id: str, lock_lifetime: float,
                    wait_time_in_seconds: float) -> tuple[LockStore, int, TicketLock]:
        """A ticket and the lock from Redis, or from memory when Redis fails on the way."""
        try:
            ticket = self.redis.issue_ticket(conversation_id, lock_lifetime)
        except LockError as error:  # Rasa wraps the Redis error
            self._note(True, error)
        else:
            try:
                lock = await self.redis._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
                self._note(False)
                return self.redis, ticket, lock
            except RedisError as error:
                self._note(True, error)
        ticket = self.memory.issue_ticket(conversation_id, lock_lifetime)
        lock = await self.memory._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
        return self.memory, ticket, lock

    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncGenerator[TicketLock, None]:
        """Rasa's ``LockStore.lock``; a Redis failure never ends the turn (see module doc)."""
        store, ticket, lock = await self._take(conversation_id, lock_lifetime, wait_time_in_seconds)
        try:
            yield lock
        finally:
            try:
                store.cleanup(conversation_id, ticket)
            except RedisError as error:  # the ticket expires by itself (lock lifetime)
                self._note(True, error)
