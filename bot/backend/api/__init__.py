"""REST handlers under /api/v1, one module per resource (imported for registration)."""

from bot.backend.api import (  # noqa: F401
    admin_routes,
    auth_routes,
    dashboard_routes,
    eligibility_routes,
    fact_routes,
    handoff_routes,
    places,
    policy_routes,
    ticket_routes,
    worker_routes,
    workflow_routes,
)
