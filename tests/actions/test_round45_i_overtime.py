"""Independent tester XA, round 45 — engineer i: a correction of one part of the overtime keeps
the other parts (XA-2: 说错了 是25个钟头 dropped the 2 Saturdays, 937.50 instead of 1,737.50), a
question about the 底薪 is no new wage (XA-2: summed again on 2,000), and the Spring Festival
keeps its year for the whole talk (XA-3: 2027-02-06 first, then 2026-02-16…21)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.forms import ValidateOvertimeForm
from actions.overtime_calculator import case_overtime
from actions.overtime_days import added_days, read_worked_days, same_festival_year
from actions.router import days_after_figure
from actions.slot_mappings import ValidateSlotMappings

FIRST = "俺一个月工资4350,这个月平时加了20个钟头的班,还有两个礼拜六也上了没给调休,加班费应该给俺多少钱"
SUM = "合计：依法应付加班工资不少于 1,550.00 元"
NEW_YEAR = "过年厂里让上班 初一上班给几倍工资"
TODAY = date(2026, 12, 7)


def _after_sum(first: str, text: str, slots: dict, set_now: dict | None = None, form_ran: bool = False,
               intent: str = "inform") -> Tracker:
    """The talk after an overtime sum: ``first``, the form and the sum, then ``text`` (and, with
    ``form_ran``, the overtime form activated on it with the slots read from it)."""
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": first, "parse_data": parse(first, "overtime_pay")},
              *({"event": "slot", "name": k, "value": val} for k, val in slots.items()),
              {"event": "active_loop", "name": "overtime_form"}, {"event": "active_loop", "name": None},
              {"event": "action", "name": "action_calculate_overtime"}, {"event": "bot", "text": SUM},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, intent)}]
    if form_ran:
        events += [{"event": "action", "name": "overtime_form"},
                   {"event": "active_loop", "name": "overtime_form"}]
    events += [{"event": "slot", "name": k, "value": val} for k, val in (set_now or {}).items()]
    loop = {"name": "overtime_form"} if form_ran else {}
    return Tracker("worker-45i", {**slots, **(set_now or {}), "requested_slot": None}, parse(text, intent),
                   events, False, None, loop, "action_listen")


# --- XA-2: a correction of the hours keeps the Saturdays ---------------------------------------

@pytest.mark.parametrize("text", ["说错了 是25个钟头", "不对 是25个小时", "搞错了 平时加了25个钟头", "应该是25小时"])
def test_hours_corrected_keep_the_saturdays(text):
    """XA-2: 25 hours (937.50) + 2 Saturdays (800) = 1,737.50 at 4,350."""
    days = added_days(FIRST, text)
    assert days, text
    worked = read_worked_days(days)
    assert (worked.extended_hours, worked.rest_days) == (Decimal(25), 2), days
    assert case_overtime({"monthly_wage": 4350, "overtime_days": days}).total == Decimal("1737.50")


def test_saturdays_corrected_keep_the_hours():
    worked = read_worked_days(added_days(FIRST, "不对 是三个礼拜六"))
    assert (worked.extended_hours, worked.rest_days) == (Decimal(20), 3)


@pytest.mark.parametrize("text", ["说错了 只有25个钟头 礼拜六没上", "不对 就25个钟头 别的没有",
                                  "说错了 是25个钟头 礼拜六是三个"])
def test_a_correction_saying_the_other_part_is_not_kept(text):
    """Near-misses: the worker says the Saturdays were not worked, or says them again."""
    assert read_worked_days(added_days(FIRST, text) or text).rest_days != 2


def test_the_hours_corrected_after_the_sum_are_summed_with_the_saturdays():
    """XA-2 as make run reads it: 说错了 是25个钟头 right after the 1,550 sum."""
    tracker = _after_sum(FIRST, "说错了 是25个钟头", {"monthly_wage": 4350, "overtime_days": FIRST})
    worked = read_worked_days(days_after_figure(tracker))
    assert (worked.extended_hours, worked.rest_days) == (Decimal(25), 2)


# --- XA-2: 按底薪2000算 is a question, not the wage --------------------------------------------

@pytest.mark.parametrize("text", ["厂里说按底薪2000算加班费，对不对", "老板说加班费按底薪2000算 行吗",
                                  "底薪2000当基数算加班费合法吗", "厂里只按基本工资2000给算加班费"])
async def test_the_base_asked_about_keeps_the_wage(text):
    """XA-2: the form validates 2,000 read from the question; the sum stays on 4,350."""
    days = added_days(FIRST, "说错了 是25个钟头")
    tracker = _after_sum(FIRST, text, {"monthly_wage": 4350, "overtime_days": days},
                         {"monthly_wage": 2000, "last_correction": [
                             {"slot": "monthly_wage", "old": 4350, "new": 2000}]}, form_ran=True,
                         intent="overtime_pay")
    dispatcher = CollectingDispatcher()
    slots = slot_values(await ValidateOvertimeForm().run(dispatcher, tracker, DOMAIN))
    assert slots.get("monthly_wage") == 4350, slots
    assert not slots.get("last_correction"), slots
    assert any("4,350" in (m.get("text") or "") for m in dispatcher.messages)


@pytest.mark.parametrize("text", ["不对 我工资是2000", "说错了 一个月2000"])
async def test_a_wage_corrected_is_the_new_wage(text):
    """Near-miss: the worker corrects the wage itself — 2,000 it is."""
    tracker = _after_sum(FIRST, text, {"monthly_wage": 4350, "overtime_days": FIRST},
                         {"monthly_wage": 2000}, form_ran=True)
    slots = slot_values(await ValidateOvertimeForm().run(CollectingDispatcher(), tracker, DOMAIN))
    assert slots.get("monthly_wage") == 2000, slots


# --- XA-3: the same Spring Festival all through -------------------------------------------------

def _years(text: str) -> set[int]:
    return {d.year for d in read_worked_days(text).dates}


@pytest.mark.parametrize("text", ["其实初一到初五都上了 初四初五也没给调休", "初一到初三都上了 没给调休",
                                  "除夕到初六一直干 没回家"])
def test_the_festival_keeps_its_year(text):
    """XA-3: the first sum on the coming festival, the next on the one gone by (没给 read as past)."""
    year = _years(NEW_YEAR)
    days = added_days(NEW_YEAR, text)
    assert days and _years(days) == year, days
    # and the day added after it (那除夕那天呢 除夕我也上了), joined by the router
    assert _years(f"{days} 那除夕那天呢 除夕我也上了") == year


def test_a_year_named_is_kept():
    """Near-miss: 今年春节 / 2026年 said outright is that festival."""
    assert same_festival_year(NEW_YEAR, "今年春节初一到初三都上了", TODAY) is None
    assert same_festival_year(NEW_YEAR, "2026年春节初一上了班", TODAY) is None
    assert same_festival_year("周六加了两天班", "初一上了班", TODAY) is None


async def test_the_facts_reader_keeps_the_festival_year():
    """XA-3 as make run reads it: the days read from the message (action_extract_slots)."""
    text = "其实初一到初五都上了 初四初五也没给调休"
    tracker = _after_sum(NEW_YEAR, text, {"monthly_wage": 6525, "overtime_days": NEW_YEAR},
                         intent="overtime_pay")
    read = slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), tracker, DOMAIN))
    assert _years(read["overtime_days"]) == _years(NEW_YEAR), read
    assert len(read_worked_days(read["overtime_days"]).dates) == 5
