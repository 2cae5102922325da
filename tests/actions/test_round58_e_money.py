"""Round 58, helper e: the money testers VA found unanswered or wrong (/work/indep/results-VA.md).

VA-2 初四初五補休了 after 初一到初五 (1,200 summed instead of 2,700), VA-15 一小时只给15块加班费 这合法吗 差多少
(never answered), VA-4 成都 1900 算不算违法 (the no-record line looped, the law never said). Changes outside
the helper's files are in /work/indep/hooks-e.md."""

from __future__ import annotations

from decimal import Decimal

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from actions.overtime_calculator import rate_paid_reply, worked_pay
from actions.overtime_days import added_days, overtime_rate_paid, read_worked_days
from bot.normalize.text import normalize_text

on_module_loop = pytest.mark.asyncio(loop_scope="module")


# --- VA-2: 那要是廠裡後來給初四初五補休了 after 初一到初五: the statutory days stay, the rest days go ----------

VA2_FIRST = ("請問一下 我在青島上班 月薪6525 過年從初一上到初五 五天都沒休 廠裡也沒給調休 加班費一共該給多少 "
             "初四初五是不是也算三倍")
VA2_THEN = "那要是廠裡後來給初四初五補休了 還能拿多少 我已經離職兩個月了 還來得及要嗎"


def test_rest_days_given_off_if_so_leave_the_statutory_days_summed():
    days = added_days(normalize_text(VA2_FIRST), normalize_text(VA2_THEN))
    assert days is not None
    pay = worked_pay(Decimal(6525), read_worked_days(days))
    assert pay.total == Decimal("2700.00"), pay


def test_another_period_supposed_is_still_no_days_added():
    assert added_days(normalize_text(VA2_FIRST), "那下个月要是加5个周六呢") is None


# --- VA-15: 厂里一小时只给15块加班费 这合法吗 差多少 ----------------------------------------------------

VA15 = "月工资4350 这个月每天下班后加两个小时 干了22天 哦不对是20天 厂里一小时只给15块加班费 这合法吗 差多少"


@pytest.mark.parametrize("text,rate", [(VA15, Decimal(15)), ("一小时给20块钱的加班费", Decimal(20))])
def test_a_rate_said_before_the_word_overtime_pay_is_the_rate_paid(text, rate):
    assert overtime_rate_paid(text) == rate


@pytest.mark.parametrize("text", ["我一小时15块 加班费没给", "时薪一小时15块加班费另算"])
def test_the_own_hourly_pay_beside_overtime_pay_is_no_rate_paid(text):
    assert overtime_rate_paid(text) is None


def test_the_rate_paid_is_said_unlawful_with_the_shortfall():
    worked = read_worked_days("这个月每天下班后加两个小时 干了20天")
    said = rate_paid_reply(worked_pay(Decimal(4350), worked), Decimal(15), worked)
    assert "不合法" in said and "900.00 元" in said and "37.50" in said, said


def test_a_rate_paid_at_the_law_is_not_said_unlawful():
    worked = read_worked_days("这个月每天下班后加两个小时 干了20天")
    said = rate_paid_reply(worked_pay(Decimal(4350), worked), Decimal(40), worked)
    assert "不合法" not in said, said


# --- VA-4: 成都 (no record) 1900 算不算违法嘛 / 要是低了咋个投诉 ---------------------------------------

VA4_FIRST = "成都最低工资好多哦 我在馆子头打工一个月才拿1900 算不算违法嘛 还有一个钟头最低又是好多"
VA4_THEN = "那我1900到底算不算违法嘛 要是低了咋个投诉"
NO_RECORD = "成都的最低工资标准我这里还没有收录，不能拿别的地方的数给您；可以打当地人社部门电话 12333 核实。"


def _said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@on_module_loop
async def test_pay_asked_of_a_city_not_on_record_gets_the_law_and_where_to_complain(backend):
    from actions.wages import ActionMinimumWage

    dispatcher = CollectingDispatcher()
    tracker = conversation([(VA4_FIRST, "minimum_wage", [NO_RECORD]), (VA4_THEN, "minimum_wage", [])],
                           slots={"city": "成都市", "monthly_wage": 1900})
    await ActionMinimumWage().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "utter_no_minimum_wage" not in said and "还没有收录" not in said, said  # not the no-record line again
    assert "违法" in said and "第四十八条" in said and "12333" in said and "1,900" in said, said


@on_module_loop
async def test_a_city_not_on_record_asked_plainly_gets_the_no_record_line_alone(backend):
    from actions.wages import ActionMinimumWage

    dispatcher = CollectingDispatcher()
    tracker = conversation([("成都最低工资多少", "minimum_wage", [])], slots={"city": "成都市"})
    await ActionMinimumWage().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "utter_no_minimum_wage" in said and "第四十八条" not in said, said
