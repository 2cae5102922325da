"""Satisfaction, worker uploads and console tools (issue 13): ratings, photos, canned replies,
handoff transfer. Imported by ``bot.notify.web`` so the routes register before the router is built.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from aiohttp import web

from bot.backend import attachments, console_tools, ratings
from bot.backend.api.handoff_routes import _notify_worker, _record
from bot.backend.appkeys import ENGINE, SETTINGS
from bot.backend.errors import ApiError
from bot.backend.routing import RouteTable
from bot.backend.validation import Field
from bot.channels import session_token
from bot.notify import rating_links
from bot.settings import get_notify_settings

routes = RouteTable()  # mounted by bot.backend.app (API_ROUTES)

STAFF_ROLES = "station_staff|station_admin|union_admin"
WIDGET_SESSION_HEADER = "X-Widget-Session"
CHINA = timedelta(hours=8)


def _token_subject(request) -> tuple[str, str]:
    found = rating_links.verify(request.match_info["token"],
                                request.app[SETTINGS].session_secret)
    if found is None:
        raise ApiError(404, "invalid_link", "评价链接无效或已过期")
    return found


def _public(record: dict) -> dict:
    """What the worker's own rating page may show (no staff ids, no conversation id)."""
    return {"subject": record["subject"], "title": record["title"],
            "station_name": record["station_name"], "rateable": record["rateable"],
            "rated": record["rated"], "score": record["score"]}


def _beijing_day(text: str | None, name: str) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d") - CHINA  # midnight Beijing time, in UTC
    except ValueError:
        raise ApiError(400, "invalid_field", f"{name} 应为 YYYY-MM-DD", field=name) from None


@routes.api("GET", "/ratings/summary", "满意度：按工作站和工作人员统计（工作人员默认本站）",
     auth=STAFF_ROLES, query={"station_id": Field("integer"),
                              "from": Field(description="起始日期（北京时间）YYYY-MM-DD"),
                              "to": Field(description="截止日期（含当天）YYYY-MM-DD")},
     tag="ratings")
async def rating_summary(request, principal, body, query):
    station_id = query["station_id"] or (None if principal.sees_all_stations
                                         else principal.station_id)
    if station_id is not None:
        principal.check_station(station_id)
    until = _beijing_day(query["to"], "to")
    return await ratings.summary(request.app[ENGINE], station_id, _beijing_day(query["from"], "from"),
                                 until + timedelta(days=1) if until else None)


@routes.api("GET", "/ratings/{token}", "职工打开评价链接：要评价的是什么、是否已评价", auth="none",
     tag="ratings")
async def rating_subject(request, principal, body, query):
    return _public(await ratings.subject(request.app[ENGINE], *_token_subject(request)))


@routes.api("POST", "/ratings/{token}", "职工提交满意度评价（1–5 分，可附意见；每张工单/每次人工服务一次）",
     auth="none", body={"score": Field("integer", required=True, minimum=1, maximum=5),
                        "comment": Field(max_length=500),
                        "channel": Field(choices=("widget", "sms"), default="sms")},
     tag="ratings")
async def submit_rating(request, principal, body, query):
    record = await ratings.rate(request.app[ENGINE], *_token_subject(request), body["score"],
                                body["comment"], body["channel"])
    return {**_public(record), "_created": True}


# --- photos from the widget ------------------------------------------------------------------

@routes.api("POST", "/uploads", "职工在聊天窗口上传照片（工资条、合同、欠条）：multipart，字段 file 和 kind；"
     "请求头 X-Widget-Session 为聊天会话令牌", auth="none", tag="uploads")
async def upload(request: web.Request, principal: object, body: None, query: None) -> dict:
    settings = request.app[SETTINGS]
    conversation_id = session_token.verify(request.headers.get(WIDGET_SESSION_HEADER),
                                           settings.session_secret)
    if conversation_id is None:
        raise ApiError(401, "invalid_session", "聊天会话无效，请刷新页面后再试")
    if not request.content_type.startswith("multipart/"):
        raise ApiError(400, "invalid_body", "请用 multipart/form-data 上传图片", field="file")
    limit = get_notify_settings().upload_max_bytes
    fields: dict[str, str] = {}
    data = b""
    reader = await request.multipart()
    async for part in reader:
        if part.name == "file":
            chunks, size = [], 0
            while chunk := await part.read_chunk(64 * 1024):
                size += len(chunk)
                if size > limit:
                    raise ApiError(413, "file_too_large",
                                   f"图片太大（最多 {limit // (1024 * 1024)} MB），请压缩后再传",
                                   field="file")
                chunks.append(chunk)
            data = b"".join(chunks)
        elif part.name in ("kind", "ticket_id"):
            fields[part.name] = (await part.text())[:32].strip()
    record = await attachments.store(request.app[ENGINE], conversation_id,
                                     fields.get("kind") or "other", data, limit,
                                     fields.get("ticket_id") or None)
    return {"id": record["id"], "kind": record["kind"],
            "kind_label": attachments.KINDS[record["kind"]], "size": record["size"],
            "content_type": record["content_type"], "_created": True}


@routes.api("GET", "/attachments", "职工上传的材料（本站工作人员可见）", auth=STAFF_ROLES, query={
    "conversation_id": Field(max_length=128), "ticket_id": Field(max_length=16)}, tag="uploads")
async def list_attachments(request, principal, body, query):
    if not (query["conversation_id"] or query["ticket_id"]):
        raise ApiError(400, "invalid_field", "conversation_id 和 ticket_id 至少提供一个",
                       field="conversation_id")
    ticket_id = (query["ticket_id"] or "").upper() or None
    engine = request.app[ENGINE]
    conversation_id = query["conversation_id"]
    if ticket_id and not conversation_id:
        from sqlalchemy import select

        from bot.backend.tables import tickets
        async with engine.connect() as conn:
            conversation_id = (await conn.execute(select(tickets.c.conversation_id).where(
                tickets.c.id == ticket_id))).scalar()
    attachments.check_viewer(principal, await attachments.stations_of(
        engine, conversation_id or "", ticket_id))
    return {"attachments": await attachments.list_for(engine, conversation_id, ticket_id)}


@routes.api("GET", "/attachments/{attachment_id}", "查看一张职工上传的图片（本站工作人员可见）",
     auth=STAFF_ROLES, tag="uploads")
async def get_attachment(request, principal, body, query):
    engine = request.app[ENGINE]
    record = await attachments.load(engine, request.match_info["attachment_id"])
    attachments.check_viewer(principal, await attachments.stations_of(
        engine, record["conversation_id"], record["ticket_id"]))
    return web.Response(body=record["data"], content_type=record["content_type"], headers={
        "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff",
        "Content-Disposition": "inline", "Content-Security-Policy": "default-src 'none'"})


# --- console tools ---------------------------------------------------------------------------

@routes.api("GET", "/canned-replies", "本站常用语（工作人员回复时选用）", auth=STAFF_ROLES,
     query={"station_id": Field("integer")}, tag="console")
async def list_replies(request, principal, body, query):
    station_id = query["station_id"] or principal.station_id
    if station_id is not None:
        principal.check_station(station_id)
    return {"replies": await console_tools.replies_for(request.app[ENGINE], station_id)}


@routes.api("POST", "/canned-replies", "新增常用语（站长管本站，总工会管理员可设全部工作站通用）",
     auth="station_admin|union_admin", body={
         "title": Field(required=True, max_length=32), "text": Field(required=True, max_length=1000),
         "station_id": Field("integer", description="省略 = 本站；总工会管理员省略 = 通用")},
     tag="console")
async def add_reply(request, principal, body, query):
    station_id = body["station_id"] or (None if principal.role == "union_admin"
                                        else principal.station_id)
    if station_id is not None:
        principal.check_station(station_id)
    reply = await console_tools.add_reply(request.app[ENGINE], station_id, body["title"],
                                          body["text"], principal.username)
    return {**reply, "_created": True}


@routes.api("DELETE", "/canned-replies/{reply_id}", "删除常用语", auth="station_admin|union_admin",
     tag="console")
async def delete_reply(request, principal, body, query):
    try:
        reply_id = int(request.match_info["reply_id"])
    except ValueError:
        raise ApiError(404, "not_found", "常用语不存在") from None
    station_id = await console_tools.reply_station(request.app[ENGINE], reply_id)
    if station_id is None and principal.role != "union_admin":
        raise ApiError(403, "forbidden", "通用常用语只有总工会管理员可以删除")
    if station_id is not None:
        principal.check_station(station_id)
    await console_tools.delete_reply(request.app[ENGINE], reply_id)
    return {"deleted": True}


@routes.api("POST", "/handoffs/{handoff_id}/transfer", "把会话转给另一个工作站（重新排队，需说明原因）",
     auth="staff", body={"station_id": Field("integer", required=True, minimum=1,
                                             maximum=2**31 - 1),
                         "reason": Field(required=True, max_length=200)}, tag="handoffs")
async def transfer(request, principal, body, query):
    from bot.backend import handoffs

    record = await _record(request, principal)
    if principal.role == "trainer":
        raise ApiError(403, "forbidden", "培训员不能转派会话")
    if record["state"] == "active" and record["holder_staff_id"] not in (None, principal.staff_id) \
            and principal.role not in ("station_admin", "union_admin"):
        raise ApiError(403, "forbidden", "会话由其他工作人员处理中，不能转派")
    await console_tools.transfer(request.app[ENGINE], record["id"], body["station_id"])
    moved = await handoffs.describe(request.app[ENGINE], record["id"])
    await _notify_worker(request, moved, f"您的会话已转给{moved['station_name']}，请稍候，"
                         "那里的工作人员会接着为您服务。", None)
    return moved
