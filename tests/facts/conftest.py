"""The real backend (its app on a temporary SQLite database, seeded from bot/seed) on a
loopback port, once per module, and the action server's backend client pointed at it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import pytest_asyncio
import yaml
from aiohttp.test_utils import TestServer
from rasa_sdk import Tracker

from actions import facts
from actions.backend_client import BackendClient
from bot.backend.app import create_app
from bot.settings import get_settings

TABLE = Path(__file__).parent / "fact_questions.yml"


def fact_table() -> list[dict]:
    """The fact questions and the figures their first reply must contain."""
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))["questions"]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def fact_backend(tmp_path_factory):
    db = tmp_path_factory.mktemp("facts") / "backend.db"
    app = create_app(replace(get_settings(), database_url=f"sqlite+aiosqlite:///{db}"))
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    client = BackendClient(str(server.make_url("")).rstrip("/"), get_settings().backend_token)
    yield client
    await client.close()
    await server.close()


@pytest.fixture
def backend_for_actions(fact_backend, monkeypatch) -> BackendClient:
    monkeypatch.setattr(facts, "client", lambda: fact_backend)
    return fact_backend


def tracker(text: str, entities: list[dict] | None = None, slots: dict | None = None,
            active_loop: str | None = None) -> Tracker:
    """The tracker the action server receives after the worker wrote ``text``."""
    message = {"text": text, "intent": {"name": "inform", "confidence": 0.9},
               "entities": entities or []}
    return Tracker.from_dict({
        "sender_id": "worker-facts", "slots": {"city": None, "district": None, "employer": None,
                                               **(slots or {})},
        "latest_message": message, "paused": False, "followup_action": None,
        "active_loop": {"name": active_loop} if active_loop else {},
        "latest_action_name": "action_listen",
        "events": [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": text, "parse_data": message}]})
