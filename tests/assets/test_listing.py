"""The merchant lists assets newest first, a page at a time, filtered by product and status."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest

from seeit.db import transaction, utcnow
from seeit.models import ProductAsset
from seeit.resources import Resources
from tests.assets.conftest import OTHER_SHOP, SHOP
from tests.support import admin_headers, create_shop


async def _assets(resources: Resources, shop_id: uuid.UUID, specs: list[tuple[str, str]]) -> list[uuid.UUID]:
    """Assets (product number, status), created a second apart in the listed order."""
    start = utcnow() - timedelta(hours=1)
    ids = []
    async with transaction(resources) as session:
        for n, (product, status) in enumerate(specs):
            asset = ProductAsset(
                shop_id=shop_id,
                product_id=f"gid://shopify/Product/{product}",
                source_image_id=f"gid://shopify/MediaImage/{product}1",
                source_image_url=f"https://cdn.shopify.com/{product}.jpg",
                status=status,
                prep_strategy="batch",
                prompt_version=1,
                created_at=start + timedelta(seconds=n),
            )
            session.add(asset)
            await session.flush()
            ids.append(asset.id)
    return ids


async def _list(client: httpx.AsyncClient, shop: str = SHOP, **params: Any) -> httpx.Response:
    return await client.get("/api/admin/assets", headers=admin_headers(shop), params=params)


async def test_pages_follow_each_other_newest_first_without_gaps_or_repeats(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    shop = await create_shop(resources, SHOP)
    ids = await _assets(resources, shop.id, [(str(n), "ready") for n in range(7)])
    seen: list[str] = []
    cursor = None
    while True:
        response = await _list(client, limit=3, **({"cursor": cursor} if cursor else {}))
        assert response.status_code == 200
        body = response.json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == [str(i) for i in reversed(ids)]


async def test_filters_by_product_given_as_a_number_or_a_gid_and_by_status(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    shop = await create_shop(resources, SHOP)
    ids = await _assets(resources, shop.id, [("11", "ready"), ("11", "failed"), ("22", "ready")])
    by_number = (await _list(client, product_id="11")).json()["items"]
    by_gid = (await _list(client, product_id="gid://shopify/Product/11", status="failed")).json()["items"]
    assert [a["id"] for a in by_number] == [str(ids[1]), str(ids[0])]
    assert [a["id"] for a in by_gid] == [str(ids[1])]


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 101}, {"status": "gone"}, {"cursor": "not-a-cursor"}, {"product_id": "shirt"}],
)
async def test_bad_parameters_are_validation_errors(
    client: httpx.AsyncClient, resources: Resources, params: dict[str, Any]
) -> None:
    await create_shop(resources, SHOP)
    response = await _list(client, **params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_a_shop_sees_only_its_own_assets(client: httpx.AsyncClient, resources: Resources) -> None:
    mine = await create_shop(resources, SHOP)
    theirs = await create_shop(resources, OTHER_SHOP)
    await _assets(resources, theirs.id, [("5", "ready")])
    own = await _assets(resources, mine.id, [("6", "ready")])
    items = (await _list(client)).json()["items"]
    assert [a["id"] for a in items] == [str(own[0])]
    assert items[0]["prepared_image_url"] is None  # no stored image yet
