"""The action server's start-up work is attached through rasa_sdk's plugin hook
(``rasa_sdk_plugins``), not by an import-time side effect of the actions package."""

from __future__ import annotations

from rasa_sdk.plugin import plugin_manager
from sanic import Sanic


def _after_start(app: Sanic) -> list[str]:
    """Names of the listeners registered to run after the server started (Sanic keeps them as
    future signals until the server runs)."""
    return [getattr(s.handler, "keywords", {}).get("listener", s.handler).__qualname__
            for s in app._future_signals if s.event == "server.init.after"]


def test_the_plugin_hook_starts_the_case_outbox_flush_with_the_server():
    app = Sanic("hook_test_app")
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    assert any("start_flush_loop" in name for name in _after_start(app)), _after_start(app)

