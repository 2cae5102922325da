"""Roles, chat claims and console sessions (issue 11, items 6 and 7)."""

from __future__ import annotations

import asyncio
import threading
import uuid
from dataclasses import replace

from sqlalchemy import insert, select

from bot.backend import auth, ratelimit
from bot.backend.appkeys import ENGINE, SETTINGS
from bot.backend.auth import hash_password
from bot.backend.tables import staff, stations

XINAN = "QD-HD-XA"  # the 辛安街道 station: its staff is xinan (张伟)


async def _add_staff(backend, role: str, station_code: str | None = XINAN) -> str:
    """A further account (password = username + "-demo-2026", like the demo ones)."""
    username = f"{role[:8]}{uuid.uuid4().hex[:6]}"
    async with backend.app[ENGINE].begin() as conn:
        station_id = (await conn.execute(select(stations.c.id).where(
            stations.c.code == station_code))).scalar() if station_code else None
        await conn.execute(insert(staff).values(
            username=username, display_name=f"同事{username[-3:]}", role=role,
            station_id=station_id, password_hash=hash_password(f"{username}-demo-2026")))
    return username


async def _handoff(backend) -> dict:
    status, record = await backend.call("POST", "/handoffs", json={
        "conversation_id": f"c-{uuid.uuid4().hex[:10]}", "district": "辛安街道"})
    assert status == 201, record
    return record


async def test_trainers_see_only_the_masked_inbox(backend):
    _, ticket = await backend.call("POST", "/tickets", headers={"Idempotency-Key": "t-1"}, json={
        "type": "wage_arrears", "district": "辛安街道", "contact_phone": "13805321234"})
    record = await _handoff(backend)
    trainer = await backend.login("trainer")
    refused = [
        await backend.call("GET", "/tickets", token=trainer),
        await backend.call("GET", f"/tickets/{ticket['id']}", token=trainer),
        await backend.call("POST", f"/tickets/{ticket['id']}/transitions", token=trainer,
                           json={"status": "closed"}),
        await backend.call("GET", "/handoffs", token=trainer),
        await backend.call("GET", f"/handoffs/{record['id']}/transcript", token=trainer),
        await backend.call("POST", f"/handoffs/{record['id']}/claim", token=trainer, json={}),
        await backend.call("POST", f"/handoffs/{record['id']}/close", token=trainer, json={}),
    ]
    assert [status for status, _ in refused] == [403] * len(refused)
    assert "13805321234" not in str(refused)
    assert (await backend.call("GET", "/auth/me", token=trainer))[0] == 200
    status, _ = await backend.call("GET", "/trainer/inbox", token=trainer)
    assert status != 403  # the inbox is theirs (its content is another suite's)
    status, _ = await backend.call("GET", f"/tickets/{ticket['id']}")
    assert status == 200  # the ticket is still there


async def test_claims_are_exclusive_and_only_holder_or_admin_release_or_close(backend):
    colleague = await backend.login(await _add_staff(backend, "station_staff"))
    admin = await backend.login(await _add_staff(backend, "station_admin"))
    xinan = await backend.login("xinan")
    record = await _handoff(backend)
    path = f"/handoffs/{record['id']}"
    assert (await backend.call("POST", path + "/claim", token=xinan, json={}))[0] == 200
    assert (await backend.call("POST", path + "/claim", token=xinan, json={}))[0] == 200  # again
    status, body = await backend.call("POST", path + "/claim", token=colleague, json={})
    assert status == 409 and body["error"]["code"] == "held_by_other"
    for action in ("release", "close"):
        status, body = await backend.call("POST", f"{path}/{action}", token=colleague, json={})
        assert status == 403 and "接手人或站长" in body["error"]["message"]
    _, still = await backend.call("GET", f"/handoffs/by-conversation/{record['conversation_id']}")
    assert still["state"] == "active" and still["holder_name"] == "张伟"
    status, closed = await backend.call("POST", path + "/close", token=admin, json={})
    assert status == 200 and closed["state"] == "closed"
    # the holder may release their own
    second = await _handoff(backend)
    await backend.call("POST", f"/handoffs/{second['id']}/claim", token=colleague, json={})
    status, released = await backend.call("POST", f"/handoffs/{second['id']}/release",
                                          token=colleague, json={})
    assert status == 200 and released["state"] == "released"


async def test_two_concurrent_claims_exactly_one_wins(backend):
    first = await backend.login("xinan")
    second = await backend.login(await _add_staff(backend, "station_staff"))
    for _ in range(8):
        record = await _handoff(backend)
        path = f"/handoffs/{record['id']}/claim"
        results = await asyncio.gather(backend.call("POST", path, token=first, json={}),
                                       backend.call("POST", path, token=second, json={}))
        assert sorted(status for status, _ in results) == [200, 409], results
        winner = next(body for status, body in results if status == 200)
        _, now = await backend.call("GET", f"/handoffs/by-conversation/{record['conversation_id']}")
        assert now["holder_name"] == winner["holder_name"]


async def _login(backend, username: str, password: str, **headers):
    async with backend.http.post(backend.url + "/api/v1/auth/login", headers=headers,
                                 json={"username": username, "password": password}) as response:
        return response.status, await response.json(), response.headers


async def test_repeated_failures_lock_the_login_known_user_or_not(backend):
    for username in ("xinan", "nobody-here"):
        statuses = [(await _login(backend, username, "wrong password"))[0] for _ in range(5)]
        assert statuses == [401] * 5
        status, body, headers = await _login(backend, username, f"{username}-demo-2026")
        assert status == 429 and body["error"]["code"] == "locked_out"  # even the right one
        assert int(headers["Retry-After"]) > 0
    assert (await _login(backend, "zhenjiang", "zhenjiang-demo-2026"))[0] == 200  # others fine


async def test_failed_logins_are_rate_limited_per_address(backend, monkeypatch):
    monkeypatch.setattr(ratelimit, "LOGIN_FAILURES_PER_ADDRESS",
                        ratelimit.Limit("login_fail_address", 3, ratelimit.HOUR))
    for _ in range(3):  # successful logins do not count
        assert (await _login(backend, "xinan", "xinan-demo-2026"))[0] == 200
    statuses = [(await _login(backend, f"user{n}", "x"))[0] for n in range(4)]
    assert statuses == [401, 401, 401, 429]
    status, body, _ = await _login(backend, "xinan", "xinan-demo-2026")
    assert status == 429 and body["error"]["code"] == "rate_limited"
    # behind our own proxy every client has its own count (X-Forwarded-For is believed)
    settings = backend.app[SETTINGS]
    monkeypatch.setitem(backend.app._state, SETTINGS,
                        replace(settings, trusted_proxies=("127.0.0.1",)))
    status, _, _ = await _login(backend, "xinan", "xinan-demo-2026",
                                **{"X-Forwarded-For": "198.51.100.7"})
    assert status == 200


async def test_unknown_usernames_cost_a_hash_and_hashing_is_off_the_loop(backend, monkeypatch):
    calls = []
    real = auth.verify_password

    def spy(password: str, stored: str) -> bool:
        calls.append((threading.get_ident(), stored.startswith("scrypt$")))
        return real(password, stored)

    monkeypatch.setattr(auth, "verify_password", spy)
    loop_thread = threading.get_ident()  # the test server runs on this thread's event loop
    await _login(backend, "nobody-at-all", "whatever")
    await _login(backend, "xinan", "wrong")
    assert (await _login(backend, "xinan", "xinan-demo-2026"))[0] == 200
    assert len(calls) == 3 and all(is_hash for _, is_hash in calls)
    assert all(thread != loop_thread for thread, _ in calls)


async def test_session_cookie_is_secure_behind_https(backend):
    _, _, plain = await _login(backend, "xinan", "xinan-demo-2026")
    _, _, proxied = await _login(backend, "xinan", "xinan-demo-2026", **{
        "X-Forwarded-Proto": "https"})
    assert "Secure" not in plain["Set-Cookie"] and "HttpOnly" in plain["Set-Cookie"]
    assert "Secure" in proxied["Set-Cookie"] and "SameSite=Strict" in proxied["Set-Cookie"]


async def test_cookie_writes_must_come_from_our_origin_as_json(backend):
    token = await backend.login("xinan")
    own = backend.url
    cookie = {"Cookie": f"{auth.SESSION_COOKIE}={token}"}
    body = '{"type": "wage_arrears", "district": "辛安街道"}'

    async def post(headers: dict, content_type: str = "application/json") -> int:
        async with backend.http.post(backend.url + "/api/v1/tickets", data=body.encode(),
                                     headers={**cookie, "Content-Type": content_type,
                                              "Idempotency-Key": uuid.uuid4().hex,
                                              **headers}) as response:
            return response.status

    assert await post({"Origin": "http://evil.example"}) == 403
    assert await post({"Origin": "evil"}) == 403
    assert await post({"Origin": own}, "text/plain") == 403
    assert await post({}) == 403  # neither Origin nor Referer: not provably ours
    assert await post({"Origin": own}) == 201
    assert await post({"Referer": own + "/console/"}) == 201
    # reading with the cookie, and writing with a bearer token, need no Origin
    async with backend.http.get(backend.url + "/api/v1/auth/me", headers=cookie) as response:
        assert response.status == 200
    status, _ = await backend.call("POST", "/tickets", token=token, json={
        "type": "wage_arrears", "district": "辛安街道"}, headers={"Idempotency-Key": "bearer-1"})
    assert status == 201
