"""Start-up of the Rasa server: model load time, first answer, memory (issue 12).

Every test stack and every ``make run`` waits for the Rasa server to load its model, so its
start-up is measured on its own here: the time from starting ``rasa run`` to the server
answering (Rasa listens only once the model is loaded), the CPU seconds that took (the figure
to trust on a busy shared machine), the time to the first answered REST message, and the
server's memory split by kind from ``/proc/<pid>/smaps_rollup`` (anonymous memory is what the
process allocated; file-backed memory is shared libraries and the page cache's share).

``python -m bench.startup --runs 3 [--profile var/startup.txt]`` starts the backend and the
action server once, then the Rasa server ``--runs`` times; ``--profile`` records a py-spy
profile of the first start (until its first answer) and prints its top frames.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import signal
import statistics
import subprocess
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import aiohttp

from bench.load import cpu_seconds, say
from bench.stats import rss_mb

FIRST_MESSAGE = "上海最低工资是多少"
_LINE = re.compile(r":\d+\)$")  # py-spy's "func (file.py:123)": the line number is dropped
_SITE = re.compile(r"\(\S*site-packages/")


@dataclass
class StartFigures:
    """One start of the Rasa server."""

    ready_s: float  # start → the server answers (model loaded)
    ready_cpu_s: float  # CPU seconds the server spent until then
    first_answer_s: float  # start → first REST message answered
    rss_ready_mb: float
    rss_first_mb: float
    memory_mb: dict[str, float]  # smaps_rollup after the first answer, by kind

    def line(self) -> str:
        kinds = ", ".join(f"{k} {v:.0f}" for k, v in self.memory_mb.items())
        return (f"ready {self.ready_s:.1f} s ({self.ready_cpu_s:.1f} s CPU), first answer "
                f"{self.first_answer_s:.1f} s, RSS {self.rss_ready_mb:.0f} MB at ready, "
                f"{self.rss_first_mb:.0f} MB after the first answer ({kinds} MB)")


def parse_rollup(text: str) -> dict[str, float]:
    """The RSS figures of a ``smaps_rollup`` text in MB: total, anonymous, file-backed
    (what is left: shared libraries, mapped files) and swapped out."""
    kb: dict[str, int] = {}
    for line in text.splitlines():
        name, _, rest = line.partition(":")
        parts = rest.split()
        if len(parts) == 2 and parts[1] == "kB" and parts[0].isdigit():
            kb[name.strip()] = int(parts[0])
    rss, anon = kb.get("Rss", 0), kb.get("Anonymous", 0)
    return {"Rss": rss / 1024, "anonymous": anon / 1024, "file-backed": max(0, rss - anon) / 1024,
            "swap": kb.get("Swap", 0) / 1024}


def memory_rollup(pid: int) -> dict[str, float]:
    """``parse_rollup`` of a live process (empty when it is gone)."""
    try:
        return parse_rollup(Path(f"/proc/{pid}/smaps_rollup").read_text())
    except OSError:
        return {}


def load_average() -> str:
    """The machine's 1/5/15-minute load average: every wall-clock figure depends on it."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


async def _first_answer(url: str, deadline: float) -> None:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        while True:
            try:
                if await say(session, url, f"start-{uuid.uuid4().hex[:8]}", FIRST_MESSAGE):
                    return
            except (aiohttp.ClientError, asyncio.TimeoutError):
                if time.monotonic() > deadline:
                    raise
            if time.monotonic() > deadline:
                raise TimeoutError(f"no answer to {FIRST_MESSAGE!r} from {url}")
            await asyncio.sleep(0.2)


def inclusive_shares(collapsed: str, limit: int = 30) -> list[tuple[float, str]]:
    """Share of samples in which each function is on the stack (counted once per sample, so a
    recursive or re-entered frame never passes 100 %), from py-spy's ``--format raw`` output:
    one ``frame;frame;… count`` line per distinct stack."""
    counts: Counter[str] = Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        samples = int(count)
        total += samples
        for frame in {_SITE.sub("(", _LINE.sub(")", f)) for f in stack.split(";")}:
            counts[frame] += samples
    return [(100 * c / total, f) for f, c in counts.most_common(limit)] if total else []


def _spy(pid: int, out: Path) -> subprocess.Popen:
    from bot.processes import BIN

    out.parent.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen([str(BIN / "py-spy"), "record", "-p", str(pid), "-r", "50", "-f", "raw",
                             "-o", str(out), "--nonblocking"], stdout=subprocess.DEVNULL)


def measure_start(rasa, url: str, timeout: float = 900, profile: Path | None = None) -> StartFigures:
    """Starts the (not yet started) Rasa ``Service``, waits until it answers a message, and
    leaves it running; the caller stops it."""
    started = time.monotonic()
    rasa.start()
    pid = rasa.process.pid
    spy = _spy(pid, profile) if profile else None
    rasa.wait_ready(timeout)
    ready, ready_cpu, rss_ready = time.monotonic() - started, cpu_seconds(pid), rss_mb(pid)
    asyncio.run(_first_answer(url, started + timeout))
    first = time.monotonic() - started
    if spy:
        spy.send_signal(signal.SIGINT)  # py-spy writes its profile when interrupted
        spy.wait(timeout=120)
    return StartFigures(ready, ready_cpu, first, rss_ready, rss_mb(pid), memory_rollup(pid))


def main() -> None:
    from bot.models import latest_model
    from bot.processes import ServiceGroup
    from bot.stack import local_stack

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--profile", type=Path, help="py-spy profile (collapsed stacks) of the first start")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    model = args.model or latest_model()
    if model is None:
        raise SystemExit("没有训练好的模型，先运行 make train")
    stack = local_stack(Path(tempfile.mkdtemp(prefix="bench-startup-")), model)
    backend, actions, rasa = stack.group.services
    runs: list[StartFigures] = []
    with ServiceGroup([backend, actions]):
        for run in range(args.runs):
            print(f"load average {load_average()} before start {run + 1}", flush=True)
            try:
                runs.append(measure_start(rasa, stack.rasa_url, profile=args.profile if run == 0 else None))
            finally:
                rasa.stop()
            print(f"start {run + 1}: {runs[-1].line()}", flush=True)
    print(f"median of {len(runs)}: ready {statistics.median(r.ready_s for r in runs):.1f} s, "
          f"ready CPU {statistics.median(r.ready_cpu_s for r in runs):.1f} s, first answer "
          f"{statistics.median(r.first_answer_s for r in runs):.1f} s, RSS after the first answer "
          f"{statistics.median(r.rss_first_mb for r in runs):.0f} MB (load average {load_average()}, "
          f"{os.cpu_count()} cores)")
    if args.profile:
        print(f"profile (py-spy raw, for flamegraph.pl or speedscope): {args.profile}")
        for share, frame in inclusive_shares(args.profile.read_text(), args.top):
            print(f"{share:5.1f}%  {frame}")


if __name__ == "__main__":
    main()
