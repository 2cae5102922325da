"""The scale path: Rasa on PostgreSQL (tracker), Redis (lock store), RabbitMQ (events).

Two Rasa instances share one PostgreSQL tracker store and one Redis lock store,
so a conversation continues on whichever instance gets the next message, and
every event reaches the RabbitMQ queue. Runs when .ci/run's TEST_POSTGRES_URL,
TEST_REDIS_URL and TEST_RABBITMQ_URL are set; skips with the reason otherwise.
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
import uuid
from pathlib import Path
from urllib.parse import urlparse

import aiohttp
import pytest

from bot import services

pytestmark = pytest.mark.integration
NEEDED = ("TEST_POSTGRES_URL", "TEST_REDIS_URL", "TEST_RABBITMQ_URL")


def _scale_endpoints(path: Path, queue: str) -> Path:
    pg = urlparse(os.environ["TEST_POSTGRES_URL"].replace("+asyncpg", ""))
    redis = urlparse(os.environ["TEST_REDIS_URL"])
    amqp = urlparse(os.environ["TEST_RABBITMQ_URL"])
    path.write_text(f"""
action_endpoint:
  url: "http://127.0.0.1:{services.free_port()}/webhook"
tracker_store:
  type: SQL
  dialect: postgresql
  url: {pg.hostname}
  port: {pg.port or 5432}
  db: {pg.path.lstrip('/')}
  username: {pg.username or 'postgres'}
lock_store:
  type: redis
  url: {redis.hostname}
  port: {redis.port or 6379}
  db: 3
  key_prefix: {queue}
event_broker:
  type: pika
  url: {amqp.hostname}
  port: {amqp.port or 5672}
  username: {amqp.username or 'guest'}
  password: {amqp.password or 'guest'}
  queues: [{queue}]
""", encoding="utf-8")
    return path


async def _say(url: str, sender: str, text: str) -> list[dict]:
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{url}/webhooks/rest/webhook",
                                json={"sender": sender, "message": text}) as response:
            assert response.status == 200
            return await response.json()


async def _tracker(url: str, sender: str) -> dict:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{url}/conversations/{sender}/tracker",
                               params={"token": os.environ["RASA_TOKEN"]}) as response:
            return await response.json()


async def _drain(queue: str) -> list[bytes]:
    import aio_pika

    connection = await aio_pika.connect_robust(os.environ["TEST_RABBITMQ_URL"])
    async with connection:
        channel = await connection.channel()
        q = await channel.declare_queue(queue, durable=True)
        bodies = []
        while (message := await q.get(no_ack=True, fail=False)) is not None:
            bodies.append(message.body)
        return bodies


def _user_events(bodies: list[bytes], sender: str) -> list[str]:
    events = [json.loads(body) for body in bodies]
    return [e["text"] for e in events if e.get("sender_id") == sender and e.get("event") == "user"]


@pytest.fixture(scope="module")
def two_instances(trained_model):
    missing = [name for name in NEEDED if not os.environ.get(name)]
    if missing:
        pytest.skip(f"未设置 {', '.join(missing)}（.ci/run 会设置）：跳过 PostgreSQL/Redis/RabbitMQ 扩展测试")
    work = Path(tempfile.mkdtemp(prefix="hotline-scale-"))
    queue = f"hotline_test_{uuid.uuid4().hex[:8]}"
    endpoints = _scale_endpoints(work / "endpoints.yml", queue)
    ports = [services.free_port(), services.free_port()]
    group = services.ServiceGroup([
        services.rasa_server(port, trained_model, endpoints, work / f"log{i}")
        for i, port in enumerate(ports)
    ])
    with group:
        yield [f"http://127.0.0.1:{p}" for p in ports], queue


async def test_conversation_moves_between_instances_and_events_reach_rabbitmq(two_instances):
    (first, second), queue = two_instances
    sender = f"scale-{uuid.uuid4().hex}"
    assert await _say(first, sender, "你好")
    assert await _say(second, sender, "你是机器人吗")  # a response only: no action server here
    tracker = await _tracker(first, sender)
    user_texts = [e["text"] for e in tracker["events"] if e["event"] == "user"]
    assert user_texts == ["你好", "你是机器人吗"], "both instances wrote one PostgreSQL tracker"
    bodies: list[bytes] = []
    for _ in range(20):  # the broker publishes in the background
        bodies += await _drain(queue)
        if _user_events(bodies, sender) == ["你好", "你是机器人吗"]:
            break
        await asyncio.sleep(0.5)
    assert _user_events(bodies, sender) == ["你好", "你是机器人吗"], len(bodies)
