"""The overtime calculator against hand-computed figures and the legal calendar."""

from __future__ import annotations

from datetime import date

import chinese_calendar
import pytest

from actions.overtime_calculator import (
    calculate,
    classify,
    days_from_text,
    qingming,
    spring_festival_day,
    statutory_holidays,
)


@pytest.mark.parametrize("monthly, statutory, rest, hours, expected", [
    (4500, 3, 0, 0, "1862.07"),   # 4500 ÷ 21.75 × 3 × 3
    (4500, 0, 2, 0, "827.59"),    # 4500 ÷ 21.75 × 2 × 2 = 827.586…
    (6000, 0, 0, 10, "517.24"),   # 6000 ÷ 21.75 ÷ 8 × 10 × 1.5 = 517.241…
    (8500, 1, 0, 0, "1172.41"),   # 8500 ÷ 21.75 × 3 = 1172.413…
    (3000, 4, 3, 0, "2482.76"),   # 3000 ÷ 21.75 × (4×3 + 3×2) = 2482.758…
    (2175, 1, 1, 8, "650.00"),    # daily 100: 300 + 200 + 150
])
def test_hand_computed_cases(monthly, statutory, rest, hours, expected):
    assert str(calculate(monthly, statutory, rest, hours).total) == expected


def test_explanation_shows_the_working():
    text = calculate(4500, statutory_days=3).explain()
    assert "4,500 ÷ 21.75" in text and "300%" in text and "1,862.07" in text


@pytest.mark.parametrize("year, eve", [(2025, date(2025, 1, 28)), (2026, date(2026, 2, 16)),
                                       (2027, date(2027, 2, 5))])
def test_new_year_eve_is_statutory_since_2025(year, eve):
    assert spring_festival_day(year, "除夕") == eve
    assert classify(eve) == "statutory"
    assert len(statutory_holidays(year)) == 13


def test_before_2025_eve_was_not_statutory():
    assert len(statutory_holidays(2024)) == 11
    assert classify(date(2024, 2, 9)) != "statutory"  # 除夕 2024


def test_rest_days_of_the_holiday_week_are_200_percent():
    assert classify(date(2026, 2, 20)) == "rest"   # 正月初四 2026
    assert classify(date(2026, 10, 5)) == "rest"   # National Day week
    assert classify(date(2026, 10, 2)) == "statutory"


def test_years_outside_chinese_calendar_still_work():
    assert qingming(2030) == date(2030, 4, 5)
    assert classify(spring_festival_day(2030, "初一")) == "statutory"
    assert classify(date(2030, 10, 6)) == "rest"
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_holiday(date(2030, 10, 6))


def test_rules_agree_with_chinese_calendar_where_it_has_data():
    for year in (2025, 2026):
        for day in statutory_holidays(year):
            assert chinese_calendar.is_holiday(day), day


@pytest.mark.parametrize("text, expected", [
    ("大年初一到初三", {"statutory": 3, "rest": 0}),
    ("除夕到初六都在厂里", {"statutory": 4, "rest": 3}),
    ("国庆3天", {"statutory": 3, "rest": 0}),
    ("周末两天", {"statutory": 0, "rest": 2}),
])
def test_days_in_words(text, expected):
    counts = days_from_text(text, 2026)
    assert {k: counts[k] for k in expected} == expected
