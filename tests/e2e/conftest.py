"""Scripted conversations through Rasa's REST channel against the real stack."""

from __future__ import annotations

import uuid

import aiohttp
import pytest


class Chat:
    """One worker's conversation: ``await chat.say("…")`` returns the bot's replies."""

    def __init__(self, stack) -> None:
        self.stack = stack
        self.sender = f"e2e-{uuid.uuid4().hex[:12]}"
        self.transcript: list[tuple[str, str]] = []

    async def say(self, text: str) -> str:
        async with aiohttp.ClientSession() as session:
            async with session.post(f"{self.stack.rasa_url}/webhooks/rest/webhook",
                                    json={"sender": self.sender, "message": text}) as response:
                assert response.status == 200
                replies = await response.json()
        answer = "\n".join(r.get("text", "") for r in replies)
        self.transcript.append((text, answer))
        assert answer.strip(), f"the bot stayed silent after {text!r}: {self.transcript}"
        return answer


class BackendAPI:
    def __init__(self, stack) -> None:
        self.stack = stack

    async def call(self, method: str, path: str, **kwargs):
        headers = {"Authorization": f"Bearer {self.stack.backend_token}",
                   **kwargs.pop("headers", {})}
        async with aiohttp.ClientSession() as session:
            async with session.request(method, f"{self.stack.backend_url}/api/v1{path}",
                                       headers=headers, **kwargs) as response:
                return response.status, await response.json()

    async def tickets_of(self, chat: Chat) -> list[dict]:
        _, body = await self.call("GET", "/tickets", params={"limit": "500"})
        return [t for t in body["tickets"] if t["conversation_id"] == chat.sender]

    async def last_code(self, phone: str) -> str:
        _, body = await self.call("GET", "/dev/outbox", params={"phone": phone})
        return body["messages"][0]["body"].split("验证码是 ")[1][:6]


@pytest.fixture
def chat(stack) -> Chat:
    return Chat(stack)


@pytest.fixture
def backend_api(stack) -> BackendAPI:
    return BackendAPI(stack)
