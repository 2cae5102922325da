"""Round 47 (tester XE), helper f of round 48: facts said in a later message of a wage case that
were left off the ticket — the unpaid last month (XE-6), the job said as a trade (顺丰的 送快递的,
XE-16), money docked said after the case was summed up (迟到扣了800, XE-12), 饭店服务员 (XE-4).
Against the real seeded backend, through action_validate_slot_mappings as make run calls it."""

from __future__ import annotations

import pytest
from test_round48_b_facts import WAGE_FORM, case, read

from actions import validators as v

on_module_loop = pytest.mark.asyncio(loop_scope="module")

FIRST = ("老板这个月工资没发 一个月五千 在黄岛辛安", "wage_arrears")
HELD_ONE = {"duration": "这个月的工资", "monthly_wage": 5000, "amount": 5000}


# XE-6: 上个月的也没给 -------------------------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("said", ["上个月的也没给", "上个月的工资也没发", "连上个月的也没给", "上个月的钱也还没给"])
@pytest.mark.parametrize("form,asked", [(WAGE_FORM, "employer"), (None, None)])
async def test_the_unpaid_last_month_is_added(backend, said, form, asked):
    slots = HELD_ONE if form else {**HELD_ONE, "employer": "鑫达电子"}
    said_now = await read(case([FIRST], said, "inform", form=form, asked=asked, slots=slots))
    assert said_now.get("duration") == "P2M", said_now
    assert said_now.get("amount") in (None, 10000), said_now  # worked out again, or left to the form


@on_module_loop
async def test_both_months_said_at_once(backend):
    said_now = await read(case([], "这个月和上个月的都没给 一个月五千", "wage_arrears"))
    assert said_now.get("duration") == "P2M", said_now


@on_module_loop
async def test_months_held_already_are_not_added_to(backend):
    """A near miss: 欠了三个月 then 上个月的也没给 — the three may count it."""
    said_now = await read(case([("老板欠了我三个月工资", "wage_arrears")], "上个月的也没给", "inform",
                               slots={"duration": "P3M", "employer": "鑫达电子"}))
    assert "duration" not in said_now, said_now


# XE-16: 顺丰的 送快递的 --------------------------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("said,job", [("顺丰的 送快递的", "courier"), ("送快递的", "courier"),
                                      ("京东的 送快递的", "courier"), ("美团的 送外卖的", "rider"),
                                      ("扫马路的", "sanitation")])
async def test_a_job_said_as_a_trade_is_kept(backend, said, job):
    said_now = await read(case([("站点老板欠我两个月工资 一个月六千", "wage_arrears")], said, "inform",
                               form=WAGE_FORM, asked="workers_affected",
                               slots={"duration": "P2M", "monthly_wage": 6000, "employer": "顺丰"}))
    assert said_now.get("occupation") == job, said_now


@pytest.mark.parametrize("said", ["快递的工资没发", "快递的站点在哪"])
def test_a_trade_named_in_passing_is_no_job(said):
    assert "occupation" not in v.read_facts(said, [], v.Context(form=WAGE_FORM, asked="workers_affected"))


# XE-12: 迟到扣了800 after the case was summed up ----------------------------------------------------

HELD_TWO = {"duration": "P2M", "monthly_wage": 5000, "amount": 10000, "employer": "鑫达电子"}


@on_module_loop
@pytest.mark.parametrize("said", ["迟到扣了800", "还罚了800", "另外扣了我800块 说我迟到", "迟到被扣了八百"])
@pytest.mark.parametrize("form,asked", [(WAGE_FORM, "workers_affected"), (WAGE_FORM, "case_confirmed"), (None, None)])
async def test_money_docked_later_is_added_to_the_sum_owed(backend, said, form, asked):
    said_now = await read(case([("老板欠我两个月工资 一个月五千", "wage_arrears")], said, "inform",
                               form=form, asked=asked, slots=HELD_TWO))
    assert said_now.get("amount") == 10800, said_now
    assert v.docked_line([said]) .startswith("克扣 800 元"), v.docked_line([said])


@on_module_loop
async def test_a_deduction_case_alone_keeps_its_sum(backend):
    """A near miss: 这个月扣了我五百 with nothing owed held is the case's sum."""
    said_now = await read(case([], "这个月扣了我五百 说我迟到", "wage_arrears"))
    assert said_now.get("amount") == 500, said_now


# XE-4: 饭店服务员 -------------------------------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("said,words", [("饭店服务员", "饭店服务员"), ("我在饭店当服务员", "饭店服务员"),
                                        ("我是保安", "保安"), ("在一家超市当收银员", "超市收银员")])
async def test_the_job_said_later_is_held(backend, said, words):
    said_now = await read(case([("老板欠了两个月工资 一个月四千", "wage_arrears")], said, "inform",
                               form=WAGE_FORM, asked="workers_affected",
                               slots={"duration": "P2M", "monthly_wage": 4000, "employer": "鲁味轩"}))
    assert said_now.get("occupation") == "other", said_now
    assert v.job_in_words(said) == words


@pytest.mark.parametrize("said", ["我老婆是服务员", "找服务员要了", "鲁味轩"])
def test_no_job_of_the_worker_in_these(said):
    assert "occupation" not in v.read_facts(said, [], v.Context(form=WAGE_FORM, asked="workers_affected"))
