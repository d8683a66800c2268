"""``GET /api/admin/products``: the shop's catalogue from the Admin API, paged, each product with its
cut-out state and settings; reading a page refreshes the products' settings cache."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select

from seeit.models import ProductSettings
from seeit.resources import Resources
from tests.assets.conftest import SHOP
from tests.assets.pictures import cutout_png
from tests.support import admin_headers


async def _page(client: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    response = await client.get("/api/admin/products", headers=admin_headers(SHOP), params=params)
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


async def test_the_catalogue_pages_through_every_product_once(
    client: httpx.AsyncClient, shopify: Any, installed: str
) -> None:
    products = shopify.add_catalogue(SHOP, 12)
    seen: list[str] = []
    cursor = None
    for _ in range(5):
        page = await _page(client, limit=5, **({"cursor": cursor} if cursor else {}))
        seen += [item["gid"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [p.id for p in products]
    assert all(item["status"] == "none" and item["asset"] is None for item in page["items"])


async def test_each_product_shows_its_cutout_and_settings(
    client: httpx.AsyncClient, shopify: Any, installed: str, resources: Resources
) -> None:
    shopify.add_product(
        SHOP, 7001, "Lamp", images=["https://cdn.shopify.com/lamp.jpg"], enabled=True, style_preset="warm"
    )
    shopify.add_product(SHOP, 7002, "Rug", images=["https://cdn.shopify.com/rug.jpg"])
    upload = await client.put(
        "/api/admin/products/7001/asset",
        headers=admin_headers(SHOP),
        files={"image": ("a.png", cutout_png(), "image/png")},
    )
    assert upload.status_code == 200

    items = {item["id"]: item for item in (await _page(client))["items"]}

    lamp, rug = items["7001"], items["7002"]
    assert lamp["title"] == "Lamp"
    assert lamp["image_url"] == "https://cdn.shopify.com/lamp.jpg"
    assert lamp["status"] == "ready"
    assert lamp["asset"]["id"] == upload.json()["id"] == lamp["serving_asset"]["id"]
    assert lamp["serving_asset"]["prepared_image_url"]
    assert lamp["settings"] == {"enabled": True, "default_asset_id": None, "style_preset": "warm"}
    assert (rug["status"], rug["asset"], rug["settings"]["enabled"]) == ("none", None, False)
    async with resources.sessionmaker() as session:
        cached = {s.product_id: s.enabled for s in await session.scalars(select(ProductSettings))}
    assert cached == {"gid://shopify/Product/7001": True, "gid://shopify/Product/7002": False}


async def test_the_catalogue_needs_a_session_token(client: httpx.AsyncClient, shopify: Any, installed: str) -> None:
    response = await client.get("/api/admin/products")
    assert response.status_code == 401


async def test_a_cursor_shopify_refuses_is_a_validation_error(
    client: httpx.AsyncClient, shopify: Any, installed: str
) -> None:
    shopify.add_catalogue(SHOP, 3)
    response = await client.get(
        "/api/admin/products", headers=admin_headers(SHOP), params={"cursor": "bm90LWEtY3Vyc29y"}
    )
    assert response.status_code == 422
    assert response.json()["error"]["details"]["fields"][0]["loc"] == ["query", "cursor"]
