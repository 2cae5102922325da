"""The back office (issue 13) mounted on the backend app: the audit middleware, the scheduled
jobs and the console's operations pages. Registered in ``bot.backend.app`` as an extension."""

from __future__ import annotations

from aiohttp import web

from bot.backend.audit import audit_middleware
from bot.backend.jobs import setup_jobs


def setup_operations(app: web.Application) -> None:
    app.middlewares.append(audit_middleware)
    setup_jobs(app)
    from bot.console.ops_pages import setup_ops_pages

    setup_ops_pages(app)
