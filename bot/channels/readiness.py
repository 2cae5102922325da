"""What the Rasa process needs to answer a worker, checked for ``/webhooks/rest/ready``.

Rasa's own ``/`` only says the process is up; a worker still gets the apology when the action
server or the backend is down. ``dependency_checks`` asks both (one short attempt each) and
says which one is missing; the REST channel turns that into 200/503 with a JSON body.
"""

from __future__ import annotations

import asyncio
import logging

import aiohttp

from bot.endpoints import INPROCESS_URL

logger = logging.getLogger(__name__)
TIMEOUT = aiohttp.ClientTimeout(total=2.0)
IN_PROCESS = "in-process"  # the actions run in Rasa's process (bot/inprocess_actions.py)


def action_server_health_url(agent: object | None) -> str | None:
    """``…/health`` of the action endpoint Rasa was started with (endpoints.yml), or
    ``IN_PROCESS`` when there is no action server to ask."""
    endpoint = getattr(agent, "action_endpoint", None)
    url = getattr(endpoint, "url", None)
    if not url:
        return None
    if url.startswith(INPROCESS_URL):
        return IN_PROCESS
    return url.rsplit("/webhook", 1)[0].rstrip("/") + "/health"


async def _answers(url: str) -> bool:
    try:
        async with aiohttp.ClientSession(timeout=TIMEOUT) as http, http.get(url) as resp:
            return resp.status == 200
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
        logger.warning("ready: %s unreachable: %s", url.split("?")[0], type(exc).__name__)
        return False


async def dependency_checks(agent: object | None) -> dict[str, str]:
    """``{"action_server": "ok"|"unreachable", "backend": …}`` (both asked at once)."""
    from bot.settings import get_settings

    backend_url = get_settings().backend_url.rstrip("/") + "/api/v1/health"
    action_url = action_server_health_url(agent)
    if action_url == IN_PROCESS:
        actions = asyncio.sleep(0, result=True)  # the actions run in this very process
    else:
        actions = _answers(action_url) if action_url else asyncio.sleep(0, result=False)
    results = await asyncio.gather(
        actions,
        _answers(backend_url))
    return {name: "ok" if ok else "unreachable"
            for name, ok in zip(("action_server", "backend"), results)}
