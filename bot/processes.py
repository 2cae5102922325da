"""The product's processes as subprocesses of the project's venv: how each is started, and a
group that starts them in order (each ready before the next, or stage by stage, the services of
one stage together) and stops them in reverse.

Restarting a crashed one is the supervisor's job (``bot/supervisor.py``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot.clients.health import answers
from bot.settings import ROOT, child_environment

BIN = Path(sys.executable).parent


@dataclass
class Service:
    name: str
    argv: list[str]
    health_url: str
    log_path: Path
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen | None = None

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        # the child writes to it for its whole life: no context manager can own this handle
        log = open(self.log_path, "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            self.argv, cwd=ROOT, env=child_environment(self.env), stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True,
        )

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process and self.process.poll() is not None:
                raise RuntimeError(f"{self.name} 启动失败（退出码 {self.process.returncode}），"
                                   f"日志见 {self.log_path}")
            if answers(self.health_url):
                return
            time.sleep(0.5)
        raise TimeoutError(f"{self.name} 在 {timeout:.0f} 秒内没有就绪，日志见 {self.log_path}")

    def stop(self) -> None:
        if not self.process or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def _host() -> str:
    from bot.settings import get_settings

    return get_settings().bind_host


def backend(port: int, log_dir: Path, env: dict[str, str] | None = None) -> Service:
    return Service(
        "backend", [sys.executable, "-m", "bot.backend", "--host", _host(),
                    "--port", str(port)],
        f"http://127.0.0.1:{port}/api/v1/health", log_dir / "backend.log", env or {},
    )


def action_server(port: int, log_dir: Path, env: dict[str, str] | None = None) -> Service:
    """rasa_sdk reads its host from SANIC_HOST; its guard (bot/action_guard.py) is attached
    through rasa_sdk's plugin package ``rasa_sdk_plugins``."""
    from bot.settings import get_settings

    settings = get_settings()
    return Service(
        "action-server", [str(BIN / "rasa"), "run", "actions", "--actions", "actions",
                          "--port", str(port)],
        f"http://127.0.0.1:{port}/health", log_dir / "actions.log",
        {"SANIC_HOST": settings.bind_host, "ACTION_SERVER_TOKEN": settings.action_server_token,
         "SANIC_REQUEST_MAX_SIZE": str(settings.max_action_request_bytes), **(env or {})},
    )


def rasa_server(
    port: int, model: Path, endpoints: Path, log_dir: Path,
    env: dict[str, str] | None = None, credentials: Path = ROOT / "credentials.yml",
) -> Service:
    """The token and CORS come from the environment (bot/rasa_run.py), never the command line."""
    from bot.settings import get_settings

    settings = get_settings()
    return Service(
        "rasa", [sys.executable, "-m", "bot.rasa_run", "run", "--enable-api",
                 "--interface", settings.bind_host, "--port", str(port),
                 "--model", str(model), "--endpoints", str(endpoints),
                 "--credentials", str(credentials)],
        f"http://127.0.0.1:{port}/", log_dir / "rasa.log",
        {"RASA_TOKEN": settings.rasa_token, "ACTION_SERVER_TOKEN": settings.action_server_token,
         "SANIC_REQUEST_MAX_SIZE": str(settings.max_request_bytes), **(env or {})},
    )


class ServiceGroup:
    """Starts services in order, each ready before the next; stops in reverse."""

    def __init__(self, services: list[Service], timeout: float = 900) -> None:
        self.services = services
        self.timeout = timeout

    def __enter__(self) -> ServiceGroup:
        try:
            for service in self.services:
                service.start()
                service.wait_ready(self.timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        for service in reversed(self.services):
            service.stop()


class StagedGroup(ServiceGroup):
    """Starts each stage's services together and waits for all of them before the next
    stage: N Rasa instances load their models at the same time, not one after another, and a
    backend migrates while a model loads when neither needs the other to start."""

    def __init__(self, stages: list[list[Service]], timeout: float = 300) -> None:
        super().__init__([s for stage in stages for s in stage], timeout)
        self.stages = stages

    def __enter__(self) -> StagedGroup:
        try:
            for stage in self.stages:
                for service in stage:
                    service.start()
                for service in stage:
                    service.wait_ready(self.timeout)
        except BaseException:
            self.stop()
            raise
        return self
