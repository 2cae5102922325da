"""Widget sessions are issued and signed by the server; staff see only their station."""

from __future__ import annotations

import asyncio
import contextlib

import aiohttp
import pytest
import socketio

pytestmark = pytest.mark.integration


async def _connect(stack, token: str | None = None):
    client = socketio.AsyncClient(reconnection=False)
    confirmed: asyncio.Future = asyncio.get_running_loop().create_future()
    replies: list[dict] = []
    client.on("session_confirm", lambda data: confirmed.done() or confirmed.set_result(data))
    client.on("bot_uttered", replies.append)
    await client.connect(stack.rasa_url, socketio_path="/socket.io", auth={"token": token} if token else None,
                         transports=["polling"])
    return client, await asyncio.wait_for(confirmed, 10), replies


async def _close(client) -> None:
    # a polling client's graceful disconnect waits for the long poll; the test need not
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(client.disconnect(), 2)


async def _tracker_texts(stack, session_id: str) -> list[str]:
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{stack.rasa_url}/conversations/{session_id}/tracker",
                 params={"token": stack.rasa_token}) as resp,
    ):
        events = (await resp.json())["events"]
    return [e["text"] for e in events if e["event"] == "user"]


async def test_server_issues_a_signed_session_and_keeps_it(stack):
    client, first, _ = await _connect(stack)
    await _close(client)
    again, second, _ = await _connect(stack, first["token"])
    assert second["session_id"] == first["session_id"], "a reload keeps the conversation"
    await _close(again)


async def test_a_chosen_or_forged_session_is_refused(stack):
    victim, session, _ = await _connect(stack)
    await victim.emit("user_uttered", {"message": "我的秘密：工资卡密码"})
    await asyncio.sleep(2)
    forged = f"{session['session_id']}.AAAAAAAAAAAAAAAAAAAAAAAA"
    with pytest.raises(socketio.exceptions.ConnectionError):
        await _connect(stack, forged)
    with pytest.raises(socketio.exceptions.ConnectionError):
        await _connect(stack, session["session_id"])
    await _close(victim)


async def test_a_message_naming_another_session_stays_in_its_own(stack):
    victim, victim_session, _ = await _connect(stack)
    attacker, attacker_session, _ = await _connect(stack)
    await attacker.emit("user_uttered", {"message": "我是冒充的", "session_id": victim_session["session_id"]})
    await asyncio.sleep(3)
    assert "我是冒充的" not in await _tracker_texts(stack, victim_session["session_id"])
    assert "我是冒充的" in await _tracker_texts(stack, attacker_session["session_id"])
    await _close(victim)
    await _close(attacker)


async def test_staff_of_another_station_cannot_open_the_conversation(stack):
    async with aiohttp.ClientSession() as http:
        async def call(method, path, token=None, **kw):
            headers = {"Authorization": f"Bearer {token or stack.backend_token}"}
            async with http.request(method, f"{stack.backend_url}/api/v1{path}", headers=headers,
                                    **kw) as resp:
                return resp.status, await resp.json()

        _, record = await call("POST", "/handoffs", json={"conversation_id": "w-station-test",
                                                          "district": "辛安街道"})
        _, login = await call("POST", "/auth/login", json={"username": "zhenjiang",
                                                           "password": "zhenjiang-demo-2026"})
        status, body = await call("GET", f"/handoffs/{record['id']}/transcript", token=login["token"])
        assert status == 403 and "无权" in body["error"]["message"]
        status, _ = await call("POST", f"/handoffs/{record['id']}/messages", token=login["token"],
                               json={"text": "hi"})
        assert status == 403
