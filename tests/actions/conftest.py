"""``backend``: the action modules on the real seeded backend of tests/facts (its app on a temporary
SQLite database seeded from bot/seed), for dialogue steps run against the policy records; mark such
tests ``on_module_loop`` (the backend runs on the module's loop). A test module's own ``backend``
fixture (a fake one) overrides this one."""

from __future__ import annotations

import sys

import pytest

from actions import singletons
from tests.facts.conftest import fact_backend  # noqa: F401 (the module's backend fixture)

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend runs on that loop


@pytest.fixture
def backend(fact_backend, monkeypatch):  # noqa: F811
    """Every action module's backend client is the test backend (import the modules first)."""
    shared = singletons.client
    for module in [m for name, m in sys.modules.items() if name.startswith("actions.")]:
        if getattr(module, "client", None) is shared:
            monkeypatch.setattr(module, "client", lambda: fact_backend)
    return fact_backend
