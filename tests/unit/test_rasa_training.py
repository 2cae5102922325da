"""DIET's training step is traced without AutoGraph; every other Rasa model keeps Rasa's way.
(That DIET still trains, and to the held-out figures, is what ``make test``'s training and
NLU evaluation check.)"""

from __future__ import annotations


def test_only_diets_training_step_is_left_to_plain_tracing():
    from rasa.core.policies.ted_policy import TED
    from rasa.nlu.classifiers.diet_classifier import DIET
    from rasa.utils.tensorflow.models import RasaModel

    import bot.nlu.tokenizer  # noqa: F401  (installs the patch, as Rasa's import of it does)

    assert DIET.train_step is not RasaModel.train_step
    assert DIET.train_step.__wrapped__ is RasaModel.train_step
    assert TED.train_step is RasaModel.train_step
