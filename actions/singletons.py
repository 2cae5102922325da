"""The one backend client and the one case outbox of the action server process.

Cached so every action shares one HTTP session and one outbox file (each reopens what it
needs on the running loop).
"""

from __future__ import annotations

from functools import lru_cache

from actions.case_outbox import CaseOutbox
from bot.clients.backend import BackendClient


@lru_cache(maxsize=1)
def client() -> BackendClient:
    """The backend client every action uses."""
    return BackendClient()


@lru_cache(maxsize=1)
def outbox() -> CaseOutbox:
    """The outbox of cases waiting for the backend."""
    return CaseOutbox()
