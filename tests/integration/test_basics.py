"""The bot answers basic messages over the REST channel, in Chinese (issue 2)."""

from __future__ import annotations

import re
import uuid

import aiohttp
import pytest

pytestmark = pytest.mark.integration
CHINESE = re.compile(r"[\u4e00-\u9fff]")


async def say(stack, sender: str, text: str) -> list[dict]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{stack.rasa_url}/webhooks/rest/webhook",
                     json={"sender": sender, "message": text}) as response,
    ):
        assert response.status == 200
        return await response.json()


def texts(replies: list[dict]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


async def test_greeting_says_what_the_assistant_can_do(stack):
    replies = await say(stack, uuid.uuid4().hex, "你好")
    assert "工会" in texts(replies)
    buttons = [b["title"] for r in replies for b in r.get("buttons", [])]
    assert "转人工" in buttons


async def test_wage_arrears_gets_a_useful_chinese_answer(stack):
    replies = await say(stack, uuid.uuid4().hex, "老板欠我三个月工资")
    answer = texts(replies)
    assert answer and CHINESE.search(answer)
    assert any(word in answer for word in ("工资", "欠薪", "单位", "证据", "12333"))


async def test_gibberish_twice_offers_a_person(stack):
    sender = uuid.uuid4().hex
    first = texts(await say(stack, sender, "阿巴阿巴阿巴"))
    assert "换个说法" in first
    second = await say(stack, sender, "😂😂😂")
    assert "转人工" in [b["title"] for r in second for b in r.get("buttons", [])]


async def test_bot_challenge_is_honest(stack):
    assert "机器人" in texts(await say(stack, uuid.uuid4().hex, "你是机器人吗"))
