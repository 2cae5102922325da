"""Rasa's ticket lock on Redis in two round trips a turn, and still answering when Redis is down.

Several Rasa instances take turns on one conversation through the Redis lock store: a ticket per
message, tickets served strictly in the order they were issued, a ticket whose holder died expiring
after the lock lifetime. Rasa's ``RedisLockStore`` does this with the synchronous ``redis`` client
and a JSON blob it reads and rewrites: ~7 blocking round trips a turn (issue GET+SET, acquire GET,
cleanup GET+SET+GET+DEL), each one stalling Sanic's single event loop and every other turn on it.

This store keeps the same ticket lock on ``redis.asyncio`` with two Lua scripts, so a turn that
waits for nobody costs two non-blocking round trips:

1. ``ISSUE`` drops expired tickets, issues the next ticket and answers whether it is served now.
   Only when another message of the conversation is being served does the turn poll (``WAIT``,
   every ``wait_time_in_seconds``, as Rasa does) until its ticket is the lowest live one; a ticket
   that expires before its turn raises Rasa's ``LockError``, as Rasa does.
2. ``RELEASE`` removes the ticket, and the key once no ticket is left.

Layout: one hash per conversation, ``<key_prefix>:lock-tickets:<conversation id>``, field ``last``
(the ticket counter) and one field per live ticket (its number -> its expiry, Redis server time in
ms, so the instances' clocks do not matter). The key expires with its latest ticket, so nothing
piles up in Redis. It is not Rasa's ``<key_prefix>:lock:<id>`` JSON string: a Rasa store sharing the
Redis never meets a key of the other type.

An unreachable Redis must cost the cross-instance ordering at most, never the conversation: Rasa's
store raised into the turn, the worker got no answer and their message never reached the tracker.
When a Redis call fails this store serves that turn from a per-process in-memory lock store (the
turns of one conversation on this instance still take turns), logs it once per outage, and goes
back to Redis on the next turn that reaches it. The clients get a short socket timeout, so a hung
Redis costs a turn about a second, not ten.

endpoints.yml::

    lock_store:
      type: bot.lock_store.HotlineLockStore
      url: 127.0.0.1
      port: 6379
      db: 0
      key_prefix: hotline
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import redis
import redis.asyncio
from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore
from rasa.utils.endpoints import EndpointConfig
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
REDIS_SOCKET_TIMEOUT = 1.0  # seconds; Rasa's default (10 s) would outlast the worker's patience
KEY_SPACE = "lock-tickets:"
COUNTER = "last"  # the hash field holding the last issued ticket number
# what a network client raises when the server is gone or hung (redis-py wraps most as RedisError)
REDIS_FAILURES = (RedisError, OSError, asyncio.TimeoutError)

# Shared head of the scripts: the server's clock (one clock for every instance) and the hash read
# once: the live tickets (number -> expiry), the lowest live number (served), the latest expiry,
# the counter, and the expired tickets' fields. Expired fields are ignored by every reader and
# dropped by the next ISSUE or RELEASE, so WAIT only reads.
_SWEEP = """
local key = KEYS[1]
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local function sweep()
  local fields = redis.call('HGETALL', key)
  local state = {head = nil, latest = 0, last = 0, count = 0, live = {}, expired = {}}
  for i = 1, #fields, 2 do
    local name, value = fields[i], fields[i + 1]
    if name == 'last' then
      state.last = tonumber(value)
    elseif tonumber(value) <= now then
      state.expired[#state.expired + 1] = name
    else
      local number = tonumber(name)
      state.live[name], state.count = value, state.count + 1
      if state.head == nil or number < state.head then state.head = number end
      if tonumber(value) > state.latest then state.latest = tonumber(value) end
    end
  end
  return state
end
"""

# ARGV[1] = lifetime in ms -> {ticket number, its expiry (ms), 1 if served now else 0}
ISSUE = _SWEEP + """
local state = sweep()
if #state.expired > 0 then redis.call('HDEL', key, unpack(state.expired)) end
local number = state.last + 1
local expires = now + tonumber(ARGV[1])
redis.call('HSET', key, 'last', number, number, string.format('%d', expires))
redis.call('PEXPIREAT', key, string.format('%d', math.max(state.latest, expires)))
if state.head == nil then return {number, expires, 1} end
return {number, expires, 0}
"""

# ARGV[1] = ticket number -> 1 served, 0 wait, -1 the ticket expired (or is unknown)
WAIT = _SWEEP + """
local state = sweep()
if state.live[ARGV[1]] == nil then return -1 end
if state.head == tonumber(ARGV[1]) then return 1 end
return 0
"""

# ARGV[1] = ticket number, ARGV[2] = its expiry -> tickets left. The expiry must match: once a key
# has expired its numbers start again, and a late release must not take a newer turn's ticket.
RELEASE = _SWEEP + """
local state = sweep()
local gone = state.expired
if state.live[ARGV[1]] == ARGV[2] then
  gone[#gone + 1] = ARGV[1]
  state.count = state.count - 1
end
if state.count == 0 then
  redis.call('DEL', key)
elseif #gone > 0 then
  redis.call('HDEL', key, unpack(gone))
end
return state.count
"""


def _client_options(host: str = "localhost", port: int = 6379, db: int = 1, username: str | None = None,
                    password: str | None = None, use_ssl: bool = False, ssl_certfile: str | None = None,
                    ssl_keyfile: str | None = None, ssl_ca_certs: str | None = None,
                    socket_timeout: float = REDIS_SOCKET_TIMEOUT) -> dict[str, Any]:
    """Rasa's ``RedisLockStore`` arguments (and defaults, db 1) as redis-py client options; an
    unknown option fails here as it failed in Rasa's store. The connect timeout is the socket
    timeout too: a host that drops packets must not hold the turn longer than a hung Redis."""
    return {"host": host, "port": int(port), "db": int(db), "username": username, "password": password,
            "ssl": use_ssl, "ssl_certfile": ssl_certfile, "ssl_keyfile": ssl_keyfile,
            "ssl_ca_certs": ssl_ca_certs, "socket_timeout": socket_timeout,
            "socket_connect_timeout": socket_timeout}


def _key_base(key_prefix: str | None) -> str:
    """Rasa's rule for the prefix: alphanumeric or ignored (with a warning)."""
    if key_prefix and isinstance(key_prefix, str) and key_prefix.isalnum():
        return f"{key_prefix}:{KEY_SPACE}"
    if key_prefix:
        logger.warning("Omitting non-alphanumeric redis key prefix %r for the lock store", key_prefix)
    return KEY_SPACE


def _milliseconds(seconds: float) -> int:
    return max(1, int(seconds * 1000))


@dataclass
class RedisTicket:
    """One turn's ticket in Redis: what the release needs, and whether it is served yet."""

    conversation_id: str
    key: str
    number: int
    expires_ms: int
    served: bool

    def as_lock(self) -> TicketLock:
        """Rasa's callers get a ``TicketLock``; this one holds the ticket being served (ours)."""
        return TicketLock(self.conversation_id, deque([Ticket(self.number, self.expires_ms / 1000)]))


@dataclass
class AsyncRedis:
    """The async client and its scripts for one event loop (asyncio connections belong to one)."""

    loop: asyncio.AbstractEventLoop
    client: Any
    issue: Any
    wait: Any
    release: Any

    @classmethod
    def connect(cls, options: dict[str, Any]) -> AsyncRedis:
        client = redis.asyncio.Redis(**options)
        return cls(asyncio.get_running_loop(), client, client.register_script(ISSUE),
                   client.register_script(WAIT), client.register_script(RELEASE))


class HotlineLockStore(LockStore):
    """Redis ticket locks in two async round trips a turn, with an in-memory fallback."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        """Rasa builds custom lock stores as ``cls(endpoint_config=...)``; ``url`` is the host.
        Nothing connects here: both clients connect on first use."""
        options: dict[str, Any] = dict(endpoint_config.kwargs) if endpoint_config else {}
        options.update(kwargs)
        host = (endpoint_config.url if endpoint_config else None) or options.pop("host", "localhost")
        options.pop("url", None)
        self.key_prefix = _key_base(options.pop("key_prefix", None))
        self.options = _client_options(host, **options)
        self.red = redis.Redis(**self.options)  # only for the plain LockStore interface below
        self.memory = InMemoryLockStore()
        self.redis_down = False
        self._async: AsyncRedis | None = None
        self._giving_back: set[asyncio.Future[None]] = set()
        super().__init__()

    def key(self, conversation_id: str) -> str:
        return self.key_prefix + conversation_id

    # -- the plain LockStore interface, synchronous as Rasa defines it; Rasa's turns only call lock()

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        """The conversation's live tickets as Rasa's ``TicketLock`` (expiries in seconds)."""
        fields = self.red.hgetall(self.key(conversation_id))
        tickets = sorted((int(f), int(v) / 1000) for f, v in fields.items() if f.decode() != COUNTER)
        if not tickets:
            return None
        return TicketLock(conversation_id, deque(Ticket(n, e) for n, e in tickets))

    def delete_lock(self, conversation_id: str) -> None:
        self._log_deletion(conversation_id, bool(self.red.delete(self.key(conversation_id))))

    def save_lock(self, lock: TicketLock) -> None:
        """Writes ``lock`` in the scripts' layout, in one MULTI so a reader never sees half of it
        (its expiries are this host's clock, the scripts' are Redis's: Rasa's turns never call it)."""
        key = self.key(lock.conversation_id)
        tickets = {str(t.number): _milliseconds(t.expires) for t in lock.tickets}
        with self.red.pipeline() as pipe:
            pipe.delete(key)
            if tickets:
                pipe.hset(key, mapping={COUNTER: lock.last_issued, **tickets})
                pipe.pexpireat(key, max(tickets.values()))
            pipe.execute()

    # -- the per-turn path: async client only

    def _scripts(self) -> AsyncRedis:
        """This loop's client: a client made on another loop (a test's, a restarted server's)
        cannot be awaited here."""
        if self._async is None or self._async.loop is not asyncio.get_running_loop():
            self._async = AsyncRedis.connect(self.options)
        return self._async

    def _note(self, down: bool, error: BaseException | None = None) -> None:
        """Logs the change between Redis and the fallback once, not on every turn."""
        if down and not self.redis_down:
            logger.error("Redis lock store unreachable (%r): serving locks from this process", error)
        elif not down and self.redis_down:
            logger.warning("Redis lock store reachable again")
        self.redis_down = down

    async def _issue(self, conversation_id: str, lock_lifetime: float) -> RedisTicket:
        """Round trip 1: a new ticket, served at once when no other ticket is live."""
        key = self.key(conversation_id)
        number, expires, served = await self._scripts().issue(keys=[key], args=[_milliseconds(lock_lifetime)])
        return RedisTicket(conversation_id, key, int(number), int(expires), bool(served))

    async def _wait(self, ticket: RedisTicket, wait_time_in_seconds: float) -> None:
        """Polls, as Rasa does, until ``ticket`` is the lowest live one; ``LockError`` once it expired."""
        while not ticket.served:
            await asyncio.sleep(wait_time_in_seconds)
            state = int(await self._scripts().wait(keys=[ticket.key], args=[ticket.number]))
            if state < 0:
                raise LockError(f"Could not acquire lock for conversation_id '{ticket.conversation_id}'.")
            ticket.served = state == 1

    async def _release(self, ticket: RedisTicket) -> None:
        """Round trip 2, shielded: a turn cancelled now still gives its ticket back."""
        await asyncio.shield(self._send_release(ticket))

    async def _send_release(self, ticket: RedisTicket) -> None:
        """A failure only leaves the ticket to expire by itself (lock lifetime)."""
        try:
            await self._scripts().release(keys=[ticket.key], args=[ticket.number, ticket.expires_ms])
        except REDIS_FAILURES as error:
            self._note(True, error)

    async def _issue_shielded(self, conversation_id: str, lock_lifetime: float) -> RedisTicket:
        """``_issue``, but a turn cancelled while it is in flight (the worker's connection dropped)
        does not leave an unknown ticket behind: the script may already have run, and that ticket
        would hold the conversation's next messages, on every instance, for the lock lifetime."""
        issuing = asyncio.ensure_future(self._issue(conversation_id, lock_lifetime))
        try:
            return await asyncio.shield(issuing)
        except asyncio.CancelledError:
            issuing.add_done_callback(self._give_back)
            raise

    def _give_back(self, issuing: asyncio.Future[RedisTicket]) -> None:
        """Releases the ticket of a cancelled turn once Redis has answered with it."""
        if not issuing.cancelled() and issuing.exception() is None:
            self._release_later(issuing.result())

    def _release_later(self, ticket: RedisTicket) -> None:
        """Releases ``ticket`` without holding up the turn (it may fail: the ticket then expires)."""
        task = asyncio.ensure_future(self._send_release(ticket))
        self._giving_back.add(task)  # the loop keeps only a weak reference to a task
        task.add_done_callback(self._giving_back.discard)

    async def _acquire(self, conversation_id: str, lock_lifetime: float,
                       wait_time_in_seconds: float) -> RedisTicket | None:
        """The served ticket from Redis, or None when Redis failed on the way (the turn goes to
        memory). A turn cancelled or refused while waiting gives its ticket back at once, so the
        next message is not held up for the lock lifetime."""
        try:
            ticket = await self._issue_shielded(conversation_id, lock_lifetime)
        except REDIS_FAILURES as error:
            self._note(True, error)
            return None
        self._note(False)
        try:
            await self._wait(ticket, wait_time_in_seconds)
        except REDIS_FAILURES as error:  # the turn goes on from memory, not waiting for Redis
            self._note(True, error)
            self._release_later(ticket)
            return None
        except BaseException:
            await self._release(ticket)
            raise
        return ticket

    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncGenerator[TicketLock, None]:
        """Rasa's ``LockStore.lock``; a Redis failure never ends the turn (see module doc)."""
        ticket = await self._acquire(conversation_id, lock_lifetime, wait_time_in_seconds)
        if ticket is None:
            async with self.memory.lock(conversation_id, lock_lifetime, wait_time_in_seconds) as lock:
                yield lock
            return
        try:
            yield ticket.as_lock()
        finally:
            await self._release(ticket)
