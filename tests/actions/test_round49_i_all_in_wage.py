"""Round 49 (tester XI), helper i: XI-11 — after the overtime sum (3,100 a month on a 4,350 wage),
厂里说4350里已经含加班费了 这样行吗 got the same sum word for word; then 每个月都这样加 加班费一分没给过
已经半年了 filed one month's 3,100, not about 6 × 3,100."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.wages import ActionCalculateOvertime, all_in_wage_asked

on_module_loop = pytest.mark.asyncio(loop_scope="module")

FIRST = "工资4350 上个月每天多干俩钟头 干了20天 四个周六也全天上了8小时 没调休 加班费该给多少"
SUM = "合计：依法应付加班工资不少于 3,100.00 元"


def _after_sum(text: str, place: dict | None = None, between: tuple[str, ...] = ()) -> Tracker:
    slots = {"monthly_wage": 4350, "overtime_days": FIRST, **(place or {})}
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": FIRST, "parse_data": parse(FIRST, "overtime_pay")},
              *({"event": "slot", "name": k, "value": val} for k, val in slots.items()),
              {"event": "active_loop", "name": "overtime_form"}, {"event": "active_loop", "name": None},
              {"event": "action", "name": "action_calculate_overtime"}, {"event": "bot", "text": SUM}]
    for said in (*between, text):
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": said, "parse_data": parse(said, "overtime_pay")},
                   {"event": "active_loop", "name": "overtime_form"}, {"event": "active_loop", "name": None}]
    return Tracker("worker-i49", slots, parse(text, "overtime_pay"), events, False, None, {}, "action_listen")


def _texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@pytest.mark.parametrize("said", ["厂里说4350里已经含加班费了 这样行吗", "老板说工资里包含加班费 合法吗",
                                  "他们说4350包括加班工资 对不对", "厂里讲加班费都算在工资里了 这样可以吗",
                                  "说是工资已经把加班费包进去了 行吗"])
@on_module_loop
async def test_a_wage_said_to_include_the_overtime_is_weighed(backend, said):
    dispatcher = CollectingDispatcher()
    tracker = _after_sum(said, {"city": "青岛市", "district": "辛安街道"})
    await ActionCalculateOvertime().act(dispatcher, tracker, DOMAIN)
    reply = _texts(dispatcher)
    assert "1,250" in reply and "2,200" in reply and "约定" in reply, reply
    assert "不合法" in reply or "不行" in reply, reply
    assert "合计：依法应付加班工资" not in reply, reply  # not the sum again


@on_module_loop
async def test_without_a_place_the_rule_and_the_remainder_and_the_city_asked(backend):
    dispatcher = CollectingDispatcher()
    await ActionCalculateOvertime().act(dispatcher, _after_sum("厂里说4350里已经含加班费了 这样行吗"), DOMAIN)
    reply = _texts(dispatcher)
    assert "1,250" in reply and "最低工资" in reply and "哪个城市" in reply, reply
    assert "合计：依法应付加班工资" not in reply, reply


def test_the_question_is_not_read_in_other_words():
    """The negatives: 加班费没含在工资里, or a question with no 含."""
    assert not all_in_wage_asked("加班费该给多少")
    assert not all_in_wage_asked("工资4350 不含加班费")
    assert not all_in_wage_asked("那他们按基本工资两千算加班费 对不对")
    assert all_in_wage_asked("厂里说4350里已经含加班费了 这样行吗")


@pytest.mark.parametrize("said", ["每个月都这样加 加班费一分没给过 已经半年了", "月月都这样 一分加班费没给 干了半年了",
                                  "一直都这样加班 加班费从来没给过 有六个月了"])
@on_module_loop
async def test_every_month_for_half_a_year_is_six_months_on_the_ticket(backend, said):
    dispatcher = CollectingDispatcher()
    events = await ActionCalculateOvertime().act(dispatcher, _after_sum(said), DOMAIN)
    reply = _texts(dispatcher)
    assert "18,600" in reply, reply
    pending = next(e["value"] for e in events if e.get("name") == "pending_case")
    assert pending["facts"]["amount"] == 18600, pending


@on_module_loop
async def test_one_month_said_stays_one_month(backend):
    """The negative: 就上个月这样 加班费没给 — one month's 3,100."""
    dispatcher = CollectingDispatcher()
    events = await ActionCalculateOvertime().act(dispatcher, _after_sum("就上个月这样 加班费没给"), DOMAIN)
    pending = next(e["value"] for e in events if e.get("name") == "pending_case")
    assert pending["facts"]["amount"] == 3100, pending
