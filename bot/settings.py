"""Runtime settings shared by every process of the product.

Everything comes from the environment; secrets that the environment does not
set are generated once and kept in ``var/secrets.json`` so that ``make run``
works on a fresh machine without any configuration.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("HOTLINE_VAR_DIR", ROOT / "var"))


def _secret(name: str) -> str:
    """Value of env var ``name``; else a random one persisted under var/."""
    if os.environ.get(name):
        return os.environ[name]
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secrets.json"
    stored = json.loads(path.read_text()) if path.exists() else {}
    if name not in stored:
        stored[name] = secrets.token_urlsafe(24)
        path.write_text(json.dumps(stored, indent=2))
        path.chmod(0o600)
    return stored[name]


@dataclass(frozen=True)
class Settings:
    database_url: str
    backend_url: str
    backend_token: str
    rasa_url: str
    rasa_token: str
    session_secret: str
    redis_url: str | None
    # operations (issue 13): retention periods, deadlines, the scheduler
    retention_conversation_days: int = 180
    retention_closed_ticket_days: int = 3 * 365
    retention_audit_days: int = 3 * 365
    jobs_interval_seconds: int = 600  # escalation (督办) and retention run this often; 0 = off
    tracker_db: str = ""

    @property
    def var_dir(self) -> Path:
        return VAR_DIR


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return Settings(
        database_url=os.environ.get(
            "DATABASE_URL", f"sqlite+aiosqlite:///{VAR_DIR / 'backend.db'}"
        ),
        backend_url=os.environ.get("BACKEND_URL", "http://127.0.0.1:8000"),
        backend_token=_secret("BACKEND_TOKEN"),
        rasa_url=os.environ.get("RASA_URL", "http://127.0.0.1:5005"),
        rasa_token=_secret("RASA_TOKEN"),
        session_secret=_secret("SESSION_SECRET"),
        redis_url=os.environ.get("REDIS_URL") or None,
        retention_conversation_days=int(os.environ.get("RETENTION_CONVERSATION_DAYS", "180")),
        retention_closed_ticket_days=int(os.environ.get("RETENTION_CLOSED_TICKET_DAYS", "1095")),
        retention_audit_days=int(os.environ.get("RETENTION_AUDIT_DAYS", "1095")),
        jobs_interval_seconds=int(os.environ.get("JOBS_INTERVAL_SECONDS", "600")),
        tracker_db=os.environ.get("TRACKER_DB", str(VAR_DIR / "tracker.db")),
    )
