"""The per-turn speed patches of bot/rasa_graph.py behave as the Rasa code they replace."""

from __future__ import annotations

from types import SimpleNamespace

import dask
import numpy as np
import pytest
import scipy.sparse
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner

from bot import rasa_graph


class _Node:
    """A graph node as Rasa's GraphNode: called with its needs' outputs, returns (name, value)."""

    def __init__(self, name: str, calls: list[str], fail: BaseException | None = None):
        self.name, self.calls, self.fail = name, calls, fail

    def __call__(self, *needed):
        self.calls.append(self.name)
        if self.fail:
            raise self.fail
        return self.name, (self.name, needed)


def _runner(needs: dict[str, dict[str, str]], fail: dict[str, BaseException] | None = None):
    calls: list[str] = []
    runner = DaskGraphRunner.__new__(DaskGraphRunner)
    runner._graph_schema = SimpleNamespace(
        nodes={name: SimpleNamespace(needs=n) for name, n in needs.items()},
        target_names=[name for name in needs if name.startswith("t")])
    runner._instantiated_nodes = {name: _Node(name, calls, (fail or {}).get(name))
                                  for name in needs}
    return runner, calls


def _dask(runner, inputs, targets):
    """What dask.get gives for the same graph (Rasa's runner without the schema pruning)."""
    graph = {name: (runner._instantiated_nodes[name], *node.needs.values())
             for name, node in runner._graph_schema.nodes.items()}
    for name, value in inputs.items():
        graph[name] = (name, value)
    return dict(dask.get(graph, targets))


GRAPH = {"a": {"x": "__message__"}, "b": {"x": "a"}, "c": {"x": "a", "y": "b"},
         "t1": {"x": "c", "y": "b", "z": "a literal"}, "t2": {"x": "a"}, "unused": {"x": "a"}}


def test_the_same_outputs_as_dask_each_node_once_dependencies_first():
    runner, calls = _runner(GRAPH)
    inputs = {"__message__": "你好"}
    ours = rasa_graph.run_in_order(runner, inputs, ["t1", "t2"])
    assert calls == ["a", "b", "c", "t1", "t2"]  # 'unused' is not run, nothing twice
    assert ours == _dask(runner, inputs, ["t1", "t2"])


def test_an_input_overrides_a_node_of_the_same_name():
    runner, calls = _runner(GRAPH)
    inputs = {"__message__": "x", "b": "given"}
    ours = rasa_graph.run_in_order(runner, inputs, ["t1"])
    assert "b" not in calls
    assert ours == _dask(runner, inputs, ["t1"])


def test_a_node_error_propagates_and_a_runtime_error_is_rasas_graph_error():
    runner, _ = _runner(GRAPH, fail={"b": ValueError("bad")})
    with pytest.raises(ValueError, match="bad"):
        rasa_graph.run_in_order(runner, {"__message__": "x"}, ["t1"])
    runner, _ = _runner(GRAPH, fail={"b": RuntimeError("boom")})
    with pytest.raises(GraphRunError):
        rasa_graph.run_in_order(runner, {"__message__": "x"}, ["t1"])


def test_an_input_value_naming_a_node_is_refused_as_rasa_does():
    runner, _ = _runner(GRAPH)
    with pytest.raises(GraphRunError, match="clashes"):
        rasa_graph.run_in_order(runner, {"__message__": "a"}, ["t1"])


@pytest.mark.parametrize("dtype", [np.float64, np.int64, np.float32])
def test_sparse_features_join_exactly_as_scipy_hstack(dtype):
    rng = np.random.default_rng(7)
    left = scipy.sparse.random(6, 40, density=0.2, format="coo", random_state=1).astype(dtype)
    right = scipy.sparse.random(6, 1500, density=0.01, format="coo", random_state=2).astype(dtype)
    right.data = rng.integers(1, 5, right.nnz).astype(dtype)
    ours = rasa_graph.hstack_coo(left, right)
    scipys = scipy.sparse.hstack([left, right])
    assert ours.format == scipys.format == "coo" and ours.dtype == scipys.dtype
    assert ours.shape == scipys.shape
    for attribute in ("data", "row", "col"):
        np.testing.assert_array_equal(getattr(ours, attribute), getattr(scipys, attribute))


def test_sparse_features_of_other_kinds_are_left_to_scipy():
    coo = scipy.sparse.random(2, 3, density=0.5, format="coo")
    assert rasa_graph.hstack_coo(coo, coo.tocsr()) is None
    assert rasa_graph.hstack_coo(coo, coo.astype(np.float32)) is None
