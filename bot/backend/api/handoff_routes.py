"""The handoff queue of each station."""

from __future__ import annotations

import logging

from sqlalchemy import select

from bot.backend import handoffs
from bot.backend.api.common import station_for_place
from bot.backend.appkeys import ENGINE, SETTINGS
from bot.backend.errors import Conflict, HandoffNotFound, UpstreamUnavailable
from bot.backend.routing import RouteTable
from bot.backend.tables import handoffs as handoffs_table
from bot.backend.validation import Field, path_id

routes = RouteTable()  # mounted by bot.backend.app (API_ROUTES)

logger = logging.getLogger(__name__)


@routes.api("POST", "/handoffs", "把会话转入所在工作站的人工队列（同一会话重复请求返回同一记录）",
     auth="service", body={
         "conversation_id": Field(required=True, max_length=128), "city": Field(),
         "district": Field(), "reason": Field(default="worker_request", max_length=64),
         "channel": Field(default="socketio", max_length=32)}, tag="handoffs")
async def create(request, principal, body, query):
    station_id = station_for_place(request, body["city"], body["district"])
    record, created = await handoffs.open_handoff(
        request.app[ENGINE], body["conversation_id"], station_id, body["reason"],
        body["channel"], place_named=bool(body["city"] or body["district"]))
    return {**record, "_created": created}


async def _record(request, principal) -> dict:
    handoff_id = path_id(request.match_info["handoff_id"], "handoff_id")
    record = await handoffs.describe(request.app[ENGINE], handoff_id)
    principal.check_station(record["station_id"])
    return record


@routes.api("POST", "/handoffs/withdraw", "职工不再需要人工：关闭该会话仍在排队的转人工记录（重复请求无副作用）",
     auth="service", body={"conversation_id": Field(required=True, max_length=128)}, tag="handoffs")
async def withdraw(request, principal, body, query):
    record = await handoffs.withdraw(request.app[ENGINE], body["conversation_id"])
    return {"withdrawn": record is not None, "handoff": record}


@routes.api("GET", "/handoffs", "工作站的人工队列", query={
    "station_id": Field("integer"), "state": Field(choices=("waiting", "active", "released",
                                                          "closed"))}, tag="handoffs")
async def list_handoffs(request, principal, body, query):
    station_id = query["station_id"] or (None if principal.sees_all_stations
                                         else principal.station_id)
    if station_id is not None:
        principal.check_station(station_id)
    stmt = select(handoffs_table.c.id).order_by(handoffs_table.c.id)
    if station_id is not None:
        stmt = stmt.where(handoffs_table.c.station_id == station_id)
    stmt = stmt.where(handoffs_table.c.state == query["state"]) if query["state"] else \
        stmt.where(handoffs_table.c.state.in_(handoffs.OPEN_STATES))
    async with request.app[ENGINE].connect() as conn:
        ids = (await conn.execute(stmt)).scalars().all()
    return {"handoffs": [await handoffs.describe(request.app[ENGINE], i) for i in ids]}


@routes.api("GET", "/handoffs/by-conversation/{conversation_id}", "某会话当前的转人工记录",
     tag="handoffs")
async def by_conversation(request, principal, body, query):
    async with request.app[ENGINE].connect() as conn:
        handoff_id = (await conn.execute(
            select(handoffs_table.c.id).where(
                handoffs_table.c.conversation_id == request.match_info["conversation_id"])
            .order_by(handoffs_table.c.id.desc()).limit(1))).scalar()
    if handoff_id is None:
        raise HandoffNotFound()
    record = await handoffs.describe(request.app[ENGINE], handoff_id)
    principal.check_station(record["station_id"])
    return record


_NOTICES = {"claim": "工作人员{name}已接入，正在为您服务。",
            "release": "工作人员已把对话交还给智能助手，您可以继续提问。",
            "close": "本次人工服务已结束，感谢您的耐心。"}


async def _notify_worker(request, record: dict, text: str, holder: str | None,
                         extra: dict | None = None) -> None:
    """Tells the worker who is speaking now (best effort: the state change stands anyway)."""
    event = {"event": "bot", "text": text,
             "data": {"custom": {"text": text, "system": True, "holder": holder, **(extra or {})}}}
    try:
        await _rasa(request, "POST", f"/conversations/{record['conversation_id']}/tracker/events",
                    params={"output_channel": "hotline", "execute_side_effects": "true"},
                    json=[event])
    except UpstreamUnavailable as exc:
        logger.warning("could not notify the worker: %s", exc.message)


def _action(name: str, summary: str):
    @routes.api("POST", f"/handoffs/{{handoff_id}}/{name}", summary, auth="staff", body={}, tag="handoffs")
    async def handler(request, principal, body, query):
        record = await _record(request, principal)
        record = await handoffs.change(request.app[ENGINE], record["id"], name,
                                       principal.staff_id, principal.administers(record["station_id"]))
        await _notify_worker(request, record, _NOTICES[name].format(name=principal.display_name),
                             principal.display_name if name == "claim" else None,
                             _rating_prompt(request, record) if name != "claim" else None)
        return record
    handler.__name__ = name
    return handler


def _rating_prompt(request, record: dict) -> dict | None:
    """After a person helped (the handoff had a holder), the widget asks for a rating."""
    from bot.notify import rating_links

    if not record.get("holder_staff_id"):
        return None
    return {"rating_token": rating_links.issue("handoff", record["id"],
                                               request.app[SETTINGS].session_secret)}


claim = _action("claim", "工作人员接手会话（别人已接手的 409；同时接手只有一人成功）")
release = _action("release", "交还给机器人（只有接手人或站长，否则 403）")
close = _action("close", "结束会话（只有接手人或站长，否则 403）")


RASA_CALL_TIMEOUT = 10.0


async def _rasa(request, method: str, path: str, **kwargs):
    """Rasa's HTTP API, with the token only the backend holds (bot/clients/rasa.py: one
    timeout, typed errors; a timeout is a 502 here too, not an unhandled error)."""
    from bot.clients.rasa import RasaAPI, RasaRefused, RasaUnavailable

    settings = request.app[SETTINGS]
    rasa = RasaAPI(settings.rasa_url, settings.rasa_token, timeout=RASA_CALL_TIMEOUT)
    try:
        return await rasa.request(method, path, **kwargs)
    except RasaRefused as exc:
        raise UpstreamUnavailable(f"对话服务返回错误（HTTP {exc.status}）", code="rasa_error") from None
    except RasaUnavailable:
        raise UpstreamUnavailable(code="rasa_unavailable") from None
    finally:
        await rasa.close()


def transcript_of(events: list[dict]) -> list[dict]:
    """Every message in order, with who said it."""
    lines = []
    for event in events:
        if event.get("event") == "user":
            lines.append({"who": "worker", "name": "职工", "text": event.get("text") or "",
                          "at": event.get("timestamp")})
        elif event.get("event") == "bot":
            custom = (event.get("data") or {}).get("custom") or {}
            staff_name = custom.get("staff")
            lines.append({"who": "staff" if staff_name else "bot",
                          "name": staff_name or "机器人",
                          "text": event.get("text") or custom.get("text") or "",
                          "at": event.get("timestamp")})
    return lines


@routes.api("GET", "/handoffs/{handoff_id}/transcript", "会话记录（职工、机器人、工作人员）和机器人收集到的信息",
     auth="staff", tag="handoffs")
async def transcript(request, principal, body, query):
    record = await _record(request, principal)
    tracker = await _rasa(request, "GET", f"/conversations/{record['conversation_id']}/tracker")
    hidden = {"pending_case", "verified_worker", "requested_slot", "otp_code", "handoff_reason",
              "callback_pending"}
    slots = {k: v for k, v in (tracker.get("slots") or {}).items()
             if v not in (None, "", []) and k not in hidden and not k.startswith("session_")}
    return {"handoff": record, "messages": transcript_of(tracker.get("events") or []),
            "slots": slots}


@routes.api("POST", "/handoffs/{handoff_id}/messages", "工作人员给职工发消息（需先接手）", auth="staff",
     body={"text": Field(required=True, max_length=2000)}, tag="handoffs")
async def send_message(request, principal, body, query):
    record = await _record(request, principal)
    if record["state"] != "active" or record["holder_staff_id"] != principal.staff_id:
        raise Conflict("请先接手这个会话再回复", code="not_holder")
    event = {"event": "bot", "text": body["text"],
             "data": {"custom": {"text": body["text"], "staff": principal.display_name}},
             "metadata": {"staff": principal.display_name}}
    await _rasa(request, "POST", f"/conversations/{record['conversation_id']}/tracker/events",
                params={"output_channel": "hotline", "execute_side_effects": "true"}, json=[event])
    return {"sent": True}
