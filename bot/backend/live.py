"""Live console updates over socket.io (python-socketio in aiohttp mode, on the backend).

Why: the console used to poll three endpoints every second per open browser. Now each console
holds one socket.io connection (authenticated by its session cookie, joined to its station's
room, the union admin to all) and the backend pushes:

- ``queue``: the station's open handoffs, crisis first, each with its topic, the worker's place
  and latest message — whenever that list changes;
- ``conversation``: ``{handoff_id}`` when a conversation in the queue has new messages (the
  console then reads the transcript once);
- ``tickets``: when a ticket of the station changed (the console re-reads its list).

One loop per backend process watches for those changes (``interval`` seconds, only while a
console is connected): the handoff and ticket tables, and the Rasa tracker of each open handoff
(the only place worker messages are), so Rasa sees one read per open conversation per tick
however many consoles are watching. Trainers are refused: they see only the masked inbox.
"""

from __future__ import annotations

import asyncio
import json
import logging

import aiohttp
import socketio
from aiohttp import web
from sqlalchemy import func, select

from bot import background
from bot.backend.appkeys import ENGINE, SETTINGS
from bot.backend.auth import principal_for
from bot.backend.handoffs import OPEN_STATES
from bot.backend.tables import handoffs, staff, stations, ticket_events, tickets
from bot.backend.tables_notify import attachments
from bot.contract import URGENT_CALLBACK_REASONS

logger = logging.getLogger(__name__)
PATH = "console/live"  # the client connects with path "/console/live/"
RASA_TIMEOUT = aiohttp.ClientTimeout(total=3)
TOPICS = (("wage_arrears", "欠薪"), ("overtime", "加班费"), ("minimum_wage", "最低工资"),
          ("school", "子女入学"), ("relief", "困难帮扶"), ("holiday_subsidy", "节日慰问"),
          ("mutual_insurance", "互助保障"), ("legal_aid", "法律援助"), ("psych", "心理疏导"),
          ("childcare", "托育服务"), ("skills", "技能培训"), ("find_station", "找工作站"),
          ("ticket_status", "查工单"), ("request_human", "要求转人工"), ("callback", "回电"))
REASONS = {"crisis": "危机", "psych_support": "心理疏导后要求转人工", "worker_request": "职工要求转人工"}


def topic_of(names: list[str | None]) -> str | None:
    """The first known service among a pending case type, the active form and the intent."""
    for name in names:
        for key, label in TOPICS:
            if name and key in name:
                return label
    return None


def summarise_tracker(tracker: dict) -> dict:
    """Topic, place and the worker's latest message, from a Rasa tracker."""
    slots = tracker.get("slots") or {}
    events = tracker.get("events") or []
    user = [e for e in events if e.get("event") == "user" and not (e.get("text") or "").startswith("/")]
    latest = user[-1] if user else {}
    intent = ((latest.get("parse_data") or {}).get("intent") or {}).get("name")
    pending = slots.get("pending_case")
    case = pending if isinstance(pending, dict) else {}
    place = "".join(str(slots[k]) for k in ("city", "district") if slots.get(k))
    return {"topic": topic_of([case.get("type"), (tracker.get("active_loop") or {}).get("name"),
                               intent]),
            "place": place or None, "latest_message": (latest.get("text") or "")[:120] or None,
            "latest_at": latest.get("timestamp"),
            "messages": sum(1 for e in events if e.get("event") in ("user", "bot"))}


class LiveHub:
    def __init__(self, app: web.Application, interval: float = 1.0) -> None:
        self.app, self.interval = app, interval
        self.sio = socketio.AsyncServer(async_mode="aiohttp", logger=False, engineio_logger=False)
        self.sio.attach(app, socketio_path=PATH)
        self.sio.on("connect", self._connect)
        self.sio.on("disconnect", self._disconnect)
        self.clients = 0
        self.rooms: dict[str, str] = {}  # last queue signature sent to each room
        self.details: dict[str, dict] = {}  # conversation id → summarised tracker
        self.ticket_marks: dict[int, tuple] | None = None  # None: not read yet
        self._task: asyncio.Task | None = None
        self._http: aiohttp.ClientSession | None = None

    # --- connections ------------------------------------------------------------------------
    async def _connect(self, sid: str, environ: dict, auth: dict | None = None) -> None:
        principal = await principal_for(environ["aiohttp.request"])
        if principal is None or principal.kind != "staff":
            raise socketio.exceptions.ConnectionRefusedError("unauthorized")
        if principal.role == "trainer":
            raise socketio.exceptions.ConnectionRefusedError("forbidden")
        room = "all" if principal.sees_all_stations else f"station:{principal.station_id}"
        await self.sio.enter_room(sid, room)
        self.clients += 1
        await self.sio.emit("queue", {"handoffs": await self.queue(room)}, to=sid)

    async def _disconnect(self, sid: str, *args) -> None:
        self.clients = max(0, self.clients - 1)

    # --- what is pushed ---------------------------------------------------------------------
    async def _open_handoffs(self) -> list[dict]:
        async with self.app[ENGINE].connect() as conn:
            rows = (await conn.execute(
                select(handoffs, stations.c.name.label("station_name"),
                       staff.c.display_name.label("holder_name"),
                       staff.c.username.label("holder_username"))
                .join(stations, stations.c.id == handoffs.c.station_id)
                .outerjoin(staff, staff.c.id == handoffs.c.holder_staff_id)
                .where(handoffs.c.state.in_(OPEN_STATES)))).mappings().all()
        return [dict(r) for r in rows]

    def _entry(self, row: dict) -> dict:
        detail = self.details.get(row["conversation_id"], {})
        return {"id": row["id"], "conversation_id": row["conversation_id"],
                "station_id": row["station_id"], "station_name": row["station_name"],
                "state": row["state"], "reason": row["reason"],
                "reason_label": REASONS.get(row["reason"], row["reason"]),
                "crisis": row["reason"] in URGENT_CALLBACK_REASONS, "holder_staff_id": row["holder_staff_id"],
                "holder_name": row["holder_name"], "holder_username": row["holder_username"],
                "since": row["since"].isoformat() + "Z", "topic": detail.get("topic"),
                "place": detail.get("place"), "latest_message": detail.get("latest_message"),
                "messages": detail.get("messages", 0), "files": detail.get("files", 0)}

    @staticmethod
    def order(entries: list[dict]) -> list[dict]:
        """Crisis first, then the longest waiting; positions count the waiting ones."""
        entries = sorted(entries, key=lambda e: (not e["crisis"], e["since"], e["id"]))
        position = 0
        for entry in entries:
            if entry["state"] == "waiting":
                position += 1
                entry["position"] = position
            else:
                entry["position"] = None
        return entries

    async def queue(self, room: str, rows: list[dict] | None = None) -> list[dict]:
        rows = rows if rows is not None else await self._open_handoffs()
        if room != "all":
            station_id = int(room.split(":")[1])
            rows = [r for r in rows if r["station_id"] == station_id]
        return self.order([self._entry(r) for r in rows])

    # --- the watcher ------------------------------------------------------------------------
    async def _tracker(self, conversation_id: str) -> dict | None:
        settings = self.app[SETTINGS]
        assert self._http is not None, "start() opens the session before the first round"
        try:
            async with self._http.get(f"{settings.rasa_url}/conversations/{conversation_id}/tracker",
                                      params={"token": settings.rasa_token}) as resp:
                return await resp.json(content_type=None) if resp.status == 200 else None
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
            return None  # Rasa away for a moment: keep what we knew

    async def tick(self) -> None:
        """One round: refresh what changed and push it to the rooms that care."""
        rows = await self._open_handoffs()
        conversations = sorted({r["conversation_id"] for r in rows})
        trackers = await asyncio.gather(*(self._tracker(c) for c in conversations))
        files = await self._files(conversations)
        changed: set[str] = set()
        for conversation_id, tracker in zip(conversations, trackers):
            if tracker is None:
                continue
            detail = {**summarise_tracker(tracker), "files": files.get(conversation_id, 0)}
            if detail != self.details.get(conversation_id):
                self.details[conversation_id] = detail
                changed.add(conversation_id)
        for stale in set(self.details) - set(conversations):
            del self.details[stale]
        rooms = {"all"} | {f"station:{r['station_id']}" for r in rows} | set(self.rooms)
        for room in rooms:
            entries = await self.queue(room, rows)
            signature = json.dumps(entries, sort_keys=True, default=str)
            if signature != self.rooms.get(room):
                self.rooms[room] = signature
                await self.sio.emit("queue", {"handoffs": entries}, room=room)
        for row in rows:
            if row["conversation_id"] in changed:
                for room in ("all", f"station:{row['station_id']}"):
                    await self.sio.emit("conversation", {"handoff_id": row["id"]}, room=room)
        await self._tickets()

    async def _files(self, conversations: list[str]) -> dict[str, int]:
        """Photos per conversation: a new one is news for the console too."""
        if not conversations:
            return {}
        async with self.app[ENGINE].connect() as conn:
            return dict((await conn.execute(
                select(attachments.c.conversation_id, func.count())
                .where(attachments.c.conversation_id.in_(conversations))
                .group_by(attachments.c.conversation_id))).all())

    async def _tickets(self) -> None:
        async with self.app[ENGINE].connect() as conn:
            marks = {r[0]: (r[1], r[2]) for r in (await conn.execute(
                select(tickets.c.station_id, func.max(ticket_events.c.id), func.count())
                .join(tickets, tickets.c.id == ticket_events.c.ticket_id)
                .group_by(tickets.c.station_id))).all()}
        moved = {s for s in marks if marks[s] != (self.ticket_marks or {}).get(s)}
        if self.ticket_marks is not None and moved:
            await self.sio.emit("tickets", {}, room="all")
            for station_id in moved:
                await self.sio.emit("tickets", {"station_id": station_id},
                                    room=f"station:{station_id}")
        self.ticket_marks = marks

    async def _run(self) -> None:
        while True:
            if self.clients:
                try:
                    await self.tick()
                except asyncio.CancelledError:
                    raise
                except Exception:
                    logger.exception("console live updates: one round failed")
            await asyncio.sleep(self.interval)

    async def start(self, app: web.Application) -> None:
        self._http = aiohttp.ClientSession(timeout=RASA_TIMEOUT)
        self._task = asyncio.create_task(self._run(), name="console-live")

    async def stop(self, app: web.Application) -> None:
        await background.cancel(self._task)
        if self._http:
            await self._http.close()
        self.rooms.clear()
