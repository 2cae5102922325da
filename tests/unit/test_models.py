"""The model lifecycle (bot/models.py): a report belongs to one model file and one held-out
file, and a start-up never retrains on its own because the data changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot import evaluate, models


def _report(reports: Path, name: str, **fields: str) -> None:
    (reports / name).mkdir(parents=True)
    (reports / name / "report.json").write_text(json.dumps({"model": "m.tar.gz", **fields}))


def test_a_report_counts_only_for_the_same_model_file_and_heldout_file(tmp_path: Path):
    model, heldout, reports = tmp_path / "m.tar.gz", tmp_path / "heldout.yml", tmp_path / "reports"
    model.write_bytes(b"model one")
    heldout.write_text("nlu: []\n")
    # left over from an earlier run: same model name, no digest of the model file
    _report(reports, "20260101-000000", heldout=evaluate._digest(heldout))
    assert evaluate.report_for(model, heldout, reports) is None

    _report(reports, "20260102-000000", heldout=evaluate._digest(heldout),
            model_sha256=models.model_digest(model))
    found = evaluate.report_for(model, heldout, reports)
    assert found is not None and found["directory"].endswith("20260102-000000")

    model.write_bytes(b"model two, retrained under the same name")
    assert evaluate.report_for(model, heldout, reports) is None
    model.write_bytes(b"model one")
    heldout.write_text("nlu: [changed]\n")
    assert evaluate.report_for(model, heldout, reports) is None


def test_a_start_up_with_a_model_serves_it_even_when_the_data_changed(monkeypatch, tmp_path):
    existing = tmp_path / "20260101-000000.tar.gz"
    existing.write_bytes(b"x")
    monkeypatch.setattr(models, "latest_model", lambda models_dir=None: existing)
    monkeypatch.setattr(models, "is_up_to_date", lambda: False)  # e.g. inbox examples accepted

    def no_training(**_kwargs):
        raise AssertionError("trained at start-up without being asked")

    monkeypatch.setattr(models, "train", no_training)
    assert models.model_for_start() == existing


@pytest.mark.parametrize("asked, present", [(True, True), (False, False)])
def test_a_start_up_trains_when_asked_or_when_there_is_no_model(monkeypatch, tmp_path, asked, present):
    trained = tmp_path / "new.tar.gz"
    monkeypatch.setattr(models, "MODELS", tmp_path / "models")
    monkeypatch.setattr(models, "latest_model", lambda models_dir=None: tmp_path / "old" if present else None)
    monkeypatch.setattr(models, "train", lambda **_kwargs: trained)
    assert models.model_for_start(asked) == trained
