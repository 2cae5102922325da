"""Dashboard figures, from the backend's own records and the Rasa tracker store.

Tickets by day (Beijing date), type and station; SLA compliance (tickets whose deadline fell
in the range: resolved by it, resolved late, still open); handoff waiting times (from the
queue entry to the first claim, as the audit log recorded it); bot containment (conversations
of the range that never reached a person, over all conversations the tracker saw); fallback
rate and the most frequent intents (the tracker's parsed user messages); satisfaction from the
``ratings`` table when it exists (written by the satisfaction feature).

The tracker is read from the SQLite tracker store (``settings.tracker_db``), read-only; with
another tracker store those three figures are ``None`` and ``tracker_available`` is false.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import inspect, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.backend.domain_errors import InvalidInput
from bot.backend.tables import audit_log, handoffs, stations, tickets
from bot.calendar.beijing import beijing_day_start, to_beijing, utcnow

MAX_DAYS = 366
HANDOFF_INTENTS = {"request_human"}


@dataclass(frozen=True)
class Range:
    """Beijing dates, both ends included; optionally one station."""

    first: date
    last: date
    station_id: int | None = None

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidInput("结束日期不能早于开始日期", field="date_to")
        if (self.last - self.first).days >= MAX_DAYS:
            raise InvalidInput(f"日期范围最多 {MAX_DAYS} 天", field="date_from")

    @property
    def start(self) -> datetime:
        return beijing_day_start(self.first)

    @property
    def end(self) -> datetime:
        return beijing_day_start(self.last, 1)

    @classmethod
    def default(cls, station_id: int | None = None) -> Range:
        today = to_beijing(utcnow()).date()
        return cls(today - timedelta(days=29), today, station_id)


def _bj_day(moment: datetime) -> str:
    return to_beijing(moment).date().isoformat()


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


async def _ticket_figures(conn, r: Range, names: dict[int, str]) -> dict:
    where = [tickets.c.created_at >= r.start, tickets.c.created_at < r.end]
    if r.station_id is not None:
        where.append(tickets.c.station_id == r.station_id)
    rows = (await conn.execute(select(tickets.c.id, tickets.c.type, tickets.c.station_id,
                                      tickets.c.status, tickets.c.created_at)
                               .where(*where))).all()
    by_day = Counter(_bj_day(t.created_at) for t in rows)
    days = [(r.first + timedelta(days=i)).isoformat() for i in range((r.last - r.first).days + 1)]
    return {
        "total": len(rows),
        "by_day": [{"day": d, "count": by_day.get(d, 0)} for d in days],
        "by_type": [{"type": k, "count": v} for k, v in Counter(t.type for t in rows)
                    .most_common()],
        "by_station": [{"station_id": k, "station": names.get(k, str(k)), "count": v}
                       for k, v in Counter(t.station_id for t in rows).most_common()],
        "by_status": [{"status": k, "count": v} for k, v in Counter(t.status for t in rows)
                      .most_common()],
    }


async def _sla(conn, r: Range, now: datetime) -> dict:
    where = [tickets.c.sla_due >= r.start, tickets.c.sla_due < r.end]
    if r.station_id is not None:
        where.append(tickets.c.station_id == r.station_id)
    rows = (await conn.execute(select(tickets.c.sla_due, tickets.c.resolved_at, tickets.c.status)
                               .where(*where))).all()
    on_time = sum(1 for t in rows if t.resolved_at is not None and t.resolved_at <= t.sla_due)
    late = sum(1 for t in rows if t.resolved_at is not None and t.resolved_at > t.sla_due)
    open_overdue = sum(1 for t in rows if t.resolved_at is None and t.sla_due < now
                       and t.status not in ("resolved", "followed_up", "closed"))
    decided = on_time + late + open_overdue
    return {"due": len(rows), "on_time": on_time, "late": late, "open_overdue": open_overdue,
            "compliance": _rate(on_time, decided)}


async def _handoff_waits(conn, r: Range) -> tuple[dict, set[str]]:
    where = [handoffs.c.since >= r.start, handoffs.c.since < r.end]
    if r.station_id is not None:
        where.append(handoffs.c.station_id == r.station_id)
    rows = (await conn.execute(select(handoffs.c.id, handoffs.c.since,
                                      handoffs.c.conversation_id).where(*where))).all()
    claims: dict[str, datetime] = {}  # audit target id → first claim
    if rows:
        claim_rows = (await conn.execute(select(audit_log.c.target_id, audit_log.c.at).where(
            audit_log.c.action == "handoff_claim",
            audit_log.c.target_id.in_([str(h.id) for h in rows]))
            .order_by(audit_log.c.at))).all()
        for c in claim_rows:
            claims.setdefault(c.target_id, c.at)
    waits = [(claims[str(h.id)] - h.since).total_seconds() for h in rows if str(h.id) in claims]
    figures = {"handoffs": len(rows), "claimed": len(waits),
               "average_seconds": round(statistics.mean(waits)) if waits else None,
               "median_seconds": round(statistics.median(waits)) if waits else None,
               "max_seconds": round(max(waits)) if waits else None}
    return figures, {h.conversation_id for h in rows}


def read_tracker(tracker_db: str, r: Range) -> dict | None:
    """User messages of the range from the SQLite tracker store: per conversation, intents."""
    path = Path(tracker_db) if tracker_db else None
    if path is None or not path.exists():
        return None
    start = r.start.replace(tzinfo=timezone.utc).timestamp()
    end = r.end.replace(tzinfo=timezone.utc).timestamp()
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10) as db:
            rows = db.execute("SELECT sender_id, data FROM events WHERE type_name = 'user' AND "
                              "timestamp >= ? AND timestamp < ?", (start, end)).fetchall()
    except sqlite3.Error:
        return None
    intents: Counter = Counter()
    senders: set[str] = set()
    fallbacks = 0
    for sender, data in rows:
        event = json.loads(data)
        text_ = (event.get("text") or "").strip()
        if not text_:
            continue
        senders.add(sender)
        name = ((event.get("parse_data") or {}).get("intent") or {}).get("name") or "unknown"
        if name == "nlu_fallback":
            fallbacks += 1
        intents[name] += 1
    return {"messages": sum(intents.values()), "fallbacks": fallbacks, "senders": senders,
            "intents": intents}


async def _ratings(engine: AsyncEngine, conn, r: Range, names: dict[int, str]) -> dict | None:
    has = await conn.run_sync(lambda c: inspect(c).has_table("ratings"))
    if not has:
        return None
    sql = ("SELECT r.station_id, r.staff_id, r.score, s.display_name FROM ratings r "
           "LEFT JOIN staff s ON s.id = r.staff_id "
           "WHERE r.created_at >= :start AND r.created_at < :end")
    params: dict = {"start": r.start, "end": r.end}
    if r.station_id is not None:
        sql += " AND r.station_id = :station"
        params["station"] = r.station_id
    rows = (await conn.execute(text(sql), params)).all()

    def summary(scores: list[int]) -> dict:
        return {"count": len(scores), "average": round(statistics.mean(scores), 2)
                if scores else None,
                "satisfied_rate": _rate(sum(1 for s in scores if s >= 4), len(scores))}

    per_station: dict[int, list[int]] = {}
    per_staff: dict[str, list[int]] = {}
    for row in rows:
        per_station.setdefault(row.station_id, []).append(row.score)
        if row.staff_id is not None:
            per_staff.setdefault(row.display_name or str(row.staff_id), []).append(row.score)
    return {**summary([row.score for row in rows]),
            "by_score": [{"score": s, "count": sum(1 for row in rows if row.score == s)}
                         for s in range(1, 6)],
            "by_station": [{"station_id": k, "station": names.get(k, str(k)), **summary(v)}
                           for k, v in per_station.items()],
            "by_staff": [{"staff": k, **summary(v)} for k, v in per_staff.items()]}


async def figures(engine: AsyncEngine, r: Range, tracker_db: str = "") -> dict:
    """Every figure of the dashboard for the range (and station)."""
    now = utcnow()
    async with engine.connect() as conn:
        names = dict((await conn.execute(select(stations.c.id, stations.c.name))).all())
        ticket_figures = await _ticket_figures(conn, r, names)
        sla = await _sla(conn, r, now)
        waits, handed_over = await _handoff_waits(conn, r)
        ratings = await _ratings(engine, conn, r, names)
    tracker = await asyncio.to_thread(read_tracker, tracker_db, r) \
        if r.station_id is None else None  # the tracker knows no stations
    conversations = containment = fallback_rate = None
    top_intents: list[dict] | None = None
    if tracker is not None:
        conversations = len(tracker["senders"])
        contained = len(tracker["senders"] - handed_over)
        containment = _rate(contained, conversations)
        fallback_rate = _rate(tracker["fallbacks"], tracker["messages"])
        top_intents = [{"intent": k, "count": v} for k, v in tracker["intents"].most_common(10)]
    return {
        "range": {"from": r.first.isoformat(), "to": r.last.isoformat(),
                  "station_id": r.station_id,
                  "station": names.get(r.station_id) if r.station_id else None},
        "tickets": ticket_figures, "sla": sla, "handoff_waiting": waits,
        "conversations": conversations, "containment_rate": containment,
        "fallback_rate": fallback_rate, "top_intents": top_intents,
        "tracker_available": tracker is not None, "satisfaction": ratings,
    }


def figure_rows(data: dict) -> list[tuple[str, list[str], list[list]]]:
    """The figures as tables (title, header, rows): what CSV and Excel export write."""
    t = data["tickets"]
    sla, waits = data["sla"], data["handoff_waiting"]
    tables = [
        ("概况", ["指标", "数值"], [
            ["日期范围", f"{data['range']['from']} 至 {data['range']['to']}"],
            ["工作站", data["range"]["station"] or "全部"],
            ["工单数", t["total"]], ["时限内办结率", sla["compliance"]],
            ["到期工单", sla["due"]], ["按时办结", sla["on_time"]], ["超时办结", sla["late"]],
            ["超期未办结", sla["open_overdue"]], ["转人工次数", waits["handoffs"]],
            ["平均等待（秒）", waits["average_seconds"]], ["等待中位数（秒）", waits["median_seconds"]],
            ["会话数", data["conversations"]], ["机器人独立解决率", data["containment_rate"]],
            ["未听懂比例", data["fallback_rate"]],
            ["满意度评价数", (data["satisfaction"] or {}).get("count")],
            ["平均满意度", (data["satisfaction"] or {}).get("average")]]),
        ("每日工单", ["日期", "工单数"], [[d["day"], d["count"]] for d in t["by_day"]]),
        ("工单类型", ["类型", "工单数"], [[d["type"], d["count"]] for d in t["by_type"]]),
        ("工作站", ["工作站", "工单数"], [[d["station"], d["count"]] for d in t["by_station"]]),
        ("常见意图", ["意图", "次数"], [[d["intent"], d["count"]]
                                    for d in data["top_intents"] or []]),
    ]
    if data["satisfaction"]:
        tables.append(("满意度", ["工作站", "评价数", "平均分", "满意率"], [
            [d["station"], d["count"], d["average"], d["satisfied_rate"]]
            for d in data["satisfaction"]["by_station"]]))
    return tables
