"""Kept so existing imports keep working: the backend client lives in ``bot/clients/backend.py``
(one client per outside system, shared by the action server and the widget channel)."""

from bot.clients.backend import (
    API_PREFIX,
    BackendClient,
    BackendError,
    BackendUnavailable,
    RateLimited,
)

__all__ = ["API_PREFIX", "BackendClient", "BackendError", "BackendUnavailable", "RateLimited"]
