"""The fast model load (bot/rasa_patches.py: no one-example training step) predicts exactly as
Rasa's own load: the same weights in DIET (and TED, when the data has stories), the same parse
of every held-out message, the same next action after each of them. A worker would notice any
difference as a different answer."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from rasa.core.agent import Agent
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.log_utils import configure_structlog
from rasa.utils.tensorflow.models import RasaModel

from bot import rasa_patches
from bot.evaluate import load_examples

pytestmark = pytest.mark.integration


def _tf_models(agent: Agent) -> dict[str, RasaModel]:
    """The TensorFlow models (DIET, TED) of a loaded agent, by graph node name."""
    nodes = agent.processor.graph_runner._instantiated_nodes  # type: ignore[union-attr]
    found = {}
    for name, node in nodes.items():
        model = getattr(node._component, "model", None)
        if isinstance(model, RasaModel):
            found[name] = model
    return found


def _weights(model: RasaModel, directory: Path) -> dict[str, np.ndarray]:
    """Every variable by its checkpoint key (the object path, the same in two instances of a
    model, unlike variable names, which Keras numbers per process)."""
    import tensorflow as tf

    path = str(directory / "weights")
    model.save_weights(path)
    reader = tf.train.load_checkpoint(path)
    return {key: reader.get_tensor(key) for key, _ in tf.train.list_variables(path)
            if not key.startswith("_CHECKPOINTABLE_OBJECT_GRAPH")}


async def _predictions(agent: Agent, texts: list[str]) -> list[dict[str, Any]]:
    """The parse of each text and the action the policies predict after it."""
    out = []
    for text in texts:
        parse = await agent.parse_message(text)
        tracker = DialogueStateTracker.from_events("load-check", [
            ActionExecuted("action_listen"), UserUttered(text, parse_data=parse)])
        prediction = agent.processor._predict_next_with_tracker(tracker)  # type: ignore[union-attr]
        out.append({"parse": parse, "policy": prediction.policy_name,
                    "probabilities": prediction.probabilities})
    return out


def _load(model: Path, fast: bool) -> tuple[Agent, float]:
    """The agent, loaded the fast way or Rasa's, and the CPU seconds that took."""
    # the classmethod itself: ``RasaModel.load`` is a method bound to RasaModel, and putting
    # that back made every later load build a bare RasaModel (DIET's arguments refused)
    original = RasaModel.__dict__["load"]
    if not fast:
        RasaModel.load = classmethod(rasa_patches._rasa_model_load)  # type: ignore[assignment]
    try:
        started = time.process_time()
        agent = Agent.load(str(model))
        return agent, time.process_time() - started
    finally:
        RasaModel.load = original  # type: ignore[method-assign]


def test_fast_load_predicts_exactly_as_rasas_load(trained_model: Path, tmp_path: Path):
    configure_structlog(logging.WARNING)  # else every parse and prediction is logged
    texts = [example.text for example in load_examples()]
    fast, fast_cpu = _load(trained_model, fast=True)
    slow, slow_cpu = _load(trained_model, fast=False)
    assert RasaModel.__dict__["load"].__func__ is rasa_patches.load_for_prediction, \
        "the patch is back as it was: a later load in this process is the fast one again"
    fast_models, slow_models = _tf_models(fast), _tf_models(slow)
    # DIET; TED too when the data has stories (with rules only, TED trains no model)
    assert fast_models.keys() == slow_models.keys() and fast_models
    for name, model in fast_models.items():
        ours = _weights(model, tmp_path / f"fast-{name}")
        rasas = _weights(slow_models[name], tmp_path / f"slow-{name}")
        assert ours.keys() <= rasas.keys(), name  # Rasa's also has the optimizer's slots
        for key, value in ours.items():
            np.testing.assert_array_equal(value, rasas[key], err_msg=f"{name} {key}")
    assert asyncio.run(_predictions(fast, texts)) == asyncio.run(_predictions(slow, texts))
    print(f"model load CPU: fast {fast_cpu:.1f} s, Rasa's {slow_cpu:.1f} s ({len(texts)} messages compared)")


def test_the_graph_patches_predict_exactly_as_rasa(trained_model: Path):
    """bot/rasa_graph.py (graph runner without dask, DIET's concrete function called directly,
    sparse features joined directly): the same parse, with the same confidences, and the same
    next action for every held-out message as Rasa's own code."""
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.shared.nlu.training_data.features import Features

    from bot import rasa_graph

    configure_structlog(logging.WARNING)
    texts = [example.text for example in load_examples()]
    agent = Agent.load(str(trained_model))
    ours = asyncio.run(_predictions(agent, texts))
    assert any(model in rasa_graph._concrete for model in _tf_models(agent).values()), \
        "DIET predicted Rasa's way: the concrete-function path was not taken"
    patched = (DaskGraphRunner.run, RasaModel._rasa_predict, Features._combine_sparse_features)
    DaskGraphRunner.run = rasa_graph._dask_run
    RasaModel._rasa_predict = rasa_graph._rasa_predict
    Features._combine_sparse_features = rasa_graph._rasa_combine_sparse
    try:
        rasas = asyncio.run(_predictions(agent, texts))
    finally:
        DaskGraphRunner.run, RasaModel._rasa_predict, Features._combine_sparse_features = patched
    assert ours == rasas
