"""Independent tester XG, round 48 — helper a: the hours of a holiday or rest day worked are that
day's length, not weekday overtime (XG-2: 初五也上了 初一也上了 各8小时 summed 1,300 with 8 phantom
weekday hours, then 600 as 16 hours at 150 %; XG-6: 除夕到初三都上 每天8个钟 added 137.93), and
days said in an earlier message are not asked again (XG-12: 国庆1号到3号, XG-15: 初二初六各干一天)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.overtime_calculator import case_overtime, overtime_pay
from actions.overtime_days import (
    added_days,
    days_said_again,
    holiday_days_said_bare,
    read_worked_days,
)
from actions.slot_mappings import ValidateSlotMappings

TODAY = date(2026, 12, 7)
on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend runs on that loop
XG2 = "过年厂里让加斑 初五也上了 初一也上了 各8小时 能拿几被工资啊"


def _sum(text: str, wage: int) -> Decimal:
    worked = read_worked_days(text, TODAY)
    assert worked and not worked.needs_period, text
    return overtime_pay(wage, worked.statutory_days, worked.rest_days, worked.extended_hours,
                        dates=worked.dates, comp_days=worked.comp_days, rest_hours=worked.rest_hours,
                        holiday_hours=worked.holiday_hours).total


# --- XG-2 / XG-6: a holiday's hours are its length --------------------------------------------

@pytest.mark.parametrize("text", [XG2, "初一初五都上了 一天8个钟头", "初一和初五上班 每天8小时",
                                  "初五也上了 初一也上了 各上了8个钟头", "初一上了8小时 初五也上了8小时",
                                  "初一初五各加了8个小时班"])
def test_a_holiday_day_of_8_hours_is_no_weekday_overtime(text):
    """XG-2: 初一 300 % (600) + 初五 rest day 200 % (400) = 1,000 on 4,350 — no 300 of 150 %."""
    worked = read_worked_days(text, TODAY)
    assert worked.extended_hours == 0 and not worked.needs_period, text
    assert _sum(text, 4350) == Decimal("1000.00")


@pytest.mark.parametrize("text", ["两千保底 除夕到初三都上 每天8个钟", "除夕到初三都上班了 一天干8个小时",
                                  "除夕到初三 每天上8个钟头"])
def test_the_festival_days_with_their_length(text):
    """XG-6: 2,000 ÷ 21.75 × 4 × 300 % = 1,103.45, nothing else, and no "每天加班一共多长时间"."""
    assert _sum(text, 2000) == Decimal("1103.45")


def test_national_day_with_its_length():
    assert _sum("国庆三天都上班了 每天8小时", 4350) == Decimal("1800.00")


def test_a_holiday_day_longer_than_8_hours():
    """初一初五 10 hours each: the 2 hours beyond 8 at the day's own rate (300 % / 200 %), not 150 %
    of all 10: 600 + 25 × 2 × 300 % + 400 + 25 × 2 × 200 % = 1,250."""
    assert _sum("初一初五都上了 每天10个小时", 4350) == Decimal("1250.00")


@pytest.mark.parametrize(("text", "hours"), [("初一初二也上了 平时每天加班2小时 干了一个月", 2),
                                             ("除夕到初三都上 每天8个钟 平时还加了20个小时", 20),
                                             ("国庆上了三天 平时下班还干了10个小时", 10)])
def test_weekday_hours_said_with_the_holiday_stay(text, hours):
    """Near-miss: hours said of weekdays (平时 / 下班) are overtime, beside the holiday."""
    assert read_worked_days(text, TODAY).hours_per_day == hours or \
        read_worked_days(text, TODAY).extended_hours == hours, text


@pytest.mark.parametrize("text", ["平时加了10个小时", "每天加班3小时 干了一个月", "周六上了一天 平时加了8个小时"])
def test_weekday_overtime_alone_unchanged(text):
    assert read_worked_days(text, TODAY).extended_hours > 0


# --- XG-2 turn 3: 我就上了那两天 每天8小时 is no 16 hours ---------------------------------------

@pytest.mark.parametrize("said", ["不对吧 我就上了那两天 每天8小时 没有别的加班 哪来的300",
                                  "不对 就那两天 一天8个钟头 没别的加班", "错了 我只上了那两天 每天8小时",
                                  "不对 就上了那两天班 每天就8个小时"])
def test_the_days_before_stand_after_8_hours_said_of_them(said):
    """XG-2: the correction says the two days were 8 hours each: 1,000, not 16 h × 150 % = 600."""
    read = read_worked_days(said, TODAY)
    assert read.extended_hours == 0, said
    days = added_days(XG2, said) or (said if read else XG2)
    assert case_overtime({"monthly_wage": 4350, "overtime_days": days}).total == Decimal("1000.00")


def test_the_days_held_are_not_replaced_by_the_pushback():
    """As make run reads it: the slot mappings keep the two festival days."""
    said = "不对吧 我就上了那两天 每天8小时 没有别的加班 哪来的300"
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": XG2, "parse_data": parse(XG2, "overtime_pay")},
              {"event": "slot", "name": "overtime_days", "value": XG2},
              {"event": "slot", "name": "monthly_wage", "value": 4350},
              {"event": "action", "name": "action_calculate_overtime"},
              {"event": "bot", "text": "合计：依法应付加班工资不少于 1,000.00 元"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": said, "parse_data": parse(said, "overtime_pay")}]
    tracker = Tracker("worker-48a", {"overtime_days": XG2, "monthly_wage": 4350}, parse(said, "overtime_pay"),
                      events, False, None, {}, "action_listen")
    set_now = slot_values(await_run(ValidateSlotMappings().run(CollectingDispatcher(), tracker, DOMAIN)))
    days = set_now.get("overtime_days", XG2)
    assert case_overtime({"monthly_wage": 4350, "overtime_days": days}).total == Decimal("1000.00")


def await_run(coroutine):
    import asyncio
    return asyncio.run(coroutine)


# --- XG-12 / XG-15: the days said before are read, not asked ------------------------------------

XG12 = "两个事 一是国庆1号到3号我都上班了厂里按平时给的 二是孩子明年上一年级 户口不在这边 能上吗 我在黄岛辛安街道"
XG15 = "在南宁跑快递过年不回去 广西工会有啥补贴 还有初二初六上班工资咋算 月薪3045"


@pytest.mark.parametrize("text", ["初二初六各干一天", "初二初六", "初二和初六各一天", "初二一天 初六一天",
                                  XG15, "先不用 加班钱呢 初二初六各干一天"])
def test_second_and_sixth_day(text):
    """XG-15: 3,045 ÷ 21.75 = 140; 初二 300 % = 420, 初六 200 % = 280; 700."""
    assert _sum(text, 3045) == Decimal("700.00")


@pytest.mark.parametrize("text", ["国庆1号到3号我都上班了", XG12, "我不是说了吗 国庆1号到3号"])
def test_national_day_first_to_third(text):
    """XG-12: 5,220 ÷ 21.75 = 240 × 3 × 300 % = 2,160."""
    assert _sum(text, 5220) == Decimal("2160.00")


def test_bare_days_after_national_day():
    assert holiday_days_said_bare("1号到3号", ["那国庆加班那个呢"], TODAY) == "国庆1号到3号"


@pytest.mark.parametrize(("held", "text"), [(XG15, "先不用 加班钱呢 初二初六各干一天"),
                                            (XG15, "初二初六上班工资咋算"),
                                            (XG12, "那国庆加班那个呢"),
                                            (XG12, "我不是说了吗 国庆1号到3号"),
                                            ("国庆1号到5号都上了", "国庆那三天呢")])
def test_days_said_again(held, text):
    """The days (or the holiday) the message names are the days held: not another kind of day."""
    assert days_said_again(held, text, TODAY)


@pytest.mark.parametrize(("held", "text"), [(XG12, "那要是周末加班呢"), (XG15, "那国庆加班呢"),
                                            ("国庆1号到3号我都上班了", "那国庆七天都上了呢"),
                                            (XG15, "那初七呢"), ("", "初二初六")])
def test_other_days_are_not_said_again(held, text):
    assert not days_said_again(held, text, TODAY)


def test_fifth_day_then_a_total_is_no_labour_day():
    """初一初五一共上了16个小时: 初五一共 holds no 五一 (劳动节)."""
    assert read_worked_days("初一初五一共上了16个小时", TODAY).dates == [date(2026, 2, 17), date(2026, 2, 21)]


# --- XG-12 / XG-15 as the router runs it (needs the hook in actions/router.py other_days_asked) ---

def _turn(first: str, slots: dict, said: str) -> Tracker:
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": first, "parse_data": parse(first, "inform")},
              *({"event": "slot", "name": k, "value": val} for k, val in slots.items()),
              {"event": "bot", "text": "要不要我帮您登记一张工单，转给您所在的网格工作站跟进？"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": said, "parse_data": parse(said, "overtime_pay")}]
    return Tracker("worker-48a", dict(slots), parse(said, "overtime_pay"), events, False, None, {},
                   "action_listen")


@on_module_loop
@pytest.mark.parametrize(("first", "slots", "said"), [
    (XG15, {"overtime_days": XG15, "monthly_wage": 3045, "city": "南宁"}, "先不用 加班钱呢 初二初六各干一天"),
    (XG12, {"overtime_days": XG12, "city": "青岛市"}, "那国庆加班那个呢")])
async def test_days_said_before_are_not_asked_again(backend, first, slots, said):
    """XG-15 / XG-12: the overtime form opens with the days said before, not 加班是哪几天."""
    from actions.router import ActionStartService
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, _turn(first, slots, said), DOMAIN)
    said_back = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert slot_values(events).get("overtime_days", first) is not None, events
    assert "加班是哪几天" not in said_back
