"""Pipeline component (last): one entity per span, each with its normalised value.

Several extractors may claim the same span (regex, rules, the spaCy ruler,
DIET). Rule-based extractors know exact values, so they win overlaps; then
every value is normalised by entity type, and values that fail validation
(an ID number whose checksum is wrong, a malformed phone) are dropped, never
stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.base import StatelessComponent
from bot.normalize.identity import normalize_id_number, normalize_phone
from bot.normalize.numbers import parse_amount, parse_duration

# Lower rank wins an overlap.
_RANK = {"RegexEntityExtractor": 0, "QuantityExtractor": 1, "SpacyEntityExtractor": 2,
         "EmployerExtractor": 2}
# 初一…初十 is a school grade, except in a sentence about the lunar new year.
_LUNAR_DAY = {f"初{n}" for n in "一二三四五六七八九十"}
_NEW_YEAR_WORDS = ("大年", "正月", "春节", "过年", "除夕", "年初")
_DEFAULT_RANK = 3
# A number right before one of these is part of a date or time (2026年10月1号, 8点), no money.
_DATE_UNITS = set("年月号日点时")

Normalizer = Callable[[str], Any]
NORMALIZERS: dict[str, Normalizer] = {
    "amount": parse_amount,
    "duration": parse_duration,
    "phone": normalize_phone,
    "id_number": normalize_id_number,
    "ticket_id": lambda s: s.strip().upper() or None,
}


def _overlaps(a: dict, b: dict) -> bool:
    return a[ENTITY_ATTRIBUTE_START] < b[ENTITY_ATTRIBUTE_END] and (
        b[ENTITY_ATTRIBUTE_START] < a[ENTITY_ATTRIBUTE_END]
    )


def resolve_overlaps(entities: list[dict]) -> list[dict]:
    """Keeps, of overlapping entities, the best-ranked (then the longest)."""
    ranked = sorted(
        entities,
        key=lambda e: (
            _RANK.get(e.get(EXTRACTOR, ""), _DEFAULT_RANK),
            e[ENTITY_ATTRIBUTE_START] - e[ENTITY_ATTRIBUTE_END],
        ),
    )
    kept: list[dict] = []
    for entity in ranked:
        if not any(_overlaps(entity, k) for k in kept):
            kept.append(entity)
    return sorted(kept, key=lambda e: e[ENTITY_ATTRIBUTE_START])


def relabel_lunar_days(entities: list[dict], text: str) -> list[dict]:
    """初二 next to 大年初一 / 春节 is a holiday, not a grade."""
    new_year = any(w in text for w in _NEW_YEAR_WORDS) or any(
        e[ENTITY_ATTRIBUTE_TYPE] == "holiday" for e in entities)
    if not new_year:
        return entities
    return [
        {**e, ENTITY_ATTRIBUTE_TYPE: "holiday"}
        if e[ENTITY_ATTRIBUTE_TYPE] == "child_grade"
        and text[e[ENTITY_ATTRIBUTE_START]:e[ENTITY_ATTRIBUTE_END]] in _LUNAR_DAY
        else e
        for e in entities
    ]


def is_date_part(entity: dict, text: str) -> bool:
    """An amount that is really a year, month, day or hour: 2026年10月1号到7号."""
    if entity[ENTITY_ATTRIBUTE_TYPE] != "amount":
        return False
    after = text[entity[ENTITY_ATTRIBUTE_END]:].lstrip()
    return after[:1] in _DATE_UNITS and not after.startswith("月薪")


# 上周二冲床把我左手食指压掉一截 (ZX-14: DIET read 上周二 as the city, filed as 地点): a time
_TIME_WORDS = re.compile(r"^(?:上|下|这|本|每)?(?:个)?(?:周|星期|礼拜)[一二三四五六日天末]?$|^(?:昨|今|明|前|后)天$|"
                         r"^(?:上|下|这)个?月$|^(?:去|今|明|前)年$")


def is_time_as_place(entity: dict) -> bool:
    """A place entity whose words are a time (上周二, 昨天, 上个月)."""
    return entity[ENTITY_ATTRIBUTE_TYPE] in ("city", "district") and bool(
        _TIME_WORDS.match(str(entity.get(ENTITY_ATTRIBUTE_VALUE) or "").strip()))


# 厂在江山路那边 (VB-6: 城市 江山 — 江山市 is a city of 浙江): a place's name that is the first part of a
# road's or a street's is no place of its own
_ROAD_AFTER = re.compile(r"(?:路|大道|大街|街(?!道)|巷|胡同|桥|广场|小区|花园|公寓)")


def is_road_name_part(entity: dict, text: str) -> bool:
    """A city or district entity followed at once by 路 / 大道 / 街 (江山路, 香港中路 …)."""
    end = entity.get(ENTITY_ATTRIBUTE_END)
    return entity[ENTITY_ATTRIBUTE_TYPE] in ("city", "district") and isinstance(end, int) \
        and bool(_ROAD_AFTER.match(text, end))


def normalize_entity(entity: dict, text: str) -> dict | None:
    """The entity with its normalised value, or None when the value is invalid."""
    raw = text[entity[ENTITY_ATTRIBUTE_START]:entity[ENTITY_ATTRIBUTE_END]]
    normalizer = NORMALIZERS.get(entity[ENTITY_ATTRIBUTE_TYPE])
    value = normalizer(raw) if normalizer else raw.strip()
    if not value:
        return None
    return {**entity, ENTITY_ATTRIBUTE_VALUE: value}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class EntityNormalizer(StatelessComponent):
    """Merges the extractors' entities and normalises their values."""

    def process_message(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        found = [e for e in message.get(ENTITIES, []) if not is_date_part(e, text) and not is_time_as_place(e)
                 and not is_road_name_part(e, text)]
        merged = relabel_lunar_days(resolve_overlaps(found), text)
        normalized = [e for e in (normalize_entity(e, text) for e in merged) if e]
        message.set(ENTITIES, normalized, add_to_output=True)
