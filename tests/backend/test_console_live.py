"""The console's live channel (socket.io on the backend): the queue is pushed, crisis first,
with topic, place and latest message read from the conversation; each station hears only its
own; trainers and strangers are refused; new messages in a conversation are announced."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace

import aiohttp
import pytest
import socketio
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.backend.app import create_app
from bot.backend.appkeys import LIVE
from bot.backend.live import LiveHub, summarise_tracker
from bot.settings import get_settings


class FakeRasa:
    """Rasa's tracker endpoint, with conversations the test writes."""

    def __init__(self) -> None:
        self.trackers: dict[str, dict] = {}

    async def tracker(self, request: web.Request) -> web.Response:
        found = self.trackers.get(request.match_info["cid"])
        return web.json_response(found or {"events": [], "slots": {}})

    def say(self, cid: str, text: str, intent: str = "wage_arrears", **slots) -> None:
        tracker = self.trackers.setdefault(cid, {"events": [], "slots": {}})
        tracker["events"].append({"event": "user", "text": text, "timestamp": 1764590400.0,
                                  "parse_data": {"intent": {"name": intent}}})
        tracker["events"].append({"event": "bot", "text": "好的"})
        tracker["slots"].update(slots)


@pytest.fixture
async def live(tmp_path):
    rasa = FakeRasa()
    rasa_app = web.Application()
    rasa_app.router.add_get("/conversations/{cid}/tracker", rasa.tracker)
    rasa_server = TestServer(rasa_app, host="127.0.0.1")
    await rasa_server.start_server()
    settings = replace(get_settings(), database_url=f"sqlite+aiosqlite:///{tmp_path / 'b.db'}",
                       rasa_url=str(rasa_server.make_url("")).rstrip("/"))
    app = create_app(settings)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    app[LIVE].interval = 0.2
    async with aiohttp.ClientSession() as http:
        yield str(server.make_url("")).rstrip("/"), http, rasa, app
    await server.close()
    await rasa_server.close()


async def login(http, url: str, username: str) -> str:
    async with http.post(url + "/api/v1/auth/login", json={
            "username": username, "password": f"{username}-demo-2026"}) as resp:
        return (await resp.json())["token"]


async def console(url: str, token: str) -> tuple[socketio.AsyncClient, list]:
    client, received = socketio.AsyncClient(), []
    client.on("queue", lambda data: received.append(("queue", data["handoffs"])))
    client.on("conversation", lambda data: received.append(("conversation", data)))
    client.on("tickets", lambda data: received.append(("tickets", data)))
    # polling: this aiohttp is too old for python-socketio's websocket client (browsers use both)
    await client.connect(url, socketio_path="console/live", transports=["polling"],
                         headers={"Cookie": f"hotline_session={token}"})
    return client, received


async def hang_up(client: socketio.AsyncClient) -> None:
    await client.eio.disconnect(abort=True)  # a polite one waits out a 30 s long poll


async def refusal(http, url: str, token: str) -> str:
    """The socket.io handshake by hand (engine.io v4 over polling): the server's answer to the
    namespace connect, e.g. '44{"message":"unauthorized"}' for a refusal."""
    path = url + "/console/live/?EIO=4&transport=polling"
    headers = {"Cookie": f"hotline_session={token}"}
    async with http.get(path, headers=headers) as resp:
        sid = json.loads((await resp.text())[1:])["sid"]
    async with http.post(f"{path}&sid={sid}", data="40", headers=headers) as resp:
        assert resp.status == 200
    async with http.get(f"{path}&sid={sid}", headers=headers) as resp:
        return await resp.text()


async def until(predicate, received, timeout: float = 5.0, after: int = 0):
    for _ in range(int(timeout / 0.05)):
        for item in reversed(received[after:]):
            if predicate(item):
                return item
        await asyncio.sleep(0.05)
    raise AssertionError(f"not received; got {received[-3:]}")


async def open_handoff(http, url: str, cid: str, district: str, reason: str = "worker_request"):
    async with http.post(url + "/api/v1/handoffs", headers={
            "Authorization": f"Bearer {get_settings().backend_token}"}, json={
            "conversation_id": cid, "city": "青岛", "district": district, "reason": reason}) as r:
        return await r.json()


async def test_the_queue_is_pushed_crisis_first_with_topic_place_and_latest_message(live):
    url, http, rasa, app = live
    xinan, zhenjiang = await login(http, url, "xinan"), await login(http, url, "zhenjiang")
    staff, received = await console(url, xinan)
    other, theirs = await console(url, zhenjiang)
    try:
        await until(lambda i: i[0] == "queue" and i[1] == [], received)
        rasa.say("w-wage", "老板欠了我三个月工资一万二", city="青岛", district="辛安街道")
        await open_handoff(http, url, "w-wage", "辛安街道")
        _, queue = await until(lambda i: i[0] == "queue" and i[1] and i[1][0]["latest_message"], received)
        [entry] = queue
        assert entry["topic"] == "欠薪" and entry["place"] == "青岛辛安街道"
        assert entry["latest_message"] == "老板欠了我三个月工资一万二" and entry["position"] == 1

        rasa.say("w-crisis", "我不想活了", intent="psych_support")
        await open_handoff(http, url, "w-crisis", "辛安街道", reason="crisis")
        _, queue = await until(lambda i: i[0] == "queue" and len(i[1]) == 2
                               and i[1][0]["latest_message"], received)
        assert [e["conversation_id"] for e in queue] == ["w-crisis", "w-wage"], "crisis first"
        assert queue[0]["crisis"] and queue[0]["position"] == 1 and queue[1]["position"] == 2

        seen = len(received)
        rasa.say("w-wage", "还有加班费也没给")
        await until(lambda i: i == ("conversation", {"handoff_id": entry["id"]}), received, after=seen)
        await asyncio.sleep(0.5)
        assert all(q == [] for kind, q in theirs if kind == "queue"), "another station hears nothing"
    finally:
        await hang_up(staff)
        await hang_up(other)


async def test_trainers_and_strangers_are_refused(live):
    url, http, rasa, app = live
    assert await refusal(http, url, "not-a-session") == '44{"message":"unauthorized"}'
    assert await refusal(http, url, await login(http, url, "trainer")) == '44{"message":"forbidden"}'
    assert "40{\"sid\"" in await refusal(http, url, await login(http, url, "xinan"))


async def test_the_union_admin_hears_every_station_and_ticket_changes(live):
    url, http, rasa, app = live
    admin, received = await console(url, await login(http, url, "admin"))
    try:
        await open_handoff(http, url, "w-zj", "京口区")
        await open_handoff(http, url, "w-qd", "辛安街道")
        _, queue = await until(lambda i: i[0] == "queue" and len(i[1]) == 2, received)
        assert {e["station_name"] for e in queue} >= {"辛安街道工会网格化工作总站"}
        import uuid
        async with http.post(url + "/api/v1/tickets", headers={
                "Authorization": f"Bearer {get_settings().backend_token}",
                "Idempotency-Key": uuid.uuid4().hex}, json={
                "type": "wage_arrears", "city": "青岛", "district": "辛安街道"}) as resp:
            assert resp.status == 201
        await until(lambda i: i[0] == "tickets", received)
    finally:
        await hang_up(admin)


def test_tracker_summary_skips_commands_and_orders_crisis_first():
    tracker = {"events": [{"event": "user", "text": "我在镇江"}, {"event": "user", "text": "/greet"}],
               "slots": {"pending_case": {"type": "relief_application"}, "city": "镇江"},
               "active_loop": {}}
    summary = summarise_tracker(tracker)
    assert summary["latest_message"] == "我在镇江" and summary["topic"] == "困难帮扶"
    entries = [{"id": 1, "crisis": False, "since": "2026-12-01T01:00:00Z", "state": "waiting"},
               {"id": 2, "crisis": False, "since": "2026-12-01T02:00:00Z", "state": "active"},
               {"id": 3, "crisis": True, "since": "2026-12-01T03:00:00Z", "state": "waiting"}]
    ordered = LiveHub.order(entries)
    assert [(e["id"], e["position"]) for e in ordered] == [(3, 1), (1, 2), (2, None)]
