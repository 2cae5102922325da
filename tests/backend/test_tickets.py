"""Tickets: routing by district, history, idempotency, concurrency, station scoping."""

from __future__ import annotations

import asyncio
import re
import uuid

WAGE_CASE = {"type": "wage_arrears", "city": "青岛", "district": "辛安街道",
             "contact_name": "张建国", "contact_phone": "138 0532 1234",
             "facts": {"employer": "鑫达电子厂", "amount": 12000, "duration": "P3M"},
             "conversation_id": "conv-1"}


async def create(backend, payload=WAGE_CASE, key=None, token=None):
    return await backend.call("POST", "/tickets", token=token, json=payload,
                              headers={"Idempotency-Key": key or uuid.uuid4().hex})


async def test_ticket_goes_to_the_station_of_the_district(backend):
    status, ticket = await create(backend)
    assert status == 201
    assert re.fullmatch(r"GH\d{8}\d{4}", ticket["id"])
    assert ticket["station_name"] == "辛安街道工会网格化工作总站"
    assert ticket["contact_phone"] == "13805321234"
    assert ticket["facts"]["amount"] == 12000
    assert [e["status"] for e in ticket["history"]] == ["new", "assigned"]
    assert ticket["sla_due"] > ticket["created_at"]


async def test_a_crisis_callback_is_due_at_the_next_opening_not_in_two_working_days(backend):
    callback = {**WAGE_CASE, "type": "callback"}
    _, crisis = await create(backend, {**callback, "facts": {"reason": "crisis", "amount": 20000}})
    _, plain = await create(backend, {**callback, "facts": {"reason": "worker_request"}})
    assert crisis["created_at"] <= crisis["sla_due"] < plain["sla_due"]
    assert crisis["facts"] == {"reason": "crisis", "amount": 20000}


async def test_community_beats_street_and_unknown_district_falls_back_to_city(backend):
    _, community = await create(backend, {**WAGE_CASE, "district": "崂又泊社区"})
    assert community["station_name"] == "崂又泊社区工会网格工作站"
    _, city_only = await create(backend, {**WAGE_CASE, "city": "镇江", "district": "某某村"})
    assert city_only["station_name"].startswith("镇江市总工会")


async def test_a_place_not_on_record_is_said_so_with_the_fallback_station(backend):
    """四川南充 (round 27): filed with 青岛's centre as if it were 南充's own station."""
    _, known = await create(backend)
    assert known["place_known"] is True
    _, elsewhere = await create(backend, {**WAGE_CASE, "city": "南充", "district": None})
    assert elsewhere["place_known"] is False and elsewhere["station_name"]


async def test_an_addition_to_a_ticket_goes_to_the_station_that_holds_it(backend):
    """ZR-12: an addition to a 辛安 ticket with no place of its own went to 青岛's centre."""
    _, first = await create(backend, {**WAGE_CASE, "district": "辛安街道"})
    addition = {"type": "other", "facts": {"related_ticket": first["id"], "question": "社保是去年十月才开始交的"},
                "contact_phone": "13805321234", "city": None, "district": None}
    _, related = await create(backend, addition)
    assert related["station_name"] == first["station_name"] and related["station_id"] == first["station_id"]
    _, unknown = await create(backend, {**addition, "facts": {"related_ticket": "GH202001010001"}})
    assert unknown["station_name"]  # an unknown first ticket: routed as before


async def test_retried_request_makes_one_ticket(backend):
    key = uuid.uuid4().hex
    first_status, first = await create(backend, key=key)
    again_status, again = await create(backend, key=key)
    assert (first_status, again_status) == (201, 200)
    assert first["id"] == again["id"]


async def test_200_tickets_from_20_concurrent_clients_get_200_distinct_ids(backend):
    async def client(n: int) -> list[str]:
        ids = []
        for i in range(10):
            status, ticket = await create(backend, key=f"load-{n}-{i}")
            assert status == 201, ticket
            ids.append(ticket["id"])
        return ids

    results = await asyncio.gather(*(client(n) for n in range(20)))
    ids = [i for batch in results for i in batch]
    assert len(ids) == 200 and len(set(ids)) == 200
    status, listing = await backend.call("GET", "/tickets", params={"limit": "500"})
    assert {t["id"] for t in listing["tickets"]} >= set(ids), "none lost"


async def test_status_history_and_notes_are_kept(backend):
    _, ticket = await create(backend)
    token = await backend.login("xinan")
    path = f"/tickets/{ticket['id']}/transitions"
    status, _ = await backend.call("POST", path, token=token,
                                   json={"status": "in_progress", "note": "已联系企业"})
    assert status == 200
    status, done = await backend.call("POST", path, token=token, json={"status": "resolved"})
    assert [e["status"] for e in done["history"]][-2:] == ["in_progress", "resolved"]
    assert any(e["note"] == "已联系企业" and e["actor"] == "张伟" for e in done["history"])
    status, error = await backend.call("POST", path, token=token, json={"status": "new"})
    assert status == 409 and error["error"]["field"] == "status"


async def test_staff_see_only_their_station(backend):
    _, ticket = await create(backend)  # 辛安街道 station
    other = await backend.login("zhenjiang")
    status, error = await backend.call("GET", f"/tickets/{ticket['id']}", token=other)
    assert status == 403 and "无权" in error["error"]["message"]
    own = await backend.login("xinan")
    status, listing = await backend.call("GET", "/tickets", token=own)
    assert status == 200 and ticket["id"] in {t["id"] for t in listing["tickets"]}
    status, listing = await backend.call("GET", "/tickets", token=other)
    assert ticket["id"] not in {t["id"] for t in listing["tickets"]}
    admin = await backend.login("admin")
    assert (await backend.call("GET", f"/tickets/{ticket['id']}", token=admin))[0] == 200


async def test_worker_status_check_needs_the_matching_phone(backend):
    _, ticket = await create(backend)
    path = f"/tickets/{ticket['id']}/status-check"
    status, mine = await backend.call("POST", path, json={"phone": "13805321234"})
    assert status == 200 and mine["status"] == "assigned"
    status, other = await backend.call("POST", path, json={"phone": "13900000000"})
    assert status == 404 and "contact_name" not in str(other)


async def test_the_worker_corrects_the_phone_of_the_ticket_they_just_filed(backend):
    """电话说错了 是139… after filing (independent testers B06, F16): the ticket's phone is
    changed for the conversation that filed it, and the old number's tail stays in the
    history for the staff; any other conversation gets the same 404 as no such ticket."""
    _, ticket = await create(backend)
    path = f"/tickets/{ticket['id']}/contact-phone"
    status, changed = await backend.call("POST", path, json={
        "conversation_id": "conv-1", "phone": "139 0532 9999"})
    assert status == 200 and changed["contact_phone"] == "13905329999"
    _, stored = await backend.call("GET", f"/tickets/{ticket['id']}")
    assert stored["contact_phone"] == "13905329999"
    assert "原号码尾号 1234" in stored["history"][-1]["note"]
    again_status, _ = await backend.call("POST", path, json={
        "conversation_id": "conv-1", "phone": "13905329999"})
    _, after = await backend.call("GET", f"/tickets/{ticket['id']}")
    assert again_status == 200 and len(after["history"]) == len(stored["history"])
    other, _ = await backend.call("POST", path, json={
        "conversation_id": "someone-else", "phone": "13700000000"})
    _, untouched = await backend.call("GET", f"/tickets/{ticket['id']}")
    assert other == 404 and untouched["contact_phone"] == "13905329999"
    bad, body = await backend.call("POST", path, json={"conversation_id": "conv-1", "phone": "123"})
    assert bad == 400 and body["error"]["field"] == "phone"


async def test_the_worker_adds_a_note_to_the_ticket_they_just_filed(backend):
    """明天几点能打过来 中午12点到1点方便 (round 18, JJ-12: 没明白): the worker's note reaches the
    ticket's history for the staff, once however often it is sent, and only from the
    conversation that filed it."""
    _, ticket = await create(backend)
    path = f"/tickets/{ticket['id']}/worker-notes"
    status, noted = await backend.call("POST", path, json={
        "conversation_id": "conv-1", "note": "中午12点到1点方便接电话"})
    assert status == 200 and noted["id"] == ticket["id"] and noted["station_phone"]
    await backend.call("POST", path, json={"conversation_id": "conv-1", "note": "中午12点到1点方便接电话"})
    _, stored = await backend.call("GET", f"/tickets/{ticket['id']}")
    notes = [e["note"] for e in stored["history"] if e["note"] and e["note"].startswith("职工留言")]
    assert notes == ["职工留言：中午12点到1点方便接电话"]
    other, _ = await backend.call("POST", path, json={"conversation_id": "someone-else", "note": "x"})
    assert other == 404
    empty, body = await backend.call("POST", path, json={"conversation_id": "conv-1"})
    assert empty == 400 and body["error"]["field"] == "note"
