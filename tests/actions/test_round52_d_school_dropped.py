"""Round 52 (tester XN), helper d: a school matter the worker dropped is not offered as a ticket.

XN-15: 上学的事先不办了 to 现在遇到的具体问题是什么 was taken as the problem 其他(上学的事先不办了),
the school ticket was offered, and offered again after 暑假有没有托管的地方. On the real seeded
backend (conftest)."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.school import ActionSchoolPlacementAnswer, drops_school

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop

DROPS = ["上学的事先不办了", "学校那个算了", "学校那个算了 不弄了", "上学那个事不办了", "孩子上学的事先放放",
         "入学的事算了 不用登记了", "上学的先不弄了", "转学的事以后再说", "不办上学的事了"]
KEEPS = ["学校的事还是办吧", "孩子上学遇到问题", "学校不收", "学位紧张 怎么办", "孩子上学的事 我想办一下",
         "想转学"]


@pytest.mark.parametrize("text", DROPS)
def test_the_school_matter_dropped(text):
    assert drops_school(text)


@pytest.mark.parametrize("text", KEEPS)
def test_a_school_problem_is_no_drop(text):
    assert not drops_school(text)


def school_form_done(text: str, problem: str) -> Tracker:
    slots = {"city": "青岛市", "district": "辛安街道", "child_grade": "小学一年级", "hukou_status": "外地户口",
             "school_problem": problem}
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, "school_placement")}]
    return Tracker("worker-52d", slots, parse(text, "school_placement"), events, False, None, {},
                   "action_listen")


@on_module_loop
@pytest.mark.parametrize("text", ["上学的事先不办了", "学校那个算了", "孩子上学的事先放放"])
async def test_no_school_ticket_offered_after_the_drop(backend, text):
    dispatcher = CollectingDispatcher()
    events = await ActionSchoolPlacementAnswer().run(dispatcher, school_form_done(text, f"其他({text})"), DOMAIN)
    assert not any(e.get("event") == "active_loop" for e in events), events
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "不给您登记" in said, said


@on_module_loop
async def test_a_real_problem_is_still_offered(backend):
    dispatcher = CollectingDispatcher()
    events = await ActionSchoolPlacementAnswer().run(dispatcher, school_form_done("学校不收", "被学校拒收"), DOMAIN)
    assert any(e.get("event") == "active_loop" and e.get("name") == "ticket_offer_form" for e in events), events


@on_module_loop
async def test_the_drop_clears_the_school_facts(backend):
    """(年级：小学一年级 of the dropped school case was on the childcare offer after it)"""
    dispatcher = CollectingDispatcher()
    tracker = school_form_done("上学的事先不办了", "其他(上学的事先不办了)")
    events = await ActionSchoolPlacementAnswer().run(dispatcher, tracker, DOMAIN)
    assert {e["name"]: e["value"] for e in events if e.get("event") == "slot"} == {
        "child_grade": None, "hukou_status": None, "school_problem": None}


@on_module_loop
async def test_taken_back_the_drop_words_are_no_problem(backend):
    """还是办吧 after the drop (the form's slots restored): offered, without 其他(上学的事先不办了)."""
    dispatcher = CollectingDispatcher()
    tracker = school_form_done("还是办吧", "其他(上学的事先不办了)")
    events = await ActionSchoolPlacementAnswer().run(dispatcher, tracker, DOMAIN)
    case = next(e["value"] for e in events if e.get("event") == "slot" and e["name"] == "pending_case")
    assert case["type"] == "school_placement" and case["facts"]["school_problem"] is None, case


def test_the_dropped_words_stay_off_the_next_case():
    """The words of the school case dropped are not the childcare sign-up's (您说的情况)."""
    from actions.school import DROPPED_TEXT
    from actions.tickets import case_payload

    school = "我在黄岛辛安打工 孩子户口在老家 想在这边上小学 能行吗"
    drop, childcare = "上学的事先不办了", "暑假有没有托管的地方"
    events = []
    for text, reply in ((school, "现在遇到的具体问题是什么？"), (drop, DROPPED_TEXT), (childcare, "")):
        events += [{"event": "user", "text": text, "parse_data": parse(text, "inform")},
                   *([{"event": "bot", "text": reply}] if reply else [])]
    tracker = Tracker("worker-52d", {"district": "辛安街道"}, parse(childcare, "childcare_service"), events, False,
                      None, {}, "action_listen")
    facts = {"question": "；".join((school, drop, childcare)), "service": "职工子女爱心托管报名"}
    assert case_payload(tracker, "other", facts)["facts"]["question"] == childcare
