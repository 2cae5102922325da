"""Pipeline component: jieba segmentation that keeps numbers and IDs whole.

Why not Rasa's JiebaTokenizer alone: it emits blank tokens, splits 三个月 or
13805321234 in ways that break entity spans, reads a dictionary *directory*
silently, and its dictionary edits do not invalidate Rasa's training cache.
Here quantities, phone/ID/ticket numbers are pre-cut as single tokens, blanks
are dropped, the dictionary is stored inside the trained model and its hash
is part of the component's fingerprint.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot import rasa_training
from bot.nlu import dictionary
from bot.normalize.numbers import find_amounts, find_durations

rasa_training.apply()  # DIET's training step traced without AutoGraph (bot/rasa_training.py)

# Spans that must stay one token whatever jieba thinks of them, strongest first.
_IDENTIFIERS = re.compile(
    r"GH\d{12}|(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)"
    r"|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)",
    re.IGNORECASE,
)
_ALNUM = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?")
_FILE = "dictionary.json"


def _protected_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _IDENTIFIERS.finditer(text)]
    candidates = [(s.start, s.end) for s in find_amounts(text) + find_durations(text)]
    candidates += [(m.start(), m.end()) for m in _ALNUM.finditer(text)]
    for start, end in candidates:
        if not any(a < end and start < b for a, b in spans):
            spans.append((start, end))
    return sorted(spans)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=True
)
class ChineseTokenizer(Tokenizer):
    """Segments Chinese with jieba + the hotline dictionary."""

    @staticmethod
    def supported_languages() -> list[str] | None:
        return ["zh"]

    @staticmethod
    def required_packages() -> list[str]:
        return ["jieba"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
            "hmm": True,  # jieba's HMM guesses words not in any dictionary
        }

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        # Editing the dictionary or the gazetteer must retrain what depends on tokens.
        return dictionary.fingerprint(dictionary.dictionary_lines())

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        lines: list[str],
    ) -> None:
        super().__init__(config)
        self._model_storage = model_storage
        self._resource = resource
        self._lines = lines
        dictionary.load_into_jieba(lines)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ChineseTokenizer:
        return cls(config, model_storage, resource, dictionary.dictionary_lines())

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> ChineseTokenizer:
        """Uses the dictionary stored in the model, not whatever is on disk now."""
        try:
            with model_storage.read_from(resource) as directory:
                lines = json.loads((directory / _FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            lines = dictionary.dictionary_lines()
        return cls(config, model_storage, resource, lines)

    def train(self, training_data: TrainingData) -> Resource:
        with self._model_storage.write_to(self._resource) as directory:
            (directory / _FILE).write_text(
                json.dumps(self._lines, ensure_ascii=False), encoding="utf-8"
            )
        return self._resource

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        import jieba

        text = message.get(attribute) or ""
        tokens: list[Token] = []
        cursor = 0
        for start, end in _protected_spans(text) + [(len(text), len(text))]:
            for word, w_start, _ in jieba.tokenize(text[cursor:start], HMM=self._config["hmm"]):
                if word.strip():
                    tokens.append(Token(word, cursor + w_start))
            if end > start:
                tokens.append(Token(text[start:end], start))
            cursor = max(cursor, end)
        return self._apply_token_pattern(tokens)
