"""Round 57, helper c: the independent testers' XZ and XY defects on legal aid, injuries, relief
and the crisis reply (results-XZ.md, results-XY.md)."""

from __future__ import annotations

import pytest
from form_trackers import conversation

import actions.router  # noqa: F401  (every action module imported, as the action server does)

XZ5 = ("我在上海工地干活过年没回老家 前天从脚手架梯子上踩空把脚崴了肿得老高 想问两个事 "
       "一是上海工会给留下来过年的有意外保险 能赔多少 二是我这个算不算工伤 老板说自己不小心不算")
XZ12 = ("我在辛安街道一个做五金件的厂子开冲床 上个月20号手被冲床压了 两个手指头缝了十几针 老板说是我自己不注意不算工伤 "
        "医药费垫了一点就不管了 我想让工会帮我")


# --- XZ-5 / XZ-12: 自己不小心 / 自己不注意 不算工伤 — unanswered two turns, never rebutted -----------------

@pytest.mark.parametrize("text", [XZ5, XZ12, "你就说 自己不小心摔的 算不算工伤", "老板说是我操作失误 不给算工伤"])
def test_the_bosss_no_fault_claim_is_answered_by_the_record(text):
    from actions.legal import fault_claim_line

    line = fault_claim_line(text)
    assert line and "不看是谁的过错" in line and "第十六条" in line, line


def test_the_fault_asked_after_the_injury_was_told():
    from actions.legal import fault_claim_line

    line = fault_claim_line("还有我自己踩空的也算工伤吗", "前天从脚手架梯子上踩空把脚崴了")
    assert line and line.startswith("自己不小心受的伤也算工伤"), line


@pytest.mark.parametrize("text", ["喝了酒摔伤的 老板说自己的错不算工伤", "老板说我不小心把货摔了 要扣钱",
                                  "工伤认定怎么申请"])
def test_no_fault_line_where_none_was_said(text):
    from actions.legal import fault_claim_line

    assert fault_claim_line(text) is None


@pytest.mark.parametrize("text", [XZ12, "啥叫没受伤 我脚崴了肿了 你写错了吧 还有我自己踩空的也算工伤吗"])
def test_the_own_case_answer_carries_the_no_fault_rule(text):
    from actions.legal import sums_for

    tracker = conversation([("前天从脚手架梯子上踩空把脚崴了", "legal_aid", ["受了工伤，单位应当…"]),
                            (text, "legal_aid", [])])
    sums = sums_for(tracker)
    assert sums and "不看是谁的过错" in sums[0], sums


def test_the_no_fault_rule_is_not_said_again_next_turn():
    from actions.legal import _fault_record, sums_for

    said = "自己不小心受的伤也算工伤。" + _fault_record()["answer"]
    tracker = conversation([(XZ12, "legal_aid", [said]), ("那我自己不注意也算工伤是吧", "legal_aid", [])])
    assert not any("不看是谁的过错" in line for line in sums_for(tracker))


# --- XZ-6: 没跟我签那个纸 (the contract described, not named) got 没明白 ----------------------------------

XZ6 = ("我在黄岛一个仓库干分拣 干了八个月了老板一直没跟我签那个纸 就是那个签了以后才算正式的那个 "
       "现在他说不想干就走 我能要点啥不")


def test_the_paper_not_signed_is_no_contract():
    from actions.legal import no_contract_not_arrears

    assert no_contract_not_arrears(XZ6)
    assert not no_contract_not_arrears("辞职的时候让我签了个纸")


def test_the_described_no_contract_case_is_worked_out():
    from actions.legal import sums_for

    sums = sums_for(conversation([(XZ6, "nlu_fallback", [])]))
    said = " ".join(sums)
    assert "二倍工资" in said and "经济补偿" in said, sums


# --- XZ-7: 俺被撵走了 sent into the wage form; 一共欠了多少钱 four times after 不是欠钱 ---------------------

@pytest.mark.parametrize("text,words", [
    ("俺被撵走了 咋整啊", ""),
    ("不是欠钱 是把俺开除了 干了三年 上礼拜说不用来了 啥补偿都没给 单位叫啥全名俺也不知道 就叫它大港物流", ""),
    ("单位把俺辞退了 没给补偿", ""),
    ("没欠钱！俺要的是辞退补偿 找工会帮俺要", ""),
    ("算了 不说欠钱了", "俺被撵走了 咋整啊 不是欠钱 是把俺开除了")])
def test_a_dismissal_is_no_wage_arrears(text, words):
    from actions.legal import dismissal_not_arrears

    assert dismissal_not_arrears(text, words)


@pytest.mark.parametrize("text", ["老板欠我三个月工资 还把我开除了", "没被辞退 就是工资拖着不发", "工资没发"])
def test_pay_owed_stays_wage_arrears(text):
    from actions.legal import dismissal_not_arrears

    assert not dismissal_not_arrears(text)


# --- XZ-14 / XZ-15: after the crisis reply, the compensation question ignored three times ---------------

CRISIS = ("您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351；"
          "紧急情况请拨打 120 或 110。我这就帮您联系工会的工作人员。")


@pytest.mark.parametrize("text", ["我在黄岛区 没事 我就是气的 你们能帮我要补偿不",
                                  "那你先告诉我 活干完了让走人 到底有没有补偿",
                                  "青島黃島區 電話15963214785 我就是太難受了 手傷了醫藥費能找老闆要嗎"])
def test_the_cases_question_after_the_crisis_reply_is_the_legal_case(text):
    from actions.crisis import case_question_after_crisis

    tracker = conversation([("活干完了让我走 一分补偿没有 实在不行我就从楼上跳下去算了 活着没意思", "psych_support",
                             [CRISIS]), (text, "inform", [])])
    assert case_question_after_crisis(tracker, text) == "legal_aid"


@pytest.mark.parametrize("text", ["我还是不想活了 补偿有啥用", "谢谢 我没事了"])
def test_no_case_question_in_a_crisis_or_a_thanks(text):
    from actions.crisis import case_question_after_crisis

    tracker = conversation([("活着没意思", "psych_support", [CRISIS]), (text, "inform", [])])
    assert case_question_after_crisis(tracker, text) is None
