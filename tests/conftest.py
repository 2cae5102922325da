"""Shared fixtures: the whole product started for real, once per test session.

``stack`` runs the backend (temp SQLite), the action server and the Rasa
server with the trained model from ``models/``, each on a free loopback port,
through ``bot/services.py`` — the same code ``make run`` uses. Tests only talk to it
(one browser test restarts its Rasa and waits until it is back).

``e2e_stack`` is the stack tests may break (tests/fault_stack.py): the conversation tests of
tests/e2e and the fault-injection suite of tests/hardening share it, each test that breaks it
restored and checked afterwards.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.settings import ROOT
from tests.fault_stack import breakable_stack

# Test-only secrets, set before anything reads bot.settings.
os.environ.setdefault("BACKEND_TOKEN", "test-backend-token")
os.environ.setdefault("RASA_TOKEN", "test-rasa-token")
os.environ.setdefault("SESSION_SECRET", "test-session-secret-0123456789abcdef")
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
# the backend's scheduler (督办, retention) stays off in tests; tests run its jobs themselves
os.environ.setdefault("JOBS_INTERVAL_SECONDS", "0")


@dataclass
class Stack:
    backend_url: str
    actions_url: str
    rasa_url: str
    rasa_token: str
    backend_token: str
    database_url: str
    tracker_db: Path
    log_dir: Path
    services: list
    data_dir: Path


@pytest.fixture(scope="session")
def trained_model() -> Path:
    from bot.models import latest_model

    model = latest_model()
    if model is None:
        pytest.skip("没有训练好的模型：先运行 make train（make test 会自动训练）")
    return model


@pytest.fixture(scope="session")
def stack(trained_model: Path):
    from bot import services

    work = Path(tempfile.mkdtemp(prefix="hotline-stack-"))
    # the trainer inbox writes accepted examples into a copy, never into the real data
    shutil.copytree(ROOT / "data", work / "project" / "data")
    shutil.copy(ROOT / "domain.yml", work / "project" / "domain.yml")
    product = services.local_stack(work, trained_model, work / "project" / "data")
    with product.group:
        yield Stack(
            backend_url=product.backend_url, actions_url=product.actions_url,
            rasa_url=product.rasa_url, rasa_token=os.environ["RASA_TOKEN"],
            backend_token=os.environ["BACKEND_TOKEN"], database_url=product.database_url,
            tracker_db=work / "tracker.db", log_dir=work / "log", services=product.group.services,
            data_dir=work / "project" / "data",
        )


@pytest.fixture(scope="session")
def e2e_stack(trained_model: Path):
    with breakable_stack(trained_model) as product:
        yield product
