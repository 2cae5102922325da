"""Closed-loop load on a Rasa REST channel, with CPU seconds per turn for each process.

Each client plays a fresh conversation of the six-message mix below, again and again
(the fourth message answers the find-station form: its validation and the station
lookup call the backend). ``cpu_seconds`` reads utime+stime from /proc, so the CPU
cost of a turn can be judged on a busy shared machine where wall time is noisy.

``python -m bench.load --clients 20 --duration 25 --profile var/flame.svg`` starts the
product on free ports (bot/services.py), runs the load and records a py-spy flame
graph of the Rasa process; ``--top`` prints its top frames; ``--inprocess`` runs the
actions in the Rasa process.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import os
import random
import re
import subprocess
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from bench.stats import percentile

# (message, a word the reply must contain or None): six turns of one conversation
MIX: list[tuple[str, str | None]] = [
    ("你好", None),
    ("上海最低工资是多少", None),
    ("最近的工会服务站在哪里", None),
    ("青岛黄岛区辛安街道", "辛安"),  # form turn: validation + station lookup call the backend
    ("大年初一上班给三倍工资吗", None),
    ("谢谢", None),
]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
_FRAME_LINE = re.compile(r":\d+\)$")
_SITE = re.compile(r"\(\S*site-packages/")
_TITLE = re.compile(r"(.*) \(([\d,]+) samples?, [\d.]+%\)$")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its children that it waited for."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    utime, stime = int(fields[11]), int(fields[12])
    return (utime + stime) / CLOCK_TICKS


@dataclass
class LoadResult:
    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)

    @property
    def turns(self) -> int:
        return len(self.latencies)

    @property
    def throughput(self) -> float:
        return self.turns / self.seconds if self.seconds else 0.0

    def p(self, pct: float) -> float:
        return percentile(self.latencies, pct) * 1000 if self.latencies else float("nan")

    def line(self, name: str) -> str:
        errors = f", errors {dict(self.errors)}" if self.errors else ""
        return (f"{name}: {self.clients} clients, {self.throughput:.1f} turns/s, p50 {self.p(50):.0f} ms, "
                f"p95 {self.p(95):.0f} ms (n={self.turns}{errors})")


async def say(session: aiohttp.ClientSession, url: str, sender: str, text: str) -> str:
    async with session.post(f"{url}/webhooks/rest/webhook",
                            json={"sender": sender, "message": text}) as response:
        response.raise_for_status()
        replies = await response.json()
    return "\n".join(str(r.get("text", "")) for r in replies)


async def _client(urls: list[str], index: int, deadline: float, think: float, result: LoadResult,
                  session: aiohttp.ClientSession) -> None:
    turn = 0
    if think:
        # conversations arrive independently: each starts at its own moment within the first
        # think time (the same moments every run) instead of all 50 in the same millisecond,
        # which kept the whole run in waves of 50 simultaneous messages
        await asyncio.sleep(random.Random(index).uniform(0, think))
    while time.monotonic() < deadline:
        sender = f"load-{uuid.uuid4().hex[:12]}"
        for text, expected in MIX:
            if time.monotonic() >= deadline:
                return
            url = urls[(index + turn) % len(urls)]
            turn += 1
            started = time.perf_counter()
            try:
                reply = await say(session, url, sender, text)
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                result.errors[type(exc).__name__] += 1
                await asyncio.sleep(0.2)
                continue
            result.latencies.append(time.perf_counter() - started)
            if expected and expected not in reply:
                result.errors["unexpected reply"] += 1
            if think:
                await asyncio.sleep(think)


async def closed_loop(urls: list[str] | str, clients: int, seconds: float, think: float = 0.0) -> LoadResult:
    """``clients`` conversations at once, each sending its next message when the reply came
    (after ``think`` seconds); measured for ``seconds``."""
    urls = [urls] if isinstance(urls, str) else urls
    result = LoadResult(clients, seconds)
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        deadline = time.monotonic() + seconds
        started = time.monotonic()
        await asyncio.gather(*(_client(urls, i, deadline, think, result, session) for i in range(clients)))
        result.seconds = time.monotonic() - started
    return result


async def conversation_turn_costs(url: str, turns: int, pid: int) -> list[tuple[float, float]]:
    """One conversation of ``turns`` messages (the mix, repeated): (latency s, Rasa CPU s) per turn."""
    sender = f"long-{uuid.uuid4().hex[:12]}"
    out = []
    async with aiohttp.ClientSession() as session:
        for turn in range(turns):
            text = MIX[turn % len(MIX)][0]
            cpu, started = cpu_seconds(pid), time.perf_counter()
            await say(session, url, sender, text)
            out.append((time.perf_counter() - started, cpu_seconds(pid) - cpu))
    return out


def cpu_per_turn(pids: dict[str, int], run) -> tuple[object, dict[str, float]]:
    """Runs ``run()`` (returning a LoadResult) and gives CPU ms per turn for each process."""
    before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    result = run()
    per_turn = {name: (cpu_seconds(pid) - before[name]) * 1000 / max(1, result.turns)
                for name, pid in pids.items()}
    return result, per_turn


def top_frames(flame_svg: Path, limit: int = 25) -> list[tuple[float, str]]:
    """Inclusive share of samples per function, read from py-spy's flame graph (one py-spy
    per process: a second one attached at the same time fails to suspend it)."""
    text = flame_svg.read_text(encoding="utf-8", errors="replace")
    counts: Counter = Counter()
    total = 0
    for title in re.findall(r"<title>(.*?)</title>", text, re.S):
        match = _TITLE.match(html.unescape(title).strip())
        if not match:
            continue
        name, samples = match.group(1), int(match.group(2).replace(",", ""))
        if name == "all":
            total = samples
            continue
        counts[_SITE.sub("(", _FRAME_LINE.sub(")", name))] += samples
    return [(100 * c / total, f) for f, c in counts.most_common(limit)] if total else []


def main() -> None:
    from bot import services
    from bot.models import latest_model

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=25)
    parser.add_argument("--profile", type=Path, help="py-spy flame graph (svg) of the Rasa process")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--long", type=int, default=0, help="then one conversation of this many turns")
    parser.add_argument("--inprocess", action="store_true",
                        help="the actions in the Rasa process (bot/inprocess_actions.py), no action server")
    args = parser.parse_args()

    model = latest_model()
    stack = services.local_stack(Path(tempfile.mkdtemp(prefix="bench-load-")), model, in_process=args.inprocess)
    stack.group.timeout = 900  # a busy shared machine loads the model slowly
    with stack.group:
        pids = {s.name: s.process.pid for s in stack.group.services}
        asyncio.run(closed_loop(stack.rasa_url, 2, 5))  # warm-up
        spy = None
        if args.profile:
            args.profile.parent.mkdir(parents=True, exist_ok=True)
            spy_bin = Path(services.BIN) / "py-spy"
            common = ["-p", str(pids["rasa"]), "-d", str(int(args.duration)), "-r", "50"]
            spy = [subprocess.Popen([str(spy_bin), "record", *common, "-o", str(args.profile)])]
        result, per_turn = cpu_per_turn(
            pids, lambda: asyncio.run(closed_loop(stack.rasa_url, args.clients, args.duration)))
        for proc in spy or []:
            proc.wait(timeout=120)
        long = asyncio.run(conversation_turn_costs(stack.rasa_url, args.long, pids["rasa"])) if args.long else []
    print(result.line("closed loop"))
    print("CPU per turn: " + ", ".join(f"{name} {ms:.1f} ms" for name, ms in per_turn.items()))
    if long:
        for label, part in (("turns 10-19", long[9:19]), (f"turns {args.long - 9}-{args.long}", long[-10:])):
            print(f"one conversation, {label}: latency {1000 * sum(c[0] for c in part) / len(part):.0f} ms, "
                  f"Rasa CPU {1000 * sum(c[1] for c in part) / len(part):.1f} ms per turn")
    if args.profile:
        print(f"flame graph: {args.profile}")
        for share, frame in top_frames(args.profile, args.top):
            print(f"{share:5.1f}%  {frame}")


if __name__ == "__main__":
    main()
