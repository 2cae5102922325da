"""Train the Rasa model when its inputs changed: ``python -m bot.train [--force]``.

The inputs are config.yml, domain.yml, data/ and the NLU code and dictionary;
their hash is kept beside the model so ``make run`` trains only when needed. Every
training run ends with the evaluation report on the held-out set (``bot/evaluate.py``):
``reports/nlu/<time>/``, compared with the previous run, warning on a macro-F1 drop.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import time
from pathlib import Path

from bot.services import BIN, latest_model
from bot.settings import ROOT

INPUTS = ["config.yml", "domain.yml", "data", "bot/nlu", "bot/normalize", "bot/seed/places.yml"]
MODELS = ROOT / "models"
STAMP = MODELS / ".inputs-hash"


def inputs_hash() -> str:
    digest = hashlib.sha256()
    for name in INPUTS:
        path = ROOT / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.exists() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(ROOT)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()


def is_up_to_date() -> bool:
    return latest_model() is not None and STAMP.exists() and STAMP.read_text() == inputs_hash()


def train(force: bool = False, out: Path = MODELS, fixed_name: str | None = None) -> Path:
    """Runs ``rasa train`` (its progress bars show on the terminal) and returns the model."""
    from bot.nlu.spacy_pipeline import ensure_built

    print("▶ 构建 spaCy 中文管线（jieba 分词 + 地名/单位词典）…", flush=True)
    ensure_built()
    argv = [str(BIN / "rasa"), "train", "--out", str(out)]
    if force:
        argv.append("--force")
    if fixed_name:
        argv += ["--fixed-model-name", fixed_name]
    print("▶ 训练模型: " + " ".join(argv[1:]), flush=True)
    started = time.monotonic()
    subprocess.run(argv, cwd=ROOT, check=True)
    model = latest_model(out)
    if model is None:
        raise SystemExit("训练没有产出模型，请查看上面的输出。")
    if out == MODELS:
        STAMP.write_text(inputs_hash())
    print(f"✔ 模型已训练: {model.relative_to(ROOT) if model.is_relative_to(ROOT) else model}"
          f"（用时 {time.monotonic() - started:.0f} 秒）", flush=True)
    return model


def main() -> None:
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
