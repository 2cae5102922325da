"""rasa_sdk's plugin package (``rasa_sdk.plugin._discover_plugins`` imports it by this name).

The action server's guard (shared-secret check, body validation, no echoed exceptions, body
cap, masked logs) and its operability (``/ready``, ``/metrics``: bot/action_ops.py) are attached
through rasa_sdk's own start-up hook; see bot/action_guard.py. The case-outbox flush loop starts
the same way (actions/outbox_loop.py).
"""

from __future__ import annotations

import sys

import pluggy

hookimpl = pluggy.HookimplMarker("rasa_sdk")


@hookimpl
def attach_sanic_app_extensions(app) -> None:
    from actions.outbox_loop import attach as start_outbox_flush
    from bot import action_guard, action_ops

    action_guard.attach(app)
    action_ops.attach(app)  # /ready, /metrics, per-call timing
    start_outbox_flush(app)


def init_hooks(manager: pluggy.PluginManager) -> None:
    manager.register(sys.modules[__name__])
