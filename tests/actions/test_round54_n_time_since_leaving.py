"""Round 54 (n): the time since leaving is no time worked, and the time limit stands on the last
one said.

XQ-11: 我在厂里干了三年 上个月被辞退了 到现在两个月了 没给补偿 — the 两个月 since the dismissal was
taken as the time worked (the severance and the points wrong; 被开除半年了 / 被辞退都两个月了 summed
on half a year, 被辞退一年多了 on 1年多), and how long remains of the one-year arbitration limit was
never said. Round 53 (3): after 不对 是八个月前走的 the summary and the time-limit line still said
已离职约1年多 / 过了仲裁时效 — the answer contradicted the corrected fact.
"""

from __future__ import annotations

from datetime import date

import pytest
from form_trackers import conversation

from actions.legal import case_points, legal_case, months_said_now, months_worked, sums_for
from actions.time_limits import applied_limit, months_since_left, time_limit_line, time_limit_points

TODAY = date(2026, 12, 7)

# (the worker's words, the months since leaving)
SINCE = [
    ("我在厂里干了三年 上个月被辞退了 到现在两个月了 没给补偿 能要多少", 2),
    ("在厂里干了三年 被辞退都两个月了 能要多少补偿", 2),
    ("干了3年了 被开除半年了 补偿一分没给 能赔多少", 6),
    ("在厂里干了三年 离职都三个月了 被辞退的 补偿能要多少", 3),
    ("干了三年 辞退我两个月了 没给补偿 能要多少", 2),
    ("俺在厂里干了三年 老板把俺辞了 到现在俩月了 补偿咋算", 2),
]


@pytest.mark.parametrize(("said", "left"), SINCE)
def test_the_time_since_the_dismissal_is_no_time_worked(said, left):
    """The severance is on the three years worked, not on the months since."""
    assert months_worked(said) == 36
    assert months_said_now(said) in (None, 36)
    assert months_since_left(said) == left
    lines = "\n".join(sums_for(conversation([(said, "legal_aid", [])])))
    assert "按您说的在这个单位干了3年：经济补偿是 3 个月工资" in lines, lines


@pytest.mark.parametrize(("said", "left"), SINCE)
def test_the_severance_says_how_long_remains_of_the_year(said, left):
    lines = "\n".join(sums_for(conversation([(said, "legal_aid", [])])))
    assert "还在一年的仲裁时效内" in lines and f"还剩大约{12 - left}个月" in lines, lines
    assert "有争议一年内可以申请劳动仲裁" not in lines  # (the general word, said instead)


def test_nearly_a_year_since_is_still_within_it_and_little_remains():
    said = "干了三年 辞退我到现在快一年了 一个月6000 能要多少补偿"
    assert months_worked(said) == 36 and months_since_left(said) == 11
    lines = "\n".join(sums_for(conversation([(said, "legal_aid", [])])))
    assert "约 18,000 元" in lines and "被辞退快1年了，还在一年的仲裁时效内" in lines, lines
    assert "不到一两个月" in lines and "超过一年" not in lines, lines


def test_over_a_year_since_the_dismissal_is_past_it_and_not_the_time_worked():
    said = "在厂里干了三年 被辞退一年多了 补偿没给 还能仲裁吗"
    lines = "\n".join(sums_for(conversation([(said, "legal_aid", [])])))
    assert "干了3年：经济补偿是 3 个月工资" in lines and "1年多：经济补偿" not in lines, lines
    assert "被辞退已经大约1年多，超过一年了" in lines, lines


@pytest.mark.parametrize(("said", "left"), SINCE)
def test_the_points_hold_the_time_worked_and_the_time_since(said, left):
    told = case_points(said)
    assert told.get("time_worked") == "3年", told
    assert f"已离职约{left}个月" in told.get("case_points", ""), told
    assert time_limit_points(said) == [f"已离职约{left}个月"]


@pytest.mark.parametrize("said", ["要是被开除半年了咋办", "我想辞职三个月了 一直没敢说"])
def test_a_leaving_supposed_is_no_time_since(said):
    assert months_since_left(said) is None


def test_the_time_worked_is_not_rough_for_a_rough_time_since():
    """在厂里干了两年 走了一年多了 filed 在这个单位干了：2年多."""
    assert case_points("在厂里干了两年 走了一年多了 老板还欠俺两个月工资没给").get("time_worked") == "2年"


def test_the_limit_line_says_how_long_remains():
    line = applied_limit("离职都三个月了 老板欠两个月工资", TODAY)
    assert "还在一年的仲裁时效内" in line and "还剩大约9个月" in line, line
    assert "您被辞退大约6个月" in applied_limit("被开除半年了", TODAY)


# round 53 (3): the correction of the time since leaving -----------------------------------------

STORY = "在厂里干了两年 走了一年多了 老板还欠俺两个月工资没给 还能要吗"
PAST = "离职已经大约1年多，超过一年了，过了仲裁时效（《劳动争议调解仲裁法》第二十七条）"


@pytest.mark.parametrize(("fixed", "left"), [("不对 是八个月前走的", 8), ("说错了 走了八个月", 8),
                                              ("不对不对 半年前离职的", 6), ("记错了 是十个月以前不干的", 10)])
def test_the_time_since_leaving_corrected_is_the_one_the_limit_stands_on(fixed, left):
    words = f"{STORY} {fixed}"
    assert months_since_left(words) == left
    assert time_limit_points(words) == [f"已离职约{left}个月"]
    assert f"已离职约{left}个月" in case_points(words)["case_points"]
    # asked on the summary after the correction: within the year, not past it
    line = time_limit_line("那我这还在时效里吗", words)
    assert "还在一年的仲裁时效内" in line and f"还剩大约{12 - left}个月" in line and "超过一年" not in line, line


@pytest.mark.parametrize("fixed", ["不对 是八个月前走的", "说错了 走了八个月"])
def test_the_correction_is_said_back_with_the_limit_worked_out_again(fixed):
    tracker = conversation([(STORY, "wage_arrears", [PAST]), (fixed, "inform", [])])
    lines = sums_for(tracker)
    assert len(lines) == 1 and lines[0].startswith("好的，已更正：您是大约8个月前离职的。"), lines
    assert "还剩大约4个月" in lines[0] and "超过一年" not in lines[0]


def test_a_dismissal_case_corrected_keeps_the_time_worked_and_redoes_the_limit():
    said = "在厂里干了三年 被辞退一年多了 补偿没给 还能仲裁吗"
    first = sums_for(conversation([(said, "legal_aid", [])]))
    tracker = conversation([(said, "legal_aid", first), ("不对 是八个月前被辞退的", "inform", [])])
    lines = "\n".join(sums_for(tracker))
    assert "已更正：您是大约8个月前被辞退的" in lines and "还剩大约4个月" in lines, lines
    case = legal_case(tracker)
    assert case.get("time_worked") == "3年" and "已离职约8个月" in case.get("case_points", ""), case


def test_the_month_said_as_the_correction_wins_over_the_time_said_before():
    from actions.time_limits import left_corrected_line  # (new in round 54)

    words = "走了两年多了 说错了 是去年十月走的"
    line = left_corrected_line("说错了 是去年十月走的", words, TODAY)
    assert line.startswith("好的，已更正：您是大约1年2个月前离职的。"), line
    assert left_corrected_line("不对 是五千", "被开除半年了 不对 是五千", TODAY) is None
