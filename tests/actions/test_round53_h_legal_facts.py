"""Round 53 (h): the facts of a legal case as the worker told them, and the time limit said once.

XO-13: 不对，是九千五，八千是以前的 after the severance on 8,000 — 已更正：金额改为9,500, the wage asked again,
the ticket filed with 月工资 8,000. XP-9: 上周突然说不用我来了 was no dismissal, so 不对，是九千五 got the
menu. XO-14: 再加4000赔偿金 (the probation's own damages) filed 被辞退. XP-8: 我也不知道公司给没给我交社保
filed 没交社保. XO-10: 厂里半年没发工资了 filed 在这个单位干了：6个月. XO-11: 这样也算过时效了？ answered 算。
and then 从头再算一年. XO-12: 现在不要也不会过期 for the double wage, and 催要过 for 我要是找老板要这个钱."""

from __future__ import annotations

from datetime import date

import pytest
from form_trackers import conversation

from actions.legal import (
    case_points,
    dismissed,
    fear_of_dismissal_line,
    legal_case,
    legal_money_facts,
    months_worked,
    probation_lines,
    sums_for,
    wage_corrected_now,
)
from actions.time_limits import promise_told_line, time_limit_line, time_limit_points

# XO-13 / XP-9 -----------------------------------------------------------------------------------

STORY = "我在黄岛一个物流公司当文员 上周突然说让我明天不用来了 啥理由也没有 我干了3年7个月 这个能要多少补偿"
ASKED = ("按您说的在这个单位干了3年7个月：经济补偿是 4 个月工资；单位违法辞退的，赔偿金是它的二倍（8 个月工资），"
         "告诉我您一个月工资多少，我帮您算个数。")
ON_8000 = ("按您说的在这个单位干了3年7个月：经济补偿是 4 个月工资，按月工资 8,000 元算约 32,000 元；单位违法辞退的，"
           "赔偿金是它的二倍（8 个月工资，约 64,000 元）。")
OFFER = "要不要我帮您登记一张律师咨询（法律援助）工单，转给您所在的网格工作站跟进？"


def _corrected(said: str):
    return conversation([(STORY, "legal_aid", [ASKED]), ("八千", "inform", [ON_8000, OFFER]),
                         (said, "inform", [])], {"amount": 8000})


@pytest.mark.parametrize("said", ["不对，是九千五，八千是以前的", "不是八千 是九千五", "说错了 工资九千五",
                                  "我记错了 9500", "其实是九千五", "不对 现在是9500"])
def test_the_pay_corrected_after_the_sum_is_the_pay(said):
    """XO-13: the sum asked the wage again and the ticket kept 8,000."""
    tracker = _corrected(said)
    assert wage_corrected_now(tracker) == 9500
    lines = "\n".join(sums_for(tracker))
    assert "按月工资 9,500 元算约 38,000 元" in lines and "约 76,000 元" in lines, lines
    assert legal_case(tracker)["monthly_wage"] == 9500
    # the slot mappings' hook: the amount read is the month's pay
    assert legal_money_facts(tracker, {"amount": 9500}) == {"monthly_wage": 9500}


@pytest.mark.parametrize("said", ["不对 欠了九千五", "不对 加班费是九千五", "不对 是三年五个月"])
def test_no_pay_correction_where_another_sum_or_fact_is_corrected(said):
    tracker = _corrected(said)
    assert wage_corrected_now(tracker) is None
    assert legal_money_facts(tracker, {"amount": 9500}) == {"amount": 9500}


def test_no_pay_correction_without_a_sum_on_a_wage():
    tracker = conversation([(STORY, "legal_aid", [ASKED]), ("不对，是九千五", "inform", [])])
    assert wage_corrected_now(tracker) is None


@pytest.mark.parametrize("told", ["上周突然说不用我来了", "老板说明天别来上班了", "他说不用你来了",
                                  "让我明天不要来上班了", "说让我明天不用来了"])
def test_told_not_to_come_is_a_dismissal(told):
    """XP-9: no dismissal read, so 不对，是九千五 got the menu (算加班费 / 最低工资)."""
    assert dismissed(f"我在黄岛海信干了三年 {told} 啥补偿也没有")


def test_the_dismissal_sum_is_redone_on_the_corrected_pay():
    first = "我在黄岛海信干了三年 上周突然说不用我来了 啥补偿也没有 也没提前说 我工资一个月9000"
    tracker = conversation([(first, "wage_arrears", ["单位以这三种理由解除劳动合同……"]),
                            ("不对，是九千五", "inform", [])], {"monthly_wage": 9500})
    tracker.events.append({"event": "slot", "name": "monthly_wage", "value": 9500})
    lines = "\n".join(sums_for(tracker))
    assert "按月工资 9,500 元算约 28,500 元" in lines and "约 57,000 元" in lines, lines


# XO-14 ------------------------------------------------------------------------------------------

PROBATION = ("我刚入职青岛一家公司做行政，合同签了一年，试用期三个月，合同上写转正工资4000，"
             "可是试用期只给2800，这样合法吗？")
ADDED_UP = "谢谢！那我算一下，前两个月每月少400，第三个月应该按4000发，再加4000赔偿金，一共应该补多少呀？"


@pytest.mark.parametrize("asked", [ADDED_UP,
                                   "那个4000的赔偿金怎么算的", "赔偿金和补的工资加起来多少", "补偿金什么时候能拿到"])
def test_the_probations_own_damages_are_no_dismissal(asked):
    """XO-14: 被辞退 on the ticket and 试用期内以“不符合录用条件”辞退的 said; she was never dismissed."""
    words = f"{PROBATION} {asked}"
    assert not dismissed(words)
    assert "被辞退" not in case_points(words).get("case_points", "")
    assert not any("辞退" in line for line in probation_lines(words, ("青岛市", 2200)))


@pytest.mark.parametrize("asked", [ADDED_UP,
                                   "4000赔偿金加上少发的800 一共多少", "那加起来总共能补几千？"])
def test_the_figures_of_a_total_asked_are_no_amount_told(asked):
    """XO-14: 已更正：金额改为4,400 (the slot mappings' hook drops them)."""
    tracker = conversation([(PROBATION, "legal_aid", ["您签的是1年合同，试用期最长只能2个月……", OFFER]),
                            (asked, "inform", [])], {"pending_case": {"type": "legal_aid", "facts": {}}})
    assert legal_money_facts(tracker, {"amount": 4400}) == {}


def test_an_amount_owed_told_with_the_total_asked_is_kept():
    tracker = conversation([(PROBATION, "legal_aid", [OFFER]), ("老板还欠我一万二 一共能要多少", "inform", [])],
                           {"pending_case": {"type": "legal_aid", "facts": {}}})
    assert legal_money_facts(tracker, {"amount": 12000}) == {"amount": 12000}


@pytest.mark.parametrize("told", ["试用期说我不合格让我走了 能要赔偿金吗", "试用期被辞退了 能要补偿金吗",
                                  "试用期第二个月把我开了 赔偿金多少"])
def test_a_probation_dismissal_is_still_read(told):
    words = f"合同签了一年 试用期三个月 {told}"
    assert dismissed(words) and "被辞退" in case_points(words)["case_points"]


# XP-8 -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("told", ["我也不知道公司给没给我交社保 没交的话还能算工伤吗", "社保交了没有我不清楚",
                                  "不晓得有没有给我交社保", "公司帮没帮我买社保我不知道", "我不知道他们交没交社保"])
def test_insurance_not_known_is_not_filed_as_unpaid(told):
    """XP-8: 情况要点 没交社保 until the worker complained."""
    points = case_points(f"干活时候手被烫伤了 老板不给报工伤 {told}")["case_points"]
    assert "没交社保" not in points and "社保交没交不清楚" in points, points


def test_insurance_unpaid_supposed_is_no_fact():
    points = case_points("手被烫伤了 要是没交社保的话还能算工伤吗")["case_points"]
    assert "社保" not in points, points
    assert "没交社保" in case_points("公司没给我交社保 手被烫伤了")["case_points"]


# XO-10 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("told", ["厂里半年没发工资了 我妈住院等着钱", "三个月没给工资了 一个月四千",
                                  "俩月都没拿到钱", "半年没结工钱了"])
def test_the_months_unpaid_are_not_the_time_worked(told):
    """XO-10: 在这个单位干了：6个月 on the summary; she had worked there three years."""
    assert months_worked(told) is None
    assert "time_worked" not in case_points(told)


def test_the_time_worked_is_still_read_beside_the_months_unpaid():
    assert months_worked("在这干了三年 半年没发工资了") == 36
    assert months_worked("八个月了都没签合同") == 8
    assert months_worked("半年没给我签合同") == 6


# XO-11 ------------------------------------------------------------------------------------------

TODAY = date(2026, 12, 7)
LEFT = "我去年十月从青岛一个厂辞职的 到现在一年多了 走的时候还有三个月工资没给 大概一万五 现在还能去仲裁吗"
LIMIT_SAID = "您是2025年10月离开的：到现在已经超过一年，按规定可能过了时效"


@pytest.mark.parametrize("asked", ["我这一年一直在找老板要啊 微信上催了好多次 他都说下个月给 这样也算过时效了？",
                                   "我一直在微信上催他 他老说下个月给 那是不是过了时效",
                                   "这一年我一直找他要 到底过没过时效？"])
def test_past_the_limit_asked_after_demands_is_answered_not_past(asked):
    """XO-11: 算。 (yes, past) and then the year restarted, in one reply."""
    line = promise_told_line(asked, f"{LEFT} {asked}", TODAY) or ""
    assert line.startswith("不算过时效。") and "还来得及" in line and not line.startswith("算"), line


def test_past_asked_in_the_form_is_answered_the_same():
    asked = "你说算是啥意思 到底过没过时效？"
    words = f"{LEFT} 我这一年一直在找老板要啊 微信上催了好多次 他都说下个月给 {asked}"
    line = time_limit_line(asked, words, TODAY) or ""
    assert line.startswith("不算过时效。") and "对方答应过给的也算" in line, line


def test_past_asked_with_no_dates_is_no_yes():
    line = time_limit_line("我一直在催他 这样也算过时效了？", "老板欠我工资 我一直在催他 这样也算过时效了？") or ""
    assert line.startswith("催过就不一定过时效：") and "重新计算一年" in line, line


def test_whether_the_demands_count_is_still_answered_yes():
    asked = "那我这种一直催算不算中断"
    line = time_limit_line(asked, f"{LEFT} 我这一年一直在找老板要啊 {asked}", TODAY) or ""
    assert line.startswith("算。"), line


# XO-12 ------------------------------------------------------------------------------------------

NO_CONTRACT = "问下没签合同能要双倍工资吗 我在黄岛干装修 干了八个月了 一直没签合同 一个月六千 我还在干着呢"


@pytest.mark.parametrize("fear", ["对了我要是找老板要这个钱 他会不会把我开了", "我去要双倍工资 老板会不会开除我",
                                  "怕要了以后被辞退"])
def test_the_double_wage_is_not_told_it_never_runs_out(fear):
    """XO-12: 现在不要也不会过期 right after 申请仲裁的时效是一年，别拖."""
    line = fear_of_dismissal_line(fear, f"{NO_CONTRACT} {fear}") or ""
    assert line and "不会过期" not in line and "仲裁时效是一年" in line and "别拖" in line, line
    assert "第二十七条第四款" not in line


def test_unpaid_wages_while_employed_keep_the_records_word():
    fear = "我要是去要工资 他会不会把我开了"
    line = fear_of_dismissal_line(fear, f"老板欠我两个月工资 我还在干 {fear}") or ""
    assert "现在不要也不会过期" in line, line


@pytest.mark.parametrize("fear", ["对了我要是找老板要这个钱 他会不会把我开了", "我想找老板要 怕他开了我",
                                  "能不能找老板要双倍工资", "如果我跟老板要的话会不会被开"])
def test_a_demand_supposed_is_not_filed_as_made(fear):
    """XO-12: 催要过 on the ticket; he had not asked yet."""
    words = f"{NO_CONTRACT} {fear}"
    assert "催要过" not in time_limit_points(words)
    assert "催要过" not in case_points(words).get("case_points", "")


@pytest.mark.parametrize("told", ["我一直在催 找老板要过好几次", "上个月还找老板要过", "微信上催了好多次"])
def test_a_demand_made_is_still_filed(told):
    assert "催要过" in time_limit_points(f"老板欠我工资 {told}")
