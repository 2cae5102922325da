"""Round 49 (tester XJ), helper g: 不是补贴 — the injury case, not the subsidy.

XJ-7: a 上海 builder hurt 前天 (in December) said 俺要办的是工伤 不是补贴 电话13355667788 and a 补贴申请
ticket was filed. The subsidy is not wanted: the injury case (legal aid) is offered instead. And the
留沪 accident cover is for the Spring Festival stay, not for an injury in December: said so, not
可以享受. On the real seeded backend."""

from __future__ import annotations

from datetime import date

import pytest
from form_trackers import conversation, parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import subsidies
from actions.router import ActionStartService
from actions.service_catalog import says_not_this, services_meant
from actions.subsidies import ActionHolidaySubsidy

on_module_loop = pytest.mark.asyncio(loop_scope="module")

T1 = ("俺是安徽来的 在上海浦东工地干活 过年不回去了 前天从架子上摔下来腿骨折了 老板说是俺自己不小心 不管 "
      "听说工会给留上海过年的有个意外保险？这算不算工伤")
SLOTS = {"city": "上海市", "district": "浦东新区", "holiday": "过年", "holiday_situation": "stay",
         "occupation": "construction"}


@pytest.mark.parametrize("text", ["俺要办的是工伤 不是补贴 电话13355667788", "我不要补贴 我要办工伤",
                                  "不是过年补贴 是工伤的事", "不要那个意外险 我要工伤", "说的不是补贴 是工伤认定"])
def test_not_the_subsidy_is_the_injury(text):
    assert says_not_this(text, "holiday_subsidy"), text
    assert services_meant(text) == ["legal_aid"], services_meant(text)


@pytest.mark.parametrize("text", ["过年补贴有多少", "不是工伤 是补贴的事", "工伤的补贴有啥"])
def test_the_subsidy_still_meant(text):
    assert not says_not_this(text, "holiday_subsidy"), text


OFFER = ("要不要我帮您登记一张补贴申请工单，转给您所在的网格工作站跟进？\n要登记的内容：\n· 过年安排：留下过年\n"
         "· 工作：建筑\n· 地点：浦东新区")


@on_module_loop
async def test_the_injury_case_is_offered_not_the_subsidy(backend):
    text = "俺要办的是工伤 不是补贴 电话13355667788"
    message = parse(text, "holiday_subsidy")
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": T1, "parse_data": parse(T1, "holiday_subsidy")},
              *({"event": "slot", "name": k, "value": val} for k, val in SLOTS.items()),
              {"event": "active_loop", "name": "ticket_offer_form"},
              {"event": "slot", "name": "pending_case", "value": {"type": "subsidy_application", "facts": {}}},
              {"event": "bot", "text": OFFER},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              {"event": "slot", "name": "phone", "value": "13355667788"}]
    tracker = Tracker("worker-49g", {**SLOTS, "phone": "13355667788",
                                     "pending_case": {"type": "subsidy_application", "facts": {}}},
                      message, events, False, None, {"name": "ticket_offer_form"}, "action_listen")
    dispatcher = CollectingDispatcher()
    out = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    reply = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "先帮您办“过年补贴”" not in reply and "补贴申请" not in reply, reply
    assert (slot_values(out).get("pending_case") or {}).get("type") == "legal_aid", out
    assert not any(e.get("event") == "active_loop" and e.get("name") == "holiday_subsidy_form" for e in out), out


@on_module_loop
async def test_a_december_injury_is_not_the_spring_festival_cover(backend, monkeypatch):
    monkeypatch.setattr(subsidies, "_today", lambda: date(2026, 12, 7))
    dispatcher = CollectingDispatcher()
    out = await ActionHolidaySubsidy().run(dispatcher, conversation([(T1, "holiday_subsidy", [])], SLOTS), DOMAIN)
    reply = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "意外伤害专项保障，最高 20,000 元。春节期间" not in reply, reply
    assert "春节期间" in reply and "用不上" in reply and "工伤" in reply, reply
    assert (slot_values(out).get("pending_case") or {}).get("type") == "legal_aid", out


@on_module_loop
async def test_an_injury_at_the_festival_keeps_the_cover(backend, monkeypatch):
    """A near miss: hurt over the holiday (初三) — the cover applies as before."""
    monkeypatch.setattr(subsidies, "_today", lambda: date(2026, 12, 7))
    text = "俺在上海浦东工地干活 过年没回去 初三干活摔了 听说工会有意外保险"
    dispatcher = CollectingDispatcher()
    await ActionHolidaySubsidy().run(dispatcher, conversation([(text, "holiday_subsidy", [])], SLOTS), DOMAIN)
    reply = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "最高 20,000 元" in reply and "用不上" not in reply, reply
