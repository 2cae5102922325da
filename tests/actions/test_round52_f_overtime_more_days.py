"""Round 52, helper f (the lead's L52-8): 我一个月到手五千二 过年初一到初三都在厂里上班 能拿多少加班费 got
2,151.72; then 初四也上了 REPLACED the days (初四 alone, 478.16) — days said with 也 / 还有 / 另外 / 再加上 are
more days, added to the days before even when of the same kind (初一–初三 at 300 % + 初四 at 200 % =
2,629.88); 厂里给了我一千 right after the sum got the generic menu — a payment told after the sum is
answered with the shortfall (2,629.88 − 1,000 = 1,629.88); 那还差多少 then gave the 初四-only sum — it
is the same shortfall on all the days."""

from __future__ import annotations

from decimal import Decimal

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.overtime_calculator import TOTAL_LABEL, case_overtime, total_reply
from actions.overtime_days import added_days, describe_worked, read_worked_days
from actions.router import ActionStartService

on_module_loop = pytest.mark.asyncio(loop_scope="module")

FIRST = "我一个月到手五千二 过年初一到初三都在厂里上班 能拿多少加班费"
# 5,200 ÷ 21.75 = 239.08 a day: 初一–初三 × 300 % = 2,151.72; a rest day × 200 % = 478.16
THREE = Decimal("2151.72")
WITH_ONE_REST_DAY = Decimal("2629.88")  # 初四
WITH_TWO_REST_DAYS = Decimal("3108.04")  # 初五初六 / 两个周六
WITH_EVE = Decimal("2868.97")  # 除夕: a fourth statutory day


def _sum(days: str | None) -> Decimal | None:
    pay = case_overtime({"monthly_wage": 5200, "overtime_days": days})
    return pay.total if pay else None


# --- 1. 也 / 还有 / 另外: more days, added ---------------------------------------------------------

MORE = [("初四也上了", WITH_ONE_REST_DAY), ("再加上初四", WITH_ONE_REST_DAY), ("另外初四也去了", WITH_ONE_REST_DAY),
        ("初五初六也去了", WITH_TWO_REST_DAYS), ("初四初五也加了班", WITH_TWO_REST_DAYS),
        ("除夕那天也干了", WITH_EVE), ("还有两个周六", WITH_TWO_REST_DAYS),
        ("另外周末还干了两天", WITH_TWO_REST_DAYS), ("两个周六也去了", WITH_TWO_REST_DAYS)]


@pytest.mark.parametrize("said,total", MORE)
def test_days_said_with_also_are_added_to_the_days_before(said, total):
    """L52-8: 初四也上了 after 初一到初三 summed 初四 alone (478.16, not 2,629.88)."""
    days = added_days(FIRST, said)
    assert days and _sum(days) == total, days
    assert added_days(days, said) == days  # (the router reads them again the same turn: added once)
    years = {d.year for d in read_worked_days(days).dates}
    assert len(years) == 1, days  # (初四也上了 is the festival talked about, not the one gone by)


def test_the_days_added_are_described_as_all_the_days():
    said = describe_worked(added_days(FIRST, "初四也上了"))
    assert said.count("至") == 1 and "、" not in said, said  # (one run of four days: 2月6日至2月9日)
    assert "休息日2天" in describe_worked(added_days(FIRST, "还有两个周六"))


@pytest.mark.parametrize("said", ["还有两个周六", "另外还有两个周日也上班了", "周日也干了两天"])
def test_rest_days_of_the_same_kind_are_counted_together(said):
    """四个周六, then 还有两个周六: 6 rest days (2,868.97), not the 4 read first."""
    days = added_days("月薪5200 上个月干了四个周六 加班费怎么算", said)
    assert days and read_worked_days(days).rest_days == 6 and _sum(days) == Decimal("2868.97"), days


def test_rest_days_counted_as_more_beside_the_dates_are_read():
    worked = read_worked_days("过年初一到初三都上了 还有两个周六")
    assert (len(worked.dates), worked.rest_days) == (3, 2)
    assert read_worked_days("初一到初三 另外两个周末").rest_days == 4


@pytest.mark.parametrize("said", ["初四也没上", "初四也放假了", "初四初五也给补休了"])
def test_days_not_worked_are_not_added(said):
    """Near-misses: 也没上 / 也放假了 / 也补休了 say no more days worked."""
    days = added_days(FIRST, said) or said
    assert _sum(days) != WITH_ONE_REST_DAY and _sum(days) != WITH_TWO_REST_DAYS, days


def test_days_among_those_counted_and_corrections_stand():
    assert _sum(added_days(FIRST, "初三也上了")) == THREE  # said again: nothing new
    assert read_worked_days("初一到初三 还有两个周六也没上").rest_days == 0
    corrected = added_days(FIRST, "不对 是初四") or "不对 是初四"
    assert _sum(corrected) != WITH_ONE_REST_DAY, corrected  # a correction replaces the days


# --- 2. 厂里给了我一千 right after the sum: the shortfall ---------------------------------------------

DAYS = added_days(FIRST, "初四也上了")
PAID = [("厂里给了我一千", "2,629.88 − 1,000 = 1,629.88"), ("发了800加班费", "2,629.88 − 800 = 1,829.88"),
        ("只给了500", "2,629.88 − 500 = 2,129.88"), ("老板就给了八百块", "2,629.88 − 800 = 1,829.88"),
        ("加班费给了我1500", "2,629.88 − 1,500 = 1,129.88"), ("只给了500 这合法吗", "2,629.88 − 500 = 2,129.88")]


@pytest.mark.parametrize("said,working", PAID)
def test_a_payment_told_after_the_sum_is_answered_with_the_shortfall(said, working):
    reply = total_reply(said, {"monthly_wage": 5200, "overtime_days": DAYS})
    assert reply and working in reply, reply
    assert "2,151.72" in reply and "478.16" in reply  # (the parts of the sum)


def test_a_payment_of_the_whole_sum_or_more_is_not_short():
    reply = total_reply("厂里一共给了我三千", {"monthly_wage": 5200, "overtime_days": DAYS})
    assert reply and "不差" in reply and "−" not in reply, reply


@pytest.mark.parametrize("said", ["他一个月给了我5200", "一天给了我200", "过年红包给了一千", "给了我一千 还差多少",
                                  "工资给了我三千"])
def test_other_money_is_no_payment_for_the_sum(said):
    """Near-misses: the wage, a day's pay, a red packet; a payment asked about (the form sums it, K-02)."""
    reply = total_reply(said, {"monthly_wage": 5200, "overtime_days": DAYS})
    assert not reply or "1,629.88" not in reply, reply


# --- 1–3 as the conversation carries them ------------------------------------------------------------

def _after(turns: list[tuple[str, str, str]], text: str, intent: str, slots: dict) -> Tracker:
    """The talk so far (worker's words, intent, the bot's reply), then ``text``."""
    events: list[dict] = []
    for said, said_intent, reply in turns:
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": said, "parse_data": parse(said, said_intent)},
                   {"event": "active_loop", "name": "overtime_form"}, {"event": "active_loop", "name": None},
                   {"event": "action", "name": "action_calculate_overtime"}, {"event": "bot", "text": reply}]
    events += [{"event": "action", "name": "action_listen"},
               {"event": "user", "text": text, "parse_data": parse(text, intent)}]
    return Tracker("worker-52f", dict(slots), parse(text, intent), events, False, None, {}, "action_listen")


def _texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@on_module_loop
async def test_the_days_said_with_also_reach_the_slot(backend):
    """L52-8 as make run reads it: the slot mapping takes 初四也上了 (the holiday entity) after the sum."""
    from actions.slot_mappings import ValidateSlotMappings

    said = "初四也上了"
    message = parse(said, "overtime_pay", [{"entity": "holiday", "value": "初四", "start": 0, "end": 2}])
    events = [{"event": "user", "text": FIRST, "parse_data": parse(FIRST, "overtime_pay")},
              {"event": "action", "name": "action_calculate_overtime"},
              {"event": "bot", "text": f"{TOTAL_LABEL} 2,151.72 元"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": said, "parse_data": message}]
    tracker = Tracker("worker-52f", {"monthly_wage": 5200, "overtime_days": FIRST}, message, events, False,
                      None, {}, "action_listen")
    read = slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), tracker, DOMAIN))
    days = read.get("overtime_days", FIRST)
    assert _sum(days) == WITH_ONE_REST_DAY, days


@on_module_loop
@pytest.mark.parametrize("said,intent", [("厂里给了我一千", "inform"), ("厂里给了我一千", "wage_arrears")])
async def test_the_payment_is_answered_after_the_sum(backend, said, intent):
    """L52-8: 厂里给了我一千 right after the 2,629.88 sum got 收到…请问您想办理什么事情."""
    tracker = _after([(FIRST, "overtime_pay", f"{TOTAL_LABEL} 2,151.72 元"),
                      ("初四也上了", "overtime_pay", f"{TOTAL_LABEL} 2,629.88 元")],
                     said, intent, {"monthly_wage": 5200, "overtime_days": DAYS, "amount": 1000})
    dispatcher = CollectingDispatcher()
    await ActionStartService().act(dispatcher, tracker, DOMAIN)
    assert "2,629.88 − 1,000 = 1,629.88" in _texts(dispatcher), _texts(dispatcher)


@on_module_loop
async def test_the_shortfall_asked_after_the_payment_is_on_all_the_days(backend):
    """L52-8: 那还差多少 after 厂里给了我一千 repeated the 初四-only sum (478.16)."""
    from actions.fallback import understood_anyway

    turns = [(FIRST, "overtime_pay", f"{TOTAL_LABEL} 2,151.72 元"),
             ("初四也上了", "overtime_pay", f"{TOTAL_LABEL} 2,629.88 元"),
             ("厂里给了我一千", "inform", "单位给了 1,000 元：2,629.88 − 1,000 = 1,629.88 元")]
    tracker = _after(turns, "那还差多少", "nlu_fallback", {"monthly_wage": 5200, "overtime_days": DAYS})
    dispatcher = CollectingDispatcher()
    await understood_anyway(dispatcher, tracker, DOMAIN)
    assert "2,629.88 − 1,000 = 1,629.88" in _texts(dispatcher), _texts(dispatcher)


def test_the_shortfall_of_the_payment_is_what_is_filed_after_it():
    """能让工会帮我要吗 after the payment's shortfall: the case is the 1,629.88 short, not 2,629.88."""
    from actions.take_back import overtime_sum_to_file

    reply = total_reply("厂里给了我一千", {"monthly_wage": 5200, "overtime_days": DAYS})
    turns = [(FIRST, "overtime_pay", f"{TOTAL_LABEL} 2,151.72 元"),
             ("初四也上了", "overtime_pay", f"{TOTAL_LABEL} 2,629.88 元"), ("厂里给了我一千", "inform", reply)]
    tracker = _after(turns, "能让工会帮我要吗", "nlu_fallback", {"monthly_wage": 5200, "overtime_days": DAYS})
    facts = overtime_sum_to_file(tracker, "能让工会帮我要吗")
    assert facts and facts["amount"] == 1629 and "单位已付 1,000 元" in facts.get("case_points", ""), facts
