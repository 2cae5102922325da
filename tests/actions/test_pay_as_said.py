"""A wage said by the day or the hour stays a day's or an hour's pay wherever the worker reads
it back (rounds 17 and 19: 一天三百 was shown as 月工资 6,525 to a worker paid by the day, who
has no monthly wage). Every sum still starts from the month it stands for."""

from __future__ import annotations

from decimal import Decimal

from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import slot_mappings
from actions import validators as v
from actions.fact_tables import wage_as_said
from actions.overtime_calculator import overtime_pay
from actions.tickets import context_facts
from actions.wages import ActionCalculateOvertime


def test_a_day_or_hour_wage_is_read_with_how_it_was_said():
    ctx = v.Context(form="overtime_form")
    facts = v.read_facts("初一上工 一天三百 给多少", [], ctx)
    assert (facts["monthly_wage"], facts["wage_basis"]) == (6525, "day")
    facts = v.read_facts("一小时20块", [], ctx)
    assert (facts["monthly_wage"], facts["wage_basis"]) == (3480, "hour")
    assert "wage_basis" not in v.read_facts("我一个月四千五", [], ctx)


def test_the_working_starts_from_the_day_s_pay_said():
    pay = overtime_pay(Decimal("6525"), statutory_days=1, basis="day")
    text = pay.explain()
    assert "6,525" not in text and "月工资" not in text
    assert "日工资 300 元" in text and "300 × 1 × 300% = 900.00 元" in text
    hourly = overtime_pay(Decimal("3480"), extended_hours=2, basis="hour").explain()
    assert "小时工资 20 × 8 = 160.00 元" in hourly and "20 × 2 × 150% = 60.00 元" in hourly
    # a month said as a month reads as before
    assert "日工资 = 月工资 4,500 ÷ 21.75" in overtime_pay(Decimal(4500), statutory_days=1).explain()


async def test_the_overtime_reply_and_its_ticket_show_the_day_s_pay():
    text = "老板一分加班费都没给 初一到初三都在干"
    message = parse(text, "overtime_pay")
    slots = {"monthly_wage": 6525, "wage_basis": "day", "overtime_days": "初一到初三"}
    tracker = Tracker("w", slots, message, [{"event": "user", "text": text, "parse_data": message}],
                      False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    events = await ActionCalculateOvertime().run(dispatcher, tracker, {})
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "2,700.00" in said and "6,525" not in said
    case = next(e["value"] for e in events if e.get("name") == "pending_case")
    assert case["facts"]["daily_wage"] == 300 and "monthly_wage" not in case["facts"]


def test_a_case_summary_names_the_wage_as_said():
    tracker = Tracker("w", {"monthly_wage": 6525, "wage_basis": "day"}, {}, [], False, None, {},
                      "action_listen")
    assert context_facts(tracker, {}) == {"daily_wage": 300}
    assert wage_as_said(4500, None) == ("monthly_wage", 4500)
    assert wage_as_said(3480, "hour") == ("hourly_wage", 20)


async def test_a_month_said_after_a_day_s_pay_replaces_how_it_was_said():
    text = "不对 我是一个月六千的"
    message = parse(text, "inform")
    tracker = Tracker("w", {"monthly_wage": 6525, "wage_basis": "day"}, message,
                      [{"event": "user", "text": text, "parse_data": message}], False, None, {},
                      "action_listen")
    events = await slot_mappings.ValidateSlotMappings().run(CollectingDispatcher(), tracker, {})
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["monthly_wage"] == 6000 and slots["wage_basis"] is None
    assert slots["last_correction"] == [{"slot": "monthly_wage", "old": 300, "new": 6000}] or \
        slots["last_correction"][0]["new"] == 6000
