"""Round 50 (testers XK, XL), mended by the lead: a corrected pay never scales a sum that was not
worked out on the old pay (XK-16: 19,575 filed); 12351 is not said to be an emergency line."""

from __future__ import annotations

from actions.forms import _overtime_on_new_pay
from actions.overtime_calculator import case_overtime


def test_a_sum_not_made_on_the_old_pay_is_not_scaled():
    """XK-16: 900 (the shortfall) taken as the pay, 2,700 the sum on 6,525; 月薪係6525 唔係900 then
    gave 加班费约 19,575 元 and the ticket was filed with it."""
    before = {"monthly_wage": 900, "overtime_days": "国庆1号到3号", "amount": 2700}
    after = {**before, "monthly_wage": 6525}
    assert _overtime_on_new_pay(before, after, {"monthly_wage": 6525}) != 19575


def test_a_sum_made_on_the_old_pay_follows_the_new_pay():
    before = {"monthly_wage": 5000, "overtime_days": "国庆1号到3号"}
    owed = case_overtime(before)
    assert owed is not None
    before["amount"] = int(owed.total)
    after = {**before, "monthly_wage": 6000}
    new = case_overtime(after)
    assert _overtime_on_new_pay(before, after, {"monthly_wage": 6000}) == int(new.total)


def test_the_out_of_hours_text_sends_emergencies_to_110_and_120():
    """XL: 紧急情况请拨打 12351 — the union's hotline is no emergency line."""
    from actions.handoff import OWN_STATION_MAY_BE_OPEN, closed_text
    for said in (closed_text("辛安街道工会网格化工作总站", True), closed_text("", False), OWN_STATION_MAY_BE_OPEN):
        assert "紧急情况请拨打 12351" not in said and "110 或 120" in said, said
