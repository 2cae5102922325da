"""The endpoints files give Rasa the action server's secret from the environment, never in the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.utils.endpoints import read_endpoint_config

from bot import services
from bot.action_guard import TOKEN_HEADER
from bot.settings import ROOT


@pytest.mark.parametrize("which", ["written", "repository"])
def test_rasa_reads_the_secret_header_from_the_environment(tmp_path: Path, monkeypatch, which):
    monkeypatch.setenv("ACTION_SERVER_TOKEN", "s3cret-from-env")
    path = (services.write_endpoints(tmp_path / "endpoints.yml", 5055, tmp_path / "tracker.db")
            if which == "written" else ROOT / "endpoints.yml")
    assert "s3cret-from-env" not in path.read_text()
    endpoint = read_endpoint_config(str(path), "action_endpoint")
    assert endpoint.headers == {TOKEN_HEADER: "s3cret-from-env"}, "Rasa substitutes ${…} (unquoted only)"
    assert read_endpoint_config(str(path), "event_broker").type == "SQL"
