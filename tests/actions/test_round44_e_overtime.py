"""Independent tester YW, round 44 — engineer e: the overtime sum after days added on the ticket
offer (YW-2: 还有俩周六也上了 kept 金额 1,125, and 那一共该给多少钱 got the menu), and the whole
Spring Festival said to the days question (YW-10: 七天全上 got 没听明白加班的日子)."""

from __future__ import annotations

from datetime import date

import pytest
from form_trackers import form_tracker, parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.forms import ValidateOvertimeForm, ValidateTicketOfferForm
from actions.overtime_calculator import amount_on_new_days, total_reply
from actions.overtime_days import read_worked_days, whole_holiday_said
from actions.slot_mappings import ValidateSlotMappings
from actions.tickets import ActionAskWantsTicket

TODAY = date(2026, 12, 7)
FIRST = "上个月加班了三十个小时一分加班费没给 这个该给多少"
CASE = {"type": "overtime_pay", "facts": {"monthly_wage": 4350, "overtime_days": FIRST, "amount": 1125}}


def _offer(text: str, set_now: dict | None = None) -> Tracker:
    """The overtime offer of YW-2 (30 weekday hours at 4,350: 1,125), then ``text``."""
    form = "ticket_offer_form"
    events = [{"event": "user", "text": FIRST, "parse_data": parse(FIRST, "overtime_pay")},
              {"event": "active_loop", "name": "overtime_form"}, {"event": "active_loop", "name": None},
              {"event": "bot", "text": "合计：依法应付加班工资不少于 1,125.00 元"},
              {"event": "action", "name": form}, {"event": "active_loop", "name": form},
              {"event": "slot", "name": "requested_slot", "value": "wants_ticket"},
              {"event": "bot", "text": "要不要我帮您登记一张加班费工单，转给您所在的网格工作站跟进？"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, "inform")},
              {"event": "action", "name": form},
              *({"event": "slot", "name": k, "value": val} for k, val in (set_now or {}).items())]
    slots = {"pending_case": CASE, "monthly_wage": 4350, "overtime_days": FIRST, "requested_slot": "wants_ticket",
             **(set_now or {})}
    return Tracker("worker-44e", slots, parse(text, "inform"), events, False, None, {"name": form},
                   "action_listen")


async def _offer_turn(text: str) -> tuple[dict, str]:
    """The message on the offer as make run reads it: the facts reader, the form, the summary."""
    read = slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), _offer(text), DOMAIN))
    dispatcher = CollectingDispatcher()
    tracker = _offer(text, read)
    tracker.slots.update(slot_values(await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN)))
    if tracker.slots.get("wants_ticket") is None:
        await ActionAskWantsTicket().run(dispatcher, tracker, DOMAIN)
    return tracker.slots, "\n".join(m.get("text") or "" for m in dispatcher.messages)


# --- YW-2: days added on the offer, the amount worked out again ---------------------------------

@pytest.mark.parametrize("text", ["哦对了 还有俩周六也上了没给调休", "还有两个周六也加班了 没调休",
                                  "另外俩礼拜六也上班了 没给补休"])
async def test_rest_days_added_on_the_offer_redo_the_amount(text):
    """YW-2: 1,125 + 2 × 4,350 ÷ 21.75 × 200 % = 1,925 on the case, the summary and said."""
    slots, said = await _offer_turn(text)
    facts = slots["pending_case"]["facts"]
    assert facts["amount"] == 1925, facts
    assert "1,925.00" in said and "· 金额：1,925 元" in said and "1,125 元" not in said, said


async def test_a_yes_on_the_offer_leaves_the_amount():
    slots, _ = await _offer_turn("好的")
    assert slots["pending_case"]["facts"]["amount"] == 1125


def test_the_amount_follows_the_days_only_when_it_was_their_sum():
    before = CASE["facts"]
    after = {**before, "overtime_days": f"{FIRST} 还有俩周六也上了"}
    assert amount_on_new_days(before, after)[0] == 1925
    # 干了半年 summed by the month (6 × 1,125): six months of the new sum
    assert amount_on_new_days({**before, "amount": 6750}, after)[0] == 6 * 1925
    # the worker's own figure, or the same days said again: left as it is
    assert amount_on_new_days({**before, "amount": 3000}, after) is None
    assert amount_on_new_days(before, {**before, "overtime_days": f"{FIRST} 平时30个小时"}) is None
    # a day's wage (一天两百): the month it stands for
    daily = {"daily_wage": 200, "overtime_days": "周末两天", "amount": 800}
    assert amount_on_new_days(daily, {**daily, "overtime_days": "周末两天 平时还加了30个小时"})[0] == 1925


# --- YW-2: 那一共该给多少钱 after the sum (the router's hook) ----------------------------------

ADDED = {"monthly_wage": 4350, "overtime_days": f"{FIRST} 哦对了 还有俩周六也上了没给调休", "amount": 1925}


@pytest.mark.parametrize("text", ["那一共该给多少钱", "加起来多少", "总共能要多少钱啊", "一共是多少呢"])
def test_the_total_asked_after_the_sum_is_said(text):
    reply = total_reply(text, ADDED)
    assert reply and "不少于 1,925.00 元" in reply and "800.00" in reply and "1,125.00" in reply, reply


@pytest.mark.parametrize("text", ["一共加了30个小时", "那周日加班给多少", "一共欠了我多少工资",
                                  "还有两个周日 一共多少"])
def test_no_total_for_other_words(text):
    """Near misses: a count told, one kind of day asked, the wage owed, days added (summed first)."""
    assert total_reply(text, ADDED) is None


def test_the_total_of_months_says_the_months():
    facts = {"monthly_wage": 4350, "overtime_days": "平时一个月加班30个小时", "amount": 6750}
    reply = total_reply("那一共多少钱", facts)
    assert "1,125.00" in reply and "6 个月" in reply and "6,750.00" in reply, reply


# --- YW-10: 七天全上 after 过年那几天 -----------------------------------------------------------

BEFORE = ["那我老乡在广东送外卖的 他那边呢", "过年那几天我要是在工地上班 加班费咋算 我一个月八千七"]


@pytest.mark.parametrize("text,days", [("七天全上", 7), ("七天都上了", 7), ("7天都干了", 7),
                                       ("全上了", 8), ("一天没歇", 8), ("天天都上", 8)])
def test_the_whole_festival_talked_about_is_its_days(text, days):
    """YW-10 (asked about the coming festival, 2027: 除夕 5 February): the seven days counted, or
    the calendar's whole break when no count is said."""
    joined = whole_holiday_said(text, BEFORE, TODAY)
    worked = read_worked_days(joined, TODAY)
    assert worked.dates[0] == date(2027, 2, 5) and len(worked.dates) == days, (joined, worked.dates)


@pytest.mark.parametrize("text,before", [
    ("七天", BEFORE),                                 # a bare count: the form's own rule
    ("周末全上了", BEFORE),                            # its own kind of day
    ("全上了", ["过年放几天假", "那周末加班呢"]),        # the weekend talked about since
    ("全上了", ["我在厂里上班 一个月五千"]),             # no holiday talked about
])
def test_no_festival_days_for_near_misses(text, before):
    assert whole_holiday_said(text, before, TODAY) is None


@pytest.mark.parametrize("text,first,last", [
    ("过年全上了", date(2026, 2, 16), date(2026, 2, 23)),  # said as done: the festival behind
    ("春节一天没歇", date(2026, 2, 16), date(2026, 2, 23)),  # (was 除夕 alone)
    ("过年俺一天都没休", date(2026, 2, 16), date(2026, 2, 23)),
    ("国庆一天没歇", date(2026, 10, 1), date(2026, 10, 7)),  # (was 10月1日 alone)
])
def test_the_whole_festival_said_with_its_name(text, first, last):
    worked = read_worked_days(text, TODAY)
    assert (worked.dates[0], worked.dates[-1]) == (first, last), worked.dates


def test_no_whole_festival_in_a_question_about_it():
    assert not read_worked_days("春节放几天", TODAY) and not read_worked_days("过年那几天加班费咋算", TODAY)


async def test_the_overtime_form_takes_seven_days_all_worked():
    """YW-10 as the form reads it: 七天全上 to 加班是哪几天 fills the days, no 没听明白."""
    tracker = form_tracker("overtime_form", "overtime_days", "七天全上", slots={"monthly_wage": 8700})
    tracker.events[:0] = [{"event": "user", "text": t} for t in BEFORE]
    found = ValidateOvertimeForm().extract_overtime_days(None, tracker, {})
    assert len(read_worked_days(found["overtime_days"]).dates) == 7, found
    dispatcher = CollectingDispatcher()
    events = await ValidateOvertimeForm().run(dispatcher, tracker, DOMAIN)
    assert slot_values(events).get("overtime_days") == found["overtime_days"], events
    assert not any("没听明白" in (m.get("text") or "") or m.get("response") == "utter_invalid_overtime_days"
                   for m in dispatcher.messages), dispatcher.messages
