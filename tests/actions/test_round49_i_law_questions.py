"""Round 49 (tester XJ), helper i: labour-law questions asked in a case and not answered —
俺问的是工伤 俩月了还来得及不 (XJ-9: the legal-aid paragraph), the right to keep the job after an unlawful
dismissal left out and 仲裁要去邊度申請 unanswered (XJ-10), and 公司两年了一直没给交社保 … 那我现在辞职能要补偿不
asked how long he had worked (XJ-11)."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions.legal import MONTHS_ASK, arbitration_where_line, injury_deadline_line, sums_for, worked_out

XJ9 = [("俺手让机器给绞了 老板不给报工伤 咋整啊", "legal_aid"),
       ("大概俩月前的事 俺没签合同 干了一年了 这还能认不", "legal_aid"),
       ("俺问的是工伤 俩月了还来得及不", "legal_aid")]


@pytest.mark.parametrize("asked", ["俺问的是工伤 俩月了还来得及不", "受伤两个月了 现在申请工伤还来得及吗",
                                   "两个月前砸的 现在去认定工伤晚不晚", "工伤都过去俩月了 还能申请认定不"])
def test_an_injury_two_months_ago_is_in_time(asked):
    words = "俺手让机器给绞了 老板不给报工伤 " + asked
    line = injury_deadline_line(asked, words)
    assert line and line.startswith("来得及"), line
    assert "1年" in line and "第十七条" in line and "2个月" in line, line
    assert "30" in line, line


def test_an_injury_over_a_year_ago_is_not_said_in_time():
    line = injury_deadline_line("还来得及吗", "去年受的伤 老板不给报工伤 都一年半了 还来得及吗")
    assert line and not line.startswith("来得及"), line


def test_a_wage_time_limit_is_no_injury_deadline():
    """The negative: arrears, no injury — the arbitration limit is time_limits' answer."""
    assert injury_deadline_line("俩月了还来得及不", "老板欠我工资 俩月了还来得及不") is None


def test_the_injury_question_in_the_conversation_is_answered():
    tracker = conversation([(t, i, []) for t, i in XJ9])
    reply = "\n".join(sums_for(tracker))
    assert "来得及" in reply and "第十七条" in reply, reply
    assert "劳动关系" in reply, reply  # no contract: how to prove the job


XJ10 = "我在青岛黄岛一间电子厂做了大概三年多,昨天老板用微信通知我明天不用来了,没讲原因,也没补偿.我可以要什么?"


def test_an_unlawful_dismissal_names_keeping_the_job():
    """XJ-10: N and 2N, but not 第四十八条 (the worker may ask to keep the job)."""
    lines = "\n".join(worked_out(XJ10, XJ10, None, asked_wage=False))
    assert "继续履行" in lines and "第四十八条" in lines, lines


def test_a_lawful_ending_does_not_get_the_keep_the_job_line():
    """The negative: a resignation over the unpaid insurance is no unlawful dismissal."""
    said = "公司两年了没给交社保 我想辞职 能要补偿不 一个月6000"
    lines = "\n".join(worked_out(said, said, None, asked_wage=False))
    assert "第四十八条" not in lines, lines


@pytest.mark.parametrize("asked", ["仲裁要去邊度申請？", "仲裁去哪申请", "劳动仲裁在哪里办", "申请仲裁找哪个部门"])
def test_where_to_apply_for_arbitration(asked):
    line = arbitration_where_line(asked)
    assert line and "劳动人事争议仲裁委员会" in line and "第二十一条" in line and "一年" in line, line


def test_where_to_apply_is_not_read_from_other_questions():
    assert arbitration_where_line("仲裁要花钱吗") is None
    assert arbitration_where_line("工会在哪") is None
    assert arbitration_where_line("去哪儿告他") is None  # the record's three routes answer that


XJ11 = [("开货车的 公司两年了一直没给交社保 这合法吗", "legal_aid"),
        ("你问这个干啥？那我现在辞职能要补偿不", "legal_aid")]


@pytest.mark.parametrize("first", ["开货车的 公司两年了一直没给交社保 这合法吗", "在厂里两年了 社保一直没交 合法吗",
                                   "单位三年都没给我交社保 这合法吗"])
def test_the_one_period_said_with_the_unpaid_insurance_is_the_time_worked(first):
    tracker = conversation([(first, "legal_aid", []), (XJ11[1][0], "legal_aid", [])])
    reply = "\n".join(sums_for(tracker))
    assert MONTHS_ASK not in reply and "您在这个单位一共干了多久" not in reply, reply
    assert "个月工资" in reply and ("按您说的" in reply), reply


def test_two_periods_keep_the_insurance_months_apart():
    """The negative (XH-7): 半年木交 and 干了四年 — the four years are worked, not the half year."""
    said = "社保半年没交 想辞职 在这干了四年了 补偿咋算"
    lines = "\n".join(worked_out(said, said, 5000, asked_wage=False))
    assert "4 个月工资" in lines, lines
