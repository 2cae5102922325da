"""Places and the grid station that serves each: resolved in memory (regions rarely change)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.backend.tables import regions, stations
from bot.normalize.text import normalize_text

_LEVELS = ("province", "city", "district", "street", "community")
# A place said alone without its suffix (黄岛, 京口): the NLU deliberately does not take such
# bare names from running text, but as the whole answer to a place question they are meant.
_SUFFIXES = ("区", "市", "县", "街道", "镇")
# 李沧 for 李沧区, 胶州 for 胶州市: a district said without its suffix. Only a whole answer (or
# a city then the stem: 青岛李沧) is read this way — inside a sentence 河北 or 朝阳 mean other
# things, which is why the seed does not list the stems as aliases (bot/seed/places.yml).
_DISTRICT_SUFFIX = re.compile(r"(?:新区|区|县|市)$")
_PLACE_FILLER = re.compile(r"^(?:我|俺|咱|我们|我家)?(?:现在|目前)?(?:在|住在|就在)?|"
                           r"(?:这边|那边|这里|那里|附近|这块|一带|的|呢|啊|吧|了)+$")


@dataclass(frozen=True)
class Region:
    id: int
    kind: str
    name: str
    parent_id: int | None
    aliases: tuple[str, ...]


class RegionIndex:
    """Name → regions, parent links, and the station attached to each region."""

    def __init__(self, rows: list[Region], station_by_region: dict[int, int],
                 default_station_by_city: dict[int, int]) -> None:
        self.by_id = {r.id: r for r in rows}
        self.by_name: dict[str, list[Region]] = {}
        for r in rows:
            for name in {r.name, *r.aliases}:
                self.by_name.setdefault(name, []).append(r)
        self.by_stem: dict[str, list[Region]] = {}
        for r in rows:
            stem = _DISTRICT_SUFFIX.sub("", r.name) if r.kind == "district" else ""
            if len(stem) >= 2 and stem not in self.by_name:
                self.by_stem.setdefault(stem, []).append(r)
        self.station_by_region = station_by_region
        self.default_station_by_city = default_station_by_city

    @classmethod
    async def load(cls, engine: AsyncEngine) -> RegionIndex:
        async with engine.connect() as conn:
            rows = [Region(r.id, r.kind, r.name, r.parent_id, tuple(r.aliases or ()))
                    for r in (await conn.execute(select(regions))).all()]
            station_rows = (await conn.execute(select(
                stations.c.id, stations.c.region_id, stations.c.is_city_default))).all()
        return cls(rows, {s.region_id: s.id for s in station_rows},
                   {s.region_id: s.id for s in station_rows if s.is_city_default})

    def ancestors(self, region: Region) -> list[Region]:
        """The region itself, then its parent, … up to the province."""
        chain = [region]
        while chain[-1].parent_id is not None:
            chain.append(self.by_id[chain[-1].parent_id])
        return chain

    def city_of(self, region: Region) -> Region | None:
        return next((r for r in self.ancestors(region) if r.kind == "city"), None)

    def _candidates(self, text: str | None) -> list[Region]:
        if not text:
            return []
        text = normalize_text(text).strip()
        found = self.by_name.get(text, []) or self._by_suffix(text) or self._by_stem(text)
        if not found:  # 在青岛市黄岛区 → try the longest known name inside the text
            names = sorted((n for n in self.by_name if len(n) > 1 and n in text), key=len,
                           reverse=True)
            found = self.by_name[names[0]] if names else []
        return found

    def _by_suffix(self, text: str) -> list[Region]:
        """黄岛 / 辛安 said alone: the place whose name is the text plus a suffix (exact first)."""
        for suffix in _SUFFIXES:
            found = self.by_name.get(text + suffix, [])
            if found:
                return found
        return []

    def _by_stem(self, text: str) -> list[Region]:
        """李沧 / 青岛李沧 / 深圳宝安 as the whole answer: the district of that stem (within the
        city said before it)."""
        rest = _PLACE_FILLER.sub("", text)
        city = next((n for n in sorted(self.by_name, key=len, reverse=True)
                     if len(n) > 1 and rest.startswith(n)), None)
        stem = _PLACE_FILLER.sub("", rest[len(city):] if city else rest)
        found = self.by_stem.get(stem, [])
        if city:
            ids = {r.id for r in self.by_name[city]}
            found = [r for r in found if ids & {a.id for a in self.ancestors(r)}]
        return found

    def resolve(self, city: str | None, district: str | None) -> Region | None:
        """The most specific region the worker named (district within city if both)."""
        cities = self._candidates(city)
        places = self._candidates(district)
        if places and cities:
            city_ids = {c.id for c in cities}
            inside = [p for p in places if city_ids & {a.id for a in self.ancestors(p)}]
            places = inside or places
        if places:
            return max(places, key=lambda r: _LEVELS.index(r.kind))
        if cities:
            # a city beats the province of the same name (上海市 the city, not the province)
            return max(cities, key=lambda r: _LEVELS.index(r.kind))
        return None

    def station_for(self, region: Region) -> int | None:
        """The most specific station above or at the region (else the city default)."""
        for r in self.ancestors(region):
            if r.id in self.station_by_region:
                return self.station_by_region[r.id]
        city = self.city_of(region)
        return self.default_station_by_city.get(city.id) if city else None

    def path(self, region: Region) -> dict[str, str]:
        return {r.kind: r.name for r in self.ancestors(region)}

    def contains(self, outer_id: int | None, region: Region) -> bool:
        return outer_id is None or outer_id in {r.id for r in self.ancestors(region)}
