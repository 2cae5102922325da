"""Round 49 (tester XI), helper i: XI-13 — 签了一年合同 公司定了6个月试用期 试用期一个月给3000 转正说是5000
现在第五个月了 这合法吗 was answered 约定1个月没有超过法律规定: 一个月给3000 (a month's pay) was read as
the probation's length, and 6个月试用期 (the length said before the word) was not read at all."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions.legal import probation_lines, sums_for

XI13 = "签了一年合同 公司定了6个月试用期 试用期一个月给3000 转正说是5000 现在第五个月了 这合法吗"


@pytest.mark.parametrize("said", [XI13,
                                  "合同签了一年 半年的试用期 试用期每个月给3000 转正5000 现在第五个月了 合法吗",
                                  "一年的合同 试用期定了六个月 试用期一个月才给3000 转正说是5000 干到第五个月了",
                                  "签了1年合同 试用期是6个月 一个月给3000 转正5000 已经干了五个月了 这样行吗",
                                  "签了一年合同 定了六个月的试用期 试用期一个月发3000 转正是5000 现在第五个月"])
def test_the_probation_said_before_the_word_and_the_months_pay(said):
    lines = "\n".join(probation_lines(said))
    assert "没有超过" not in lines and "约定1个月" not in lines, lines
    assert "最长只能2个月" in lines and "6个月超过了法律规定" in lines, lines
    assert "3个月 × 5,000 元 = 15,000 元" in lines, lines  # 第八十三条, months 3–5
    assert "4,000" in lines and "1,000" in lines, lines  # 第二十条, months 1–2
    assert "2,000" in lines, lines  # months 3–5 are no probation: 5,000 owed, 3,000 paid


def test_a_lawful_one_month_probation_still_is_lawful():
    """The negative: 试用期一个月 said as the length (no pay after it) stays one month."""
    lines = "\n".join(probation_lines("签了一年合同 试用期一个月 试用期工资3000 转正5000"))
    assert "约定1个月没有超过法律规定" in lines, lines


def test_the_length_corrected_is_the_one_weighed():
    """T2 不是一个月啊 是六个月试用期: the six months, not the one denied."""
    first = "签了一年合同 试用期一个月 试用期工资3000 转正5000 现在第五个月了"
    lines = "\n".join(probation_lines(first + " 不是一个月啊 是六个月试用期"))
    assert "6个月超过了法律规定" in lines, lines


def test_the_correction_in_the_conversation_gets_the_sums_again():
    """XI-13 T2/T3: the legal-aid paragraph, then 约定1个月没有超过 again."""
    wrong = "您签的是1年合同，试用期最长可以约定2个月，约定1个月没有超过法律规定。"
    tracker = conversation([(XI13, "legal_aid", [wrong]),
                            ("不是一个月啊 是六个月试用期", "inform", [])])
    reply = "\n".join(sums_for(tracker))
    assert "6个月超过了法律规定" in reply and "15,000" in reply, reply
    tracker = conversation([(XI13, "legal_aid", []), ("试用期定长了 公司要赔钱吗", "legal_aid", [])])
    reply = "\n".join(sums_for(tracker))
    assert "15,000" in reply and "没有超过" not in reply, reply
