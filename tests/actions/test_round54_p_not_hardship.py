"""Round 54 (p): a worker who says they are no hardship worker (我不是困难职工 就是这个月手头紧 / 我在镇江 不是困难户
今年看病自己花了三千) was read as 困难 (不是困难户 holds the word 困难户) — judged 您是在档困难职工 and filed with
困难建档：困难 — or sent to a phone check of a registration they just denied. A tier denied is 未建档; a need
that is not medical (手头紧) gets what the union does for it, as for 学费 or 房租. On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation, slot_values
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.relief import (
    NOT_REGISTERED_HEARD,
    ActionReliefEligibility,
    asks_help_not_medical,
    worker_status_said,
)
from actions.router import ActionStartService

on_module_loop = pytest.mark.asyncio(loop_scope="module")


@pytest.mark.parametrize(("text", "status"), [
    ("我不是困难职工 就是这个月手头紧", "none"), ("不是困难户", "none"),
    ("我在镇江 不是困难户 今年看病自己花了三千", "none"),
    ("俺不是特困 也不是困难户", "none"), ("我算不上困难职工", "none"), ("俺家又不是困难户", "none"),
    ("俺不是特困 是困难户", "困难"), ("我是困难职工不是特困", "困难"), ("我是建了档的困难职工", "困难"),
    ("特困的住院都减免啥费用", None), ("我没说我是特困啊", "不清楚"),
])
def test_a_tier_denied_is_no_tier(text, status):
    assert worker_status_said(text) == status


def code_not_received(first: str, slots: dict):
    """The relief case told (its facts read from ``first``), then 没收到 to the code: the verdict's turn."""
    tracker = conversation([(first, "relief_eligibility", ["请留一个您本人的手机号"]), ("没收到", "inform", [])])
    last_user = max(i for i, e in enumerate(tracker.events) if e.get("event") == "user")
    tracker.events[last_user - 1:last_user - 1] = [{"event": "slot", "name": k, "value": v} for k, v in slots.items()]
    tracker.slots.update(slots)
    return tracker


CASE_SLOTS = {"city": "镇江市", "medical_cost": 3000, "hardship_status": "困难", "phone": "13853201234",
              "otp_code": "未核验"}


def said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@on_module_loop
async def test_the_verdict_is_on_no_registration(backend):
    """不是困难户 … 三千, then 没收到 to the code (XQ: ✔ 困难职工医疗救助 and 困难建档：困难 on the offer)."""
    tracker = code_not_received("我在镇江 不是困难户 今年看病自己花了三千", CASE_SLOTS)
    dispatcher = CollectingDispatcher()
    events = await ActionReliefEligibility().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "可以申请" not in reply and "您是在档困难职工" not in reply, reply
    assert slot_values(events).get("hardship_status") == "none", events
    case = slot_values(events).get("pending_case") or {}
    assert (case.get("facts") or {}).get("hardship_status") in (None, "none"), case


@on_module_loop
async def test_a_status_the_worker_told_is_kept(backend):
    tracker = code_not_received("我在镇江 是困难户 今年看病自己花了三千", CASE_SLOTS)
    dispatcher = CollectingDispatcher()
    events = await ActionReliefEligibility().run(dispatcher, tracker, DOMAIN)
    assert "可以申请" in said(dispatcher) and "hardship_status" not in slot_values(events)


@pytest.mark.parametrize("text", ["我不是困难职工 就是这个月手头紧", "不是困难户 就是手头紧",
                                  "这个月手头紧 工会能帮帮不"])
def test_short_of_money_is_no_medical_need(text):
    assert asks_help_not_medical(text)


@on_module_loop
async def test_the_router_answers_the_need_as_unregistered(backend):
    """XQ: the relief form asked a phone to look up a registration the worker had just denied."""
    dispatcher = CollectingDispatcher()
    tracker = conversation([("我不是困难职工 就是这个月手头紧", "relief_eligibility", [])])
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert NOT_REGISTERED_HEARD in reply and "生活补助" in reply and "手机号" not in reply, reply
    values = slot_values(events)
    assert values.get("hardship_status") == "none", events
    assert (values.get("pending_case") or {}).get("facts", {}).get("hardship_status") == "none", values
