"""Seeds an empty database from bot/seed/*.yml (idempotent: does nothing if seeded).

Reference data (places, stations, policies, rules) is seeded everywhere; the demo people of
``demo_people.yml`` (members, and staff with published passwords) only outside production.
In production the first admin is made by ``python -m bot.backend.create_admin``."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import yaml
from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.backend import tables as t
from bot.backend.auth import hash_password
from bot.backend.workers import protect_id_number

logger = logging.getLogger(__name__)
SEED_DIR = Path(__file__).resolve().parent.parent / "seed"


def _load(name: str) -> dict:
    return yaml.safe_load((SEED_DIR / name).read_text(encoding="utf-8")) or {}


def _date(value) -> date | None:
    return value if isinstance(value, date) or value is None else date.fromisoformat(str(value))


async def _insert_region(conn: AsyncConnection, kind: str, record, parent_id: int | None,
                         ids: dict[tuple, int], path: tuple) -> int:
    name = record if isinstance(record, str) else record["name"]
    aliases = [] if isinstance(record, str) else record.get("aliases") or []
    key = path + (name,)
    if key not in ids:
        result = await conn.execute(insert(t.regions).values(
            kind=kind, name=name, aliases=aliases, parent_id=parent_id))
        ids[key] = result.inserted_primary_key[0]
    return ids[key]


async def _seed_places(conn: AsyncConnection) -> dict[tuple, int]:
    ids: dict[tuple, int] = {}
    for province in _load("places.yml").get("provinces", []):
        p_id = await _insert_region(conn, "province", province, None, ids, ())
        p_path = (province["name"],)
        for city in province.get("cities", []):
            c_id = await _insert_region(conn, "city", city, p_id, ids, p_path)
            c_path = p_path + (city["name"],)
            for district in city.get("districts", []):
                d_id = await _insert_region(conn, "district", district, c_id, ids, c_path)
                d_path = c_path + (district["name"],)
                for street in district.get("streets", []) or []:
                    s_id = await _insert_region(conn, "street", street, d_id, ids, d_path)
                    s_path = d_path + (street["name"],)
                    for community in street.get("communities", []) or []:
                        await _insert_region(conn, "community", community, s_id, ids, s_path)
    return ids


def _region_id(ids: dict[tuple, int], path: list[str] | None) -> int | None:
    if not path:
        return None
    matches = [v for k, v in ids.items() if k[:len(path)] == tuple(path) and len(k) == len(path)]
    if not matches:
        raise ValueError(f"seed: unknown region path {path}")
    return matches[0]


async def _seed_stations(conn: AsyncConnection, ids: dict[tuple, int]) -> dict[str, int]:
    codes = {}
    for s in _load("stations.yml")["stations"]:
        result = await conn.execute(insert(t.stations).values(
            code=s["code"], name=s["name"], level=s["level"],
            region_id=_region_id(ids, s["region"]), address=s["address"], phone=s["phone"],
            hours=s["hours"], services=s.get("services", []), staff_names=s.get("staff", []),
            is_city_default=bool(s.get("city_default"))))
        codes[s["code"]] = result.inserted_primary_key[0]
    return codes


def _policy_row(p: dict, ids: dict[tuple, int]) -> dict:
    return dict(key=p["key"], service=p["service"], region_id=_region_id(ids, p.get("region")),
                title=p["title"], summary=p["summary"], details=p.get("details", {}),
                source=p["source"], effective_from=_date(p.get("effective_from")),
                effective_to=_date(p.get("effective_to")))


async def _seed_policies(conn: AsyncConnection, ids: dict[tuple, int]) -> None:
    data = _load("policies.yml")
    for p in data["policies"]:
        await conn.execute(insert(t.policies).values(**_policy_row(p, ids)))
    for w in data.get("minimum_wages", []):
        city = w["region"][-1]
        await conn.execute(insert(t.policies).values(
            key=f"minimum_wage:{city}", service="minimum_wage",
            region_id=_region_id(ids, w["region"]), title=f"{city}最低工资标准",
            summary=f"{city}月最低工资标准 {w['monthly']} 元，小时最低工资 {w['hourly']} 元。",
            details={"monthly": w["monthly"], "hourly": w["hourly"],
                     "verified": bool(w.get("verified"))},
            source=w["source"], effective_from=_date(w.get("effective_from"))))


async def _seed_rules(conn: AsyncConnection, ids: dict[tuple, int]) -> None:
    for r in _load("rules.yml")["rules"]:
        await conn.execute(insert(t.eligibility_rules).values(
            programme=r["programme"], title=r["title"], region_id=_region_id(ids, r.get("region")),
            conditions=r["conditions"], amount=r.get("amount"),
            eligible_reason=r["eligible_reason"], next_steps=r["next_steps"],
            ticket_type=r.get("ticket_type"), source=r["source"],
            effective_from=_date(r.get("effective_from"))))


async def _seed_people(conn: AsyncConnection, ids: dict[tuple, int], codes: dict[str, int],
                       id_number_key: str) -> None:
    data = _load("demo_people.yml")
    for w in data.get("workers", []):
        protected = protect_id_number(w["id_number"], id_number_key) if w.get("id_number") \
            else {}
        await conn.execute(insert(t.workers).values(
            name=w["name"], phone=w["phone"], region_id=_region_id(ids, w.get("region")),
            employer=w.get("employer"), hardship_status=w.get("hardship_status", "none"),
            occupation=w.get("occupation"), **protected))
    for s in data.get("staff", []):
        await conn.execute(insert(t.staff).values(
            username=s["username"], display_name=s["display_name"],
            password_hash=hash_password(s["password"]), role=s["role"],
            station_id=codes.get(s.get("station"))))


async def _region_paths(conn: AsyncConnection) -> dict[tuple, int]:
    """The ids of the regions already in the database, by path of names (as seeding)."""
    rows = {r.id: r for r in (await conn.execute(select(t.regions))).all()}

    def path(row) -> tuple:
        return (path(rows[row.parent_id]) if row.parent_id in rows else ()) + (row.name,)

    return {path(r): r.id for r in rows.values()}


async def add_missing_facts(engine: AsyncEngine) -> int:
    """A database seeded before the fact records existed gets them (bot/seed/policies.yml):
    policy records missing by key are inserted, and fact records whose topic a policy does not
    have yet are added to it (the labour-law answers of a later release reach a running
    union). Nothing already there is changed. Returns the records touched."""
    touched = 0
    async with engine.begin() as conn:
        if not (await conn.execute(select(func.count()).select_from(t.regions))).scalar():
            return 0
        rows = {r["key"]: r for r in (await conn.execute(select(
            t.policies.c.id, t.policies.c.key, t.policies.c.details))).mappings().all()}
        ids: dict[tuple, int] | None = None
        for p in _load("policies.yml")["policies"]:
            facts = (p.get("details") or {}).get("facts")
            row = rows.get(p["key"])
            if row is None:
                ids = ids if ids is not None else await _region_paths(conn)
                await conn.execute(insert(t.policies).values(**_policy_row(p, ids)))
                touched += 1
            elif facts and (new := _missing_topics(facts, (row["details"] or {}).get("facts"))):
                had = (row["details"] or {}).get("facts") or []
                await conn.execute(update(t.policies).where(t.policies.c.id == row["id"])
                                   .values(details={**(row["details"] or {}), "facts": had + new}))
                touched += 1
    if touched:
        logger.info("added the fact records of %d policies from %s", touched, SEED_DIR)
    return touched


def _seeded_aliases() -> dict[tuple, list[str]]:
    """Path of names → the aliases places.yml gives that place."""
    found: dict[tuple, list[str]] = {}

    def walk(records: list, path: tuple, levels: tuple[str, ...]) -> None:
        for record in records or []:
            if isinstance(record, str):
                continue
            here = path + (record["name"],)
            if record.get("aliases"):
                found[here] = list(record["aliases"])
            if levels:
                walk(record.get(levels[0]) or [], here, levels[1:])

    walk(_load("places.yml").get("provinces", []), (), ("cities", "districts", "streets", "communities"))
    return found


async def add_missing_aliases(engine: AsyncEngine) -> int:
    """A place's names added in a later release (胶南 for 黄岛区) reach a database seeded before:
    aliases missing from a stored region are added; none is removed. Returns the regions touched."""
    touched = 0
    async with engine.begin() as conn:
        paths = await _region_paths(conn)
        stored = {r.id: list(r.aliases or []) for r in (await conn.execute(
            select(t.regions.c.id, t.regions.c.aliases))).all()}
        for path, aliases in _seeded_aliases().items():
            region_id = paths.get(path)
            if region_id is None or not (new := [a for a in aliases if a not in stored[region_id]]):
                continue
            await conn.execute(update(t.regions).where(t.regions.c.id == region_id)
                               .values(aliases=stored[region_id] + new))
            touched += 1
    if touched:
        logger.info("added place names to %d regions from %s", touched, SEED_DIR)
    return touched


def _missing_topics(seeded: list[dict], stored: list[dict] | None) -> list[dict]:
    """The seed's fact records whose topic the stored policy lacks (an edited one is kept)."""
    have = {f.get("topic") for f in stored or []}
    return [f for f in seeded if f.get("topic") not in have]


async def seed_if_empty(engine: AsyncEngine, id_number_key: str,
                        demo_people: bool = True) -> bool:
    """Seeds an empty database; ``demo_people=False`` (production) leaves out every person."""
    async with engine.begin() as conn:
        if (await conn.execute(select(func.count()).select_from(t.regions))).scalar():
            return False
        ids = await _seed_places(conn)
        codes = await _seed_stations(conn, ids)
        await _seed_policies(conn, ids)
        await _seed_rules(conn, ids)
        if demo_people:
            await _seed_people(conn, ids, codes, id_number_key)
    logger.info("seeded the database from %s (demo people: %s)", SEED_DIR, demo_people)
    return True
