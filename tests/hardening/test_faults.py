"""Fault injection against the real processes (issue 11's suite).

On the stack tests may break (``e2e_stack``, tests/fault_stack.py, shared with the conversation
tests of tests/e2e: backend on temporary SQLite, action server, Rasa); the action server and Rasa
reach the backend through a proxy the test can slow down (5 s per request) or cut. After each
test the stack is restored and checked (``product``), so no test depends on the order.
For each fault: the worker gets a polite Chinese reply within 3 s (or, while staff hold the
chat, deliberately none), no message is lost from the tracker, no case is filed twice or
dropped, and service resumes by itself once the part is back.

PostgreSQL, Redis and RabbitMQ faults are test_engine_faults.py's: there the scale-path stack
runs on engines the test owns (a private PostgreSQL cluster and redis-server, RabbitMQ behind
a proxy it cuts), so the machine's shared engines keep running for everybody else.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
import uuid

import aiohttp
import pytest
from hardening_support import FIGURES, FaultProxy, Widget, chinese, rest_say, user_texts

from bot import services
from bot.channels.never_silent import APOLOGY
from tests.fault_stack import BreakableStack, restore

pytestmark = pytest.mark.integration
REPLY_WITHIN = 3.0
TALLY = {"cases_tried": 0, "faults_survived": 0, "messages_lost": 0, "duplicates": 0,
         "slowest_reply_s": 0.0}


def _record(case_ok: bool, *, lost: int = 0, duplicates: int = 0, slowest: float = 0.0) -> None:
    TALLY["cases_tried"] += 1
    TALLY["faults_survived"] += int(case_ok)
    TALLY["messages_lost"] += lost
    TALLY["duplicates"] += duplicates
    TALLY["slowest_reply_s"] = round(max(TALLY["slowest_reply_s"], slowest), 2)
    FIGURES.add("fault injection", **TALLY)


def _lost_and_doubled(said: list[str], tracked: list[str]) -> tuple[int, int]:
    lost = sum(max(0, said.count(t) - tracked.count(t)) for t in set(said))
    doubled = sum(max(0, tracked.count(t) - said.count(t)) for t in set(said))
    return lost, doubled


class Product:
    def __init__(self, stack: BreakableStack, proxy: FaultProxy, rasa_token: str, backend_token: str) -> None:
        self.stack, self.proxy = stack, proxy
        self.rasa_url, self.backend_url = stack.rasa_url, stack.backend_url
        self.rasa_token, self.backend_token = rasa_token, backend_token

    def service(self, name: str) -> services.Service:
        return next(s for s in self.stack.group.services if s.name == name)

    async def api(self, method: str, path: str, token: str | None = None, **kwargs):
        async with (
            aiohttp.ClientSession() as http,
            http.request(method, f"{self.backend_url}/api/v1{path}", headers={
                    "Authorization": f"Bearer {token or self.backend_token}"}, **kwargs) as response,
        ):
            return response.status, await response.json()

    async def held_by_staff(self, conversation_id: str) -> tuple[int, str]:
        """A handoff for the conversation, claimed by 辛安街道's member of staff."""
        _, record = await self.api("POST", "/handoffs", json={
            "conversation_id": conversation_id, "district": "辛安街道", "reason": "worker_request"})
        _, login = await self.api("POST", "/auth/login", json={"username": "xinan", "password": "xinan-demo-2026"})
        status, body = await self.api("POST", f"/handoffs/{record['id']}/claim", token=login["token"], json={})
        assert status == 200, body
        return record["id"], login["token"]

    async def tickets_of(self, sender: str) -> list[dict]:
        _, body = await self.api("GET", "/tickets", params={"limit": "500"})
        return [t for t in body["tickets"] if t["conversation_id"] == sender]


@pytest.fixture
def product(e2e_stack: BreakableStack):
    """The breakable stack for one fault: afterwards the proxy passes again, every service runs
    and a new conversation is answered (verified)."""
    yield Product(e2e_stack, e2e_stack.proxy, os.environ["RASA_TOKEN"], os.environ["BACKEND_TOKEN"])
    restore(e2e_stack)


async def test_a_backend_answering_after_5_seconds(product):
    product.proxy.set("slow")
    widget = await Widget(product.rasa_url).connect()
    sender = f"fault-slow-{uuid.uuid4().hex[:8]}"
    try:
        replies, widget_s = await widget.say("你好")
        rest_reply, rest_s = await rest_say(product.rasa_url, sender, "你好")
        lookup, lookup_s = await rest_say(product.rasa_url, sender, "上海最低工资是多少")
    finally:
        product.proxy.set("pass")
    assert replies and chinese(replies[0]) and widget_s < REPLY_WITHIN, (replies, widget_s)
    assert chinese(rest_reply) and rest_s < REPLY_WITHIN, (rest_reply, rest_s)
    # the backend's answer is late: a polite apology instead, within the same 3 s
    assert chinese(lookup) and lookup_s < REPLY_WITHIN, (lookup, lookup_s)
    resumed, _ = await rest_say(product.rasa_url, sender, "上海最低工资是多少")
    assert "2740" in resumed, "service resumes once the backend is quick again"
    said = ["你好", "上海最低工资是多少", "上海最低工资是多少"]
    lost, doubled = _lost_and_doubled(said, await user_texts(product.rasa_url, product.rasa_token, sender))
    lost_w, doubled_w = _lost_and_doubled(["你好"], await user_texts(
        product.rasa_url, product.rasa_token, widget.session_id))
    await widget.close()
    FIGURES.add("fault injection", backend_slow_lookup_reply_s=round(lookup_s, 2))
    _record(lost + lost_w == 0 and doubled + doubled_w == 0, lost=lost + lost_w, duplicates=doubled + doubled_w,
            slowest=max(widget_s, rest_s))
    assert lost + lost_w == 0 and doubled + doubled_w == 0


async def test_a_stopped_backend_mid_case(product):
    backend = product.service("backend")
    sender = f"fault-down-{uuid.uuid4().hex[:8]}"
    said = ["包工头跑路了 欠我工钱", "宏远建筑公司", "两万三千五百", "五个月", "一共十几个人", "我在镇江京口区",
            "13952800011"]  # the last answer brings the case summary; 确认 files it
    for text in said:
        await rest_say(product.rasa_url, sender, text)
    widget = await Widget(product.rasa_url).connect()
    backend.stop()
    try:
        reply, case_s = await rest_say(product.rasa_url, sender, "确认")
        said.append("确认")
        greeting, widget_s = await widget.say("你好")
    finally:
        backend.start()
        backend.wait_ready(300)
    assert chinese(reply) and "不会丢失" in reply, reply
    assert greeting and chinese(greeting[0]) and widget_s < REPLY_WITHIN, (greeting, widget_s)
    tickets: list[dict] = []
    for _ in range(60):  # the action server's outbox files it once the backend is back
        tickets = await product.tickets_of(sender)
        if tickets:
            break
        await asyncio.sleep(0.5)
    await asyncio.sleep(5)  # two more flush periods: still one ticket
    tickets = await product.tickets_of(sender)
    lost, doubled = _lost_and_doubled(said, await user_texts(product.rasa_url, product.rasa_token, sender))
    await widget.close()
    dropped_or_twice = abs(len(tickets) - 1)
    _record(not (lost or doubled or dropped_or_twice), lost=lost + (len(tickets) == 0),
            duplicates=doubled + max(0, len(tickets) - 1), slowest=widget_s)
    assert len(tickets) == 1, f"the case is filed exactly once: {tickets}"
    assert lost == 0 and doubled == 0


async def test_the_backend_down_during_an_active_handoff_keeps_the_bot_quiet(product):
    widget = await Widget(product.rasa_url).connect()
    handoff_id, staff = await product.held_by_staff(widget.session_id)
    await asyncio.sleep(0.5)
    widget.replies.clear()
    quiet_up, _ = await widget.say("我还在等工作人员", wait=1.0, quiet=2.0)
    staff_only = [r for r in quiet_up if "工作人员" not in r]
    product.proxy.set("cut")
    try:
        quiet_down, _ = await widget.say("网是不是断了", wait=1.0, quiet=3.0)
    finally:
        product.proxy.set("pass")
    tracked = await user_texts(product.rasa_url, product.rasa_token, widget.session_id)
    await product.api("POST", f"/handoffs/{handoff_id}/close", token=staff, json={})
    await widget.close()
    lost, doubled = _lost_and_doubled(["我还在等工作人员", "网是不是断了"], tracked)
    ok = not staff_only and not quiet_down and not lost and not doubled
    _record(ok, lost=lost, duplicates=doubled)
    assert not staff_only, f"the bot answered while staff hold the chat: {quiet_up}"
    assert not quiet_down, f"the backend went down and the bot started answering: {quiet_down}"
    assert lost == 0 and doubled == 0, tracked


async def test_the_action_server_killed_mid_form(product):
    actions = product.service("action-server")
    sender = f"fault-kill-{uuid.uuid4().hex[:8]}"
    first, _ = await rest_say(product.rasa_url, sender, "老板欠我三个月工资")
    assert "单位" in first
    os.kill(actions.process.pid, signal.SIGKILL)  # as the OOM killer would
    actions.process.wait(10)
    try:
        apology, apology_s = await rest_say(product.rasa_url, sender, "鑫达电子厂")
    finally:
        actions.start()
        actions.wait_ready(300)
    assert apology == APOLOGY and apology_s < REPLY_WITHIN, (apology, apology_s)
    resumed, _ = await rest_say(product.rasa_url, sender, "鑫达电子厂")
    assert "多少" in resumed, "the form goes on once the action server is back"
    said = ["老板欠我三个月工资", "鑫达电子厂", "鑫达电子厂"]
    lost, doubled = _lost_and_doubled(said, await user_texts(product.rasa_url, product.rasa_token, sender))
    _record(not lost and not doubled, lost=lost, duplicates=doubled, slowest=apology_s)
    assert lost == 0 and doubled == 0


async def test_rasa_restarted_during_a_handoff(product):
    rasa = product.service("rasa")
    widget = await Widget(product.rasa_url).connect()
    handoff_id, staff = await product.held_by_staff(widget.session_id)
    await asyncio.sleep(0.5)
    widget.replies.clear()
    before, _ = await widget.say("重启之前我说的", wait=1.0, quiet=1.5)
    token = widget.session["token"]
    await widget.close()
    rasa.stop()
    rasa.start()
    rasa.wait_ready(900)
    again = await Widget(product.rasa_url).connect(token)
    assert again.session_id == widget.session_id, "the worker keeps the conversation"
    after, _ = await again.say("重启之后我还在", wait=1.0, quiet=2.0)
    status, _ = await product.api("POST", f"/handoffs/{handoff_id}/messages", token=staff,
                                  json={"text": "您好，我是辛安街道的工作人员，还在为您处理。"})
    for _ in range(50):
        if any("还在为您处理" in (r.get("text") or "") for r in again.replies):
            break
        await asyncio.sleep(0.1)
    staff_reached = any("还在为您处理" in (r.get("text") or "") for r in again.replies)
    tracked = await user_texts(product.rasa_url, product.rasa_token, widget.session_id)
    await product.api("POST", f"/handoffs/{handoff_id}/close", token=staff, json={})
    await again.close()
    lost, doubled = _lost_and_doubled(["重启之前我说的", "重启之后我还在"], tracked)
    bot_spoke = [r for r in before + after if "工作人员" not in r]
    _record(not bot_spoke and staff_reached and not lost and not doubled, lost=lost, duplicates=doubled)
    assert not bot_spoke, f"the bot answered during the handoff: {bot_spoke}"
    assert status == 200 and staff_reached, "staff replies reach the worker after the restart"
    assert lost == 0 and doubled == 0, tracked


def test_figures_so_far():
    """Prints the figures of the cases run so far (all of them print again at the end of the
    run, from conftest) and checks the totals: meaningful in any order."""
    started = time.monotonic()
    print("\n故障注入：" + ", ".join(f"{k} = {v}" for k, v in TALLY.items()))
    assert TALLY["messages_lost"] == 0 and TALLY["duplicates"] == 0
    assert time.monotonic() - started < 1
