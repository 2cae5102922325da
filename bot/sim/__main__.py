"""``make simulate``: every generated scenario against the product, then the table.

By default it starts its own stack the way the tests do (``bot.services.local_stack``: the
backend on a temporary SQLite database, the action server, Rasa with the newest trained
model, each on a free port) and stops it at the end. ``--rasa-url``/``--backend-url`` run
against a product that is already running (``make run``) instead.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

from bot.sim import report
from bot.sim.runner import DEFAULT_CONCURRENCY, limit_reset, run_scenarios
from bot.sim.scenarios import generate, sample
from bot.sim.worker import Product, Result

STARTUP_TIMEOUT = 900  # seconds for each service: loading the model is slow on a busy machine


def _progress(total: int):
    done = {"n": 0, "ok": 0}

    def tick(result: Result) -> None:
        done["n"] += 1
        done["ok"] += result.success
        mark = "✔" if result.success else "✘"
        print(f"[{done['n']:3d}/{total}] {mark} {result.scenario:42} {result.turns:2d} 轮"
              + ("" if result.success else f"  {result.reason}"), flush=True)
    return tick


def _run(scenarios, product: Product, concurrency: int, database_url: str = "") -> list[Result]:
    return asyncio.run(run_scenarios(scenarios, product, concurrency, _progress(len(scenarios)),
                                     limit_reset(database_url)))


def main() -> None:
    parser = argparse.ArgumentParser(description="模拟职工：用生成的场景和助手对话，统计成功率。")
    parser.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY)
    parser.add_argument("--sample", action="store_true", help="只跑 make test 用的固定样本")
    parser.add_argument("--flow", action="append", help="只跑这些流程（可重复）")
    parser.add_argument("--model", type=Path, help="模型文件（默认：最新模型）")
    parser.add_argument("--rasa-url", help="已在运行的 Rasa（不自己启动服务）")
    parser.add_argument("--backend-url", help="已在运行的后台")
    parser.add_argument("--database-url", default="",
                        help="已在运行的后台自己的 SQLite 数据库（可清零验证码次数限制）")
    parser.add_argument("--id", action="append", help="只跑名字包含它的场景（可重复）")
    parser.add_argument("--show", action="store_true", help="打印未完成场景的对话")
    parser.add_argument("--reverse", action="store_true", help="从最后一个场景往前跑")
    parser.add_argument("--list", action="store_true", help="只列出场景，不对话")
    parser.add_argument("--rerun-problems", type=Path, metavar="REPORT_JSON",
                        help="重跑这份报告里出过错（无回复/出错）的场景，合并成一份新报告")
    parser.add_argument("--min-success", type=float, default=0.0, help="总成功率低于它时退出码为 1")
    args = parser.parse_args()

    scenarios = generate()
    if args.sample:
        scenarios = sample(scenarios)
    if args.flow:
        scenarios = [s for s in scenarios if s.flow in args.flow]
    if args.id:
        scenarios = [s for s in scenarios if any(part in s.id for part in args.id)]
    if args.reverse:
        scenarios = scenarios[::-1]
    earlier: list[Result] = []
    if args.rerun_problems:
        earlier = [Result.from_dict(r) for r in
                   json.loads(args.rerun_problems.read_text(encoding="utf-8"))["results"]]
        again = {r.scenario for r in earlier if r.problems}
        scenarios = [s for s in scenarios if s.id in again]
    if args.list:
        for s in scenarios:
            print(f"{s.id:42} {s.opening}")
        print(f"{len(scenarios)} 个场景")
        return

    from bot.models import up_to_date_model
    from bot.services import local_stack
    from bot.settings import get_settings

    started = time.monotonic()
    if args.rasa_url:
        product = Product(args.rasa_url, args.backend_url or get_settings().backend_url,
                          get_settings().backend_token)
        model_name = "(running product)"
        results = _run(scenarios, product, args.concurrency, args.database_url)
    else:
        # as make evaluate: train first when the inputs changed
        model = args.model or up_to_date_model()
        if model is None:
            sys.exit("✘ 没有训练好的模型：先运行 make train")
        model_name = model.name
        work = Path(tempfile.mkdtemp(prefix="hotline-sim-"))
        stack = local_stack(work, model)
        stack.group.timeout = STARTUP_TIMEOUT
        print(f"▶ 启动服务（模型 {model.name}，日志 {work}/log）…", flush=True)
        with stack.group:
            product = Product(stack.rasa_url, stack.backend_url, get_settings().backend_token)
            results = _run(scenarios, product, args.concurrency, stack.database_url)
    note = ""
    if earlier:  # the earlier conversations, with the rerun ones replaced
        rerun = {r.scenario: r for r in results}
        results = [rerun.get(r.scenario, r) for r in earlier]
        note = (f"{len(rerun)} 个出过错的场景重跑过（来自 {args.rerun_problems}）：" +
                ", ".join(sorted(rerun)))
    out = report.write(results, model_name, args.concurrency, time.monotonic() - started, note=note)
    summary = report.summarise(results)
    if args.show:
        for line in report.transcripts([r for r in results if not r.success]):
            print(line)
    print()
    print(report.table(summary, "flow"))
    print(f"\n报告: {out}/report.md")
    if summary["total"]["success_rate"] < args.min_success:
        sys.exit(f"✘ 成功率 {summary['total']['success_rate']:.1%} 低于要求 {args.min_success:.0%}")


if __name__ == "__main__":
    main()
