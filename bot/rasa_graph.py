"""Per-turn overheads of Rasa 3.6's prediction machinery, removed from our own code.

Measured with py-spy on the Rasa server under 50 closed-loop clients (``bench.load``), as
shares of the main thread's samples, 2026-12-05:

- **The graph runner: 11.5 %.** Every NLU parse and every next-action prediction runs the
  model's graph through ``dask.get`` (``DaskGraphRunner.run``): dask rebuilds the task graph,
  orders it, and schedules each node through its thread-pool machinery, synchronously, for a
  chain of a dozen nodes. Here the same nodes run in one topological order computed once per
  (targets, inputs) and cached. The semantics are dask's: each node gets the outputs of the
  nodes it needs, an input overrides a node of the same name, a name that is neither an input
  nor a node is passed as itself, a node's exception propagates unchanged and a
  ``RuntimeError`` becomes Rasa's ``GraphRunError``.
- **TensorFlow's call dispatch: 7 %.** DIET predicts through a ``tf.function`` with a fixed
  input signature; each call canonicalises the inputs against the signature and looks up the
  concrete function (``_maybe_define_function``): twice as long as running the graph itself.
  With a fixed signature there is exactly one concrete function, so it is looked up once and
  called with the batch converted to the signature's dtypes, which is what TensorFlow does
  after its lookup.
- **``scipy.sparse.hstack``: 4.7 %.** Rasa joins a message's sparse features from several
  featurizers two at a time with ``hstack`` (``bmat``: general block assembly). Two COO
  blocks of the same dtype are joined here by concatenating their entries, in the same order
  ``bmat`` produces; any other case is scipy's own.

``tests/unit/test_rasa_graph.py`` checks each against the original on the same inputs;
``tests/integration/test_model_load.py`` checks that parses and next actions on the held-out
set are unchanged.
"""

from __future__ import annotations

import weakref
from typing import Any

import numpy as np
import scipy.sparse
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.constants import DIAGNOSTIC_DATA
from rasa.shared.nlu.training_data.features import Features
from rasa.utils.tensorflow.models import RasaModel

_APPLIED = "_hotline_graph_patches"

# --- the graph runner ---------------------------------------------------------------------

Plan = list[tuple[str, tuple[str, ...]]]
_dask_run = DaskGraphRunner.run  # Rasa's, for the tests that compare


def _plan(runner: DaskGraphRunner, targets: tuple[str, ...], given: frozenset[str]) -> Plan:
    """The nodes the targets need, dependencies first (each once), stopping at inputs."""
    nodes = runner._graph_schema.nodes
    order: Plan = []
    seen: set[str] = set()

    def visit(name: str, path: frozenset[str]) -> None:
        if name in seen or name in given or name not in nodes:
            return
        if name in path:
            raise GraphRunError(f"The graph has a cycle through '{name}'.")
        needs = tuple(nodes[name].needs.values())
        for need in needs:
            visit(need, path | {name})
        seen.add(name)
        order.append((name, needs))

    for target in targets:
        visit(target, frozenset())
    return order


def run_in_order(self: DaskGraphRunner, inputs: dict[str, Any] | None = None,
                 targets: list[str] | None = None) -> dict[str, Any]:
    """``DaskGraphRunner.run`` without dask's scheduling (see the module doc)."""
    run_targets = tuple(targets if targets else self._graph_schema.target_names)
    inputs = inputs or {}
    plans: dict[Any, tuple[Plan, frozenset[str]]] = self.__dict__.setdefault("_hotline_plans", {})
    key = (run_targets, frozenset(inputs))
    if key not in plans:
        plan = _plan(self, run_targets, frozenset(inputs))
        plans[key] = plan, frozenset(name for name, _ in plan)
    plan, names = plans[key]
    values: dict[str, Any] = {}
    for name, value in inputs.items():
        if isinstance(value, str) and (value in names or value in inputs):
            raise GraphRunError(
                f"Input value '{value}' clashes with a node name. Make sure that none of the "
                f"input names passed to the `run` method are the same as node names in the "
                f"graph schema.")
        values[name] = (name, value)
    try:
        for name, needs in plan:
            values[name] = self._instantiated_nodes[name](*[values.get(n, n) for n in needs])
    except RuntimeError as error:
        raise GraphRunError("Error running runner.") from error
    return dict(values.get(target, target) for target in run_targets)


# --- TensorFlow's call dispatch -----------------------------------------------------------

_rasa_predict = RasaModel._rasa_predict
_concrete: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def predict_through_concrete_function(self: RasaModel, batch_in: Any) -> dict[str, Any]:
    """``RasaModel._rasa_predict`` calling its one concrete function directly."""
    import tensorflow as tf
    from keras.utils import tf_utils

    step = self._tf_predict_step
    if self._run_eagerly or step is None or not self.prepared_for_prediction \
            or not step.input_signature:
        return _rasa_predict(self, batch_in)  # first call (it traces) or eager: Rasa's way
    found = _concrete.get(self)
    if found is None or found[0] is not step:
        concrete = step.get_concrete_function()
        specs = tf.nest.flatten(concrete.structured_input_signature[0])
        found = _concrete[self] = (step, concrete, [spec.dtype for spec in specs])
    _, concrete, dtypes = found
    flat = tf.nest.flatten(batch_in)
    if len(flat) != len(dtypes):
        return _rasa_predict(self, batch_in)
    tensors = [tf.convert_to_tensor(value, dtype=dtype) for value, dtype in zip(flat, dtypes)]
    outputs = tf_utils.sync_to_numpy_or_python_type(
        concrete._call_flat(tensors, captured_inputs=concrete.captured_inputs))
    if DIAGNOSTIC_DATA in outputs:
        outputs[DIAGNOSTIC_DATA] = self._empty_lists_to_none_in_dict(outputs[DIAGNOSTIC_DATA])
    return outputs


# --- sparse features ----------------------------------------------------------------------

_rasa_combine_sparse = Features._combine_sparse_features


def hstack_coo(left: Any, right: Any) -> Any:
    """``scipy.sparse.hstack([left, right])`` for two COO matrices of one dtype (else None)."""
    if not (scipy.sparse.isspmatrix_coo(left) and scipy.sparse.isspmatrix_coo(right)) \
            or left.dtype != right.dtype or left.shape[0] != right.shape[0]:
        return None
    row = np.concatenate([left.row, right.row])
    col = np.concatenate([left.col, right.col + left.shape[1]])
    index = np.int32 if max(left.shape[1] + right.shape[1], left.nnz + right.nnz) \
        < np.iinfo(np.int32).max else np.int64
    return scipy.sparse.coo_matrix(
        (np.concatenate([left.data, right.data]), (row.astype(index, copy=False),
                                                   col.astype(index, copy=False))),
        shape=(left.shape[0], left.shape[1] + right.shape[1]))


def combine_sparse_features(self: Features, additional_features: Features) -> None:
    """Rasa's ``_combine_sparse_features`` with the direct join above where it applies."""
    joined = hstack_coo(self.features, additional_features.features)
    if joined is None:
        _rasa_combine_sparse(self, additional_features)
        return
    self.features = joined
    self._cached_fingerprint = None


def apply() -> None:
    """Installs the three patches once per process (idempotent)."""
    if getattr(DaskGraphRunner, _APPLIED, False):
        return
    DaskGraphRunner.run = run_in_order
    RasaModel._rasa_predict = predict_through_concrete_function
    Features._combine_sparse_features = combine_sparse_features
    setattr(DaskGraphRunner, _APPLIED, True)
