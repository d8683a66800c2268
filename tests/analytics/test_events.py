"""``POST /proxy/events``: a signed storefront batch becomes rows, with no more about the shopper than Shopify's
customer id; malformed, oversized and unsigned batches store nothing; a flood is refused."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from seeit.models import StorefrontEvent, StorefrontEventCount
from seeit.resources import Resources
from seeit.usage.repository import utc_today
from tests.support import create_shop, proxy_url

SHOP = "events.myshopify.com"
VISITOR = "7d6a4c1e-93b1-4f39-9e4a-3f2a1c5d8e90"
OPENED = {"kind": "opened", "product_id": "8123"}


async def stored(resources: Resources) -> list[StorefrontEvent]:
    async with resources.sessionmaker() as session:
        rows = await session.scalars(select(StorefrontEvent).order_by(StorefrontEvent.kind))
        return list(rows.all())


async def day_counts(resources: Resources) -> set[tuple[str, int]]:
    async with resources.sessionmaker() as session:
        rows = await session.execute(
            select(StorefrontEventCount.kind, StorefrontEventCount.events).where(
                StorefrontEventCount.day == utc_today(),
                StorefrontEventCount.product_id == "gid://shopify/Product/8123",
            )
        )
        return {(row.kind, row.events) for row in rows}


def batch(*events: dict[str, Any], visitor: str = VISITOR) -> dict[str, Any]:
    return {"visitor_id": visitor, "events": list(events)}


async def test_a_batch_is_stored_with_the_visitor_and_the_logged_in_customer(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    shop = await create_shop(resources, SHOP)
    render = str(uuid.uuid4())
    body = batch(
        {"kind": "opened", "product_id": "8123"},
        {"kind": "rendered", "product_id": "8123", "variant_id": "4401", "render_id": render},
        {
            "kind": "added_to_cart",
            "product_id": "gid://shopify/Product/8123",
            "variant_id": "4401",
            "render_id": render,
        },
    )
    response = await client.post(proxy_url("/proxy/events", SHOP, logged_in_customer_id="6050"), json=body)

    assert response.status_code == 204, response.text
    assert response.content == b""
    rows = await stored(resources)
    assert [r.kind for r in rows] == ["added_to_cart", "opened", "rendered"]
    assert {r.shop_id for r in rows} == {shop.id}
    assert {r.visitor_id for r in rows} == {uuid.UUID(VISITOR)}
    assert {r.customer_id for r in rows} == {"6050"}
    assert {r.product_id for r in rows} == {"gid://shopify/Product/8123"}
    cart, opened, rendered = rows
    assert cart.variant_id == rendered.variant_id == "gid://shopify/ProductVariant/4401"
    assert cart.render_id == rendered.render_id == uuid.UUID(render)
    assert opened.variant_id is None
    assert opened.render_id is None
    # The day's counts moved in the same statement; a second batch adds to them.
    await client.post(proxy_url("/proxy/events", SHOP), json=batch(OPENED, OPENED))
    assert await day_counts(resources) == {("opened", 3), ("rendered", 1), ("added_to_cart", 1)}


async def test_an_anonymous_shopper_is_only_a_visitor_id(client: httpx.AsyncClient, resources: Resources) -> None:
    await create_shop(resources, SHOP)
    response = await client.post(proxy_url("/proxy/events", SHOP), json=batch(OPENED))
    assert response.status_code == 204
    [row] = await stored(resources)
    assert row.customer_id is None
    assert row.visitor_id == uuid.UUID(VISITOR)


@pytest.mark.parametrize(
    "body",
    [
        batch({"kind": "bought", "product_id": "1"}),
        batch({"kind": "opened", "product_id": "shoe"}),
        batch({"kind": "opened", "product_id": "gid://shopify/Order/1"}),
        batch({"kind": "opened", "product_id": "1", "email": "a@example.com"}),
        batch({"kind": "opened", "product_id": "1"}, visitor="not-a-uuid"),
        batch({"kind": "opened"}),
        batch(*[{"kind": "opened", "product_id": "1"}] * 26),
        {"visitor_id": VISITOR, "events": []},
        {"visitor_id": VISITOR, "events": [{"kind": "opened", "product_id": "1"}], "name": "Ada"},
    ],
    ids=["kind", "product", "other-gid", "extra-field", "visitor", "no-product", "too-many", "empty", "personal-data"],
)
async def test_a_malformed_batch_is_refused_whole(
    client: httpx.AsyncClient, resources: Resources, body: dict[str, Any]
) -> None:
    await create_shop(resources, SHOP)
    response = await client.post(proxy_url("/proxy/events", SHOP), json=body)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert await stored(resources) == []


async def test_an_unsigned_batch_is_refused(client: httpx.AsyncClient, resources: Resources) -> None:
    await create_shop(resources, SHOP)
    response = await client.post(f"/proxy/events?shop={SHOP}", json=batch({"kind": "opened", "product_id": "1"}))
    assert response.status_code == 401
    assert await stored(resources) == []


async def test_a_text_plain_beacon_is_refused_as_not_json(client: httpx.AsyncClient, resources: Resources) -> None:
    # The block sends its beacons as application/json; anything else is not one of ours.
    await create_shop(resources, SHOP)
    response = await client.post(
        proxy_url("/proxy/events", SHOP), content=b"kind=opened", headers={"Content-Type": "text/plain"}
    )
    assert response.status_code in (400, 422)
    assert await stored(resources) == []


async def test_a_flood_from_one_visitor_is_rate_limited(client: httpx.AsyncClient, resources: Resources) -> None:
    await create_shop(resources, SHOP)
    resources.settings.events_rate_limit_per_minute = 40  # a visitor may send 2 batches a minute
    try:
        answers = [
            (await client.post(proxy_url("/proxy/events", SHOP), json=batch(OPENED))).status_code for _ in range(3)
        ]
        other = await client.post(proxy_url("/proxy/events", SHOP), json=batch(OPENED, visitor=str(uuid.uuid4())))
    finally:
        resources.settings.events_rate_limit_per_minute = 1200
    assert answers == [204, 204, 429]
    assert other.status_code == 204, "another shopper is not held back by the first"
    assert len(await stored(resources)) == 3
    assert await day_counts(resources) == {("opened", 3)}
