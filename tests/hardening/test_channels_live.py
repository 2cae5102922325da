"""The channels of the real Rasa server: bad bodies, widget ids over REST, caps, CORS.

Before: an empty, array, string or null body got HTTP 500; a widget session id as REST
sender continued that widget conversation, slots and all; a 50,000-character message went
to NLU and held the one event loop; Rasa answered any origin (``--cors "*"``).
"""

from __future__ import annotations

import time
import uuid

import aiohttp
import pytest
from hardening_support import Widget, rest_say, user_texts

from bot.channels.guard import TOO_LONG
from bot.channels.hotline_socketio import NOT_TEXT

pytestmark = pytest.mark.integration


async def _post(stack, data: bytes, headers: dict | None = None) -> tuple[int, str]:
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{stack.rasa_url}/webhooks/rest/webhook", data=data,
                  headers={"Content-Type": "application/json", **(headers or {})}) as response,
    ):
        return response.status, await response.text()


@pytest.mark.parametrize("body", [b"", b"[]", b'"hello"', b"null", b'{"sender": "x", "message": ["a"]}',
                                  b'{"sender": "x", "message": 12}', b'{"sender": ["x"], "message": "hi"}'])
async def test_bad_rest_bodies_get_a_structured_400(stack, body):
    status, text = await _post(stack, body)
    assert status == 400, text
    assert '"error"' in text and "Traceback" not in text


async def test_a_widget_session_cannot_be_continued_over_rest(stack):
    widget = await Widget(stack.rasa_url).connect()
    try:
        await widget.say("你好")
        status, text = await _post(stack, f'{{"sender": "{widget.session_id}", "message": "我是冒充的"}}'.encode())
    finally:
        await widget.close()
    assert status == 403 and "widget_session" in text, text
    assert "我是冒充的" not in await user_texts(stack.rasa_url, stack.rasa_token, widget.session_id)


async def test_a_message_over_the_cap_gets_a_polite_answer_without_nlu(stack):
    sender = f"cap-{uuid.uuid4().hex[:8]}"
    started = time.monotonic()
    reply, _ = await rest_say(stack.rasa_url, sender, "工资" * 25_000)  # 50,000 characters
    assert reply == TOO_LONG and time.monotonic() - started < 2
    greeting, seconds = await rest_say(stack.rasa_url, f"{sender}-2", "你好")
    assert "工会" in greeting and seconds < 3


async def test_a_request_body_over_the_cap_is_refused(stack):
    status, _ = await _post(stack, b'{"sender": "big", "message": "' + b"a" * (2 * 1024 * 1024) + b'"}')
    assert status == 413


async def test_rasa_sends_no_cors_headers_by_default(stack):
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{stack.rasa_url}/status", params={"token": stack.rasa_token},
                 headers={"Origin": "http://evil.example"}) as response,
    ):
        assert response.status == 200
        assert "Access-Control-Allow-Origin" not in response.headers


async def test_the_widget_caps_and_answers_malformed_messages(stack):
    widget = await Widget(stack.rasa_url).connect()
    try:
        long_reply, seconds = await widget.say("工资" * 2000)
        odd_reply, _ = await widget.say(["not", "text"])
    finally:
        await widget.close()
    assert long_reply == [TOO_LONG] and seconds < 2
    assert odd_reply == [NOT_TEXT]
