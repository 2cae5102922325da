"""``python -m bot.train [--force]``: train the Rasa model when its inputs changed.

Finding, stale-checking and training live in ``bot/models.py``; this is the command line, and
every training run ends with the evaluation report on the held-out set (``bot/evaluate.py``):
``reports/nlu/<time>/``, compared with the previous run, warning on a macro-F1 drop.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from bot.models import MODELS, is_up_to_date, latest_model, train


def main() -> None:
    """Trains when asked (``--force``) or when the inputs changed, then reports."""
    parser = argparse.ArgumentParser(description="训练职工服务热线助手的模型（需要时）。")
    parser.add_argument("--force", action="store_true", help="即使数据没变也重新训练")
    parser.add_argument("--no-evaluate", action="store_true", help="训练后不生成评估报告")
    args = parser.parse_args()
    if not args.force and is_up_to_date():
        print(f"✔ 模型是最新的: {latest_model()}（数据和配置没有变化，跳过训练）")
        return
    MODELS.mkdir(exist_ok=True)
    try:
        model = train(force=args.force)
    except subprocess.CalledProcessError as exc:
        sys.exit(f"✘ 训练失败（退出码 {exc.returncode}）。请根据上面的错误信息修改数据或配置。")
    if not args.no_evaluate:
        report_on(model)


def report_on(model: Path) -> None:
    """The evaluation report of this run; a failing evaluation never fails the training."""
    from bot.evaluate import evaluate, print_report

    print("▶ 在留出测试集上评估新模型（tests/nlu/heldout.yml）…", flush=True)
    try:
        print_report(evaluate(model))
    except Exception as exc:  # the model is trained and usable either way
        print(f"⚠ 评估没有完成（{exc}），模型仍可使用；可运行 make evaluate 重试。", flush=True)


if __name__ == "__main__":
    main()
