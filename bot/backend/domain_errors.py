"""Errors that domain code raises (workflow, administration, dashboards): what went wrong in
the domain's words; the error middleware (bot/backend/errors.py) maps them to HTTP once."""

from __future__ import annotations


class DomainError(Exception):
    """Base: ``status`` is the HTTP status the middleware answers with."""

    status = 400
    code = "invalid"

    def __init__(self, message: str, field: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message, self.field = message, field
        if code:
            self.code = code


class Invalid(DomainError):
    status, code = 400, "invalid_field"


class NotAllowed(DomainError):
    status, code = 403, "forbidden"


class NotFound(DomainError):
    status, code = 404, "not_found"

    def __init__(self, what: str, field: str | None = None) -> None:
        super().__init__(f"{what}不存在", field)


class Conflict(DomainError):
    status, code = 409, "conflict"
