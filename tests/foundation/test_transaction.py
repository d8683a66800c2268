"""The request owns the transaction; jobs asked for inside it are sent only after it commits."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import event, func, select

from seeit.app import create_app
from seeit.config import Settings
from seeit.db import SessionDep
from seeit.errors import Conflict
from seeit.models import Shop
from seeit.queue import DeferredJob, defer_job, job_id_for
from seeit.resources import Resources
from seeit.shops.principal import forget_all_shops
from tests.support import admin_headers, create_shop

# Live: it watches real commits and the pool's connections.
pytestmark = pytest.mark.live_database


@pytest.fixture(scope="module")
def tx_app(settings: Settings, resources: Resources) -> FastAPI:
    app = create_app(settings, resources)

    def add_shop(session: Any, domain: str) -> Shop:
        shop = Shop(
            shop_domain=domain,
            shopify_shop_id="1",
            access_token="",
            plan="free",
            daily_quota=1,
            monthly_quota=1,
        )
        session.add(shop)
        return shop

    @app.post("/test/shops/{domain}")
    async def create(domain: str, session: SessionDep, fail: bool = False) -> dict[str, str]:
        shop = add_shop(session, domain)
        await session.flush()
        defer_job(session, DeferredJob("welcome_shop", job_id_for("welcome", shop.id), {"shop_id": str(shop.id)}))
        if fail:
            raise Conflict("refused after the insert")
        return {"id": str(shop.id)}

    return app


@pytest.fixture
async def http(tx_app: FastAPI) -> Any:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=tx_app, raise_app_exceptions=False), base_url="http://testserver"
    ) as client:
        yield client


async def _shop_count(resources: Resources) -> int:
    async with resources.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(Shop)) or 0)


async def test_successful_request_commits_and_then_enqueues(http: httpx.AsyncClient, resources: Resources) -> None:
    response = await http.post("/test/shops/a.myshopify.com")
    assert response.status_code == 200
    shop_id = uuid.UUID(response.json()["id"])
    assert await _shop_count(resources) == 1
    job = await resources.arq.zrange("arq:queue", 0, -1)
    assert job == [f"welcome:{shop_id}".encode()]


async def test_failed_request_rolls_back_and_sends_nothing(http: httpx.AsyncClient, resources: Resources) -> None:
    response = await http.post("/test/shops/b.myshopify.com", params={"fail": True})
    assert response.status_code == 409
    assert await _shop_count(resources) == 0
    assert await resources.arq.zcard("arq:queue") == 0


async def test_a_failed_commit_answers_an_error_and_sends_nothing(
    http: httpx.AsyncClient, resources: Resources
) -> None:
    assert (await http.post("/test/shops/c.myshopify.com")).status_code == 200
    await resources.arq.flushdb()
    # The same domain again violates the unique constraint at commit (flush) time.
    response = await http.post("/test/shops/c.myshopify.com")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert await _shop_count(resources) == 1
    assert await resources.arq.zcard("arq:queue") == 0


async def test_a_burst_of_requests_waits_for_pooled_connections_instead_of_opening_more(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    await create_shop(resources, "burst.myshopify.com")
    headers = admin_headers("burst.myshopify.com")
    opened: list[object] = []

    def count(*args: Any) -> None:
        opened.append(args)

    event.listen(resources.engine.sync_engine, "connect", count)
    try:
        for _ in range(3):
            forget_all_shops()
            burst = [
                client.get("/api/admin/shop", headers=headers) for _ in range(4 * resources.settings.database_pool_size)
            ]
            assert {r.status_code for r in await asyncio.gather(*burst)} == {200}
    finally:
        event.remove(resources.engine.sync_engine, "connect", count)
    # At most the pool's own connections are ever opened; none is opened and closed again per burst.
    assert len(opened) <= resources.settings.database_pool_size
