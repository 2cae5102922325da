"""Prometheus metrics of the three processes (backend, action server, Rasa), one registry each.

Before, nothing told an operator how many workers were talking, how slow a turn was, how many
messages fell back or how many people waited for a person. Each process now serves ``/metrics``:

- backend (``/metrics``): request latency by route, tickets by state, handoffs waiting, the SMS
  outbox depth (the last three read from the database when scraped, so they are never stale);
- action server (``/metrics``): action calls and their latency, fallbacks;
- Rasa (``/webhooks/rest/metrics``, from our channel code): turns and turn latency by channel,
  apologies sent for a turn that produced nothing.

A registry per object (not prometheus_client's global one) lets tests build many apps in one
process. Standard library + prometheus_client only: all three processes import this.
"""

from __future__ import annotations

from functools import lru_cache

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

# seconds: a worker notices from about one second on; NLU on a loaded machine takes several
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
CONTENT_TYPE = CONTENT_TYPE_LATEST.split(";")[0]  # aiohttp and Sanic take the charset apart


class Metrics:
    """A registry and its text exposition."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()

    def render(self) -> bytes:
        """The Prometheus text format of everything in this registry."""
        return generate_latest(self.registry)


class BackendMetrics(Metrics):
    """The backend's figures (one per app: see ``bot.backend.api.health_routes``)."""

    def __init__(self) -> None:
        super().__init__()
        self.requests = Histogram(
            "hotline_backend_request_seconds", "Backend API requests by route and status",
            ["method", "route", "status"], buckets=LATENCY_BUCKETS, registry=self.registry)
        self.tickets = Gauge("hotline_tickets", "Tickets by state", ["status"],
                             registry=self.registry)
        self.handoffs_waiting = Gauge("hotline_handoffs_waiting",
                                      "Conversations waiting for grid staff",
                                      registry=self.registry)
        self.outbox_depth = Gauge("hotline_sms_outbox_depth",
                                  "SMS notifications not sent yet (pending)",
                                  registry=self.registry)


class ActionServerMetrics(Metrics):
    """The action server's figures."""

    def __init__(self) -> None:
        super().__init__()
        self.actions = Histogram(
            "hotline_action_seconds", "Custom action calls by action and outcome",
            ["action", "outcome"], buckets=LATENCY_BUCKETS, registry=self.registry)
        self.fallbacks = Counter("hotline_fallbacks_total",
                                 "Messages the assistant did not understand (fallback step)",
                                 registry=self.registry)


class RasaMetrics(Metrics):
    """The Rasa server's figures, counted by our channels (bot/channels/never_silent.py)."""

    def __init__(self) -> None:
        super().__init__()
        self.turns = Histogram(
            "hotline_turn_seconds", "Worker messages answered, by channel (time to the reply)",
            ["channel"], buckets=LATENCY_BUCKETS, registry=self.registry)
        self.apologies = Counter(
            "hotline_silent_turns_total",
            "Turns Rasa produced nothing for (the never-silent apology was sent)", ["channel"],
            registry=self.registry)


@lru_cache(maxsize=1)
def action_server_metrics() -> ActionServerMetrics:
    """The action server process's metrics (one process, one registry)."""
    return ActionServerMetrics()


@lru_cache(maxsize=1)
def rasa_metrics() -> RasaMetrics:
    """The Rasa process's metrics (both channels count into it)."""
    return RasaMetrics()
