"""The back office against the real backend (SQLite and PostgreSQL): the ticket workflow,
search, escalation, administration with versions, the audit log, dashboards and export."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import timedelta

from openpyxl import load_workbook
from sqlalchemy import update

from bot.backend.appkeys import ENGINE, SETTINGS
from bot.backend.tables import tickets
from bot.calendar.beijing import to_beijing, utcnow
from tests.backend.shapes import ensure_ratings

CASE = {"type": "wage_arrears", "city": "青岛", "district": "辛安街道", "contact_name": "张建国",
        "contact_phone": "13805321234", "facts": {"employer": "鑫达电子厂", "amount": 12000}}


async def _ticket(backend, **changes) -> dict:
    status, ticket = await backend.call("POST", "/tickets", json={**CASE, **changes},
                                        headers={"Idempotency-Key": uuid.uuid4().hex})
    assert status == 201, ticket
    return ticket


async def _station_id(backend, code: str) -> int:
    _, body = await backend.call("GET", "/stations")
    return next(s["id"] for s in body["stations"] if s["code"] == code)


async def _region_id(backend, token: str, path: str) -> int:
    _, body = await backend.call("GET", "/admin/regions", token)
    return next(r["id"] for r in body["regions"] if r["path"].endswith(path))


async def test_acknowledge_transfer_resolve_follow_up_close(backend):
    ticket = await _ticket(backend)
    xinan, qingdao = await backend.login("xinan"), await backend.login("qingdao")
    path = f"/tickets/{ticket['id']}/actions"

    status, body = await backend.call("POST", f"{path}/resolve", xinan, json={})
    assert status == 400 and body["error"]["field"] == "outcome"
    status, body = await backend.call("POST", f"{path}/follow_up", xinan, json={
        "note": "电话回访", "result": "satisfied"})
    assert status == 409 and "不能回访" in body["error"]["message"]

    status, body = await backend.call("POST", f"{path}/acknowledge", xinan, json={"note": "收到"})
    assert status == 200 and body["status"] == "acknowledged"
    assert body["assignee_staff_id"] is not None

    status, body = await backend.call("POST", f"{path}/transfer", xinan, json={
        "station_id": await _station_id(backend, "QD")})
    assert status == 400 and body["error"]["field"] == "reason"
    status, body = await backend.call("POST", f"{path}/transfer", xinan, json={
        "station_id": await _station_id(backend, "QD"), "reason": "涉及多个街道，转市总工会"})
    assert status == 200 and body["station_name"] == "青岛市总工会职工服务中心"
    assert body["status"] == "assigned" and body["assignee_staff_id"] is None
    status, _ = await backend.call("GET", f"/tickets/{ticket['id']}", xinan)
    assert status == 403, "after the transfer the old station no longer sees it"

    for action, payload in (("acknowledge", {}), ("start", {}),
                            ("resolve", {"outcome": "企业已补发工资 12000 元"}),
                            ("follow_up", {"note": "职工确认已收到", "result": "satisfied"}),
                            ("close", {})):
        status, body = await backend.call("POST", f"{path}/{action}", qingdao, json=payload)
        assert status == 200, (action, body)
    assert body["status"] == "closed" and body["outcome"] == "企业已补发工资 12000 元"
    steps = [(e["action"], e["actor"]) for e in body["history"] if e["action"]]
    assert steps == [("acknowledge", "张伟"), ("transfer", "张伟"), ("acknowledge", "李娜"),
                     ("start", "李娜"), ("resolve", "李娜"), ("follow_up", "李娜"),
                     ("close", "李娜")]
    transfer = next(e for e in body["history"] if e["action"] == "transfer")
    assert transfer["note"] == "涉及多个街道，转市总工会" and transfer["at"].endswith("+08:00")

    admin = await backend.login("admin")
    status, log = await backend.call("GET", "/admin/audit", admin, params={
        "target_id": ticket["id"]})
    assert status == 200
    assert {e["action"] for e in log["entries"]} >= {"ticket_acknowledge", "ticket_transfer",
                                                     "ticket_resolve", "ticket_close"}
    status, _ = await backend.call("GET", "/admin/audit", xinan)
    assert status == 403


async def test_return_and_search_with_filters_and_pages(backend):
    own = [await _ticket(backend, facts={"employer": f"测试厂{i}号"}) for i in range(5)]
    await _ticket(backend, district="镇江", city="镇江", type="legal_aid")
    xinan = await backend.login("xinan")
    status, body = await backend.call("POST", f"/tickets/{own[0]['id']}/actions/return", xinan,
                                      json={"reason": "不属于本辖区"})
    assert status == 200 and body["status"] == "returned"

    status, page = await backend.call("GET", "/ticket-search", xinan, params={
        "page_size": "2", "page": "2"})
    assert status == 200 and len(page["tickets"]) == 2 and page["total"] >= 5
    assert page["pages"] == -(-page["total"] // 2)
    assert all(t["station_name"] == "辛安街道工会网格化工作总站" for t in page["tickets"])
    _, found = await backend.call("GET", "/ticket-search", xinan, params={"q": "测试厂3号"})
    assert [t["id"] for t in found["tickets"]] == [own[3]["id"]]
    _, returned = await backend.call("GET", "/ticket-search", xinan, params={"status": "returned"})
    assert [t["id"] for t in returned["tickets"]] == [own[0]["id"]]
    _, legal = await backend.call("GET", "/ticket-search", xinan, params={"type": "legal_aid"})
    assert legal["total"] == 0, "the Zhenjiang ticket is not theirs"
    today = to_beijing(utcnow()).date().isoformat()
    _, dated = await backend.call("GET", "/ticket-search", xinan, params={
        "date_from": today, "date_to": today})
    assert dated["total"] == page["total"]
    status, body = await backend.call("GET", "/ticket-search", xinan, params={
        "station_id": str(await _station_id(backend, "ZJ"))})
    assert status == 403
    status, body = await backend.call("GET", "/ticket-search", xinan, params={"date_from": "2026-13-01"})
    assert status == 400 and body["error"]["field"] == "date_from"


async def test_overdue_tickets_are_escalated_once_to_the_station_admin(backend):
    late, fresh = await _ticket(backend, district="青岛", city="青岛"), await _ticket(backend)
    async with backend.app[ENGINE].begin() as conn:
        await conn.execute(update(tickets).where(tickets.c.id == late["id"])
                           .values(sla_due=utcnow() - timedelta(hours=1)))
    admin = await backend.login("admin")
    status, body = await backend.call("POST", "/ticket-escalations", admin, json={})
    assert status == 200 and late["id"] in body["escalated"] and fresh["id"] not in body["escalated"]
    _, again = await backend.call("POST", "/ticket-escalations", admin, json={})
    assert late["id"] not in again["escalated"]
    qingdao = await backend.login("qingdao")
    _, overdue = await backend.call("GET", "/ticket-search", qingdao, params={"overdue": "true"})
    hit = next(t for t in overdue["tickets"] if t["id"] == late["id"])
    assert hit["overdue"] and hit["escalated_at"]
    _, detail = await backend.call("GET", f"/tickets/{late['id']}", qingdao)
    assert any(e["action"] == "escalate" and "李娜" in e["note"] for e in detail["history"])


async def test_union_admin_creates_station_and_staff_who_sees_only_their_station(backend):
    admin = await backend.login("admin")
    street = await _region_id(backend, admin, "辛安街道")
    status, region = await backend.call("POST", "/admin/regions", admin, json={
        "name": "海港路社区", "kind": "community", "parent_id": street})
    assert status == 201
    status, body = await backend.call("POST", "/admin/stations", admin, json={
        "code": "QD-HD-XA-HG", "name": "海港路社区工会网格工作站", "level": "community",
        "region_id": region["id"], "address": "海港路 1 号", "phone": "0532-8888",
        "hours": {"mon": ["25:00-12:00"]}})
    assert status == 400 and body["error"]["field"] == "hours"
    status, station = await backend.call("POST", "/admin/stations", admin, json={
        "code": "QD-HD-XA-HG", "name": "海港路社区工会网格工作站", "level": "community",
        "region_id": region["id"], "address": "海港路 1 号", "phone": "0532-8888",
        "hours": {"mon": ["08:30-17:30"], "holiday": ["09:00-12:00"]}})
    assert status == 201, station
    status, body = await backend.call("POST", "/admin/staff", admin, json={
        "username": "haigang", "display_name": "孙丽", "password": "short",
        "role": "station_staff", "station_id": station["id"]})
    assert status == 400 and body["error"]["field"] == "password"
    status, account = await backend.call("POST", "/admin/staff", admin, json={
        "username": "haigang", "display_name": "孙丽", "password": "haigang-2026-pass",
        "role": "station_staff", "station_id": station["id"]})
    assert status == 201 and "password_hash" not in account

    routed = await _ticket(backend, district="海港路社区")
    assert routed["station_id"] == station["id"], "routing knows the new area at once"
    await _ticket(backend)  # 辛安街道's own
    status, login = await backend.call("POST", "/auth/login", json={
        "username": "haigang", "password": "haigang-2026-pass"})
    assert status == 200
    token = login["token"]
    _, mine = await backend.call("GET", "/ticket-search", token)
    assert [t["id"] for t in mine["tickets"]] == [routed["id"]]

    status, _ = await backend.call("PATCH", f"/admin/staff/{account['id']}", admin,
                                   json={"disabled": True})
    assert status == 200
    status, _ = await backend.call("GET", "/ticket-search", token)
    assert status == 401, "disabling ends the sessions"
    status, _ = await backend.call("POST", "/auth/login", json={
        "username": "haigang", "password": "haigang-2026-pass"})
    assert status == 401
    await backend.call("PATCH", f"/admin/staff/{account['id']}", admin, json={"disabled": False})
    status, reset = await backend.call("POST", f"/admin/staff/{account['id']}/password", admin,
                                       json={})
    assert status == 200 and len(reset["password"]) >= 10
    status, _ = await backend.call("POST", "/auth/login", json={
        "username": "haigang", "password": reset["password"]})
    assert status == 200

    _, log = await backend.call("GET", "/admin/audit", admin, params={"actor": "haigang"})
    assert {"login", "ticket_create"} & {e["action"] for e in log["entries"]} == {"login"}
    _, failed = await backend.call("GET", "/admin/audit", admin, params={"action": "login_failed"})
    assert any(e["actor"] == "haigang" for e in failed["entries"])


async def test_station_admin_scope_and_versioned_hours(backend):
    qingdao, admin = await backend.login("qingdao"), await backend.login("admin")
    own, other = await _station_id(backend, "QD"), await _station_id(backend, "ZJ")
    status, body = await backend.call("POST", "/admin/staff", qingdao, json={
        "username": "boss", "display_name": "坏人", "password": "boss-2026-pass",
        "role": "union_admin"})
    assert status == 403
    status, _ = await backend.call("PATCH", f"/admin/stations/{other}", qingdao, json={
        "phone": "110"})
    assert status == 403
    status, _ = await backend.call("PATCH", f"/admin/stations/{own}", qingdao, json={
        "name": "改名"})
    assert status == 403, "a station admin edits hours and contacts, not the name"
    hours = {d: ["09:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")}
    status, station = await backend.call("PATCH", f"/admin/stations/{own}", qingdao, json={
        "hours": {**hours, "holiday": ["09:00-12:00"]}, "note": "国庆值班"})
    assert status == 200 and station["version"] == 2
    _, versions = await backend.call("GET", f"/admin/versions/station/{own}", admin)
    assert [v["version"] for v in versions["versions"]] == [2, 1]
    assert versions["versions"][1]["data"]["hours"]["mon"] == ["08:30-12:00", "13:30-17:30"]
    assert versions["versions"][0]["data"]["hours"]["holiday"] == ["09:00-12:00"]
    _, shown = await backend.call("GET", f"/stations/{own}")
    assert shown["hours"]["holiday"] == ["09:00-12:00"]


async def test_minimum_wage_and_rules_are_validated_and_versioned(backend):
    admin = await backend.login("admin")
    city = await _region_id(backend, admin, "山东省 / 青岛市")

    async def figures_in_chat() -> list[str]:
        _, found = await backend.call("GET", "/facts", params={"q": "青岛最低工资是多少"})
        return [figure for fact in found["facts"] for figure in fact["figures"]]

    assert "2200" in await figures_in_chat()  # the seed's figure, now kept between questions
    status, body = await backend.call("PUT", f"/admin/minimum-wages/{city}", admin, json={
        "monthly": 99999, "hourly": 23, "source": "通知", "effective_from": "2026-10-01"})
    assert status == 400 and body["error"]["field"] == "monthly"
    status, body = await backend.call("PUT", f"/admin/minimum-wages/{city}", admin, json={
        "monthly": 2400, "hourly": 24, "source": "山东省人民政府通知（2026）",
        "effective_from": "2026-10-01", "verified": True})
    assert status == 200, body
    _, wage = await backend.call("GET", "/minimum-wages", params={"city": "青岛"})
    assert wage["minimum_wage"]["details"] == {"monthly": 2400, "hourly": 24, "verified": True}
    assert wage["minimum_wage"]["effective_from"] == "2026-10-01"
    assert await figures_in_chat() == ["2400"], "the chat answered the old figure after the edit"
    _, versions = await backend.call("GET", f"/admin/versions/policy/{body['id']}", admin)
    assert versions["versions"][-1]["data"]["details"]["monthly"] == 2200

    _, rules = await backend.call("GET", "/admin/rules", admin)
    rule = rules["rules"][0]
    status, body = await backend.call("PATCH", f"/admin/rules/{rule['id']}", admin, json={
        "conditions": [{"field": "income", "op": "approximately", "value": 1}]})
    assert status == 400 and body["error"]["field"] == "conditions"
    status, body = await backend.call("PATCH", f"/admin/rules/{rule['id']}", admin, json={
        "source": "新文件"})
    assert status == 200 and body["version"] == 2
    status, _ = await backend.call("PATCH", f"/admin/rules/{rule['id']}",
                                   await backend.login("qingdao"), json={"source": "x"})
    assert status == 403


async def test_dashboard_figures_and_exports(backend):
    first = await _ticket(backend)
    await _ticket(backend, type="legal_aid")
    qingdao_ticket = await _ticket(backend, district="青岛", city="青岛")
    admin, xinan = await backend.login("admin"), await backend.login("xinan")
    await backend.call("POST", f"/tickets/{first['id']}/actions/acknowledge", xinan, json={})
    await backend.call("POST", f"/tickets/{first['id']}/actions/resolve", xinan, json={
        "outcome": "已解决"})
    today = to_beijing(utcnow()).date().isoformat()
    status, data = await backend.call("GET", "/dashboard", admin, params={
        "date_from": today, "date_to": today})
    assert status == 200
    assert data["tickets"]["total"] == 3 and data["tickets"]["by_day"] == [
        {"day": today, "count": 3}]
    assert {d["type"]: d["count"] for d in data["tickets"]["by_type"]} == {
        "wage_arrears": 2, "legal_aid": 1}
    status, own = await backend.call("GET", "/dashboard", xinan)
    assert own["range"]["station"] == "辛安街道工会网格化工作总站" and own["tickets"]["total"] == 2
    status, _ = await backend.call("GET", "/dashboard", xinan, params={
        "station_id": str(qingdao_ticket["station_id"])})
    assert status == 403

    async with backend.http.get(backend.url + "/api/v1/ticket-export", headers=backend.auth(xinan),
                                params={"format": "csv"}) as response:
        assert response.status == 200 and "attachment" in response.headers["Content-Disposition"]
        raw = await response.read()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["工单号", "类型", "状态"] and len(rows) == 3
    async with backend.http.get(backend.url + "/api/v1/dashboard/export",
                                headers=backend.auth(admin),
                                params={"format": "xlsx", "date_from": today}) as response:
        book = load_workbook(io.BytesIO(await response.read()))
    summary = {row[0]: row[1] for row in book["概况"].iter_rows(values_only=True)}
    assert summary["工单数"] == 3
    _, log = await backend.call("GET", "/admin/audit", admin, params={"action": "export"})
    assert log["total"] == 2


async def test_edits_win_over_the_seed_after_a_restart(backend):
    from dataclasses import replace

    import aiohttp
    from aiohttp.test_utils import TestServer

    from bot.backend.app import create_app

    admin = await backend.login("admin")
    own = await _station_id(backend, "QD")
    status, _ = await backend.call("PATCH", f"/admin/stations/{own}", admin, json={
        "phone": "0532-66668888"})
    assert status == 200
    again = create_app(replace(backend.app[SETTINGS], jobs_interval_seconds=0))
    server = TestServer(again, host="127.0.0.1")
    await server.start_server()
    try:
        async with (
            aiohttp.ClientSession() as http,
            http.get(server.make_url(f"/api/v1/stations/{own}"),
                     headers=backend.auth()) as response,
        ):
            station = await response.json()
    finally:
        await server.close()
    assert station["phone"] == "0532-66668888", "a restart does not seed over the edit"


async def test_satisfaction_comes_from_the_ratings_table(backend):
    import sqlalchemy as sa

    ticket = await _ticket(backend)
    async with backend.app[ENGINE].begin() as conn:
        ratings = await ensure_ratings(conn)
        staff_id = (await conn.execute(sa.text("SELECT id FROM staff WHERE username = 'xinan'"))
                    ).scalar()
        for score, subject in ((5, "ticket"), (3, "handoff")):
            await conn.execute(sa.insert(ratings).values(
                subject=subject, ticket_id=ticket["id"] if subject == "ticket" else None,
                station_id=ticket["station_id"], staff_id=staff_id, score=score,
                channel="widget", created_at=utcnow()))
    _, data = await backend.call("GET", "/dashboard", await backend.login("admin"))
    satisfaction = data["satisfaction"]
    assert satisfaction["count"] == 2 and satisfaction["average"] == 4
    assert satisfaction["satisfied_rate"] == 0.5
    assert satisfaction["by_staff"] == [{"staff": "张伟", "count": 2, "average": 4,
                                         "satisfied_rate": 0.5}]
    assert [s["count"] for s in satisfaction["by_score"]] == [0, 0, 1, 0, 1]


async def test_the_scheduler_escalates_overdue_tickets_by_itself(backend):
    import asyncio
    from dataclasses import replace

    from aiohttp.test_utils import TestServer

    from bot.backend.app import create_app

    late = await _ticket(backend)
    async with backend.app[ENGINE].begin() as conn:
        await conn.execute(update(tickets).where(tickets.c.id == late["id"])
                           .values(sla_due=utcnow() - timedelta(minutes=5)))
    server = TestServer(create_app(replace(backend.app[SETTINGS], jobs_interval_seconds=1,
                                               tracker_db="")),
                        host="127.0.0.1")
    await server.start_server()
    try:
        for _ in range(40):
            _, detail = await backend.call("GET", f"/tickets/{late['id']}")
            if detail["escalated_at"]:
                break
            await asyncio.sleep(0.25)
    finally:
        await server.close()
    assert detail["escalated_at"], "督办 ran without anyone asking"


async def test_claim_and_hand_back_are_audited_and_give_the_waiting_time(backend):
    from dataclasses import replace

    # no Rasa here: telling the worker is best effort, on a port nothing listens on
    backend.app[SETTINGS] = replace(backend.app[SETTINGS], rasa_url="http://127.0.0.1:9")
    status, handoff = await backend.call("POST", "/handoffs", json={
        "conversation_id": f"w-{uuid.uuid4().hex[:8]}", "city": "青岛", "district": "辛安街道"})
    assert status == 201
    xinan, admin = await backend.login("xinan"), await backend.login("admin")
    for action in ("claim", "release"):
        status, body = await backend.call("POST", f"/handoffs/{handoff['id']}/{action}", xinan,
                                          json={})
        assert status == 200, body
    _, log = await backend.call("GET", "/admin/audit", admin, params={
        "target_id": str(handoff["id"])})
    assert [e["action"] for e in log["entries"]] == ["handoff_release", "handoff_claim"]
    assert {e["actor"] for e in log["entries"]} == {"xinan"}
    _, data = await backend.call("GET", "/dashboard", admin)
    assert data["handoff_waiting"]["claimed"] == 1
    assert data["handoff_waiting"]["average_seconds"] is not None
