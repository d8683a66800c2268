"""The asset tests' world: an installed shop in the fake Shopify, its image CDN, and a real worker."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from arq.worker import Worker

from seeit.config import Settings
from seeit.resources import Resources
from tests.assets.pictures import product_photo
from tests.conftest import make_worker, stop_worker
from tests.support import admin_headers

SHOP = "demo.myshopify.com"
OTHER_SHOP = "other.myshopify.com"
CDN_HOST = "cdn.shopify.com"


@dataclass
class FakeCdn:
    """Shopify's image CDN: any image path answers a product photo unless told otherwise."""

    files: dict[str, httpx.Response] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def serve(self, path: str, response: httpx.Response) -> str:
        self.files[path] = response
        return f"https://{CDN_HOST}{path}"

    def handle(self, request: httpx.Request) -> httpx.Response:
        assert request.method == "GET", "the service only ever reads from the CDN"
        self.requests.append(str(request.url))
        if request.url.path in self.files:
            answer = self.files[request.url.path]
            return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)
        if request.url.path.endswith((".png", ".jpg", ".jpeg", ".webp")):
            return httpx.Response(200, headers={"content-type": "image/jpeg"}, content=product_photo())
        return httpx.Response(404)


class _ByHost(httpx.AsyncBaseTransport):
    """Requests to the CDN host go to the fake CDN, all others to the fake Shopify."""

    def __init__(self, cdn: FakeCdn, shopify: httpx.AsyncBaseTransport) -> None:
        self.cdn = httpx.MockTransport(cdn.handle)
        self.shopify = shopify

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        target = self.cdn if request.url.host == CDN_HOST else self.shopify
        return await target.handle_async_request(request)


@pytest.fixture
async def cdn() -> FakeCdn:
    return FakeCdn()


@pytest.fixture
async def shopify(fake_shopify: Any, cdn: FakeCdn, resources: Resources) -> Any:
    """The fake Shopify, with its CDN, answering the app and any worker started afterwards."""

    def client() -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=_ByHost(cdn, httpx.ASGITransport(app=fake_shopify.app)), timeout=20.0)

    fake_shopify.client = client
    await resources.http.aclose()
    resources.http = client()  # the fake_shopify fixture closes it and restores the original
    return fake_shopify


async def install(client: httpx.AsyncClient, shop_domain: str) -> None:
    """Install the app the way an embedded admin does: token exchange with a session token."""
    response = await client.post("/auth/token-exchange", headers=admin_headers(shop_domain))
    assert response.status_code == 200, response.text


@pytest.fixture
async def installed(shopify: Any, client: httpx.AsyncClient) -> str:
    await install(client, SHOP)
    return SHOP


@pytest.fixture
async def prep_worker(settings: Settings, resources: Resources, shopify: Any) -> AsyncIterator[Worker]:
    """The real worker, with retries backing off in milliseconds instead of seconds."""
    running = make_worker(settings, ctx={"settings": settings, "prep_retry_base_seconds": 0.01})
    task = asyncio.create_task(running.async_run())
    yield running
    await stop_worker(running, task)


async def settled_asset(
    client: httpx.AsyncClient, shop_domain: str, asset_id: str, *, timeout: float = 60.0
) -> dict[str, Any]:
    """The asset once it is no longer pending, as the merchant's admin would see it by polling."""
    deadline = time.monotonic() + timeout
    while True:
        page = await client.get("/api/admin/assets", headers=admin_headers(shop_domain), params={"limit": 100})
        assert page.status_code == 200, page.text
        found = [a for a in page.json()["items"] if a["id"] == asset_id]
        assert found, f"asset {asset_id} not listed"
        if found[0]["status"] != "pending":
            settled: dict[str, Any] = found[0]
            return settled
        assert time.monotonic() < deadline, f"asset {asset_id} still pending"
        await asyncio.sleep(0.05)
