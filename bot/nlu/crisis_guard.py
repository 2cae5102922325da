"""Pipeline component (last, after FallbackClassifier): crisis words always win.

`工资要不回来 家里也指望不上 真的不想活了` was classified as wage_arrears, and the wage form
asked for the employer: a worker who talks about ending their life got a form question.
A classifier can always be outvoted by the other words of a message, so this guard is not
a classifier: when the message contains a word of the crisis list (``crisis_words.yml``,
trainers extend it), the intent becomes ``psych_support`` with confidence 1.0 — above every
fallback threshold, first in the ranking — and the message carries ``crisis: true`` (with
the words found) in its parse data. The rules then send it to ``action_psych_support``
(hotlines, then a person) in any state; a form that is open steps aside
(``actions/forms.py``). The action server reads the same list (``actions/crisis.py``).
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.base import StatelessComponent
from bot.nlu.crisis_words import crisis_words_in, violence_words_in
from bot.nlu.person_request import (
    bot_not_asked,
    cancel_not_meant,
    contract_not_wages,
    filing_not_lookup,
    force_person,
    goodbye_not_said,
    greeting_not_said,
    hardship_not_distress,
    injury_not_relief,
    person_not_asked,
    relief_not_asked,
    school_not_asked,
    status_not_case,
)

CRISIS_INTENT = "psych_support"
# The rereads of bot.nlu.person_request, in order: each sees the intent the one before left.
INTENT_GUARDS = (force_person, person_not_asked, bot_not_asked, school_not_asked, goodbye_not_said,
                 greeting_not_said, injury_not_relief, contract_not_wages, status_not_case, filing_not_lookup,
                 relief_not_asked, cancel_not_meant, hardship_not_distress)
CRISIS_KEY = "crisis"  # parse data: True on a crisis message
CRISIS_WORDS_KEY = "crisis_words"
VIOLENCE_KEY = "violence"  # parse data: True when someone is hurting the worker (他打俺)


def force_crisis(message: Message, words: list[str]) -> None:
    """Sets the crisis intent at confidence 1.0 on top of the ranking and marks the message."""
    forced = {INTENT_NAME_KEY: CRISIS_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or []
               if r.get(INTENT_NAME_KEY) != CRISIS_INTENT]
    message.set(INTENT, forced, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [forced, *ranking], add_to_output=True)
    message.set(CRISIS_KEY, True, add_to_output=True)
    message.set(CRISIS_WORDS_KEY, words, add_to_output=True)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisGuard(StatelessComponent):
    """Forces ``psych_support`` (confidence 1.0) on crisis words (see the module docstring)."""

    def process_message(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        words = crisis_words_in(text)
        if words:
            force_crisis(message, words)
            return
        if hurt := violence_words_in(text):
            # 他打俺 俺能找谁 (XN-14): safety first, whatever else the message asks — the same
            # route as a crisis (action_psych_support), which answers with 110 and 12338
            force_crisis(message, hurt)
            message.set(VIOLENCE_KEY, True, add_to_output=True)
            return
        for reread in INTENT_GUARDS:  # 你是机器人吧 俺要找真人 转人工: a person (person_request)
            reread(message, text)
