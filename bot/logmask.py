"""No phone or ID number in any process's logs or tracebacks, in any format the bot accepts.

``normalize_phone`` / ``normalize_id_number`` accept numbers with spaces, dashes, brackets,
a ``+86`` prefix and full-width digits (``+8613952800001``, ``1395 2800 001``,
``3211 0219 7606 1906 0X``); a mask that only knows the compact form lets those through.
``mask_pii`` masks every such spelling. ``install`` applies it to every log record of the
process (message, arguments, exception text and stack) through the record factory, so
handlers added later (Rasa's, Sanic's, rasa_sdk's) are covered too, and to uncaught
exceptions printed by ``sys.excepthook``.

Used by Rasa (``bot/channels``), the action server (``rasa_sdk_plugins``), the backend
(``bot/backend/logging_filter.py``) and the trainer inbox.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import traceback
import warnings

_DIGIT = "[0-9\uff10-\uff19]"
_SEP = "[\\s\\-+\u2010-\u2015\uff0d\uff0b()\uff08\uff09]{0,3}"
# a digit just before may be the end of a percent escape (%81139…): a URL in an access log
_NOT_DIGIT_BEFORE = "(?:(?<![0-9\uff10-\uff19])|(?<=%[0-9A-Fa-f]{2}))"
_NOT_DIGIT_AFTER = "(?![0-9\uff10-\uff19])"
# 18-character resident ID: 17 digits and a digit or X, any separators in between
_ID = re.compile(_NOT_DIGIT_BEFORE + _DIGIT + f"(?:{_SEP}{_DIGIT}){{16}}{_SEP}[0-9\uff10-\uff19Xx\uff38\uff58]"
                 + "(?![0-9A-Za-z\uff10-\uff19])")
# mainland mobile, optionally +86 / 0086 / (86)
_MOBILE = re.compile(_NOT_DIGIT_BEFORE + "(?:(?:\\+|\uff0b|00)?[(\uff08]?86[)\uff09]?" + _SEP + ")?"
                     + f"[1\uff11]{_SEP}[3-9\uff13-\uff19](?:{_SEP}{_DIGIT}){{9}}" + _NOT_DIGIT_AFTER)
# landline with area code: 0 + 9 to 11 digits (010-6543 2100, (0532)8765-4321)
_LANDLINE = re.compile(_NOT_DIGIT_BEFORE + "[(\uff08]?[0\uff10]" + f"(?:{_SEP}{_DIGIT}){{9,11}}" + _NOT_DIGIT_AFTER)
_FULL_WIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"\uff38": "X", "\uff58": "X"})


def _digits(match: re.Match) -> str:
    return re.sub(r"[^0-9Xx]", "", match.group(0).translate(_FULL_WIDTH)).upper()


def _mask_id(match: re.Match) -> str:
    value = _digits(match)
    return value[:4] + "*" * 10 + value[-4:]


def _mask_phone(match: re.Match) -> str:
    value = _digits(match)
    if value.startswith("0086"):
        value = value[4:]
    elif value.startswith("86") and len(value) == 13:
        value = value[2:]
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_pii(text: str) -> str:
    """``text`` with every resident ID, mobile and landline number masked (138****1234)."""
    if not text or not any(ch.isdigit() for ch in text):
        return text
    text = _ID.sub(_mask_id, text)
    text = _MOBILE.sub(_mask_phone, text)
    return _LANDLINE.sub(_mask_phone, text)


class MaskingFilter(logging.Filter):
    """Masks a record in place; also usable on a single handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            mask_record(record)
        except Exception:  # noqa: BLE001 — at interpreter exit this module's names are gone
            return False  # (TypeError: 'NoneType' object is not callable): dropped, never leaked
        return True


def mask_record(record: logging.LogRecord) -> logging.LogRecord:
    """Formats the message, the exception and the stack now, masked (idempotent)."""
    if getattr(record, "_pii_masked", False):
        return record
    try:
        message = record.getMessage()
    except Exception:  # a broken format string must not lose the record
        message = f"{record.msg!r} {record.args!r}"
    record.msg, record.args = mask_pii(message), ()
    if record.exc_info and not record.exc_text:
        record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
    if record.exc_text:
        record.exc_text = mask_pii(record.exc_text)
    if record.stack_info:
        record.stack_info = mask_pii(record.stack_info)
    record._pii_masked = True
    return record


_installed = threading.Lock()
_done = False


def _masked_formatwarning(message, category, filename, lineno, line=None) -> str:
    """``warnings.formatwarning`` with numbers masked: the text of every warning shown, to
    stderr or to the log (both format through it), whoever owns ``showwarning`` then."""
    return mask_pii(_original_formatwarning(message, category, filename, lineno, line))


_original_formatwarning = warnings.formatwarning


def capture_warnings() -> None:
    """Sends ``warnings.warn`` text (rasa_sdk's version warning quotes the request) to the
    (masked) log, and masks it on stderr too.

    ``logging.captureWarnings(True)`` does nothing once it has been called, even when somebody
    swapped ``warnings.showwarning`` back since (``warnings.catch_warnings(record=True)``
    does, for its block; so does pytest around every test): so it is re-attached here."""
    if warnings.formatwarning is not _masked_formatwarning:
        warnings.formatwarning = _masked_formatwarning
    if warnings.showwarning is not logging._showwarning:  # type: ignore[attr-defined]
        logging.captureWarnings(False)
        logging.captureWarnings(True)


def install() -> None:
    """Masks every log record, warning and uncaught traceback of this process (safe to call
    again: it re-attaches the warnings capture if something undid it)."""
    global _done
    capture_warnings()
    with _installed:
        if _done:
            return
        _done = True
        previous_factory = logging.getLogRecordFactory()

        def factory(*args, **kwargs) -> logging.LogRecord:
            record = previous_factory(*args, **kwargs)
            if mask_record is None:  # interpreter shutdown: module globals are gone
                return record
            return mask_record(record)

        logging.setLogRecordFactory(factory)
        # records created before this call, or by code that builds LogRecord itself
        for handler in logging.getLogger().handlers:
            if not any(isinstance(f, MaskingFilter) for f in handler.filters):
                handler.addFilter(MaskingFilter())
        previous_hook = sys.excepthook

        def excepthook(kind, value, tb) -> None:
            sys.stderr.write(mask_pii("".join(traceback.format_exception(kind, value, tb))))

        sys.excepthook = excepthook if previous_hook is sys.__excepthook__ else previous_hook

        def thread_hook(args: threading.ExceptHookArgs) -> None:
            sys.stderr.write(mask_pii("".join(traceback.format_exception(
                args.exc_type, args.exc_value, args.exc_traceback))))

        threading.excepthook = thread_hook
