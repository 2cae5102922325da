"""The whole product on free loopback ports, not yet started (the tests, the benchmarks and
the simulated workers use it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.endpoints import write_endpoints
from bot.ports import free_port
from bot.processes import ServiceGroup, StagedGroup, action_server, backend, rasa_server
from bot.settings import ROOT


@dataclass
class Stack:
    """The whole product on free loopback ports (used by the tests and the benchmarks)."""

    group: ServiceGroup
    backend_url: str
    actions_url: str
    rasa_url: str
    database_url: str
    work: Path


def local_stack(work: Path, model: Path, data_dir: Path | None = None,
                in_process: bool = False) -> Stack:
    """Backend (SQLite in ``work``), action server and Rasa, not yet started.

    ``data_dir``: where the trainer inbox writes accepted examples (a copy in tests);
    ``in_process``: no action server, the actions run in Rasa (bot/inprocess_actions.py).
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
    endpoints = write_endpoints(work / "endpoints.yml", actions_port, work / "tracker.db",
                                in_process=in_process)
    # started together: none needs another to start (Rasa calls the action server only for a
    # turn; the action server and the channels reach the backend per request), so the backend
    # migrates and the action server imports while the model loads (each test stack, ~20 s)
    group = StagedGroup([[
        backend(backend_port, work / "log", env),
        *([] if in_process else [action_server(actions_port, work / "log", env)]),
        rasa_server(rasa_port, model, endpoints, work / "log", env),
    ]], timeout=900)
    return Stack(group, env["BACKEND_URL"], f"http://127.0.0.1:{actions_port}", env["RASA_URL"],
                 database_url, work)
