"""Starting and stopping the product's processes: used by the launcher and the tests.

Each service is a real subprocess of the project's venv; ``ServiceGroup``
starts them, waits until each answers over HTTP, and stops them all.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bot.settings import ROOT, child_environment

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
        log = open(self.log_path, "ab")
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
            try:
                with urllib.request.urlopen(self.health_url, timeout=2) as response:
                    if response.status < 500:
                        return
            except OSError:
                pass
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


def write_endpoints(path: Path, action_port: int, tracker_db: Path,
                    extra: str = "") -> Path:
    """An endpoints.yml for the given action-server port and tracker database.

    The tracker store is ours (bot/tracker_store.py: flat cost per turn). The action server's
    shared secret is left to Rasa's ``${…}`` substitution (never written to the file); the SQL
    event broker next to the tracker feeds the trainer inbox."""
    events_db = tracker_db.with_name("events.db")
    broker = "" if "event_broker:" in extra else (
        f"event_broker:\n  type: SQL\n  dialect: sqlite\n  db: {events_db}\n")
    path.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n'
        '  headers:\n    X-Hotline-Action-Token: ${ACTION_SERVER_TOKEN}\n'
        f"tracker_store:\n  type: bot.tracker_store.HotlineTrackerStore\n"
        f"  url: sqlite+aiosqlite:///{tracker_db}\n"
        f"lock_store:\n  type: in_memory\n{broker}{extra}",
        encoding="utf-8",
    )
    return path


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


@dataclass
class Stack:
    """The whole product on free loopback ports (used by the tests and the benchmarks)."""

    group: ServiceGroup
    backend_url: str
    actions_url: str
    rasa_url: str
    database_url: str
    work: Path


def local_stack(work: Path, model: Path, data_dir: Path | None = None) -> Stack:
    """Backend (SQLite in ``work``), action server and Rasa, not yet started.

    ``data_dir``: where the trainer inbox writes accepted examples (a copy in tests).
    """
    from bot.settings import get_settings

    settings = get_settings()
    backend_port, actions_port, rasa_port = free_port(), free_port(), free_port()
    database_url = f"sqlite+aiosqlite:///{work / 'backend.db'}"
    env = {
        # the same secrets as this process, so it can talk to what it starts
        "BACKEND_TOKEN": settings.backend_token, "RASA_TOKEN": settings.rasa_token,
        "SESSION_SECRET": settings.session_secret,
        "DATABASE_URL": database_url,
        "BACKEND_URL": f"http://127.0.0.1:{backend_port}",
        "RASA_URL": f"http://127.0.0.1:{rasa_port}",
        "RASA_PUBLIC_URL": f"http://127.0.0.1:{rasa_port}",
        "HOTLINE_VAR_DIR": str(work),
        "TRACKER_DB": str(work / "tracker.db"),
        "EVENTS_DB_URL": f"sqlite:///{work / 'events.db'}",
        "ACTION_SERVER_TOKEN": settings.action_server_token,
        "TRAINER_DATA_DIR": str(data_dir or ROOT / "data"),
    }
    endpoints = write_endpoints(work / "endpoints.yml", actions_port, work / "tracker.db")
    group = ServiceGroup([
        backend(backend_port, work / "log", env),
        action_server(actions_port, work / "log", env),
        rasa_server(rasa_port, model, endpoints, work / "log", env),
    ])
    return Stack(group, env["BACKEND_URL"], f"http://127.0.0.1:{actions_port}", env["RASA_URL"],
                 database_url, work)
