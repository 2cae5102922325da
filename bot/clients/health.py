"""Is a service up? The one health probe the process supervisor and the test stacks use.

Synchronous on purpose: the supervisor (bot/services.py, bot/supervisor.py) runs outside any
event loop. A service counts as up when it answers with success; anything else (refused,
slow, an HTTP error) is "not yet".
"""

from __future__ import annotations

import urllib.request

HEALTH_TIMEOUT = 2.0


def answers(url: str, timeout: float = HEALTH_TIMEOUT) -> bool:
    """True when ``url`` answers with success within ``timeout`` seconds (urllib raises
    ``HTTPError``, an ``OSError``, for 4xx and 5xx)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status < 500
    except OSError:
        return False
