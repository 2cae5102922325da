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
    # make run SCALE=N (bot/scale.py): the engines it runs on; .ci/run's TEST_* URLs otherwise
    scale_postgres_url: str | None = None
    scale_redis_url: str | None = None
    rabbitmq_url: str | None = None

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
        scale_postgres_url=os.environ.get("SCALE_POSTGRES_URL") or os.environ.get("TEST_POSTGRES_URL") or None,
        scale_redis_url=os.environ.get("REDIS_URL") or os.environ.get("TEST_REDIS_URL") or None,
        rabbitmq_url=os.environ.get("RABBITMQ_URL") or os.environ.get("TEST_RABBITMQ_URL") or None,
    )
