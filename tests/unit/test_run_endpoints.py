"""make run honours endpoints.yml and the environment for the tracker store, lock store and
event broker (bot/endpoints.py ``endpoints_for_run``), instead of always writing SQLite."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml
from rasa.utils.endpoints import read_endpoint_config

from bot.endpoints import SQL_BROKER, endpoints_for_run
from bot.settings import ROOT, VAR_DIR, get_settings


def _written(tmp_path: Path, **changes) -> dict:
    settings = replace(get_settings(), **changes)
    path = endpoints_for_run(tmp_path / "endpoints.yml", 5123, settings)
    assert "${ACTION_SERVER_TOKEN}" in path.read_text()  # the secret stays out of the file
    assert settings.action_server_token not in path.read_text()
    return yaml.safe_load(path.read_text())


def test_without_settings_the_project_file_is_used_as_written(tmp_path):
    written = _written(tmp_path, tracker_store_url=None, redis_url=None,
                       events_db_url=f"sqlite:///{VAR_DIR / 'events.db'}")
    project = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    assert written["action_endpoint"]["url"] == "http://127.0.0.1:5123/webhook"
    assert written["tracker_store"]["type"] == project["tracker_store"]["type"]
    assert written["tracker_store"]["keep_turns"] == project["tracker_store"]["keep_turns"]
    assert written["tracker_store"]["url"] == f"sqlite+aiosqlite:///{VAR_DIR / 'tracker.db'}"
    assert written["lock_store"] == project["lock_store"]
    assert written["event_broker"]["db"] == str(VAR_DIR / "events.db")


def test_the_environment_names_the_tracker_store_lock_store_and_broker(tmp_path, monkeypatch):
    written = _written(
        tmp_path, tracker_store_url="postgresql+asyncpg://rasa:pw@db.internal:5432/tracker",
        redis_url="redis://cache.internal:6380/2",
        events_db_url="postgresql://rasa:pw@db.internal:5433/rasa_events")
    assert written["tracker_store"]["url"] == "postgresql+asyncpg://rasa:pw@db.internal:5432/tracker"
    assert written["lock_store"] == {"type": "bot.lock_store.HotlineLockStore", "url": "cache.internal",
                                     "port": 6380, "db": 2}
    assert written["event_broker"] == {"type": SQL_BROKER, "dialect": "postgresql", "url": "db.internal",
                                       "db": "rasa_events", "port": 5433, "username": "rasa",
                                       "password": "pw"}
    monkeypatch.setenv("ACTION_SERVER_TOKEN", "x" * 24)  # Rasa fills ${…} in when it reads the file
    config = read_endpoint_config(str(tmp_path / "endpoints.yml"), "lock_store")
    assert config.kwargs["port"] == 6380
