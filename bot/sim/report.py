"""The simulated workers' table: per flow and in total, written to ``reports/sim/<time>/``.

Columns: task success, mean worker turns, questions about facts already given (in the
opening message / earlier in the conversation) and silent or error replies. ``python -m
bot.sim.report`` prints the newest report's table (``make evaluate`` does).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path

from bot.settings import ROOT
from bot.sim.worker import Result

REPORTS = ROOT / "reports" / "sim"
HEADER = ("| {first} | 场景 n | 成功率 success | 平均轮数 turns | 重问开场已给 asked (opening) "
          "| 重问对话已给 asked (later) | 无回复/出错 silent/error |")


def _row(results: list[Result]) -> dict:
    n = len(results)
    return {
        "n": n,
        "success": sum(r.success for r in results),
        "success_rate": sum(r.success for r in results) / n if n else 0.0,
        "mean_turns": sum(r.turns for r in results) / n if n else 0.0,
        "asked_given_in_opening": sum(r.asked_given_in_opening for r in results),
        "asked_given_later": sum(r.asked_given_later for r in results),
        "silent_or_error": sum(r.problems for r in results),
        "unknown_answers": sum(r.unknown_answers for r in results),
    }


def summarise(results: list[Result]) -> dict:
    """Rows per flow, per opening style and per answer style, and the total."""
    groups: dict[str, dict[str, list[Result]]] = {"flow": defaultdict(list),
                                                   "opening_style": defaultdict(list),
                                                   "answer_style": defaultdict(list)}
    for r in results:
        for key, group in groups.items():
            group[getattr(r, key)].append(r)
    return {key: {name: _row(items) for name, items in group.items()}
            for key, group in groups.items()} | {"total": _row(results)}


def _line(name: str, row: dict) -> str:
    return (f"| {name} | {row['n']} | {row['success_rate'] * 100:.1f}% ({row['success']}) "
            f"| {row['mean_turns']:.1f} | {row['asked_given_in_opening']} "
            f"| {row['asked_given_later']} | {row['silent_or_error']} |")


FIRST_COLUMN = {"flow": "流程 flow", "opening_style": "开场 opening", "answer_style": "回答 answer"}


def table(summary: dict, by: str = "flow") -> str:
    lines = [HEADER.format(first=FIRST_COLUMN[by]), "|---|---|---|---|---|---|---|"]
    lines += [_line(name, row) for name, row in summary[by].items()]
    lines.append(_line("**合计 total**", summary["total"]))
    return "\n".join(lines)


def _failure(r: Result) -> str:
    talk = " / ".join(f"👷 {t.said} → 🤖 {' '.join(t.replies)[:120]}" for t in r.transcript)
    return f"- `{r.scenario}` ({r.reason}): {talk}"


def transcripts(results: list[Result]) -> list[str]:
    """Each conversation in full, for reading on a terminal."""
    lines = []
    for r in results:
        lines.append(f"── {r.scenario} · {r.goal} · {r.reason}")
        for t in r.transcript:
            lines.append(f"   👷 {t.said}" + (f"   [问到 {', '.join(t.asked)}]" if t.asked else ""))
            lines += [f"   🤖 {text}" for text in t.replies] or ["   🤖 （无回复）"]
            if t.buttons:
                lines.append(f"      按钮 {t.buttons}")
    return lines


def markdown(report: dict, results: list[Result]) -> str:
    s = report["summary"]
    lines = [f"# 模拟职工评估 simulated workers {report['time']}", "",
             f"模型 model: `{report['model']}` · 场景 scenarios: {s['total']['n']} · "
             f"并发 concurrency: {report['concurrency']} · 用时 {report['seconds']:.0f} s", "",
             *([report["note"], ""] if report.get("note") else []),
             "## 按流程 by flow", "", table(s, "flow"), "",
             "## 按开场方式 by opening style", "", table(s, "opening_style"), "",
             "## 按回答方式 by answer style", "", table(s, "answer_style"), "",
             "## 未完成的场景 failures", ""]
    lines += [_failure(r) for r in results if not r.success] or ["（无）"]
    return "\n".join(lines) + "\n"


def write(results: list[Result], model: str, concurrency: int, seconds: float,
          out_root: Path = REPORTS, note: str = "") -> Path:
    """``report.json`` (every conversation) and ``report.md`` under a new timestamped folder."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    out = out_root / stamp
    out.mkdir(parents=True, exist_ok=True)
    report = {"time": stamp, "model": model, "concurrency": concurrency,
              "seconds": round(seconds, 1), "note": note, "summary": summarise(results)}
    (out / "report.json").write_text(json.dumps(
        {**report, "results": [r.to_dict() for r in results]}, ensure_ascii=False, indent=1),
        encoding="utf-8")
    (out / "report.md").write_text(markdown(report, results), encoding="utf-8")
    return out


def latest(out_root: Path = REPORTS) -> Path | None:
    """The newest report of the whole set (a run of a few flows or the sample only when there
    is none)."""
    reports = sorted(out_root.glob("*/report.json"))
    whole = [p for p in reports
             if json.loads(p.read_text(encoding="utf-8"))["summary"]["total"]["n"] >= 300]
    found = whole or reports
    return found[-1] if found else None


def print_latest(out_root: Path = REPORTS) -> None:
    path = latest(out_root)
    if path is None:
        print("\n还没有模拟职工的报告：运行 make simulate 生成。")
        return
    report = json.loads(path.read_text(encoding="utf-8"))
    print(f"\n模拟职工 simulated workers（{report['time']}，模型 {report['model']}，"
          f"{report['summary']['total']['n']} 个场景）")
    print(table(report["summary"], "flow"))
    print(f"报告: {path.parent}/report.md")


def _cut_short(r: Result) -> bool:
    """The conversation broke on the way to the product (HTTP failure, simulator crash)."""
    return r.reason.startswith("crashed") or any((t.problem or "").startswith("http")
                                                 for t in r.transcript)


def merge(first: Path, second: Path, out_root: Path = REPORTS) -> Path:
    """One report from two runs of the same set: a conversation the first run lost on the way
    to the product (the stack went down, a crash) is taken from the second run."""
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (first, second))
    again = {r["scenario"]: Result.from_dict(r) for r in b["results"]}
    results, replaced = [], []
    for r in (Result.from_dict(x) for x in a["results"]):
        if _cut_short(r) and r.scenario in again and not _cut_short(again[r.scenario]):
            r = again[r.scenario]
            replaced.append(r.scenario)
        results.append(r)
    note = (f"合并两次运行：{len(replaced)} 个在 {first.parent.name} 中途断开的对话取自 "
            f"{second.parent.name}。")
    return write(results, a["model"], a["concurrency"], a["seconds"] + b["seconds"], out_root,
                 note=note)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="显示最近一次模拟职工的成绩，或合并两份报告。")
    parser.add_argument("--merge", nargs=2, type=Path, metavar=("FIRST_JSON", "SECOND_JSON"))
    args = parser.parse_args()
    if args.merge:
        print(f"{merge(*args.merge)}/report.md")
    print_latest()
