"""The endpoints files give Rasa the action server's secret from the environment, never in the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.utils.endpoints import read_endpoint_config

from bot import scale, services
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
    assert read_endpoint_config(str(path), "event_broker").type == "bot.event_broker.BatchedSQLEventBroker"


def test_every_scale_instance_sends_the_secret_and_its_own_lock_prefix(tmp_path: Path, monkeypatch):
    """bot/scale.py's endpoints once lacked the header: every action call of the scale path got
    401 and the worker only the apology. Rasa also drops a lock prefix that is not alphanumeric
    (falling back to the "lock:" every other stack on the Redis uses)."""
    monkeypatch.setenv("ACTION_SERVER_TOKEN", "s3cret-from-env")
    engines = scale.Engines("postgresql+asyncpg://u@127.0.0.1/db", "redis://127.0.0.1:6379/0",
                            "amqp://guest:guest@127.0.0.1:5672/")
    path = scale.scale_endpoints(tmp_path / "endpoints.yml", 5055, "postgresql+asyncpg://u@h/t",
                                 engines, "h_perf_1a2b", tmp_path / "outbox.jsonl")
    assert "s3cret-from-env" not in path.read_text()
    assert read_endpoint_config(str(path), "action_endpoint").headers == {TOKEN_HEADER: "s3cret-from-env"}
    prefix = read_endpoint_config(str(path), "lock_store").kwargs["key_prefix"]
    assert prefix.isalnum() and "1a2b" in prefix
    assert "heartbeat=" in read_endpoint_config(str(path), "event_broker").url


def test_inprocess_endpoints_name_no_action_server(tmp_path: Path, monkeypatch):
    """HOTLINE_ACTIONS=inprocess: make run's, the test stacks' and each scale instance's endpoints
    send the actions to Rasa's own process (bot/inprocess_actions.py), and make run starts no
    action server; an unknown mode is refused at start-up, in Chinese."""
    from bot.endpoints import endpoints_for_run
    from bot.inprocess_actions import selected
    from bot.settings import SettingsError, get_settings

    monkeypatch.setenv("ACTION_SERVER_TOKEN", "s3cret-from-env")
    engines = scale.Engines("postgresql+asyncpg://u@127.0.0.1/db", "redis://127.0.0.1:6379/0",
                            "amqp://guest:guest@127.0.0.1:5672/")
    written = [services.write_endpoints(tmp_path / "a.yml", 5055, tmp_path / "t.db", in_process=True),
               scale.scale_endpoints(tmp_path / "b.yml", 5055, "postgresql+asyncpg://u@h/t", engines,
                                     "h_x", in_process=True)]
    monkeypatch.setenv("HOTLINE_ACTIONS", "inprocess")
    get_settings.cache_clear()
    try:
        written.append(endpoints_for_run(tmp_path / "c.yml", 5055, get_settings()))
        for path in written:
            assert selected(read_endpoint_config(str(path), "action_endpoint").url), path.name
        monkeypatch.setenv("HOTLINE_ACTIONS", "sidecar")
        get_settings.cache_clear()
        with pytest.raises(SettingsError, match="HOTLINE_ACTIONS"):
            get_settings()
    finally:
        monkeypatch.delenv("HOTLINE_ACTIONS")
        get_settings.cache_clear()
    default = services.write_endpoints(tmp_path / "d.yml", 5055, tmp_path / "t.db")
    assert read_endpoint_config(str(default), "action_endpoint").url == "http://127.0.0.1:5055/webhook"
