"""The backend's seams stay where the structure puts them: domain code raises domain errors
(bot/backend/domain_errors.py) and knows nothing of HTTP; one middleware maps them
(bot/backend/errors.py); no route catches an HTTP error to decide what to do next."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# the HTTP layer of the backend: parsing, validation, routing, the app, health and metrics
HTTP_LAYER = {"errors.py", "validation.py", "routing.py", "app.py", "appkeys.py", "auth.py",
              "audit.py", "live.py", "jobs.py", "operations.py", "keepalive.py", "__main__.py"}


def test_domain_modules_know_nothing_of_http():
    offenders = [
        path.name for path in sorted((ROOT / "bot" / "backend").glob("*.py"))
        if path.name not in HTTP_LAYER
        and re.search(r"\bApiError\b|\bweb\.HTTP|\bnot_found\(", path.read_text(encoding="utf-8"))]
    assert not offenders, f"raise a domain error (bot/backend/domain_errors.py) in {offenders}"


def test_no_route_catches_an_http_error():
    offenders = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "bot").rglob("*.py"))
                 if p.name != "errors.py"  # the middleware itself
                 and re.search(r"except\s*\(?[^:]*\bApiError\b", p.read_text(encoding="utf-8"))]
    assert not offenders


def test_every_domain_error_has_one_status():
    from bot.backend import domain_errors
    from bot.backend.errors import status_of

    classes = [c for c in vars(domain_errors).values()
               if isinstance(c, type) and issubclass(c, domain_errors.DomainError)]
    statuses = {c.__name__: status_of(c()) for c in classes
                if c is not domain_errors.RateLimited and not issubclass(c, domain_errors.RateLimited)}
    assert statuses["TooLarge"] == 413 and statuses["UnsupportedType"] == 415
    assert statuses["UpstreamUnavailable"] == 502 and statuses["InvalidTransition"] == 409
    assert all(400 <= s < 600 for s in statuses.values())
