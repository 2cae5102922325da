"""A ticket's phone changed from another conversation (YV-13, YX-9): against the real seeded
backend — the ticket is filed by one conversation, its phone changed by another."""

from __future__ import annotations

import uuid

import pytest
from form_trackers import conversation, slot_values
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.router import ActionStartService

on_module_loop = pytest.mark.asyncio(loop_scope="module")


async def _filed(backend) -> str:
    ticket = await backend.create_ticket({
        "type": "wage_arrears", "city": "青岛市", "district": "辛安街道", "contact_phone": "13953217711",
        "facts": {"employer": "隆和电子厂", "amount": 9000}, "conversation_id": "the-filing-chat"},
        uuid.uuid4().hex)
    return ticket["id"]


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


async def _say(turns, backend) -> tuple[str, dict]:
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().act(dispatcher, conversation(turns), DOMAIN)
    return texts(dispatcher), slot_values(events)


@on_module_loop
@pytest.mark.parametrize("said", ["工单{t} 原来留的13953217711 那个号不用了 换成13912345678",
                                  "我的工单{t}电话13953217711停机了 以后打13912345678"])
async def test_the_ticket_and_both_phones_in_one_message_change_it(backend, said):
    ticket = await _filed(backend)
    text = said.format(t=ticket)
    reply, slots = await _say([(text, "ticket_status", [])], backend)
    assert "已更换" in reply and "139****5678" in reply and slots.get("phone") == "13912345678", reply
    status = await backend.ticket_status(ticket, "13912345678")
    assert status["id"] == ticket


@on_module_loop
async def test_the_old_phone_is_asked_when_only_the_new_is_said(backend):
    """V-9 of this round: 我的工单GH… 电话要改成139… got 没有找到 (looked up with the new phone)."""
    ticket = await _filed(backend)
    first = f"我的工单{ticket} 电话要改成13912345678"
    reply, _ = await _say([(first, "ticket_status", [])], backend)
    assert "登记这张工单时留的手机号" in reply and "没有找到" not in reply, reply
    reply, slots = await _say([(first, "ticket_status", [reply]), ("13953217711", "inform", [])], backend)
    assert "已更换" in reply and slots.get("phone") == "13912345678", reply


@on_module_loop
async def test_a_wrong_old_phone_changes_nothing(backend):
    ticket = await _filed(backend)
    first = f"我的工单{ticket} 电话要改成13912345678"
    ask = f"要把工单 {ticket} 的联系电话改成 139****5678，先核对一下是您本人：请告诉我登记这张工单时留的手机号。"
    reply, slots = await _say([(first, "ticket_status", [ask]), ("13800000000", "inform", [])], backend)
    assert "对不上" in reply and "phone" not in slots, reply
    assert (await backend.ticket_status(ticket, "13953217711"))["id"] == ticket


@on_module_loop
async def test_after_a_verified_lookup_the_new_number_is_asked_then_changed(backend):
    """YX-9: 那把电话改成新的吧 原来那个不用了 after the status got 好的，没问题 and nothing changed."""
    ticket = await _filed(backend)
    status = f"工单 {ticket} 目前已分派到网格工作站。为了保护个人信息，这里只告诉您办理状态。"
    lookup = [(f"查一下工单 {ticket}", "ticket_status", ["为了核对是您本人，请告诉我登记这张工单时留的手机号。"]),
              ("13953217711", "inform", [status])]
    reply, _ = await _say([*lookup, ("那把电话改成新的吧 原来那个不用了", "deny", [])], backend)
    assert "新的手机号是多少" in reply, reply
    tracker = conversation([*lookup, ("那把电话改成新的吧 原来那个不用了", "deny", [reply]),
                            ("15192281736", "inform", [])])
    at = next(i for i, e in enumerate(tracker.events) if e.get("text") == "13953217711")
    tracker.events.insert(at + 1, {"event": "slot", "name": "phone", "value": "13953217711"})
    dispatcher = CollectingDispatcher()
    slots = slot_values(await ActionStartService().act(dispatcher, tracker, DOMAIN))
    assert "已更换" in texts(dispatcher) and slots.get("phone") == "15192281736", texts(dispatcher)
    assert (await backend.ticket_status(ticket, "15192281736"))["id"] == ticket
