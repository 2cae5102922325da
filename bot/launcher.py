"""``make run``: trains if needed, starts backend, action server and Rasa, prints the URLs."""

from __future__ import annotations

import argparse
import signal
import time
from pathlib import Path

from bot import services
from bot.endpoints import endpoints_for_run
from bot.models import model_for_start
from bot.settings import ROOT, VAR_DIR, get_settings, set_for_children
from bot.supervisor import Supervisor


def _urls(backend_port: int, rasa_port: int) -> str:
    return "\n".join([
        "",
        "职工服务热线助手已启动:",
        f"  热线网页（含聊天窗口）  http://localhost:{backend_port}/",
        f"  网格员控制台            http://localhost:{backend_port}/console/",
        f"  后台 API 文档           http://localhost:{backend_port}/api/v1/openapi.json",
        f"  Rasa REST 通道          http://localhost:{rasa_port}/webhooks/rest/webhook",
        f"  Rasa HTTP API 令牌      见 {VAR_DIR / 'secrets.json'} 中的 RASA_TOKEN",
        f"  日志                    {VAR_DIR / 'log'}/",
        "按 Ctrl+C 停止。",
    ])


def _stop_on_sigterm() -> None:
    """``kill``, systemd and ``docker stop`` send SIGTERM: stop the services as Ctrl+C does,
    instead of leaving them running without their launcher."""

    def interrupt(_signum, _frame) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def main() -> None:
    _stop_on_sigterm()
    parser = argparse.ArgumentParser(description="启动职工服务热线助手的全部服务。")
    parser.add_argument("--backend-port", type=int, default=8000)
    parser.add_argument("--actions-port", type=int, default=5055)
    parser.add_argument("--rasa-port", type=int, default=5005)
    parser.add_argument("--host", default=None,
                        help="监听地址（默认 127.0.0.1，只在本机可达；也可用环境变量 HOTLINE_HOST）")
    parser.add_argument("--endpoints", type=Path, default=ROOT / "endpoints.yml",
                        help="Rasa 的 endpoints.yml（追踪存储、锁存储、事件代理照它写的用；"
                             "环境变量 TRACKER_STORE_URL、REDIS_URL、EVENTS_DB_URL 优先）")
    parser.add_argument("--train", action="store_true",
                        help="启动前先训练（默认只在没有模型时训练，不会因数据变化自动重训）")
    args = parser.parse_args()
    if args.host:
        set_for_children({"HOTLINE_HOST": args.host})

    model = model_for_start(args.train)
    get_settings()  # creates var/secrets.json before the children read it
    log_dir = VAR_DIR / "log"
    env = {"BACKEND_URL": f"http://127.0.0.1:{args.backend_port}",
           "RASA_URL": f"http://127.0.0.1:{args.rasa_port}"}
    set_for_children(env)
    endpoints = endpoints_for_run(VAR_DIR / "endpoints.yml", args.actions_port, get_settings(),
                                  source=args.endpoints)
    in_process = get_settings().actions_in_process  # HOTLINE_ACTIONS=inprocess: no action server
    group = services.ServiceGroup([
        services.backend(args.backend_port, log_dir, env),
        *([] if in_process else [services.action_server(args.actions_port, log_dir, env)]),
        services.rasa_server(args.rasa_port, model, endpoints, log_dir, env),
    ])
    parts = "后台和 Rasa（动作在 Rasa 进程里运行）" if in_process else "后台、动作服务器和 Rasa"
    print(f"▶ 正在启动{parts}（模型 {model.relative_to(ROOT)}）…", flush=True)
    with group:
        print(_urls(args.backend_port, args.rasa_port), flush=True)
        # a crashed service is restarted with backoff; the others keep serving meanwhile
        supervisor = Supervisor(group.services, VAR_DIR / "run",
                                report=lambda line: print(line, flush=True))
        try:
            while True:
                supervisor.check()
                time.sleep(1)
        except KeyboardInterrupt:
            print("\n正在停止…")


if __name__ == "__main__":
    main()
