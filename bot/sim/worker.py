"""A goal-driven simulated worker: talks to the running product over the REST channel.

It opens with the scenario's message, then answers whatever the bot asks from its facts in
its answer style (the question is recognised by its content, ``bot/sim/questions.py``), says
不知道 to what its facts cannot answer, reads a one-time code from the backend's SMS outbox,
clicks the button that accepts a ticket offer or confirms a summary, and gives up after its
turn limit. Success is checked where staff would look: the ticket or the handoff in the
backend over its API (service token), or the text the reply had to contain.
"""

from __future__ import annotations

import asyncio
import random
import re
from dataclasses import asdict, dataclass, field
from typing import Any

import aiohttp

from bot.normalize.numbers import parse_amount
from bot.sim import questions
from bot.sim.scenarios import Fact, Scenario, load

CODE = re.compile(r"(?<!\d)\d{6}(?!\d)")
REPLY_TIMEOUT = 60  # seconds for one bot turn; a slower answer counts as silence
MAX_MESSAGE = 1000  # characters; nothing the worker says comes near the Rasa input limits


@dataclass
class Product:
    """Where the running product is: the Rasa server and the backend with its token."""

    rasa_url: str
    backend_url: str
    backend_token: str


@dataclass
class Turn:
    said: str
    replies: list[str]
    buttons: list[str]
    asked: list[str]
    problem: str | None = None  # silent / error / english / http


@dataclass
class Result:
    scenario: str
    flow: str
    opening_style: str
    answer_style: str
    sender: str
    goal: str = ""
    success: bool = False
    reason: str = ""
    turns: int = 0
    asked_given_in_opening: int = 0  # questions about facts said in the opening
    asked_given_later: int = 0  # … about facts answered earlier in the conversation
    problems: int = 0  # silent or error replies
    unknown_answers: int = 0  # questions the worker's facts could not answer
    transcript: list[Turn] = field(default_factory=list)
    ticket: dict | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Result:
        return cls(**{**data, "transcript": [Turn(**t) for t in data.get("transcript") or []]})


class Backend:
    """The backend's REST API with the service token: what the worker's goal is checked in."""

    def __init__(self, session: aiohttp.ClientSession, product: Product) -> None:
        self.session = session
        self.product = product

    async def call(self, method: str, path: str, **kwargs) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {self.product.backend_token}",
                   **kwargs.pop("headers", {})}
        async with self.session.request(method, f"{self.product.backend_url}/api/v1{path}",
                                        headers=headers, **kwargs) as response:
            return response.status, await response.json(content_type=None)

    async def tickets_of(self, sender: str) -> list[dict]:
        _, body = await self.call("GET", "/tickets", params={"limit": "500"})
        return [t for t in body.get("tickets", []) if t.get("conversation_id") == sender]

    async def handoff_of(self, sender: str) -> dict | None:
        status, body = await self.call("GET", f"/handoffs/by-conversation/{sender}")
        return body if status == 200 and body else None

    async def last_code(self, phone: str) -> str | None:
        status, body = await self.call("GET", "/dev/outbox", params={"phone": phone})
        for message in (body or {}).get("messages", []) if status == 200 else []:
            found = CODE.search(message.get("body") or "")
            if found:
                return found.group(0)
        return None

    async def file_ticket(self, setup: dict, phone: str, key: str) -> dict:
        status, body = await self.call("POST", "/tickets", json={
            "type": setup["type"], "district": setup.get("district"), "contact_phone": phone,
            "conversation_id": f"{key}-setup"}, headers={"Idempotency-Key": key})
        if status >= 300:
            raise RuntimeError(f"setup ticket refused: {status} {body}")
        return body


def describe(scenario: Scenario) -> str:
    """The goal in one line, for the report."""
    goal, parts = scenario.goal, []
    if goal.ticket:
        fields = {path: scenario.facts[rule["fact"]].value for path, rule in goal.fields.items()}
        parts.append(f"ticket {goal.ticket} {fields}")
    if goal.texts:
        parts.append("text " + " | ".join(goal.texts))
    if goal.handoff:
        parts.append(f"handoff ({goal.handoff})" + (" in the first reply" if goal.first_reply else ""))
    if scenario.second_topic:
        parts.append(f"and text {scenario.second_topic['expect']!r}")
    return "; ".join(parts)


def _get(record: dict, path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def field_matches(actual: Any, expected: Any, op: str) -> bool:
    if actual is None:
        return False
    if op == "eq" and isinstance(expected, int) and isinstance(actual, str) and actual.startswith("约"):
        # 一共大概三万块 is filed as 约3万元 (issue 10: 大概… stored approximate): the same sum
        return parse_amount(actual[1:]) == expected
    if op == "contains":
        return str(expected) in str(actual)
    if op == "match":
        return re.search(str(expected), str(actual)) is not None
    return str(actual) == str(expected)


class SimulatedWorker:
    """One worker with one scenario; ``await worker.run()`` → ``Result``."""

    def __init__(self, scenario: Scenario, product: Product, session: aiohttp.ClientSession,
                 sender: str) -> None:
        self.s = scenario
        self.product = product
        self.session = session
        self.backend = Backend(session, product)
        self.rng = random.Random(f"worker:{scenario.id}")
        self.data = load()
        self.result = Result(scenario.id, scenario.flow, scenario.opening_style,
                             scenario.answer_style, sender, describe(scenario))
        # how each fact was last said: its answer style, "opening" or "wrong"
        self.said: dict[str, str] = {k: "opening" for k in scenario.given}
        if scenario.corrected_in_opening and scenario.correct_fact:
            self.said[scenario.correct_fact] = "wrong"
        self.times_asked: dict[str, int] = {}
        self.pending: list[str] = []  # what the worker will say next regardless of the bot
        if scenario.corrected_in_opening and scenario.correct_fact:
            self.pending.append(self._correction(scenario.correct_fact))
        self.followups = list(scenario.followups)
        self.restated = 0
        self.ticket_id = ""
        self.seen_text = ""
        self.second_asked = False

    # --- talking -------------------------------------------------------------------------

    async def say(self, text: str) -> list[dict]:
        text = text.replace("{ticket_id}", self.ticket_id)[:MAX_MESSAGE]
        async with self.session.post(
                f"{self.product.rasa_url}/webhooks/rest/webhook",
                json={"sender": self.result.sender, "message": text},
                timeout=aiohttp.ClientTimeout(total=REPLY_TIMEOUT)) as response:
            if response.status != 200:
                raise RuntimeError(f"HTTP {response.status}")
            return await response.json()

    def _phrase(self, fact: Fact, style: str) -> str:
        """One of the fact's phrasings in the style: a seeded first pick, then the next one
        each time the same question comes again (a person says it another way)."""
        options = fact.says(style)
        if not options:
            return ""
        first = random.Random(f"{self.s.id}:{fact.kind}:{style}").randrange(len(options))
        return options[(first + self.times_asked.get(fact.kind, 0)) % len(options)]

    def _correction(self, kind: str) -> str:
        fact = self.s.facts[kind]
        return self.rng.choice(self.data["corrections"]).format(value=fact.says("exact")[0])

    async def _answer(self, kind: str) -> str:
        """The worker's answer to one fact it is asked about, in its style."""
        style = "exact" if self.s.answer_style == "corrected" else self.s.answer_style
        if kind == "otp":
            phone = self.s.facts.get("phone")
            code = await self.backend.last_code(phone.value) if phone else None
            if not code:
                self.result.unknown_answers += 1
                return "没收到验证码"
            return {"descriptive": f"验证码是{code}", "vague": f"{code} 是这个吧"}.get(style, code)
        if kind == "request":
            issue = self.s.facts.get("legal_issue")
            return self._phrase(issue, style) if issue else self._restatement()
        fact = self.s.facts.get(kind)
        if fact is None:
            self.result.unknown_answers += 1
            return self.rng.choice(self.data["unknown"])
        if (self.s.answer_style == "corrected" and kind == self.s.correct_fact
                and kind not in self.said and fact.wrong):
            self.said[kind] = "wrong"
            self.pending.append(self._correction(kind))
            return fact.wrong
        self.said[kind] = style if self.said.get(kind) != "opening" else "opening"
        return self._phrase(fact, style)

    def _restatement(self) -> str:
        self.restated += 1
        return self.s.bare[self.restated % len(self.s.bare)]

    def _count_repeats(self, asked: list[str]) -> None:
        for kind in asked:
            if kind in ("request", "otp"):
                continue
            if kind in self.s.given:
                self.result.asked_given_in_opening += 1
            elif kind in self.said and self.said[kind] != "unknown":
                self.result.asked_given_later += 1

    async def next_message(self, reading: questions.Reading) -> tuple[str, list[str]]:
        """What the worker says to this reply, and the facts it understood were asked."""
        if self.pending:
            if self.s.correct_fact and self.said.get(self.s.correct_fact) == "wrong":
                self.said[self.s.correct_fact] = "corrected"
            return self.pending.pop(0), []
        if reading.confirm:
            button = questions.pick_button(reading.buttons, yes=True)
            return (button["payload"] if button else self.rng.choice(self.data["confirm"])), []
        if reading.ticket_offer:
            want = bool(self.s.goal.ticket)
            button = questions.pick_button(reading.buttons, yes=want)
            return (button["payload"] if button
                    else self.rng.choice(self.data["yes" if want else "no"])), []
        if reading.human_offer:
            want = bool(self.s.goal.handoff)
            button = (questions.matching_button(reading.buttons, ["转人工", "人工"]) if want
                      else questions.pick_button(reading.buttons, yes=False))
            if button:
                return button["payload"], []
            return ("转人工" if want else self._restatement()), []
        if reading.asks:
            self._count_repeats(reading.asks)
            answers = []
            for kind in reading.asks:
                fact = self.s.facts.get(kind)
                button = questions.matching_button(
                    reading.buttons, [str(fact.value), *fact.says("exact")]) if fact else None
                if button and len(reading.asks) == 1:  # a closed question: click the answer
                    self.said[kind] = self.said.get(kind) or self.s.answer_style
                    answers.append(button["payload"])
                else:
                    answers.append(await self._answer(kind))
                self.times_asked[kind] = self.times_asked.get(kind, 0) + 1
            return "，".join(a for a in answers if a), reading.asks
        if reading.buttons:  # a choice of services: the one the worker came for
            button = questions.matching_button(reading.buttons, self.s.keywords)
            if button:
                return button["payload"], []
        if self.followups:
            followup = self.followups.pop(0)
            for kind in followup["gives"]:
                self.said.setdefault(kind, "exact")
            return followup["say"], []
        return self._restatement(), []

    # --- the goal ------------------------------------------------------------------------

    def _expected(self, kind: str) -> Any:
        fact = self.s.facts[kind]
        how = self.said.get(kind)
        if how is None or how == "wrong":  # never said, or said wrong and not yet corrected
            return None
        return fact.expected("exact" if how in ("opening", "corrected") else how)

    def _texts_met(self) -> bool:
        goal = self.s.goal
        return not goal.texts or any(t in self.seen_text for t in goal.texts)

    def _second_met(self) -> bool:
        return not self.s.second_topic or self.s.second_topic["expect"] in self.seen_text

    async def goal_state(self) -> str | None:
        """'done', 'failed: …', or None while the goal is still open."""
        goal = self.s.goal
        if not self._texts_met():
            return None
        if goal.handoff:
            record = await self.backend.handoff_of(self.result.sender)
            if record is None:
                return None
            if goal.handoff != "any" and record.get("reason") != goal.handoff:
                return f"failed: handoff reason {record.get('reason')!r}, wanted {goal.handoff!r}"
        if goal.ticket:
            tickets = [t for t in await self.backend.tickets_of(self.result.sender)
                       if t.get("type") == goal.ticket]
            if not tickets:
                return None
            ticket = tickets[0]
            self.result.ticket = ticket
            wrong = []
            for path, rule in goal.fields.items():
                expected = self._expected(rule["fact"])
                if expected is not None and not field_matches(_get(ticket, path), expected,
                                                              rule.get("op", "eq")):
                    wrong.append(f"{path}={_get(ticket, path)!r} (wanted {expected!r})")
            if wrong:
                return "failed: ticket fields " + "; ".join(wrong)
        return "done"

    # --- the conversation ---------------------------------------------------------------

    async def run(self) -> Result:
        r = self.result
        if self.s.setup:
            phone = self.s.facts["phone"].value
            ticket = await self.backend.file_ticket(self.s.setup, phone, r.sender)
            self.ticket_id = ticket["id"]
        message = self.s.opening
        while r.turns < self.s.turn_limit:
            r.turns += 1
            problem = None
            try:
                replies = await self.say(message)
            except (aiohttp.ClientError, asyncio.TimeoutError, RuntimeError) as exc:
                replies, problem = [], f"http: {exc.__class__.__name__} {exc}"
            reading = questions.read(replies)
            problem = problem or questions.is_error(reading.texts)
            r.problems += bool(problem)
            self.seen_text += "\n" + reading.text
            turn = Turn(message.replace("{ticket_id}", self.ticket_id), reading.texts,
                        [f"{b.get('title')}→{b.get('payload')}" for b in reading.buttons],
                        [], problem)
            r.transcript.append(turn)
            state = await self.goal_state()
            if state == "done" and self._second_met():
                r.success, r.reason = True, "goal reached"
                return r
            if state and state.startswith("failed"):
                r.reason = state
                return r
            if self.s.goal.first_reply and r.turns == 1 and state != "done":
                r.reason = "the first reply did not carry the goal"
                return r
            if state == "done" and not self.second_asked and self.s.second_topic:
                self.second_asked = True  # the first topic is done: ask the second again
                message = self.s.second_topic["say"]
                continue
            message, turn.asked = await self.next_message(reading)
        r.reason = "turn limit: gave up"
        return r
