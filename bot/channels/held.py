"""While staff hold a widget conversation: who holds it, and the worker's messages kept safe.

``HandoffStates``: the backend's handoff record decides whether the bot answers. When the
backend is down or slow, the last state it reported stands; before, "unreachable" meant
"no handoff" and the bot started answering over the member of staff.

``HeldMessages``: a message written while staff hold the chat goes into the tracker through
Rasa's HTTP API. When that fails, it is kept (in memory, in order, and in a spool file that
survives a restart of Rasa) and written later; each carries a ``message_id`` so a retry after
an ambiguous failure (a timeout) checks the tracker first and never writes it twice.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections import OrderedDict, deque
from pathlib import Path
from urllib.parse import quote

from actions.backend_client import BackendClient, BackendError, BackendUnavailable
from bot.channels.clients import RasaAPI, RasaRefused, RasaUnavailable

logger = logging.getLogger(__name__)


class HandoffStates:
    """waiting / active / released / closed, or None; the last known one when unreachable."""

    def __init__(self, backend: BackendClient, remember: int = 20000) -> None:
        self.backend = backend
        self.remember = remember
        self.last: OrderedDict[str, str | None] = OrderedDict()

    def _keep(self, conversation_id: str, state: str | None) -> None:
        self.last[conversation_id] = state
        self.last.move_to_end(conversation_id)
        while len(self.last) > self.remember:
            self.last.popitem(last=False)

    async def state(self, conversation_id: str) -> str | None:
        try:
            record = await self.backend.request(
                "GET", f"/handoffs/by-conversation/{quote(conversation_id, safe='')}")
        except BackendError as exc:
            if exc.status == 404:
                self._keep(conversation_id, None)
                return None
            logger.error("handoff state of %s refused (%s): keeping the last known", conversation_id, exc)
            return self.last.get(conversation_id)
        except BackendUnavailable as exc:
            known = self.last.get(conversation_id)
            logger.warning("backend unavailable for the handoff state of %s (%s): last known %s",
                           conversation_id, exc, known)
            return known
        state = record.get("state") if isinstance(record, dict) else None
        self._keep(conversation_id, state if isinstance(state, str) else None)
        return self.last[conversation_id]


class HeldMessages:
    """Writes held messages to the tracker; nothing lost when Rasa's API fails, nothing doubled."""

    def __init__(self, rasa: RasaAPI, spool: Path, retry_after: float = 1.0,
                 max_retry_after: float = 30.0) -> None:
        self.rasa = rasa
        self.spool = spool
        self.retry_after, self.max_retry_after = retry_after, max_retry_after
        self.queues: dict[str, deque[dict]] = {}
        self.uncertain: set[str] = set()  # message ids whose last write timed out
        self.locks: dict[str, asyncio.Lock] = {}
        self._retry: asyncio.Task | None = None

    def pending(self) -> int:
        return sum(len(q) for q in self.queues.values())

    def load_spool(self) -> None:
        """Messages a previous Rasa process could not write (called at start-up)."""
        if not self.spool.exists():
            return
        for line in self.spool.read_text(encoding="utf-8").splitlines():
            try:
                item = json.loads(line)
            except ValueError:
                continue
            self.queues.setdefault(item["conversation_id"], deque()).append(item)
            self.uncertain.add(item["event"]["message_id"])  # it may have been written after all

    def _save_spool(self) -> None:
        lines = [json.dumps(item, ensure_ascii=False) for q in self.queues.values() for item in q]
        try:
            self.spool.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.spool.with_suffix(".tmp")
            tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            tmp.chmod(0o600)
            tmp.replace(self.spool)
        except OSError:
            logger.exception("could not write the held-message spool %s", self.spool)

    async def hold(self, conversation_id: str, text: str, metadata: dict | None = None) -> bool:
        """Queues the worker's message and writes what it can now; True when it is in the tracker."""
        try:
            parse_data = await self.rasa.parse(text)  # the tracker stays meaningful on resume
        except (RasaUnavailable, RasaRefused) as exc:
            logger.warning("could not parse a held message of %s (%s): kept unparsed", conversation_id, exc)
            parse_data = {"text": text, "intent": {}, "entities": []}
        event = {"event": "user", "text": text, "input_channel": "hotline", "parse_data": parse_data,
                 "message_id": uuid.uuid4().hex, "timestamp": time.time(), "metadata": metadata or {}}
        queue = self.queues.setdefault(conversation_id, deque())
        queue.append({"conversation_id": conversation_id, "event": event})
        self._save_spool()
        await self.flush(conversation_id)
        return not any(item["event"]["message_id"] == event["message_id"] for item in queue)

    async def _written(self, conversation_id: str, message_id: str) -> bool:
        tracker = await self.rasa.tracker(conversation_id)
        return any(e.get("message_id") == message_id for e in tracker.get("events") or []
                   if isinstance(e, dict))

    async def flush(self, conversation_id: str) -> None:
        """Writes the conversation's queued messages in order; stops at the first failure."""
        lock = self.locks.setdefault(conversation_id, asyncio.Lock())
        async with lock:
            queue = self.queues.get(conversation_id) or deque()
            while queue:
                event = queue[0]["event"]
                try:
                    if event["message_id"] in self.uncertain and await self._written(
                            conversation_id, event["message_id"]):
                        pass  # the earlier, timed-out write did arrive
                    else:
                        await self.rasa.append_events(conversation_id, [event])
                except RasaUnavailable as exc:
                    self.uncertain.add(event["message_id"])
                    logger.error("could not write a held message of %s (%s): will retry",
                                 conversation_id, exc)
                    self._schedule()
                    return
                except RasaRefused as exc:
                    # a refusal will not change with time: keep it in the spool for a person
                    logger.error("Rasa refused a held message of %s (%s): kept in %s",
                                 conversation_id, exc, self.spool)
                    self._schedule()
                    return
                queue.popleft()
                self.uncertain.discard(event["message_id"])
                self._save_spool()
            self.queues.pop(conversation_id, None)

    def _schedule(self) -> None:
        if self._retry is None or self._retry.done():
            self._retry = asyncio.get_running_loop().create_task(self._retry_loop())

    async def _retry_loop(self) -> None:
        delay = self.retry_after
        while self.queues:
            await asyncio.sleep(delay)
            for conversation_id in list(self.queues):
                await self.flush(conversation_id)
            delay = min(self.max_retry_after, delay * 2)

    def start(self) -> None:
        """Retries what the spool held (on the running loop)."""
        if self.queues:
            self._schedule()
