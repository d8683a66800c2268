"""A bounded, deterministic schema-driven fuzz of the whole API (schemathesis over ``/openapi.json``).

Every operation gets requests generated from its own OpenAPI description, authenticated like a real client
(storefront queries signed as Shopify's app proxy signs them, admin requests with a valid session token of an
installed shop) so they reach the handlers. Each answer must be conformant: no 5xx other than a deliberate
503, every error in the ``{"error": {...}}`` envelope, status codes and content types as documented, and an
error answer leaves no row behind.

Cases are drawn first (derandomized) and then sent on the test's own event loop, so the app runs against the
real Postgres and Redis fixtures. ``SEEIT_FUZZ_EXAMPLES`` raises the per-operation count for a longer hunt.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from schemathesis import Case, GenerationMode
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import text

from seeit.db import Base
from seeit.resources import Resources
from seeit.shopify.signatures import app_proxy_digest
from tests.conftest import TEST_SECRET
from tests.rooms.photos import jpeg
from tests.support import admin_headers

SHOP = "fuzz.myshopify.com"
EXAMPLES_PER_OPERATION = int(os.environ.get("SEEIT_FUZZ_EXAMPLES", "30"))
PROXY_PARAMS = ("shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature")
# 5xx are judged by the test itself: a deliberate 503 (a dependency down) is allowed.
CHECKS = [status_code_conformance, content_type_conformance, response_schema_conformance]


def draw_cases(operation: Any, count: int, mode: GenerationMode) -> list[Case[Any]]:
    """``count`` cases for one operation, the same ones on every run."""
    drawn: list[Case[Any]] = []

    @hypothesis_settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def collect(case: Case[Any]) -> None:
        drawn.append(case)

    with contextlib.suppress(Unsatisfiable):  # nothing to make invalid: no parameters and no body
        collect()
    return drawn


def signed_query(query: dict[str, Any] | None) -> str:
    """The generated query plus the app proxy's parameters, signed like Shopify signs them."""
    pairs: list[tuple[str, str]] = []
    for key, value in (query or {}).items():
        if key in PROXY_PARAMS:
            continue
        for item in value if isinstance(value, list) else [value]:
            pairs.append((key, _query_text(item)))
    pairs += [
        ("shop", SHOP),
        ("logged_in_customer_id", ""),
        ("path_prefix", "/apps/see-it"),
        ("timestamp", str(int(time.time()))),
    ]
    pairs.append(("signature", app_proxy_digest(pairs, TEST_SECRET)))
    return urlencode(pairs)


def _query_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json.dumps(value)


def request_for(case: Case[Any], *, authenticated: bool = True) -> dict[str, Any]:
    """httpx ``request`` arguments for ``case``, authenticated for its part of the API.

    ``requests`` encodes the body exactly as schemathesis means it (multipart included); httpx sends it.
    """
    kwargs = case.as_transport_kwargs(base_url="http://testserver")
    kwargs["headers"] = {k: v for k, v in (kwargs.get("headers") or {}).items() if k.lower() != "authorization"}
    if not authenticated:
        pass
    elif case.path.startswith("/proxy/"):
        kwargs["url"] = f"{kwargs['url']}?{signed_query(kwargs.pop('params', None))}"
    elif case.path.startswith("/api/admin/"):
        kwargs["headers"].update(admin_headers(SHOP))
    wanted = {
        key: kwargs[key] for key in ("method", "url", "headers", "params", "json", "data", "files") if key in kwargs
    }
    prepared = requests.Request(**wanted).prepare()
    return {
        "method": prepared.method,
        "url": prepared.url,
        "headers": dict(prepared.headers),
        "content": prepared.body.encode() if isinstance(prepared.body, str) else prepared.body,
    }


def signed(path: str) -> str:
    return f"{path}?{signed_query(None)}"


def with_real_room(case: Case[Any], room_id: str) -> Case[Any]:
    """Half the storefront cases name the shop's real room session, so they get past the 404."""
    if "room_session_id" in (case.path_parameters or {}):
        case.path_parameters = {**(case.path_parameters or {}), "room_session_id": room_id}
    if isinstance(case.body, dict) and "room_session_id" in case.body:
        case.body = {**case.body, "room_session_id": room_id}
    return case


async def row_counts(resources: Resources) -> dict[str, int]:
    selects = ", ".join(f"(SELECT count(*) FROM {table.name}) AS {table.name}" for table in Base.metadata.sorted_tables)
    async with resources.engine.connect() as conn:
        row = (await conn.execute(text(f"SELECT {selects}"))).mappings().one()
    return dict(row)


def envelope_problem(response: httpx.Response) -> str | None:
    try:
        body = response.json()
    except ValueError:
        return "body is not JSON"
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict) or set(error) != {"code", "message", "details"}:
        return f"body is not the error envelope: {response.text[:200]}"
    if not isinstance(error["code"], str) or not isinstance(error["details"], dict):
        return f"envelope has wrong types: {response.text[:200]}"
    return None


@pytest.fixture
def api_schema(app: Any) -> Any:
    return schemathesis.openapi.from_dict(app.openapi())


async def test_every_operation_answers_fuzzed_requests_conformantly(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, api_schema: Any
) -> None:
    installed = await client.post("/auth/token-exchange", headers=admin_headers(SHOP))
    assert installed.status_code == 200, installed.text
    room = await client.post(signed("/proxy/rooms"), files={"image": ("room.jpg", jpeg(), "image/jpeg")})
    assert room.status_code == 201, room.text
    room_id = room.json()["id"]
    failures: list[str] = []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        positive = draw_cases(operation, EXAMPLES_PER_OPERATION, GenerationMode.POSITIVE)
        positive[1::2] = [with_real_room(case, room_id) for case in positive[1::2]]
        negative = draw_cases(operation, EXAMPLES_PER_OPERATION, GenerationMode.NEGATIVE)
        sends = [(case, True) for case in positive + negative] + [(positive[0], False)]
        for case, authenticated in sends:
            before = await row_counts(resources)
            response = await client.request(**request_for(case, authenticated=authenticated))
            label = f"{case.method} {case.formatted_path} -> {response.status_code}"
            if response.status_code >= 500 and response.status_code != 503:
                failures.append(f"{label}: server error {response.text[:200]} :: {case.as_curl_command()[:300]}")
            if response.status_code >= 400:
                problem = envelope_problem(response)
                if problem:
                    failures.append(f"{label}: {problem}")
                after = await row_counts(resources)
                if after != before:
                    changed = {name: (before[name], after[name]) for name in after if after[name] != before[name]}
                    failures.append(f"{label}: an error answer left rows behind {changed}")
            try:
                case.validate_response(response, checks=CHECKS)
            except FailureGroup as group:
                for failure in group.exceptions:
                    failures.append(
                        f"{label}: {failure.title}: {failure.message[:300]} :: {case.as_curl_command()[:300]}"
                    )
    assert not failures, "\n".join(failures)
