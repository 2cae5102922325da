"""NLU figures: full training time, model load time, parse latency, server memory."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from bench.stats import describe_ms, rss_mb
from bot import services
from bot.models import latest_model
from bot.settings import ROOT, get_settings

SENTENCES = [
    "老板欠我三个月工资", "孩子没有本地户口能在这边上小学吗", "大年初一上班给三倍工资吗",
    "上海最低工资是多少", "留在上海过年有补贴吗", "自付医药费三千能申请救助吗",
    "被辞退没补偿想申请仲裁", "最近压力很大睡不着", "辛安街道的工会服务站在哪",
    "工单GH202611180023到哪一步了", "转人工", "俺们工地包工头跑路了欠了一万二",
]


def time_training() -> tuple[float, Path]:
    out = Path(tempfile.mkdtemp(prefix="bench-train-"))
    started = time.monotonic()
    subprocess.run([str(services.BIN / "rasa"), "train", "--force", "--out", str(out)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - started, next(out.glob("*.tar.gz"))


async def parse_latencies(url: str, token: str, rounds: int) -> list[float]:
    samples = []
    async with aiohttp.ClientSession() as session:
        for i in range(rounds):
            text = SENTENCES[i % len(SENTENCES)]
            started = time.perf_counter()
            async with session.post(f"{url}/model/parse", params={"token": token},
                                    json={"text": text}) as response:
                await response.read()
            samples.append(time.perf_counter() - started)
    return samples


def main(train: bool = True) -> None:
    print("== NLU ==", flush=True)
    if train:
        print("训练完整模型（--force，约几分钟）…", flush=True)
        seconds, model = time_training()
        print(f"full training time: {seconds:.0f} s (target ≤ 180 s)")
    else:
        model = latest_model()
    work = Path(tempfile.mkdtemp(prefix="bench-nlu-"))
    port = services.free_port()
    endpoints = services.write_endpoints(work / "endpoints.yml", services.free_port(),
                                         work / "tracker.db")
    rasa = services.rasa_server(port, model, endpoints, work)
    started = time.monotonic()
    with services.ServiceGroup([rasa]):
        print(f"model load time (server start → ready): {time.monotonic() - started:.1f} s")
        url, token = f"http://127.0.0.1:{port}", get_settings().rasa_token
        asyncio.run(parse_latencies(url, token, 20))  # warm-up
        samples = asyncio.run(parse_latencies(url, token, 300))
        print(describe_ms("parse latency /model/parse", samples) + " (target p95 ≤ 60 ms)")
        print(f"Rasa server memory (RSS): {rss_mb(rasa.process.pid):.0f} MB")


if __name__ == "__main__":
    main(train="--no-train" not in sys.argv)
