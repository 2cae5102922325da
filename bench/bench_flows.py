"""Reply latency of a form turn that calls the backend, with 10 concurrent conversations.

The measured turn is the worker's answer that completes the find-station form: Rasa parses
it, runs the form's validation (which resolves the place through the backend), then the
action that reads the station from the backend, and replies. Everything is real: the
backend on a temporary SQLite database, the action server and Rasa with the trained model.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp

from bench.stats import describe_ms
from bot import services
from bot.models import latest_model

CONVERSATIONS = 10
ROUNDS = 5
OPENING, ANSWER = "最近的工会服务站在哪里", "青岛黄岛区辛安街道"


async def _say(session: aiohttp.ClientSession, url: str, sender: str, text: str) -> str:
    async with session.post(f"{url}/webhooks/rest/webhook",
                            json={"sender": sender, "message": text}) as response:
        replies = await response.json()
    return "\n".join(r.get("text", "") for r in replies)


async def _conversation(url: str) -> list[float]:
    samples = []
    async with aiohttp.ClientSession() as session:
        for _ in range(ROUNDS):
            sender = f"bench-{uuid.uuid4().hex[:10]}"
            await _say(session, url, sender, OPENING)
            started = time.perf_counter()
            reply = await _say(session, url, sender, ANSWER)
            samples.append(time.perf_counter() - started)
            if "辛安" not in reply:
                raise RuntimeError(f"unexpected reply to the measured turn: {reply!r}")
    return samples


async def _run(url: str) -> list[float]:
    batches = await asyncio.gather(*(_conversation(url) for _ in range(CONVERSATIONS)))
    return [s for batch in batches for s in batch]


def main() -> None:
    print("== dialogue ==", flush=True)
    model = latest_model()
    if model is None:
        print("(跳过：没有训练好的模型，先运行 make train)")
        return
    stack = services.local_stack(Path(tempfile.mkdtemp(prefix="bench-flows-")), model)
    with stack.group:
        asyncio.run(_conversation(stack.rasa_url))  # warm-up: first calls load caches
        samples = asyncio.run(_run(stack.rasa_url))
    print(describe_ms(f"form turn calling the backend ({CONVERSATIONS} concurrent conversations, "
                      f"{len(samples)} turns)", samples))


if __name__ == "__main__":
    main()
