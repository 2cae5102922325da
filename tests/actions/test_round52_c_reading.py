"""Round 52 (c), XM-4: 就是说还不行？ / 那就是不行呗 / 意思是没戏了？ right after a legal answer got
好的，没问题 (read as a no), 好的，先不登记 on the offer, or the menu. The worker's yes/no reading of the
answer just given is answered from it: yes or no, its one-line reason, then the next step."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions.legal import NO_CONTRACT_INJURY_LINE, PERFORMANCE_LINE, reading_reply, sums_for

SEV = ("按您说的在这个单位干了5个月：经济补偿是 0.5 个月工资，按月工资 4,000 元算约 2,000 元；单位违法辞退的，"
       "赔偿金是它的二倍（1 个月工资，约 4,000 元），您也可以不要赔偿金。职工自己有严重过错被解除的没有补偿。")
PROB = ("您签的是3年合同，约定6个月没有超过法律规定：合同期限三年以上（正好三年也算）或无固定期限的，"
        "试用期最长不超过6个月（《劳动合同法》第十九条）。")
OFFER = "要不要我帮您登记一张律师咨询（法律援助）工单，转给您所在的网格工作站跟进？\n要登记的内容：\n· 情况要点：被辞退"
DECLINED = ("/deny", "deny", ["好的，先不登记。需要的时候随时找我，或拨打 12351。"])
DISMISSED = ("干了5个月 老板说不用来了 一个月4000 能要补偿吗", "legal_aid", [SEV, OFFER])


def _after(turns, asked, intent="deny"):
    return conversation([*turns, (asked, intent, [])], {"monthly_wage": 4000})


@pytest.mark.parametrize("asked", ["就是说还不行？", "那就是不行呗", "意思是没戏了？", "那就不行了？",
                                   "所以还是要不到吗"])
def test_a_no_read_into_a_sum_is_answered_no_with_the_sum(asked):
    for turns in ([DISMISSED], [DISMISSED, DECLINED]):
        said = "\n".join(sums_for(_after(turns, asked)))
        assert said.startswith("不是") and "约 2,000 元" in said and "仲裁" in said, said


def test_a_yes_read_into_a_sum_is_answered_yes():
    said = reading_reply(_after([DISMISSED], "那就是能要呗", "affirm")) or ""
    assert said.startswith("对") and "约 2,000 元" in said, said


def test_an_injury_answer_read_as_hopeless():
    said = reading_reply(_after([("我在厂里受伤了 没签合同 厂里说不算工伤", "legal_aid",
                                  [NO_CONTRACT_INJURY_LINE, OFFER])], "意思是没戏了？", "psych_support")) or ""
    assert said.startswith("不是没戏") and "不影响认定工伤" in said and "工伤认定" in said and "1年" in said, said


def test_a_lawful_probation_read_as_not_to_be_fought_is_yes():
    asked = ("签了三年合同 试用期给我定了六个月 合法吗", "legal_aid", ["试用期最长：…", PROB, OFFER])
    said = reading_reply(_after([asked, DECLINED], "那就是不行呗")) or ""
    assert said.startswith("对") and "没有超过法律规定" in said and "第十九条" in said, said


def test_an_unlawful_dismissal_read_as_unlawful():
    said = reading_reply(_after([("说我业绩不好把我辞了 合法吗", "legal_aid", [PERFORMANCE_LINE, OFFER])],
                                "所以是违法的呗", "affirm")) or ""
    assert said.startswith("对") and "不合法" in said, said


@pytest.mark.parametrize("asked", ["那就行吧", "那可以", "那就可以了", "那算了", "那我能要多少", "那就不用了", "不行"])
def test_no_reading_is_made_of_a_yes_a_no_or_a_question(asked):
    assert reading_reply(_after([DISMISSED], asked)) is None


def test_no_reading_without_a_verdict_before():
    assert reading_reply(_after([("仲裁去哪申请", "legal_aid", ["有三条路，可以同时走：…"])], "就是说还不行？")) is None
