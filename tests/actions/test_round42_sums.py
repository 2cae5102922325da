"""Round 42 testers' defects in the worker's own sums and the law said with them (YT-06, YS-02,
YS-04, YT-08, YS-08, YS-09, YS-06)."""

from __future__ import annotations

from datetime import date

from test_round39_overtime import _calculated

from actions.legal import case_points, months_worked
from actions.overtime_days import read_worked_days

TODAY = date(2026, 12, 7)

# --- YT-06: 今年五月 said as the correction is the start, counted to December ---

YT06 = ("我在黄岛一个饭店当厨师 干了八个月了老板一直没跟我签合同 一个月大概六千 听说不签合同能要双倍工资 "
        "是真的吗 能要多少 不对，是七个月 去年五月份进来的 哦说错了是今年五月 我现在还在干 要是去仲裁老板把我开了咋办")


def test_this_may_said_as_the_correction_is_seven_months_not_nineteen():
    """YT-06: 1年7个月 (from the 去年五月份 before it) gave 66,000 and an open-ended contract."""
    assert months_worked(YT06, TODAY) == 7
    assert months_worked(YT06 + " 不是一年七个月 是7个月 今年5月到现在", TODAY) == 7
    assert months_worked("干了两年 说错了 是今年五月的工资没发", TODAY) != 7  # a month's pay, no start


# --- YS-02: 22 weekday evenings and 4 Saturdays of 8 hours, summed together ---

YS02 = ("我在青岛电子厂上班 用工资五千 这个月每天加版两个小时 上了22天 还有四个星期六也加了一天八小时 "
        "没给调休 加版费应该给多少")


def test_four_saturdays_of_a_day_of_eight_hours_are_four_days():
    worked = read_worked_days(YS02, TODAY)
    assert (worked.rest_days, worked.extended_hours) == (4, 44), worked


def test_the_weekday_hours_and_the_saturdays_are_summed_and_the_cap_counts_both():
    """1,896.55 + 1,839.08 = 3,735.63; 44 + 32 = 76 hours over the 36 of the law."""
    reply, _ = _calculated(YS02, {"overtime_days": YS02, "monthly_wage": 5000})
    assert "1,896.55" in reply and "1,839.08" in reply and "不少于 3,735.63 元" in reply, reply
    assert "一个月加班 76 小时" in reply, reply


# --- YS-04: 每天要干十个钟头，一个月只歇两天 is the whole month, not 2 days of overtime ---

YS04 = "而且我每天要幹十個鐘頭，一個月只歇兩天，這樣算加班嗎"


def test_two_days_off_a_month_is_28_days_worked_10_hours_each():
    for said in (YS04, "不是加兩天，是一個月只休息兩天，其他天天都幹十個小時", "加班是每個月幹28天，每天10小時"):
        worked = read_worked_days(said, TODAY)
        assert (worked.month_days, worked.rest_days, worked.extended_hours, worked.rest_hours) == (28, 6, 44, 12), \
            (said, worked)


def test_the_month_of_long_days_is_summed_with_the_rest_days_worked():
    """65.52 before (2 days × 2 hours): 6 rest days, their 12 hours over 8, and 44 weekday hours."""
    reply, _ = _calculated(YS04, {"overtime_days": YS04, "monthly_wage": 1900})
    assert "休息日加班 6 天" in reply and "720.69" in reply and "不少于 2,031.04 元" in reply, reply
    assert "一个月加班 104 小时" in reply, reply


# --- YT-08: 没说为啥 就说明天别来了 after the severance's sum is an unlawful dismissal (2N) ---

YT08_SUM = ("按您说的在这个单位干了3年：经济补偿是 3 个月工资，按月工资 5,000 元算约 15,000 元；"
            "单位违法辞退的，赔偿金是它的二倍（6 个月工资，约 30,000 元）。职工自己有严重过错被解除的没有补偿。")


def test_told_to_go_with_no_reason_is_the_damages_not_the_severance_again():
    from actions.legal import _unlawful_dismissal_line

    line = _unlawful_dismissal_line("没说为啥 就说明天别来了", YT08_SUM)
    assert line and "违法解除" in line and "约 30,000 元" in line, line
    assert _unlawful_dismissal_line("他说我旷工三天", YT08_SUM) is None


def test_no_reason_given_goes_to_the_ticket_points():
    points = case_points("被开了 能赔多少 三年 干了三年 五千一个月 没说为啥 就说明天别来了")
    assert "没说理由就辞退" in points["case_points"] and points["time_worked"] == "3年", points
