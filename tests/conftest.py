"""Shared fixtures: the whole product started for real, once per test session.

``stack`` runs the backend (temp SQLite), the action server and the Rasa
server with the trained model from ``models/``, each on a free loopback port,
through ``bot/services.py`` — the same code ``make run`` uses.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

# Test-only secrets, set before anything reads bot.settings.
os.environ.setdefault("BACKEND_TOKEN", "test-backend-token")
os.environ.setdefault("RASA_TOKEN", "test-rasa-token")
os.environ.setdefault("SESSION_SECRET", "test-session-secret-0123456789abcdef")
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")


@dataclass
class Stack:
    backend_url: str
    actions_url: str
    rasa_url: str
    rasa_token: str
    backend_token: str
    database_url: str
    tracker_db: Path
    log_dir: Path
    services: list


@pytest.fixture(scope="session")
def trained_model() -> Path:
    from bot.services import latest_model

    model = latest_model()
    if model is None:
        pytest.skip("没有训练好的模型：先运行 make train（make test 会自动训练）")
    return model


@pytest.fixture(scope="session")
def stack(trained_model: Path):
    from bot import services

    work = Path(tempfile.mkdtemp(prefix="hotline-stack-"))
    backend_port, actions_port, rasa_port = (services.free_port() for _ in range(3))
    database_url = f"sqlite+aiosqlite:///{work / 'backend.db'}"
    env = {
        "DATABASE_URL": database_url,
        "BACKEND_URL": f"http://127.0.0.1:{backend_port}",
        "RASA_URL": f"http://127.0.0.1:{rasa_port}",
        "HOTLINE_VAR_DIR": str(work),
    }
    endpoints = services.write_endpoints(work / "endpoints.yml", actions_port, work / "tracker.db")
    group = services.ServiceGroup([
        services.backend(backend_port, work / "log", env),
        services.action_server(actions_port, work / "log", env),
        services.rasa_server(rasa_port, trained_model, endpoints, work / "log", env),
    ])
    with group:
        yield Stack(
            backend_url=env["BACKEND_URL"], actions_url=f"http://127.0.0.1:{actions_port}",
            rasa_url=env["RASA_URL"], rasa_token=os.environ["RASA_TOKEN"],
            backend_token=os.environ["BACKEND_TOKEN"], database_url=database_url,
            tracker_db=work / "tracker.db", log_dir=work / "log", services=group.services,
        )
