"""Every error, whatever raised it, has the one envelope from the contract."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import BaseModel, Field

from seeit.app import create_app
from seeit.config import Settings
from seeit.errors import AppError, NotFound, QuotaExceeded
from seeit.resources import Resources


class Body(BaseModel):
    count: int = Field(ge=1)
    name: str


@pytest.fixture(scope="module")
def error_app(settings: Settings, resources: Resources) -> FastAPI:
    app = create_app(settings, resources)

    @app.post("/test/validate")
    async def validate(body: Body) -> dict[str, Any]:
        return body.model_dump()

    @app.get("/test/missing")
    async def missing() -> None:
        raise NotFound("No such render for this shop.")

    @app.get("/test/quota")
    async def quota() -> None:
        raise QuotaExceeded(details={"scope": "daily", "limit": 10}, headers={"Retry-After": "60"})

    @app.get("/test/crash")
    async def crash() -> None:
        raise RuntimeError("secret internals: password=hunter2")

    return app


@pytest.fixture
async def http(error_app: FastAPI) -> Any:
    transport = httpx.ASGITransport(app=error_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


def assert_envelope(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return dict(body["error"])


async def test_unknown_route_is_not_found_in_the_envelope(http: httpx.AsyncClient) -> None:
    assert_envelope(await http.get("/nope"), 404, "not_found")


async def test_wrong_method_is_405_in_the_envelope(http: httpx.AsyncClient) -> None:
    assert_envelope(await http.delete("/healthz"), 405, "method_not_allowed")


async def test_validation_errors_list_the_fields(http: httpx.AsyncClient) -> None:
    error = assert_envelope(await http.post("/test/validate", json={"count": 0}), 422, "validation_error")
    locations = {tuple(field["loc"]) for field in error["details"]["fields"]}
    assert locations == {("body", "count"), ("body", "name")}
    assert all(field["message"] for field in error["details"]["fields"])


async def test_malformed_json_is_a_validation_error(http: httpx.AsyncClient) -> None:
    response = await http.post("/test/validate", content=b"{not json", headers={"content-type": "application/json"})
    assert_envelope(response, 422, "validation_error")


async def test_app_errors_keep_their_status_code_details_and_headers(http: httpx.AsyncClient) -> None:
    assert assert_envelope(await http.get("/test/missing"), 404, "not_found")["message"] == (
        "No such render for this shop."
    )
    response = await http.get("/test/quota")
    assert assert_envelope(response, 429, "quota_exceeded")["details"] == {"scope": "daily", "limit": 10}
    assert response.headers["retry-after"] == "60"


async def test_unhandled_exception_is_internal_error_without_internals(http: httpx.AsyncClient) -> None:
    response = await http.get("/test/crash")
    error = assert_envelope(response, 500, "internal_error")
    assert "hunter2" not in response.text
    assert "Traceback" not in response.text
    assert error["details"] == {}


def test_every_app_error_has_a_distinct_code_and_status() -> None:
    def all_subclasses(cls: type[AppError]) -> list[type[AppError]]:
        found = []
        for sub in cls.__subclasses__():
            found += [sub, *all_subclasses(sub)]
        return found

    codes = [(cls.code, cls.status_code) for cls in all_subclasses(AppError)]
    assert len({code for code, _ in codes}) == len(codes)
    assert all(400 <= status < 600 for _, status in codes)


async def test_the_root_is_a_json_not_found_outside_the_demo(http: httpx.AsyncClient) -> None:
    assert_envelope(await http.get("/"), 404, "not_found")
