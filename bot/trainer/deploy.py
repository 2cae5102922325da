"""``python -m bot.trainer.deploy [MODEL]``: puts a trained model live without downtime.

Rasa's ``PUT /model`` swaps the model inside the running server; trackers live
in the tracker store, so conversations in progress carry on with the new model.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import requests

from bot.models import latest_model
from bot.settings import get_settings


def deploy(model: Path, rasa_url: str | None = None, token: str | None = None) -> None:
    settings = get_settings()
    url = (rasa_url or settings.rasa_url).rstrip("/")
    response = requests.put(f"{url}/model", params={"token": token or settings.rasa_token},
                            json={"model_file": str(model.resolve())}, timeout=300)
    if response.status_code != 204:
        raise RuntimeError(f"加载模型失败（HTTP {response.status_code}）：{response.text[:300]}")
    status = requests.get(f"{url}/status", params={"token": token or settings.rasa_token},
                          timeout=10).json()
    if Path(status.get("model_file", "")).name != model.name:
        raise RuntimeError(f"服务器报告的模型是 {status.get('model_file')}，不是 {model.name}")


def main() -> int:
    parser = argparse.ArgumentParser(description="把新训练的模型加载到正在运行的 Rasa 服务器。")
    parser.add_argument("model", nargs="?", type=Path, help="模型文件（默认 models/ 里最新的）")
    args = parser.parse_args()
    model = args.model or latest_model()
    if model is None:
        print("✘ 没有找到模型，请先 make train")
        return 1
    try:
        deploy(model)
    except (RuntimeError, requests.RequestException) as exc:
        print(f"✘ {exc}")
        return 1
    print(f"✔ 新模型已上线：{model.name}（进行中的对话不受影响）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
