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


# Values that must never protect a production deployment: examples from docs and demos.
KNOWN_DEFAULTS = frozenset({"", "changeme", "change-me", "secret", "password", "test", "dev",
                            "development", "admin-demo-2026", "please-change-me"})
MIN_SECRET_LENGTH = 24


class SettingsError(RuntimeError):
    """The configuration cannot be used (the message is Chinese, for whoever deploys)."""


def _write_private(path: Path, text: str) -> None:
    """Writes a file that only this user may read (created 0600, never briefly wider)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    path.chmod(0o600)


def _secret(name: str, production: bool) -> str:
    """Value of env var ``name``; in development else a random one persisted under var/.

    In production (``HOTLINE_ENV=production``) a secret must come from the environment: a
    generated file on one machine is no secret store (``check_production`` then vets it)."""
    value = os.environ.get(name, "")
    if production:
        if not value:
            raise SettingsError(f"生产环境必须通过环境变量设置 {name}（不能使用自动生成的开发用密钥）")
        return value
    if value:
        return value
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secrets.json"
    stored = json.loads(path.read_text()) if path.exists() else {}
    if name not in stored:
        stored[name] = secrets.token_urlsafe(24)
        _write_private(path, json.dumps(stored, indent=2))
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
    # ID_NUMBER_KEY: "current[,older,...]" — encrypts with the first, reads with any (rotation)
    id_number_keys: tuple[str, ...] = ()
    env: str = "development"
    # TRUSTED_PROXIES: addresses of our own reverse proxies, whose X-Forwarded-For is believed
    trusted_proxies: tuple[str, ...] = ()
    # operations (issue 13): retention periods, deadlines, the scheduler
    retention_conversation_days: int = 180
    retention_closed_ticket_days: int = 3 * 365
    retention_audit_days: int = 3 * 365
    jobs_interval_seconds: int = 600  # escalation (督办) and retention run this often; 0 = off
    tracker_db: str = ""
    # process hardening (issue 11): where internal services listen, who may call them, caps
    bind_host: str = "127.0.0.1"
    action_server_token: str = ""
    rest_token: str | None = None
    rasa_cors: str | None = None
    max_message_chars: int = 2000
    max_request_bytes: int = 1024 * 1024
    max_action_request_bytes: int = 8 * 1024 * 1024
    events_db_url: str = ""
    # make run SCALE=N (bot/scale.py): the engines it runs on; .ci/run's TEST_* URLs otherwise
    scale_postgres_url: str | None = None
    scale_redis_url: str | None = None
    rabbitmq_url: str | None = None
    # logs (bot/logsetup.py): HOTLINE_LOG_FORMAT text|json; HOTLINE_LOG_DIR: also write
    # <dir>/<process>.log, rotated at HOTLINE_LOG_MAX_BYTES keeping HOTLINE_LOG_BACKUPS files
    log_format: str = "text"
    log_dir: str = ""
    log_max_bytes: int = 10 * 1024 * 1024
    log_backups: int = 5
    # HOTLINE_FALLBACK_STATION: the station that stands in for places we do not know (the
    # province capital's default station in the seed data)
    fallback_station_code: str = "QD"
    # RASA_PUBLIC_URL: where browsers reach Rasa for the widget (None: this host, port 5005)
    rasa_public_url: str | None = None
    # CASE_OUTBOX_FLUSH_SECONDS: how often the action server retries queued cases
    case_outbox_flush_seconds: float = 15.0
    # ACTION_BACKEND_BUDGET_S: how long the backend calls of one turn may take in all, retries
    # included, from the worker's message, before the action apologises (the worker waits for
    # the turn, not for one call)
    action_backend_budget_s: float = 2.2
    # RASA_TF_THREADS: TensorFlow's thread pools in each Rasa server (bot/rasa_run.py); 0 keeps
    # TensorFlow's default (one thread per core)
    rasa_tf_threads: int = 1
    # HOTLINE_ACTIONS: "http" (the action server) or "inprocess" (in each Rasa process)
    actions_mode: str = "http"

    @property
    def actions_in_process(self) -> bool:
        return self.actions_mode == "inprocess"
    # TRACKER_STORE_URL: make run's tracker store (our store on any SQLAlchemy URL); unset: the
    # one endpoints.yml names
    tracker_store_url: str | None = None

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def id_number_key(self) -> str:
        return self.id_number_keys[0]

    @property
    def var_dir(self) -> Path:
        return VAR_DIR


def _generated_secrets() -> set[str]:
    path = VAR_DIR / "secrets.json"
    return set(json.loads(path.read_text()).values()) if path.exists() else set()


def check_production(settings: Settings) -> None:
    """Refuses (``SettingsError``, in Chinese) secrets that are missing, known defaults, short,
    generated for development, or shared between two jobs."""
    named = {"BACKEND_TOKEN": [settings.backend_token], "RASA_TOKEN": [settings.rasa_token],
             "SESSION_SECRET": [settings.session_secret],
             "ACTION_SERVER_TOKEN": [settings.action_server_token],
             "ID_NUMBER_KEY": list(settings.id_number_keys) or [""]}
    generated = _generated_secrets()
    for name, values in named.items():
        for value in values:
            if value.lower() in KNOWN_DEFAULTS or len(value) < MIN_SECRET_LENGTH:
                raise SettingsError(
                    f"{name} 未设置、是默认值或太短：生产环境请设置至少 {MIN_SECRET_LENGTH} 个字符的"
                    "随机值（例如 python -c 'import secrets; print(secrets.token_urlsafe(32))'）")
            if value in generated:
                raise SettingsError(f"{name} 是开发环境自动生成的密钥（var/secrets.json），"
                                    "生产环境不能使用，请设置新的随机值")
    if settings.id_number_key == settings.session_secret:
        raise SettingsError("ID_NUMBER_KEY 不能与 SESSION_SECRET 相同：身份证号加密密钥必须单独设置")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process (cached: read once; raises ``SettingsError``)."""
    env = os.environ.get("HOTLINE_ENV", "development")
    production = env == "production"
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    settings = Settings(
        database_url=os.environ.get(
            "DATABASE_URL", f"sqlite+aiosqlite:///{VAR_DIR / 'backend.db'}"
        ),
        backend_url=os.environ.get("BACKEND_URL", "http://127.0.0.1:8000"),
        backend_token=_secret("BACKEND_TOKEN", production),
        rasa_url=os.environ.get("RASA_URL", "http://127.0.0.1:5005"),
        rasa_token=_secret("RASA_TOKEN", production),
        session_secret=_secret("SESSION_SECRET", production),
        redis_url=os.environ.get("REDIS_URL") or None,
        id_number_keys=tuple(k.strip() for k in _secret("ID_NUMBER_KEY", production).split(",")
                             if k.strip()),
        env=env,
        retention_conversation_days=int(os.environ.get("RETENTION_CONVERSATION_DAYS", "180")),
        retention_closed_ticket_days=int(os.environ.get("RETENTION_CLOSED_TICKET_DAYS", "1095")),
        retention_audit_days=int(os.environ.get("RETENTION_AUDIT_DAYS", "1095")),
        jobs_interval_seconds=int(os.environ.get("JOBS_INTERVAL_SECONDS", "600")),
        tracker_db=os.environ.get("TRACKER_DB", str(VAR_DIR / "tracker.db")),
        # loopback unless a deployment puts a proxy or another machine in front
        bind_host=os.environ.get("HOTLINE_HOST", "127.0.0.1"),
        # Rasa → action server: sent by endpoints.yml's action_endpoint.headers
        action_server_token=_secret("ACTION_SERVER_TOKEN", production),
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
        trusted_proxies=tuple(p.strip() for p in os.environ.get("TRUSTED_PROXIES", "").split(",")
                              if p.strip()),
        # make run SCALE=N (bot/scale.py): the engines it runs on; .ci/run's TEST_* URLs otherwise
        scale_postgres_url=(os.environ.get("SCALE_POSTGRES_URL") or os.environ.get("TEST_POSTGRES_URL")
                            or None),
        scale_redis_url=os.environ.get("REDIS_URL") or os.environ.get("TEST_REDIS_URL") or None,
        rabbitmq_url=os.environ.get("RABBITMQ_URL") or os.environ.get("TEST_RABBITMQ_URL") or None,
        log_format=os.environ.get("HOTLINE_LOG_FORMAT", "text").strip().lower(),
        log_dir=os.environ.get("HOTLINE_LOG_DIR", ""),
        log_max_bytes=int(os.environ.get("HOTLINE_LOG_MAX_BYTES", str(10 * 1024 * 1024))),
        log_backups=int(os.environ.get("HOTLINE_LOG_BACKUPS", "5")),
        fallback_station_code=os.environ.get("HOTLINE_FALLBACK_STATION") or "QD",
        rasa_public_url=os.environ.get("RASA_PUBLIC_URL") or None,
        case_outbox_flush_seconds=float(os.environ.get("CASE_OUTBOX_FLUSH_SECONDS", "15")),
        tracker_store_url=os.environ.get("TRACKER_STORE_URL") or None,
        action_backend_budget_s=float(os.environ.get("ACTION_BACKEND_BUDGET_S", "2.2")),
        rasa_tf_threads=int(os.environ.get("RASA_TF_THREADS", "1")),
        # where the custom actions run: "http" (the action server, the default) or "inprocess"
        # (inside each Rasa process, bot/inprocess_actions.py: no action server to run)
        actions_mode=os.environ.get("HOTLINE_ACTIONS", "http").strip().lower(),
    )
    if settings.log_format not in ("text", "json"):
        raise SettingsError("HOTLINE_LOG_FORMAT 只能是 text 或 json")
    if settings.actions_mode not in ("http", "inprocess"):
        raise SettingsError("HOTLINE_ACTIONS 只能是 http（动作服务器）或 inprocess（动作在 Rasa 进程里运行）")
    if production:
        check_production(settings)
    return settings


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
    backend_url = os.environ.get("BACKEND_URL", "http://127.0.0.1:8000")
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
        public_url=(os.environ.get("PUBLIC_URL") or backend_url).rstrip("/"),
        outbox_interval=float(os.environ.get("OUTBOX_INTERVAL_SECONDS", "2")),
        upload_max_bytes=int(os.environ.get("UPLOAD_MAX_BYTES", str(5 * 1024 * 1024))),
        widget_origins=tuple(o.strip() for o in os.environ.get("WIDGET_ORIGINS", "*").split(",")
                             if o.strip()),
    )


@dataclass(frozen=True)
class TrainerSettings:
    """Where the trainer inbox reads conversations and writes accepted examples."""

    events_db_url: str  # EVENTS_DB_URL: Rasa's SQL event broker
    data_dir: Path  # TRAINER_DATA_DIR: the training data accepted examples go to (a copy in tests)
    decisions_path: Path  # TRAINER_DECISIONS: the trainer's accept/ignore decisions


def get_trainer_settings() -> TrainerSettings:
    """Read on every call (cheap), as before: tests point the inbox at their own files."""
    return TrainerSettings(
        events_db_url=os.environ.get("EVENTS_DB_URL") or get_settings().events_db_url,
        data_dir=Path(os.environ.get("TRAINER_DATA_DIR", ROOT / "data")),
        decisions_path=Path(os.environ.get("TRAINER_DECISIONS", VAR_DIR / "inbox-decisions.json")),
    )


def child_environment(extra: dict[str, str]) -> dict[str, str]:
    """The environment of a child process: this one's, with ``extra`` on top. The only place
    outside ``get_settings`` that hands the environment on (bot/services.py starts children)."""
    return {**os.environ, **extra}


def set_for_children(values: dict[str, str]) -> None:
    """Writes variables the processes started after this call inherit (the launcher's ports and
    ``--host``), and re-reads this process's settings so they agree with the children."""
    os.environ.update(values)
    get_settings.cache_clear()
