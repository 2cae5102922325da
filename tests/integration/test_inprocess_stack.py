"""``HOTLINE_ACTIONS=inprocess``: the custom actions run in the Rasa process and no action
server is started (bot/inprocess_actions.py). Real backend and Rasa, nothing mocked: a whole case
told at once is filed with its facts for the station, readiness and metrics say what an operator
needs, and a case confirmed while the backend is down is kept and filed once when it is back —
by the flush loop that now runs in Rasa, without the worker writing again."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import tempfile
import uuid
from pathlib import Path

import aiohttp
import pytest

from bot import services

pytestmark = pytest.mark.integration
TICKET = re.compile(r"GH\d{12}")


@pytest.fixture(scope="module")
def inprocess(trained_model: Path):
    work = Path(tempfile.mkdtemp(prefix="hotline-inprocess-"))
    product = services.local_stack(work, trained_model, in_process=True)
    product.group.services[-1].env["CASE_OUTBOX_FLUSH_SECONDS"] = "2"  # a quick outage test
    with product.group:
        yield product


class _Worker:
    def __init__(self, stack) -> None:
        self.stack, self.sender = stack, f"inproc-{uuid.uuid4().hex[:10]}"

    async def say(self, text: str) -> str:
        async with aiohttp.ClientSession() as http, http.post(
                f"{self.stack.rasa_url}/webhooks/rest/webhook",
                json={"sender": self.sender, "message": text}) as response:
            assert response.status == 200
            answer = "\n".join(r.get("text") or "" for r in await response.json())
        assert answer.strip(), f"silence after {text!r}"
        return answer


async def _get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http, http.get(url) as response:
        return response.status, await response.text()


def _tickets(stack, sender: str) -> list[dict]:
    db = sqlite3.connect(stack.work / "backend.db")
    db.row_factory = sqlite3.Row
    rows = [dict(r) for r in db.execute("SELECT * FROM tickets WHERE conversation_id = ?", (sender,))]
    db.close()
    return [{**r, "facts": json.loads(r["facts"])} for r in rows]


async def test_a_whole_case_is_filed_with_no_action_server(inprocess):
    assert [s.name for s in inprocess.group.services] == ["backend", "rasa"]
    with pytest.raises(aiohttp.ClientConnectionError):  # nothing listens where it would be
        await _get(f"{inprocess.actions_url}/health")
    worker = _Worker(inprocess)
    assert "工友" in await worker.say("隆祥皮革有限公司拖欠我八千五工资 拖了大半年了 我在福鼎")
    assert "手机" in await worker.say("一共12个人")
    assert "核对" in await worker.say("13952800019")
    assert TICKET.search(await worker.say("确认"))
    (ticket,) = _tickets(inprocess, worker.sender)
    assert (ticket["type"], ticket["contact_phone"]) == ("wage_arrears", "13952800019")
    assert ticket["facts"]["employer"] == "隆祥皮革有限公司" and ticket["facts"]["amount"] == 8500
    assert ticket["facts"]["workers_affected"] == 12


async def test_ready_and_the_action_figures_come_from_rasa(inprocess):
    status, body = await _get(f"{inprocess.rasa_url}/webhooks/rest/ready")
    assert status == 200 and '"action_server":"ok"' in body.replace(" ", "")
    before = (await _get(f"{inprocess.rasa_url}/webhooks/rest/metrics"))[1]
    assert "2740" in await _Worker(inprocess).say("上海最低工资是多少")  # from the backend
    after = (await _get(f"{inprocess.rasa_url}/webhooks/rest/metrics"))[1]

    def ok_calls(page: str) -> float:
        return sum(float(v) for v in re.findall(
            r'^hotline_action_seconds_count\{[^}]*outcome="ok"[^}]*\} ([0-9.e+]+)$', page, re.M))

    assert ok_calls(after) > ok_calls(before)


async def test_a_case_confirmed_while_the_backend_is_down_is_filed_once_after(inprocess):
    backend = inprocess.group.services[0]
    worker = _Worker(inprocess)
    await worker.say("包工头跑路了 欠我工钱 宏远建筑公司 两万三千五百 五个月了")
    await worker.say("一共十几个人")
    await worker.say("我在镇江京口区")
    assert "核对" in await worker.say("13952800021")
    backend.stop()
    try:
        assert "不会丢失" in await worker.say("确认")
    finally:
        backend.start()
        backend.wait_ready(60)
    for _ in range(60):  # the Rasa process's own flush loop, every 2 s here
        if _tickets(inprocess, worker.sender):
            break
        await asyncio.sleep(0.5)
    await asyncio.sleep(4)  # two more flushes: still one
    (ticket,) = _tickets(inprocess, worker.sender)
    assert ticket["facts"]["amount"] == 23500 and ticket["contact_phone"] == "13952800021"
