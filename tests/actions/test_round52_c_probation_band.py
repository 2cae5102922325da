"""Round 52 (c), XN-16: 签了三年合同 试用期最长多久 / 三年的合同试用期六个月合法吗 — the general table only
(the worker's contract never applied), 签了个三年的合同 / 合同期三年 / 签了三年 试用期半年 not read at all,
签了三年合同 after 试用期最长多久 the legal-aid paragraph. 劳动合同法第十九条: three years and more (三年 itself
included) or open-ended — at most six months; one to three years — two; three months to a year — one."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions.legal import probation_lines, sums_for


@pytest.mark.parametrize("said", ["签了三年合同 试用期最长多久", "三年合同 试用期最多几个月",
                                  "签了个三年的合同 试用期能定多长", "合同期三年 试用期最长能定几个月",
                                  "无固定期限合同 试用期最长多久"])
def test_the_band_of_the_workers_own_contract_is_said(said):
    lines = "\n".join(probation_lines(said))
    assert "最长不超过6个月" in lines and "第十九条" in lines and "正好三年也算" in lines, lines
    assert "2个月" not in lines, lines


@pytest.mark.parametrize("said", ["三年的合同试用期六个月合法吗", "合同期三年 试用期6个月行吗",
                                  "我跟公司签了三年 试用期半年 这个合法吗", "签了个三年的合同 试用期定了六个月",
                                  "无固定期限合同 试用期半年合法吗"])
def test_six_months_on_three_years_is_lawful(said):
    lines = "\n".join(probation_lines(said))
    assert "约定6个月没有超过法律规定" in lines and "最长不超过6个月" in lines and "第十九条" in lines, lines


@pytest.mark.parametrize(("said", "longest"), [("签了两年合同 试用期最长多久", "最长不超过2个月"),
                                               ("签了一年合同 试用期最多几个月", "最长不超过2个月"),
                                               ("签了半年的合同 试用期最长多久", "最长不超过1个月")])
def test_the_other_bands(said, longest):
    assert longest in "\n".join(probation_lines(said))


def test_the_contract_told_after_the_question():
    """试用期最长多久 (the table), then 签了三年合同 (the legal-aid paragraph before)."""
    table = "试用期最长：劳动合同期限三个月以上不满一年的，不超过一个月；…"
    lines = "\n".join(sums_for(conversation([("试用期最长多久", "legal_aid", [table]),
                                             ("签了三年合同", "legal_aid", [])])))
    assert "您签的是3年合同" in lines and "最长不超过6个月" in lines, lines


def test_a_bare_signing_of_months_of_probation_is_no_contract_term():
    assert not any("您签的是" in line for line in probation_lines("签了三个月试用期 试用期最长多久"))
