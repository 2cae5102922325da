"""Round 50 (tester XK), helper k: rest days counted as "N天是周六" and the weekday hours said
beside the Saturdays' length (XK-3: 其中有4天是週六 做了整天8小時 read as 1 Saturday + 8 weekday
hours = 560; 是4個週六每個做8小時 另外18天平日每天多2小時 read as 8 h × 18 days = 5,600)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from actions.overtime_calculator import overtime_pay
from actions.overtime_days import read_worked_days

TODAY = date(2026, 12, 7)
WAGE = 3480  # 3,480 ÷ 21.75 = 160 a day, 20 an hour


def _sum(text: str, wage: int = WAGE) -> Decimal:
    worked = read_worked_days(text, TODAY)
    assert worked and not worked.needs_period, (text, worked)
    return overtime_pay(wage, worked.statutory_days, worked.rest_days, worked.extended_hours,
                        dates=worked.dates, comp_days=worked.comp_days, rest_hours=worked.rest_hours,
                        holiday_hours=worked.holiday_hours).total


@pytest.mark.parametrize("text", ["其中有4天是週六 做了整天8小時 沒補休 這樣要另外算嗎",
                                  "有4天是周六 做了整天8小时 没补休",
                                  "其中四天是礼拜六 干的整天",
                                  "有4天是星期六 每次8小时"])
def test_days_said_to_be_saturdays_are_that_many_rest_days(text):
    """XK-3 T2: 4 Saturdays × 160 × 200 % = 1,280, no weekday hours."""
    worked = read_worked_days(text, TODAY)
    assert worked.rest_days == 4 and worked.extended_hours == 0, worked
    assert _sum(text) == Decimal("1280.00")


@pytest.mark.parametrize("text", ["不對吧 是4個週六每個做8小時 另外18天平日每天多2小時 總共多少",
                                  "4个周六每个做8小时 另外18天平时每天多干2小时",
                                  "4个周六每次干8个钟头 平时18天每天多干两个钟",
                                  "四个礼拜六都是8小时 还有18天平常每天多做2个小时"])
def test_the_saturdays_length_is_no_weekday_hours(text):
    """XK-3 T3: 4 × 320 = 1,280 + 18 × 2 h × 30 = 1,080 → 2,360."""
    worked = read_worked_days(text, TODAY)
    assert worked.rest_days == 4 and worked.extended_hours == 36, worked
    assert _sum(text) == Decimal("2360.00")


def test_weekday_hours_alone_still_read():
    assert read_worked_days("平时每天多干两个钟 干了18天", TODAY).extended_hours == 36
    assert read_worked_days("每天多加2小时 一共18天", TODAY).extended_hours == 36


def test_saturdays_with_their_length_still_read():
    worked = read_worked_days("四个周六也都上了 每次8小时", TODAY)
    assert worked.rest_days == 4 and worked.extended_hours == 0
    worked = read_worked_days("礼拜六还干了一整天8小时", TODAY)
    assert worked.rest_days == 1 and worked.extended_hours == 0


@pytest.mark.parametrize("text", [
    "请问 我月薪3480 上个月每天都多做2小时 做了22天 加班费应该是多少 "
    "其中有4天是周六 做了整天8小时 没补休 这样要另外算吗",
    "上个月每天多干2小时 干了22天 其中4天是礼拜六 干的整天"])
def test_saturdays_among_the_days_counted(text):
    """XK-3 T1 + T2 read together: 22 days of which 4 Saturdays → 18 × 2 h + 4 rest days = 2,360."""
    worked = read_worked_days(text, TODAY)
    assert worked.rest_days == 4 and worked.extended_hours == 36, worked
    assert _sum(text) == Decimal("2360.00")
