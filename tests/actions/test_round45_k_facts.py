"""Round 45 (tester XA, XB): the worker's facts read wrong.

XA-4 / XA-7: 不知道 said to the street or the time worked (asked under a ticket offer) was read
as "no phone". XA-6: 電話先不給 said with a question. XA-13: 俩月 then 一个月5200 was asked
一共欠了多少钱; 五六个 became 约好几个; 白天别打 下午两点以后 was dropped. XA-15 / XB-14: the
employer's name or trade cut from its description. XA-16: leave taken in 2020 read as the
Spring Festival plan, and 先不用 not heard as a no.
"""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker

from actions import validators as v
from actions.facts import call_time_told
from actions.slot_mappings import owed_per_month
from tests.actions.form_trackers import conversation, parse

ARREARS = v.Context(asked="employer", form="wage_arrears_form", intent="inform")


# --- XA-4 / XA-7: 不知道 is "unknown", not "no phone", when the phone was not asked ----------

@pytest.mark.parametrize("text", ["不知道", "不知道 记不清了", "记不清了", "不知道哪个街道", "算了"])
def test_unknown_on_the_offer_declines_no_phone(text):
    assert not v.declines_phone(text, asked=False)


@pytest.mark.parametrize("text", ["电话先不给", "先不留电话", "電話先不給", "先不留 我在青岛黄岛 我能参加吗",
                                  "不知道 黄岛那边的 电话就不留了"])
def test_a_phone_refused_in_words_is_heard_on_the_offer(text):
    assert v.declines_phone(text, asked=False)


@pytest.mark.parametrize("text", ["不知道", "不想留", "電話先不給 我想問問那個大病互助保障最多能賠多少"])
def test_the_phone_asked_still_takes_a_no(text):
    """Near miss: to the phone question itself, 不知道 / 先不给 still go on without one."""
    assert v.declines_phone(text)


# --- XA-13: the months owed times the month's pay, said in two messages ------------------------

def _after_months_owed(text: str, first: str = "我下夜班才有空 老板欠了俩月工资没发 转人工") -> Tracker:
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": first, "parse_data": parse(first, "wage_arrears")},
              {"event": "slot", "name": "duration", "value": "P2M"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, "inform")}]
    return Tracker("worker-1", {"duration": "P2M"}, parse(text, "inform"), events, False, None, {},
                   "action_listen")


@pytest.mark.parametrize("text", ["等不了了 我先跟你说吧 在黄岛区辛安街道一个电子厂 叫鑫达电子 一个月5200",
                                  "我在鑫达电子 一个月5200", "厂子叫鑫达电子 月工资5200"])
def test_months_owed_before_times_the_pay_said_now(text):
    assert owed_per_month(_after_months_owed(text), {"monthly_wage": 5200})["amount"] == 10400


def test_months_worked_in_a_legal_case_are_no_months_owed():
    """Near miss: 干了俩月 没签合同 is time worked; the pay said after it owes nothing."""
    tracker = _after_months_owed("一个月5200", first="干了俩月了 一直没签合同")
    assert "amount" not in owed_per_month(tracker, {"monthly_wage": 5200})


@pytest.mark.parametrize(("text", "count"), [("还有好几个工友 大概五六个吧", "约五六个"),
                                             ("好几个工友 三四个吧", "约三四个")])
def test_the_number_said_beats_the_vague_one(text, count):
    assert v.head_count_in(text) == count


@pytest.mark.parametrize("text", ["好几个工友", "跑了两三个地方", "欠了五六个月 好几个工友"])
def test_no_range_of_people_said(text):
    assert v.head_count_in(text) in (None, "约好几个工友")


@pytest.mark.parametrize(("text", "when"), [("18661712345 白天别打 下午两点以后", "白天别打，下午两点以后"),
                                            ("13791982245 晚上七点以后打", "晚上七点以后打"),
                                            ("电话18661712345，周末都行", "周末都行")])
def test_the_time_to_call_said_with_the_phone(text, when):
    assert call_time_told(conversation([(text, "inform", [])])) == when


def test_a_time_said_without_the_phone_is_no_time_to_call():
    tracker = conversation([("你们晚上有人吗 我一般半夜十二点才下班", "inform", ["……"]),
                            ("18661712345", "inform", [])])
    assert call_time_told(tracker) is None


# --- XA-15 / XB-14: the employer's name and trade kept with the description -------------------

@pytest.mark.parametrize(("text", "employer"), [
    ("叫什么美家装饰 老板姓陈", "美家装饰（老板姓陈）"),
    ("叫美家装饰 老板姓陈", "美家装饰（老板姓陈）"),
    ("一个姓王的老板开的火锅店 不知道叫啥名", "姓王的老板开的火锅店"),
    ("姓李的老板开了个小饭馆", "姓李的老板开了个小饭馆"),
])
def test_the_name_or_trade_stays_with_the_boss(text, employer):
    assert v.read_facts(text, [], ARREARS)["employer"] == employer
    assert v.employer_answer(text).value == employer


@pytest.mark.parametrize(("text", "employer"), [("一个姓王的老板 不知道叫啥名", "姓王的老板"),
                                                ("公司叫啥俺不知道", v.UNKNOWN)])
def test_no_name_said_adds_none(text, employer):
    assert v.employer_answer(text).value == employer


# --- XA-16: past leave is no holiday plan; 先不用 declines the offer ----------------------------

@pytest.mark.parametrize("text", ["先不用 我还想问 之前疫情那会儿请了三个月假回老家 说好的保底工资能补多少",
                                  "那时候放假回老家了 保底工资有吗",
                                  "前年请了俩月假回家 保底给不给"])
def test_leave_taken_once_is_no_holiday_plan(text):
    assert not v.holiday_situation(text).ok


@pytest.mark.parametrize("text", ["过年回老家", "我打算请假回家过年", "年后错峰返乡"])
def test_a_plan_to_go_home_is_still_read(text):
    assert v.holiday_situation(text).value == "return"


@pytest.mark.parametrize("text", ["先不用 我还想问 之前疫情那会儿请了三个月假回老家 说好的保底工资能补多少",
                                  "不用了，我就问问", "先不用了吧 我再想想"])
def test_a_no_said_first_declines_the_offer(text):
    assert v.declines_offer(text)


@pytest.mark.parametrize("text", ["不用登记吗 我想问", "不用交钱吧", "要 先不用打电话"])
def test_no_leading_no(text):
    assert not v.declines_offer(text)
