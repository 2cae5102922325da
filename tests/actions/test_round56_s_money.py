"""Round 56, helper s: the testers' XU-4, XU-5 and XS-15 (money talk of migrant workers).

XU-4: 加班费一小时才给15块 — the 15 元 an hour paid for overtime was taken as the worker's own hourly wage and
the shortfall never worked out: the law's rate an hour is the worker's own wage ÷ 21.75 ÷ 8 × 150 % / 200 % /
300 %, weighed against the 15 paid, per hour and in total for the hours said.
XU-5: 老乡在福建福鼎皮革厂 一个月才一千八 合法吗 from a worker in 青岛 was compared with 青岛's minimum wage:
the pay is the fellow villager's, so 福鼎's record is the one (1,960 in the seed).
XS-15: 俺除夕初一初二都上班了 after a question of the rule alone (除夕算不算法定假日) was dated to the coming
festival; worked already, it is the festival gone by — and the talk that spoke of the worker's own festival
as arranged (XA-3: 过年厂里让上班) keeps its year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.overtime_days import added_days, read_worked_days

TODAY = date(2026, 12, 7)


def _talk(texts: list[str], slots: dict, intent: str = "overtime_pay") -> Tracker:
    events = []
    for text in texts:
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": text, "parse_data": parse(text, intent)}]
    events += [{"event": "slot", "name": k, "value": val} for k, val in slots.items()]
    return Tracker("worker-56s", slots, parse(texts[-1], intent), events, False, None, {}, "action_listen")


async def _overtime(texts: list[str], slots: dict) -> tuple[str, dict]:
    from actions.wages import ActionCalculateOvertime

    dispatcher = CollectingDispatcher()
    events = await ActionCalculateOvertime().run(dispatcher, _talk(texts, slots), {})
    return "\n".join(m.get("text") or "" for m in dispatcher.messages), slot_values(events)


# --- XU-4: the overtime rate paid an hour -------------------------------------------------------------

@pytest.mark.parametrize("text", ["加班费一小时才给15块", "我们加班一小时15块", "加班费按15块一小时算",
                                  "加班一小时给十五块钱 我工资三千五", "平时加班 一个钟头就给15块 合理不",
                                  "一小时加班费才15", "加班费一小时15块 一个月4000"])
def test_the_rate_paid_an_hour_is_read(text):
    from actions.overtime_days import overtime_rate_paid

    assert overtime_rate_paid(text) == Decimal(15), text


@pytest.mark.parametrize("text", ["一小时20块 每天加班3小时", "时薪20", "加班3个小时 给了60块", "加班一小时算多少钱",
                                  "加班费一个月才给300", "每天加班两个小时"])
def test_no_rate_paid_in_other_words(text):
    from actions.overtime_days import overtime_rate_paid

    assert overtime_rate_paid(text) is None, text


def test_the_rate_paid_is_no_hourly_wage_for_the_facts_reader():
    from actions.overtime_days import is_overtime_rate

    text = "我们加班一小时15块 我一个月三千五"
    at = text.index("15")
    assert is_overtime_rate(text, at, at + 3)
    at = text.index("三千五")
    assert not is_overtime_rate(text, at, at + 3)


async def test_the_law_rate_against_the_rate_paid_and_the_shortfall():
    text = "我在青岛一个电子厂 一个月4000 加班费一小时才给15块 上个月加了60个小时 这合理吗"
    said, slots = await _overtime([text], {"monthly_wage": 4000, "overtime_days": text})
    # 4,000 ÷ 21.75 ÷ 8 = 22.99; × 150 % = 34.48; 60 h × 150 % = 2,068.97; paid 15 × 60 = 900
    assert "22.99" in said and "34.48" in said and "19.48" in said, said
    assert "900.00" in said and "1,168.97" in said, said
    assert slots.get("amount") == 1168.97, slots


async def test_the_rate_read_as_the_hourly_wage_is_not_summed_on():
    """加班一小时给十五块钱 read as an hourly wage of 15 (2,610 a month): the 3,500 said beside it is the wage."""
    text = "俺们厂加班一小时给十五块钱 俺工资三千五 上个月加了八十个钟头 这个合法不"
    said, slots = await _overtime([text], {"monthly_wage": 2610, "wage_basis": "hour", "overtime_days": text})
    # 3,500 ÷ 21.75 ÷ 8 × 80 × 150 % = 2,413.79; paid 15 × 80 = 1,200
    assert "2,413.79" in said and "1,213.79" in said and "2,610" not in said, said
    assert slots.get("monthly_wage") == 3500 and slots.get("wage_basis") is None, slots


async def test_the_rate_alone_asks_the_wage():
    text = "加班一小时才15块 上个月加了60个小时"
    said, slots = await _overtime([text], {"monthly_wage": 2610, "wage_basis": "hour", "overtime_days": text})
    assert "不是您的工资" in said and "一个月工资多少" in said and "合计" not in said, said
    assert slots.get("monthly_wage") is None


async def test_an_hourly_wage_said_apart_stays():
    """Near-miss: 时薪15 加班一小时也是15 — the worker's own wage is 15 an hour."""
    text = "时薪15 加班一小时也是15 上个月加了60个小时"
    said, _ = await _overtime([text], {"monthly_wage": 2610, "wage_basis": "hour", "overtime_days": text})
    assert "合计" in said and "一个月工资多少" not in said, said


# --- XU-5: another person's pay is weighed against their place's minimum wage --------------------------

@pytest.mark.parametrize("text,who,place", [("老乡在福建福鼎皮革厂 一个月才一千八 合法吗", "老乡", "福鼎"),
                                            ("我表弟在东莞电子厂 一个月两千 合法不", "表弟", "东莞")])
def test_someone_elses_place_is_read(text, who, place):
    from actions.places import someone_elses_pay_place

    assert someone_elses_pay_place(text) == (who, place)


@pytest.mark.parametrize("text", ["我老乡在福鼎 我在青岛一个月两千", "我在青岛 一个月一千八 合法吗",
                                  "老乡在厂里 一个月一千八"])
def test_no_one_elses_place(text):
    from actions.places import someone_elses_pay_place

    assert someone_elses_pay_place(text) is None


@pytest.mark.asyncio(loop_scope="module")
async def test_a_fellow_villagers_pay_against_their_places_minimum(backend):
    from actions.wages import ActionMinimumWage

    text = "俺在青岛黄岛打工 想问问 老乡在福建福鼎皮革厂 一个月才一千八 合法吗"
    tracker = _talk([text], {"city": "青岛", "district": "黄岛区", "monthly_wage": 1800}, "minimum_wage")
    dispatcher = CollectingDispatcher()
    await ActionMinimumWage().run(dispatcher, tracker, {})
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "福鼎" in said and "1960" in said.replace(",", "") and "青岛" not in said, said
    assert "低于" in said and "160" in said, said


# --- XS-15: a festival said worked is the one gone by, unless the talk fixed it --------------------------

def _years(text: str) -> set[int]:
    return {d.year for d in read_worked_days(text, TODAY).dates}


@pytest.mark.parametrize("before", ["除夕算不算法定假日", "过年初一加班给几倍", "春节加班费咋算 初一到初三是三倍吗"])
@pytest.mark.parametrize("said", ["俺除夕初一初二都上班了", "我初一到初三都上了 一个月五千", "初一到初三我已经上了"])
def test_a_festival_worked_after_a_question_of_the_rule_is_the_one_gone_by(before, said):
    days = added_days(before, said)
    assert _years(days or said) == {2026}, days


@pytest.mark.parametrize("before", ["除夕算不算法定假日", "过年厂里让上班 初一上班给几倍工资"])
def test_a_question_ahead_keeps_the_coming_festival(before):
    assert _years(added_days(before, "要是初一到初三都上呢") or "要是初一到初三都上呢") == {2027}


def test_the_festival_arranged_for_the_worker_keeps_its_year():
    """XA-3 (tests/actions/test_round45_i_overtime.py): the talk of 厂里让上班 keeps its festival."""
    days = added_days("过年厂里让上班 初一上班给几倍工资", "其实初一到初五都上了 初四初五也没给调休")
    assert days and _years(days) == {2027}, days
