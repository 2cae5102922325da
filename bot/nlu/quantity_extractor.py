"""Pipeline component: rule-based amounts (yuan) and durations (ISO-8601).

Money and time spans follow a grammar, not a vocabulary: rules find 一万二 or
大半年 that DIET never saw; EntityNormalizer turns the spans into values.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from bot.nlu.base import RuleExtractor
from bot.normalize.numbers import find_amounts, find_durations


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class QuantityExtractor(RuleExtractor):
    """Adds ``amount`` and ``duration`` entities found by bot.normalize.numbers."""

    def find(self, text: str) -> list[tuple[str, int, int, str]]:
        spans = [("amount", s) for s in find_amounts(text)]
        spans += [("duration", s) for s in find_durations(text)]
        return [(kind, s.start, s.end, text[s.start:s.end]) for kind, s in spans]
