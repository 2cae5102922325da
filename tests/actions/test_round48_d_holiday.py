"""Round 48 (testers XG, XH), helper d: whose holiday it is, and how it was spent.

XH-6: a 上海 builder who said 过年没回去 was asked 您是留下来过年，还是节后错峰回家、返岗？ and his
俺一开头就说了没回去啊 was stored as 节后错峰返乡 (its 回去 read as going home). XG-5: 我表弟在廣東送外賣，
他那邊有嗎 changed the worker's own case (工作改为外卖骑手, 地点 广东); the cousin's question is answered
with 广东's measures and the worker's case (上海, 建筑) stays. On the real seeded backend.

The readers live where they are used: ``stayed_over_said`` in ``validators`` (holiday_situation),
``someone_elses_place`` in ``validators`` (read by ValidateSlotMappings)."""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import validators as v
from actions.hotline_form import answer_here as answer_in_topic
from actions.validators import someone_elses_place, stayed_over_said

on_module_loop = pytest.mark.asyncio(loop_scope="module")


@pytest.mark.parametrize("text", ["过年没回去", "俺一开头就说了没回去啊", "过年沒回去 在工地摔了", "在工地过的年",
                                  "春节没回家 初三摔伤了手腕", "没回老家过年"])
def test_not_going_home_is_staying(text):
    assert stayed_over_said(text), text


@pytest.mark.parametrize("text", ["节后错峰回家", "过完年回去", "去年没回去 今年想回家看看", "我要回家过年", "回老家"])
def test_going_home_is_no_stay(text):
    assert not stayed_over_said(text), text


@pytest.mark.parametrize("text", ["过年没回去", "俺一开头就说了没回去啊", "在工地过的年"])
def test_the_holiday_plan_reads_not_going_home_as_staying(text):
    """XH-6 T4: 俺一开头就说了没回去啊 → 过年安排：节后错峰返乡/返岗."""
    assert v.holiday_situation(text).value == "stay", text


@pytest.mark.parametrize("text,place", [("我表弟在廣東送外賣，他那邊有嗎", "广东"),
                                        ("俺堂哥在深圳工地 他那边有补贴不", "深圳"),
                                        ("我老乡在东莞送外卖 有啥福利", "东莞"),
                                        ("我在上海 我表弟在广东 他有吗", "广东")])
def test_a_relatives_place_is_theirs(text, place):
    assert someone_elses_place(text) == place


@pytest.mark.parametrize("text", ["我在上海工地干活", "我是建筑工 在上海", "表格在哪填"])
def test_the_workers_own_place_is_no_relatives(text):
    assert someone_elses_place(text) is None


SHANGHAI_CASE = {"type": "subsidy_application", "facts": {"programmes": ["sh_builder_accident_cover"],
                                                          "situation": "stay", "occupation": "construction"}}
FIRST = "我是建築工 在上海工地 過年沒回去 工會有啥補貼"


def _offer(text: str, set_now: dict | None = None) -> Tracker:
    events = [{"event": "user", "text": FIRST, "parse_data": parse(FIRST, "holiday_subsidy")},
              {"event": "slot", "name": "city", "value": "上海市"},
              {"event": "slot", "name": "occupation", "value": "construction"},
              {"event": "active_loop", "name": "ticket_offer_form"},
              {"event": "bot", "text": "要不要我帮您登记一张补贴申请工单，转给您所在的网格工作站跟进？"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, "holiday_subsidy")},
              {"event": "action", "name": "ticket_offer_form"},
              *({"event": "slot", "name": k, "value": val} for k, val in (set_now or {}).items())]
    slots = {"city": "上海市", "occupation": "construction", "holiday_situation": "stay",
             "pending_case": SHANGHAI_CASE, "requested_slot": "wants_ticket", **(set_now or {})}
    return Tracker("worker-48d", slots, parse(text, "holiday_subsidy"), events, False, None,
                   {"name": "ticket_offer_form"}, "action_listen")


@on_module_loop
async def test_the_cousins_question_gets_his_places_measures(backend):
    """XG-5 T2: 广东's measures, said as the cousin's, the worker's own case untouched."""
    reply = "\n".join(await answer_in_topic(_offer("我表弟在廣東送外賣，他那邊有嗎")))
    assert "表弟在广东" in reply and "2600万" in reply and "来源" in reply, reply
    assert "上海" not in reply, reply


@on_module_loop
async def test_the_workers_own_question_is_not_the_cousins(backend):
    """A near miss: the worker's own question about 上海 gets no 广东 lines."""
    reply = "\n".join(await answer_in_topic(_offer("上海这个意外保障最高多少")))
    assert "广东" not in reply, reply


@on_module_loop
async def test_the_cousins_job_and_place_do_not_change_the_workers_case(backend):
    """XG-5: 好的，已更正：工作改为外卖骑手 / 地点 广东."""
    from actions.slot_mappings import ValidateSlotMappings
    read = slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), _offer(
        "我表弟在廣東送外賣，他那邊有嗎", {"occupation": "rider", "city": "广东"}), DOMAIN))
    assert read.get("occupation") == "construction" and read.get("city") == "上海市", read
