"""The OpenAPI document describes the error envelope the service really sends, for every operation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel, Field

from seeit.errors import AppError, BadRequest, InternalError, ServiceUnavailable, ValidationFailed

DependencyT = TypeVar("DependencyT", bound=Callable[..., Any])


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


_DEPENDENCY_ERRORS: dict[Callable[..., Any], tuple[type[AppError], ...]] = {}


def raises(*errors: type[AppError]) -> Callable[[DependencyT], DependencyT]:
    """Declare the errors a FastAPI dependency answers with: every route that uses it documents them."""

    def register(dependency: DependencyT) -> DependencyT:
        _DEPENDENCY_ERRORS[dependency] = errors
        return dependency

    return register


def _dependency_errors(dependant: Dependant) -> list[type[AppError]]:
    found = list(_DEPENDENCY_ERRORS.get(dependant.call, ())) if dependant.call is not None else []
    for sub in dependant.dependencies:
        found += _dependency_errors(sub)
    return found


def _implicit_errors(app: FastAPI) -> dict[tuple[str, str], dict[int | str, dict[str, Any]]]:
    """Errors a route answers without naming them: its dependencies' (authentication) and, for a body
    route, 400 ``bad_request`` when the body is not parsable JSON at all."""
    implicit: dict[tuple[str, str], dict[int | str, dict[str, Any]]] = {}
    # Included routers are wrapped in route contexts that carry the prefixed path; the route is the original.
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        errors = _dependency_errors(route.dependant)
        if route.body_field is not None:
            errors.append(BadRequest)
        path: str = getattr(context, "path_format", route.path_format)
        for method in route.methods or ():
            implicit[(path, method.lower())] = error_responses(*errors)
    return implicit


def _add_implicit(responses: dict[str, Any], implicit: dict[int | str, dict[str, Any]]) -> None:
    for status, entry in implicit.items():
        response = responses.setdefault(str(status), {"description": ""})
        described = response.get("description") or ""
        for code in entry["description"].split(", "):
            if code not in described:
                described = ", ".join(filter(None, [described, code]))
        response["description"] = described


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
        implicit = _implicit_errors(app)
        for path, path_item in schema.get("paths", {}).items():
            for method, operation in path_item.items():
                if not isinstance(operation, dict) or "responses" not in operation:
                    continue
                responses = operation["responses"]
                _add_implicit(responses, implicit.get((path, method), {}))
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
