"""Pipeline component: normalises the text before anything else reads it."""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.base import StatelessComponent
from bot.normalize.text import normalize_text


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class ChineseTextNormalizer(StatelessComponent):
    """Full-width → half-width, traditional → simplified, unified punctuation.

    The mapping keeps the text's length, so entity offsets found downstream
    point into what the worker actually typed.
    """

    applies_to_training_data = True

    def process_message(self, message: Message) -> None:
        text = message.get(TEXT)
        if text:
            message.set(TEXT, normalize_text(text))
