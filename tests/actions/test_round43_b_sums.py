"""Round 43 testers' defects in the overtime sum and the labour-law sums (YU-02, YS-04, 国庆 alone,
YU-14, YV-06) — engineer b."""

from __future__ import annotations

from datetime import date

import pytest

from actions.legal import disability_subsidy_line, minimum_wage_as_wage, worked_out
from actions.overtime_calculator import explain_divisor, overtime_pay
from actions.overtime_days import read_worked_days

TODAY = date(2026, 12, 7)


def _kinds(text: str) -> tuple:
    w = read_worked_days(text, TODAY)
    return w.rest_days, w.extended_hours


# --- YU-02: weekday hours and Saturdays without 调休, summed together ---

@pytest.mark.parametrize("said", [
    "我月薪4500 平时每天加班2小时 一个月22天 周六也上班 四个周六都没调休 加班费该多少",
    "四个周六都没调休 平时每天加班2小时 一个月22天 月薪4500",
    "月薪4500 周六上班不调休 每天加班两小时 22天",
    "工资4500 平时每天加两个小时班 一个月22天 周六也上班 没调休",
    "平时每天加班2小时 周六都上班 一个月22天 4500",
    "工资四千五 工作日每天加班两小时 一个月22天 周六全上 没倒休",
])
def test_weekday_hours_and_four_saturdays_are_both_read(said):
    assert _kinds(said) == (4, 44), said


def test_a_wage_before_saturday_is_no_count_of_saturdays():
    assert _kinds("月薪4500 周六上班不调休")[0] == 4  # was 4,500 Saturdays
    assert _kinds("上个周六也上班了 工资4500")[0] != 4  # one Saturday: no month of them
    assert _kinds("周六也上了一天班")[0] == 1


def test_the_mixed_sum_shows_both_parts_and_their_total():
    pay = overtime_pay(4500, rest_days=4, extended_hours=44).explain()
    assert "1,655.17" in pay and "1,706.90" in pay and "不少于 3,362.07 元" in pay, pay


# --- 国庆 alone was summed as 10月1日 alone ---

@pytest.mark.parametrize("said,days", [
    ("国庆", [(10, 1), (10, 2), (10, 3)]),
    ("国庆加班了", [(10, 1), (10, 2), (10, 3)]),
    ("国庆加了三天班", [(10, 1), (10, 2), (10, 3)]),
    ("国庆七天都上班了", [(10, d) for d in range(1, 8)]),
    ("国庆期间都在上班", [(10, d) for d in range(1, 8)]),
    ("十一七天都干了", [(10, d) for d in range(1, 8)]),
    ("五一加班了", [(5, 1), (5, 2)]),
    ("国庆3号也干了", [(10, 3)]),
    ("元旦加班了", [(1, 1)]),
])
def test_national_day_said_alone_is_its_holiday_days(said, days):
    assert [(d.month, d.day) for d in read_worked_days(said, TODAY).dates] == days, said


def test_eleven_of_a_month_or_hours_is_no_national_day():
    assert not read_worked_days("十一月加了十一个小时", TODAY).dates


def test_the_holiday_days_summed_say_which_days_are_300_and_which_200():
    worked = read_worked_days("国庆加班了", TODAY)
    pay = overtime_pay(4500, dates=worked.dates).explain()
    assert "不少于 1,862.07 元" in pay and "10月4日至7日是休息日" in pay, pay
    week = overtime_pay(4500, dates=read_worked_days("国庆七天都上班了", TODAY).dates).explain()
    assert "不少于 3,517.24 元" in week and "告诉我是哪几天" not in week, week


# --- YU-14: 为啥除21.75 right after the sum ---

@pytest.mark.parametrize("said", ["为啥除21.75", "21.75是啥", "为什么是21.75天", "为啥这么算", "日工资为啥除以这个"])
def test_why_21_75_is_explained(said):
    answer = explain_divisor(said)
    assert answer and "365" in answer and "104" in answer and "劳社部发〔2008〕3号" in answer, said


@pytest.mark.parametrize("said", ["我工资4500", "为啥不给加班费", "除夕加班怎么算"])
def test_other_questions_are_not_the_divisor(said):
    assert explain_divisor(said) is None


# --- YV-06: 工伤鉴定九级 月工资5000 能赔多少 ---

def test_the_disability_subsidy_of_the_grade_is_summed():
    line = disability_subsidy_line("工伤鉴定九级 月工资5000 能赔多少", "工伤鉴定九级 月工资5000 能赔多少")
    assert line and "9 个月" in line and "45,000 元" in line and "各省" in line, line
    assert worked_out("工伤鉴定九级 月工资5000 能赔多少", "工伤鉴定九级 月工资5000 能赔多少", None, False)[0] == line
    three = disability_subsidy_line("伤残3级 工资六千 赔多少", "伤残3级 工资六千 赔多少")
    assert "23 个月" in three and "138,000 元" in three and "伤残津贴" in three, three
    ten = disability_subsidy_line("工伤评了十级 能拿多少钱", "工伤评了十级 能拿多少钱")
    assert "7 个月" in ten and "月工资" in ten, ten


@pytest.mark.parametrize("said", ["孩子上九年级 能要多少", "一级建造师证 工资多少", "工伤了能赔多少"])
def test_no_grade_of_an_injury_is_no_disability_sum(said):
    assert disability_subsidy_line(said, said) is None


# --- YS-04: 我工资就是最低工资 ---

@pytest.mark.parametrize("said", ["我工资就是最低工资", "按最低工资算的", "底薪就是最低工资"])
def test_the_minimum_wage_of_the_place_is_the_wage(said):
    wage, words = minimum_wage_as_wage(said, None, None)
    assert wage == 2200 and "青岛市" in words and "来源" in words, words
    assert minimum_wage_as_wage(said, "上海", None)[0] == 2740


@pytest.mark.parametrize("said", ["青岛最低工资是多少", "工资比最低工资还低", "我工资4500"])
def test_asking_the_minimum_wage_is_no_wage(said):
    assert minimum_wage_as_wage(said, None, None) is None
