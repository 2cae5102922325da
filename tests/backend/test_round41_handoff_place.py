"""YR-09 (Monday 12:20 Beijing): 转人工 with no place queued the conversation at the province
capital's default station (the city centre, closed for lunch); 黄岛区辛安街道 said next got the
same record back — 青岛市总工会职工服务中心现在不在服务时间 — while 辛安's own station was open.
A handoff still waiting now moves to the station of the place named later."""

from __future__ import annotations

import uuid


async def _station_of(backend, district: str) -> int:
    status, body = await backend.call("GET", "/regions/resolve", params={"district": district})
    assert status == 200, body
    return body["station"]["id"]


async def test_a_waiting_handoff_moves_to_the_station_of_the_place_named_later(backend):
    conversation = f"c-{uuid.uuid4().hex[:10]}"
    status, first = await backend.call("POST", "/handoffs", json={"conversation_id": conversation})
    assert status == 201, first
    xinan = await _station_of(backend, "辛安街道")
    assert first["station_id"] != xinan

    status, again = await backend.call("POST", "/handoffs", json={
        "conversation_id": conversation, "city": "青岛", "district": "辛安街道"})
    assert status in (200, 201), again
    assert again["id"] == first["id"], "still the one handoff: nothing doubled"
    assert again["station_id"] == xinan, "queued where the worker is, not at the default station"
    assert again["station_name"] != first["station_name"]


async def test_a_call_with_no_place_does_not_move_it_back(backend):
    conversation = f"c-{uuid.uuid4().hex[:10]}"
    _, first = await backend.call("POST", "/handoffs", json={"conversation_id": conversation,
                                                             "district": "辛安街道"})
    _, again = await backend.call("POST", "/handoffs", json={"conversation_id": conversation})
    assert again["station_id"] == first["station_id"]


async def test_a_handoff_a_person_has_taken_stays_with_them(backend):
    conversation = f"c-{uuid.uuid4().hex[:10]}"
    _, first = await backend.call("POST", "/handoffs", json={"conversation_id": conversation})
    admin = await backend.login("admin")
    status, claimed = await backend.call("POST", f"/handoffs/{first['id']}/claim", token=admin, json={})
    assert status == 200, claimed
    _, again = await backend.call("POST", "/handoffs", json={"conversation_id": conversation,
                                                             "district": "辛安街道"})
    assert again["station_id"] == first["station_id"] and again["state"] == "active"


# YR-08: 我就问问 不用转人 — the worker's word takes the conversation out of the station's queue

async def test_the_worker_withdraws_a_waiting_handoff(backend):
    conversation = f"c-{uuid.uuid4().hex[:10]}"
    _, first = await backend.call("POST", "/handoffs", json={"conversation_id": conversation,
                                                             "district": "辛安街道"})
    status, body = await backend.call("POST", "/handoffs/withdraw", json={"conversation_id": conversation})
    assert status == 200, body
    assert body["withdrawn"] is True and body["handoff"]["state"] == "closed"
    admin = await backend.login("admin")
    _, queue = await backend.call("GET", "/handoffs", token=admin)
    assert first["id"] not in [h["id"] for h in queue["handoffs"] if h["state"] == "waiting"]

    status, again = await backend.call("POST", "/handoffs/withdraw", json={"conversation_id": conversation})
    assert status == 200 and again["withdrawn"] is False, "a repeat changes nothing"


async def test_a_taken_handoff_is_not_withdrawn(backend):
    conversation = f"c-{uuid.uuid4().hex[:10]}"
    _, first = await backend.call("POST", "/handoffs", json={"conversation_id": conversation})
    admin = await backend.login("admin")
    await backend.call("POST", f"/handoffs/{first['id']}/claim", token=admin, json={})
    _, body = await backend.call("POST", "/handoffs/withdraw", json={"conversation_id": conversation})
    assert body["withdrawn"] is False


async def test_withdraw_needs_a_conversation(backend):
    status, body = await backend.call("POST", "/handoffs/withdraw", json={})
    assert status == 400 and body["error"]["field"] == "conversation_id", body
