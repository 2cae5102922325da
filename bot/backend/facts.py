"""Fact questions: which recorded figure a worker's question asks for.

A worker asks 镇江困难职工自付多少能申请救助 or 隆祥过年红包多少: the answer is a figure
the union has on record — with its source and date — not a form. The figures live in the
policy records (``bot/seed/policies.yml``, ``details.facts``) and the minimum-wage records;
this module only reads them. A fact is asked for when the question contains a word of
every one of its ``asks`` groups; a place or employer named in the question selects among
the records (上海 vs 镇江, 隆祥) and rules out the records of other places and employers.
"""

from __future__ import annotations

import re
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.backend.regions import Region, RegionIndex
from bot.backend.tables import policies
from bot.normalize.text import normalize_text

MAX_ANSWERS = 3
LOCAL_BONUS = 10  # a record of the place / employer the question names beats a general one
MINIMUM_WAGE_ASKS = (("最低工资", "最低工资标准", "最低工资线", "最低标准"),
                     ("多少", "几", "标准", "是多少", "多高", "涨"))


@dataclass(frozen=True)
class Fact:
    """One figure on record, with the words that ask for it and where it comes from."""

    policy: str
    topic: str
    title: str
    asks: tuple[tuple[str, ...], ...]
    source: str
    kind: str = "figure"  # figure: ``answer`` is said; station: the place's station record
    answer: str = ""
    figures: tuple[str, ...] = ()
    region_id: int | None = None
    employers: tuple[str, ...] = ()
    needs_place: bool = False
    effective_from: str | None = None
    effective_to: str | None = None
    as_of: str | None = None
    recorded: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # 试用期 said alone (ZX-16: the legal-aid text): the words that ask for it with nothing else
    alone: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"policy": self.policy, "topic": self.topic, "title": self.title,
                "kind": self.kind, "answer": self.answer, "figures": list(self.figures),
                "employers": list(self.employers), "source": self.source,
                "effective_from": self.effective_from, "effective_to": self.effective_to,
                "as_of": self.as_of, "recorded": self.recorded}


def _fold(text: str) -> str:
    return normalize_text(text or "").replace(" ", "")


def _text(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _minimum_wage_fact(row: dict) -> Fact:
    details = row["details"] or {}
    answer = row["summary"] + ("" if details.get("verified") else
                               "（以当地人社部门最新公布的标准为准，可拨打 12333 核实）")
    return Fact(policy=row["key"], topic="minimum_wage", title=row["title"],
                asks=MINIMUM_WAGE_ASKS, source=row["source"], answer=answer,
                figures=(str(details.get("monthly")),), region_id=row["region_id"],
                needs_place=True, effective_from=_text(row["effective_from"]))


def facts_from_policies(rows: list[dict]) -> list[Fact]:
    """Every fact on record: the ``details.facts`` of the policies, and each minimum wage."""
    found: list[Fact] = []
    for row in rows:
        details = row["details"] or {}
        if row["service"] == "minimum_wage" and details.get("monthly"):
            found.append(_minimum_wage_fact(row))
        for f in details.get("facts") or []:
            # a fact with a source of its own carries its own dates: a hotline quoted in a
            # 2020 guide did not start in 2020
            own = {} if f.get("source") else row
            found.append(Fact(
                policy=row["key"], topic=f["topic"], title=row["title"],
                asks=tuple(tuple(_fold(str(w)) for w in group) for group in f["asks"]),
                source=f.get("source") or row["source"], kind=f.get("kind", "figure"),
                answer=f.get("answer", ""), figures=tuple(str(x) for x in f.get("figures", ())),
                region_id=row["region_id"], employers=tuple(f.get("employers") or ()),
                needs_place=bool(f.get("needs_place")),
                effective_from=_text(f.get("effective_from") or own.get("effective_from")),
                effective_to=_text(f.get("effective_to") or own.get("effective_to")),
                as_of=_text(f.get("as_of") or details.get("as_of")),
                recorded=_text(f.get("recorded")),
                alone=tuple(_fold(str(w)) for w in f.get("alone") or ())))
    return found


# The facts on record, built once per database and kept FACTS_TTL_S: building them reads
# every policy row and folds every asking word to simplified Chinese (opencc), which was half
# of the backend's CPU under load (py-spy, 10 clients) for a table that changes when an admin
# edits a policy. An edit through this process forgets them at once (admin._change); another
# backend process sharing the database sees it within FACTS_TTL_S.
FACTS_TTL_S = 30.0
_on_record: weakref.WeakKeyDictionary[Any, tuple[float, list[Fact]]] = weakref.WeakKeyDictionary()


async def facts_on_record(engine: AsyncEngine) -> list[Fact]:
    """Every fact on record in this database (cached, see above)."""
    key = engine.sync_engine
    kept = _on_record.get(key)
    now = time.monotonic()
    if kept is not None and now - kept[0] < FACTS_TTL_S:
        return kept[1]
    async with engine.connect() as conn:
        rows = [dict(r) for r in (await conn.execute(select(policies))).mappings().all()]
    facts = facts_from_policies(rows)
    _on_record[key] = (now, facts)
    return facts


def forget_facts(engine: AsyncEngine) -> None:
    """A policy changed: the next question reads the records again."""
    _on_record.pop(engine.sync_engine, None)


_NEGATIONS = "不没别未"


def _said(word: str, question: str) -> bool:
    """The word is in the question, and not as its negation: 过年不回家 says nothing of the
    fare home (回家), and must not be answered with it. A word that asks both ways (算不算) is
    never a negation."""
    at = question.find(word)
    while at >= 0:
        # (算不算 / 管不管 ask both ways: 那这个老板要管不 算不算工伤, its spaces gone, is no 不算 — YX-5)
        if at == 0 or question[at - 1] not in _NEGATIONS or word[0] in _NEGATIONS or "不" in word[1:] \
                or question[max(0, at - 2):at] == word[0] + "不":  # 要不要钱 / 收不收费 ask both ways (XP-10)
            return True
        at = question.find(word, at + 1)
    return False


_BARE_TAIL = re.compile(r"[呢吗啊呀吧嘛哈?？。.!！,，\s]+$")
ALONE_SCORE = 100  # a topic word said alone asks for its own record above all


def asked_score(fact: Fact, question: str) -> int | None:
    """How specifically the question asks for this fact (None: it does not)."""
    if fact.alone and _BARE_TAIL.sub("", question) in fact.alone:
        return ALONE_SCORE
    total = 0
    for group in fact.asks:
        hits = [len(word) for word in group if word and _said(word, question)]
        if not hits:
            return None
        total += max(hits) + 2
    return total


def employer_named(facts: list[Fact], question: str, employer: str | None) -> str | None:
    """The employer the question names (one a record knows), else the caller's (the
    conversation's employer slot)."""
    names = sorted({n for f in facts for n in f.employers}, key=len, reverse=True)
    in_question = next((_fold(n) for n in names if _fold(n) in question), None)
    return in_question or (_fold(employer) if employer else None)


def _same_employer(fact: Fact, employer: str) -> bool:
    return any(_fold(n) in employer or employer in _fold(n) for n in fact.employers)


def _related(regions: RegionIndex, fact_region: int, place: Region) -> bool:
    """The record's region contains the place named, or lies inside it (福建 → 福鼎)."""
    if regions.contains(fact_region, place):
        return True
    inner = regions.by_id.get(fact_region)
    return inner is not None and regions.contains(place.id, inner)


def select_facts(facts: list[Fact], question: str, place: Region | None,
                 regions: RegionIndex, employer: str | None = None) -> list[Fact]:
    """The facts the question asks for, most specific first (ties are all answered)."""
    question = _fold(question)
    employer = employer_named(facts, question, employer)
    scored: list[tuple[int, Fact]] = []
    for fact in facts:
        score = asked_score(fact, question)
        if score is None or (fact.needs_place and place is None):
            continue
        if fact.region_id is not None and place is not None:
            named = bool(fact.employers and employer and _same_employer(fact, employer))
            if not named and not _related(regions, fact.region_id, place):
                continue  # 上海 asked, 镇江 on record: not this one
            # (隆祥 named, 回湖南 said — XW-14: the employer's agreement holds wherever the worker went)
            score += LOCAL_BONUS
        elif fact.needs_place:
            score += LOCAL_BONUS
        if fact.employers and employer:
            if not _same_employer(fact, employer):
                continue  # another employer's agreement
            score += LOCAL_BONUS
        scored.append((score, fact))
    if not scored:
        return []
    best = max(score for score, _ in scored)
    chosen = [fact for score, fact in scored if score == best]
    return (chosen + _another_part(scored, chosen, question, best))[:MAX_ANSWERS]


def _matched(fact: Fact, question: str) -> set[str]:
    """The word of each asking group the question says (the longest)."""
    return {max((w for w in group if w and _said(w, question)), key=len, default="") for group in fact.asks} - {""}


def _another_part(scored: list[tuple[int, Fact]], chosen: list[Fact], question: str, best: int) -> list[Fact]:
    """A record that answers another part of the message (老板说是我自己不小心 不算工伤 社保也
    没给交 这咋整 — XX-07 got the fault answered, not the insurance): nearly as specific as the
    best, asked by a long word of its own that no chosen record was asked by."""
    used = set().union(*(_matched(f, question) for f in chosen))
    for score, fact in sorted(scored, key=lambda item: -item[0]):
        if fact in chosen or score * 10 < best * 8:
            continue
        own = [w for w in _matched(fact, question) - used
               if len(w) >= 3 and not any(w in u or u in w for u in used)]
        if own:
            return [fact]
    return []
