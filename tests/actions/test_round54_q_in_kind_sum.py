"""Round 54, helper q: a sum with food or a bed counted in is no pay of the worker's (hooks-m2 K10).

K10 (m2-11): 老板说吃饭一个月算三百 加上就两千一了 不低 on the minimum-wage offer (1,800 a month in 青岛) got
好的，已更正：月工资改为2,100 元。 and the offer again with 2,100 — the employer's reckoning with the meals in it
taken as a correction of the pay. The pay stays 1,800; the in-kind answer (in_kind.in_kind_pay_reply) is the
reply once asks_in_kind_pay reads such a sum (hook q-H1 in /work/indep/hooks-q.md)."""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.forms import ValidateTicketOfferForm
from actions.hotline_form import in_kind_sum_said
from actions.in_kind import asks_in_kind_pay
from actions.slot_mappings import ValidateSlotMappings

on_module_loop = pytest.mark.asyncio(loop_scope="module")

CASE = {"type": "minimum_wage", "facts": {"monthly_wage": 1800, "city": "青岛市", "district": "黄岛区"}}
OFFER = ("要不要我帮您登记一张工资低于最低标准工单，转给您所在的网格工作站跟进？\n要登记的内容：\n· 月工资：1,800 元\n"
         "· 城市：青岛市\n· 地点：黄岛区")
IN_KIND_SUMS = [("老板说吃饭一个月算三百 加上就两千一了 不低", [300, 2100]),
                ("算上吃住得有两千五 不算低吧", [2500]),
                ("老板说宿舍抵五百 算上就两千三了", [500, 2300]),
                ("老板说加上饭钱一个月有两千四", [2400]),
                ("食堂伙食顶了四百 算下来两千二", [400, 2200])]


def on_the_offer(text: str, amounts: list[int], now: dict | None = None) -> Tracker:
    """The minimum-wage offer on 1,800 in 青岛黄岛, and the reply (with the slots read from it, ``now``)."""
    entities = [{"entity": "amount", "value": a} for a in amounts]
    first = "我在青岛黄岛 一个月才给1800 合法吗"
    message = parse(text, "inform", entities)
    own = {"monthly_wage": 1800, "city": "青岛市", "district": "黄岛区"}
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": first, "parse_data": parse(first, "minimum_wage")},
              *({"event": "slot", "name": k, "value": val} for k, val in own.items()),
              {"event": "bot", "text": "您说的每月 1800 元低于当地的月最低工资 2200 元。"},
              {"event": "action", "name": "ticket_offer_form"},
              {"event": "slot", "name": "requested_slot", "value": "wants_ticket"},
              {"event": "bot", "text": OFFER},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              {"event": "action", "name": "ticket_offer_form"},
              *({"event": "slot", "name": k, "value": val} for k, val in (now or {}).items())]
    slots = {**own, **(now or {}), "pending_case": CASE, "requested_slot": "wants_ticket"}
    return Tracker("worker-q", slots, message, events, False, None, {"name": "ticket_offer_form"}, "action_listen")


async def offer_turn(text: str, amounts: list[int]) -> tuple[dict, str]:
    """The message read as make run reads it: the facts reader, then the offer's validation."""
    now = slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), on_the_offer(text, amounts), DOMAIN))
    dispatcher = CollectingDispatcher()
    events = await ValidateTicketOfferForm().run(dispatcher, on_the_offer(text, amounts, now), DOMAIN)
    reply = "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)
    return {**now, **slot_values(events)}, reply


@pytest.mark.parametrize("text", [t for t, _ in IN_KIND_SUMS] + ["管吃管住 折算下来一个月两千五"])
def test_a_sum_with_food_or_a_bed_counted_in_is_read(text):
    assert in_kind_sum_said(text)


@pytest.mark.parametrize("text", ["不对 是两千一 包吃包住", "工资两千一 住宿舍 吃饭自己掏", "住宿舍工资算下来两千一",
                                  "不对 工资是两千一 加上加班费两千五", "宿舍费从工资里扣合法吗",
                                  "宿舍费扣了三百 到手一千八", "我住院花了三千 加上药费五千"])
def test_the_pay_said_beside_food_or_a_bed_is_not_it(text):
    assert not in_kind_sum_said(text)


@on_module_loop
@pytest.mark.parametrize("text,amounts", IN_KIND_SUMS)
async def test_the_pay_is_not_corrected_to_the_sum_with_food_counted_in(backend, text, amounts):
    slots, reply = await offer_turn(text, amounts)
    assert "已更正" not in reply and "2,100" not in reply, reply
    assert slots.get("monthly_wage", 1800) == 1800 and slots.get("amount") in (None, 1800), slots
    case = slots.get("pending_case") or CASE
    assert case["facts"].get("monthly_wage") == 1800 and not case["facts"].get("amount"), case


@on_module_loop
async def test_a_correction_of_the_pay_is_still_one(backend):
    slots, reply = await offer_turn("不对 是两千一 包吃包住", [2100])
    assert "已更正" in reply and slots["pending_case"]["facts"]["monthly_wage"] == 2100, (slots, reply)


@on_module_loop
@pytest.mark.xfail(not asks_in_kind_pay(IN_KIND_SUMS[0][0]), strict=True,
                   reason="until hook q-H1 (in_kind.asks_in_kind_pay reads a sum with food counted in) is wired")
async def test_the_in_kind_answer_is_the_reply(backend):
    _, reply = await offer_turn(*IN_KIND_SUMS[0])
    assert "管吃管住（包吃包住）不能拿来顶最低工资" in reply, reply


@on_module_loop
@pytest.mark.parametrize("text,amounts", IN_KIND_SUMS[:3])
async def test_with_the_hooks_reading_the_in_kind_answer_is_the_reply(backend, monkeypatch, text, amounts):
    """Hook q-H1 as written (asks_in_kind_pay also reads the sum): the offer's reply is the records' rule."""
    from actions import in_kind

    reads = in_kind.asks_in_kind_pay
    monkeypatch.setattr(in_kind, "asks_in_kind_pay", lambda said: reads(said) or in_kind_sum_said(said))
    slots, reply = await offer_turn(text, amounts)
    assert reply.startswith("管吃管住（包吃包住）不能拿来顶最低工资") and "已更正" not in reply, reply
    assert slots.get("monthly_wage") == 1800, slots
