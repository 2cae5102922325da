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
    )


@dataclass(frozen=True)
class NotifySettings:
    """SMS sending, rating links and uploads (bot/notify, issue 13).

    ``sms_provider`` is ``log`` (development: the outbox plus a log line, nothing leaves the
    machine) or ``tencent`` (Tencent Cloud SMS, the default in production).
    """

    sms_provider: str
    tencent_secret_id: str
    tencent_secret_key: str
    tencent_app_id: str
    tencent_sign_name: str
    tencent_region: str
    tencent_endpoint: str
    tencent_protocol: str
    tencent_templates: dict[str, str]
    public_url: str
    outbox_interval: float
    upload_max_bytes: int
    widget_origins: tuple[str, ...]  # pages that may embed the widget (uploads, ratings); "*" any

    @property
    def production(self) -> bool:
        return os.environ.get("HOTLINE_ENV", "development") == "production"


def _pairs(text: str) -> dict[str, str]:
    """``"otp=123,ticket_resolved=456"`` → {"otp": "123", "ticket_resolved": "456"}."""
    pairs = (item.split("=", 1) for item in text.split(",") if "=" in item)
    return {key.strip(): value.strip() for key, value in pairs}


def get_notify_settings() -> NotifySettings:
    """Read on every call (cheap): tests and the outbox worker may change the environment."""
    production = os.environ.get("HOTLINE_ENV", "development") == "production"
    return NotifySettings(
        sms_provider=os.environ.get("SMS_PROVIDER") or ("tencent" if production else "log"),
        tencent_secret_id=os.environ.get("TENCENT_SMS_SECRET_ID", ""),
        tencent_secret_key=os.environ.get("TENCENT_SMS_SECRET_KEY", ""),
        tencent_app_id=os.environ.get("TENCENT_SMS_APP_ID", ""),
        tencent_sign_name=os.environ.get("TENCENT_SMS_SIGN_NAME", ""),
        tencent_region=os.environ.get("TENCENT_SMS_REGION", "ap-guangzhou"),
        tencent_endpoint=os.environ.get("TENCENT_SMS_ENDPOINT", "sms.tencentcloudapi.com"),
        tencent_protocol=os.environ.get("TENCENT_SMS_PROTOCOL", "https"),
        tencent_templates=_pairs(os.environ.get("TENCENT_SMS_TEMPLATES", "")),
        public_url=(os.environ.get("PUBLIC_URL") or os.environ.get(
            "BACKEND_URL", "http://127.0.0.1:8000")).rstrip("/"),
        outbox_interval=float(os.environ.get("OUTBOX_INTERVAL_SECONDS", "2")),
        upload_max_bytes=int(os.environ.get("UPLOAD_MAX_BYTES", str(5 * 1024 * 1024))),
        widget_origins=tuple(o.strip() for o in os.environ.get("WIDGET_ORIGINS", "*").split(",")
                             if o.strip()),
    )
