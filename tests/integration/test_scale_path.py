"""The multi-instance path of ``make run SCALE=N`` (bot/scale.py), for real.

Two Rasa instances and two action servers behind HAProxy, the backend and the tracker
store on PostgreSQL, Redis as lock store and socket.io manager, RabbitMQ as event broker.
Runs when .ci/run's TEST_POSTGRES_URL, TEST_REDIS_URL and TEST_RABBITMQ_URL are set and
haproxy is installed; skips with the reason otherwise. The instance-kill test runs last.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import signal
import tempfile
import uuid
from pathlib import Path

import aiohttp
import pytest
import socketio

from bot import scale

pytestmark = pytest.mark.integration
NEEDED = ("TEST_POSTGRES_URL", "TEST_REDIS_URL", "TEST_RABBITMQ_URL")
OPENING, ANSWER = "最近的工会服务站在哪里", "青岛黄岛区辛安街道"


async def _say(url: str, sender: str, text: str) -> str:
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{url}/webhooks/rest/webhook",
                     json={"sender": sender, "message": text}) as response,
    ):
        assert response.status == 200, await response.text()
        return "\n".join(r.get("text", "") for r in await response.json())


async def _tracker(url: str, sender: str) -> dict:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{url}/conversations/{sender}/tracker",
                    params={"token": os.environ["RASA_TOKEN"]}) as response,
    ):
        assert response.status == 200
        return await response.json()


def _user_texts(tracker: dict) -> list[str]:
    return [e["text"] for e in tracker["events"] if e["event"] == "user"]


async def _drain(queue: str) -> list[dict]:
    import aio_pika

    connection = await aio_pika.connect_robust(os.environ["TEST_RABBITMQ_URL"])
    async with connection:
        channel = await connection.channel()
        q = await channel.declare_queue(queue, durable=True)
        bodies = []
        while (message := await q.get(no_ack=True, fail=False)) is not None:
            bodies.append(json.loads(message.body))
        return bodies


async def _delete_queue(queue: str) -> None:
    import aio_pika

    connection = await aio_pika.connect_robust(os.environ["TEST_RABBITMQ_URL"])
    async with connection:
        channel = await connection.channel()
        await channel.queue_delete(queue)


@pytest.fixture(scope="module")
def two_instances(trained_model):
    missing = [name for name in NEEDED if not os.environ.get(name)]
    if missing:
        pytest.skip(f"未设置 {', '.join(missing)}（.ci/run 会设置）：跳过 PostgreSQL/Redis/RabbitMQ 多实例测试")
    if not shutil.which("haproxy") and not Path(scale.HAPROXY).exists():
        pytest.skip("没有安装 haproxy（.ci/run 会安装）：跳过多实例测试")
    engines = scale.Engines(os.environ["TEST_POSTGRES_URL"], os.environ["TEST_REDIS_URL"],
                            os.environ["TEST_RABBITMQ_URL"])
    work = Path(tempfile.mkdtemp(prefix="hotline-scale-"))
    # a busy shared machine loads two models slowly: a generous start timeout
    stack = scale.scale_stack(work, trained_model, 2, engines, prefix=f"h_perf_{uuid.uuid4().hex[:8]}",
                              timeout=1200, at_once=True)
    try:
        with stack.group:
            yield stack
    finally:
        for name in stack.databases:
            engines.drop_database(name)
        asyncio.run(_delete_queue(f"{stack.prefix}_events"))


async def test_a_conversation_alternates_between_instances_and_keeps_its_slots(two_instances):
    first, second = two_instances.rasa_urls
    sender = f"scale-{uuid.uuid4().hex}"
    await _say(first, sender, OPENING)
    reply = await _say(second, sender, ANSWER)  # the form's answer, on the other instance
    assert "辛安" in reply, reply
    await _say(first, sender, "谢谢")
    tracker = await _tracker(second, sender)
    assert _user_texts(tracker) == [OPENING, ANSWER, "谢谢"]
    assert tracker["slots"].get("city") and tracker["slots"].get("district"), tracker["slots"]

    bodies: list[dict] = []
    for _ in range(20):  # the broker publishes in the background
        bodies += await _drain(f"{two_instances.prefix}_events")
        texts = [b["text"] for b in bodies if b.get("sender_id") == sender and b.get("event") == "user"]
        if texts == [OPENING, ANSWER, "谢谢"]:
            break
        await asyncio.sleep(0.5)
    assert texts == [OPENING, ANSWER, "谢谢"], "every user event reached RabbitMQ once"


async def test_a_widget_on_one_instance_gets_a_staff_reply_sent_through_the_other(two_instances):
    first, second = two_instances.rasa_urls
    client = socketio.AsyncClient(reconnection=False)
    confirmed: asyncio.Future = asyncio.get_running_loop().create_future()
    received: asyncio.Queue = asyncio.Queue()
    client.on("session_confirm", lambda data: confirmed.done() or confirmed.set_result(data))
    client.on("bot_uttered", received.put_nowait)
    await client.connect(first, socketio_path="/socket.io", transports=["polling"])
    try:
        session_id = (await asyncio.wait_for(confirmed, 10))["session_id"]
        await client.emit("user_uttered", {"message": "你好"})
        await asyncio.wait_for(received.get(), 30)  # the bot's greeting, from instance A
        text = "您好，我是辛安街道工作站的小王，您的情况我来跟进。"
        event = {"event": "bot", "text": text, "data": {"custom": {"text": text, "staff": "小王"}}}
        async with (
            aiohttp.ClientSession() as http,
            http.post(f"{second}/conversations/{session_id}/tracker/events",
                      params={"token": os.environ["RASA_TOKEN"], "output_channel": "hotline",
                              "execute_side_effects": "true"}, json=[event]) as response,
        ):
            assert response.status == 200, await response.text()
        while True:
            message = await asyncio.wait_for(received.get(), 15)
            if message.get("text") == text:
                assert message.get("staff") == "小王"
                break
    finally:
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(client.disconnect(), 2)


async def test_zz_an_instance_killed_mid_conversation_loses_no_message(two_instances):
    """Through HAProxy: instance A dies between two turns; the conversation goes on on B."""
    sender = f"kill-{uuid.uuid4().hex}"
    before = [OPENING, ANSWER, "谢谢"]
    for text in before:
        assert await _say(two_instances.url, sender, text)
    victim = two_instances.rasa[0].process
    os.killpg(victim.pid, signal.SIGKILL)
    victim.wait(timeout=10)
    after = ["大年初一上班给三倍工资吗", "上海最低工资是多少", "再见"]
    for text in after:
        assert await _say(two_instances.url, sender, text), f"no reply to {text} after the kill"
    tracker = await _tracker(two_instances.rasa_urls[1], sender)
    assert _user_texts(tracker) == before + after, "each message once, in order"
