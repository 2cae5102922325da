"""The ticket workflow for station staff: search with filters and pages, the 签收 / 转派 /
退回 / 处理中 / 办结 / 回访 / 关闭 steps, and 督办 of overdue tickets."""

from __future__ import annotations

from datetime import date

from bot.backend import workflow
from bot.backend.api.ticket_routes import get_ticket
from bot.backend.appkeys import ENGINE
from bot.backend.domain_errors import InvalidInput
from bot.backend.routing import RouteTable
from bot.backend.tickets import STATUSES, TYPES
from bot.backend.validation import Field

routes = RouteTable()  # mounted by bot.backend.app (API_ROUTES)

STAFF_ROLES = "station_staff|station_admin|union_admin"
DATE = r"\d{4}-\d{2}-\d{2}"


def staff_of(principal) -> workflow.Staff:
    """The workflow's view of the caller (the service token acts with all stations)."""
    return workflow.Staff(principal.staff_id, principal.username, principal.display_name,
                          principal.role, principal.station_id)


def parse_date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{name} 不是有效日期（YYYY-MM-DD）", field=name) from None


SEARCH = {
    "station_id": Field("integer"), "status": Field(choices=STATUSES),
    "type": Field(choices=TYPES), "date_from": Field(pattern=DATE, description="北京时间日期"),
    "date_to": Field(pattern=DATE), "overdue": Field("boolean"), "escalated": Field("boolean"),
    "assignee": Field(choices=("me",), description="me：只看分给我的"),
    "q": Field(max_length=100, description="工单号、联系人、电话、地区、情况或处理记录中的文字"),
    "page": Field("integer", minimum=1, default=1),
    "page_size": Field("integer", minimum=1, maximum=100, default=20),
}


def filters_of(principal, query: dict) -> workflow.Filters:
    """Station staff and station admins see their own station only; the union admin all."""
    station_id = query.get("station_id")
    if principal.role not in ("union_admin", "trainer") and principal.kind != "service":
        if station_id not in (None, principal.station_id):
            from bot.backend.domain_errors import Forbidden
            raise Forbidden("无权查看其他工作站的工单")
        station_id = principal.station_id
    return workflow.Filters(
        station_id=station_id, status=query.get("status"), type=query.get("type"),
        date_from=parse_date(query.get("date_from"), "date_from"),
        date_to=parse_date(query.get("date_to"), "date_to"), overdue=query.get("overdue"),
        escalated=query.get("escalated"),
        assignee_staff_id=principal.staff_id if query.get("assignee") == "me" else None,
        text=query.get("q"))


@routes.api("GET", "/ticket-search", "检索工单：状态、类型、日期、是否超期、文字，分页（工作人员只看本站）",
     auth=STAFF_ROLES, query=SEARCH, tag="workflow")
async def search(request, principal, body, query):
    return await workflow.search(request.app[ENGINE], filters_of(principal, query),
                                 query["page"], query["page_size"])


@routes.api("GET", "/ticket-workflow", "工单流程：状态和操作的中文名称、各操作的前置状态和必填项",
     auth="any", tag="workflow")
async def vocabulary(request, principal, body, query):
    return workflow.vocabulary()


@routes.api("POST", "/tickets/{ticket_id}/actions/{action}",
     "工单操作：acknowledge 签收 / transfer 转派 / return 退回 / start 处理中 / resolve 办结 / "
     "follow_up 回访 / close 关闭 / note 备注", auth=STAFF_ROLES, body={
         "note": Field(max_length=2000), "reason": Field(max_length=500),
         "outcome": Field(max_length=2000, description="办结时的办理结果"),
         "station_id": Field("integer", description="转派到的工作站"),
         "result": Field(choices=workflow.FOLLOW_UP_RESULTS, description="回访结果"),
         "assignee_staff_id": Field("integer", description="签收时指定承办人（站长）")},
     tag="workflow")
async def act(request, principal, body, query):
    await workflow.act(request.app[ENGINE], request.match_info["ticket_id"],
                       request.match_info["action"], staff_of(principal),
                       workflow.Request(**body))
    ticket = await get_ticket(request, _AllStations(principal), None, None)
    return {**ticket, "overdue": workflow.is_overdue(ticket)}


class _AllStations:
    """After a transfer the ticket belongs to another station: the actor may still read the
    answer to the step they just took."""

    def __init__(self, principal) -> None:
        self.principal = principal

    def check_station(self, station_id: int) -> None:
        return None


@routes.api("POST", "/ticket-escalations", "督办：把所有超期未办结的工单提交站长督办（定时任务也会执行）",
     auth="union_admin|station_admin", body={}, tag="workflow")
async def escalate(request, principal, body, query):
    return {"escalated": await workflow.escalate_overdue(request.app[ENGINE])}
