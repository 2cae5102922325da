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
    # process hardening (issue 11): where internal services listen, who may call them, caps
    bind_host: str = "127.0.0.1"
    action_server_token: str = ""
    hotline_env: str = "development"
    rest_token: str | None = None
    rasa_cors: str | None = None
    max_message_chars: int = 2000
    max_request_bytes: int = 1024 * 1024
    max_action_request_bytes: int = 8 * 1024 * 1024
    events_db_url: str = ""

    @property
    def production(self) -> bool:
        return self.hotline_env == "production"

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
        # loopback unless a deployment puts a proxy or another machine in front
        bind_host=os.environ.get("HOTLINE_HOST", "127.0.0.1"),
        # Rasa → action server: sent by endpoints.yml's action_endpoint.headers
        action_server_token=_secret("ACTION_SERVER_TOKEN"),
        hotline_env=os.environ.get("HOTLINE_ENV", "development"),
        # REST channel: open in development unless set; required (or off) in production
        rest_token=os.environ.get("REST_TOKEN") or None,
        # no browser calls Rasa's HTTP API: no CORS unless a deployment asks for it
        rasa_cors=os.environ.get("RASA_CORS") or None,
        max_message_chars=int(os.environ.get("HOTLINE_MAX_MESSAGE_CHARS", "2000")),
        max_request_bytes=int(os.environ.get("HOTLINE_MAX_REQUEST_BYTES", str(1024 * 1024))),
        max_action_request_bytes=int(os.environ.get("HOTLINE_MAX_ACTION_REQUEST_BYTES",
                                                    str(8 * 1024 * 1024))),
        # the SQL event broker's database, read by the trainer inbox (any tracker store)
        events_db_url=os.environ.get("EVENTS_DB_URL", f"sqlite:///{VAR_DIR / 'events.db'}"),
    )
