"""Round 49 (tester XI), helper i: XI-7 — a worker who left asked 我给老板打过好多电话要 这算讨要吗 and got
a phone-privacy notice; the correction 说错了 是去年十月走的 (after 前年十月走的) was ignored: still 2年2个月."""

from __future__ import annotations

from datetime import date

import pytest

from actions.time_limits import months_since_leaving_month, time_limit_line, time_limit_points

TODAY = date(2026, 12, 7)
T2 = "名字重要吗 我就想知道过没过时间 我是前年十月走的"
T3 = "说错了 是去年十月走的 一个月七千 俩月就一万四 我给老板打过好多电话要 这算讨要吗"


def test_the_leaving_month_corrected_is_the_one_counted():
    assert months_since_leaving_month(f"{T2} {T3}", TODAY) == 14
    assert months_since_leaving_month(T2, TODAY) == 26  # the negative: 前年 alone stays 前年
    assert "已离职约1年2个月" in time_limit_points(f"{T2} {T3}", TODAY)


@pytest.mark.parametrize("asked", [T3, "我给老板打过好多电话要钱 这算不算讨要", "打电话跟老板要钱 时效能中断不",
                                   "我打了好几次电话催他 这样算催要吗", "微信上找他要过好多回 这个算不算"])
def test_phoning_the_boss_for_the_pay_is_a_demand_that_restarts_the_year(asked):
    line = time_limit_line(asked, f"{T2} {T3} {asked}", TODAY)
    assert line and line.startswith("算"), line
    assert "重新计算一年" in line and "第二十七条" in line, line
    assert "1年2个月" in line and "2年2个月" not in line, line
    assert "记录" in line, line  # keep the call log as evidence


def test_no_demand_told_is_no_yes():
    """The negative: 这还在时效里吗 with no demand said is the plain limit, no 算."""
    line = time_limit_line("这还在时效里吗", f"{T2} 说错了 是去年十月走的 这还在时效里吗", TODAY)
    assert line and not line.startswith("算") and "1年2个月" in line, line
