"""Round 48 (testers XE, XG, XH), helper e: what decides the case kept as its points, and a fear
answered as a fear — 会不会把我开了 is no dismissal (XE-5: filed as 被辞退); 还在干呢 in a
no-contract case is 仍在职 (XH-16); 离职一年多了 一直在催 is 已离职约1年多、离职后催要过 (XG-8);
他上个月还回我说过了年就给 is the employer's promise, which restarts the year (XE-14: the menu)."""

from __future__ import annotations

import pytest

from actions.legal import case_points, dismissed, fear_of_dismissal_line, worked_out
from actions.time_limits import promise_told_line, time_limit_points

# XE-5 ------------------------------------------------------------------------------------------

FEARS = ["会不会把我开了", "怕被开除", "要是我去告他会不会把我开了", "我去投诉的话 老板会不会开除我",
         "我怕他把我辞了", "要是去仲裁 厂里会不会辞退我", "担心被炒鱿鱼", "他会不会因为这个辞退我啊",
         "老板欠我两个月工资 我去要的话他会开除我吗"]


@pytest.mark.parametrize("said", FEARS)
def test_a_feared_dismissal_is_not_filed_as_one(said):
    """XE-5: 会不会把我开了 was filed (and summed) as 被辞退."""
    points = case_points(said).get("case_points", "")
    assert "被辞退" not in points.replace("怕被辞退", ""), points
    assert not dismissed(said)
    sums = worked_out(f"{said} 能要多少", said, 5000, False)
    assert not any("按您说的" in line or "个月工资" in line for line in sums), sums


@pytest.mark.parametrize("said", FEARS)
def test_the_fear_is_answered(said):
    line = fear_of_dismissal_line(said, said)
    assert line is not None
    assert "不能" in line and "违法解除" in line and "保密" in line and "劳动合同法" in line, line


@pytest.mark.parametrize("said", ["他把我开了 干了三年 能赔多少", "老板说明天不用来了", "上个月被开除了",
                                  "被辞退了 会不会有补偿"])
def test_a_dismissal_that_happened_stays_one(said):
    assert "被辞退" in case_points(said)["case_points"] and dismissed(said)
    assert fear_of_dismissal_line(said, said) is None


def test_a_dismissal_supposed_to_ask_the_sum_is_still_worked_out():
    """那他现在要把我辞了呢 能给多少补偿 (ZW-10): the severance, as before."""
    words = "干了三年 没签合同 那他现在要把我辞了呢 能给多少补偿"
    assert any("经济补偿" in line for line in worked_out("那他现在要把我辞了呢 能给多少补偿", words, 5000, False))


# XH-16 -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("still", ["还在干呢 一年是从啥时候算", "还在上班", "没走 还在这干着", "我还没离职"])
def test_still_employed_is_kept(still):
    """XH-16: the ticket left out 还在干 (the double wage runs while employed)."""
    points = case_points(f"饭店后厨 没签合同 八个月了 {still}")["case_points"]
    assert "没签劳动合同" in points and "仍在职" in points, points


@pytest.mark.parametrize("said", ["饭店后厨 没签合同 干了八个月 上个月走了", "没签合同 老板不让我走 扣着身份证",
                                  "没签合同 被辞退了"])
def test_not_still_employed(said):
    assert "仍在职" not in case_points(said).get("case_points", "")


# XG-8 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("words", ["离职一年多了 一直在催 还能要吗", "我走了一年多了 还在时效里吗 催过",
                                   "从厂里出来一年多了 这一年一直找他要"])
def test_the_time_limit_facts_are_points(words):
    """XG-8: the ticket had no 已离职一年多 / 催要过, the facts that decide the limit."""
    points = time_limit_points(words)
    assert "已离职约1年多" in points and "离职后催要过" in points, points
    assert "已离职约1年多" in case_points(words)["case_points"]
    assert "离职后催要过" in case_points(words)["case_points"]


def test_no_time_limit_points_without_them():
    assert time_limit_points("老板欠我三个月工资 还在干") == []
    assert time_limit_points("离职三个月了") == ["已离职约3个月"]


# XE-14 -----------------------------------------------------------------------------------------

LIMIT_ASKED = "我走了一年多了 工资还没给 还能要吗"


@pytest.mark.parametrize("promise", ["他上个月还回我说过了年就给", "上个月他还说过完年给我结",
                                     "前几天老板微信上答应年底给", "他上礼拜还跟我说下个月发"])
def test_the_employers_promise_is_answered_and_kept(promise):
    """XE-14: the menu. The promise restarts the year (第二十七条第二款)."""
    line = promise_told_line(promise, f"{LIMIT_ASKED} {promise}")
    assert line and "中断" in line and "第二十七条" in line and "重新计算" in line, line
    points = case_points(f"{LIMIT_ASKED} {promise}")["case_points"]
    assert "答应给钱" in points, points


@pytest.mark.parametrize("said", ["我上个月说过了年就回老家", "他说过两天给我打电话", "上个月发了工资"])
def test_no_promise_read_where_none_is(said):
    assert promise_told_line(said, f"{LIMIT_ASKED} {said}") is None


def test_a_promise_outside_a_pay_case_is_not_answered_here():
    assert promise_told_line("他上个月说过了年就给", "孩子上学的事 他上个月说过了年就给") is None


def test_the_demand_told_keeps_the_rough_time():
    """XG-8: 催过 after 离职一年多了 got 离职已经大约1年 (the 多 dropped)."""
    from actions.time_limits import demand_told_line
    line = demand_told_line("催过", "我离职一年多了 厂里还欠我两个月工资一万三 现在还能要吗 催过")
    assert line and "1年多" in line, line


def test_the_promise_told_to_a_forms_question_is_answered():
    """XE-14: 他上个月还回我说过了年就给 to 是哪家单位 got the question again."""
    from actions.time_limits import demand_told_line
    words = "老板欠我两个月工资 我走了一年多了 还能要吗 他上个月还回我说过了年就给"
    line = demand_told_line("他上个月还回我说过了年就给", words)
    assert line and "1年多" in line and "中断" in line and "上个月" in line, line
    assert "老板上个月答应给钱（仲裁时效从那天起重新计算）" in time_limit_points(words)


def test_the_severance_record_is_no_answer_to_a_fear():
    """XE-5: 会不会把我开了 got 单位解除劳动合同，多数情况下要给经济补偿."""
    from actions.legal import without_feared_dismissal
    found = [{"topic": "dismissal_compensation"}, {"topic": "dismissal_for_claiming"}]
    assert without_feared_dismissal(found, "会不会把我开了") == [{"topic": "dismissal_for_claiming"}]
    assert without_feared_dismissal(found, "他把我开了 能赔多少") == found
