"""Malformed input, idempotency keys and ticket status look-ups (issue 11, items 5, 8, 13)."""

from __future__ import annotations

import asyncio
import uuid

import aiohttp
from sqlalchemy import func, select

from bot.backend.appkeys import ENGINE
from bot.backend.tables import tickets

CASE = {"type": "wage_arrears", "district": "辛安街道", "contact_phone": "13805321234",
        "facts": {"employer": "鑫达电子厂", "amount": 12000}}


async def _raw(backend, method: str, path: str, data: bytes, token: str | None = None,
               **headers):
    async with backend.http.request(method, backend.url + "/api/v1" + path, data=data,
                                    headers={**backend.auth(token), "Content-Type":
                                             "application/json", **headers}) as response:
        return response.status, await response.json()


async def _ticket_count(backend) -> int:
    async with backend.app[ENGINE].connect() as conn:
        return (await conn.execute(select(func.count()).select_from(tickets))).scalar()


MALFORMED = [
    ("/eligibility", b"[" * 100_000 + b"]" * 100_000),                 # deeply nested
    ("/eligibility", b'{"city": ' + b'{"a": ' * 40 + b"1" + b"}" * 40 + b"}"),
    ("/tickets", b'{"type": "wage_arrears", "contact_name": "\\ud800"}'),  # lone surrogate
    ("/tickets", b'{"type": "wage_arrears", "facts": {"note": "a\\u0000b"}}'),  # NUL
    ("/tickets", b'{"type": "wage_arrears", "station_id": 1000000000000000000000000000000}'),
    ("/tickets", b'{"type": "wage_arrears", "station_id": "1e30"}'),
    ("/tickets", b'{"type": "wage_arrears", "station_id": ' + b"9" * 5000 + b"}"),
    ("/eligibility", b'{"city": "\xe9\x95\x87\xe6\xb1\x9f", "medical_out_of_pocket_yearly": NaN}'),
    ("/eligibility", b'{"medical_out_of_pocket_yearly": Infinity}'),
    ("/eligibility", b'{"medical_out_of_pocket_yearly": 1e400}'),
    ("/eligibility", b'{"medical_out_of_pocket_yearly": "nan"}'),
    ("/tickets", b'{"type": "wage_arrears", "contact_name": 123}'),        # wrong types
    ("/tickets", b'{"type": "wage_arrears", "facts": "not an object"}'),
    ("/tickets", b'{"type": ["wage_arrears"]}'),
    ("/tickets", b'"just a string"'), ("/tickets", b"null"), ("/tickets", b"[]"),
    ("/eligibility", b"\xff\xfe"),
]


async def test_malformed_input_is_a_structured_400(backend):
    before = await _ticket_count(backend)
    wrong = []
    for path, body in MALFORMED:  # one backend for all cases: the fixture is the slow part
        status, answer = await _raw(backend, "POST", path, body, **{
            "Idempotency-Key": uuid.uuid4().hex})
        if status != 400 or not answer["error"]["message"] or "Traceback" in str(answer):
            wrong.append((path, body[:80], status, answer))
    for path in ("/stations/1000000000000000000000000000000", "/stations/-1",
                 "/handoffs/99999999999999999999/transcript", "/tickets?station_id=1e30",
                 "/tickets?station_id=1000000000000000000000000000000", "/tickets?limit=nan",
                 "/eligibility"):
        status, answer = await backend.call("GET", path)
        if not 400 <= status < 500 or "error" not in answer:
            wrong.append((path, status, answer))
    assert wrong == []
    assert await _ticket_count(backend) == before


async def test_ticket_for_an_unknown_station_is_refused_and_not_stored(backend):
    before = await _ticket_count(backend)
    status, body = await backend.call("POST", "/tickets", json={**CASE, "station_id": 99999},
                                      headers={"Idempotency-Key": "unknown-station"})
    assert status == 400 and body["error"]["field"] == "station_id"
    assert await _ticket_count(backend) == before


async def test_same_key_other_body_is_409_and_keys_are_per_caller(backend):
    key = uuid.uuid4().hex
    status, first = await backend.call("POST", "/tickets", json=CASE,
                                       headers={"Idempotency-Key": key})
    assert status == 201
    status, again = await backend.call("POST", "/tickets", json=CASE,
                                       headers={"Idempotency-Key": key})
    assert status == 200 and again["id"] == first["id"]
    status, body = await backend.call("POST", "/tickets", json={**CASE, "type": "overtime_pay"},
                                      headers={"Idempotency-Key": key})
    assert status == 409 and body["error"]["code"] == "idempotency_conflict"
    assert "13805321234" not in str(body)
    # another principal replaying the key never sees the first ticket
    staff = await backend.login("xinan")
    status, theirs = await backend.call("POST", "/tickets", token=staff, headers={
        "Idempotency-Key": key}, json={"type": "legal_aid", "district": "辛安街道"})
    assert status == 201 and theirs["id"] != first["id"]
    assert "13805321234" not in str(theirs) and "鑫达" not in str(theirs)
    status, replay = await backend.call("POST", "/tickets", token=staff, json=CASE, headers={
        "Idempotency-Key": key})
    assert status == 409 and "鑫达" not in str(replay)


# --- ticket status: only the status for id + phone ------------------------------------------

MEMBER = "13952800001"


async def _with_note(backend, phone: str) -> dict:
    _, ticket = await backend.call("POST", "/tickets", json={**CASE, "contact_phone": phone},
                                   headers={"Idempotency-Key": uuid.uuid4().hex})
    staff = await backend.login("xinan")
    await backend.call("POST", f"/tickets/{ticket['id']}/transitions", token=staff,
                       json={"status": "in_progress", "note": "已约企业周五面谈"})
    return ticket


async def test_status_check_reveals_only_the_status_unless_the_phone_is_verified(backend):
    ticket = await _with_note(backend, MEMBER)
    path = f"/tickets/{ticket['id']}/status-check"
    status, plain = await backend.call("POST", path, json={"phone": MEMBER})
    assert status == 200 and plain["status"] == "in_progress" and plain["verified"] is False
    assert set(plain) == {"id", "status", "sla_due", "verified"}
    assert "工作站" not in str(plain) and "面谈" not in str(plain)
    status, body = await backend.call("POST", path, json={"phone": MEMBER, "code": "000000"})
    assert status == 400 and body["error"]["field"] == "code"  # no code issued
    await backend.call("POST", "/workers/identify", json={"phone": MEMBER})
    _, outbox = await backend.call("GET", "/dev/outbox", params={"phone": MEMBER})
    code = outbox["messages"][0]["body"].split("验证码是 ")[1][:6]
    status, full = await backend.call("POST", path, json={"phone": MEMBER, "code": code})
    assert status == 200 and full["verified"] is True
    assert full["last_note"] == "已约企业周五面谈" and "辛安" in full["station_name"]


async def test_status_check_misses_are_limited_per_phone_and_per_sender(backend):
    ticket = await _with_note(backend, "13805320001")
    path = f"/tickets/{ticket['id']}/status-check"
    guesses = [f"/tickets/GH20260101{n:04d}/status-check" for n in range(5)]
    statuses = [(await backend.call("POST", g, json={"phone": "13805320001"}))[0]
                for g in guesses]
    assert statuses == [404] * 5
    status, body = await backend.call("POST", path, json={"phone": "13805320001"})
    assert status == 429 and body["error"]["code"] == "rate_limited"  # even the right one now
    # one conversation trying many phones
    sender = f"conv-{uuid.uuid4().hex[:8]}"
    statuses = [(await backend.call("POST", path, json={
        "phone": f"1380532{n:04d}", "conversation_id": sender}))[0] for n in range(100, 106)]
    assert statuses == [404] * 5 + [429]
    other_ticket = await _with_note(backend, "13805320002")
    status, _ = await backend.call("POST", f"/tickets/{other_ticket['id']}/status-check",
                                   json={"phone": "13805320002"})
    assert status == 200  # others are not affected


async def test_a_refused_upload_does_not_hang_the_next_request_on_its_connection(backend):
    """A 401 answered before a 200 kB body is read: the same kept-alive client's next request
    is answered at once (the unread bytes used to stall it until the client gave up)."""
    body = b'{"type": "wage_arrears", "facts": {"note": "' + b"a" * 200_000 + b'"}}'
    status, answer = await _raw(backend, "POST", "/tickets", body, token="forged-token")
    assert status == 401 and answer["error"]["message"], answer
    started = asyncio.get_running_loop().time()
    async with backend.http.get(backend.url + "/api/v1/health",
                                timeout=aiohttp.ClientTimeout(total=10)) as response:
        assert response.status == 200
    assert asyncio.get_running_loop().time() - started < 5
