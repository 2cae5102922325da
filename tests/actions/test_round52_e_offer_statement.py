"""Round 52, helper e: a short fact said to a ticket offer is kept and said back.

2. 我是外卖骑手 在平台上跑了两年 摔伤了 平台说我不是他们员工 不管, then 美团的 to the legal offer: the
   platform (the employer) was neither added nor acknowledged, and the same offer came again; the
   跑了两年 of the first message was on neither. A statement on the offer that is no yes, no,
   question or correction is kept: a fact it names into its field (单位 美团), else into 您说的情况 —
   and said back (记下了：…)."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.tickets import ActionAskWantsTicket

FIRST = "我是外卖骑手 在平台上跑了两年 摔伤了 平台说我不是他们员工 不管"
CASE = {"type": "legal_aid", "facts": {"case_points": "受了伤、众包骑手（平台说不是员工）", "question": FIRST,
                                      "monthly_wage": None, "employer": None}}


def on_the_offer(text: str, entities: list | None = None, first: str = FIRST, case: dict | None = None) -> Tracker:
    """The legal offer shown after ``first``, then ``text`` that the form kept nothing of."""
    case = case or CASE
    slots = {"occupation": "rider", "pending_case": case, "requested_slot": "wants_ticket", "wants_ticket": None,
             "repeat_count": {"slot": "wants_ticket", "n": 1}}
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": first, "parse_data": parse(first, "nlu_fallback")},
              {"event": "slot", "name": "occupation", "value": "rider"},
              {"event": "slot", "name": "pending_case", "value": case},
              {"event": "active_loop", "name": "ticket_offer_form"},
              {"event": "slot", "name": "requested_slot", "value": "wants_ticket"},
              {"event": "bot", "text": "要不要我帮您登记一张律师咨询（法律援助）工单，转给您所在的网格工作站跟进？"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, "inform", entities)},
              {"event": "action", "name": "ticket_offer_form"},
              {"event": "slot", "name": "repeat_count", "value": {"slot": "wants_ticket", "n": 1}},
              {"event": "slot", "name": "requested_slot", "value": "wants_ticket"}]
    return Tracker("worker-52e", slots, parse(text, "inform", entities), events, False, "ticket_offer_form",
                   {"name": "ticket_offer_form"}, "ticket_offer_form")


async def ask(tracker: Tracker) -> tuple[str, list[dict]]:
    dispatcher = CollectingDispatcher()
    events = await ActionAskWantsTicket().run(dispatcher, tracker, DOMAIN)
    return "\n".join(m.get("text") or "" for m in dispatcher.messages), events


def parked(events: list[dict]) -> dict:
    return next((e["value"]["facts"] for e in events if e.get("event") == "slot" and e.get("name") == "pending_case"),
                {})


@pytest.mark.parametrize("text,entities", [
    ("美团的", [{"entity": "employer", "value": "美团", "start": 0, "end": 2}]),
    ("美团的", None), ("饿了么的", None), ("是美团众包", None), ("给饿了么跑的", None)])
async def test_the_platform_said_on_the_offer_is_the_employer(text, entities):
    said, events = await ask(on_the_offer(text, entities))
    platform = "饿了么" if "饿了么" in text else "美团"
    assert f"记下了：单位 {platform}" in said, said
    assert f"· 单位：{platform}" in said, said  # the offer shown again with it
    assert parked(events).get("employer") == platform, events


@pytest.mark.parametrize("text", ["腿骨折了 住了一个礼拜院", "站长姓刘", "医药费花了八千多", "老板也不给上保险"])
async def test_another_statement_goes_to_the_workers_words(text):
    said, events = await ask(on_the_offer(text))
    assert "记下了" in said and text[:6] in said, said
    assert text in str(parked(events).get("question")), events


@pytest.mark.parametrize("text", ["好的", "嗯", "我想想", "先不用", "要多少钱啊", "/affirm", "不对 是三年"])
async def test_a_yes_no_question_or_nothing_adds_nothing(text):
    said, events = await ask(on_the_offer(text))
    assert "记下了" not in said, said
    assert not parked(events), events


async def test_a_fact_kept_by_the_form_is_not_kept_twice():
    tracker = on_the_offer("美团的")
    tracker.events.append({"event": "slot", "name": "employer", "value": "美团"})
    tracker.slots["employer"] = "美团"
    said, events = await ask(tracker)
    assert "记下了" not in said and not parked(events), said


@pytest.mark.parametrize("first,worked", [(FIRST, "2年"), ("送了三年外卖 摔伤了 平台不管", "3年"),
                                          ("跑外卖跑了一年多 被车撞了 站点说不是员工", "1年多"),
                                          ("开了五年货车 受伤了老板不管", "5年")])
async def test_the_time_a_rider_or_driver_worked_is_on_the_offer(first, worked):
    case = {"type": "legal_aid", "facts": {**CASE["facts"], "question": first}}
    tracker = on_the_offer(first, first=first, case=case)
    tracker.latest_message = parse(first, "nlu_fallback")
    tracker.events[:] = tracker.events[:5]  # the offer's first showing
    said, _events = await ask(tracker)
    assert f"· 在这个单位干了：{worked}" in said, said
