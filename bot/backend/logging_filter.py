"""Logs never carry a full ID number or phone number (the shared mask: ``bot/logmask.py``)."""

from __future__ import annotations

from bot.logmask import MaskingFilter, install

__all__ = ["MaskingFilter", "install"]
