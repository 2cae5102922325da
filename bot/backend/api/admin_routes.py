"""Administration API: staff accounts, stations and areas, opening hours, policies, minimum
wages, eligibility rules, record versions and the audit log (domain code: bot/backend/admin.py)."""

from __future__ import annotations

from sqlalchemy import select

from bot.backend import admin, audit
from bot.backend.api.policy_routes import SERVICES
from bot.backend.api.workflow_routes import parse_date
from bot.backend.appkeys import ENGINE, REGIONS
from bot.backend.audit import Actor
from bot.backend.auth import ROLES
from bot.backend.regions import RegionIndex
from bot.backend.routing import RouteTable
from bot.backend.tables import eligibility_rules, policies, regions
from bot.backend.validation import Field

routes = RouteTable()  # mounted by bot.backend.app (API_ROUTES)

ADMINS = "union_admin|station_admin"
UNION = "union_admin"


def _id(request, name: str) -> int:
    try:
        return int(request.match_info[name])
    except ValueError:
        from bot.backend.domain_errors import RecordNotFound
        raise RecordNotFound("记录") from None


async def _reload_regions(request) -> None:
    """Routing reads places from memory: a new station or area takes effect at once."""
    request.app[REGIONS] = await RegionIndex.load(request.app[ENGINE])


# --- staff -------------------------------------------------------------------------------------

@routes.api("GET", "/admin/staff", "工作人员账号列表（站长只看本站）", auth=ADMINS, tag="admin")
async def list_staff(request, principal, body, query):
    return {"staff": await admin.list_staff(request.app[ENGINE], Actor.of(principal)),
            "roles": list(ROLES)}


@routes.api("POST", "/admin/staff", "新建工作人员账号", auth=ADMINS, body={
    "username": Field(required=True, max_length=32), "display_name": Field(required=True,
                                                                          max_length=64),
    "password": Field(required=True, max_length=256), "role": Field(required=True, choices=ROLES),
    "station_id": Field("integer")}, tag="admin")
async def create_staff(request, principal, body, query):
    record = await admin.create_staff(request.app[ENGINE], Actor.of(principal),
                                      body["username"], body["display_name"], body["password"],
                                      body["role"], body["station_id"])
    return {**record, "_created": True}


@routes.api("PATCH", "/admin/staff/{staff_id}", "修改账号：姓名、角色、所属工作站、停用/启用", auth=ADMINS,
     body={"display_name": Field(max_length=64), "role": Field(choices=ROLES),
           "station_id": Field("integer"), "disabled": Field("boolean")}, tag="admin")
async def update_staff(request, principal, body, query):
    raw = await request.json()
    changes = {k: v for k, v in body.items() if v is not None or k in raw}
    return await admin.update_staff(request.app[ENGINE], Actor.of(principal),
                                    _id(request, "staff_id"), changes)


@routes.api("POST", "/admin/staff/{staff_id}/password", "重置密码（不填则生成一个，只显示这一次）",
     auth=ADMINS, body={"password": Field(max_length=256)}, tag="admin")
async def reset_password(request, principal, body, query):
    return await admin.reset_password(request.app[ENGINE], Actor.of(principal),
                                      _id(request, "staff_id"), body["password"])


# --- stations and areas -----------------------------------------------------------------------

STATION = {
    "code": Field(max_length=32), "name": Field(max_length=128),
    "level": Field(choices=admin.LEVELS), "region_id": Field("integer"),
    "address": Field(max_length=256), "phone": Field(max_length=32),
    "hours": Field("object", description="mon…sun、holiday（节假日）、makeup（调休上班日）→ "
                                         "[\"08:30-12:00\", …]"),
    "services": Field("array"), "staff_names": Field("array"),
    "is_city_default": Field("boolean"), "note": Field(max_length=500)}


@routes.api("GET", "/admin/regions", "地区列表（新建工作站时选择辖区）", auth=ADMINS, tag="admin")
async def list_regions(request, principal, body, query):
    index = request.app[REGIONS]
    async with request.app[ENGINE].connect() as conn:
        rows = (await conn.execute(select(regions).order_by(regions.c.id))).mappings().all()
    return {"regions": [{**dict(r), "path": " / ".join(reversed(
        [a.name for a in index.ancestors(index.by_id[r["id"]])]))
        if r["id"] in index.by_id else r["name"]} for r in rows]}


@routes.api("POST", "/admin/regions", "新建辖区（街道、社区……）", auth=UNION, body={
    "name": Field(required=True, max_length=64), "kind": Field(required=True,
                                                              choices=admin.REGION_KINDS),
    "parent_id": Field("integer", required=True), "aliases": Field("array", default=[])},
    tag="admin")
async def create_region(request, principal, body, query):
    record = await admin.create_region(request.app[ENGINE], Actor.of(principal), body["name"],
                                       body["kind"], body["parent_id"], body["aliases"])
    await _reload_regions(request)
    return {**record, "_created": True}


@routes.api("POST", "/admin/stations", "新建网格工作站", auth=UNION, body=STATION, tag="admin")
async def create_station(request, principal, body, query):
    body.pop("note")
    record = await admin.create_station(request.app[ENGINE], Actor.of(principal), body)
    await _reload_regions(request)
    return {**record, "_created": True}


@routes.api("PATCH", "/admin/stations/{station_id}", "修改工作站（站长可改本站地址、电话、开放时间、服务）",
     auth=ADMINS, body=STATION, tag="admin")
async def update_station(request, principal, body, query):
    note = body.pop("note")
    record = await admin.update_station(request.app[ENGINE], Actor.of(principal),
                                        _id(request, "station_id"), body, note)
    await _reload_regions(request)
    return record


# --- policies, minimum wages, rules -------------------------------------------------------------

POLICY = {"key": Field(max_length=64), "service": Field(choices=SERVICES),
          "region_id": Field("integer"), "title": Field(max_length=128),
          "summary": Field(max_length=4000), "details": Field("object"),
          "source": Field(max_length=256), "effective_from": Field(pattern=r"\d{4}-\d{2}-\d{2}"),
          "effective_to": Field(pattern=r"\d{4}-\d{2}-\d{2}")}


@routes.api("GET", "/admin/policies", "全部政策和最低工资标准", auth=UNION, tag="admin")
async def list_policies(request, principal, body, query):
    async with request.app[ENGINE].connect() as conn:
        rows = (await conn.execute(select(policies).order_by(policies.c.service, policies.c.id))
                ).mappings().all()
    return {"policies": [dict(r) for r in rows], "services": list(SERVICES)}


@routes.api("POST", "/admin/policies", "新建政策", auth=UNION, body=POLICY, tag="admin")
async def create_policy(request, principal, body, query):
    record = await admin.save_policy(request.app[ENGINE], Actor.of(principal), None, body,
                                     SERVICES)
    return {**record, "_created": True}


@routes.api("PATCH", "/admin/policies/{policy_id}", "修改政策", auth=UNION, body=POLICY, tag="admin")
async def update_policy(request, principal, body, query):
    return await admin.save_policy(request.app[ENGINE], Actor.of(principal),
                                   _id(request, "policy_id"), body, SERVICES)


@routes.api("PUT", "/admin/minimum-wages/{region_id}", "设置城市最低工资标准（金额、来源、生效日期、是否已核实）",
     auth=UNION, body={"monthly": Field("number", required=True),
                       "hourly": Field("number", required=True),
                       "source": Field(required=True, max_length=256),
                       "effective_from": Field(required=True, pattern=r"\d{4}-\d{2}-\d{2}"),
                       "verified": Field("boolean", default=False)}, tag="admin")
async def set_minimum_wage(request, principal, body, query):
    return await admin.save_minimum_wage(
        request.app[ENGINE], Actor.of(principal), _id(request, "region_id"), body["monthly"],
        body["hourly"], body["source"], body["effective_from"], bool(body["verified"]))


RULE = {"programme": Field(max_length=64), "title": Field(max_length=128),
        "region_id": Field("integer"), "conditions": Field("array"), "amount": Field("object"),
        "eligible_reason": Field(max_length=2000), "next_steps": Field(max_length=2000),
        "ticket_type": Field(max_length=32), "source": Field(max_length=256),
        "effective_from": Field(pattern=r"\d{4}-\d{2}-\d{2}")}


@routes.api("GET", "/admin/rules", "全部资格规则", auth=UNION, tag="admin")
async def list_rules(request, principal, body, query):
    async with request.app[ENGINE].connect() as conn:
        rows = (await conn.execute(select(eligibility_rules).order_by(eligibility_rules.c.id))
                ).mappings().all()
    return {"rules": [dict(r) for r in rows]}


@routes.api("POST", "/admin/rules", "新建资格规则", auth=UNION, body=RULE, tag="admin")
async def create_rule(request, principal, body, query):
    return {**await admin.save_rule(request.app[ENGINE], Actor.of(principal), None, body),
            "_created": True}


@routes.api("PATCH", "/admin/rules/{rule_id}", "修改资格规则（条件、金额、说明、来源）", auth=UNION, body=RULE,
     tag="admin")
async def update_rule(request, principal, body, query):
    return await admin.save_rule(request.app[ENGINE], Actor.of(principal),
                                 _id(request, "rule_id"), body)


@routes.api("GET", "/admin/versions/{entity}/{entity_id}", "某条记录的历史版本（最新在前）", auth=ADMINS,
     tag="admin")
async def list_versions(request, principal, body, query):
    return {"versions": await admin.versions(request.app[ENGINE], request.match_info["entity"],
                                             request.match_info["entity_id"])}


# --- audit log -------------------------------------------------------------------------------

@routes.api("GET", "/admin/audit", "审计日志（总工会管理员）：按人员、操作、对象、工作站、日期筛选", auth=UNION,
     query={"actor": Field(max_length=64), "action": Field(choices=tuple(audit.ACTION_NAMES)),
            "target_type": Field(max_length=32), "target_id": Field(max_length=64),
            "station_id": Field("integer"), "date_from": Field(pattern=r"\d{4}-\d{2}-\d{2}"),
            "date_to": Field(pattern=r"\d{4}-\d{2}-\d{2}"),
            "page": Field("integer", minimum=1, default=1),
            "page_size": Field("integer", minimum=1, maximum=200, default=50)}, tag="admin")
async def audit_log(request, principal, body, query):
    result = await audit.search(
        request.app[ENGINE], actor=query["actor"], action=query["action"],
        target_type=query["target_type"], target_id=query["target_id"],
        station_id=query["station_id"], date_from=parse_date(query["date_from"], "date_from"),
        date_to=parse_date(query["date_to"], "date_to"), page=query["page"],
        page_size=query["page_size"])
    return {**result, "actions": audit.ACTION_NAMES}
