"""Action-server responses: still checked against Rasa's schema, now without its per-call cost.

Rasa used to run ``jsonschema.validate`` (meta-schema check + new validator) on every
response: ~60 ms of CPU per call. ``bot.rasa_patches`` keeps the same guarantee with
validators compiled once. These tests run Rasa's real ``RemoteAction`` against a small
HTTP server that answers like an action server, valid and invalid.
"""

from __future__ import annotations

import copy
import gc
import random
import time
import weakref

import jsonschema
import pytest
from aiohttp import web
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

import bot.channels  # noqa: F401  (what Rasa imports for credentials.yml: applies the patches)
from bot import rasa_patches

VALID = [
    {"events": [], "responses": []},
    {},
    {"events": [{"event": "slot", "name": "city", "value": "青岛", "timestamp": None},
                {"event": "active_loop", "name": None},
                {"event": "slot", "name": "requested_slot", "value": None},
                {"event": "followup", "name": "action_x"},
                {"event": "user", "text": "你好", "parse_data": {
                    "intent": {"name": "greet", "confidence": 0.9},
                    "entities": [{"entity": "city", "value": "青岛", "start": 0, "end": 2}]}},
                {"event": "bot", "text": "您好", "data": {}, "metadata": {}},
                {"event": "action", "name": "action_listen", "policy": None, "confidence": 1.0}],
     "responses": [{"text": "您好", "buttons": [], "custom": {}, "response": "utter_greet"}]},
]
INVALID = [
    [],
    {"events": {"event": "slot"}},
    {"events": [{"event": "slot", "name": "city"}]},            # a slot without a value
    {"events": [{"name": "city", "value": "青岛"}]},            # no event name
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"event": 3}]},
    {"events": [{"event": "slot", "name": 3, "value": 1}]},
    {"events": [{"event": "slot", "name": "a", "value": 1, "timestamp": "now"}]},
    {"events": [{"event": "user", "parse_data": {"entities": [{"entity": "city"}]}}]},
    {"events": ["slot"]},
    {"responses": [{"text": "x"}, "x"]},
    {"responses": {"text": "x"}},
]


def _stock_accepts(response: object) -> bool:
    try:
        jsonschema.validate(response, RemoteAction.action_response_format_spec())
        return True
    except jsonschema.ValidationError:
        return False


def test_rasa_loads_the_patch_with_our_channels():
    assert RemoteAction._validate_action_result is rasa_patches.validate_action_result


@pytest.mark.parametrize("response", VALID)
def test_valid_responses_accepted(response):
    assert RemoteAction("action_x", None)._validate_action_result(copy.deepcopy(response))


@pytest.mark.parametrize("response", INVALID)
def test_invalid_responses_rejected_with_rasas_error(response):
    assert not _stock_accepts(response)
    with pytest.raises(jsonschema.ValidationError) as raised:
        RemoteAction("action_x", None)._validate_action_result(copy.deepcopy(response))
    assert "Failed to validate Action server response" in raised.value.message


def _mutations(rng: random.Random, value: object, depth: int = 0) -> object:
    """A random small change somewhere inside ``value``."""
    replacements = [None, 1, "x", [], {}, True, 1.5, "slot"]
    if isinstance(value, dict) and value and depth < 4 and rng.random() < 0.7:
        key = rng.choice(list(value))
        out = dict(value)
        roll = rng.random()
        if roll < 0.2:
            del out[key]
        elif roll < 0.3:
            out["event"] = rng.choice(["slot", "user", "bot", "nope", 5])
        else:
            out[key] = _mutations(rng, value[key], depth + 1)
        return out
    if isinstance(value, list) and value and depth < 4 and rng.random() < 0.7:
        out = list(value)
        index = rng.randrange(len(out))
        out[index] = _mutations(rng, out[index], depth + 1)
        return out
    return rng.choice(replacements)


@pytest.mark.slow  # 1,500 mutations / CPU comparison / HTTP server / model load
def test_same_verdict_as_jsonschema_on_random_changes():
    full = rasa_patches.action_response_validator()  # jsonschema's own validator of the whole schema
    rng = random.Random(12)
    seen = {True: 0, False: 0}
    for _ in range(1500):
        response = _mutations(rng, VALID[2])
        expected = full.is_valid(response)
        seen[expected] += 1
        assert rasa_patches._is_valid(response) is expected, response
    assert seen[True] > 50 and seen[False] > 50, seen


@pytest.mark.slow  # 1,500 mutations / CPU comparison / HTTP server / model load
def test_a_fraction_of_the_stock_cpu_cost():
    response, stock_runs, fast_runs = VALID[2], 20, 200
    started = time.process_time()
    for _ in range(stock_runs):
        jsonschema.validate(copy.deepcopy(response), RemoteAction.action_response_format_spec())
    stock = (time.process_time() - started) / stock_runs
    started = time.process_time()
    for _ in range(fast_runs):
        RemoteAction("action_x", None)._validate_action_result(copy.deepcopy(response))
    fast = (time.process_time() - started) / fast_runs
    assert fast < stock / 10, f"patched {fast * 1000:.2f} ms vs stock {stock * 1000:.2f} ms per response"


async def _run_against(server_reply: dict, aiohttp_port: int) -> list:
    app = web.Application()

    async def webhook(request: web.Request) -> web.Response:
        return web.json_response(server_reply)

    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", aiohttp_port)
    await site.start()
    try:
        domain = Domain.from_yaml("version: '3.1'\nslots:\n  city:\n    type: text\n    mappings: []\n")
        action = RemoteAction("action_x", EndpointConfig(f"http://127.0.0.1:{aiohttp_port}/webhook"))
        tracker = DialogueStateTracker("v", domain.slots)
        return await action.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}),
                                tracker, domain)
    finally:
        await runner.cleanup()


@pytest.mark.slow  # 1,500 mutations / CPU comparison / HTTP server / model load
async def test_remote_action_over_http_accepts_valid_and_rejects_invalid():
    from bot.services import free_port

    events = await _run_against({"events": [{"event": "slot", "name": "city", "value": "青岛"}],
                                 "responses": []}, free_port())
    assert [e.as_dict()["value"] for e in events] == ["青岛"]
    with pytest.raises(jsonschema.ValidationError):
        await _run_against({"events": [{"event": "slot", "value": "青岛"}], "responses": []}, free_port())


class _ModelPart:
    """Stands for a loaded model's objects: they reference each other (a cycle)."""

    def __init__(self) -> None:
        self.itself = self


def _fake_load(agent, path) -> None:
    agent.part = _ModelPart()


def _in_collector_scans(obj) -> bool:
    """gc.get_objects() lists generations 0–2 only, never the frozen (permanent) one."""
    return any(candidate is obj for candidate in gc.get_objects())


def test_a_loaded_model_is_frozen_out_of_garbage_collection(monkeypatch):
    """In the Rasa server, what is alive after a model load is frozen, a replaced model is
    unfrozen first (so it can be freed), and garbage made afterwards is still collected.
    Checked on the test's own objects, not on process-wide counters: an earlier test of the
    same run may have loaded and dropped a real model (tests/nlu evaluates in-process)."""
    from rasa.core.agent import Agent

    assert Agent.load_model is rasa_patches.load_model_then_freeze
    monkeypatch.setattr(rasa_patches, "FREEZE_AFTER_LOAD", True)
    monkeypatch.setattr(rasa_patches, "_rasa_load_model", _fake_load)
    try:
        first = object.__new__(Agent)
        Agent.load_model(first, "model-a")
        assert not _in_collector_scans(first.part), "the loaded model is frozen"
        replaced = weakref.ref(first.part)
        del first  # the server drops the old model: its objects are a cycle, frozen
        second = object.__new__(Agent)
        Agent.load_model(second, "model-b")
        assert replaced() is None, "a replaced model is unfrozen and collected"
        assert not _in_collector_scans(second.part)
        garbage = _ModelPart()
        collected = weakref.ref(garbage)
        del garbage
        gc.collect()
        assert collected() is None, "new garbage is still collected"
    finally:
        gc.unfreeze()


def test_only_the_rasa_server_freezes_its_model(monkeypatch):
    """A process that loads a model and drops it again (bot.evaluate, the test run) must not
    freeze it: its cycles would stay uncollectable for the rest of the process."""
    import rasa.__main__
    from rasa.core.agent import Agent

    from bot import rasa_run

    monkeypatch.setattr(rasa_patches, "FREEZE_AFTER_LOAD", False)  # as in any process but the server
    monkeypatch.setattr(rasa_patches, "_rasa_load_model", _fake_load)
    agent = object.__new__(Agent)
    Agent.load_model(agent, "model-a")
    assert _in_collector_scans(agent.part), "outside the server nothing is frozen"
    dropped = weakref.ref(agent.part)
    del agent
    gc.collect()
    assert dropped() is None

    monkeypatch.setattr(rasa.__main__, "main", lambda: None)
    monkeypatch.setattr("sys.argv", ["bot.rasa_run", "run"])
    rasa_run.main()
    assert rasa_patches.FREEZE_AFTER_LOAD, "the Rasa server's launcher turns the freeze on"
