"""Log output of every process: text or one JSON object a line, PII masked, optionally rotated.

A log collector reads JSON lines without guessing at formats; a disk does not fill up with one
process's log. Switched by settings (``HOTLINE_LOG_FORMAT``, ``HOTLINE_LOG_DIR``,
``HOTLINE_LOG_MAX_BYTES``, ``HOTLINE_LOG_BACKUPS``: bot/settings.py). Masking is the shared one
(bot/logmask.py): every record is masked before any handler formats it, and each handler this
module adds carries the masking filter too.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
from datetime import datetime, timezone
from pathlib import Path

from bot import logmask
from bot.settings import Settings, get_settings

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
_MARK = "_hotline_handler"


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time (UTC, ISO 8601), level, logger, process, message,
    and the masked traceback when there is one."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        record = logmask.mask_record(record)
        entry = {"time": datetime.fromtimestamp(record.created, timezone.utc)
                 .isoformat(timespec="milliseconds"),
                 "level": record.levelname, "logger": record.name, "service": self.service,
                 "message": record.getMessage()}
        if record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, ensure_ascii=False)


def formatter_for(service: str, settings: Settings) -> logging.Formatter:
    """The formatter the settings ask for."""
    return JsonFormatter(service) if settings.log_format == "json" else \
        logging.Formatter(TEXT_FORMAT)


def file_handler(service: str, settings: Settings) -> logging.Handler | None:
    """``<HOTLINE_LOG_DIR>/<service>.log``, rotated by size; None without a log directory."""
    if not settings.log_dir:
        return None
    folder = Path(settings.log_dir)
    folder.mkdir(parents=True, exist_ok=True)
    return logging.handlers.RotatingFileHandler(
        folder / f"{service}.log", maxBytes=settings.log_max_bytes,
        backupCount=settings.log_backups, encoding="utf-8")


def configure(service: str, settings: Settings | None = None,
              level: int | None = None) -> None:
    """Sets this process's log output (safe to call twice; keeps handlers others installed,
    e.g. Rasa's, and gives them the chosen format)."""
    settings = settings or get_settings()
    logmask.install()
    root = logging.getLogger()
    formatter = formatter_for(service, settings)
    if not root.handlers:
        stream = logging.StreamHandler()
        setattr(stream, _MARK, True)
        root.addHandler(stream)
    for handler in root.handlers:
        if settings.log_format == "json" or getattr(handler, _MARK, False):
            handler.setFormatter(formatter)  # in text mode Rasa's own format stays
        if not any(isinstance(f, logmask.MaskingFilter) for f in handler.filters):
            handler.addFilter(logmask.MaskingFilter())
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) and getattr(h, _MARK, False)
               for h in root.handlers):
        rotating = file_handler(service, settings)
        if rotating is not None:
            setattr(rotating, _MARK, True)
            rotating.setFormatter(formatter)
            rotating.addFilter(logmask.MaskingFilter())
            root.addHandler(rotating)
    if level is not None:  # Rasa and rasa_sdk set their own level from --log-level
        root.setLevel(level)
