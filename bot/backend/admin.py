"""Administration: staff accounts, grid stations and their areas, opening hours, policies,
minimum wages and eligibility rules, edited by the union admin (everything) and station
admins (their own station's staff and hours).

Every change is validated, saved with its previous state kept (``record_versions``: version 1
is the record as it was before the first edit, e.g. from the seed) and written to the audit
log, all in one transaction. The seed only fills an empty database, so edits made here win.
"""

from __future__ import annotations

import re
import secrets
from datetime import date

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.backend import audit
from bot.backend.audit import Actor
from bot.backend.auth import ROLES, hash_password
from bot.backend.domain_errors import Conflict, Forbidden, InvalidInput, RecordNotFound
from bot.backend.eligibility import _OPS
from bot.backend.facts import forget_facts
from bot.backend.tables import (
    eligibility_rules,
    policies,
    record_versions,
    regions,
    staff,
    staff_sessions,
    stations,
)
from bot.calendar.beijing import utcnow
from bot.contract import HOURS_KEYS

DAY_KEYS = HOURS_KEYS  # the shared contract (bot/contract.py)
LEVELS = ("city", "district", "street", "community")
REGION_KINDS = ("province", "city", "district", "street", "community")
USERNAME = re.compile(r"[a-z][a-z0-9_.-]{2,31}")
MIN_PASSWORD = 10
STAFF_PUBLIC = ("id", "username", "display_name", "role", "station_id", "disabled",
                "updated_at")


def _is_union_admin(actor: Actor) -> bool:
    return actor.role in ("union_admin", "service")


def _only_union_admin(actor: Actor) -> None:
    if not _is_union_admin(actor):
        raise Forbidden("只有总工会管理员可以执行此操作")


def _own_station(actor: Actor, station_id: int | None) -> None:
    if _is_union_admin(actor):
        return
    if actor.role != "station_admin" or station_id != actor.station_id:
        raise Forbidden("站长只能管理本站")


def _plain(row) -> dict:
    """A JSON-able snapshot of a row (dates as ISO strings)."""
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in dict(row).items()
            if k != "password_hash"}


async def _save_version(conn: AsyncConnection, entity: str, entity_id: object, before,
                        after, actor: Actor, note: str | None) -> int:
    """Keeps the previous state (as version 1 the first time) and the new one."""
    key = str(entity_id)
    last = (await conn.execute(select(func.max(record_versions.c.version)).where(
        record_versions.c.entity == entity, record_versions.c.entity_id == key))).scalar() or 0
    now = utcnow()
    if last == 0 and before is not None:
        last = 1
        await conn.execute(insert(record_versions).values(
            entity=entity, entity_id=key, version=1, data=_plain(before), changed_by="seed",
            changed_at=now, note="修改前的记录"))
    await conn.execute(insert(record_versions).values(
        entity=entity, entity_id=key, version=last + 1, data=_plain(after),
        changed_by=actor.name, changed_at=now, note=note))
    return last + 1


async def _row(conn: AsyncConnection, table: Table, row_id: int, what: str):
    row = (await conn.execute(select(table).where(table.c.id == row_id))).mappings().first()
    if row is None:
        raise RecordNotFound(what)
    return row


async def _change(engine: AsyncEngine, table: Table, entity: str, row_id: int | None,
                  values: dict, actor: Actor, action: str, station_id: int | None = None,
                  note: str | None = None) -> dict:
    """Insert (row_id None) or update one row, versioned and audited."""
    async with engine.begin() as conn:
        before = None
        if row_id is None:
            row_id = (await conn.execute(insert(table).values(**values))).inserted_primary_key[0]
        else:
            before = await _row(conn, table, row_id, entity)
            if values:
                await conn.execute(update(table).where(table.c.id == row_id).values(**values))
        after = await _row(conn, table, row_id, entity)
        version = await _save_version(conn, entity, row_id, before, after, actor, note)
        changed = sorted(k for k in values if before is None or before[k] != after[k])
        await audit.record(conn, actor, action, entity, row_id, station_id,
                           {"fields": changed, "version": version, "note": note})
    if table is policies:
        forget_facts(engine)  # the chat's figures come from these rows
    return {**_plain(after), "version": version}


# --- staff accounts --------------------------------------------------------------------------

def _check_role(actor: Actor, role: str, station_id: int | None) -> None:
    if role not in ROLES:
        raise InvalidInput("角色只能是: " + "、".join(ROLES), field="role")
    if role in ("station_staff", "station_admin") and station_id is None:
        raise InvalidInput("网格员和站长必须属于一个工作站", field="station_id")
    if not _is_union_admin(actor) and role not in ("station_staff", "station_admin"):
        raise Forbidden("站长只能设置网格员或站长")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD or password.isdigit() or password.isalpha():
        raise InvalidInput(f"密码至少 {MIN_PASSWORD} 位，并且同时包含字母和数字", field="password")


async def _station_exists(engine_or_conn, station_id: int | None) -> None:
    if station_id is None:
        return
    async with engine_or_conn.connect() as conn:
        if (await conn.execute(select(stations.c.id).where(stations.c.id == station_id))
                ).scalar() is None:
            raise RecordNotFound("工作站", field="station_id")


async def list_staff(engine: AsyncEngine, actor: Actor) -> list[dict]:
    stmt = select(*(staff.c[c] for c in STAFF_PUBLIC)).order_by(staff.c.id)
    if not _is_union_admin(actor):
        _own_station(actor, actor.station_id)
        stmt = stmt.where(staff.c.station_id == actor.station_id)
    async with engine.connect() as conn:
        return [_plain(r) for r in (await conn.execute(stmt)).mappings().all()]


async def create_staff(engine: AsyncEngine, actor: Actor, username: str, display_name: str,
                       password: str, role: str, station_id: int | None) -> dict:
    if not USERNAME.fullmatch(username):
        raise InvalidInput("用户名为 3–32 位小写字母、数字、下划线，以字母开头", field="username")
    _check_role(actor, role, station_id)
    if not _is_union_admin(actor):
        _own_station(actor, station_id)
    _check_password(password)
    await _station_exists(engine, station_id)
    async with engine.connect() as conn:
        if (await conn.execute(select(staff.c.id).where(staff.c.username == username))).scalar():
            raise Conflict("用户名已存在", field="username")
    record = await _change(engine, staff, "staff", None, {
        "username": username, "display_name": display_name, "role": role,
        "station_id": station_id, "password_hash": hash_password(password), "disabled": False,
        "updated_at": utcnow()}, actor, "staff_create", station_id)
    return {k: record[k] for k in (*STAFF_PUBLIC, "version")}


async def update_staff(engine: AsyncEngine, actor: Actor, staff_id: int, changes: dict) -> dict:
    """changes: display_name / role / station_id / disabled (only the keys given)."""
    async with engine.connect() as conn:
        current = await _row(conn, staff, staff_id, "账号")
    _own_station(actor, current["station_id"])
    role = changes.get("role") or current["role"]
    station_id = changes["station_id"] if "station_id" in changes else current["station_id"]
    _check_role(actor, role, station_id)
    if not _is_union_admin(actor):
        _own_station(actor, station_id)
    await _station_exists(engine, station_id)
    if changes.get("disabled") and staff_id == actor.staff_id:
        raise InvalidInput("不能停用自己的账号", field="disabled")
    values = {k: v for k, v in changes.items() if k in ("display_name", "role", "station_id",
                                                         "disabled")}
    values["updated_at"] = utcnow()
    record = await _change(engine, staff, "staff", staff_id, values, actor, "staff_update",
                           station_id)
    if record["disabled"] or values.get("role") or "station_id" in values:
        async with engine.begin() as conn:  # the old rights end with the old sessions
            await conn.execute(delete(staff_sessions).where(staff_sessions.c.staff_id == staff_id))
    return {k: record[k] for k in (*STAFF_PUBLIC, "version")}


async def reset_password(engine: AsyncEngine, actor: Actor, staff_id: int,
                         password: str | None) -> dict:
    """Sets the given password, or a generated one shown once; ends the account's sessions."""
    async with engine.connect() as conn:
        current = await _row(conn, staff, staff_id, "账号")
    _own_station(actor, current["station_id"])
    password = password or (secrets.token_urlsafe(9) + "7a")
    _check_password(password)
    async with engine.begin() as conn:
        await conn.execute(update(staff).where(staff.c.id == staff_id).values(
            password_hash=hash_password(password), updated_at=utcnow()))
        await conn.execute(delete(staff_sessions).where(staff_sessions.c.staff_id == staff_id))
        await audit.record(conn, actor, "staff_reset_password", "staff", staff_id,
                           current["station_id"])
    return {"id": staff_id, "username": current["username"], "password": password}


# --- stations, areas, opening hours ------------------------------------------------------------

def check_hours(hours) -> dict:
    """Opening hours: day keys (mon…sun, holiday, makeup) → ["HH:MM-HH:MM", …], start < end."""
    if not isinstance(hours, dict):
        raise InvalidInput("开放时间格式不正确", field="hours")
    clean: dict[str, list[str]] = {}
    for key, spans in hours.items():
        if key not in DAY_KEYS:
            raise InvalidInput(f"开放时间的日期只能是: {', '.join(DAY_KEYS)}", field="hours")
        if not isinstance(spans, list):
            raise InvalidInput(f"{key} 的开放时间应为列表", field="hours")
        out = []
        for span in spans:
            span = str(span).strip().replace("：", ":").replace("—", "-").replace("～", "-")
            start, _, end = span.partition("-")
            if not (re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", start)
                    and re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d|24:00", end) and start < end):
                raise InvalidInput(f"开放时间“{span}”格式不正确，应为 08:30-12:00", field="hours")
            out.append(f"{start}-{end}")
        if spans:
            clean[key] = sorted(out)
    return clean


async def create_region(engine: AsyncEngine, actor: Actor, name: str, kind: str,
                        parent_id: int, aliases: list[str]) -> dict:
    """A new area (street, community …) under an existing one."""
    _only_union_admin(actor)
    if kind not in REGION_KINDS:
        raise InvalidInput("地区级别不正确", field="kind")
    async with engine.connect() as conn:
        parent = await _row(conn, regions, parent_id, "上级地区")
        if REGION_KINDS.index(kind) <= REGION_KINDS.index(parent["kind"]):
            raise InvalidInput("新地区的级别必须低于上级地区", field="kind")
        if (await conn.execute(select(regions.c.id).where(
                regions.c.parent_id == parent_id, regions.c.name == name))).scalar():
            raise Conflict("这个地区已经存在", field="name")
    return await _change(engine, regions, "region", None, {
        "name": name, "kind": kind, "parent_id": parent_id, "aliases": aliases},
        actor, "region_create")


STATION_FIELDS = ("code", "name", "level", "region_id", "address", "phone", "hours",
                  "services", "staff_names", "is_city_default")
STATION_ADMIN_FIELDS = ("address", "phone", "hours", "services")  # what a station admin edits


async def _check_station_values(engine: AsyncEngine, values: dict, station_id: int | None):
    if "hours" in values:
        values["hours"] = check_hours(values["hours"])
    for name in ("services", "staff_names"):
        if name in values and not (isinstance(values[name], list) and all(
                isinstance(v, str) and 0 < len(v.strip()) <= 64 for v in values[name])):
            raise InvalidInput(f"{name} 应为文字列表（每项最多 64 个字）", field=name)
    if "level" in values and values["level"] not in LEVELS:
        raise InvalidInput("工作站级别只能是: " + "、".join(LEVELS), field="level")
    async with engine.connect() as conn:
        if "region_id" in values:
            await _row(conn, regions, values["region_id"], "地区")
            other = (await conn.execute(select(stations.c.id).where(
                stations.c.region_id == values["region_id"]))).scalar()
            if other is not None and other != station_id:
                raise Conflict("这个地区已经有负责的工作站", field="region_id")
        if "code" in values:
            other = (await conn.execute(select(stations.c.id).where(
                stations.c.code == values["code"]))).scalar()
            if other is not None and other != station_id:
                raise Conflict("工作站编码已存在", field="code")


async def create_station(engine: AsyncEngine, actor: Actor, values: dict) -> dict:
    _only_union_admin(actor)
    values = {k: v for k, v in values.items() if k in STATION_FIELDS and v is not None}
    missing = [k for k in ("code", "name", "level", "region_id", "address", "phone")
               if not values.get(k)]
    if missing:
        raise InvalidInput(f"缺少必填字段 {missing[0]}", field=missing[0])
    values.setdefault("hours", {})
    values.setdefault("services", [])
    values.setdefault("staff_names", [])
    values.setdefault("is_city_default", False)
    await _check_station_values(engine, values, None)
    return await _change(engine, stations, "station", None, values, actor, "station_create")


async def update_station(engine: AsyncEngine, actor: Actor, station_id: int, values: dict,
                         note: str | None = None) -> dict:
    _own_station(actor, station_id)
    allowed = STATION_FIELDS if _is_union_admin(actor) else STATION_ADMIN_FIELDS
    refused = [k for k, v in values.items() if v is not None and k not in allowed]
    if refused:
        raise Forbidden(f"站长不能修改 {refused[0]}")
    values = {k: v for k, v in values.items() if v is not None}
    await _check_station_values(engine, values, station_id)
    return await _change(engine, stations, "station", station_id, values, actor,
                         "station_update", station_id, note)


# --- policies, minimum wages, eligibility rules --------------------------------------------------

def _date(value, field: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(f"{field} 不是有效日期（YYYY-MM-DD）", field=field) from None


POLICY_FIELDS = ("key", "service", "region_id", "title", "summary", "details", "source",
                 "effective_from", "effective_to")


async def save_policy(engine: AsyncEngine, actor: Actor, policy_id: int | None, values: dict,
                      services: tuple[str, ...]) -> dict:
    _only_union_admin(actor)
    values = {k: v for k, v in values.items() if k in POLICY_FIELDS and v is not None}
    for name in ("effective_from", "effective_to"):
        if name in values:
            values[name] = _date(values[name], name)
    if "service" in values and values["service"] not in services:
        raise InvalidInput("服务类别不正确", field="service")
    if values.get("effective_from") and values.get("effective_to") and \
            values["effective_to"] < values["effective_from"]:
        raise InvalidInput("失效日期不能早于生效日期", field="effective_to")
    if "source" in values and not str(values["source"]).strip():
        raise InvalidInput("必须注明政策来源", field="source")
    async with engine.connect() as conn:
        if "region_id" in values:
            await _row(conn, regions, values["region_id"], "地区")
        if "key" in values:
            other = (await conn.execute(select(policies.c.id).where(
                policies.c.key == values["key"]))).scalar()
            if other is not None and other != policy_id:
                raise Conflict("政策编号已存在", field="key")
    if policy_id is None:
        missing = [k for k in ("key", "service", "title", "summary", "source") if k not in values]
        if missing:
            raise InvalidInput(f"缺少必填字段 {missing[0]}", field=missing[0])
        values.setdefault("details", {})
    action = "policy_create" if policy_id is None else "policy_update"
    return await _change(engine, policies, "policy", policy_id, values, actor, action)


async def save_minimum_wage(engine: AsyncEngine, actor: Actor, region_id: int, monthly: float,
                            hourly: float, source: str, effective_from, verified: bool) -> dict:
    """A city's minimum wage: amount, source, effective date and whether it was checked
    against the official notice. A new figure replaces the city's row; the old is a version."""
    _only_union_admin(actor)
    if not (500 <= monthly <= 20000) or not (5 <= hourly <= 200):
        raise InvalidInput("最低工资金额不在合理范围内（月 500–20000 元，小时 5–200 元）",
                      field="monthly")
    if not source.strip():
        raise InvalidInput("必须注明来源（政府通知）", field="source")
    effective = _date(effective_from, "effective_from")
    if effective is None:
        raise InvalidInput("缺少生效日期", field="effective_from")
    async with engine.connect() as conn:
        region = await _row(conn, regions, region_id, "地区")
        existing = (await conn.execute(select(policies.c.id).where(
            policies.c.service == "minimum_wage", policies.c.region_id == region_id,
            policies.c.key.like("minimum_wage:%")))).scalar()
    city = region["name"]
    figures = f"{monthly:g}"
    values = {"service": "minimum_wage", "region_id": region_id,
              "title": f"{city}最低工资标准",
              "summary": f"{city}月最低工资标准 {figures} 元，小时最低工资 {hourly:g} 元。",
              "details": {"monthly": monthly, "hourly": hourly, "verified": verified},
              "source": source.strip(), "effective_from": effective}
    if existing is None:
        values["key"] = f"minimum_wage:{city}"
    action = "policy_create" if existing is None else "policy_update"
    return await _change(engine, policies, "policy", existing, values, actor, action,
                         note="最低工资标准")


def check_conditions(conditions) -> list[dict]:
    """Rule conditions: [{field, op, value, explain}] with a known operator and a reason."""
    if not isinstance(conditions, list) or not conditions:
        raise InvalidInput("至少需要一个条件", field="conditions")
    clean = []
    for i, c in enumerate(conditions, 1):
        if not isinstance(c, dict) or not c.get("field") or c.get("op") not in _OPS:
            raise InvalidInput(f"第 {i} 个条件不正确：需要 field 和 op（{', '.join(_OPS)}）",
                          field="conditions")
        if not str(c.get("explain") or "").strip():
            raise InvalidInput(f"第 {i} 个条件缺少不符合时给职工的说明（explain）", field="conditions")
        if c["op"] != "is_true" and "value" not in c:
            raise InvalidInput(f"第 {i} 个条件缺少 value", field="conditions")
        if c["op"] == "in" and not isinstance(c["value"], list):
            raise InvalidInput(f"第 {i} 个条件的 value 应为列表", field="conditions")
        clean.append({k: c[k] for k in ("field", "op", "value", "explain") if k in c})
    return clean


RULE_FIELDS = ("programme", "title", "region_id", "conditions", "amount", "eligible_reason",
               "next_steps", "ticket_type", "source", "effective_from")


async def save_rule(engine: AsyncEngine, actor: Actor, rule_id: int | None,
                    values: dict) -> dict:
    _only_union_admin(actor)
    values = {k: v for k, v in values.items() if k in RULE_FIELDS and v is not None}
    if "conditions" in values:
        values["conditions"] = check_conditions(values["conditions"])
    if "effective_from" in values:
        values["effective_from"] = _date(values["effective_from"], "effective_from")
    if rule_id is None:
        missing = [k for k in ("programme", "title", "conditions", "eligible_reason",
                               "next_steps", "source") if k not in values]
        if missing:
            raise InvalidInput(f"缺少必填字段 {missing[0]}", field=missing[0])
    async with engine.connect() as conn:
        if "programme" in values:
            other = (await conn.execute(select(eligibility_rules.c.id).where(
                eligibility_rules.c.programme == values["programme"]))).scalar()
            if other is not None and other != rule_id:
                raise Conflict("项目编号已存在", field="programme")
    action = "rule_create" if rule_id is None else "rule_update"
    return await _change(engine, eligibility_rules, "eligibility_rule", rule_id, values, actor,
                         action)


async def versions(engine: AsyncEngine, entity: str, entity_id: str) -> list[dict]:
    async with engine.connect() as conn:
        rows = (await conn.execute(select(record_versions).where(
            record_versions.c.entity == entity, record_versions.c.entity_id == entity_id)
            .order_by(record_versions.c.version.desc()))).mappings().all()
    return [dict(r) for r in rows]
