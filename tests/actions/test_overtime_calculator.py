"""The overtime calculator and the legal calendar, against figures computed by hand.

Every expected amount below was worked out by hand from the formula in the comment
(daily wage = monthly ÷ 21.75; ×300 % statutory, ×200 % rest day, ×150 % extra hour),
rounded half-up to the fen. ``chinese_calendar`` (2004–2026) serves only as a cross-check.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import chinese_calendar
import pytest

from actions.holiday_calendar import (
    DayKind,
    classify,
    holiday_breaks,
    qingming,
    spring_festival_day,
    statutory_holidays,
)
from actions.overtime_calculator import overtime_pay
from actions.overtime_days import read_worked_days

S, R, W = DayKind.STATUTORY, DayKind.REST, DayKind.WORKDAY


# --- pay, by kind of day -------------------------------------------------------------------

@pytest.mark.parametrize("monthly, statutory, rest, hours, expected", [
    (4500, 3, 0, 0, "1862.07"),    # 4500 ÷ 21.75 × 3 × 3 = 1862.0689…  (the acceptance case)
    (4500, 0, 2, 0, "827.59"),     # 4500 ÷ 21.75 × 2 × 2 = 827.5862…
    (6000, 0, 0, 10, "517.24"),    # 6000 ÷ 21.75 ÷ 8 × 10 × 1.5 = 517.2413…
    (8500, 1, 0, 0, "1172.41"),    # 8500 ÷ 21.75 × 1 × 3 = 1172.4137…
    (3000, 4, 3, 0, "2482.76"),    # 1655.17 (3000÷21.75×4×3) + 827.59 (3000÷21.75×3×2)
    (2175, 1, 1, 8, "650.00"),     # daily 100: 300 + 200 + 8 × 12.5 × 1.5 = 150
    (12000, 0, 0, "2.5", "258.62"),  # 12000 ÷ 21.75 ÷ 8 × 2.5 × 1.5 = 258.6206…
    (1570, 3, 0, 0, "649.66"),     # 隆祥 guarantee: 1570 ÷ 21.75 × 9 = 649.6551…
])
def test_hand_computed_cases(monthly, statutory, rest, hours, expected):
    assert overtime_pay(monthly, statutory, rest, hours).total == Decimal(expected)


def test_rest_days_with_time_off_in_lieu_owe_nothing_but_statutory_days_still_do():
    pay = overtime_pay(4500, statutory_days=1, rest_days=2, time_off_in_lieu=True)
    assert pay.total == Decimal("620.69")  # 4500 ÷ 21.75 × 3 = 620.6896…; rest days: time off


def test_the_explanation_shows_the_working_in_chinese():
    text = overtime_pay(4500, statutory_days=3).explain()
    assert "4,500 ÷ 21.75 × 3 × 300% = 1,862.07 元" in text
    assert "日工资" in text and "206.90" in text
    assert "不少于 1,862.07 元" in text and "不能用补休" in text


def test_invalid_input_is_refused():
    with pytest.raises(ValueError):
        overtime_pay(0, statutory_days=1)
    with pytest.raises(ValueError):
        overtime_pay(4500, rest_days=-1)


# --- pay, by calendar date ------------------------------------------------------------------

def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


@pytest.mark.parametrize("monthly, dates, expected", [
    # 2026 Spring Festival 除夕–初七 (16–23 Feb): 4 statutory + 4 rest; daily 200 → 2400 + 1600
    (4350, _days(date(2026, 2, 16), date(2026, 2, 23)), "4000.00"),
    # 国庆 week 2026: 1–3 Oct statutory, 4–7 Oct rest: 12000÷21.75×9 = 4965.52, ×8 = 4413.79
    (12000, _days(date(2026, 10, 1), date(2026, 10, 7)), "9379.31"),
    # 2025: 国庆 1–3 + 中秋 6 Oct statutory (4 × 3), 4, 5, 7, 8 Oct rest (4 × 2); daily 200
    (4350, _days(date(2025, 10, 1), date(2025, 10, 8)), "4000.00"),
    # 2027: 除夕 (5 Feb) and 初一 statutory; an ordinary Monday after the break earns nothing
    (4350, [date(2027, 2, 5), date(2027, 2, 6), date(2027, 2, 15)], "1200.00"),
    # 2030, beyond chinese_calendar: 国庆 1 Oct (×3) and 6 Oct (rest, ×2); daily 200
    (4350, [date(2030, 10, 1), date(2030, 10, 6)], "1000.00"),
    # before 2025 除夕 was not statutory: 2024 初一 (10 Feb) ×3, 初四 (13 Feb) ×2; daily 200
    (4350, [date(2024, 2, 10), date(2024, 2, 13)], "1000.00"),
])
def test_pay_for_dates(monthly, dates, expected):
    assert overtime_pay(monthly, dates=dates).total == Decimal(expected)


def test_dates_are_listed_with_their_kind_and_a_workday_note():
    text = overtime_pay(4350, dates=[date(2027, 2, 5), date(2027, 2, 15)]).explain()
    assert "2027年2月5日 春节（除夕）：法定节假日" in text
    assert "2027年2月15日 工作日：工作日" in text and "超出 8 小时" in text


# --- the calendar ------------------------------------------------------------------------

@pytest.mark.parametrize("day, kind", [
    # 2025: 除夕 statutory for the first time, break 除夕–初七
    (date(2025, 1, 27), W), (date(2025, 1, 28), S), (date(2025, 1, 31), S),
    (date(2025, 2, 1), R), (date(2025, 2, 4), R), (date(2025, 2, 5), W),
    (date(2025, 5, 2), S), (date(2025, 5, 5), R), (date(2025, 10, 6), S), (date(2025, 10, 8), R),
    (date(2025, 6, 2), R),   # 端午 fell on Saturday 31 May: Monday off in lieu
    # 2026
    (date(2026, 2, 16), S), (date(2026, 2, 19), S), (date(2026, 2, 20), R),
    (date(2026, 2, 23), R), (date(2026, 2, 24), W), (date(2026, 1, 2), R),  # 元旦 Thursday bridge
    (date(2026, 10, 3), S), (date(2026, 10, 4), R), (date(2026, 10, 7), R), (date(2026, 10, 8), W),
    (date(2026, 9, 25), S),  # 中秋
    # 2027 Spring Festival: 除夕 is 5 Feb
    (date(2027, 2, 4), W), (date(2027, 2, 5), S), (date(2027, 2, 8), S), (date(2027, 2, 9), R),
    (date(2027, 2, 12), R), (date(2027, 2, 15), W),
    # 2030, outside chinese_calendar's range
    (date(2030, 2, 2), S), (date(2030, 2, 5), S), (date(2030, 2, 6), R), (date(2030, 4, 5), S),
    (date(2030, 10, 1), S), (date(2030, 10, 6), R), (date(2030, 10, 9), W),
])
def test_classify(day, kind):
    assert classify(day)[0] == kind


@pytest.mark.parametrize("year, eve", [(2025, date(2025, 1, 28)), (2026, date(2026, 2, 16)),
                                       (2027, date(2027, 2, 5)), (2030, date(2030, 2, 2))])
def test_new_year_eve_since_2025(year, eve):
    assert spring_festival_day(year, 0) == eve
    assert classify(eve) == (S, "春节（除夕）")
    assert len(statutory_holidays(year)) == 13


@pytest.mark.parametrize("year, count, eve_statutory", [
    (2010, 11, True), (2021, 11, False), (2024, 11, False), (2005, 10, False),
    (2020, 10, False),  # 中秋 fell on 1 October: one day, two holidays
])
def test_earlier_rules(year, count, eve_statutory):
    assert len(statutory_holidays(year)) == count
    assert (spring_festival_day(year, 0) in statutory_holidays(year)) == eve_statutory


@pytest.mark.parametrize("year, day", [(2008, 4), (2025, 4), (2026, 5), (2027, 5), (2030, 5),
                                       (2032, 4), (2099, 4)])
def test_qingming(year, day):
    assert qingming(year) == date(year, 4, day)


def test_years_without_rules_are_refused():
    with pytest.raises(ValueError):
        statutory_holidays(2100)
    with pytest.raises(ValueError):
        classify(date(1999, 10, 1))


def test_chinese_calendar_cannot_answer_2030_but_the_rules_can():
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_holiday(date(2030, 10, 6))
    assert holiday_breaks(2030)[date(2030, 10, 6)] == "国庆节假期"


# --- cross-check against chinese_calendar where it has data ----------------------------------

_CC_NAMES = {"元旦": "New Year's Day", "春节": "Spring Festival", "清明节": "Tomb-sweeping Day",
             "劳动节": "Labour Day", "端午节": "Dragon Boat Festival",
             "中秋节": "Mid-autumn Festival", "国庆节": "National Day"}
# Weekdays where a year's State Council notice departs from the usual pattern.
_IRREGULAR = {date(2019, 5, 2), date(2019, 5, 3), date(2020, 1, 31), date(2022, 5, 5),
              date(2023, 5, 4), date(2023, 5, 5), date(2024, 2, 9), date(2024, 2, 16)}


@pytest.mark.parametrize("year", range(2016, 2027))
def test_rules_agree_with_chinese_calendar(year):
    day = date(year, 1, 1)
    while day.year == year:
        kind, why = classify(day)
        official_holiday = chinese_calendar.is_holiday(day)
        if kind == S:
            _, holiday = chinese_calendar.get_holiday_detail(day)
            names = {_CC_NAMES[name] for name in why.split("（")[0].split("、")}
            assert official_holiday and holiday in names, (day, why, holiday)
        elif day.weekday() < 5 and day not in _IRREGULAR:
            assert (kind == R) == official_holiday, (day, kind, why)
        day += timedelta(days=1)


# --- the days as a worker says them ---------------------------------------------------------

NOV_2026 = date(2026, 11, 24)


@pytest.mark.parametrize("text, first, count", [
    ("大年初一到初三", date(2027, 2, 6), 3),        # in November: the coming Spring Festival
    ("除夕到初六都在厂里", date(2027, 2, 5), 7),
    ("年三十和初一", date(2027, 2, 5), 2),
    ("国庆3天", date(2026, 10, 1), 3),
    ("国庆节加班了三天", date(2026, 10, 1), 3),
    ("2月17日到19日", date(2026, 2, 17), 3),
    ("2026年10月1号、2号、5号", date(2026, 10, 1), 3),
    ("10.1-10.3", date(2026, 10, 1), 3),
    ("12月30号到1月2号", date(2026, 12, 30), 4),
])
def test_dates_in_words(text, first, count):
    found = read_worked_days(text, NOV_2026)
    assert found.dates[0] == first and len(found.dates) == count


@pytest.mark.parametrize("text, today, first", [
    ("五一干了三天", date(2026, 12, 5), date(2026, 5, 1)),  # was 2027: the nearer May Day
    ("大年初一到初三都加了班", NOV_2026, date(2026, 2, 17)),
    ("大年初一到初三", NOV_2026, date(2027, 2, 6)),  # not said as done: the coming one
])
def test_days_said_as_done_lie_behind(text, today, first):
    """Found by hand: 五一干了三天, asked in December, was computed for May 2027."""
    assert read_worked_days(text, today).dates[0] == first


def test_spring_festival_asked_in_march_is_the_one_just_past():
    assert read_worked_days("初一", date(2026, 3, 1)).dates == [date(2026, 2, 17)]


@pytest.mark.parametrize("text, statutory, rest, hours", [
    ("周末两天", 0, 2, 0), ("法定节假日2天", 2, 0, 0), ("平时加了10个小时", 0, 0, 10),
    ("加班两个半小时", 0, 0, Decimal("2.5")), ("初一到初三 还有周末两天", 0, 2, 0),
    ("每个周末两天 上个月一共8天", 0, 8, 0)])  # the worker's total, not one weekend's
def test_counts_in_words(text, statutory, rest, hours):
    found = read_worked_days(text, NOV_2026)
    assert (found.statutory_days, found.rest_days, found.extended_hours) == (statutory, rest, hours)


@pytest.mark.parametrize("text", ["春节加班", "不知道", "加班三十个", ""])
def test_nothing_understood(text):
    assert not read_worked_days(text, NOV_2026)


def test_a_worker_sentence_all_the_way_to_the_amount():
    found = read_worked_days("除夕到初三都在上班", NOV_2026)
    assert overtime_pay(4500, dates=found.dates).total == Decimal("2482.76")  # 4500÷21.75×4×3


@pytest.mark.parametrize("text", ["周六周日都上班 上个月", "上个月周末都在加班", "上个月每个周末都上班"])
def test_every_weekend_of_last_month_is_counted_from_the_calendar(text):
    """周六周日都上班 上个月 was 没听明白加班的日子: every Saturday and Sunday of that month, and
    the calendar says which were rest days, holidays or 调休 working days."""
    found = read_worked_days(text, date(2026, 12, 5))
    assert len(found.dates) == 9 and all(d.month == 11 and d.weekday() >= 5 for d in found.dates)
    october = read_worked_days(text, date(2026, 11, 3)).dates
    assert date(2026, 10, 3) in october  # 国庆: the calculator pays it as a holiday
    assert not read_worked_days("周末都上班", date(2026, 12, 5)).dates  # which month: not guessed


# --- 天天加班三个小时 (the independent testers' A17) ------------------------------------------

def test_daily_hours_over_a_period_count_every_working_day():
    from actions.overtime_days import read_worked_days

    worked = read_worked_days("不是一天 是三个月天天加三小时")
    assert (worked.hours_per_day, worked.workdays, worked.extended_hours) == (3, 62, 186)
    assert read_worked_days("每天晚上加2个小时 加了两周").extended_hours == 20
    assert read_worked_days("天天加班三个小时").needs_period


def _overtime_tracker(days: str, texts: list[str], bot: list[str] = ()):
    from rasa_sdk import Tracker

    events = [{"event": "active_loop", "name": "overtime_form"}]
    for said in bot:
        events.append({"event": "bot", "text": said})
    for text in texts:
        events.append({"event": "user", "text": text,
                       "parse_data": {"text": text, "intent": {"name": "inform"}, "entities": []}})
    events.append({"event": "active_loop", "name": None})
    latest = events[-2]["parse_data"]
    return Tracker("w", {"monthly_wage": 4800, "overtime_days": days}, latest, events, False,
                   None, {}, "action_listen")


async def test_daily_hours_without_a_period_give_one_day_and_ask_how_long():
    from rasa_sdk.executor import CollectingDispatcher

    from actions.wages import PERIOD_QUESTION, ActionCalculateOvertime

    dispatcher = CollectingDispatcher()
    events = await ActionCalculateOvertime().run(
        dispatcher, _overtime_tracker("天天加班三个小时", ["天天加班三个小时", "4800"]), {})
    texts = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "124.14" in texts and PERIOD_QUESTION in texts
    assert not any(e.get("event") == "active_loop" for e in events)


async def test_unpaid_overtime_is_offered_a_ticket_after_the_figure():
    from rasa_sdk.executor import CollectingDispatcher

    from actions.wages import ActionCalculateOvertime

    dispatcher = CollectingDispatcher()
    tracker = _overtime_tracker("三个月天天加班三个小时", ["三个月天天加班三个小时 一分钱加班费都没有", "4800"])
    events = await ActionCalculateOvertime().run(dispatcher, tracker, {})
    texts = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "186 小时" in texts and "62 个工作日" in texts
    assert any(e.get("event") == "active_loop" and e.get("name") == "ticket_offer_form" for e in events)
    case = next(e["value"] for e in events if e.get("name") == "pending_case")
    assert case["type"] == "overtime_pay" and case["facts"]["amount"] == 7696  # 4800÷21.75÷8×1.5×186


def test_the_period_answers_the_question_after_one_days_figure():
    from actions.router import period_follow_up
    from actions.wages import PERIOD_QUESTION

    tracker = _overtime_tracker("天天加班三个小时", ["天天加班三个小时", "4800"],
                                bot=[])
    tracker.events.append({"event": "bot", "text": f"上面是加班一天的钱。{PERIOD_QUESTION}"})
    tracker.events.append({"event": "user", "text": "三个月", "parse_data": {"text": "三个月"}})
    tracker.latest_message = {"text": "三个月", "intent": {"name": "inform"}, "entities": []}
    assert period_follow_up(tracker) == "天天加班三个小时 三个月"


async def test_unpaid_overtime_in_traditional_characters_is_offered_a_ticket():
    """E10: 從來不給加班費 … 想投訴 — the worker wants it back; the offer came only after 我要投訴."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.wages import ActionCalculateOvertime

    tracker = _overtime_tracker("每天多幹三個小時 差不多半年了",
                                ["我在青島黃島金海塑料廠上班 每天多幹三個小時 從來不給加班費 月薪4350 想投訴"])
    events = await ActionCalculateOvertime().run(CollectingDispatcher(), tracker, {})
    assert any(e.get("event") == "active_loop" and e.get("name") == "ticket_offer_form" for e in events)


async def test_a_bare_count_after_the_wage_counts_the_kind_of_day_asked_about_first():
    """E08: 周末加班工资怎么算 → 5000 (the wage) → 四天: four weekend days, not 没听明白."""
    from form_trackers import form_tracker

    from actions.forms import ValidateOvertimeForm

    tracker = form_tracker("overtime_form", "overtime_days", "四天", slots={"monthly_wage": 5000})
    tracker.events[:0] = [{"event": "user", "text": "周末加班工资怎么算"},
                          {"event": "user", "text": "5000"}]
    found = ValidateOvertimeForm().extract_overtime_days(None, tracker, {})
    assert found == {"overtime_days": "周末四天"}


def test_dates_in_chinese_numerals_and_bare_days_after_a_date():
    """H20: 国庆加了三天班一天是十月一号另外两天是五号六号 was counted as 10月1–3日 (3,600);
    it is 1日 (statutory) and 5日, 6日 (rest days): 1,200 + 1,600 = 2,800 at 8,700."""
    from datetime import date

    from actions.overtime_days import read_worked_days

    worked = read_worked_days("月薪八千七国庆加了三天班一天是十月一号另外两天是五号六号", date(2026, 12, 5))
    assert [d.day for d in worked.dates] == [1, 5, 6]
    pay = overtime_pay(8700, dates=worked.dates)
    assert pay.total == Decimal("2800.00")


@pytest.mark.parametrize("text,rest", [("上个月三个周六都加班了，没补休", 3), ("俩周末", 4),
                                       ("周六加了一天班", 1)])
def test_saturdays_and_weekends_counted_by_name(text, rest):
    """H19 / G07: 三个周六 and 俩周末 were 没听明白."""
    from actions.overtime_days import read_worked_days

    assert read_worked_days(text).rest_days == rest
