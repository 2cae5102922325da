"""Which model loads take the fast path (bot/rasa_patches.py): the server's and evaluation's
loads do; fine-tuning, which needs the optimizer, keeps Rasa's one-example training step.
(tests/integration/test_model_load.py proves on the trained model that both predict alike.)"""

from __future__ import annotations

from rasa.utils.tensorflow.models import RasaModel

import bot.channels  # noqa: F401  (what Rasa imports for credentials.yml: applies the patches)
from bot import rasa_patches


def test_rasa_models_load_through_the_patch():
    assert RasaModel.load.__func__ is rasa_patches.load_for_prediction


def test_finetuning_and_loads_without_a_prediction_example_go_rasas_way(monkeypatch):
    calls = []
    monkeypatch.setattr(rasa_patches, "_rasa_model_load",
                        lambda cls, *args, **kwargs: calls.append(args) or "rasa's load")
    assert RasaModel.load("weights", "example", "predict example", True) == "rasa's load"
    assert RasaModel.load("weights", "example", None, False) == "rasa's load"
    assert [args[3] for args in calls] == [True, False]  # finetune_mode passed on unchanged
