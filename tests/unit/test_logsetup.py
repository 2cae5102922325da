"""Structured logs: one JSON object a line, PII masked, rotated by size, switched by settings."""

from __future__ import annotations

import json
import logging
from dataclasses import replace

import pytest

from bot import logsetup
from bot.settings import SettingsError, get_settings

PHONE, ID = "13952800001", "370202199001011234"


@pytest.fixture
def clean_root():
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    root.handlers = []
    yield root
    for handler in root.handlers:
        handler.close()
    root.handlers, root.level = handlers, level


def test_json_lines_masked_and_rotated(tmp_path, clean_root):
    settings = replace(get_settings(), log_format="json", log_dir=str(tmp_path),
                       log_max_bytes=2_000, log_backups=2)
    logsetup.configure("backend", settings, level=logging.INFO)
    log = logging.getLogger("bot.test")
    log.info("工人 %s 身份证 %s 来电", PHONE, ID)
    try:
        raise ValueError(f"bad phone {PHONE}")
    except ValueError:
        log.exception("failed for %s", PHONE)
    for i in range(60):  # 60 lines of ~150 bytes: past two rotations
        log.warning("line %d of filler text that takes some room in the file", i)
    for handler in clean_root.handlers:
        handler.flush()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["backend.log", "backend.log.1", "backend.log.2"]  # backups capped at 2
    assert all(p.stat().st_size <= 2_200 for p in tmp_path.iterdir())
    text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.iterdir())
    assert PHONE not in text and ID not in text
    entries = [json.loads(line) for line in (tmp_path / "backend.log").read_text().splitlines()]
    assert {"time", "level", "logger", "service", "message"} <= set(entries[-1])
    assert entries[-1]["service"] == "backend" and entries[-1]["level"] == "WARNING"


def test_first_records_and_tracebacks_are_json_and_masked(tmp_path, clean_root):
    settings = replace(get_settings(), log_format="json", log_dir=str(tmp_path))
    logsetup.configure("action-server", settings, level=logging.INFO)
    log = logging.getLogger("bot.test")
    log.info("工人 %s 身份证 %s 来电", PHONE, ID)
    try:
        raise ValueError(f"bad phone {PHONE}")
    except ValueError:
        log.exception("failed for %s", PHONE)
    for handler in clean_root.handlers:
        handler.flush()
    first, second = [json.loads(line) for line in
                     (tmp_path / "action-server.log").read_text().splitlines()]
    assert first["message"].startswith("工人 139") and PHONE not in first["message"]
    assert ID not in first["message"]
    assert "ValueError" in second["exception"] and PHONE not in second["exception"]


def test_text_is_the_default_and_nothing_is_written_without_a_directory(tmp_path, clean_root):
    settings = get_settings()
    assert settings.log_format == "text" and settings.log_dir == ""
    clean_root.handlers = []  # pytest's capture handlers are added after the fixture ran
    logsetup.configure("rasa", settings)
    [stream] = clean_root.handlers  # stderr only, no file
    assert not isinstance(stream, logging.handlers.RotatingFileHandler)
    assert stream.formatter._fmt == logsetup.TEXT_FORMAT


def test_an_unknown_format_is_refused(monkeypatch):
    monkeypatch.setenv("HOTLINE_LOG_FORMAT", "xml")
    get_settings.cache_clear()
    try:
        with pytest.raises(SettingsError):
            get_settings()
    finally:
        monkeypatch.delenv("HOTLINE_LOG_FORMAT")
        get_settings.cache_clear()
