"""Pipeline component (before FallbackClassifier): filler words alone are not a request.

DIET answers every input with some intent, often confidently: 那个那个嗯就是那个 came out as
mutual_insurance at 0.96, so the worker got an answer to a question never asked. A message
that is only fillers (那个, 就是, 呃 …) or only punctuation and emoji has its intent
confidence set to 0, so the FallbackClassifier turns it into ``nlu_fallback``: the bot says
it did not understand, and the message reaches the trainers' inbox. 嗯 / 哦 / 好 alone stay
as they are: they answer a yes/no question.
"""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.base import StatelessComponent

_STRONG = ("那个", "这个", "就是", "然后", "那啥", "这啥", "阿巴", "呃", "额", "啊吧")
_FILLER = re.compile("|".join(sorted(_STRONG + ("嗯", "啊", "哦", "噢", "哈", "呀", "吧", "呢", "唉",
                                                   "哎", "嘛", "吗", "的", "那", "这", "个"),
                                      key=len, reverse=True)))
_MEANINGFUL = re.compile(r"[^\W_]")  # letters and digits of any script


def is_contentless(text: str) -> bool:
    """Only fillers (at least one that is never an answer), or nothing but symbols."""
    if not _MEANINGFUL.search(text):
        return bool(text.strip())
    rest = _MEANINGFUL.findall(_FILLER.sub("", text))
    return not rest and any(word in text for word in _STRONG)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class FillerGuard(StatelessComponent):
    """Sets the intent confidence of contentless messages to 0 (see the module docstring)."""

    def process_message(self, message: Message) -> None:
        intent = message.get(INTENT)
        if not intent or not is_contentless(message.get(TEXT) or ""):
            return
        message.set(INTENT, {**intent, PREDICTED_CONFIDENCE_KEY: 0.0}, add_to_output=True)
        ranking = message.get(INTENT_RANKING_KEY) or []
        message.set(INTENT_RANKING_KEY, [{**r, PREDICTED_CONFIDENCE_KEY: 0.0} for r in ranking],
                    add_to_output=True)
