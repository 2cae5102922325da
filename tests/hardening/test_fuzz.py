"""Fuzzing the real processes with seeded bad input (issue 11's suite).

At least 2,000 generated inputs across the REST channel, socket.io events, every backend
route (read from its OpenAPI document) and the action server: wrong types, huge and nested
bodies, control and surrogate characters, markup, SQL and shell strings, emoji, 100k-character
texts, phone and ID numbers in every spelling. Then: no response with status 500, no stack
trace in a body, no unmasked phone or ID number in any process's log, and Rasa's RSS after
the run within 20 % of before. A seeded generator (``random.Random(SEED)``): a failure
reproduces with the same seed.

Runs on the shared ``stack``; it never logs in as a real staff member with a wrong password
(a lockout would break later tests) and path ids are never valid small integers.

The fuzzing runs in module fixtures (``channels_fuzzed``, ``backend_fuzzed``), once, whichever
test asks first: the log scan asks for both, so no test depends on running after another.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest
import socketio
from hardening_support import FIGURES, Widget, rss_kb

from bot.action_guard import TOKEN_HEADER
from bot.settings import get_settings

pytestmark = pytest.mark.integration
SEED = 20261201
PHONES = ["13952800001", "+8613952800001", "1395 2800 001", "139-5280-0001", "(139)5280-0001"]
IDS = ["32110219760619060X", "3211 0219 7606 1906 0X", "321102-19760619-060X"]
STRINGS = ["", " ", "\x00", "\x0b\x1c\x1d\x1e\x85", "\u2028\u2029", "\ud800", "\udfff\ud800", "\ufeff",
           "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "'; DROP TABLE tickets; --",
           "\" OR 1=1 --", "$(rm -rf /)", "`id`", "; cat /etc/passwd", "../../etc/passwd", "%00%0a",
           "{{7*7}}", "${jndi:ldap://x/a}", "😀" * 40, "👨‍👩‍👧‍👦", "\u202etxt.exe", "null", "NaN", "-0",
           "١٢٣", "ｆｕｌｌ　ｗｉｄｔｈ", "老板欠我三个月工资" * 3, "0" * 400, "你" * 1999, "你" * 2001]
TRACE = re.compile(r"Traceback \(most recent call last\)|File \"/|\.py\", line \d+")
# (an ID glued to letters on its right is no ID to the bot nor to the mask: a random
# conversation id, w-986b681415974516979277a3ffc…, failed CI once)
UNMASKED = re.compile(r"(?<![0-9])(?:1[3-9]\d{9}(?![0-9])|\d{17}[\dXx](?![0-9A-Za-z]))")
# the spellings sent, as the bot would read them: not inside a longer run of digits (the
# generator glues "0" * 400 onto some; 139-5280-0001000… is no phone number to the bot)
SPELLED = re.compile("|".join(rf"(?<![0-9]){re.escape(s)}(?![0-9A-Za-z])" for s in PHONES + IDS))
TALLY = {"cases_tried": 0, "status_500": 0, "stack_traces": 0}
PROBLEMS: list[str] = []


def pii(rng: random.Random) -> str:
    return rng.choice(["电话", "手机", "身份证", "号码"]) + rng.choice(PHONES + IDS)


def value(rng: random.Random, depth: int = 0):
    """One bad JSON value."""
    kind = rng.randrange(12 if depth < 3 else 8)
    if kind == 0:
        return rng.choice([None, True, False])
    if kind == 1:
        return rng.choice([0, -1, 2**31, 10**30, -10**30, 1.5, 1e308, -1e-308])
    if kind in (2, 3, 4):
        return rng.choice(STRINGS)
    if kind == 5:
        return pii(rng) + rng.choice(STRINGS)
    if kind == 6:
        return "".join(chr(rng.randrange(1, 0x2FFFF)) for _ in range(rng.randrange(1, 60))
                       ).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    if kind == 7:
        return "长" * rng.choice([2000, 5000, 100_000])
    if kind == 8:
        return [value(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    if kind == 9:
        return {rng.choice(["a", "", "\x00", "$where", "__proto__", "message"]): value(rng, depth + 1)}
    if kind == 10:
        nested: object = "deep"
        for _ in range(rng.choice([50, 500])):
            nested = [nested]
        return nested
    return [rng.randrange(10)] * rng.choice([10, 10_000])


def raw_body(rng: random.Random) -> bytes:
    """A body that is not (quite) JSON, or JSON that parsers choke on."""
    return rng.choice([b"", b"null", b"[]", b'"text"', b"{", b"{]", b"\xff\xfe\x00", b"NaN", b"[NaN]",
                       b'{"a": Infinity}', b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 20_000 + b"1" + b"}" * 20_000,
                       b'"\\ud800"', b"x" * 2_000_000, json.dumps({"s": "\ud800"}).encode()])


def body(rng: random.Random, fields: list[str]):
    if rng.random() < 0.25:
        return raw_body(rng)
    if rng.random() < 0.15:
        return value(rng)
    return {name: value(rng) for name in fields if rng.random() < 0.8} | (
        {value(rng) if False else "extra": value(rng)} if rng.random() < 0.2 else {})


def encode(data) -> tuple[bytes, dict]:
    if isinstance(data, bytes):
        return data, {"Content-Type": "application/json"}
    return json.dumps(data).encode(), {"Content-Type": "application/json"}


def fresh_connections() -> aiohttp.ClientSession:
    """A client that opens a new connection for every case (the backend-route fuzz).

    On a kept-alive connection one refused case poisoned the next: after the backend answered
    401/403 to a 200 kB body without reading it, the following request on that connection was
    never read and waited out the 60 s client timeout (a status-0 "refusal"), so that case never
    reached the server; five such waits were 306 of the 313 s the backend fuzz took. A connection per
    case sends every case to the server, each judged on its own answer."""
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60),
                                 connector=aiohttp.TCPConnector(force_close=True))


class Fuzzer:
    def __init__(self, http: aiohttp.ClientSession) -> None:
        self.http = http

    async def send(self, surface: str, method: str, url: str, data=None, headers=None, params=None) -> None:
        raw, content = encode(data) if data is not None else (None, {})
        TALLY["cases_tried"] += 1
        try:
            async with self.http.request(method, url, data=raw, headers={**content, **(headers or {})},
                                         params=params) as response:
                status, text = response.status, await response.text(errors="replace")
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
            # a server closing the connection on a huge body is a refusal, not a crash
            status, text = 0, repr(exc)
        if status >= 500:
            TALLY["status_500"] += 1
            PROBLEMS.append(f"{surface} {method} {url} → {status}: {text[:200]}")
        if TRACE.search(text):
            TALLY["stack_traces"] += 1
            PROBLEMS.append(f"{surface} {method} {url}: stack trace in the body")


def _figures(surface: str, before: dict) -> dict:
    return {k: TALLY[k] - before.get(k, 0) for k in TALLY}


@dataclass
class Fuzzed:
    """What one part of the fuzzing found (the figures are printed at the end of the run)."""

    problems: list[str] = field(default_factory=list)
    figures: dict = field(default_factory=dict)


def _rasa_pid(stack) -> int:
    return next(s for s in stack.services if s.name == "rasa").process.pid


@pytest.fixture(scope="module")
def channels_fuzzed(stack) -> Fuzzed:
    """The REST channel, the action server and socket.io events fuzzed once; Rasa's RSS
    measured before (after a warm-up) and after."""
    PROBLEMS.clear()
    started = time.monotonic()
    asyncio.run(_fuzz_channels_and_action_server(stack))
    FIGURES.add("fuzz: runtime", channels_s=round(time.monotonic() - started, 1))
    return Fuzzed(list(PROBLEMS), {k: v for k, v in FIGURES.values.items() if k.startswith("fuzz")})


def _rest_cases(rng: random.Random) -> list[tuple[dict, dict | None]]:
    """700 REST-channel cases: PII and attack strings from known senders, malformed bodies."""
    cases: list[tuple[dict, dict | None]] = []
    for n in range(700):
        if n % 3 == 0:
            data = {"sender": f"fuzz-{n % 40}",
                    "message": rng.choice([pii(rng), *STRINGS]) + rng.choice(STRINGS)}
        else:
            data = body(rng, ["sender", "message", "metadata", "input_channel"])
        cases.append((data, {"stream": "true"} if n % 97 == 0 else None))
    return cases


async def _fuzz_channels_and_action_server(stack) -> None:
    rng = random.Random(SEED)
    secret = get_settings().action_server_token
    rasa_pid = _rasa_pid(stack)
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as http:
        fuzz = Fuzzer(http)
        rest = f"{stack.rasa_url}/webhooks/rest/webhook"
        # Memory: Rasa's RSS must not grow with bad input (issue 11: 15 GB kept after a few
        # long messages). The REST cases are sent once unmeasured, then again measured: the
        # first pass brings in the working set of every message size the NLU is ever given
        # (+300 MB on a lean start: the model load no longer leaves training buffers behind),
        # the second shows growth per message, which is what a leak is.
        rss_start = rss_kb(rasa_pid)
        cases = _rest_cases(rng)
        for data, params in cases:
            await fuzz.send("warm-up", "POST", rest, data, params=params)
        rss_before = rss_kb(rasa_pid)
        start = dict(TALLY)
        for data, params in cases:  # the REST channel
            await fuzz.send("rest", "POST", rest, data, params=params)
        FIGURES.add("fuzz: REST channel", **_figures("rest", start))
        start = dict(TALLY)
        for n in range(450):  # the action server, mostly with Rasa's secret
            headers = {TOKEN_HEADER: secret} if n % 5 else {TOKEN_HEADER: rng.choice(["", "x", secret[:-1]])}
            if n % 4 == 0:
                data = {"next_action": rng.choice(["validate_relief_form", "action_open_ticket",
                                                   "action_ticket_status", "validate_wage_arrears_form"]),
                        "sender_id": "fuzz", "tracker": {"sender_id": "fuzz", "slots": {
                            rng.choice(["phone", "amount", "city", "requested_slot"]): value(rng)},
                            "events": [], "latest_message": {"text": pii(rng), "intent": {}, "entities": []}},
                        "domain": {}}
            else:
                data = body(rng, ["next_action", "sender_id", "tracker", "domain", "version"])
            await fuzz.send("actions", "POST", f"{stack.actions_url}/webhook", data, headers)
        for path in ("/actions", "/health", "/webhook", "/nope"):
            await fuzz.send("actions", "GET", f"{stack.actions_url}{path}", headers={TOKEN_HEADER: secret})
        FIGURES.add("fuzz: action server", **_figures("actions", start))

    start = dict(TALLY)
    widget = await Widget(stack.rasa_url).connect()
    # python-socketio's client walks a payload recursively to encode it: a 500-deep list ran
    # this process into its recursion limit, and an object finalised down there raised an
    # "unraisable" RecursionError that pytest could not even format (an error at this test's
    # setup, seen once on a clean clone). With room for it the deep payload is sent as meant.
    recursion_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(recursion_limit, 5000))
    try:
        for n in range(300):  # socket.io events
            TALLY["cases_tried"] += 1
            event = "user_uttered" if n % 6 else rng.choice(["session_request", "bot_uttered", "x", "connect"])
            payload = rng.choice([{"message": value(rng)}, value(rng), {"message": pii(rng)}])
            if not widget.client.connected or "/" not in widget.client.namespaces:
                # an over-size packet closes the connection: a refusal, counted
                TALLY["socketio_disconnects"] = TALLY.get("socketio_disconnects", 0) + 1
                await widget.close()
                widget = await Widget(stack.rasa_url).connect()
            try:
                await widget.client.emit(event, payload)
            except RecursionError:  # too deep for the python-socketio client to encode: not sent
                TALLY["cases_tried"] -= 1
            except socketio.exceptions.BadNamespaceError:  # closed meanwhile: sent again next round
                TALLY["cases_tried"] -= 1
            # one event per polling round trip at most: engine.io refuses a POST of more than
            # 16 packets (a flood no browser sends) and closes the session
            await asyncio.sleep(0.3 if n % 25 == 0 else 0.05)
        for auth in ({"token": 5}, {"token": ["x"]}, {"token": "w-1.AAAA"}, "token", [1]):
            TALLY["cases_tried"] += 1
            probe = socketio_client()
            try:
                await asyncio.wait_for(probe.connect(
                    stack.rasa_url, socketio_path="/socket.io", auth=auth, transports=["polling"],
                    wait_timeout=3), 5)
            except Exception:  # refused (or left unanswered): what a forged token gets
                pass
            finally:
                await close_quietly(probe)
        if not widget.client.connected or "/" not in widget.client.namespaces:
            # the last fuzz case may have been an over-size packet, which closes the session
            await widget.close()
            widget = await Widget(stack.rasa_url).connect()
        replies, _ = await widget.say("你好", wait=20)
        if not replies:
            PROBLEMS.append("socket.io: no answer to 你好 after the fuzzing")
    finally:
        sys.setrecursionlimit(recursion_limit)
        await widget.close()
    FIGURES.add("fuzz: socket.io", **_figures("socketio", start))
    await asyncio.sleep(2)
    rss_after = rss_kb(rasa_pid)
    growth = (rss_after - rss_before) / rss_before
    FIGURES.add("fuzz: Rasa memory", rss_start_mb=rss_start // 1024,
                rss_before_mb=rss_before // 1024, rss_after_mb=rss_after // 1024,
                growth_percent=round(100 * growth, 1))
    if growth > 0.20:
        PROBLEMS.append(f"Rasa RSS {rss_before} → {rss_after} kB (+{100 * growth:.0f} %)")


def test_fuzz_channels_and_action_server(channels_fuzzed):
    assert not channels_fuzzed.problems, "\n".join(channels_fuzzed.problems[:20])


def socketio_client():
    import socketio

    return socketio.AsyncClient(reconnection=False)


async def close_quietly(client) -> None:
    with contextlib.suppress(Exception):  # never connected, or the long poll: nothing to close
        await asyncio.wait_for(client.disconnect(), 2)


def _path_value(rng: random.Random) -> str:
    from urllib.parse import quote

    raw = rng.choice(["0", "-1", "99999999999999999999999999999", "1.5", "abc", "%00", "..", "null",
                      "\u00e9", "😀", "'", "a" * 300, "T20261201-9999", "w-" + "f" * 32, " "])
    return quote(raw, safe="")


@pytest.fixture(scope="module")
def backend_fuzzed(stack) -> Fuzzed:
    """Every route of the backend fuzzed once."""
    PROBLEMS.clear()
    started = time.monotonic()
    asyncio.run(_fuzz_every_backend_route(stack))
    FIGURES.add("fuzz: runtime", backend_s=round(time.monotonic() - started, 1))
    return Fuzzed(list(PROBLEMS))


async def _fuzz_every_backend_route(stack) -> None:
    """Every route of the backend's OpenAPI document, with bad paths, queries and bodies."""
    rng = random.Random(SEED + 1)
    before = dict(TALLY)
    async with fresh_connections() as http:
        async with http.get(f"{stack.backend_url}/api/v1/openapi.json") as response:
            spec = await response.json()
        tokens = [None, stack.backend_token, "forged-token"]
        async with http.post(f"{stack.backend_url}/api/v1/auth/login",
                             json={"username": "trainer", "password": "trainer-demo-2026"}) as response:
            if response.status == 200:
                tokens.append((await response.json())["token"])
        operations = [(path, method.upper(), op) for path, item in spec["paths"].items()
                      for method, op in item.items() if method in ("get", "post", "put", "patch", "delete")]
        operations = [o for o in operations if not o[0].endswith("/auth/login")]  # no lockouts
        fuzz = Fuzzer(http)
        per_route = max(8, 900 // max(1, len(operations)))
        for path, method, op in operations:
            fields = list(((op.get("requestBody") or {}).get("content", {}).get("application/json", {})
                           .get("schema", {}).get("properties") or {}).keys())
            query_names = [p["name"] for p in op.get("parameters", []) if p.get("in") == "query"]
            for _ in range(per_route):
                url = stack.backend_url + re.sub(r"\{[^}]+\}", lambda _m: _path_value(rng), path)
                token = rng.choice(tokens)
                headers = {"Authorization": f"Bearer {token}"} if token else {}
                params = {name: str(value(rng))[:3000] for name in query_names if rng.random() < 0.7}
                data = body(rng, fields) if method in ("POST", "PUT", "PATCH") else None
                await fuzz.send("backend", method, url, data, headers, params)
    FIGURES.add("fuzz: backend routes", routes=len(operations), **_figures("backend", before))


def test_fuzz_every_backend_route(backend_fuzzed):
    problems = backend_fuzzed.problems
    assert not problems, f"backend: {len(problems)} problems, e.g.\n" + "\n".join(problems[:15])


def test_fuzz_no_unmasked_number_in_any_log(stack, channels_fuzzed, backend_fuzzed):
    """After all the fuzzing (and whatever else ran on the shared stack), no log of any
    process holds a phone or ID number in a spelling the bot accepts."""
    leaks: list[str] = []
    for log in sorted(Path(stack.log_dir).glob("*.log")):
        text = log.read_text(encoding="utf-8", errors="replace")
        leaks += [f"{log.name}: {m.group(0)}" for m in UNMASKED.finditer(text)]
        leaks += [f"{log.name}: {m.group(0)}" for m in SPELLED.finditer(text)]
    FIGURES.add("fuzz: logs", unmasked_numbers=len(leaks),
                total_cases=TALLY["cases_tried"], status_500=TALLY["status_500"],
                stack_traces=TALLY["stack_traces"])
    assert not leaks, leaks[:20]
    assert TALLY["cases_tried"] >= 2000, TALLY
