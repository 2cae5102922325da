"""The worker's own sums on legal-aid questions (actions/legal.py): the months worked read
from how workers say them, never a time owed; the double wage capped at 11 months; severance
by years, half a month under six months; the wage asked once, then only the wage."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker

from actions.legal import WAGE_AGAIN, WAGE_ASK, months_worked, sums_for, worked_out


@pytest.mark.parametrize("words,months", [
    ("老板不跟我签合同 干了八个月了", 8),
    ("进厂一年多了都没签合同", 12),
    ("在这干了三年半 被辞退了", 42),
    ("八个月了都没签合同", 8),
    ("没签合同 欠了三个月工资", None),  # owed, not worked
])
def test_the_months_worked_are_the_time_worked_not_owed(words, months):
    assert months_worked(words) == months


def test_the_double_wage_is_from_the_second_month_at_most_eleven():
    eight = worked_out("能要多少", "没签合同 干了八个月 月薪5000 能要多少", None, False)
    assert "7个月" in eight[0] and "35,000" in eight[0]
    two_years = worked_out("能赔多少", "干了两年了都没签合同 工资4000一个月 能赔多少", None, False)
    assert "11个月" in two_years[0] and "44,000" in two_years[0] and "无固定期限" in two_years[0]


@pytest.mark.parametrize("words,shown", [
    ("干了三年半 被辞退了 能赔多少 月薪6000", "4 个月工资，按月工资 6,000 元算约 24,000 元"),
    ("在厂里做了4个月被开除了 给补偿吗", "0.5 个月工资"),
    ("干了两年零七个月 被裁员 能拿多少", "3 个月工资"),
])
def test_severance_is_a_months_pay_a_year(words, shown):
    (line,) = worked_out(words, words, None, False)
    assert shown in line and "二倍" in line


def test_a_case_without_contract_or_dismissal_gets_no_sum():
    assert worked_out("能要多少", "老板欠我三个月工资 干了一年 能要多少", None, False) == []


def _after(bot_said: str, latest: str) -> Tracker:
    events = [{"event": "user", "text": "没签合同 干了八个月 能要双倍工资吗",
               "parse_data": parse("没签合同 干了八个月 能要双倍工资吗", "legal_aid")},
              {"event": "bot", "text": bot_said},
              {"event": "user", "text": latest, "parse_data": parse(latest, "inform")}]
    return Tracker("w", {}, parse(latest, "inform"), events, False, None, {}, "action_listen")


def test_the_wage_is_asked_once_then_only_the_wage():
    """那我能拿多少 right after the months were told: the wage again, not the paragraph."""
    assert sums_for(_after(f"…7个月…{WAGE_ASK}。", "那我能拿多少")) == [WAGE_AGAIN]
    (line,) = sums_for(_after(WAGE_AGAIN, "一个月5000"))
    assert "35,000" in line


def test_a_start_month_counts_to_today():
    """T-06: 去年10月进的厂 到现在合同一直没签 — 14 months by December: 11 months at most,
    and the contract is now deemed open-ended."""
    from datetime import date

    from actions.legal import months_since_start
    assert months_since_start("去年10月进的厂", date(2026, 12, 6)) == 14
    assert months_since_start("今年三月份来的", date(2026, 12, 6)) == 9
    words = "去年10月进的厂 到现在合同一直没签 一个月5200 能要多少"
    (line,) = worked_out("能要多少", words, None, False)
    assert "11个月" in line and "57,200" in line and "无固定期限" in line


def test_an_over_long_probation_and_a_low_probation_wage_are_worked_out():
    """T-10: a one-year contract with six months' probation at 2,500 (3,500 after): the law
    allows two months, three over ones already worked are owed at 3,500, and 2,500 is under
    the 80 % floor of 2,800."""
    words = "签了一年合同 试用期写的6个月 试用期一个月2500 转正3500 干了5个月了 这合理吗"
    over, low = worked_out("这合理吗", words, None, False)
    assert "最长只能2个月" in over and "10,500" in over
    assert "2,800" in low and "300" in low


def test_three_years_and_more_says_the_part_over_is_not_known():
    """T-08: 干了三年多 was counted as exactly three years."""
    words = "老板说让我明天别来了 我在这干了三年多了 这合法吗"
    (line,) = worked_out("这合法吗", words, 6000, False)
    assert "3年多" in line and "18,000" in line and "不满六个月再加半个月" in line


def test_a_time_said_again_or_corrected_is_the_one_counted():
    """V-07: 干了三年多了 大概三年半, then 三年半 6000一个月 — counted as three years (18,000):
    three and a half years is four months' pay (六个月以上按一年), 24,000."""
    words = "老板昨天跟我说明天别来了 这合法吗 我在黄岛物流仓库 一个月6000 干了三年多了 大概三年半"
    (line,) = worked_out("先说能赔多少", words, None, False)
    assert "3年6个月" in line and "24,000" in line
    (line,) = worked_out("你还没说我能要多少钱啊 三年半 6000一个月", words, None, False)
    assert "24,000" in line


def test_leaving_for_unpaid_social_insurance_is_worked_out_like_a_dismissal():
    """V-08: 没给交社保 … 能直接辞职吗 还有补偿吗 went into the wage form (哪家单位欠的)."""
    words = "干了两年了 老板一直没给交社保 那我能直接辞职吗 还有补偿吗 我一个月3800"
    (line,) = worked_out("你就说能给几个月工资 干了两年", words, None, False)
    assert "2 个月工资" in line and "7,600" in line


def test_a_probation_said_in_other_words_is_read():
    """V-09: 合同签了1年 试用期却是6个月 试用期工资1800 转正才3000."""
    words = "合同签了1年 试用期却是6个月 试用期工资1800 转正才3000 这样合法吗"
    over, low = worked_out(words, words, None, False)
    assert "最长只能2个月" in over and "2,400" in low and "600" in low


def test_a_probation_dismissal_puts_the_proof_on_the_employer():
    """V-18: 试用期不合格让我走 was told it earns half a month's 经济补偿."""
    words = "试用期三个月 干了两个月 说我不符合录用条件把我辞了 给补偿吗"
    (line,) = worked_out(words, words, None, False)
    assert "录用条件" in line and "二倍" in line and "0.5 个月" not in line


@pytest.mark.parametrize("latest,words,shown", [
    # 两年三个月 不对 是两年半 — then 我说了是两年半 不是两年三个月！ was ignored
    ("我说了是两年半 不是两年三个月！", "明天不用来了 我干了两年三个月 不对 是两年半 工资6000 "
     "我说了是两年半 不是两年三个月！", "2年6个月"),
    # 大半年, then 说错了 … 到现在八个月了
    ("说错了 到现在干了八个月了", "干了大半年了 一直没签合同 一个月5000 说错了 到现在干了八个月了",
     "8个月"),
])
def test_the_time_said_in_a_correction_is_the_one_counted(latest, words, shown):
    (line,) = worked_out(latest, words, None, False)
    assert shown in line


def test_the_wage_is_not_asked_unless_a_sum_is_and_not_known_ends_the_asking():
    """make simulate: 干了两年没签劳动合同 想找律师, then 不知道 to the wage — asked again and
    again until the worker gave up. The wage is asked only for 能要多少; 不知道 moves on."""
    (line,) = worked_out("干了两年没签劳动合同 想找律师", "干了两年没签劳动合同 想找律师", None, False)
    assert WAGE_ASK not in line and "11个月" in line
    events = [{"event": "user", "text": "干了两年没签劳动合同 能要多少",
               "parse_data": parse("干了两年没签劳动合同 能要多少", "legal_aid")},
              {"event": "bot", "text": f"…11个月…{WAGE_ASK}。"},
              {"event": "user", "text": "不知道", "parse_data": parse("不知道", "inform")}]
    tracker = Tracker("w", {}, parse("不知道", "inform"), events, False, None, {}, "action_listen")
    from actions.legal import WAGE_UNKNOWN
    assert sums_for(tracker) == [WAGE_UNKNOWN]


def test_an_unlawful_dismissal_is_said_in_money_too():
    """Y-13: 算不算违法辞退 那样是多少钱 got the same block again, with no 48,000."""
    words = "干了三年七个月 被辞退了 没说理由 月薪6000 能赔多少"
    (line,) = worked_out(words, words, None, False)
    assert "24,000" in line and "48,000" in line


def test_a_dismissal_without_a_contract_gets_both_sums_and_an_old_double_wage_its_time_limit():
    """DD-07: 干了三年 一直没签合同 …一句话就把俺撵走了 … 俺一个月五千 俺能要啥 got only the
    double wage (55,000, two years past its period, stated as sure) — not the dismissal."""
    said = "俺在黄岛区一个厂里干了三年了 一直没签合同 上礼拜老板一句话就把俺撵走了 一分钱补偿没给 俺一个月五千 俺能要啥"
    severance, double, total = worked_out(said, said, None, False)
    assert "15,000" in severance and "30,000" in severance
    assert "55,000" in double and "时效" in double and "很可能已经过了" in double
    assert "约 70,000 元" in total and "约 85,000 元" in total and "过仲裁时效" in total  # (ZU-07)
    recent = worked_out("能要多少", "没签合同 干了八个月 月薪5000 能要多少", None, False)[0]
    assert "很可能已经过了" not in recent


def test_the_contract_term_said_last_counts_and_no_time_worked_is_made_up():
    """DD-16: 合同是三年的 (a correction of 一年) was ignored, and 试用期给定了六个月 was read as
    six months worked (已经超了4个月 × 5,000 元 = 20,000 元)."""
    first = "签了一年的合同 试用期给定了六个月 试用期一个月才给2500 转正说是5000 这样合理吗"
    over = worked_out(first, first, None, False)
    # (no time worked is made up: a sum for the excess is said only as what it comes to once
    # served — YY-06 asked for it)
    assert "最长只能2个月" in over[0] and "已经超了" not in " ".join(over)
    assert "20,000" not in " ".join(over) or "干完的话" in over[0]
    corrected = worked_out("不对不对 我看了下合同是三年的", first + " 不对不对 我看了下合同是三年的", None, False)
    assert "3年合同" in corrected[0] and "没有超过" in corrected[0]


def test_the_same_sums_are_not_said_again_word_for_word():
    """DD-07 / DD-16: a follow-up right after the sums got the same text two and three times."""
    said = "干了三年了 一直没签合同 老板把我撵走了 一个月五千 能要啥"
    lines = worked_out(said, said, None, False)
    events = [{"event": "user", "text": said, "parse_data": parse(said, "legal_aid")},
              *({"event": "bot", "text": line} for line in lines)]
    for latest, expected in (("那他把俺撵走 不给补偿 这个能要不", "15,000"), ("那去哪告他", None)):
        tracker = Tracker("w", {}, parse(latest, "inform"),
                          [*events, {"event": "user", "text": latest, "parse_data": parse(latest, "inform")}],
                          False, None, {}, "action_listen")
        again = sums_for(tracker)
        assert (expected is None and again == []) or (len(again) == 1 and expected in again[0]
                                                      and "能要" in again[0]), again


def test_a_pregnancy_is_no_time_worked():
    """HH-10: 怀孕三个月了 was taken as three months worked (0.5 month's severance), and the
    correction 三个月是怀孕的时间…我在厂里干了一年八个月了 changed no sum."""
    from actions.legal import months_said_now, worked_out
    first = "我在胶州一个电子厂做质检，怀孕三个月了，厂里突然说我不胜任，让我下个月走人，他们能这样吗"
    second = "哦不对，应该说是14周？差不多三个半月吧。怀孕了他们也能辞我吗？合同签的两年"
    third = "三个月是怀孕的时间 不是干的时间 我在厂里干了一年八个月了"
    assert worked_out(first, first, None, False) == []
    assert months_said_now(second) is None
    again = worked_out(third, " ".join([first, second, third]), None, False)
    assert len(again) == 1 and "1年8个月" in again[0] and "2 个月工资" in again[0]
