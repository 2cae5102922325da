"""Runs every benchmark of the product and prints its figures."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = ["bench.compare", "bench.bench_nlu", "bench.bench_backend", "bench.bench_flows", "bench.bench_handoff"]


def main() -> None:
    failed = []
    for name in BENCHMARKS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            print(f"(跳过 {name}: {exc})")
            continue
        try:
            module.main()
        except Exception as exc:  # keep going: one broken benchmark must not hide the others
            print(f"✘ {name} 失败: {exc!r}")
            failed.append(name)
        print(flush=True)
    if failed:
        sys.exit(f"失败的基准: {', '.join(failed)}")


if __name__ == "__main__":
    main()
