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


# -- domain errors ---------------------------------------------------------------------------

class DomainError(Exception):
    """A refusal decided by domain code: a stable ``code``, a Chinese message, maybe a field."""

    code = "error"
    message = "请求没有被受理"
    field: str | None = None

    def __init__(self, message: str | None = None, field: str | None = None) -> None:
        self.message = message or type(self).message
        self.field = field or type(self).field
        super().__init__(self.message)


class InvalidInput(DomainError):
    code, message = "invalid_field", "输入不正确"


class NotFound(DomainError):
    code, message = "not_found", "记录不存在"


class TicketNotFound(NotFound):
    message = "工单不存在"


class HandoffNotFound(NotFound):
    message = "转人工记录不存在"


class Unauthorized(DomainError):
    code, message = "unauthorized", "未登录或令牌无效"


class BadCredentials(Unauthorized):
    code, message = "bad_credentials", "用户名或密码错误"


class Forbidden(DomainError):
    code, message = "forbidden", "没有权限执行此操作"


class Conflict(DomainError):
    code, message = "conflict", "与当前状态冲突"


class InvalidTransition(Conflict):
    code, field = "invalid_transition", "status"


class HeldByOther(Conflict):
    code, message = "held_by_other", "这个会话已由其他工作人员接手"


class IdempotencyConflict(Conflict):
    code = "idempotency_conflict"
    message = "同一个 Idempotency-Key 已用于内容不同的请求"
    field = "Idempotency-Key"


class CodeProblem(DomainError):
    """Something wrong with a one-time code (always about the ``code`` field)."""

    field = "code"


class WrongCode(CodeProblem):
    code, message = "wrong_code", "验证码不正确"


class CodeExpired(CodeProblem):
    code, message = "code_expired", "验证码已过期，请重新获取"


class TooManyAttempts(CodeProblem):
    code, message = "too_many_attempts", "验证码错误次数过多，已失效，请重新获取"


class RateLimited(DomainError):
    code, message = "rate_limited", "操作太频繁，请稍后再试"

    def __init__(self, message: str | None = None, retry_after: int = 60) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class LockedOut(RateLimited):
    code, message = "locked_out", "登录失败次数过多，账号暂时锁定，请稍后再试"


# The one place a domain error gets its HTTP status (most specific class first wins: MRO).
HTTP_STATUS: dict[type[DomainError], int] = {
    DomainError: 400, InvalidInput: 400, CodeProblem: 400, NotFound: 404, Unauthorized: 401,
    Forbidden: 403, Conflict: 409, RateLimited: 429,
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
