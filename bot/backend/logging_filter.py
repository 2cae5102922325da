"""Logs never carry a full ID number or phone number."""

from __future__ import annotations

import logging

from bot.normalize.identity import mask_free_text


class MaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_free_text(record.getMessage())
        record.args = ()
        return True


def install() -> None:
    """Masks every record reaching the root handlers (call once at start-up)."""
    root = logging.getLogger()
    for handler in root.handlers or [logging.lastResort]:
        if handler and not any(isinstance(f, MaskingFilter) for f in handler.filters):
            handler.addFilter(MaskingFilter())
