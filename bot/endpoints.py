"""The endpoints.yml the launcher and the test stacks give Rasa."""

from __future__ import annotations

from pathlib import Path


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
