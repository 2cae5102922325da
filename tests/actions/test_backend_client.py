"""The backend client against the real backend: retries, typed errors, the case outbox."""

from __future__ import annotations

import socket

import pytest
from aiohttp.test_utils import TestServer

from actions.backend_client import (
    BackendClient,
    BackendError,
    BackendUnavailable,
    CaseOutbox,
    flush,
    submit_ticket,
)
from bot.backend.app import create_app
from bot.settings import get_settings


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
async def live_backend(tmp_path):
    from dataclasses import replace

    settings = replace(get_settings(), database_url=f"sqlite+aiosqlite:///{tmp_path / 'b.db'}")
    port = _free_port()
    server = TestServer(create_app(settings), host="127.0.0.1", port=port)
    await server.start_server()
    yield server, port, settings
    await server.close()


async def test_typed_errors_and_answers(live_backend):
    _, port, settings = live_backend
    api = BackendClient(f"http://127.0.0.1:{port}", settings.backend_token)
    wage = await api.minimum_wage("上海")
    assert wage["found"]
    with pytest.raises(BackendError) as err:
        await api.create_ticket({"type": "bogus"}, "k")
    assert err.value.field == "type"


async def test_unreachable_backend_raises_after_retries():
    api = BackendClient(f"http://127.0.0.1:{_free_port()}", "t", timeout=0.5, backoff=0.01)
    with pytest.raises(BackendUnavailable):
        await api.policies("relief")


async def test_outbox_keeps_a_case_until_the_backend_takes_it(tmp_path, live_backend):
    server, port, settings = live_backend
    outbox = CaseOutbox(tmp_path / "outbox.db")
    down = BackendClient(f"http://127.0.0.1:{_free_port()}", settings.backend_token,
                         timeout=0.5, retries=0)
    payload = {"type": "wage_arrears", "city": "青岛", "contact_phone": "13805321234"}
    assert await submit_ticket(down, outbox, payload, "case-1") is None
    assert await submit_ticket(down, outbox, payload, "case-1") is None  # retried turn
    assert [k for k, _ in outbox.pending()] == ["case-1"]
    up = BackendClient(f"http://127.0.0.1:{port}", settings.backend_token)
    assert await flush(up, outbox) == 1 and outbox.pending() == []
    assert await flush(up, outbox) == 0
    tickets = (await up.request("GET", "/tickets"))["tickets"]
    assert len([t for t in tickets if t["idempotency_key"] == "case-1"]) == 1
