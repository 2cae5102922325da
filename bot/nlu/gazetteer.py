"""Names the assistant knows, by entity: cities, districts, employers, grades, holidays.

Places and employers come from the backend's seed file (``bot/seed/places.yml``,
the one source for both the backend's regions and the NLU), grades and
holidays are fixed vocabulary kept here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

PLACES_FILE = Path(__file__).resolve().parent.parent / "seed" / "places.yml"

CHILD_GRADES = [
    "幼儿园", "托班", "小班", "中班", "大班", "学前班", "小升初",
    *[f"小学{n}年级" for n in "一二三四五六"], *[f"{n}年级" for n in "一二三四五六七八九"],
    "初一", "初二", "初三", "高一", "高二", "高三", "中职",
]
HOLIDAYS = [
    "春节", "除夕", "大年三十", "大年初一", "大年初二", "大年初三", "正月初一", "过年",
    "国庆节", "国庆", "十一", "五一", "劳动节", "中秋节", "中秋", "元旦", "端午节", "端午",
    "清明节", "清明", "元宵节",
]


def _names(record: dict | str) -> list[str]:
    """The name and aliases of a seed record (a mapping, or a bare name)."""
    if isinstance(record, str):
        return [record]
    return [record["name"], *(record.get("aliases") or [])]


def _road_stems(record: dict | str) -> list[str]:
    """长江路 of 长江路街道 (XD-2: 就在长江路那一片 was no place, the ticket went elsewhere): a
    street named after its road is called by the road alone."""
    return [n[: -len("街道")] for n in _names(record) if n.endswith("路街道") and len(n) >= 5]


def _collect(seed: dict) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {"city": set(), "district": set(), "employer": set()}
    for province in seed.get("provinces") or []:
        found["city"].update(_names(province))
        for city in province.get("cities") or []:
            found["city"].update(_names(city))
            for district in city.get("districts") or []:
                found["district"].update(_names(district))
                for street in district.get("streets") or []:
                    found["district"].update(_names(street), _road_stems(street))
                    for community in street.get("communities") or []:
                        found["district"].update(_names(community))
    for employer in seed.get("employers") or []:
        found["employer"].update(_names(employer))
    return found


@lru_cache(maxsize=1)
def load() -> dict[str, list[str]]:
    """{entity: names sorted longest first} — longest first so 黄岛区 wins over 黄岛."""
    seed = yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8")) if PLACES_FILE.exists() else {}
    found = _collect(seed or {})
    found.setdefault("child_grade", set()).update(CHILD_GRADES)
    found.setdefault("holiday", set()).update(HOLIDAYS)
    return {k: sorted(v, key=lambda s: (-len(s), s)) for k, v in found.items() if v}


@lru_cache(maxsize=1)
def street_names() -> frozenset[str]:
    """Every street and community name and alias (辛安, 长江路, 沂河路社区): places inside a
    district, told more precisely than the district (黄岛区, 西海岸) itself."""
    seed = yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8")) if PLACES_FILE.exists() else {}
    found: set[str] = set()
    for province in (seed or {}).get("provinces") or []:
        for city in province.get("cities") or []:
            for district in city.get("districts") or []:
                for street in district.get("streets") or []:
                    found.update(_names(street), _road_stems(street))
                    for community in street.get("communities") or []:
                        found.update(_names(community))
    return frozenset(found)


def all_terms() -> list[str]:
    return sorted({t for names in load().values() for t in names if len(t) > 1})
