"""API errors: one JSON shape, Chinese message, never a stack trace to a client."""

from __future__ import annotations

import logging

from aiohttp import web

from bot.backend.domain_errors import DomainError

logger = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field

    def response(self) -> web.Response:
        error = {"code": self.code, "message": self.message}
        if self.field:
            error["field"] = self.field
        return web.json_response({"error": error}, status=self.status)


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what}不存在")


@web.middleware
async def error_middleware(request: web.Request, handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except ApiError as exc:
        return exc.response()
    except DomainError as exc:  # raised by domain code (bot/backend/domain_errors.py)
        return ApiError(exc.status, exc.code, exc.message, exc.field).response()
    except web.HTTPException as exc:
        if exc.status >= 400 and request.path.startswith("/api/"):
            message = {404: "接口不存在", 405: "不支持的请求方法"}.get(exc.status, "请求无法处理")
            return ApiError(exc.status, exc.reason.lower().replace(" ", "_"), message).response()
        raise
    except Exception:  # the client gets a clean 500, the log gets the trace
        logger.exception("unhandled error on %s %s", request.method, request.path)
        return ApiError(500, "internal_error", "服务器内部错误，请稍后再试").response()
