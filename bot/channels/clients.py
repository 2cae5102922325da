"""The widget channel's clients: the backend with the channel's short timeout, and Rasa's API.

Both clients live in ``bot/clients/`` (one per outside system); this module only says how the
channel uses the backend: one short attempt and no retries, because a worker waits on every
call the channel makes. Before, the channel caught the builtin ``TimeoutError``; on Python 3.10
aiohttp raises ``asyncio.TimeoutError``, another class, so a slow backend escaped past the
never-silent guard and the worker got nothing; the clients' typed errors cover both.
"""

from __future__ import annotations

from bot.clients.backend import BackendClient
from bot.clients.rasa import RASA_API_TIMEOUT, RasaAPI, RasaRefused, RasaUnavailable

__all__ = ["CHANNEL_TIMEOUT", "RASA_API_TIMEOUT", "RasaAPI", "RasaRefused", "RasaUnavailable",
           "channel_backend"]
# the worker is waiting: the channel's calls must leave time for NLU and the reply (3 s)
CHANNEL_TIMEOUT = 1.0


def channel_backend() -> BackendClient:
    """The backend as the channel calls it: one short attempt, then the last known answer."""
    return BackendClient(timeout=CHANNEL_TIMEOUT, retries=0)
