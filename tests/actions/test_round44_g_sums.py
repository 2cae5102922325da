"""Round 44 (tester YW-11): 前年疫情那会我休了三个月假 说好的保底工资后来给了4710 对不对啊 一个月是多少
→ 已更正：月工资改为4,710 元. A sum asked about, or one paid for several months, is no monthly wage."""

from __future__ import annotations

import pytest

from actions import validators as v

SUBSIDY = v.Context(form="ticket_offer_form", intent="holiday_subsidy", known=frozenset({"employer", "city"}))


@pytest.mark.parametrize("text", [
    "前年疫情那会我休了三个月假 说好的保底工资后来给了4710 对不对啊 一个月是多少",
    "休了三个月 保底工资一共给了4710 一个月合多少",
    "保底工资给了4710 对吗",
    "那三个月的保底工资后来发了4710",
])
def test_a_sum_asked_about_or_paid_for_months_is_no_monthly_wage(text):
    assert "monthly_wage" not in v.read_facts(text, [], SUBSIDY)


@pytest.mark.parametrize(("text", "wage"), [
    ("我现在一个月四千二", 4200),
    ("我工资一个月4200 对不对我也不清楚", 4200),
    ("月工资是4500", 4500),
])
def test_the_months_pay_said_is_still_read(text, wage):
    """Near misses: 一个月 / 月工资 right before the sum is the month's pay."""
    assert v.read_facts(text, [], SUBSIDY).get("monthly_wage") == wage
