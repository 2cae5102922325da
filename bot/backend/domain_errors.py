"""Errors that domain code raises (workers, tickets, handoffs, auth, workflow, administration,
dashboards): what went wrong in the domain's words, with a stable ``code``, a Chinese message and
maybe the field. Nothing here knows HTTP: ``bot/backend/errors.py`` maps each class to one status,
once, in its middleware.
"""

from __future__ import annotations


class DomainError(Exception):
    """A refusal decided by domain code: a stable ``code``, a Chinese message, maybe a field."""

    code = "error"
    message = "请求没有被受理"
    field: str | None = None

    def __init__(self, message: str | None = None, field: str | None = None,
                 code: str | None = None) -> None:
        self.message = message or type(self).message
        self.field = field or type(self).field
        if code:
            self.code = code
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


class TooLarge(DomainError):
    code, message = "too_large", "内容太大"


class UnsupportedType(DomainError):
    code, message = "unsupported_type", "不支持的文件类型"


class TooManyUploads(RateLimited):
    code, message = "too_many_uploads", "今天上传的图片已经很多了，请联系工作人员"


class UpstreamUnavailable(DomainError):
    """A service the backend calls (Rasa's HTTP API) failed or did not answer."""

    code, message = "upstream_unavailable", "对话服务暂时不可用，请稍后再试"


class RecordNotFound(NotFound):
    """``RecordNotFound("工作站")`` → 工作站不存在."""

    def __init__(self, what: str = "记录", field: str | None = None) -> None:
        super().__init__(f"{what}不存在", field)
