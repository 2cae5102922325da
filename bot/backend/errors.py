"""Errors: domain code raises ``DomainError``s, this module alone turns them into HTTP.

Domain modules (workers, tickets, handoffs, auth) know nothing of HTTP: they raise
``WrongCode``, ``TicketNotFound``, ``Conflict``… and commit whatever must persist *before*
raising (an error raised inside ``engine.begin()`` rolls the transaction back — that is how the
one-time-code attempt counter used to be lost). ``error_middleware`` maps each class to one
status and the structured body ``{"error": {"code", "message", "field"?}}``, Chinese message,
never a stack trace.

``ApiError`` stays for the HTTP layer itself (request parsing, validation, routing).
"""

from __future__ import annotations

import logging

from aiohttp import web

from bot.backend.domain_errors import (  # noqa: F401  (re-exported: domain code may import here)
    BadCredentials,
    CodeExpired,
    CodeProblem,
    Conflict,
    DomainError,
    Forbidden,
    HandoffNotFound,
    HeldByOther,
    IdempotencyConflict,
    InvalidInput,
    InvalidTransition,
    LockedOut,
    NotFound,
    RateLimited,
    TicketNotFound,
    TooLarge,
    TooManyAttempts,
    TooManyUploads,
    Unauthorized,
    UnsupportedType,
    UpstreamUnavailable,
    WrongCode,
)

logger = logging.getLogger(__name__)


class ApiError(Exception):
    """An HTTP-layer refusal (bad JSON, bad field, missing header) with its status."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field

    def response(self, headers: dict[str, str] | None = None) -> web.Response:
        error = {"code": self.code, "message": self.message}
        if self.field:
            error["field"] = self.field
        return web.json_response({"error": error}, status=self.status, headers=headers)


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what}不存在")


# The one place a domain error gets its HTTP status (most specific class first wins: MRO).
HTTP_STATUS: dict[type[DomainError], int] = {
    DomainError: 400, InvalidInput: 400, CodeProblem: 400, NotFound: 404, Unauthorized: 401,
    Forbidden: 403, Conflict: 409, TooLarge: 413, UnsupportedType: 415, RateLimited: 429,
    UpstreamUnavailable: 502,
}


def status_of(exc: DomainError) -> int:
    return next(HTTP_STATUS[c] for c in type(exc).__mro__ if c in HTTP_STATUS)


def domain_response(exc: DomainError) -> web.Response:
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited) else None
    return ApiError(status_of(exc), exc.code, exc.message, exc.field).response(headers)


@web.middleware
async def error_middleware(request: web.Request, handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except DomainError as exc:
        return domain_response(exc)
    except ApiError as exc:
        return exc.response()
    except web.HTTPException as exc:
        if exc.status >= 400 and request.path.startswith("/api/"):
            message = {404: "接口不存在", 405: "不支持的请求方法",
                       413: "请求体太大"}.get(exc.status, "请求无法处理")
            return ApiError(exc.status, exc.reason.lower().replace(" ", "_"), message).response()
        raise
    except Exception:  # the client gets a clean 500, the log gets the trace
        logger.exception("unhandled error on %s %s", request.method, request.path)
        return ApiError(500, "internal_error", "服务器内部错误，请稍后再试").response()
