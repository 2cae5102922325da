"""The NLU meets its targets on the held-out set (issue 2): macro-F1 ≥ 0.92, entity F1 ≥ 0.85."""

from __future__ import annotations

import pytest

from bot.evaluate import evaluate

pytestmark = pytest.mark.integration


def test_heldout_targets(trained_model, tmp_path):
    report = evaluate(trained_model, out_root=tmp_path)
    assert report["intent_macro_f1"] >= 0.92, report["most_confused"]
    assert report["entity_f1"] >= 0.85, report["entities"]
    assert (tmp_path / report["time"] / "confusion_matrix.png").stat().st_size > 10_000
