"""Round 43 (helper a): a ticket about to be filed with only a district or city that has grid
stations by street asks the street once (YU-04, YU-13), on the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.tickets import STREET_ASKED, ActionAskCaseConfirmed

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop

CASE = {"employer": "宏达五金厂", "amount": 12000, "duration": "P2M", "workers_affected": "就我一个",
        "phone": "13912345676", "requested_slot": "case_confirmed"}
STREET_QUESTION = "您在黄岛区哪个街道或镇？说一下街道"


def on_summary(text: str, place: dict, earlier_bot: list[str] = ()) -> Tracker:
    """The wage form about to show its summary after ``text``; ``earlier_bot``: said before."""
    events: list[dict] = [{"event": "bot", "text": said} for said in earlier_bot]
    message = parse(text, "inform")
    events += [{"event": "action", "name": "action_listen"},
               {"event": "user", "text": text, "parse_data": message}]
    return Tracker("worker-43a", {**CASE, **place}, message, events, False, None,
                   {"name": "wage_arrears_form"}, "action_listen")


async def summary(tracker: Tracker) -> str:
    dispatcher = CollectingDispatcher()
    await ActionAskCaseConfirmed().run(dispatcher, tracker, DOMAIN)
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


@on_module_loop
@pytest.mark.parametrize("place", [{"district": "黄岛区"}, {"district": "西海岸新区", "city": "青岛市"},
                                   {"district": "黄岛"}])
async def test_a_district_with_street_stations_gets_the_street_asked_under_the_summary(backend, place):
    """YU-04: 黄岛区 alone was filed to the district's centre, the street never asked."""
    said = await summary(on_summary("13912345676", place))
    assert "请核对一下" in said and STREET_ASKED in said, said


@on_module_loop
async def test_a_city_alone_gets_the_district_and_street_asked(backend):
    """YU-13: 青岛 alone went to the city's centre."""
    said = await summary(on_summary("13912345676", {"city": "青岛市"}))
    assert f"哪个区、{STREET_ASKED}" in said, said


@on_module_loop
@pytest.mark.parametrize("place", [{"district": "辛安街道"}, {"district": "沂河路社区"}, {"city": "深圳市"}])
async def test_a_known_street_or_a_place_without_street_stations_is_not_asked(backend, place):
    said = await summary(on_summary("13912345676", place))
    assert "请核对一下" in said and STREET_ASKED not in said, said


@on_module_loop
@pytest.mark.parametrize("answer", ["不知道", "不清楚", "这个我也说不清楚"])
async def test_dont_know_to_the_street_is_accepted_and_never_asked_twice(backend, answer):
    asked = f"请核对一下要登记的欠薪情况：\n· 地点：黄岛区\n{STREET_QUESTION}"
    said = await summary(on_summary(answer, {"district": "黄岛区"}, [asked]))
    assert "黄岛区的工会服务中心" in said and STREET_ASKED not in said, said
    assert "请核对一下" in said
