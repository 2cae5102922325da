"""Every phone and ID spelling the bot accepts is masked in log messages and tracebacks."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot import logmask
from bot.normalize.identity import normalize_id_number, normalize_phone

PHONES = ["13952800001", "+8613952800001", "1395 2800 001", "139-5280-0001", "+86 139 5280 0001",
          "(139)5280-0001",
          "13952800001".translate({ord(d): 0xFF10 + int(d) for d in "0123456789"}),
          "86 13952800001", "0086 13952800001"]
IDS = ["32110219760619060X", "3211 0219 7606 1906 0X", "321102-19760619-060x",
       "32110219760619060".translate({ord(d): 0xFF10 + int(d) for d in "0123456789"}) + "Ｘ"]


@pytest.mark.parametrize("spelling", PHONES)
def test_every_accepted_phone_spelling_is_masked(spelling):
    if not spelling.startswith("00"):
        assert normalize_phone(spelling) == "13952800001", "the bot accepts this spelling"
    masked = logmask.mask_pii(f"电话{spelling}，谢谢")
    assert "2800" not in masked.replace(" ", "").replace("-", ""), masked
    assert "139****0001" in masked


@pytest.mark.parametrize("spelling", IDS)
def test_every_accepted_id_spelling_is_masked(spelling):
    assert normalize_id_number(spelling) == "32110219760619060X"
    masked = logmask.mask_pii(f"身份证 {spelling} 。")
    assert "3211**********060X" in masked, masked


def test_numbers_in_urls_of_access_logs_are_masked():
    line = '"GET /api/v1/x?district=%E5%8F%B7%E7%A0%81139-5280-0001%EF%BD%86&id=%E8%AF%8132110219760619060X HTTP/1.1"'
    masked = logmask.mask_pii(line)
    assert "139-5280-0001" not in masked and "32110219760619060X" not in masked, masked


def test_warnings_are_masked(caplog):
    """In any test order: pytest (like ``warnings.catch_warnings(record=True)``) swaps
    ``warnings.showwarning`` back around each test, which once left an earlier ``install``
    without effect; ``install`` re-attaches the capture."""
    import warnings

    logmask.install()  # an earlier test (or import) may already have installed it
    with caplog.at_level(logging.WARNING), warnings.catch_warnings():
        warnings.simplefilter("always")
        logmask.install()
        warnings.warn("rasa version 1395 2800 001", UserWarning, stacklevel=1)
    assert "2800 001" not in caplog.text and "139****0001" in caplog.text


@pytest.mark.parametrize("undo", ["", "logging.captureWarnings(False)"])
def test_warnings_of_a_process_are_masked_on_stderr(undo):
    """A real process: the warning reaches stderr masked, through the log or, when some
    library undid the capture, through Python's own printing."""
    import subprocess
    import sys

    code = ("import logging, warnings; from bot import logmask; logging.basicConfig(); "
            f"logmask.install(); {undo or 'pass'}; "
            "warnings.warn('rasa version 1395 2800 001 / 3211 0219 7606 1906 0X', UserWarning)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).resolve().parents[2])
    assert "rasa version" in result.stderr, result.stderr
    assert "2800 001" not in result.stderr and "0219 7606" not in result.stderr, result.stderr
    assert "139****0001" in result.stderr and "3211**********060X" in result.stderr


def test_ordinary_numbers_stay_readable():
    text = "2026-12-01 08:30:00,123 ticket T20261201-0007 confidence 0.123456789 port 5005 12351"
    assert logmask.mask_pii(text) == text


def test_messages_arguments_and_tracebacks_are_masked(caplog):
    logmask.install()
    log = logging.getLogger("test.logmask")
    with caplog.at_level(logging.INFO):
        log.info("worker %s said %r", "+8613952800001", {"id": "3211 0219 7606 1906 0X"})
        try:
            raise ValueError("bad phone 1395 2800 001")
        except ValueError:
            log.exception("failed")
    text = caplog.text + "".join(r.exc_text or "" for r in caplog.records)
    assert "Traceback" in text and "139****0001" in text
    for leak in ("2800 001", "8613952800001", "0219 7606"):
        assert leak not in text, text


def test_a_record_that_cannot_be_masked_is_dropped_not_written(monkeypatch):
    """At interpreter exit the module's functions are gone (None): the filter raised
    TypeError into every late log call, and a record it could not mask must not be written."""
    import logging

    from bot import logmask

    monkeypatch.setattr(logmask, "mask_record", None)
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "电话 13805321234", None, None)
    assert logmask.MaskingFilter().filter(record) is False
