"""Training speed: DIET's training step is traced without AutoGraph.

Profiled with py-spy (``rasa train``, first epoch): the first epoch took 18–21 s against
~2.3 s for the others, and 93 % of it was tracing the training step into a graph — most of
that inside AutoGraph, which rewrites the source of every Python function the step calls
(the CRF's entity loss, Rasa's layers, Keras internals) so that ``if``/``for`` on tensors
become graph control flow. Rasa's training step branches only on Python values
(configuration), for which AutoGraph builds the very same graph; the CRF's branch on a
tensor is already an explicit ``tf.cond``. A branch on a tensor without AutoGraph would make
the trace fail loudly (``make test`` trains the model), never train a different model.

Only DIET (the model this project trains) is changed; TED and the other Rasa models keep
Rasa's way. Installed by ``bot.nlu.tokenizer`` — a module only Rasa's training and servers
load — like the serving patches of ``bot.rasa_patches``.
"""

from __future__ import annotations

_APPLIED = "_zhigong_plain_train_step"


def apply() -> None:
    """Wraps DIET's inherited ``train_step`` so AutoGraph leaves it alone (idempotent)."""
    import tensorflow as tf
    from rasa.nlu.classifiers.diet_classifier import DIET

    if getattr(DIET, _APPLIED, False):
        return
    DIET.train_step = tf.autograph.experimental.do_not_convert(DIET.train_step)
    setattr(DIET, _APPLIED, True)
