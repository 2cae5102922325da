"""Ratings (by SMS link and in the widget), photo uploads seen only by station staff, canned
replies, handoff transfer, and migration 0004 on a database that predates it."""

from __future__ import annotations

import sqlite3
import struct
import uuid
import zlib

import aiohttp
import pytest

from bot.channels import session_token
from bot.notify import rating_links
from bot.settings import get_settings

CASE = {"type": "wage_arrears", "city": "青岛", "district": "辛安街道",
        "contact_phone": "13805329876", "facts": {"amount": 12000}}


def png(width: int = 2, height: int = 2) -> bytes:
    """A real, tiny PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


async def ticket(backend, conversation_id: str = "c-rate") -> dict:
    status, body = await backend.call("POST", "/tickets", json={**CASE, "conversation_id": conversation_id},
                                      headers={"Idempotency-Key": uuid.uuid4().hex})
    assert status == 201
    return body


async def public(backend, method: str, path: str, **kwargs):
    async with backend.http.request(method, backend.url + path, **kwargs) as resp:
        return resp.status, await (resp.json() if "json" in resp.content_type else resp.text())


async def test_a_resolved_ticket_is_rated_once_through_its_sms_link(backend):
    t = await ticket(backend)
    xinan = await backend.login("xinan")
    token = rating_links.issue("ticket", t["id"], get_settings().session_secret)
    status, subject = await public(backend, "GET", f"/api/v1/ratings/{token}")
    assert status == 200 and subject["rateable"] is False, "not before it is resolved"
    status, body = await public(backend, "POST", f"/api/v1/ratings/{token}", json={"score": 4})
    assert status == 409 and body["error"]["code"] == "not_rateable"

    for step in ("in_progress", "resolved"):
        await backend.call("POST", f"/tickets/{t['id']}/transitions", token=xinan, json={"status": step})
    _, box = await backend.call("GET", "/dev/outbox", params={"phone": "13805329876"})
    link = box["messages"][0]["body"].split("：")[-1]
    token = link.rsplit("/rate/", 1)[1]
    status, page = await public(backend, "GET", f"/rate/{token}")
    assert status == 200 and "服务评价" in page
    status, subject = await public(backend, "GET", f"/api/v1/ratings/{token}")
    assert subject == {"subject": "ticket", "title": f"工单 {t['id']}", "rated": False, "score": None,
                       "station_name": "辛安街道工会网格化工作总站", "rateable": True}
    for bad in ({"score": 0}, {"score": 6}, {"score": "五"}, {"score": 5, "comment": "长" * 501}):
        status, body = await public(backend, "POST", f"/api/v1/ratings/{token}", json=bad)
        assert status == 400 and body["error"]["field"] in ("score", "comment")
    status, rated = await public(backend, "POST", f"/api/v1/ratings/{token}",
                                 json={"score": 5, "comment": "网格员很耐心", "channel": "sms"})
    assert status == 201 and rated["rated"] and rated["score"] == 5
    status, again = await public(backend, "POST", f"/api/v1/ratings/{token}", json={"score": 1})
    assert status == 409 and again["error"]["code"] == "already_rated"

    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    other = token.replace(t["id"], "GH209901010001")
    for bad in (forged, other, "nonsense"):
        status, body = await public(backend, "GET", f"/api/v1/ratings/{bad}")
        assert status == 404 and body["error"]["code"] == "invalid_link"

    status, summary = await backend.call("GET", "/ratings/summary", token=xinan)
    assert status == 200 and summary["count"] == 1 and summary["average"] == 5
    assert summary["by_station"][0]["station_name"] == "辛安街道工会网格化工作总站"
    assert summary["by_staff"] == [{"staff_id": summary["by_staff"][0]["staff_id"], "username": "xinan",
                                    "display_name": "张伟", "count": 1, "average": 5.0}]
    assert summary["recent"][0]["comment"] == "网格员很耐心"
    zhenjiang = await backend.login("zhenjiang")
    status, theirs = await backend.call("GET", "/ratings/summary", token=zhenjiang)
    assert status == 200 and theirs["count"] == 0, "another station sees only its own"
    status, _ = await backend.call("GET", "/ratings/summary", token=zhenjiang,
                                   params={"station_id": str(t["station_id"])})
    assert status == 403
    status, _ = await backend.call("GET", "/ratings/summary", token=await backend.login("trainer"))
    assert status == 403


async def test_an_ended_handoff_is_rated_for_the_staff_member_who_held_it(backend):
    status, handoff = await backend.call("POST", "/handoffs", json={
        "conversation_id": "w-rate-1", "city": "青岛", "district": "辛安街道"})
    token = rating_links.issue("handoff", handoff["id"], get_settings().session_secret)
    xinan = await backend.login("xinan")
    await backend.call("POST", f"/handoffs/{handoff['id']}/claim", token=xinan, json={})
    status, body = await public(backend, "POST", f"/api/v1/ratings/{token}", json={"score": 3})
    assert status == 409, "not while it is going on"
    await backend.call("POST", f"/handoffs/{handoff['id']}/close", token=xinan, json={})
    status, body = await public(backend, "POST", f"/api/v1/ratings/{token}",
                                json={"score": 3, "channel": "widget"},
                                headers={"Origin": "https://union.example.cn"})
    assert status == 201 and body["title"] == "本次人工服务"
    status, summary = await backend.call("GET", "/ratings/summary", token=xinan,
                                         params={"from": "2020-01-01", "to": "2099-12-31"})
    assert summary["by_staff"][0]["display_name"] == "张伟" and summary["by_staff"][0]["average"] == 3
    status, none = await backend.call("GET", "/ratings/summary", token=xinan,
                                      params={"from": "2099-01-01"})
    assert none["count"] == 0
    status, bad = await backend.call("GET", "/ratings/summary", token=xinan, params={"from": "昨天"})
    assert status == 400 and bad["error"]["field"] == "from"


async def upload(backend, data: bytes, token: str | None, kind: str = "pay_slip", **fields):
    form = aiohttp.FormData()
    form.add_field("kind", kind)
    for name, value in fields.items():
        form.add_field(name, value)
    form.add_field("file", data, filename="工资条.jpg", content_type="image/jpeg")
    headers = {"X-Widget-Session": token} if token else {}
    return await public(backend, "POST", "/api/v1/uploads", data=form, headers=headers)


async def test_photos_are_checked_and_seen_only_by_the_station_staff(backend):
    conversation, token = session_token.issue(get_settings().session_secret)
    image = png()
    status, stored = await upload(backend, image, token)
    assert status == 201 and stored["content_type"] == "image/png" and stored["kind_label"] == "工资条"
    for data, code, expected in ((b"%PDF-1.4 not a photo", 415, "unsupported_type"),
                                 (b"", 400, "empty_file"),
                                 (b"\xff\xd8\xff" + b"0" * (5 * 1024 * 1024), 413, "file_too_large")):
        status, body = await upload(backend, data, token)
        assert status == code and body["error"]["code"] == expected
    status, body = await upload(backend, image, None)
    assert status == 401
    status, body = await upload(backend, image, token.replace(".", ".x"))
    assert status == 401
    status, body = await upload(backend, image, token, kind="selfie")
    assert status == 400 and body["error"]["field"] == "kind"
    other = await ticket(backend, conversation_id="someone-else")
    status, body = await upload(backend, image, token, ticket_id=other["id"])
    assert status == 404, "a photo cannot be pinned to someone else's ticket"

    xinan = await backend.login("xinan")
    params = {"conversation_id": conversation}
    status, _ = await backend.call("GET", "/attachments", token=xinan, params=params)
    assert status == 404, "no station has this conversation yet"
    await backend.call("POST", "/handoffs", json={"conversation_id": conversation, "city": "青岛",
                                                  "district": "辛安街道"})
    status, listing = await backend.call("GET", "/attachments", token=xinan, params=params)
    assert status == 200 and [a["id"] for a in listing["attachments"]] == [stored["id"]]
    async with backend.http.get(backend.url + listing["attachments"][0]["url"],
                                headers=backend.auth(xinan)) as resp:
        assert resp.status == 200 and await resp.read() == image
        assert resp.headers["Content-Type"] == "image/png" and "no-store" in resp.headers["Cache-Control"]
    for who, code in (("zhenjiang", 404), ("trainer", 403)):
        status, _ = await backend.call("GET", "/attachments", token=await backend.login(who), params=params)
        assert status == code, who
        async with backend.http.get(backend.url + listing["attachments"][0]["url"],
                                    headers=backend.auth(await backend.login(who))) as resp:
            assert resp.status == code, who
    async with backend.http.get(backend.url + listing["attachments"][0]["url"]) as resp:
        assert resp.status == 401
    status, _ = await backend.call("GET", "/attachments", token=await backend.login("admin"), params=params)
    assert status == 200


async def test_embedded_widget_may_upload_and_rate_cross_origin(backend):
    async with backend.http.options(backend.url + "/api/v1/uploads", headers={
            "Origin": "https://union.example.cn", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-widget-session"}) as resp:
        assert resp.status == 204
        assert resp.headers["Access-Control-Allow-Origin"] == "https://union.example.cn"
        assert "X-Widget-Session" in resp.headers["Access-Control-Allow-Headers"]
    async with backend.http.get(backend.url + "/api/v1/ratings/summary",
                                headers={"Origin": "https://union.example.cn"}) as resp:
        assert "Access-Control-Allow-Origin" not in resp.headers, "staff routes stay same-origin"


async def test_canned_replies_per_station(backend):
    xinan, qingdao, admin = [await backend.login(u) for u in ("xinan", "qingdao", "admin")]
    status, defaults = await backend.call("GET", "/canned-replies", token=xinan)
    assert status == 200 and defaults["replies"][0]["title"] == "问候"
    status, _ = await backend.call("POST", "/canned-replies", token=xinan,
                                   json={"title": "x", "text": "y"})
    assert status == 403, "station staff use them, station admins write them"
    status, shared = await backend.call("POST", "/canned-replies", token=admin,
                                        json={"title": "热线", "text": "也可以拨打 12351。"})
    assert status == 201 and shared["station_id"] is None
    qd_station = (await backend.call("GET", "/auth/me", token=qingdao))[1]["station_id"]
    status, own = await backend.call("POST", "/canned-replies", token=qingdao,
                                     json={"title": "青岛", "text": "青岛市总工会在这里。"})
    assert status == 201 and own["station_id"] == qd_station
    _, mine = await backend.call("GET", "/canned-replies", token=xinan)
    assert [r["title"] for r in mine["replies"]] == ["热线"], "another station's are not shown"
    _, theirs = await backend.call("GET", "/canned-replies", token=qingdao)
    assert [r["title"] for r in theirs["replies"]] == ["青岛", "热线"]
    status, _ = await backend.call("DELETE", f"/canned-replies/{shared['id']}", token=qingdao)
    assert status == 403
    status, _ = await backend.call("DELETE", f"/canned-replies/{own['id']}", token=qingdao)
    assert status == 200


async def test_a_conversation_is_transferred_to_another_station(backend):
    _, handoff = await backend.call("POST", "/handoffs", json={
        "conversation_id": "w-move-1", "city": "青岛", "district": "辛安街道"})
    xinan, zhenjiang = await backend.login("xinan"), await backend.login("zhenjiang")
    _, stations = await backend.call("GET", "/stations")
    target = next(s for s in stations["stations"] if s["code"] == "ZJ")
    await backend.call("POST", f"/handoffs/{handoff['id']}/claim", token=xinan, json={})
    status, body = await backend.call("POST", f"/handoffs/{handoff['id']}/transfer", token=zhenjiang,
                                      json={"station_id": target["id"], "reason": "x"})
    assert status == 403, "not another station's conversation"
    status, body = await backend.call("POST", f"/handoffs/{handoff['id']}/transfer", token=xinan,
                                      json={"station_id": 10**30, "reason": "户籍在镇江"})
    assert status == 400
    status, moved = await backend.call("POST", f"/handoffs/{handoff['id']}/transfer", token=xinan,
                                       json={"station_id": target["id"], "reason": "户籍在镇江"})
    assert status == 200, moved
    assert moved["station_id"] == target["id"] and moved["state"] == "waiting"
    assert moved["holder_staff_id"] is None
    _, queue = await backend.call("GET", "/handoffs", token=zhenjiang)
    assert handoff["id"] in [h["id"] for h in queue["handoffs"]]
    _, queue = await backend.call("GET", "/handoffs", token=xinan)
    assert handoff["id"] not in [h["id"] for h in queue["handoffs"]]


def test_migration_0004_upgrades_a_database_that_predates_it(tmp_path):
    """An existing database at revision 0003: the outbox gains its columns (rows kept, sent ones
    marked sent), the new tables appear; a fresh database gets the same schema."""
    from bot.backend.db import migrate

    fresh = tmp_path / "fresh.db"
    migrate(f"sqlite:///{fresh}")
    old = tmp_path / "old.db"
    migrate(f"sqlite:///{old}")
    db = sqlite3.connect(old)
    for table in ("ratings", "attachments", "canned_replies"):
        db.execute(f"DROP TABLE {table}")
    db.execute("DROP TABLE notification_outbox")
    db.execute("CREATE TABLE notification_outbox (id INTEGER PRIMARY KEY, channel VARCHAR(16) NOT NULL,"
               " recipient VARCHAR(20) NOT NULL, body TEXT NOT NULL, created_at DATETIME NOT NULL,"
               " sent_at DATETIME)")
    db.execute("INSERT INTO notification_outbox VALUES (1, 'sms', '13800000001', 'old', "
               "'2026-01-01 00:00:00', NULL), (2, 'sms', '13800000002', 'gone', "
               "'2026-01-01 00:00:00', '2026-01-01 00:00:05')")
    db.execute("UPDATE alembic_version SET version_num = '0003'")
    db.commit()
    migrate(f"sqlite:///{old}")

    def schema(path) -> dict:
        conn = sqlite3.connect(path)
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(r[1] for r in conn.execute(f"PRAGMA table_info({t})")) for t in tables}

    assert schema(old) == schema(fresh)
    assert db.execute("SELECT id, status, attempts FROM notification_outbox ORDER BY id").fetchall() \
        == [(1, "pending", 0), (2, "sent", 0)]
    assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
    migrate(f"sqlite:///{old}")  # and again: nothing to do


@pytest.mark.parametrize("kind", ["jpeg", "webp", "heic"])
def test_photo_types_are_recognised_by_content(kind):
    from bot.backend.attachments import sniff

    data = {"jpeg": b"\xff\xd8\xff\xe0rest", "webp": b"RIFF\x00\x00\x00\x00WEBPVP8 ",
            "heic": b"\x00\x00\x00\x18ftypheic\x00"}[kind]
    assert sniff(data) == f"image/{kind}"
    assert sniff(b"<svg onload=alert(1)>") is None
