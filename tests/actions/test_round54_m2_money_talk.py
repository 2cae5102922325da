"""Round 54, helper m (second task, "m2"): workers asking about money, as a tester talks.

m2-1 / m2-8: 国庆节七天俺上了五天 / 五一放了五天假 我上了三天 summed every day of the break (七天, 五天:
the break's length read as the days worked). The count worked said after the break's length is the days.
m2-3: 初四初五厂里后来给补休了 老板已经给了一千 after 除夕到初六 was summed as 初四初五 worked (the
days before dropped, 827.59 instead of 2,896.55); 那除夕那天算不算三倍 was summed as 除夕 alone (620.69).
m2-2: 老板给了二百红包 加班费一分没有 took the red envelope off the overtime owed (还差 1,951.72), though the
records say a red envelope is no overtime pay.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from actions.overtime_calculator import case_overtime
from actions.overtime_days import PAID_SAID, added_days, read_worked_days
from actions.wages import paid_so_far

TODAY = date(2026, 12, 7)


def _total(days: str, wage: int) -> Decimal | None:
    pay = case_overtime({"monthly_wage": wage, "overtime_days": days})
    return pay.total if pay else None


# --- the break's length, then the days worked -----------------------------------------------------

@pytest.mark.parametrize("text,first,count", [
    ("国庆节七天俺上了五天 老板说给调休两天", date(2026, 10, 1), 5),
    ("国庆放七天我上了五天班", date(2026, 10, 1), 5),
    ("十一七天 加了四天班", date(2026, 10, 1), 4),
    ("国庆7天我就歇了两天", date(2026, 10, 1), 5),
    ("五一放了五天假 我上了三天 月工资五千八", date(2026, 5, 1), 3),
    ("过年放了七天 我上了五天", date(2026, 2, 16), 5),
    ("春节七天假我干了四天", date(2026, 2, 16), 4),
])
def test_the_days_worked_of_the_break_are_counted_not_its_length(text, first, count):
    worked = read_worked_days(text, TODAY)
    assert sorted(worked.dates) == [date.fromordinal(first.toordinal() + i) for i in range(count)], text


@pytest.mark.parametrize("text,count", [("国庆七天都上了", 7), ("国庆加了三天班 还有两个周六上了两天", 3),
                                        ("国庆上了五天", 5), ("国庆7天 上了7天", 7), ("国庆七天假 调休了两天", 7)])
def test_a_count_of_days_worked_or_the_whole_break_stays(text, count):
    """Near-misses: the count already of days worked, all of the break, or days given off (调休)."""
    assert len(read_worked_days(text, TODAY).dates) == count, text


def test_may_day_three_days_of_five_are_summed_as_three():
    # 5,800 ÷ 21.75 × 2 × 300 % + 5,800 ÷ 21.75 × 1 × 200 % (it was 3,200.00, five days)
    assert _total("五一放了五天假 我上了三天", 5800) == Decimal("2133.33")


def test_national_day_five_of_seven_with_two_days_off_in_lieu():
    # 3 holidays × 300 % and 2 rest days given off (it was 3,466.67: seven days, two given off)
    assert _total("国庆节七天俺上了五天 老板说给调休两天", 5800) == Decimal("2400.00")


# --- days given off, and a day asked about again, after the festival's sum ------------------------

BEFORE = "过年除夕到初六我都在厂里上班 一个月工资四千五"


@pytest.mark.parametrize("said", ["初四初五厂里后来给补休了 老板已经给了一千 还差多少", "初四初五给我补休了",
                                  "初四到初五后来都补休了"])
def test_days_given_off_keep_the_days_worked_before(said):
    joined = added_days(BEFORE, said)
    assert joined and joined.startswith(BEFORE), joined
    # 4 × 300 % + 3 rest days, 2 of them given off: 2,482.76 + 413.79 (it was 827.59, 初四初五 alone)
    assert _total(joined, 4500) == Decimal("2896.55")


def test_days_given_off_and_a_day_worked_more_are_not_only_given_off():
    assert "后来补休" not in (added_days(BEFORE, "初四初五补休了 初七也上了") or "")


@pytest.mark.parametrize("said", ["那除夕那天算不算三倍", "除夕算三倍不", "初一那天给几倍", "初二算法定假日吗"])
def test_a_day_counted_asked_about_again_keeps_all_the_days(said):
    assert added_days(BEFORE, said) == BEFORE


def test_a_holiday_held_asked_about_with_money_words_keeps_all_the_days():
    """m2-19: 那国庆给调休行不行 调休了还给钱吗 after 中秋 and 国庆 1–3 was summed as 国庆 alone (中秋 dropped)."""
    held = "中秋那天加了一天 国庆1号到3号也干了 月薪六千 老板说国庆给调休 中秋的给双倍"
    assert added_days(held, "那国庆给调休行不行 调休了还给钱吗") == held
    assert added_days(held, "国庆那三天算几倍") == held


def test_a_day_told_more_is_still_added():
    assert "初七" in (added_days(BEFORE, "初七也上了") or "")


# --- a red envelope is no overtime paid ---------------------------------------------------------------

@pytest.mark.parametrize("text", ["一个月工资五千二 初一到初三三天都干了 老板给了二百红包 加班费一分没有 该给多少",
                                  "红包给了二百", "红包就给了二百 加班费没给", "发了500块红包", "老板给了二百块钱红包",
                                  "过年给了两百的红包", "发了一千补贴", "给了三百过节费"])
def test_a_red_envelope_or_other_money_is_not_overtime_paid(text):
    assert paid_so_far(text) is None, text
    assert PAID_SAID.search(text) is None, text


@pytest.mark.parametrize("text,paid", [("给了一千", 1000), ("加班费给了800", 800), ("厂里给了我一千", 1000),
                                       ("老板给了二百红包 加班费给了一千", 1000), ("一共给了600", 600)])
def test_overtime_paid_is_still_read(text, paid):
    assert paid_so_far(text) == paid, text
    assert PAID_SAID.search(text), text


# --- m2-19: the multiple is for the days named in its own clause -------------------------------------

def test_a_multiple_said_for_one_holiday_is_short_for_that_holiday_alone():
    """国庆节和中秋节 … 老板说国庆给调休 中秋的给双倍 got 单位说给2倍：法定节假日按2倍只有 2,206.89 元 (all four
    days at 2×): 中秋 alone is paid double, 275.86 short."""
    from actions.wages import rate_offered, rate_shortfall

    said = "国庆节和中秋节俺都在厂里 中秋那天加了一天 国庆1号到3号也干了 月薪六千 老板说国庆给调休 中秋的给双倍 对不对"
    pay = case_overtime({"monthly_wage": 6000, "overtime_days": said})
    line = rate_shortfall(pay, rate_offered(said), said) or ""
    assert line.startswith("单位说中秋节（9月25日）只给2倍") and "少给了 275.86 元" in line, line
    # (the multiple for the days of the clause before it, and for all the days when none is named)
    assert "除夕" in (rate_shortfall(case_overtime({"monthly_wage": 6000, "overtime_days": "除夕到初三都上了"}),
                                     rate_offered("只给两倍"), "老板说除夕不算法定假 只给两倍") or "")
    whole = case_overtime({"monthly_wage": 6000, "overtime_days": "国庆1号到3号都干了"})
    assert (rate_shortfall(whole, rate_offered("老板说给双倍"), "老板说给双倍") or "").startswith("单位说给2倍")
