"""Logs never carry a full ID number or phone number."""

from __future__ import annotations

import logging
import re

_ID = re.compile(r"(?<![0-9])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9])")
_PHONE = re.compile(r"(?<![0-9])(1[3-9]\d)\d{4}(\d{4})(?![0-9])")


def mask(text: str) -> str:
    return _PHONE.sub(r"\1****\2", _ID.sub(r"\1**********\2", text))


class MaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask(record.getMessage())
        record.args = ()
        return True


def install() -> None:
    """Masks every record reaching the root handlers (call once at start-up)."""
    root = logging.getLogger()
    for handler in root.handlers or [logging.lastResort]:
        if handler and not any(isinstance(f, MaskingFilter) for f in handler.filters):
            handler.addFilter(MaskingFilter())
