"""The local demo's storefront: product pages with the block, and the app proxy signing as Shopify does."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import func, select

from seeit.app import create_app
from seeit.config import Settings
from seeit.demo.app_proxy import PATH_PREFIX, AppProxy
from seeit.demo.sample_products import DEMO_PRODUCTS, DEMO_SHOP
from seeit.demo.shop_setup import prepare_demo_shop
from seeit.models import ProductAsset, WebhookEvent
from seeit.resources import Resources
from seeit.shopify.signatures import verify_app_proxy_query
from tests.conftest import TEST_API_KEY, TEST_SECRET


@pytest.fixture
async def demo_app(settings: Settings, resources: Resources) -> AsyncIterator[httpx.AsyncClient]:
    """The app as ``seeit dev`` serves it (the demo on), before the demo shop is prepared."""
    app = create_app(settings.model_copy(update={"demo": True}), resources)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        yield client


@pytest.fixture
async def demo(demo_app: httpx.AsyncClient, resources: Resources) -> httpx.AsyncClient:
    """The demo after its first start: the shop and its sample products' cut-outs prepared."""
    await prepare_demo_shop(resources)
    return demo_app


async def test_the_landing_page_links_the_demo_storefront_and_admin(demo_app: httpx.AsyncClient) -> None:
    page = (await demo_app.get("/")).text
    assert 'href="/demo/store/products/armchair"' in page
    assert 'href="/demo/admin"' in page
    assert (await demo_app.get("/demo/store/sample-room.jpg")).headers["content-type"] == "image/jpeg"


async def test_every_sample_product_is_cut_out_once_and_shows_the_button(
    demo: httpx.AsyncClient, resources: Resources
) -> None:
    await prepare_demo_shop(resources)  # a second start changes nothing
    async with resources.sessionmaker() as session:
        ready = await session.scalar(select(func.count()).where(ProductAsset.status == "ready"))
    assert ready == len(DEMO_PRODUCTS)
    for product in DEMO_PRODUCTS:
        page = await demo.get(f"/demo/store/products/{product.handle}")
        assert page.status_code == 200
        assert 'data-state="on"' in page.text
        assert f'data-product-id="{product.id}"' in page.text
        strings = re.search(r'<script type="application/json" class="see-it__strings">(.*?)</script>', page.text, re.S)
        assert strings is not None
        assert json.loads(strings[1])["title"] == f"See {product.title} in your room"
    assert (await demo.get("/demo/store/products/nothing-here")).status_code == 404


async def test_the_app_proxy_answers_for_the_demo_shop_through_the_same_app(demo: httpx.AsyncClient) -> None:
    armchair = DEMO_PRODUCTS[0]
    answer = await demo.get(f"{PATH_PREFIX}/config", params={"product_id": str(armchair.id)})
    assert answer.status_code == 200, answer.text
    config = answer.json()
    assert config["enabled"] is True
    assert config["asset"]["status"] == "ready"
    assert config["room_max_side"] == 2048
    assert answer.headers["cache-control"] == "private, max-age=60"
    # Straight to /proxy, without Shopify's signature, the service refuses.
    assert (await demo.get("/proxy/config", params={"product_id": str(armchair.id)})).status_code == 401


async def test_the_app_proxy_signs_like_shopify_and_drops_cookies() -> None:
    seen: list[dict[str, Any]] = []
    service = FastAPI()

    @service.api_route("/proxy/{path:path}", methods=["GET", "POST"])
    async def record(path: str, request: Request) -> JSONResponse:
        seen.append({"path": path, "query": request.url.query, "headers": dict(request.headers)})
        return JSONResponse({"ok": True}, headers={"Set-Cookie": "tracking=1", "Retry-After": "7"})

    storefront = FastAPI()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=service), base_url="http://service") as client:
        proxy = AppProxy(DEMO_SHOP, TEST_SECRET, client)

        @storefront.api_route(PATH_PREFIX + "/{path:path}", methods=["GET", "POST"])
        async def forward(path: str, request: Request) -> Any:
            return await proxy.forward(request, path)

        transport = httpx.ASGITransport(app=storefront)
        async with httpx.AsyncClient(transport=transport, base_url="http://shop") as shopper:
            answer = await shopper.post(
                f"{PATH_PREFIX}/renders/abc?wait=3&tag=a&tag=b",
                json={"x": 1},
                headers={"Cookie": "cart=secret", "Idempotency-Key": "k1"},
            )
    assert answer.json() == {"ok": True}
    assert "set-cookie" not in answer.headers
    assert answer.headers["retry-after"] == "7"
    (request,) = seen
    assert request["path"] == "renders/abc"
    assert "cookie" not in request["headers"]
    assert request["headers"]["idempotency-key"] == "k1"
    pairs = httpx.QueryParams(request["query"]).multi_items()
    assert verify_app_proxy_query(pairs, TEST_SECRET) == DEMO_SHOP
    # Shopify's own library accepts it too.
    import shopify_app

    theirs = shopify_app.ShopifyApp(TEST_API_KEY, TEST_SECRET).verify_app_proxy_req(
        {
            "method": "POST",
            "headers": {},
            "url": f"https://app.example/proxy/renders/abc?{request['query']}",
            "body": "",
        }
    )
    assert theirs.ok, theirs.log
    assert dict(pairs)["path_prefix"] == PATH_PREFIX
    assert [v for k, v in pairs if k == "tag"] == ["a", "b"]


async def test_the_demo_cart_takes_the_blocks_line_and_its_checkout_delivers_orders_create(
    demo: httpx.AsyncClient, resources: Resources
) -> None:
    armchair = DEMO_PRODUCTS[0]
    refused = await demo.post("/cart/add.js", json={"items": [{"id": 1, "quantity": 1}]})
    assert refused.status_code == 422
    assert refused.json()["description"] == "Cannot find variant"

    line = {"id": armchair.variant_id, "quantity": 1, "properties": {"_see_it_render": "r-1"}}
    added = await demo.post("/cart/add.js", json={"items": [line]})
    assert added.status_code == 200, added.text
    assert added.json()["items"][0]["properties"] == {"_see_it_render": "r-1"}
    await demo.post("/cart/update.js", json={"attributes": {"_see_it_visitor": "v-1"}})
    cart = (await demo.get("/cart.js")).json()
    assert (cart["item_count"], cart["attributes"]) == (1, {"_see_it_visitor": "v-1"})
    assert armchair.title in (await demo.get("/cart")).text

    placed = await demo.post("/cart/checkout")
    assert placed.status_code == 303
    assert (await demo.get("/cart.js")).json()["item_count"] == 0, "the order empties the cart"
    async with resources.sessionmaker() as session:
        topics = (await session.scalars(select(WebhookEvent.topic))).all()
    assert topics == ["orders/create"], "the service received the signed order"
