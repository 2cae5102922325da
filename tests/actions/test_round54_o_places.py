"""Round 54 (tester XR-5), helper o: a worker in 深圳福田 (我在福田上班) — 福田 was not used.

The backend knows 福田 but not 福田上班: the words after the place (上班 / 打工 / 这边 / 的厂) made the
reply to 您在哪个城市 no place (说区县名就行 … asked again), and 福田 alone or 我在福田上班 right
after the handoff asked where the worker is was read as a question about 福田职工书院, the place
never kept (then 最低工资多少 asked the city a third time). On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation, form_tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import places
from actions.forms import ValidateHolidaySubsidyForm

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop

HANDOFF_ASKED = ("您还没说在哪儿，我先按青岛市总工会职工服务中心的时间查的：它现在不在服务时间（还没上班），"
                 "12月8日（周二）08:30上班。各街道工作站的服务时间不一样，有的中午和晚上也有人，您那边的站现在可能就有人："
                 "告诉我您在哪个城市、区、街道（比如：青岛黄岛区辛安街道），我马上查，有人就直接帮您转。")


@on_module_loop
@pytest.mark.parametrize("text, district", [
    ("我在福田上班", "福田区"), ("福田这边打工", "福田区"), ("在福田做保洁的", "福田区"),
    ("我在福田区上班", "福田区"), ("俺在宝安一个厂里干活", "宝安区"), ("深圳福田那边", "福田区"),
    ("福田", "福田区")])
async def test_the_place_before_what_the_worker_does_there(backend, text, district):
    assert await places.resolve_place(text) == {"city": "深圳市", "district": district}


@pytest.mark.parametrize("words, stem", [("福田上班", "福田"), ("宝安一个厂里干活", "宝安"), ("福田", None),
                                         ("上班", None)])
def test_the_stem_of_a_place(words, stem):
    assert places.place_stem(words) == stem


@on_module_loop
@pytest.mark.parametrize("text", ["我在福田上班", "福田这边打工的"])
async def test_the_city_question_answered_with_the_work_beside_the_place(backend, text):
    tracker = form_tracker("holiday_subsidy_form", "city", text)
    found = await ValidateHolidaySubsidyForm().extract_city(CollectingDispatcher(), tracker, {})
    assert found == {"city": "深圳市", "district": "福田区"}


@on_module_loop
@pytest.mark.parametrize("text", ["福田", "我在福田上班", "深圳福田", "福田区那边"])
async def test_the_place_told_to_the_handoffs_question(backend, text):
    tracker = conversation([("转人工", "request_human", [HANDOFF_ASKED]), (text, "skills_training", [])])
    assert await places.place_told_when_asked(tracker) == {"city": "深圳市", "district": "福田区"}


@on_module_loop
@pytest.mark.parametrize("turns", [
    [("福田", "skills_training", [])],  # nothing asked: 福田 may be the academy
    [("转人工", "request_human", [HANDOFF_ASKED]), ("福田职工书院有什么课", "skills_training", [])],
    [("转人工", "request_human", [HANDOFF_ASKED]), ("我就想问问老板欠的工资能不能要回来", "wage_arrears", [])]])
async def test_no_place_read_where_none_was_asked_or_told(backend, turns):
    assert await places.place_told_when_asked(conversation(turns)) == {}


@on_module_loop
@pytest.mark.parametrize("turns", [[("转人工", "request_human", [HANDOFF_ASKED]), ("福田", "skills_training", [])],
                                   [("转人工", "request_human", [HANDOFF_ASKED]),
                                    ("我在福田上班", "skills_training", [])],
                                   [("我在福田上班", "skills_training", [])]])
async def test_the_place_is_kept_by_the_slot_mappings(backend, turns):
    """XR-5 (wired in slot_mappings.volunteered_place): 福田 / 我在福田上班 keep 深圳市 福田区."""
    from actions.slot_mappings import ValidateSlotMappings

    events = await ValidateSlotMappings().run(CollectingDispatcher(), conversation(turns), {})
    assert {(e["name"], e["value"]) for e in events if e.get("event") == "slot"} >= {
        ("city", "深圳市"), ("district", "福田区")}, events
