"""Round 52 (lead): 我仍在职 没签合同 工资拖了两个月了 一个月五千 — the double wage was answered and
the two months of pay owed were dropped: not named as a second topic, not in the total, not on
the ticket; and 现在还在干吗？ was asked of a worker who had said 仍在职 (XM-1)."""

from __future__ import annotations

import pytest

from actions.legal import NO_CONTRACT_ASK_SHORT, case_points, months_unpaid, no_contract_ask
from actions.service_catalog import services_meant

FIRST = "我仍在职 没签合同 工资拖了两个月了 一个月五千"


@pytest.mark.parametrize("said,months", [(FIRST, 2), ("工资又拖了三个月", 3), ("工钱拖了俩月了", 2),
                                         ("工资拖了两个月才发 算不算欠薪", 0), ("拖了两个月", 0)])
def test_pay_held_back_for_months_is_pay_owed(said, months):
    assert months_unpaid(said) == months


def test_the_pay_owed_is_a_second_topic_and_on_the_ticket():
    assert "wage_arrears" in services_meant(FIRST) and "legal_aid" in services_meant(FIRST)
    assert "欠发工资2个月" in case_points(FIRST)["case_points"]


@pytest.mark.parametrize("said", [FIRST, "我早就不干了 没签合同", "还在厂里干 一直没签合同"])
def test_whether_they_still_work_there_is_not_asked_when_said(said):
    assert no_contract_ask(said) == NO_CONTRACT_ASK_SHORT and "现在还在干吗" not in no_contract_ask(said)


def test_it_is_asked_when_not_said():
    assert "现在还在干吗" in no_contract_ask("没签合同")
