"""One error type, one shape: ``{"error": {"code", "message", "details"}}`` for everything the API answers."""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


class AppError(Exception):
    """Base of every error the API answers on purpose; subclasses fix the status and the stable code."""

    status_code: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"
    message: ClassVar[str] = "The request could not be processed."

    def __init__(
        self,
        message: str | None = None,
        *,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.detail_message = message or self.message
        self.details = details or {}
        self.headers = headers or {}
        super().__init__(self.detail_message)


class BadRequest(AppError):
    pass


class InvalidSignature(AppError):
    status_code = 401
    code = "invalid_signature"
    message = "The request signature is missing, wrong or too old."


class InvalidSessionToken(AppError):
    status_code = 401
    code = "invalid_session_token"
    message = "The session token is missing, malformed, expired or not for this app."

    def __init__(self, message: str | None = None, *, details: dict[str, Any] | None = None) -> None:
        # App Bridge retries with a fresh token when it sees this header.
        super().__init__(message, details=details, headers={"X-Shopify-Retry-Invalid-Session-Request": "1"})


class ShopNotInstalled(AppError):
    status_code = 403
    code = "shop_not_installed"
    message = "The shop is not installed."


class NotFound(AppError):
    status_code = 404
    code = "not_found"
    message = "No such resource."


class MethodNotAllowed(AppError):
    status_code = 405
    code = "method_not_allowed"
    message = "This method is not allowed here."


class AssetNotReady(AppError):
    status_code = 409
    code = "asset_not_ready"
    message = "The product has no ready image and none can be prepared."


class Conflict(AppError):
    status_code = 409
    code = "conflict"
    message = "The request conflicts with the current state."


class RoomSessionExpired(AppError):
    status_code = 410
    code = "room_session_expired"
    message = "The room session has expired; upload the room photo again."


class PayloadTooLarge(AppError):
    status_code = 413
    code = "payload_too_large"
    message = "The upload is too large."


class UnsupportedMediaType(AppError):
    status_code = 415
    code = "unsupported_media_type"
    message = "The upload must be a JPEG, PNG or WebP image."


class ValidationFailed(AppError):
    status_code = 422
    code = "validation_error"
    message = "The request body is not valid."


class QuotaExceeded(AppError):
    status_code = 429
    code = "quota_exceeded"
    message = "The shop's render quota is used up."


class RateLimited(AppError):
    status_code = 429
    code = "rate_limited"
    message = "Too many requests; try again shortly."


class ServiceUnavailable(AppError):
    status_code = 503
    code = "service_unavailable"
    message = "A dependency is unavailable; nothing was changed. Try again shortly."


class InternalError(AppError):
    status_code = 500
    code = "internal_error"
    message = "Something went wrong on our side."


_STATUS_CODES: dict[int, type[AppError]] = {
    400: BadRequest,
    401: InvalidSignature,
    404: NotFound,
    405: MethodNotAllowed,
    413: PayloadTooLarge,
    415: UnsupportedMediaType,
}


def error_body(code: str, message: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details or {}}}


def render_error(error: AppError) -> JSONResponse:
    return JSONResponse(
        error_body(error.code, error.detail_message, error.details),
        status_code=error.status_code,
        headers=error.headers or None,
    )


def _field_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [{"loc": list(err.get("loc", ())), "message": str(err.get("msg", ""))} for err in exc.errors()]


async def _app_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    return render_error(exc)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return render_error(ValidationFailed(details={"fields": _field_errors(exc)}))


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    error_type = _STATUS_CODES.get(exc.status_code, BadRequest if exc.status_code < 500 else InternalError)
    error = error_type(headers=dict(exc.headers or {}))
    if exc.status_code not in _STATUS_CODES and exc.status_code < 500:
        return JSONResponse(
            error_body("bad_request", str(exc.detail)), status_code=exc.status_code, headers=exc.headers
        )
    return render_error(error)


async def unhandled_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return render_error(InternalError())


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, unhandled_error)
