"""Scenarios for the simulated workers, generated from ``bot/sim/scenarios.yml``.

Every flow × every opening style × every answer style, each with facts and phrasings picked
by a random generator seeded from the scenario's name: the same seed gives the same set on
every machine. A scenario is data (an opening, the worker's facts, a goal, a turn limit),
never a transcript: what the worker says after the opening depends on what the bot asks.
"""

from __future__ import annotations

import random
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).with_name("scenarios.yml")
SEED = 20261201
OPENING_STYLES = ("bare", "full", "partial", "dialect", "voice", "traditional", "two_topics")
ANSWER_STYLES = ("exact", "vague", "descriptive", "one_word", "corrected")
PHRASING_STYLES = ("exact", "vague", "descriptive", "one_word")
# flows whose goal is an answer without questions: answer styles do not apply, so each
# opening style gets this many variants instead
ANSWER_ONLY_VARIANTS = 2
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_VOICE_DROP = re.compile(r"[，。？！、；：,.?!;:“”\"']")


@dataclass
class Fact:
    """One thing the worker knows, with the ways it says it."""

    kind: str
    variant: str
    phrasings: dict[str, list[str]]
    mention: str
    value: Any = None
    vague_value: Any = None
    wrong: str | None = None
    wrong_mention: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def says(self, style: str) -> list[str]:
        return self.phrasings.get(style) or self.phrasings["exact"]

    def expected(self, style: str) -> Any:
        """What the backend must hold after the fact was said in ``style`` (None: unchecked)."""
        return self.vague_value if style == "vague" else self.value


@dataclass
class Goal:
    """What counts as done: a ticket with field values, reply text, and/or a handoff."""

    ticket: str | None = None
    fields: dict[str, dict] = field(default_factory=dict)  # path → {fact, op}
    texts: list[str] = field(default_factory=list)  # any one of them must appear
    handoff: str | None = None  # "any" or a reason
    first_reply: bool = False  # the text (and handoff) in the reply to the opening


@dataclass
class Scenario:
    id: str
    flow: str
    opening_style: str
    answer_style: str
    opening: str
    given: list[str]  # fact kinds said in the opening
    facts: dict[str, Fact]
    goal: Goal
    turn_limit: int
    bare: list[str]
    keywords: list[str]
    followups: list[dict]  # {say, gives: fact kinds it carries}
    correct_fact: str | None = None  # corrected style: the fact said wrong first
    corrected_in_opening: bool = False
    second_topic: dict | None = None  # {say, expect}
    setup: dict | None = None  # a ticket filed before the conversation (ticket status)

    def to_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=1)
def load(path: Path = DATA) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _fact(kind: str, variant: str, spec: dict) -> Fact:
    phrasings = {s: [str(p) for p in spec.get(s) or []] for s in PHRASING_STYLES}
    known = {"value", "vague_value", "wrong", "wrong_mention", "mention", *PHRASING_STYLES}
    wrong = str(spec["wrong"]) if spec.get("wrong") is not None else None
    return Fact(kind, variant, phrasings, str(spec.get("mention") or phrasings["exact"][0]),
                spec.get("value"), spec.get("vague_value"), wrong,
                str(spec.get("wrong_mention") or wrong) if wrong else None,
                {k: v for k, v in spec.items() if k not in known})


def money(value: float) -> str:
    return f"{value:,.2f}"


def overtime_totals(wage: int, days: Fact) -> list[str]:
    """The total the law gives (Labour Law art. 44, daily wage = monthly ÷ 21.75), computed
    here independently of the product; both roundings (per part, or of the sum) accepted."""
    daily = wage / 21.75
    parts = [daily * 3 * days.extra.get("statutory", 0), daily * 2 * days.extra.get("rest", 0),
             daily / 8 * 1.5 * days.extra.get("hours", 0)]
    parts = [p for p in parts if p]
    return sorted({money(sum(round(p, 2) for p in parts)), money(sum(parts))})


def _fill(template: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _usable(templates: list[str], available: set[str]) -> list[str]:
    return [t for t in templates if set(_PLACEHOLDER.findall(t)) <= available]


def _voice(text: str, rng: random.Random, fillers: list[str]) -> str:
    """Speech to text: no punctuation, a filler in front, the pauses become spaces."""
    spoken = _VOICE_DROP.sub(lambda _: rng.choice([" ", "", " "]), text)
    return " ".join(f"{rng.choice(fillers)} {spoken}".split())


@lru_cache(maxsize=1)
def _s2t():
    from opencc import OpenCC

    return OpenCC("s2t")


def _traditional(text: str) -> str:
    return _s2t().convert(text)


def _goal(flow: dict, case: dict, params: dict, facts: dict[str, Fact]) -> Goal:
    spec = flow["ticket_goal"] if case.get("ticket") and flow.get("ticket_goal") else flow["goal"]
    goal = Goal(ticket=spec.get("ticket"), handoff=spec.get("handoff"),
                first_reply=bool(spec.get("first_reply")))
    goal.fields = {path: dict(rule) for path, rule in (spec.get("fields") or {}).items()
                   if rule["fact"] in facts}
    if spec.get("text") == "overtime_total":
        goal.texts = overtime_totals(facts["monthly_wage"].value, facts["overtime_days"])
    elif spec.get("text"):
        goal.texts = [_fill(str(spec["text"]), params)]
    return goal


def _scenario(name: str, data: dict, flow_name: str, opening_style: str,
              answer_style: str, index: int, variant: int = 0) -> Scenario:
    rng = random.Random(f"{SEED}:{name}")
    flow = data["flows"][flow_name]
    case = flow["cases"][index % len(flow["cases"])]
    facts = {kind: _fact(kind, variant, data["facts"][kind][variant])
             for kind, variant in case.items() if kind in data["facts"]}
    params = {k: str(v) for k, v in case.items() if k not in data["facts"]}
    for fact in facts.values():
        params.update({k: str(v) for k, v in fact.extra.items() if k not in params})
    mentions = {kind: fact.mention for kind, fact in facts.items()}
    mentions["ticket_id"] = "{ticket_id}"  # filed at run time, filled in by the worker

    openings = flow["openings"]
    own_two_topics = opening_style == "two_topics" and bool(openings.get("two_topics"))
    base_style = {"voice": rng.choice(["full", "partial"]),
                  "traditional": rng.choice(["full", "partial"]),
                  "two_topics": "two_topics" if own_two_topics else rng.choice(["bare", "partial"]),
                  }.get(opening_style, opening_style)
    templates = _usable(openings.get(base_style) or [], set(mentions))
    if not templates:  # the case lacks a fact the style's templates need
        templates = _usable(openings.get("partial") or [], set(mentions)) or openings["bare"]
    # the variants of one style take different templates (answer-only flows have two)
    offset = random.Random(f"{SEED}:{flow_name}:{opening_style}").randrange(len(templates))
    template = (templates[(offset + variant) % len(templates)] if flow.get("answer_only")
                else rng.choice(templates))
    given = [k for k in _PLACEHOLDER.findall(template) if k in facts]

    correctable = [k for k in facts if facts[k].wrong]
    correct_fact, in_opening = None, False
    if answer_style == "corrected" and correctable:
        said = [k for k in given if facts[k].wrong]
        correct_fact = rng.choice(said) if said else rng.choice(correctable)
        in_opening = bool(said)
    said_now = dict(mentions)
    if in_opening:
        said_now[correct_fact] = facts[correct_fact].wrong_mention
    opening = _fill(template, said_now)

    second = None
    if opening_style == "voice":
        opening = _voice(opening, rng, data["voice_fillers"])
    elif opening_style == "traditional":
        opening = _traditional(opening)
    elif opening_style == "two_topics" and not own_two_topics:
        others = [t for t in data["second_topics"]  # not a second way of asking the first topic
                  if not any(k in t["say"] for k in flow.get("keywords") or [])]
        second = dict(rng.choice(others))
        opening = f"{opening.rstrip('。？！')}{rng.choice(data['joiners'])}{second['say']}"

    followups = _usable([str(f) for f in flow.get("followups") or []], set(mentions))
    turn_limit = int(flow["turn_limit"]) + (2 if second else 0) + (1 if correct_fact else 0)
    setup = dict(flow["setup"]) if flow.get("setup") else None
    return Scenario(
        id=name, flow=flow_name, opening_style=opening_style, answer_style=answer_style,
        opening=opening, given=given, facts=facts, goal=_goal(flow, case, params, facts),
        turn_limit=turn_limit, bare=[str(b) for b in openings["bare"]],
        keywords=[str(k) for k in flow.get("keywords") or []],
        followups=[{"say": _fill(f, mentions),
                    "gives": [k for k in _PLACEHOLDER.findall(f) if k in facts]}
                   for f in followups], correct_fact=correct_fact,
        corrected_in_opening=in_opening, second_topic=second, setup=setup)


def generate(path: Path = DATA) -> list[Scenario]:
    """The whole set, in a stable order."""
    data = load(path)
    scenarios = []
    for flow_name, flow in data["flows"].items():
        n = 0
        for opening_style in OPENING_STYLES:
            styles = ([f"exact#{i}" for i in range(ANSWER_ONLY_VARIANTS)]
                      if flow.get("answer_only") else ANSWER_STYLES)
            for answer in styles:
                answer_style = answer.split("#")[0]
                name = f"{flow_name}/{opening_style}/{answer.replace('#', '')}"
                # the case index moves with both styles, so every case meets every style
                case = n + n // len(styles)
                variant = int(answer.split("#")[1]) if "#" in answer else 0
                scenarios.append(_scenario(name, data, flow_name, opening_style, answer_style,
                                           case, variant))
                n += 1
    return scenarios


def sample(scenarios: list[Scenario], per_flow: int = 3) -> list[Scenario]:
    """A fixed subset for ``make test``: ``per_flow`` of every flow, spread over the opening
    and answer styles (the i-th pick of a flow takes every k-th scenario of it)."""
    by_flow: dict[str, list[Scenario]] = {}
    for s in scenarios:
        by_flow.setdefault(s.flow, []).append(s)
    picked = []
    for items in by_flow.values():
        step = max(1, len(items) // per_flow)
        picked += [items[(i * step + i) % len(items)] for i in range(min(per_flow, len(items)))]
    return picked
