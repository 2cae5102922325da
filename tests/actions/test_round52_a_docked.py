"""Round 51 (tester XM), helper a: money docked is docked pay.

XM-15: 国庆加班三天 加班费一分没给, then 还扣了我500 to 您的月工资是多少 → the overtime worked out on a month of
500 元 (206.90 元) and filed with 月工资 500 元. Money docked or fined (还扣了我500 / 罚了500块) said in a
wage or overtime case is neither the month's pay nor the sum owed — unless the worker gives it as
the sum owed (扣了我500 to 一共欠了多少钱, a deduction case)."""

from __future__ import annotations

import pytest
from form_trackers import form_tracker, slot_values
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import validators as v
from actions.forms import ValidateOvertimeForm

DOCKED = ["还扣了我500", "罚了500块", "老板还扣了我1500", "还罚了我两百块 说我迟到", "又扣了我八百", "被罚了500"]


@pytest.mark.parametrize("said", DOCKED)
@pytest.mark.parametrize("ctx", [
    v.Context(form="overtime_form", asked="monthly_wage", intent="inform"),
    v.Context(form="overtime_form", asked="overtime_days", intent="inform"),
    v.Context(form="wage_arrears_form", asked="monthly_wage", intent="inform"),
    v.Context(form="wage_arrears_form", asked="duration", intent="inform"),
    v.Context(form="wage_arrears_form", asked="workers_affected", intent="inform"),
    v.Context(intent="overtime_pay"),
], ids=["ot-wage", "ot-days", "wage-wage", "wage-months", "wage-count", "ot-intent"])
def test_docked_money_is_no_wage_and_no_sum_owed(said, ctx):
    facts = v.read_facts(said, [], ctx)
    assert "monthly_wage" not in facts and "amount" not in facts, facts
    assert facts.get("docked"), facts


@pytest.mark.parametrize("said", DOCKED)
def test_docked_money_answers_no_wage_question(said):
    assert not v.amount(said).ok, v.amount(said)


@pytest.mark.parametrize("said", ["还扣了我500", "又罚了我两百", "另外还扣了300"])
def test_docked_beside_the_case_answers_no_owed_question(said):
    assert not v.owed_amount(said).ok, v.owed_amount(said)


@pytest.mark.parametrize("said", ["加班费一分没给 还罚了500块", "国庆加班三天没给钱 老板还扣了我500"])
def test_docked_beside_the_overtime_is_docked(said):
    facts = v.read_facts(said, [], v.Context(intent="overtime_pay"))
    assert "amount" not in facts and "monthly_wage" not in facts and facts.get("docked") == 500, facts


async def test_the_overtime_form_takes_no_docked_sum_for_the_wage():
    """XM-15 as make run ran it: the wage asked, 还扣了我500 — no month of 500 元."""
    for said in ("还扣了我500", "罚了500块"):
        tracker = form_tracker("overtime_form", "monthly_wage", said, slots={"overtime_days": "国庆加班三天"})
        slots = slot_values(await ValidateOvertimeForm().run(CollectingDispatcher(), tracker, DOMAIN))
        assert slots.get("monthly_wage") in (None,), (said, slots)


# near misses: what still reads as it did ---------------------------------------------------------

@pytest.mark.parametrize("said,value", [("5000", 5000), ("我一个月四千五", 4500), ("一个月5000 扣了我500", 5000),
                                        ("扣完社保到手2100", 2100)])
def test_a_wage_is_still_a_wage(said, value):
    assert v.amount(said).value == value


@pytest.mark.parametrize("said", ["扣了我500", "罚了500块", "老板扣了我五百"])
def test_a_deduction_given_as_the_sum_owed_is_the_sum(said):
    assert v.owed_amount(said).ok, v.owed_amount(said)


@pytest.mark.parametrize("said", ["这个月扣了我五百 说我迟到", "工资被扣了800 合法吗"])
def test_a_deduction_case_alone_keeps_its_sum(said):
    assert v.read_facts(said, [], v.Context(intent="wage_arrears")).get("amount") in (500, 800)
