"""Round 44 (tester YW-12): 特困的话能申请不 inside a 镇江 relief case told as 在档困难 — the
hypothetical tier was stored as the worker's own (困难建档改为不清楚, then 特困) and the 困难
verdict said again; the 特困 line (3,000) was never applied to the 2,500 paid."""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.facts import answer_in_topic
from actions.slot_mappings import ValidateSlotMappings
from actions.validators import hardship_status_in

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop

TOLD = "我是镇江的 在工会建过档的困难职工 今年看病自己掏了两千五左右 能申请救助不"
KNOWN = {"medical_cost": 2500, "hardship_status": "困难", "city": "镇江", "requested_slot": "phone"}
ASKED = ["等会 我也不知道我是困难还是特困 特困的话能申请不", "我问的是特困的话 2500够不够",
         "如果是特困职工能申请吗", "要是我是特困 够不够"]


def in_relief_form(text: str) -> Tracker:
    """The relief form waiting for the phone, the worker's first message told before."""
    message = parse(text, "relief_eligibility")
    events = [{"event": "user", "text": TOLD, "parse_data": parse(TOLD, "relief_eligibility")},
              {"event": "bot", "text": "请留一个您本人的手机号，用来核对身份、查您在工会的建档情况。"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message}]
    return Tracker("worker-44g", dict(KNOWN), message, events, False, None, {"name": "relief_form"},
                   "action_listen")


@pytest.mark.parametrize("text", ASKED + ["特困的话 够不够", "那特困职工的话呢"])
def test_a_tier_asked_about_is_no_status_told(text):
    assert hardship_status_in(text) is None


@pytest.mark.parametrize(("text", "status"), [("我是特困职工", "特困"), ("我是特困职工 这样的话能申请吗", "特困"),
                                              ("我是建过档的特困 能申请不", "特困"),
                                              ("我不知道建没建档", "不清楚")])
def test_a_status_told_is_still_read(text, status):
    """Near misses: the worker's own tier (a 的话 elsewhere in the message) stays a fact."""
    assert hardship_status_in(text) == status


@pytest.mark.parametrize("text", ASKED)
async def test_the_hypothetical_does_not_overwrite_what_was_told(text):
    events = await ValidateSlotMappings().run(CollectingDispatcher(), in_relief_form(text), DOMAIN)
    assert "hardship_status" not in slot_values(events), events
    assert not slot_values(events).get("last_correction"), events


@on_module_loop
@pytest.mark.parametrize("text", ASKED)
async def test_the_tier_asked_about_is_judged_on_its_own_line(backend, text):
    (line,) = await answer_in_topic(in_relief_form(text))
    assert line.startswith("要是特困职工") and "3,000" in line and "还差 500 元" in line, line
    assert "超过了 2,000 元的线" not in line, line


@on_module_loop
async def test_a_worker_unsure_of_her_tier_is_told_the_record_decides(backend):
    (line,) = await answer_in_topic(in_relief_form(ASKED[0]))
    assert "以工会档案为准" in line, line
