"""``/proxy/config`` for a product the service has not seen: read from Shopify once, cached, storm-proof."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from arq.worker import Worker

from tests.assets.conftest import SHOP
from tests.fakes.shopify import resolve_namespace
from tests.shopify.test_webhooks import deliver
from tests.support import proxy_url

PRODUCT = 8200


async def _enabled(client: httpx.AsyncClient, product: int = PRODUCT) -> bool:
    response = await client.get(proxy_url("/proxy/config", SHOP, product_id=str(product)))
    assert response.status_code == 200, response.text
    return bool(response.json()["enabled"])


def _product_reads(shopify: Any) -> int:
    return sum("SeeItProduct(" in r.query for r in shopify.graphql_requests(SHOP))


async def test_a_product_enabled_in_shopify_shows_the_button_on_its_first_view(
    client: httpx.AsyncClient, shopify: Any, installed: str
) -> None:
    shopify.add_product(SHOP, PRODUCT, "Chair", images=["https://cdn.shopify.com/chair.jpg"], enabled=True)

    assert await _enabled(client) is True
    assert await _enabled(client) is True
    assert _product_reads(shopify) == 1  # the second view is answered from the cache


@pytest.mark.live_database
async def test_many_views_of_unknown_products_read_each_from_shopify_once(
    client: httpx.AsyncClient, shopify: Any, installed: str
) -> None:
    shopify.add_product(SHOP, PRODUCT, "Chair", images=["https://cdn.shopify.com/chair.jpg"], enabled=False)
    unknown = [PRODUCT + 1 + n for n in range(3)]  # products Shopify does not have

    # Shoppers on the same pages at the same moment (few enough not to queue on the test's small pool).
    views = [_enabled(client, product) for product in [PRODUCT, *unknown] for _ in range(3)]
    answers = await asyncio.gather(*views)
    again = [await _enabled(client, product) for product in [PRODUCT, *unknown]]

    assert not any(answers)
    assert not any(again)
    assert _product_reads(shopify) == 4


async def test_products_update_refreshes_the_cached_settings(
    client: httpx.AsyncClient, shopify: Any, installed: str, prep_worker: Worker
) -> None:
    chair = shopify.add_product(SHOP, PRODUCT, "Chair", images=["https://cdn.shopify.com/chair.jpg"], enabled=True)
    assert await _enabled(client) is True
    # The merchant turns it off in the Shopify admin; the webhook's fields do not carry our metafields.
    chair.metafields[(resolve_namespace("$app:see_it"), "enabled")] = ("boolean", "false")

    delivered = await deliver(
        client, "products/update", {"id": PRODUCT, "admin_graphql_api_id": chair.id, "images": []}, shop=SHOP
    )

    assert delivered.status_code == 200, delivered.text
    for _ in range(200):
        if not await _enabled(client):
            break
        await asyncio.sleep(0.05)
    assert await _enabled(client) is False


async def test_while_shopify_fails_a_product_is_not_asked_for_again_and_again(
    client: httpx.AsyncClient, shopify: Any, installed: str
) -> None:
    shopify.add_product(SHOP, PRODUCT, "Chair", images=["https://cdn.shopify.com/chair.jpg"], enabled=True)
    shopify.fail_next(SHOP, status=503, times=50)
    before = len(shopify.graphql_requests(SHOP))

    answers = [await _enabled(client) for _ in range(10)]

    assert answers == [False] * 10  # Shopify cannot say; the page shows no button rather than an error
    # One read (with the Admin client's own retries of a 503), not one per view.
    reads = len(shopify.graphql_requests(SHOP)) - before
    assert 1 <= reads <= 4
