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
