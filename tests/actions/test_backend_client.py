"""The backend client and the case outbox against the real backend on a loopback port.

The backend is the product's own aiohttp app on a temporary SQLite database, started and
stopped for real. Failures are the real thing too: a stopped server, or the real app with a
front middleware that makes it fail or stall for its first requests.
"""

from __future__ import annotations

import asyncio
import socket
import time
from dataclasses import replace

import pytest
from aiohttp import web

from actions.backend_client import BackendClient, BackendError, BackendUnavailable
from actions.case_outbox import CaseOutbox, flush, submit_ticket
from bot.backend.app import create_app
from bot.backend.tickets import scoped_key
from bot.clients.backend import answer_within
from bot.settings import get_settings

# a real backend (seeded SQLite) per test: left out of make test-fast, run by make test
pytestmark = pytest.mark.slow

CASE = {"type": "wage_arrears", "district": "辛安街道", "contact_phone": "13805321234",
        "facts": {"employer": "鑫达电子厂", "amount": 12000, "duration": "P3M"}}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveBackend:
    """The real backend app on a fixed port and SQLite file: stop it and start it again."""

    def __init__(self, db_path, port: int, trouble: dict | None = None) -> None:
        self.settings = replace(get_settings(), database_url=f"sqlite+aiosqlite:///{db_path}")
        self.port, self.trouble = port, trouble
        self.url = f"http://127.0.0.1:{port}"
        self.runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = create_app(self.settings)
        if self.trouble is not None:
            app.middlewares.insert(0, _troublemaker(self.trouble))
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        if self.runner:
            await self.runner.cleanup()
            self.runner = None

    def client(self, **kwargs) -> BackendClient:
        return BackendClient(self.url, self.settings.backend_token, **kwargs)

    async def tickets_with_key(self, key: str) -> list[dict]:
        api = self.client()
        tickets = (await api.request("GET", "/tickets", params={"limit": "500"}))["tickets"]
        await api.close()
        return [t for t in tickets if t["idempotency_key"] == scoped_key("service", key)]


def _troublemaker(trouble: dict):
    """Answers 503 (``fail`` times) or stalls (``stall`` seconds) before the real handler."""

    @web.middleware
    async def middleware(request, handler):
        trouble["hits"] = trouble.get("hits", 0) + 1
        if trouble.get("fail", 0) > 0:
            trouble["fail"] -= 1
            return web.json_response({"error": {"code": "unavailable", "message": "维护中"}},
                                     status=503)
        if trouble.get("stall"):
            await asyncio.sleep(trouble["stall"])
        return await handler(request)

    return middleware


@pytest.fixture
async def backend(tmp_path):
    live = LiveBackend(tmp_path / "backend.db", _free_port())
    await live.start()
    yield live
    await live.stop()


@pytest.fixture
async def flaky_backend(tmp_path):
    live = LiveBackend(tmp_path / "backend.db", _free_port(), trouble={})
    await live.start()
    yield live
    await live.stop()


# --- answers and typed errors -----------------------------------------------------------

async def test_answers_come_from_the_backend(backend):
    api = backend.client()
    wage = await api.minimum_wage("上海")
    assert wage["found"] and wage["minimum_wage"]["details"]["monthly"]
    station = (await api.resolve(None, "辛安街道"))["station"]
    assert "辛安" in station["name"]
    await api.close()


async def test_refusals_are_typed_with_code_field_and_chinese_message(backend):
    api = backend.client()
    with pytest.raises(BackendError) as bad:
        await api.create_ticket({"type": "bogus"}, "k-1")
    assert bad.value.status == 400 and bad.value.field == "type" and bad.value.about_the_request
    assert any("\u4e00" <= ch <= "\u9fff" for ch in bad.value.message)
    with pytest.raises(BackendError) as not_found:
        await api.ticket_status("GH202601010001", "13805321234")
    assert not_found.value.status == 404
    await api.close()


async def test_a_wrong_token_is_not_the_request_s_fault(backend):
    api = BackendClient(backend.url, "wrong-token")
    with pytest.raises(BackendError) as denied:
        await api.create_ticket(CASE, "k-2")
    assert denied.value.status == 401 and not denied.value.about_the_request
    await api.close()


async def test_ticket_creation_is_idempotent_by_key(backend):
    api = backend.client()
    first = await api.create_ticket(CASE, "same-key")
    again = await api.create_ticket(CASE, "same-key")
    assert first["id"] == again["id"] and first["id"].startswith("GH")
    assert len(await backend.tickets_with_key("same-key")) == 1
    await api.close()


# --- retries only where repeating is safe ------------------------------------------------

async def test_idempotent_calls_are_retried_with_backoff(flaky_backend):
    flaky_backend.trouble.update(fail=2, hits=0)
    api = flaky_backend.client(backoff=0.1)
    started = time.monotonic()
    assert (await api.health())["status"]
    assert flaky_backend.trouble["hits"] == 3
    assert time.monotonic() - started >= 0.3  # waited 0.1 s, then 0.2 s
    await api.close()


async def test_ticket_creation_retried_files_one_ticket(flaky_backend):
    flaky_backend.trouble.update(fail=2, hits=0)
    api = flaky_backend.client(backoff=0.01)
    ticket = await api.create_ticket(CASE, "retried-key")
    assert flaky_backend.trouble["hits"] == 3 and ticket["id"].startswith("GH")
    assert len(await flaky_backend.tickets_with_key("retried-key")) == 1
    await api.close()


async def test_sending_a_one_time_code_is_never_repeated(flaky_backend):
    flaky_backend.trouble.update(fail=1, hits=0)
    api = flaky_backend.client(backoff=0.01)
    with pytest.raises(BackendUnavailable):
        await api.send_code("13952800001")
    assert flaky_backend.trouble["hits"] == 1
    await api.close()


async def test_a_stalled_backend_times_out(flaky_backend):
    flaky_backend.trouble.update(stall=2)
    api = flaky_backend.client(timeout=0.3, retries=1, backoff=0.01)
    started = time.monotonic()
    with pytest.raises(BackendUnavailable):
        await api.policies("wage_arrears")
    assert time.monotonic() - started < 1.5
    await api.close()


async def test_every_call_of_an_action_ends_by_its_one_deadline(flaky_backend):
    """A backend answering after 5 s: two lookups with 3 s timeouts and two retries each took
    19.6 s of a worker's turn (issue 11). Under one deadline the first call is cut at it and
    the next fails at once, so the action can apologise within the turn."""
    flaky_backend.trouble.update(stall=5, hits=0)
    api = flaky_backend.client()  # the action server's defaults: 3 s, 2 retries

    async def an_action_s_two_lookups() -> float:
        answer_within(0.8)
        started = time.monotonic()
        with pytest.raises(BackendUnavailable):
            await api.resolve(None, "辛安街道")
        with pytest.raises(BackendUnavailable):
            await api.minimum_wage("上海")
        return time.monotonic() - started

    took = await asyncio.create_task(an_action_s_two_lookups())  # its own context, like a call
    assert 0.75 <= took < 1.1, took
    assert flaky_backend.trouble["hits"] == 1, "no retry and no second call past the deadline"
    flaky_backend.trouble.update(stall=0)
    assert (await api.minimum_wage("上海"))["found"], "no deadline outside that action"
    await api.close()


async def test_a_stopped_backend_is_unavailable():
    api = BackendClient(f"http://127.0.0.1:{_free_port()}", "t", backoff=0.01)
    with pytest.raises(BackendUnavailable):
        await api.policies("relief")
    await api.close()


# --- the outbox: a case is never lost and never filed twice ---------------------------------

async def test_backend_stopped_case_queued_then_filed_once_when_it_returns(backend, tmp_path):
    outbox = CaseOutbox(tmp_path / "outbox.db")
    api = backend.client(timeout=1, backoff=0.01)
    assert outbox.may_hold_cases() and len(outbox) == 0 and not outbox.may_hold_cases()
    await backend.stop()
    assert await submit_ticket(api, outbox, CASE, "conv-1:wage_arrears:6") is None
    assert outbox.may_hold_cases()  # every action call now starts a flush
    assert await submit_ticket(api, outbox, CASE, "conv-1:wage_arrears:6") is None  # retried turn
    assert [key for key, _ in CaseOutbox(tmp_path / "outbox.db").pending()] == [
        "conv-1:wage_arrears:6"]  # on disk: survives an action-server restart
    assert await flush(api, outbox) == 0 and len(outbox) == 1  # still down: kept

    await backend.start()
    assert await flush(api, outbox) == 1 and len(outbox) == 0
    assert await flush(api, outbox) == 0
    assert not outbox.may_hold_cases()  # and no action call opens the file for it again
    (ticket,) = await backend.tickets_with_key("conv-1:wage_arrears:6")
    assert ticket["type"] == "wage_arrears" and ticket["facts"]["amount"] == 12000
    await api.close()


async def test_queued_cases_go_first_and_a_new_case_waits_behind_them(backend, tmp_path):
    outbox = CaseOutbox(tmp_path / "outbox.db")
    api = backend.client(timeout=1, backoff=0.01)
    await backend.stop()
    assert await submit_ticket(api, outbox, CASE, "older") is None
    await backend.start()
    newer = await submit_ticket(api, outbox, {**CASE, "contact_phone": "13805329999"}, "newer")
    assert newer and newer["id"].startswith("GH") and len(outbox) == 0
    older, = await backend.tickets_with_key("older")
    assert older["id"] < newer["id"]
    await api.close()


async def test_a_case_refused_for_good_is_kept_for_staff_not_dropped(backend, tmp_path):
    outbox = CaseOutbox(tmp_path / "outbox.db")
    outbox.put("bad-case", {"type": "no-such-type"})
    outbox.put("good-case", CASE)
    api = backend.client()
    assert await flush(api, outbox) == 1
    assert len(outbox) == 0 and outbox.refused() == [("bad-case", {"type": "no-such-type"},
                                                       "invalid_field")]
    assert len(await backend.tickets_with_key("good-case")) == 1
    await api.close()


async def test_a_token_problem_keeps_the_case_queued(backend, tmp_path):
    outbox = CaseOutbox(tmp_path / "outbox.db")
    outbox.put("case-x", CASE)
    assert await flush(BackendClient(backend.url, "wrong-token"), outbox) == 0
    assert len(outbox) == 1 and outbox.refused() == []


# --- too many ticket-status misses: a 429 the worker is told about, never retried -------------

async def test_too_many_status_misses_are_rate_limited_not_unavailable(backend):
    from actions.backend_client import RateLimited

    api = backend.client(backoff=0.01)
    ticket = await api.create_ticket(CASE, "status-limit")
    for _ in range(5):  # five wrong phones for a real ticket
        with pytest.raises(BackendError) as miss:
            await api.ticket_status(ticket["id"], "13900001111", "conv-guess")
        assert miss.value.status == 404
    with pytest.raises(RateLimited) as limited:  # now even the right phone is refused
        await api.ticket_status(ticket["id"], CASE["contact_phone"], "conv-guess")
    assert limited.value.retry_after == 3600 and "12351" in limited.value.message
    await api.close()


async def test_the_worker_hears_too_many_tries_not_system_busy(backend, monkeypatch):
    """The action's words after the 429 (it used to be utter_backend_down: 'system busy',
    which invites the worker to try again at once)."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import services

    api = backend.client(backoff=0.01)
    monkeypatch.setattr(services, "client", lambda: api)
    ticket = await api.create_ticket(CASE, "status-limit-2")
    texts = []
    for _ in range(6):
        tracker = Tracker("conv-guess-2", {"ticket_id": ticket["id"], "phone": "13900002222"},
                          {"text": "查工单", "intent": {"name": "ticket_status"}, "entities": []},
                          [], False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        await services.ActionTicketStatus().run(dispatcher, tracker, {})
        texts.append("".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages))
    assert all("没有找到" in t or t == "utter_ticket_not_found" for t in texts[:5]), texts
    assert "次数太多" in texts[5] and "一小时" in texts[5] and "12351" in texts[5], texts[5]
    assert "utter_backend_down" not in texts[5]
    await api.close()
