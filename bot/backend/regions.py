"""Places and the grid station that serves each: resolved in memory (regions rarely change)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.backend.tables import regions, stations
from bot.normalize.text import normalize_text

_LEVELS = ("province", "city", "district", "street", "community")
# A place said alone without its suffix (李沧 for 李沧区, 黄岛 for 黄岛区, 辛安 for 辛安街道,
# 胶州 for 胶州市): the NLU deliberately does not take such bare names from running text, and
# inside a sentence 河北 or 朝阳 mean other things — which is why the seed does not list the stems
# as aliases (bot/seed/places.yml). Only a whole answer (or a city then the stem: 青岛李沧) is read
# this way. When one stem fits several suffixes the earlier suffix wins (黄岛区 before 黄岛街道);
# 新区 comes last and counts only in a district's own name (浦东 for 浦东新区).
_SUFFIXES = ("区", "市", "县", "街道", "镇", "新区")
_PLACE_FILLER = re.compile(r"^(?:我|俺|咱|我们|我家)?(?:现在|目前)?(?:在|住在|就在)?|"
                           r"(?:这边|那边|这里|那里|附近|这块|一带|的|呢|啊|吧|了)+$")


_TYPO_WORDS = re.compile(r"([\u4e00-\u9fff]{2,4})(街道|社区|镇)")


@dataclass(frozen=True)
class Region:
    id: int
    kind: str
    name: str
    parent_id: int | None
    aliases: tuple[str, ...]


def _stems(by_name: dict[str, list[Region]]) -> dict[str, list[Region]]:
    """Stem → the places named stem + suffix, for the earliest suffix that has any."""
    stems: dict[str, tuple[int, list[Region]]] = {}
    for name, places in by_name.items():
        for rank, suffix in enumerate(_SUFFIXES):
            stem = name[:-len(suffix)]
            if not name.endswith(suffix) or len(stem) < 2 or stem in by_name:
                continue
            named = [p for p in places if suffix != "新区" or (p.kind == "district" and p.name == name)]
            best = stems.get(stem)
            if not named or (best is not None and rank > best[0]):
                continue
            if best is None or rank < best[0]:
                stems[stem] = (rank, named)
            else:
                best[1].extend(p for p in named if p not in best[1])
    return {stem: places for stem, (_, places) in stems.items()}


class RegionIndex:
    """Name → regions, parent links, and the station attached to each region."""

    def __init__(self, rows: list[Region], station_by_region: dict[int, int],
                 default_station_by_city: dict[int, int]) -> None:
        self.by_id = {r.id: r for r in rows}
        self.by_name: dict[str, list[Region]] = {}
        for r in rows:
            for name in {r.name, *r.aliases}:
                self.by_name.setdefault(name, []).append(r)
        self.by_stem = _stems(self.by_name)
        # longest first: 青岛市黄岛区 is found before 青岛 inside a sentence (read on every lookup)
        self.names_longest_first = sorted((n for n in self.by_name if len(n) > 1), key=len,
                                          reverse=True)
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
        found = self.by_name.get(text, []) or self._by_stem(text)
        if not found:  # 在青岛市黄岛区 → the known names inside the text
            found = self._most_specific_inside(text)
        if not found:  # 辛按街道 (L-14): one character mistyped in a street's full name
            found = self._one_typo_off(text)
        return found

    def _one_typo_off(self, text: str) -> list[Region]:
        """The one street, community or town whose full name differs from the words by one
        character (same length, same suffix); nothing when two would fit."""
        words = _TYPO_WORDS.search(_PLACE_FILLER.sub("", text))
        if not words:
            return []
        said = words.group(0)
        near = {name for name in self.by_name if len(name) == len(said)
                and name.endswith(words.group(2)) and sum(a != b for a, b in zip(name, said)) == 1}
        return self.by_name[near.pop()] if len(near) == 1 else []

    def _most_specific_inside(self, text: str) -> list[Region]:
        """The regions of the most specific known name inside the text: 青岛西海岸新区辛安街道
        names the street, not the district whose longer name it starts with (F08)."""
        names = [n for n in self.names_longest_first if n in text]
        if not names:
            return []
        deepest = max(names, key=lambda n: (max(_LEVELS.index(r.kind) for r in self.by_name[n]),
                                            len(n)))
        return self.by_name[deepest]

    def _by_stem(self, text: str) -> list[Region]:
        """李沧 / 辛安 / 青岛李沧 / 深圳宝安 as the whole answer: the place of that stem (within
        the city said before it)."""
        rest = _PLACE_FILLER.sub("", text)
        city = next((n for n in self.names_longest_first if rest.startswith(n)), None)
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
        if city is None and region.kind == "province":
            return self._province_station(region)
        return self.default_station_by_city.get(city.id) if city else None

    def _province_station(self, province: Region) -> int | None:
        """在广东过年…: a case named only by its province goes to the province's first city
        with a default station (seed order), not to the hotline-wide fallback in another
        province (a 广东 worker's ticket went to 青岛, B17)."""
        cities = sorted((r for r in self.by_id.values()
                         if r.parent_id == province.id and r.kind == "city"), key=lambda r: r.id)
        return next((self.default_station_by_city[c.id] for c in cities
                     if c.id in self.default_station_by_city), None)

    def path(self, region: Region) -> dict[str, str]:
        return {r.kind: r.name for r in self.ancestors(region)}

    def contains(self, outer_id: int | None, region: Region) -> bool:
        return outer_id is None or outer_id in {r.id for r in self.ancestors(region)}
