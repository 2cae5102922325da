"""What an operator sees of the running product: readiness that checks each process's
dependencies (200/503, JSON), and Prometheus metrics from Rasa and the action server that move
when a worker talks. Real processes; the 503 case is a real action server whose backend is not
running (nothing listens on its port)."""

from __future__ import annotations

import re
import tempfile
import uuid
from pathlib import Path

import aiohttp
import pytest

from bot import services
from bot.action_guard import TOKEN_HEADER
from bot.settings import get_settings

pytestmark = pytest.mark.integration


async def _get(url: str, headers: dict | None = None) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http, http.get(url, headers=headers or {}) as response:
        return response.status, await response.text()


async def _say(stack, sender: str, text: str) -> list[dict]:
    async with aiohttp.ClientSession() as http, http.post(
            f"{stack.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": text}) as response:
        assert response.status == 200
        return await response.json()


def _total(text: str, name: str, match: str = "") -> float:
    """The sum of a metric's samples whose labels contain ``match``."""
    return sum(float(v) for labels, v in re.findall(
        rf"^{re.escape(name)}(\{{[^}}]*\}})? ([0-9.e+]+)$", text, re.M) if match in labels)


async def test_every_process_says_it_is_ready(stack):
    status, body = await _get(f"{stack.backend_url}/api/v1/health")
    assert status == 200 and '"database": "ok"' in body.replace('":"', '": "')
    status, body = await _get(f"{stack.actions_url}/ready")
    assert status == 200 and "backend" in body and "unreachable" not in body
    status, body = await _get(f"{stack.rasa_url}/webhooks/rest/ready")
    assert status == 200 and "action_server" in body and "unreachable" not in body


async def test_turns_actions_and_fallbacks_are_counted(stack):
    rasa_before = (await _get(f"{stack.rasa_url}/webhooks/rest/metrics"))[1]
    actions_before = (await _get(f"{stack.actions_url}/metrics"))[1]
    sender = uuid.uuid4().hex
    await _say(stack, sender, "老板欠我三个月工资")
    # not understood at the start of a conversation: the fallback step answers (inside a form
    # the form's own question is asked again instead)
    await _say(stack, uuid.uuid4().hex, "阿巴阿巴阿巴")
    rasa_after = (await _get(f"{stack.rasa_url}/webhooks/rest/metrics"))[1]
    actions_after = (await _get(f"{stack.actions_url}/metrics"))[1]
    assert _total(rasa_after, "hotline_turn_seconds_count", 'channel="rest"') == \
        _total(rasa_before, "hotline_turn_seconds_count", 'channel="rest"') + 2
    assert _total(actions_after, "hotline_action_seconds_count", 'outcome="ok"') > \
        _total(actions_before, "hotline_action_seconds_count", 'outcome="ok"')
    assert _total(actions_after, "hotline_fallbacks_total") == \
        _total(actions_before, "hotline_fallbacks_total") + 1
    assert sender not in rasa_after + actions_after  # no conversation ids in labels


async def test_the_action_server_is_not_ready_without_its_backend():
    work = Path(tempfile.mkdtemp(prefix="hotline-ready-"))
    port, closed = services.free_port(), services.free_port()  # nothing listens on ``closed``
    env = {"BACKEND_URL": f"http://127.0.0.1:{closed}", "HOTLINE_VAR_DIR": str(work)}
    with services.ServiceGroup([services.action_server(port, work / "log", env)]):
        status, body = await _get(f"http://127.0.0.1:{port}/ready")
        assert status == 503
        assert '"backend":"unreachable"' in body.replace(" ", "")
        status, _ = await _get(f"http://127.0.0.1:{port}/metrics")
        assert status == 200  # open like /health: figures, no personal data
        status, _ = await _get(f"http://127.0.0.1:{port}/actions")
        assert status == 401  # everything else still needs the shared secret
        status, _ = await _get(f"http://127.0.0.1:{port}/actions",
                               {TOKEN_HEADER: get_settings().action_server_token})
        assert status == 200
