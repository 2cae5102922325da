"""Round 52, helper e: 心理咨询室也在那吗 right after a ticket named its station.

3. Right after the childcare ticket was filed (the 沂河路社区 station's card shown), 心理咨询室也在那吗
   filed an urgent psych callback nobody asked for. It asks about that station: what its record
   says (a 职工心理健康服务室, or none and where one is), and nothing is filed.
On the real seeded backend (conftest)."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.services import ActionPsychSupport

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop

CARD = ("您那边有托管的工会网格工作站：\n辛安街道沂河路社区工会网格工作站\n"
        "地址：青岛西海岸新区辛安街道沂河路社区（具体位置请先打电话问清楚）\n电话：0532-12351\n"
        "服务时间：周一至周五 08:30-19:30；周六 09:00-17:00\n"
        "站里的服务：服务窗口、职工子女爱心托管驿站、职工心理健康服务室")
CHILDCARE_FILED = ("已为您登记工单，工单号 GH202612070014，由辛安街道沂河路社区工会网格工作站负责（电话 0532-12351）。"
                   "工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")
SCHOOL_FILED = ("已为您登记子女入学协调工单，工单号 GH202612070016，由辛安街道工会网格化工作总站负责"
                "（电话 0532-12351）。工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。"
                "以后查进度，告诉我工单号就行。")


def after(replies: list[str], text: str) -> Tracker:
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": "我在辛安上班 孩子放暑假没人看 有托管的地方吗",
               "parse_data": parse("我在辛安上班 孩子放暑假没人看 有托管的地方吗", "childcare_service")}]
    for reply in replies:
        events += [{"event": "bot", "text": reply}, {"event": "action", "name": "action_listen"},
                   {"event": "user", "text": "13905321234", "parse_data": parse("13905321234", "inform")}]
    events[-1] = {"event": "user", "text": text, "parse_data": parse(text, "psych_support")}
    slots = {"city": "青岛市", "district": "辛安街道", "phone": "13905321234"}
    return Tracker("worker-52e", slots, parse(text, "psych_support"), events, False, None, {}, "action_listen")


async def answer(tracker: Tracker) -> tuple[str, list[dict]]:
    dispatcher = CollectingDispatcher()
    events = await ActionPsychSupport().run(dispatcher, tracker, DOMAIN)
    return "\n".join(m.get("text") or "" for m in dispatcher.messages), events


ASKED = ["心理咨询室也在那吗", "那边也有心理辅导吗", "那个站有没有心理咨询室", "能在那做心理咨询吗",
         "心理咨询那个站也有吗", "那里也能做心理疏导不"]


@on_module_loop
@pytest.mark.parametrize("text", ASKED)
async def test_the_station_named_has_the_room_on_record(backend, text):
    said, events = await answer(after([CARD, CHILDCARE_FILED], text))
    assert "职工心理健康服务室" in said and "沂河路社区工会网格工作站" in said, said
    assert "已为您登记" not in said and "回电工单" not in said, said  # nothing filed
    assert not any(e.get("event") == "followup" for e in events), events  # no handoff


@on_module_loop
async def test_a_station_without_the_room_says_so_and_names_the_one_with_it(backend):
    said, _events = await answer(after([SCHOOL_FILED], "心理咨询室也在那吗"))
    assert "辛安街道工会网格化工作总站的记录上" in said and "没写有单独的心理咨询室" in said, said
    assert "沂河路社区工会网格工作站" in said and "职工心理健康服务室" in said, said
    assert "已为您登记" not in said, said


@on_module_loop
async def test_a_wish_to_talk_still_gets_the_lines_and_a_person(backend):
    said, _events = await answer(after([CHILDCARE_FILED], "我心里难受 想找人聊聊"))
    assert "12356" in said, said
