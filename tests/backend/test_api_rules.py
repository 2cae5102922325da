"""Validation, authentication, eligibility rules and privacy of the backend API."""

from __future__ import annotations

import logging

import pytest

ID_NUMBER = "32110219760619060X"


async def test_invalid_input_is_a_400_naming_the_field(backend):
    status, body = await backend.call("POST", "/tickets", json={"type": "nonsense"},
                                      headers={"Idempotency-Key": "k1"})
    assert status == 400 and body["error"]["field"] == "type"
    status, body = await backend.call("POST", "/tickets", json={
        "type": "wage_arrears", "contact_phone": "12345"}, headers={"Idempotency-Key": "k2"})
    assert status == 400 and body["error"]["field"] == "contact_phone"
    status, body = await backend.call("POST", "/eligibility", json={
        "city": "镇江", "medical_out_of_pocket_yearly": "很多"})
    assert status == 400 and body["error"]["field"] == "medical_out_of_pocket_yearly"
    status, body = await backend.call("POST", "/eligibility", data=b"{not json")
    assert status == 400 and body["error"]["code"] == "invalid_json"


async def test_no_or_wrong_token_is_401(backend):
    async with backend.http.get(backend.url + "/api/v1/tickets") as response:
        assert response.status == 401
        assert (await response.json())["error"]["code"] == "unauthorized"
    status, _ = await backend.call("GET", "/tickets", token="wrong-token")
    assert status == 401


@pytest.mark.parametrize("status_, cost, expected", [
    ("困难", 2500, {"zj_union_medical_relief_kunnan": True}),
    ("困难", 2000, {"zj_union_medical_relief_kunnan": False}),  # must exceed 2000
    ("特困", 3000, {"zj_union_medical_relief_tekun": False}),
    ("特困", 3001, {"zj_union_medical_relief_tekun": True}),
    ("困难", 5000, {"zj_union_medical_relief_tekun": False}),
    ("none", 9000, {"zj_union_medical_relief_kunnan": False}),
])
async def test_zhenjiang_relief_thresholds(backend, status_, cost, expected):
    status, body = await backend.call("POST", "/eligibility", json={
        "city": "镇江", "hardship_status": status_, "medical_out_of_pocket_yearly": cost})
    assert status == 200 and body["region_known"]
    verdicts = {p["programme"]: p for p in body["programmes"]}
    for programme, eligible in expected.items():
        assert verdicts[programme]["eligible"] is eligible
        assert verdicts[programme]["reason"]
    if not eligible:
        assert "2000" in verdicts[programme]["reason"] or "3000" in verdicts[programme]["reason"] \
            or "建档" in verdicts[programme]["reason"]


async def test_unknown_region_is_a_clear_answer(backend):
    status, body = await backend.call("POST", "/eligibility", json={
        "city": "火星市", "hardship_status": "困难"})
    assert status == 200 and body["region_known"] is False and "12351" in body["reason"]


async def test_rules_apply_only_in_their_region(backend):
    _, shanghai = await backend.call("POST", "/eligibility", json={
        "city": "上海", "stayed_over_holiday": True, "occupation": "construction"})
    cover = {p["programme"]: p for p in shanghai["programmes"]}["sh_builder_accident_cover"]
    assert cover["eligible"] and cover["amount"] == {"max": 20000}
    _, qingdao = await backend.call("POST", "/eligibility", json={
        "city": "青岛", "stayed_over_holiday": True})
    assert "sh_builder_accident_cover" not in {p["programme"] for p in qingdao["programmes"]}


async def test_policy_lookup_prefers_local_and_keeps_source(backend):
    status, body = await backend.call("GET", "/policies", params={
        "service": "relief", "city": "镇江"})
    assert status == 200 and body["policies"][0]["key"] == "zj_relief"
    assert body["policies"][0]["source"] and body["policies"][0]["details"]["thresholds"]
    status, wage = await backend.call("GET", "/minimum-wages", params={"city": "上海"})
    assert wage["found"] and wage["minimum_wage"]["details"]["monthly"] > 0
    assert wage["minimum_wage"]["effective_from"]


async def test_id_numbers_never_in_responses_or_logs(backend, caplog):
    caplog.set_level(logging.DEBUG)
    status, sent = await backend.call("POST", "/workers/identify", json={"phone": "13952800001"})
    assert status == 200 and sent["code_sent"]
    _, outbox = await backend.call("GET", "/dev/outbox", params={"phone": "13952800001"})
    code = outbox["messages"][0]["body"].split("验证码是 ")[1][:6]
    status, verified = await backend.call("POST", "/workers/verify", json={
        "phone": "13952800001", "code": code})
    assert status == 200
    worker = verified["worker"]
    assert worker["id_number_masked"] == "3211**********060X"
    assert ID_NUMBER not in str(verified) and "13952800001" not in str(verified)
    assert ID_NUMBER not in caplog.text and "13952800001" not in caplog.text


async def test_wrong_one_time_code_is_refused(backend):
    await backend.call("POST", "/workers/identify", json={"phone": "13952800002"})
    status, body = await backend.call("POST", "/workers/verify", json={
        "phone": "13952800002", "code": "000000"})
    assert status == 400 and body["error"]["field"] == "code"


async def test_openapi_lists_every_route(backend):
    from bot.backend.app import api_routes

    async with backend.http.get(backend.url + "/api/v1/openapi.json") as response:
        doc = await response.json()
    routes = api_routes()
    assert len(routes) > 60 and any(r.path == "/api/v1/trainer/inbox" for r in routes)
    for route in routes:
        assert route.method.lower() in doc["paths"][route.path]


async def test_handoff_queue_position_and_station_scoping(backend):
    status, first = await backend.call("POST", "/handoffs", json={
        "conversation_id": "c-1", "district": "辛安街道"})
    _, second = await backend.call("POST", "/handoffs", json={
        "conversation_id": "c-2", "district": "辛安街道"})
    _, again = await backend.call("POST", "/handoffs", json={
        "conversation_id": "c-1", "district": "辛安街道"})
    assert status == 201 and (first["position"], second["position"]) == (1, 2)
    assert again["id"] == first["id"]
    xinan = await backend.login("xinan")
    status, claimed = await backend.call("POST", f"/handoffs/{first['id']}/claim", token=xinan)
    assert status == 200 and claimed["state"] == "active" and claimed["holder_name"] == "张伟"
    other = await backend.login("zhenjiang")
    status, _ = await backend.call("POST", f"/handoffs/{second['id']}/claim", token=other)
    assert status == 403
    status, released = await backend.call("POST", f"/handoffs/{first['id']}/release", token=xinan)
    assert released["state"] == "released"


async def test_a_crisis_is_told_its_place_in_the_queue_as_the_console_orders_it(backend):
    """A worker in crisis was told 前面还有 4 位在等待 (round 38, this session's own check), while the
    console puts a crisis first: the position said is the console's."""
    for n in range(3):
        await backend.call("POST", "/handoffs", json={"conversation_id": f"w-{n}", "district": "辛安街道"})
    _, crisis = await backend.call("POST", "/handoffs", json={
        "conversation_id": "c-crisis", "district": "辛安街道", "reason": "crisis"})
    _, later = await backend.call("POST", "/handoffs", json={"conversation_id": "w-9", "district": "辛安街道"})
    _, first = await backend.call("POST", "/handoffs", json={"conversation_id": "w-0", "district": "辛安街道"})
    assert crisis["position"] == 1 and later["position"] == 5 and first["position"] == 2


@pytest.mark.parametrize("said,district", [("李沧", "李沧区"), ("即墨", "即墨区"), ("黄岛", "黄岛区"),
                                           ("城阳这边", "城阳区"), ("青岛李沧", "李沧区"),
                                           ("深圳宝安", "宝安区"), ("即墨区龙山街道", "即墨区")])
async def test_a_district_said_without_its_suffix_resolves(backend, said, district):
    """李沧 as the answer to 您在哪个区 is 李沧区 (workers drop 区), and an unknown street
    inside a known district falls back to the district."""
    status, body = await backend.call("GET", "/regions/resolve", params={"district": said})
    assert status == 200, body
    assert body["path"]["district"] == district


async def test_a_stem_inside_a_sentence_is_no_place(backend):
    """河北 or 朝阳 inside a sentence are not read as Tianjin's or Beijing's districts."""
    status, _ = await backend.call("GET", "/regions/resolve", params={"district": "朝阳升起的地方"})
    assert status == 404


async def test_the_street_inside_a_sentence_beats_the_district_whose_name_starts_it(backend):
    """我在青岛西海岸新区辛安街道住 最近的服务站在哪 (independent tester F08): the street's own
    station answers, not the district's, though 青岛西海岸新区 is the longer name."""
    said = "我在青岛西海岸新区辛安街道住"
    status, body = await backend.call("GET", "/regions/resolve", params={"district": said})
    assert status == 200 and body["station"]["name"] == "辛安街道工会网格化工作总站"
    _, answer = await backend.call("GET", "/facts", params={"q": said + " 最近的服务站在哪"})
    assert answer["facts"][0]["station"]["name"] == "辛安街道工会网格化工作总站"


async def test_a_street_with_one_character_mistyped_is_found(backend):
    """辛按街道的工会服务站在哪 (L-14): "这个地方我还没有资料"; one character off one known
    street's full name finds it, and a typo that would fit two places finds none."""
    status, body = await backend.call("GET", "/regions/resolve", params={"district": "辛按街道"})
    assert status == 200 and body["station"]["name"] == "辛安街道工会网格化工作总站"
    status, _ = await backend.call("GET", "/regions/resolve", params={"district": "某某街道"})
    assert status == 404
