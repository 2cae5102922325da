"""Independent testers, rounds 42–43 (YU): the time of a wage case read from the wrong words — a
point in time said with 前 / 以前 / 之前 (那是3个月前: when the worker left, when the boss last paid)
read as the months owed (YU-10), and the time said bare (8个月了, 八个月, 三年, 半年, 俩月) as the
answer to the question about it (YU-05). Each is said the way the worker said it, to the reader of
every message's facts (``action_validate_slot_mappings``) and to the form that asked."""

from __future__ import annotations

import pytest
from form_trackers import form_tracker, slot_values
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN
from test_round41_facts import kept, read, turn

from actions import validators as v
from actions.forms import ValidateWageArrearsForm

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop
ARREARS = v.Context(form="wage_arrears_form", asked="duration")
EMPLOYER_ONLY = {"employer": "宏达建筑公司"}


# --- YU-10: 那是3个月前 is when, not how long ----------------------------------------------------

@pytest.mark.parametrize("text", ["那是3个月前", "那是三个月前的事了", "他3个月以前给过一次钱", "两个月之前发过一次",
                                  "我半年以前就走了"])
@pytest.mark.parametrize("asked", ["employer", "amount", "duration"])
def test_a_point_in_time_is_no_months_owed(text, asked):
    """YU-10: 那是3个月前 → 记下了：欠薪时间 3个月."""
    ctx = v.Context(form="wage_arrears_form", asked=asked)
    assert "duration" not in v.read_facts(text, [], ctx)


@pytest.mark.parametrize("text,months", [
    ("是欠两个月工资", "P2M"), ("欠了俩月", "P2M"), ("我三个月前就走了 欠了俩月", "P2M"),
    # near misses: the months counted from the point are the months owed
    ("三个月前就没发了", "P3M"), ("欠了三个月", "P3M"), ("8个月了", "P8M"),
])
def test_the_months_owed_are_read_beside_a_point_in_time(text, months):
    assert v.read_facts(text, [], ARREARS)["duration"] == months


@on_module_loop
@pytest.mark.parametrize("asked", ["employer", "amount"])
async def test_a_point_in_time_said_on_another_question_sets_no_months(backend, asked):
    """The NLU's P3M entity of 3个月前 is not filed as the months owed."""
    said = await read(turn("那是3个月前", "inform", {}, [{"entity": "duration", "value": "P3M"}],
                           form="wage_arrears_form", asked=asked))
    assert said.get("duration") is None, said


@on_module_loop
@pytest.mark.parametrize("text", ["是欠两个月工资", "欠了俩月", "不对 是欠两个月工资"])
async def test_the_months_owed_said_after_a_wrong_reading_correct_it(backend, text):
    """YU-10: the 3 months filed from 3个月前, then 是欠两个月工资: the two months replace them."""
    before = {**EMPLOYER_ONLY, "duration": "P3M"}
    said = await read(turn(text, "inform", before, [{"entity": "duration", "value": "P2M"}],
                           form="wage_arrears_form", asked="amount"))
    assert kept(said, before, "duration") == {"duration": "P2M"}, said


async def test_a_point_in_time_answering_how_long_is_asked_again():
    """欠了多长时间了？ — 那是3个月前: not 3 months owed; the question stays."""
    tracker = form_tracker("wage_arrears_form", "duration", "那是3个月前", slots={**EMPLOYER_ONLY, "amount": 12000},
                           extracted={"duration": "P3M"})
    events = slot_values(await ValidateWageArrearsForm().run(CollectingDispatcher(), tracker, DOMAIN))
    assert not events.get("duration"), events
    assert events.get("requested_slot") in (None, "duration"), events


# --- YU-05: 8个月了 / 八个月 / 三年 / 半年 / 俩月 answer the question ---------------------------------

@pytest.mark.parametrize("text,months", [("8个月了", "P8M"), ("八个月", "P8M"), ("三年", "P3Y"), ("半年", "P6M"),
                                         ("俩月", "P2M"), ("欠了八个月了", "P8M")])
async def test_the_time_said_bare_answers_how_long(text, months):
    tracker = form_tracker("wage_arrears_form", "duration", text, "out_of_scope",
                           slots={**EMPLOYER_ONLY, "amount": 12000})
    events = slot_values(await ValidateWageArrearsForm().run(CollectingDispatcher(), tracker, DOMAIN))
    assert events["duration"] == months, events
    assert events.get("requested_slot") != "duration", events


@pytest.mark.parametrize("asked", ["employer", "amount"])
@pytest.mark.parametrize("text,months", [("8个月了", "P8M"), ("八个月", "P8M"), ("俩月", "P2M")])
def test_the_time_said_on_another_question_is_kept(asked, text, months):
    """8个月了 while the employer or the sum is asked: the months owed, not asked again later."""
    assert v.read_facts(text, [], v.Context(form="wage_arrears_form", asked=asked))["duration"] == months
