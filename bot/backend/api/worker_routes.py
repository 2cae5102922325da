"""Identifying workers: phone + one-time code through the SMS outbox."""

from __future__ import annotations

from sqlalchemy import select

from bot.backend import workers
from bot.backend.appkeys import ENGINE, REGIONS, SETTINGS, SMS_SENDER
from bot.backend.errors import ApiError
from bot.backend.routing import RouteTable
from bot.backend.tables import notification_outbox
from bot.backend.validation import Field

routes = RouteTable()  # mounted by bot.backend.app (API_ROUTES)

PHONE = Field(required=True, format="phone", description="手机号")


@routes.api("POST", "/workers/identify",
     "申请一次性验证码：会员手机号会收到短信；是否会员，回答都一样（每个手机号、每个会话每小时限 5 次，超出 429）",
     auth="service", body={"phone": PHONE, "conversation_id": Field(max_length=512)},
     tag="workers")
async def identify(request, principal, body, query):
    await workers.send_code(request.app[ENGINE], body["phone"],
                            request.app[SETTINGS].session_secret, body["conversation_id"])
    return {"code_sent": True, "message": "如果这个手机号已在工会建档，验证码会以短信发到这个手机上。"}


@routes.api("POST", "/workers/verify", "核对验证码，返回会员信息（证件号、手机号均为脱敏）", auth="service",
     body={"phone": PHONE, "code": Field(required=True, pattern=r"\d{6}")}, tag="workers")
async def verify(request, principal, body, query):
    worker = await workers.verify_code(request.app[ENGINE], body["phone"], body["code"],
                                       request.app[SETTINGS].session_secret)
    regions = request.app[REGIONS]
    region = regions.by_id.get(worker["region_id"])
    return {"worker": {**worker, "region": regions.path(region) if region else {}}}


@routes.api("GET", "/dev/outbox", "开发环境：查看短信发件箱（生产环境关闭）", auth="service",
     query={"phone": Field(required=True, format="phone")}, tag="workers")
async def outbox(request, principal, body, query):
    if request.app[SETTINGS].env == "production":
        raise ApiError(404, "not_found", "接口不存在")
    async with request.app[ENGINE].connect() as conn:
        rows = (await conn.execute(select(notification_outbox).where(
            notification_outbox.c.recipient == query["phone"])
            .order_by(notification_outbox.c.id.desc()).limit(10))).mappings().all()
    # the development "phone": a code's body is erased from the outbox once sent
    delivered = getattr(request.app.get(SMS_SENDER), "delivered", {})
    return {"messages": [{**dict(r), "body": delivered.get(r["id"], r["body"])} for r in rows]}
