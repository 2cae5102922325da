"""Reply latency of a form turn that calls the backend, 10 concurrent conversations."""

from __future__ import annotations

import asyncio
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp

from bench.stats import describe_ms
from bot import services

CONVERSATIONS = 10
ROUNDS = 5


async def _conversation(url: str) -> list[float]:
    samples = []
    async with aiohttp.ClientSession() as session:
        for _ in range(ROUNDS):
            sender = f"bench-{uuid.uuid4().hex[:10]}"
            for text in ("最近的工会服务站在哪里", "青岛黄岛区辛安街道"):
                started = time.perf_counter()
                async with session.post(f"{url}/webhooks/rest/webhook",
                                        json={"sender": sender, "message": text}) as response:
                    await response.read()
            samples.append(time.perf_counter() - started)  # the turn that fills the form and calls the backend
    return samples


async def _run(url: str) -> list[float]:
    batches = await asyncio.gather(*(_conversation(url) for _ in range(CONVERSATIONS)))
    return [s for batch in batches for s in batch]


def main() -> None:
    print("== dialogue ==", flush=True)
    model = services.latest_model()
    stack = services.local_stack(Path(tempfile.mkdtemp(prefix="bench-flows-")), model)
    with stack.group:
        asyncio.run(_conversation(stack.rasa_url))  # warm-up
        samples = asyncio.run(_run(stack.rasa_url))
    print(describe_ms(f"form turn calling the backend, {CONVERSATIONS} concurrent conversations",
                      samples))


if __name__ == "__main__":
    main()
