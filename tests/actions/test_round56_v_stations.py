"""Round 56 (v): the stations said from one source, the backend's register, on the real seeded backend.

XV-3: 你们是哪个工会的 / 你们是谁 / 这是哪个单位的 got 没太明白: who runs the hotline, from the register (the
union whose grid stations take the cases, its area, the city's centre, 12351).
XV-9: 福田的工会站几点开门 / 周日开吗 got hours the register only holds as placeholders of another city's union (and
周日不上班 made of them): no grid station of this hotline there — that city's union, no hours.
XV-6: 长江路那边有没有站 got only the district centre, as if the street had none: the 崂又泊社区 station inside it
is named, and the wider one that takes the street's tickets.
XV-1: 工单转到哪个站了 right after a filing got 没太明白, and 最近的站在哪 named 辛安's 总站 while the childcare ticket
had gone to 沂河路社区's station: the filing's station, from its record."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.services import ActionFindStation
from actions.station_followup import station_detail_reply, ticket_station_reply
from actions.station_text import asked_time_verdict, station_text


def asks_who_we_are(text: str) -> bool:
    from actions.service_catalog import asks_who_we_are  # (new in round 56: imported here, so the old code fails)

    return asks_who_we_are(text)

on_module_loop = pytest.mark.asyncio(loop_scope="module")


def said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


def place(value: str, entity: str = "district") -> dict:
    return {"entity": entity, "value": value}


def tracker_with(turns, entities=None, slots=None):
    tracker = conversation(turns, slots)
    tracker.latest_message["entities"] = entities or []
    return tracker


# --- XV-3 ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["你们是哪个工会的", "你们是谁", "这是哪个单位的", "这个热线是谁开的",
                                  "你们是工会的吗", "你们属于哪个工会", "你是哪个单位的啊"])
def test_who_runs_the_hotline_is_asked(text):
    assert asks_who_we_are(text)


@pytest.mark.parametrize("text", ["这补贴是哪个单位发的", "我该找哪个工会", "我们单位是哪个工会管", "你们工会在哪",
                                  "这个厂是谁开的", "老板是谁"])
def test_other_questions_are_not_it(text):
    assert not asks_who_we_are(text)


@on_module_loop
async def test_who_we_are_from_the_register(backend):
    from actions.who_we_are import say_who_we_are, who_we_are_reply

    reply = await who_we_are_reply()
    assert "青岛西海岸新区总工会" in reply and "黄岛区" in reply and "12351" in reply, reply
    assert "辛安街道工会网格化工作总站" in reply and "崂又泊社区工会网格工作站" in reply, reply
    assert "青岛市总工会职工服务中心" in reply and "0532-12351" in reply, reply
    assert "深圳" not in reply and "福田" not in reply, reply
    dispatcher = CollectingDispatcher()
    assert await say_who_we_are(dispatcher, conversation([("你们是哪个工会的", "nlu_fallback", [])]))
    assert said(dispatcher) == reply


# --- XV-9 ---------------------------------------------------------------------------------------------

FUTIAN = {"code": "SZ-FT", "name": "福田区总工会职工服务中心（福田职工书院）", "level": "district",
          "address": "深圳市福田区（示例地址）", "phone": "12351", "open_now": False,
          "hours": {"mon": ["08:30-19:30"], "sat": ["09:00-17:00"]}, "services": ["职工书院"]}


def test_another_citys_union_has_no_hours_said():
    from actions.station_text import known_hours

    card = station_text(FUTIAN)
    assert "08:30" not in card and "不在服务时间" not in card and "没有收录" in card, card
    assert "不是本热线的工会网格工作站" in card, card
    assert known_hours(FUTIAN) == {}
    assert "没法给您准话" in asked_time_verdict({}, "周日开吗")
    assert "不上班" not in asked_time_verdict({}, "周日开吗")
    own = {**FUTIAN, "code": "QD-HD-XA", "name": "辛安街道工会网格化工作总站"}
    assert "08:30-19:30" in station_text(own) and "不是本热线" not in station_text(own)


@on_module_loop
@pytest.mark.parametrize("entities", [[place("深圳", "city"), place("福田区")], [place("福田区")]])
async def test_futian_station_is_that_citys_union(backend, entities):
    dispatcher = CollectingDispatcher()
    slots = {"city": entities[0]["value"] if len(entities) == 2 else None, "district": "福田区"}
    tracker = tracker_with([("福田的工会站周日开门吗", "find_station", [])], entities, slots)
    await ActionFindStation().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "福田区总工会职工服务中心" in reply and "没有本热线的工会网格工作站" in reply, reply
    assert "08:30" not in reply and "周日不上班" not in reply and "12351" in reply, reply
    assert "离您最近的工会网格工作站" not in reply, reply


def test_the_day_asked_after_that_card_is_not_answered_from_nothing():
    card = "当地总工会的服务中心：\n" + station_text(FUTIAN)
    tracker = conversation([("福田的工会站在哪", "find_station", [card]), ("周日开吗", "nlu_fallback", [])])
    reply = station_detail_reply(tracker) or ""
    assert "周日不开门" not in reply and "没法给您准话" in reply, reply


# --- XV-6 ---------------------------------------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("text", ["长江路那边有没有站", "我住长江路 附近有工会站吗"])
async def test_the_street_names_its_community_station(backend, text):
    dispatcher = CollectingDispatcher()
    tracker = tracker_with([(text, "find_station", [])], [place("长江路")], {"district": "长江路"})
    await ActionFindStation().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "崂又泊社区工会网格工作站" in reply and "青岛西海岸新区长江路街道崂又泊社区" in reply, reply
    assert "青岛西海岸新区总工会职工服务中心" in reply, reply  # (the wider one, which takes its tickets)
    assert reply.index("崂又泊社区工会网格工作站") < reply.index("青岛西海岸新区总工会职工服务中心"), reply


@on_module_loop
async def test_laoshan_district_is_the_citys_centre(backend):
    dispatcher = CollectingDispatcher()
    tracker = tracker_with([("崂山区的站几点开门", "find_station", [])], [place("崂山区")], {"district": "崂山区"})
    await ActionFindStation().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "青岛市总工会职工服务中心" in reply and "崂又泊" not in reply, reply
    assert "08:30-12:00、13:30-17:30" in reply, reply


# --- XV-1 ---------------------------------------------------------------------------------------------

FILED = ("已为您登记工单，工单号 GH202612080008，由辛安街道沂河路社区工会网格工作站负责（电话 0532-12351）。"
         "工作人员会在 12月10日（周四）前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")


def test_which_station_has_the_ticket_after_the_filing():
    tracker = conversation([("我在辛安上班 孩子放暑假没人看 想报名托管", "childcare_service", ["……"]),
                            ("要，帮我登记", "affirm", [FILED]), ("工单转到哪个站了", "nlu_fallback", [])])
    reply = ticket_station_reply(tracker) or ""
    assert "GH202612080008" in reply and "辛安街道沂河路社区工会网格工作站" in reply and "0532-12351" in reply, reply


@on_module_loop
async def test_the_nearest_station_after_the_filing_is_the_tickets(backend):
    dispatcher = CollectingDispatcher()
    tracker = tracker_with([("我在辛安上班 孩子放暑假没人看 想报名托管", "childcare_service", ["……"]),
                            ("要，帮我登记", "affirm", [FILED]), ("最近的站在哪", "find_station", [])],
                           [], {"district": "辛安街道"})
    await ActionFindStation().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert reply.startswith("您的工单 GH202612080008 转给了辛安街道沂河路社区工会网格工作站"), reply
    assert "地址：青岛西海岸新区辛安街道沂河路社区" in reply and "服务时间：周一至周五 08:30-19:30" in reply, reply


@on_module_loop
async def test_another_place_named_gets_its_own_station(backend):
    dispatcher = CollectingDispatcher()
    tracker = tracker_with([("要，帮我登记", "affirm", [FILED]), ("崂又泊社区那边最近的站在哪", "find_station", [])],
                           [place("崂又泊社区")], {"district": "崂又泊社区"})
    await ActionFindStation().run(dispatcher, tracker, DOMAIN)
    assert "崂又泊社区工会网格工作站" in said(dispatcher) and "您的工单" not in said(dispatcher)
