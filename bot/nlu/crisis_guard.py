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

import re

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

# 社保啊 刚说了 干了两年 一个月四千 不知道想不想走 (VJ-8: psych_support from the classifier — the
# hotlines and 您愿意说说最近发生了什么吗 to a worker asking about social insurance): staying at or
# leaving a job, told with the job's facts, is no distress. Crisis words are forced before this runs.
_JOB_TOLD = re.compile(r"社保|五险|公积金|工资|工钱|薪水|月薪|补偿|赔偿|补缴|辞职|离职|辞工|劳动合同|加班|"
                       r"干了\S{0,3}(?:年|个月|月)|一个月\S{0,3}[\d一二两三四五六七八九十千]|厂里|单位|老板")
_WORDS_OF_THE_MIND = re.compile(r"难受|压力|睡不着|失眠|心里|心情|想不开|烦|抑郁|焦虑|崩溃|哭|害怕|孤独|孤单|"
                                r"绝望|没意思|累|委屈|想家|情绪|疏导|心理|聊聊|说说话|撑不住|受不了|熬不")
# the service intents a job's question is read as instead (the classifier's next best of them)
_JOB_INTENTS = ("legal_aid", "wage_arrears", "overtime_pay", "minimum_wage", "relief_eligibility",
                "mutual_insurance", "holiday_subsidy", "school_placement", "childcare_service",
                "skills_training", "find_station")


def job_not_distress(message: Message, text: str) -> None:
    """``psych_support`` from the classifier on a message that tells the job's facts (社保, 干了两年,
    一个月四千, 想不想走) and no word of the mind becomes the classifier's best service intent
    (``inform`` when it ranks none): the matter is answered, not the hotlines."""
    intent = message.get(INTENT) or {}
    if intent.get(INTENT_NAME_KEY) != CRISIS_INTENT or text.startswith("/") or message.get(CRISIS_KEY) \
            or not _JOB_TOLD.search(text) or _WORDS_OF_THE_MIND.search(text):
        return
    ranked = [r.get(INTENT_NAME_KEY) for r in message.get(INTENT_RANKING_KEY) or []]
    instead = next((name for name in ranked if name in _JOB_INTENTS), "inform")
    forced = {INTENT_NAME_KEY: instead, PREDICTED_CONFIDENCE_KEY: intent.get(PREDICTED_CONFIDENCE_KEY, 1.0)}
    rest = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) not in (instead, CRISIS_INTENT)]
    message.set(INTENT, forced, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [forced, *rest], add_to_output=True)


# The rereads of bot.nlu.person_request, in order: each sees the intent the one before left.
INTENT_GUARDS = (force_person, person_not_asked, bot_not_asked, school_not_asked, goodbye_not_said,
                 greeting_not_said, injury_not_relief, contract_not_wages, status_not_case, filing_not_lookup,
                 relief_not_asked, cancel_not_meant, hardship_not_distress, job_not_distress)
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
