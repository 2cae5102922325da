"""The trained model's lifecycle, owned here alone: find the newest model, decide whether it
is stale, train a new one.

Before, ``latest_model`` lived in the process supervisor, "is the model stale?" was decided
in the launcher, ``bot/evaluate.py`` and ``make test`` through ``bot/train.py``, and train and
evaluate imported each other. Now everything that needs a model asks this module, and this
module imports nothing of the product but settings and the NLU pipeline builder.

A model is stale when the hash of its inputs (config, domain, data, the NLU code and its
dictionary) differs from the hash written beside it when it was trained.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

from bot.settings import ROOT

INPUTS = ["config.yml", "domain.yml", "data", "bot/nlu", "bot/normalize", "bot/seed/places.yml"]
MODELS = ROOT / "models"
STAMP = MODELS / ".inputs-hash"
RASA = Path(sys.executable).parent / "rasa"


def latest_model(models_dir: Path = MODELS) -> Path | None:
    """The newest ``*.tar.gz`` in ``models_dir`` (by modification time), or None."""
    models = sorted(models_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def inputs_hash() -> str:
    """One digest over every file a model is trained from, so a change anywhere retrains."""
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
    """True when a model exists and was trained from the inputs as they are now."""
    return latest_model() is not None and STAMP.exists() and STAMP.read_text() == inputs_hash()


def model_digest(model: Path) -> str:
    """SHA-256 of the model file: ties a report to this very model, not to a reused name."""
    digest = hashlib.sha256()
    with model.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def train(force: bool = False, out: Path = MODELS, fixed_name: str | None = None) -> Path:
    """Runs ``rasa train`` (its progress bars show on the terminal) and returns the model."""
    from bot.nlu.spacy_pipeline import ensure_built

    print("▶ 构建 spaCy 中文管线（jieba 分词 + 地名/单位词典）…", flush=True)
    ensure_built()
    argv = [str(RASA), "train", "--out", str(out)]
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


def up_to_date_model() -> Path:
    """The newest model, trained first when its inputs changed (``make train``/``make evaluate``)."""
    if not is_up_to_date():
        MODELS.mkdir(exist_ok=True)
        return train()
    model = latest_model()
    assert model is not None  # is_up_to_date() found it
    return model


def model_for_start(train_requested: bool = False) -> Path:
    """The model a start-up (``make run``) serves: it trains only when asked or when no model
    exists, never on its own because data changed: data/ may hold examples accepted in the
    trainer inbox that nobody has reviewed in a training run yet (``make train`` does that)."""
    if train_requested or latest_model() is None:
        MODELS.mkdir(exist_ok=True)
        return train()
    model = latest_model()
    assert model is not None
    if not is_up_to_date():
        print("⚠ 训练数据或配置在上次训练后有变化；继续使用现有模型。需要时运行 make train"
              "（或 make run TRAIN=1）。", flush=True)
    return model
