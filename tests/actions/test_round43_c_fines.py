"""Independent testers, round 43 (YS-09): a fine for lateness (迟到罚款 / 迟到一次扣50 / 迟到扣钱)
weighed as a deduction for a loss the worker caused (赔偿损失, 20 % a month by 《工资支付暂行规定》第十六条).
A fine is no compensation: the policy record on deductions says the law gives the employer no power
to fine; the cap only binds what the employer might call damages. Asked the way the workers asked,
on the real seeded backend (tests/actions/conftest.py) where the policy answer is wanted."""

from __future__ import annotations

import pytest

from actions.facts import answer_fact, applied_deduction
from tests.facts.conftest import tracker

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop
DEDUCTION = [{"topic": "wage_deduction"}]


@pytest.mark.parametrize("words,taken", [
    ("迟到罚款合法吗 我月工资3000 这个月扣了800", "800"),
    ("老板说我迟到 扣了我500 我一个月4000", "500"),
    ("月工资4350 迟到扣了1500 我就想知道迟到扣一千五合法不", "1,500"),
    ("我一个月五千 早退了两次 罚了我600", "600"),
])
def test_a_fine_for_lateness_is_no_damage_deduction(words, taken):
    (line,) = applied_deduction(DEDUCTION, words)
    assert "不是赔偿损失" in line and "没有给单位对职工罚款的权力" in line and f"{taken} 元" in line, line
    assert "因为您的原因造成损失、从工资里扣赔偿" not in line, line  # (YS-09: its 剩下的…分到以后几个月)
    assert "分到以后" not in line, line
    assert "12333" in line and "12351" in line and "考勤记录" in line, line


def test_the_cap_is_still_said_for_what_might_be_called_damages():
    """WW-12: 1,500 on 4,350 a month — 870 is the most, if the employer calls it damages."""
    (line,) = applied_deduction(DEDUCTION, "月工资4350 迟到扣了1500 我就想知道迟到扣一千五合法不")
    assert "870 元" in line and "超过了这条线" in line


@pytest.mark.parametrize("words", ["我一个月4000 机器弄坏了扣了我500",
                                   "月工资4500 零件坏了扣了我2000 迟到罚款的事另说"])
def test_a_loss_the_worker_caused_is_still_weighed_against_the_cap(words):
    """Near miss: a deduction for damage keeps the 20 % rule (and is no fine)."""
    (line,) = applied_deduction(DEDUCTION, words)
    assert "因为您的原因造成损失" in line, line


@on_module_loop
@pytest.mark.parametrize("text", ["迟到罚款合法吗", "迟到扣钱合法吗", "迟到一次罚款两百 这样可以吗",
                                  "迟到一次扣50 合法吗", "老板说迟到一次扣50块 这合理吗", "早退扣了我两百 能这样吗"])
async def test_the_policy_answer_says_the_employer_may_not_fine(backend, text):
    reply = "\n".join(await answer_fact(tracker(text)) or [])
    assert "没有给单位对职工罚款的权力" in reply and "12333" in reply, reply
