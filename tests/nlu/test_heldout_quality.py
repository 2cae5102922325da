"""The NLU meets its targets on the held-out set (issue 2): macro-F1 ≥ 0.92, entity F1 ≥ 0.85."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluate import evaluate, report_for

pytestmark = pytest.mark.integration


def test_heldout_targets(trained_model, tmp_path):
    # the report `make train` wrote for this model, else a fresh evaluation
    report = report_for(trained_model) or evaluate(trained_model, out_root=tmp_path)
    assert report["intent_macro_f1"] >= 0.92, report["most_confused"]
    assert report["entity_f1"] >= 0.85, report["entities"]
    assert (Path(report["directory"]) / "confusion_matrix.png").stat().st_size > 10_000
