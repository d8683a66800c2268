"""The OpenAPI document describes the error envelope the service really sends, for every operation."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, Field

from seeit.errors import AppError, InternalError, ServiceUnavailable, ValidationFailed


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable snake_case error code")
    message: str = Field(description="A human sentence")
    details: dict[str, Any] = Field(default_factory=dict)


class ErrorEnvelope(BaseModel):
    error: ErrorDetail


def error_responses(*errors: type[AppError]) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: each listed error's status documented with the envelope."""
    described: dict[int | str, dict[str, Any]] = {}
    for error in errors:
        entry = described.setdefault(error.status_code, {"model": ErrorEnvelope, "description": ""})
        entry["description"] = ", ".join(filter(None, [entry["description"], f"`{error.code}`"]))
    return described


_ALWAYS = (ValidationFailed, InternalError, ServiceUnavailable)
_ENVELOPE_REF = {"$ref": "#/components/schemas/ErrorEnvelope"}


def install_openapi(app: FastAPI) -> None:
    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        envelope = ErrorEnvelope.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(envelope.pop("$defs", {}))
        components["ErrorEnvelope"] = envelope
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        for path_item in schema.get("paths", {}).values():
            for operation in path_item.values():
                if not isinstance(operation, dict) or "responses" not in operation:
                    continue
                responses = operation["responses"]
                for error in _ALWAYS:
                    responses.setdefault(str(error.status_code), {"description": f"`{error.code}`"})
                for status, response in responses.items():
                    if status.startswith(("4", "5")):
                        response["content"] = {"application/json": {"schema": _ENVELOPE_REF}}
                        if response.get("description") in (None, "", "Validation Error"):
                            response["description"] = "`validation_error`" if status == "422" else "Error"
        app.openapi_schema = schema
        return schema

    app.openapi = build  # type: ignore[method-assign]
