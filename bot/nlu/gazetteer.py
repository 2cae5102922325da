"""Names the assistant knows, by entity: cities, districts, employers, grades, holidays.

Places and employers come from the backend's seed file (``bot/seed/places.yml``,
the one source for both the backend's regions and the NLU), grades and
holidays are fixed vocabulary kept here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PLACES_FILE = Path(__file__).resolve().parent.parent / "seed" / "places.yml"

CHILD_GRADES = [
    "幼儿园", "托班", "小班", "中班", "大班", "学前班", "小升初",
    *[f"小学{n}年级" for n in "一二三四五六"], *[f"{n}年级" for n in "一二三四五六七八九"],
    "初一", "初二", "初三", "初中", "高一", "高二", "高三", "高中", "小学", "中职",
]
HOLIDAYS = [
    "春节", "除夕", "大年三十", "大年初一", "大年初二", "大年初三", "正月初一", "过年",
    "国庆节", "国庆", "十一", "五一", "劳动节", "中秋节", "中秋", "元旦", "端午节", "端午",
    "清明节", "清明", "元宵节",
]
_PLACE_KEYS = {"city": "city", "district": "district", "street": "district",
               "community": "district", "employer": "employer"}


def _names(node: Any) -> list[str]:
    """The name and aliases of a seed record (a string or a mapping)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        names = [node[k] for k in ("name", "short_name") if isinstance(node.get(k), str)]
        return names + [a for a in node.get("aliases") or [] if isinstance(a, str)]
    return []


def _walk(node: Any, label: str | None, out: dict[str, set[str]]) -> None:
    """Collects names under keys such as cities/districts/streets/communities/employers."""
    if isinstance(node, list):
        for item in node:
            if label:
                out.setdefault(label, set()).update(_names(item))
            _walk(item, label if isinstance(item, str) else None, out)
    elif isinstance(node, dict):
        for key, value in node.items():
            singular = str(key).rstrip("s").removesuffix("ie") + ("y" if str(key).endswith("ies") else "")
            child_label = _PLACE_KEYS.get(singular)
            if child_label and not isinstance(value, (list, dict)):
                out.setdefault(child_label, set()).update(_names(value))
            _walk(value, child_label, out)


@lru_cache(maxsize=1)
def load() -> dict[str, list[str]]:
    """{entity: names sorted longest first} — longest first so 黄岛区 wins over 黄岛."""
    found: dict[str, set[str]] = {}
    if PLACES_FILE.exists():
        _walk(yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8")), None, found)
    found.setdefault("child_grade", set()).update(CHILD_GRADES)
    found.setdefault("holiday", set()).update(HOLIDAYS)
    return {k: sorted(v, key=lambda s: (-len(s), s)) for k, v in found.items() if v}


def all_terms() -> list[str]:
    return sorted({t for names in load().values() for t in names if len(t) > 1})
