"""Operations endpoints: liveness, readiness against real dependencies, Prometheus metrics, OpenAPI."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from seeit.app import create_app
from seeit.config import Settings
from seeit.metrics import record_job
from seeit.resources import Resources
from tests.conftest import free_port

# Live: it breaks and restarts database connections.
pytestmark = pytest.mark.live_database


async def test_healthz_answers_ok(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_is_ok_when_database_and_redis_answer(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


async def _readyz_with(settings: Settings, resources: Resources, **changes: Any) -> httpx.Response:
    broken_settings = settings.model_copy(update=changes)
    if "redis_url" in changes:
        # A Redis client pointed at a closed port: connecting fails on first use.
        dead = Redis.from_url(changes["redis_url"], socket_connect_timeout=0.5)
        broken = dataclasses.replace(resources, arq=dead)
    else:
        broken = await Resources.open(broken_settings, arq=resources.arq)
    app = create_app(broken_settings, broken)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
        return await http.get("/readyz")


async def test_readyz_is_503_when_postgres_does_not_answer(settings: Settings, resources: Resources) -> None:
    response = await _readyz_with(
        settings, resources, database_url=f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/x"
    )
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "service_unavailable"
    assert response.json()["error"]["details"]["failing"] == ["database"]


async def test_readyz_is_503_when_redis_does_not_answer(settings: Settings, resources: Resources) -> None:
    response = await _readyz_with(settings, resources, redis_url=f"redis://127.0.0.1:{free_port()}/0")
    assert response.status_code == 503
    assert response.json()["error"]["details"]["failing"] == ["redis"]


async def test_metrics_count_requests_by_route_template_and_jobs_by_outcome(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    await client.get("/healthz")
    await client.get("/files/some/key")  # a templated route, answered 401
    await record_job(resources.arq, "render", "completed")
    await record_job(resources.arq, "render", "completed")
    await resources.arq.enqueue_job("some_job", _job_id="waiting-job")

    text = (await client.get("/metrics")).text
    assert 'seeit_http_requests_total{method="GET",route="/healthz",status="200"}' in text
    assert 'route="/files/{key:path}",status="401"' in text
    assert "/files/some/key" not in text
    assert 'seeit_jobs_total{kind="render",outcome="completed"} 2.0' in text
    assert "seeit_queue_depth 1.0" in text
    assert "seeit_http_request_duration_seconds_bucket" in text


async def test_responses_carry_a_request_id(client: httpx.AsyncClient) -> None:
    generated = await client.get("/healthz")
    assert len(generated.headers["x-request-id"]) == 32
    echoed = await client.get("/healthz", headers={"X-Request-Id": "abc-123"})
    assert echoed.headers["x-request-id"] == "abc-123"


async def test_openapi_describes_errors_with_the_envelope(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    assert "HTTPValidationError" not in document["components"]["schemas"]
    assert "ErrorEnvelope" in document["components"]["schemas"]
    operations = [op for item in document["paths"].values() for op in item.values()]
    assert operations
    for operation in operations:
        for status in ("422", "500", "503"):
            schema = operation["responses"][status]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorEnvelope"}


async def test_openapi_documents_the_errors_of_authentication_and_unparsable_bodies(client: httpx.AsyncClient) -> None:
    paths = (await client.get("/openapi.json")).json()["paths"]
    for path, item in paths.items():
        for method, operation in item.items():
            responses = operation["responses"]
            if path.startswith("/proxy/"):
                assert "`invalid_signature`" in responses["401"]["description"], (method, path)
                assert "`shop_not_installed`" in responses["403"]["description"], (method, path)
            if path.startswith("/api/admin/"):
                assert "`invalid_session_token`" in responses["401"]["description"], (method, path)
                assert "`shop_not_installed`" in responses["403"]["description"], (method, path)
            if "application/json" in operation.get("requestBody", {}).get("content", {}):
                assert "400" in responses, (method, path)  # a body that is not JSON at all


OTHER_SESSIONS = "datname = :db AND pid <> pg_backend_pid()"


async def test_connections_cut_by_a_database_restart_answer_503_then_recover(
    client: httpx.AsyncClient, resources: Resources, database_url: str
) -> None:
    from seeit.shops.principal import forget_all_shops
    from tests.support import admin_headers, create_shop

    await create_shop(resources, "restart.myshopify.com")
    headers = admin_headers("restart.myshopify.com")
    assert (await client.get("/api/admin/shop", headers=headers)).status_code == 200

    database = database_url.rsplit("/", 1)[1]
    admin = create_async_engine(database_url.rsplit("/", 1)[0] + "/postgres")
    async with admin.begin() as conn:
        await conn.execute(
            text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE {OTHER_SESSIONS}"),
            {"db": database},
        )
    await admin.dispose()

    statuses = []
    for _ in range(resources.settings.database_pool_size + 2):
        forget_all_shops()  # make every request read the database
        response = await client.get("/api/admin/shop", headers=headers)
        statuses.append(response.status_code)
        if response.status_code != 200:
            assert response.json()["error"]["code"] == "service_unavailable"
    assert set(statuses) <= {200, 503}
    assert statuses[-1] == 200


async def test_a_connection_whose_protocol_broke_answers_503_and_leaves_the_pool(
    client: httpx.AsyncClient, resources: Resources, monkeypatch: Any
) -> None:
    # What asyncpg raises when it has read the server's goodbye but not yet seen the socket close.
    import asyncpg
    from asyncpg.transaction import Transaction

    from seeit.shops.principal import forget_all_shops
    from tests.support import admin_headers, create_shop

    await create_shop(resources, "broken.myshopify.com")
    headers = admin_headers("broken.myshopify.com")
    start = Transaction.start
    broken: list[object] = []

    async def start_on_a_broken_protocol(self: Transaction) -> None:
        if not broken:
            broken.append(self._connection)
            raise asyncpg.exceptions.InternalClientError(
                "cannot switch to state 15; another operation (2) is in progress"
            )
        await start(self)

    monkeypatch.setattr(Transaction, "start", start_on_a_broken_protocol)
    forget_all_shops()
    first = await client.get("/api/admin/shop", headers=headers)
    assert first.status_code == 503
    assert first.json()["error"]["code"] == "service_unavailable"
    assert broken[0].is_closed()  # type: ignore[attr-defined]

    forget_all_shops()
    assert (await client.get("/api/admin/shop", headers=headers)).status_code == 200


async def test_readyz_and_metrics_say_which_image_model_and_weights_are_loaded(client: httpx.AsyncClient) -> None:
    ready = await client.get("/readyz")
    assert ready.status_code == 200, ready.text
    assert ready.json()["image_model"] == "local"
    assert ready.json()["saliency_weights"] == "u2netp"  # the test install has them (scripts/bootstrap.sh)
    metrics = (await client.get("/metrics")).text
    assert 'seeit_image_model{model="local",weights="u2netp"} 1.0' in metrics


def test_the_production_worker_refuses_to_start_without_its_weights(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEEIT_")}
    env.update(
        SEEIT_ENV="production",
        SEEIT_SHOPIFY_API_SECRET="secret",
        SEEIT_TOKEN_ENCRYPTION_KEY="a2V5LWtleS1rZXkta2V5LWtleS1rZXkta2V5LWtleS0=",
        SEEIT_MODEL_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "-m", "seeit.cli", "worker"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "seeit fetch-weights" in lines[0]


@pytest.mark.parametrize(
    "refusal",
    [
        "the database system is starting up",  # 57P03, right after a restart
        "the database system is shutting down",  # 57P03 too, while it stops
    ],
)
async def test_a_database_that_refuses_connections_for_now_answers_503_not_500(
    settings: Settings, resources: Resources, monkeypatch: Any, refusal: str
) -> None:
    import asyncpg

    from tests.support import proxy_url

    async def refused(*args: Any, **kwargs: Any) -> Any:
        raise asyncpg.exceptions.CannotConnectNowError(refusal)

    fresh = await Resources.open(settings, arq=resources.arq)  # a pool with no connection yet
    try:
        monkeypatch.setattr(asyncpg, "connect", refused)
        app = create_app(settings, fresh)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
            response = await http.get(proxy_url("/proxy/config", "starting.myshopify.com", product_id="1"))
    finally:
        monkeypatch.undo()
        await fresh.engine.dispose()
    assert response.status_code == 503, response.text
    assert response.json()["error"]["code"] == "service_unavailable"
