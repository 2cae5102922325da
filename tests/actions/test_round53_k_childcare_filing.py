"""Round 53 (tester XP), helper k: the childcare ticket filed with the phone told on its yes.

XP-3: 孩子七歲，要登記，電話是13687654321 on the childcare offer routed to the 沂河路 station: the
card of 辛安街道工会网格化工作总站 (no 托管) was shown beside the ticket (电话 read as a question
inside the offer), and the phone, told with the yes, was never said back. The number the station
will call is said at filing when the summary shown had none (or another); another station's card
is recognised as no answer beside an offer that names its station (``another_station_card``,
used by the form's answers — hook for the lead)."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker

from actions import station_followup, tickets

OFFER = ("要不要我帮您登记一张工单，转给您所在的网格工作站跟进？\n要登记的内容：\n· 您说的情况：暑假孩子没人带\n"
         "· 事项：职工子女爱心托管报名\n· 地点：辛安\n"
         "· 转给：辛安街道沂河路社区工会网格工作站（职工子女爱心托管驿站就设在这个站）")
FACTS = {"question": "暑假孩子没人带", "service": "职工子女爱心托管报名", "station": "辛安街道沂河路社区工会网格工作站"}
CARD = ("工会网格工作站：辛安街道工会网格化工作总站\n地址：青岛西海岸新区辛安街道（具体位置请先打电话问清楚）\n"
        "电话：0532-12351\n"
        "站里的服务：服务窗口、法律援助、心理健康\n（来源：工会网格工作站名录；2026年11月1日收录）")
OWN_CARD = CARD.replace("辛安街道工会网格化工作总站", "辛安街道沂河路社区工会网格工作站")


def on_the_offer(text: str, phone: str | None, shown: str = OFFER) -> Tracker:
    events = [{"event": "bot", "text": shown}, {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, "inform")}]
    slots = {"pending_case": {"type": "other", "facts": FACTS}, "district": "辛安"}
    if phone:
        events.append({"event": "slot", "name": "phone", "value": phone})
        slots["phone"] = phone
    return Tracker("worker-53k", slots, parse(text, "inform"), events, False, None, {}, "action_listen")


@pytest.mark.parametrize("text", ["孩子七歲，要登記，電話是13687654321", "要 登记吧 13687654321",
                                  "好的 电话13687654321", "登记 我手机136 8765 4321"])
def test_the_phone_told_with_the_yes_is_said_back_at_filing(text):
    tracker = on_the_offer(text, "13687654321")
    added = tickets._added_at_filing(tracker, {**FACTS, "phone": "13687654321"})
    assert any(line.startswith("· 手机号：136****4321") for line in added), added


def test_a_phone_the_summary_showed_is_not_said_again():
    shown = OFFER + "\n· 手机号：13687654321"
    tracker = on_the_offer("要，帮我登记", "13687654321", shown)
    assert not any("手机号" in line for line in tickets._added_at_filing(tracker, dict(FACTS)))


@pytest.mark.parametrize("text", ["孩子七歲，要登記，電話是13687654321", "孩子7岁 电话13687654321 有没有名额"])
def test_another_stations_card_beside_the_offer_is_no_answer(text):
    tracker = on_the_offer(text, "13687654321")
    assert station_followup.another_station_card(tracker, CARD)
    assert not station_followup.another_station_card(tracker, OWN_CARD)
    assert not station_followup.another_station_card(tracker, "托管驿站收7岁的孩子。")


@pytest.mark.parametrize("text", ["辛安街道总站在哪", "那个工作站几点开门", "你们服务中心地址呢"])
def test_a_station_asked_for_keeps_its_card(text):
    assert not station_followup.another_station_card(on_the_offer(text, None), CARD)


def test_no_offer_no_filter():
    tracker = on_the_offer("电话是13687654321", "13687654321")
    tracker.slots["pending_case"] = None
    assert not station_followup.another_station_card(tracker, CARD)
