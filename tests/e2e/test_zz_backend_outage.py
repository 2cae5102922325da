"""Backend stopped mid-conversation: the case is kept and filed once when it returns.

Named to run last: it stops and restarts the shared backend process.
"""

from __future__ import annotations

import asyncio

import pytest

pytestmark = pytest.mark.integration


async def test_wage_case_survives_a_backend_outage(stack, chat, backend_api):
    backend = next(s for s in stack.services if s.name == "backend")
    await chat.say("包工头跑路了 欠我工钱")
    await chat.say("宏远建筑公司")
    await chat.say("两万三千五百")
    await chat.say("五个月")
    await chat.say("一共十几个人")
    await chat.say("我在镇江京口区")
    backend.stop()
    try:
        reply = await chat.say("13952800011")
        assert "不会丢失" in reply
    finally:
        backend.start()
        backend.wait_ready(60)
    tickets = []
    for _ in range(60):  # the action server flushes its outbox every 15 s
        tickets = await backend_api.tickets_of(chat)
        if tickets:
            break
        await asyncio.sleep(1)
    assert len(tickets) == 1, "filed exactly once after the backend came back"
    assert tickets[0]["facts"]["amount"] in (23500, "23500")
    await asyncio.sleep(16)
    assert len(await backend_api.tickets_of(chat)) == 1
