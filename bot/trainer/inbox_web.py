"""The review inbox's API and page, mounted on the backend (trainers and union admins)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from aiohttp import web

from bot.backend.errors import ApiError
from bot.backend.routing import RouteTable
from bot.backend.validation import Field
from bot.trainer import inbox
from bot.trainer.new_intent import NAME

routes = RouteTable()  # mounted by bot.backend.app (API_ROUTES)

PAGE = Path(__file__).parent / "static" / "inbox.html"
ROLES = "trainer|union_admin"


@routes.api("GET", "/trainer/inbox", "训练员收件箱：没听懂或把握不大的职工原话（已脱敏、按相似度分组，分页）",
     auth=ROLES, tag="trainer", query={
         "offset": Field(type="integer", minimum=0, maximum=10**7, default=0),
         "limit": Field(type="integer", minimum=1, maximum=inbox.PAGE_SIZE, default=inbox.PAGE_SIZE)})
async def list_inbox(request, principal, body, query):
    # reading the broker's table and grouping are blocking work: off the backend's event loop
    items, total = await asyncio.to_thread(inbox.page, query["offset"], query["limit"])
    intents = await asyncio.to_thread(inbox.known_intents)
    return {"items": [item.__dict__ for item in items], "intents": intents, "total": total,
            "offset": query["offset"], "limit": query["limit"]}


@routes.api("POST", "/trainer/inbox/{item_id}", "把一条原话归入意图（写入对应数据文件）或丢弃", auth=ROLES, body={
    "action": Field(required=True, choices=("assign", "discard")), "intent": Field(max_length=41)},
    tag="trainer")
async def decide(request, principal, body, query):
    if body["action"] == "assign" and not (body["intent"] and NAME.match(body["intent"])):
        raise ApiError(400, "invalid_field", "请填写意图名（小写英文、数字、下划线）", field="intent")
    try:
        return await asyncio.to_thread(inbox.decide, request.match_info["item_id"], body["action"],
                                       body["intent"], principal.display_name)
    except KeyError:
        raise ApiError(404, "not_found", "这条消息已经处理过或不存在") from None
    except inbox.UnusableExample as exc:
        raise ApiError(400, "unusable_example", str(exc)) from None


async def _page(request: web.Request) -> web.FileResponse:
    return web.FileResponse(PAGE, headers={"Content-Security-Policy": "default-src 'self'"})


def setup_trainer_inbox(app: web.Application) -> None:
    app.router.add_get("/console/inbox", _page)
    app.router.add_static("/console/trainer-static/", PAGE.parent)
