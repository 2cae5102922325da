"""Round 52 (c), XN-7: 没签合同 told alone or with the job (俺在饭店干了十个月 没签过合同 / 我在厂里干了8个月
一直没签合同 怎么办) is the double-wage question (劳动合同法第八十二条), answered with the worker's own sum
when a wage and months are told — not unpaid wages: 没签过合同 got the legal-aid paragraph, 没签合同 能要多少钱
the severance's 补偿按在这个单位干的年限算."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions.legal import MONTHS_ASK, NO_CONTRACT_ASK, case_points, no_contract_not_arrears, sums_for


@pytest.mark.parametrize(("said", "months", "sum_"), [
    ("俺在饭店干了十个月 没签过合同 一个月5000", 9, "45,000"),
    ("没签过合同 干了十个月 每月5500", 9, "49,500"),
    ("进厂8个月了 没签任何合同 工资4000", 7, "28,000"),
    ("我在厂里干了8个月一直没签合同 工资5000 怎么办", 7, "35,000"),
    ("从来没签过劳动合同 干了半年 月薪4500", 5, "22,500"),
])
def test_no_contract_with_the_time_and_wage_is_the_double_wage_sum(said, months, sum_):
    lines = "\n".join(sums_for(conversation([(said, "legal_aid", [])])))
    assert f"可以主张{months}个月的二倍工资差额" in lines and f"约 {sum_} 元" in lines, lines


@pytest.mark.parametrize("said", ["俺在饭店干了十个月 没签过合同", "进厂快一年了 没签任何合同"])
def test_no_contract_with_the_time_alone_asks_the_wage(said):
    lines = "\n".join(sums_for(conversation([(said, "legal_aid", [])])))
    assert "二倍工资差额" in lines and "工资多少" in lines, lines


@pytest.mark.parametrize("said", ["没签合同 能要多少钱", "没签过合同 能拿多少", "厂里没跟我签合同 能要多少"])
def test_no_contract_asked_how_much_asks_the_time_for_the_double_wage(said):
    lines = sums_for(conversation([(said, "legal_aid", [])]))
    assert lines == [NO_CONTRACT_ASK], lines
    assert MONTHS_ASK not in lines


def test_the_case_point_is_no_contract():
    assert "没签劳动合同" in case_points("俺在饭店干了十个月 没签过合同").get("case_points", "")


def test_a_dismissal_still_asks_the_time_for_the_severance():
    lines = sums_for(conversation([("把我辞了 也没签合同", "legal_aid", ["…"]),
                                   ("一个月五千 能要多少补偿", "legal_aid", [])]))
    assert lines == [MONTHS_ASK], lines


@pytest.mark.parametrize(("text", "words"), [("没签合同", ""), ("我在厂里干了8个月一直没签合同 怎么办", ""),
                                             ("老板不给我签合同", ""), ("干了8个月 一个月5000", "没签合同"),
                                             ("俺在饭店干了十个月 没签过合同", "")])
def test_the_no_contract_case_is_no_arrears(text, words):
    """The hook the wage form reads (XN-7: 干了8个月 一个月5000 filed as 欠薪 8个月、金额 40,000)."""
    assert no_contract_not_arrears(text, words)


@pytest.mark.parametrize(("text", "words"), [("没签合同 还欠我两个月工资", ""), ("干了8个月 工资一直没发", "没签合同"),
                                             ("老板欠我工资", ""), ("干了8个月 一个月5000", "老板欠我工资")])
def test_pay_owed_is_still_arrears(text, words):
    assert not no_contract_not_arrears(text, words)
