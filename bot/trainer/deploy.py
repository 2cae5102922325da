"""``python -m bot.trainer.deploy [MODEL]``: puts a trained model live without downtime.

Rasa's ``PUT /model`` swaps the model inside the running server; trackers live
in the tracker store, so conversations in progress carry on with the new model.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.clients.rasa import RasaAPI, RasaRefused, RasaUnavailable
from bot.models import latest_model

# loading a model inside a running server takes long on a busy machine
DEPLOY_TIMEOUT = 300.0


async def _deploy(model: Path, rasa_url: str | None, token: str | None) -> None:
    """PUT /model, then GET /status to check that the server now serves this model."""
    rasa = RasaAPI(rasa_url, token, timeout=DEPLOY_TIMEOUT)
    try:
        # a one-shot CLI (asyncio.run in deploy): one resolve() blocks no one else's requests
        await rasa.request("PUT", "/model", json={"model_file": str(model.resolve())})  # noqa: ASYNC240
        status = await rasa.request("GET", "/status")
    except RasaRefused as exc:
        raise RuntimeError(f"加载模型失败（HTTP {exc.status}）：{exc}") from exc
    except RasaUnavailable as exc:
        raise RuntimeError(f"Rasa 服务器没有应答：{exc}") from exc
    finally:
        await rasa.close()
    if Path(status.get("model_file", "")).name != model.name:
        raise RuntimeError(f"服务器报告的模型是 {status.get('model_file')}，不是 {model.name}")


def deploy(model: Path, rasa_url: str | None = None, token: str | None = None) -> None:
    """Puts ``model`` live in the running Rasa server (its HTTP API, the token from settings)."""
    asyncio.run(_deploy(model, rasa_url, token))


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
    except RuntimeError as exc:
        print(f"✘ {exc}")
        return 1
    print(f"✔ 新模型已上线：{model.name}（进行中的对话不受影响）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
