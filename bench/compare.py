"""The product against stock Rasa 3.6, side by side in one run (``make bench``).

Both are served the same way and get the same load: the union backend and our action
server (the stock assistant has the same domain and data/, so it calls the same custom
actions and forms, which call the backend). Stock Rasa is trained from
bench/stock/config.yml (JiebaTokenizer, count vectors, DIET, default policies) and runs
with Rasa's REST channel and an in-memory tracker store, started as plain ``rasa run``;
nothing of bot/ is loaded there.

Figures (closed-loop clients, the six-message mix of bench/load.py, fresh conversations):
1-client p50/p95, throughput and p95 at 10 and 50 clients, p95 of 50 conversations with
3 s think time, turn 10 against turn 200 of one conversation, CPU per turn by process,
Rasa RSS, model load (wall and CPU seconds) and the first answer after start
(bench/startup.py); then the product's throughput with 1 and 2 instances
(bot/scale.py, when the engines are there). The machine should be quiet: on a shared
machine trust the CPU-per-turn figures, not the wall-clock ones.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.load import closed_loop, conversation_turn_costs, cpu_per_turn
from bench.startup import load_average, measure_start
from bench.stats import rss_mb
from bot import services
from bot.models import latest_model
from bot.settings import ROOT, get_settings

STOCK_DIR = ROOT / "bench" / "stock"
STOCK_MODELS = ROOT / "models" / "stock"


@dataclass
class Durations:
    one_client: float = 20
    closed: float = 25
    think: float = 40
    long_turns: int = 200

    @classmethod
    def quick(cls) -> Durations:
        return cls(8, 10, 15, 200)


@dataclass
class Figures:
    name: str
    values: dict[str, float] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)


def stock_model() -> Path:
    """Stock Rasa's model, trained once per version of the domain, data and stock config."""
    digest = hashlib.sha256()
    for path in [STOCK_DIR / "config.yml", ROOT / "domain.yml", *sorted((ROOT / "data").rglob("*.yml"))]:
        digest.update(path.read_bytes())
    name = f"stock-{digest.hexdigest()[:12]}"
    model = STOCK_MODELS / f"{name}.tar.gz"
    if not model.exists():
        print(f"训练 stock Rasa 模型（{STOCK_DIR / 'config.yml'}，只在数据变化时）…", flush=True)
        STOCK_MODELS.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(services.BIN / "rasa"), "train", "--config", str(STOCK_DIR / "config.yml"),
                        "--domain", "domain.yml", "--data", "data", "--out", str(STOCK_MODELS),
                        "--fixed-model-name", name], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return model


def _stock_endpoints(path: Path, action_port: int) -> Path:
    # the same action server, so the same shared secret (it refuses calls without it: the stock
    # side then got no reply to a figure question and the bench waited out its 15 minutes)
    path.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n'
                    "  headers:\n    X-Hotline-Action-Token: ${ACTION_SERVER_TOKEN}\n"
                    "tracker_store:\n  type: in_memory\nlock_store:\n  type: in_memory\n", encoding="utf-8")
    return path


def _stack(work: Path, model: Path, stock: bool) -> tuple[services.ServiceGroup, services.Service, str]:
    """Backend and action server (started), and the Rasa server (not yet started)."""
    product = services.local_stack(work, model)
    backend, actions, rasa = product.group.services
    if stock:
        port = int(product.rasa_url.rsplit(":", 1)[1])
        actions_port = int(product.actions_url.rsplit(":", 1)[1])
        rasa = services.rasa_server(port, model, _stock_endpoints(work / "stock-endpoints.yml", actions_port),
                                    work / "log", rasa.env, credentials=STOCK_DIR / "credentials.yml")
        # plain ``rasa run``: bot.rasa_run would apply our patches (fast load, gc.freeze) to stock too
        rasa.argv = [str(services.BIN / "rasa"), *rasa.argv[3:], f"--auth-token={get_settings().rasa_token}"]
    return services.ServiceGroup([backend, actions], timeout=900), rasa, product.rasa_url


def measure(name: str, model: Path, stock: bool, durations: Durations) -> Figures:
    figures = Figures(name)
    v = figures.values
    work = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
    group, rasa, url = _stack(work, model, stock)
    with group:
        try:
            # minutes on a busy shared machine, seconds on a quiet one
            start = measure_start(rasa, url, timeout=1200)
            v["model load s"], v["model load CPU s"] = start.ready_s, start.ready_cpu_s
            v["first answer after start s"] = start.first_answer_s
            v["Rasa RSS after start MB"] = start.rss_ready_mb
            pids = {"rasa": rasa.process.pid, "actions": group.services[1].process.pid,
                    "backend": group.services[0].process.pid}
            asyncio.run(closed_loop(url, 2, 5))  # warm-up: caches, first backend calls
            one = asyncio.run(closed_loop(url, 1, durations.one_client))
            v["1 client p50 ms"], v["1 client p95 ms"] = one.p(50), one.p(95)
            for clients in (10, 50):
                result, cpu = cpu_per_turn(pids, lambda c=clients: asyncio.run(
                    closed_loop(url, c, durations.closed)))
                v[f"{clients} clients turns/s"] = result.throughput
                v[f"{clients} clients p95 ms"] = result.p(95)
                figures.lines.append(result.line(f"{name} closed loop"))
                if clients == 10:
                    for process, ms in cpu.items():
                        v[f"CPU per turn {process} ms (10 clients)"] = ms
            think = asyncio.run(closed_loop(url, 50, durations.think, think=3.0))
            v["50 conversations, 3 s think: p95 ms"] = think.p(95)
            figures.lines.append(think.line(f"{name} 3 s think time"))
            costs = asyncio.run(conversation_turn_costs(url, durations.long_turns, rasa.process.pid))
            early, late = costs[9:19], costs[-10:]  # turns 10-19 and 191-200
            v["turn 10 latency ms"] = statistics.fmean(c[0] for c in early) * 1000
            v["turn 200 latency ms"] = statistics.fmean(c[0] for c in late) * 1000
            v["turn 10 Rasa CPU ms"] = statistics.fmean(c[1] for c in early) * 1000
            v["turn 200 Rasa CPU ms"] = statistics.fmean(c[1] for c in late) * 1000
            v["Rasa RSS after load MB"] = rss_mb(rasa.process.pid)
        finally:
            rasa.stop()
    return figures


class RedisCommandCounter:
    """Counts the Redis round trips that touch keys under one of ``prefixes`` (MONITOR; the Redis
    server is shared, so only our keys are counted: the lock store's prefix has no underscore).
    Commands a Lua script runs inside Redis are not round trips and are not counted."""

    def __init__(self, url: str, *prefixes: str) -> None:
        import redis

        self.client, self.prefixes, self.count, self._stop = redis.Redis.from_url(url), prefixes, 0, False
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with self.client.monitor() as monitor:
            for command in monitor.listen():
                if self._stop:
                    return
                if command.get("client_type") == "lua":
                    continue  # run inside a script: no round trip of its own
                if any(prefix in command.get("command", "") for prefix in self.prefixes):
                    self.count += 1

    def __enter__(self) -> RedisCommandCounter:
        self._thread.start()
        time.sleep(0.5)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop = True
        self.client.ping()  # wakes the monitor so it sees the flag


async def _count_events(url: str) -> int:
    from sqlalchemy.ext.asyncio import create_async_engine

    from bot.tracker_store import EVENTS

    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            import sqlalchemy as sa

            return (await connection.execute(sa.select(sa.func.count()).select_from(EVENTS))).scalar()
    finally:
        await engine.dispose()


SCALE_RUNS = "1,2,1i,2i"  # instances; "i": the actions in the Rasa processes


def multi_instance(model: Path, durations: Durations, runs: str = SCALE_RUNS) -> list[str]:
    """The product's throughput at 50 clients with 1 and 2 instances (bot/scale.py), the actions
    in action servers and in the Rasa processes (bot/inprocess_actions.py)."""
    from bot import scale

    engines = scale.Engines.from_settings()
    if engines is None:
        return ["(跳过多实例：没有 PostgreSQL/Redis/RabbitMQ 的 URL，见 bot/scale.py)"]
    lines = []
    for run in runs.split(","):
        instances, in_process = int(run.rstrip("i")), run.endswith("i")
        work = Path(tempfile.mkdtemp(prefix=f"bench-scale-{instances}-"))
        stack = scale.scale_stack(work, model, instances, engines, actions_in_process=in_process)
        where = "actions in Rasa" if in_process else "action servers"
        try:
            with stack.group:
                pids = {f"rasa{i}": s.process.pid for i, s in enumerate(stack.rasa)}
                pids.update({f"actions{i}": s.process.pid for i, s in enumerate(
                    s for s in stack.group.services if s.name == "action-server")})
                asyncio.run(closed_loop(stack.url, 4, 5))
                tracker_url = engines.database(stack.databases[0])
                events_before = asyncio.run(_count_events(tracker_url))
                with RedisCommandCounter(engines.redis, stack.prefix,
                                         scale.lock_key_prefix(stack.prefix)) as redis_ops:
                    result, cpu = cpu_per_turn(pids, lambda s=stack: asyncio.run(
                        closed_loop(s.url, 50, durations.closed)))
                events = asyncio.run(_count_events(tracker_url)) - events_before
                think = asyncio.run(closed_loop(stack.url, 50, durations.think, think=3.0))
                turns = max(1, result.turns)
                lines.append(result.line(f"{instances} instance(s) behind HAProxy, {where}")
                             + "; CPU per turn "
                             + ", ".join(f"{k} {ms:.1f} ms" for k, ms in cpu.items())
                             + f"; per turn: {events / turns:.1f} events written (+1 state row), "
                               f"{redis_ops.count / turns:.1f} Redis commands; "
                               f"50 conversations at 3 s think: p50 {think.p(50):.0f} ms, "
                               f"p95 {think.p(95):.0f} ms")
        finally:
            for name in stack.databases:
                engines.drop_database(name)
    return lines


def table(ours: Figures, stock: Figures) -> str:
    higher_is_better = {"10 clients turns/s", "50 clients turns/s"}
    rows = [f"{'figure':<44} {'product':>10} {'stock':>10} {'ratio':>8}"]
    for key, value in ours.values.items():
        other = stock.values.get(key, float("nan"))
        if key in higher_is_better:
            ratio = value / other if other else float("nan")
            note = "× (higher is better)"
        else:
            ratio = other / value if value else float("nan")
            note = "× better" if ratio >= 1 else "× (worse)"
        rows.append(f"{key:<44} {value:>10.1f} {other:>10.1f} {ratio:>7.2f}{note}")
    for figures in (ours, stock):
        early, late = figures.values.get("turn 10 Rasa CPU ms"), figures.values.get("turn 200 Rasa CPU ms")
        if early:
            rows.append(f"{figures.name}: turn 200 Rasa CPU / turn 10 = {late / early:.2f}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="shorter runs (development)")
    parser.add_argument("--no-scale", action="store_true", help="skip the 1- and 2-instance runs")
    parser.add_argument("--scale-runs", default=SCALE_RUNS,
                        help="the multi-instance runs: instances, \"i\" for the actions in Rasa (1,2,1i,2i)")
    parser.add_argument("--only", choices=["product", "stock", "scale"],
                        help="measure one side only, or only the 1- and 2-instance runs")
    args, _ = parser.parse_known_args(argv)
    durations = Durations.quick() if args.quick else Durations()
    get_settings()
    model = latest_model()
    if model is None:
        print("(跳过：没有训练好的模型，先运行 make train)")
        return
    print(f"== product vs stock Rasa 3.6 == (load average {load_average()})", flush=True)
    if args.only == "scale":
        print("== multi-instance (HAProxy, PostgreSQL, Redis, RabbitMQ) ==", flush=True)
        print("\n".join(multi_instance(model, durations, args.scale_runs)), flush=True)
        return
    stock_path = stock_model()
    sides = {"product": (model, False), "stock": (stock_path, True)}
    if args.only:
        figures = measure(args.only, *sides[args.only], durations)
        print("\n".join(figures.lines))
        print("\n".join(f"{k}: {v:.1f}" for k, v in figures.values.items()), flush=True)
        return
    ours = measure("product", model, False, durations)
    stock = measure("stock", stock_path, True, durations)
    for line in ours.lines + stock.lines:
        print(line)
    print(table(ours, stock), flush=True)
    if not args.no_scale:
        print("== multi-instance (HAProxy, PostgreSQL, Redis, RabbitMQ) ==", flush=True)
        for line in multi_instance(model, durations, args.scale_runs):
            print(line, flush=True)


if __name__ == "__main__":
    main()
