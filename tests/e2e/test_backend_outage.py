"""The backend stopped mid-conversation: the worker is answered politely in Chinese, the
wage-arrears case is kept, and it is filed exactly once when the backend is back — by the
action server's background flush, without the worker writing again.

It stops and restarts the shared e2e stack's backend; the ``outage`` fixture checks
afterwards that the stack is whole again, so these tests may run in any order.
"""

from __future__ import annotations

import asyncio

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.action_errors_expected]


async def _wait_for_tickets(backend_api, chat, seconds: float = 30) -> list[dict]:
    tickets: list[dict] = []
    for _ in range(int(seconds * 2)):
        tickets = await backend_api.tickets_of(chat)
        if tickets:
            break
        await asyncio.sleep(0.5)
    return tickets


async def test_wage_case_survives_a_backend_outage(outage, chat, backend_api):
    backend = outage.service("backend")
    await chat.say("包工头跑路了 欠我工钱")
    await chat.say("宏远建筑公司")
    await chat.say("两万三千五百")
    await chat.say("五个月")
    await chat.say("一共十几个人")
    await chat.say("我在镇江京口区")
    assert "核对" in await chat.say("13952800011")
    backend.stop()
    try:
        reply = await chat.say("确认")
        assert "不会丢失" in reply and "GH" not in reply
    finally:
        backend.start()
        backend.wait_ready(60)
    tickets = await _wait_for_tickets(backend_api, chat)
    assert len(tickets) == 1, "filed once the backend came back, without another message"
    ticket = await backend_api.ticket(tickets[0]["id"])
    assert ticket["type"] == "wage_arrears" and ticket["facts"]["amount"] == 23500
    assert ticket["facts"]["duration"] == "P5M" and ticket["contact_phone"] == "13952800011"
    assert "镇江" in ticket["station_name"]
    await asyncio.sleep(5)  # two more flush periods: still one ticket
    assert len(await backend_api.tickets_of(chat)) == 1


async def test_a_lookup_with_the_backend_down_gets_a_polite_chinese_answer(outage, chat):
    backend = outage.service("backend")
    backend.stop()
    try:
        reply = await chat.say("上海最低工资是多少")
        assert "暂时连不上" in reply and "12351" in reply
    finally:
        backend.start()
        backend.wait_ready(60)
    assert "2740" in await chat.say("上海最低工资是多少")
