"""The action server answers only Rasa: a crafted call without the shared secret runs nothing.

Before, anyone who reached port 5055 could POST /webhook and run an action with the
backend's service token: here, the relief form's phone validation, which sends a one-time
code by SMS. Bad bodies got HTTP 500 with the exception text and the body echoed back.
Real processes: the backend (temporary SQLite) and the action server, no Rasa needed.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import tempfile
import zlib
from pathlib import Path

import aiohttp
import pytest

from bot import services
from bot.action_guard import TOKEN_HEADER
from bot.settings import get_settings

pytestmark = pytest.mark.integration
PHONE = "13952800001"  # a seeded member: the form sends them a code


def relief_call(phone: str = PHONE) -> dict:
    """What Rasa sends when the relief form asks the action server to validate a phone."""
    return {
        "next_action": "validate_relief_form", "sender_id": "crafted", "version": "3.6.21",
        "tracker": {
            "sender_id": "crafted", "slots": {"requested_slot": "phone", "phone": phone},
            "latest_message": {"text": phone, "intent": {"name": "inform", "confidence": 1.0},
                               "entities": []},
            "events": [{"event": "action", "name": "relief_form"},
                       {"event": "active_loop", "name": "relief_form"},
                       {"event": "user", "text": phone, "parse_data": {"intent": {"name": "inform"}}},
                       {"event": "slot", "name": "phone", "value": phone}],
            "active_loop": {"name": "relief_form"}, "latest_action_name": "action_listen",
        },
        "domain": {"slots": {"phone": {"type": "text"}}, "forms": {"relief_form": {"required_slots": ["phone"]}}},
    }


@pytest.fixture(scope="module")
def actions_and_backend():
    work = Path(tempfile.mkdtemp(prefix="hotline-guard-"))
    backend_port, actions_port = services.free_port(), services.free_port()
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{work / 'backend.db'}",
           "BACKEND_URL": f"http://127.0.0.1:{backend_port}", "HOTLINE_VAR_DIR": str(work),
           "BACKEND_TOKEN": get_settings().backend_token}
    group = services.ServiceGroup([services.backend(backend_port, work / "log", env),
                                   services.action_server(actions_port, work / "log", env)])
    with group:
        yield f"http://127.0.0.1:{actions_port}", f"http://127.0.0.1:{backend_port}", group, work


async def _outbox(backend_url: str) -> list:
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{backend_url}/api/v1/dev/outbox", params={"phone": PHONE},
                 headers={"Authorization": f"Bearer {get_settings().backend_token}"}) as r,
    ):
        return (await r.json())["messages"]


async def _post(url: str, data, headers: dict | None = None) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http:
        kwargs = {"data": data} if isinstance(data, bytes) else {"json": data}
        async with http.post(f"{url}/webhook", headers=headers or {}, **kwargs) as response:
            return response.status, await response.text()


async def test_a_crafted_call_without_the_secret_is_refused_and_sends_nothing(actions_and_backend):
    actions_url, backend_url, _, _ = actions_and_backend
    before = len(await _outbox(backend_url))
    for headers in ({}, {TOKEN_HEADER: "guessed"}, {TOKEN_HEADER: ""}):
        status, body = await _post(actions_url, relief_call(), headers)
        assert status in (401, 403), (status, body)
        assert json.loads(body)["error"]["code"] == "unauthorized"
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{actions_url}/actions") as response,
    ):
        assert response.status == 401, "the action list is not public either"
    assert len(await _outbox(backend_url)) == before, "no one-time code went out"


async def test_rasa_with_the_secret_still_runs_actions(actions_and_backend):
    actions_url, backend_url, _, _ = actions_and_backend
    before = len(await _outbox(backend_url))
    status, body = await _post(actions_url, relief_call(),
                               {TOKEN_HEADER: get_settings().action_server_token})
    assert status == 200, body
    assert len(await _outbox(backend_url)) == before + 1


@pytest.mark.parametrize("body", [b"", b"[]", b'"text"', b"null", b"{not json", b'{"next_action": 5}',
                                  json.dumps({"next_action": "validate_relief_form", "tracker": []}).encode(),
                                  json.dumps({"next_action": "validate_relief_form",
                                              "tracker": {"events": "x"}}).encode(),
                                  json.dumps({"next_action": "validate_relief_form", "version": 3,
                                              "tracker": {}}).encode(),
                                  b"[" * 5000 + b"]" * 5000, b"\xff\xfe"],
                         ids=["empty", "array", "string", "null", "not-json", "action-not-text", "tracker-array",
                              "events-text", "version-number", "nested-5000", "not-utf8"])
async def test_bad_bodies_get_a_structured_400_without_the_exception(actions_and_backend, body):
    actions_url, _, _, _ = actions_and_backend
    status, text = await _post(actions_url, body, {TOKEN_HEADER: get_settings().action_server_token,
                                                   "Content-Type": "application/json"})
    assert status == 400, text
    error = json.loads(text)["error"]
    assert error["code"] in ("invalid_json", "invalid_body") and error["message"]
    assert "Traceback" not in text and "request_body" not in text


async def test_a_deflated_body_is_read_like_rasa_sends_it(actions_and_backend):
    actions_url, _, _, _ = actions_and_backend
    call = relief_call("12345")  # not a phone: the form answers without sending a code
    status, text = await _post(actions_url, zlib.compress(json.dumps(call).encode()),
                               {TOKEN_HEADER: get_settings().action_server_token,
                                "Content-Encoding": "deflate", "Content-Type": "application/json"})
    assert status == 200, text
    status, text = await _post(actions_url, b"not deflate",
                               {TOKEN_HEADER: get_settings().action_server_token, "Content-Encoding": "deflate"})
    assert status == 400, text


async def test_unknown_paths_and_actions_are_not_500(actions_and_backend):
    actions_url, _, _, _ = actions_and_backend
    secret = {TOKEN_HEADER: get_settings().action_server_token}
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{actions_url}/nope", headers=secret) as response,
    ):
        assert response.status == 404
    status, text = await _post(actions_url, {**relief_call(), "next_action": "action_does_not_exist"}, secret)
    assert status == 404 and "Traceback" not in text


def _other_addresses() -> list[str]:
    out = subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
    return [a for a in out if not a.startswith("127.") and ":" not in a]


def test_internal_services_listen_on_loopback_only(actions_and_backend):
    actions_url, backend_url, _, _ = actions_and_backend
    addresses = _other_addresses()
    if not addresses:
        pytest.skip("这台机器只有回环地址：无法从外部地址验证")
    for url in (actions_url, backend_url):
        port = int(url.rsplit(":", 1)[1])
        with socket.socket() as sock:
            sock.settimeout(1)
            assert sock.connect_ex((addresses[0], port)) != 0, f"{url} answers on {addresses[0]}"


def test_the_action_servers_log_is_masked(actions_and_backend):
    _, _, group, work = actions_and_backend
    log = (work / "log" / "actions.log").read_text(encoding="utf-8", errors="replace")
    assert PHONE not in log
    assert os.environ.get("ACTION_SERVER_TOKEN", get_settings().action_server_token) not in log
