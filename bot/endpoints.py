"""The endpoints.yml the launcher and the test stacks give Rasa.

``make run`` starts from the project's (or ``--endpoints``) file and honours what it says for
the tracker store, lock store and event broker; the environment overrides them
(``TRACKER_STORE_URL``, ``REDIS_URL`` for the lock store, ``EVENTS_DB_URL`` for the SQL event
broker). Only the action server's URL is always rewritten, to the port the launcher uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from bot.private_files import private_file
from bot.settings import ROOT, VAR_DIR, Settings


def action_url(action_port: int, in_process: bool = False) -> str:
    """Where Rasa calls the custom actions: the action server, or its own process
    (bot/inprocess_actions.py)."""
    return INPROCESS_URL if in_process else f"http://127.0.0.1:{action_port}/webhook"


INPROCESS_URL = "inprocess:"  # bot/inprocess_actions.SCHEME (not imported: it loads rasa_sdk)


def write_endpoints(path: Path, action_port: int, tracker_db: Path,
                    extra: str = "", in_process: bool = False) -> Path:
    """An endpoints.yml for the given action-server port and tracker database.

    The tracker store is ours (bot/tracker_store.py: flat cost per turn). The action server's
    shared secret is left to Rasa's ``${…}`` substitution (never written to the file); the SQL
    event broker next to the tracker feeds the trainer inbox."""
    events_db = tracker_db.with_name("events.db")
    broker = "" if "event_broker:" in extra else (
        f"event_broker:\n  type: {SQL_BROKER}\n  dialect: sqlite\n  db: {events_db}\n")
    for db in (tracker_db, events_db) if broker else (tracker_db,):
        private_file(db)  # created 0600 before Rasa creates them with the umask (0644)
    path.write_text(
        f'action_endpoint:\n  url: "{action_url(action_port, in_process)}"\n'
        '  headers:\n    X-Hotline-Action-Token: ${ACTION_SERVER_TOKEN}\n'
        f"tracker_store:\n  type: bot.tracker_store.HotlineTrackerStore\n"
        f"  url: sqlite+aiosqlite:///{tracker_db}\n"
        f"lock_store:\n  type: in_memory\n{broker}{extra}",
        encoding="utf-8",
    )
    return path


def _under_var(value: str) -> str:
    """A SQLite path written relative to the project's var/ (the defaults in endpoints.yml)
    goes to this run's var directory (``HOTLINE_VAR_DIR``), as the launcher always did."""
    return value.replace("///var/", f"///{VAR_DIR}/", 1) if "///var/" in value else (
        str(VAR_DIR / value[len("var/"):]) if value.startswith("var/") else value)


# Rasa's ticket lock on redis.asyncio, two round trips a turn, serving from memory while Redis
# is down (bot/lock_store.py): the same store as the scale path
LOCK_STORE = "bot.lock_store.HotlineLockStore"


def _redis_lock_store(url: str) -> dict:
    parsed = urlparse(url)
    return {"type": LOCK_STORE, "url": parsed.hostname or "127.0.0.1", "port": parsed.port or 6379,
            "db": int((parsed.path or "/0").lstrip("/") or 0)}


# Rasa's SQL broker, one transaction per turn off the event loop (bot/event_broker.py)
SQL_BROKER = "bot.event_broker.BatchedSQLEventBroker"


def _sql_broker(url: str) -> dict:
    """Rasa's SQL broker takes the parts of the URL, not the URL."""
    parsed = urlparse(url)
    dialect = parsed.scheme.split("+")[0]
    if dialect == "sqlite":
        return {"type": SQL_BROKER, "dialect": "sqlite", "db": parsed.path.lstrip("/") if
                parsed.path.startswith("//") else parsed.path}
    broker: dict[str, Any] = {"type": SQL_BROKER, "dialect": dialect, "url": parsed.hostname,
                              "db": parsed.path.lstrip("/")}
    if parsed.port:
        broker["port"] = parsed.port
    if parsed.username:
        broker["username"] = parsed.username
    if parsed.password:
        broker["password"] = parsed.password
    return broker


def endpoints_for_run(path: Path, action_port: int, settings: Settings,
                      source: Path = ROOT / "endpoints.yml") -> Path:
    """``make run``'s endpoints: ``source`` as written, the action server on ``action_port``,
    the tracker store, lock store and broker from the environment when it names them; the
    actions in Rasa's own process when ``HOTLINE_ACTIONS=inprocess``."""
    config = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    config.setdefault("action_endpoint", {})["url"] = action_url(action_port, settings.actions_in_process)
    tracker = config.setdefault("tracker_store", {"type": "bot.tracker_store.HotlineTrackerStore"})
    if settings.tracker_store_url:
        tracker["url"] = settings.tracker_store_url
    elif isinstance(tracker.get("url"), str):
        tracker["url"] = _under_var(tracker["url"])
    if settings.redis_url:
        config["lock_store"] = _redis_lock_store(settings.redis_url)
    broker = config.get("event_broker")
    if settings.events_db_url != f"sqlite:///{VAR_DIR / 'events.db'}":  # EVENTS_DB_URL is set
        config["event_broker"] = _sql_broker(settings.events_db_url)
    elif isinstance(broker, dict) and broker.get("dialect") == "sqlite" and broker.get("db"):
        broker["db"] = _under_var(str(broker["db"]))
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
