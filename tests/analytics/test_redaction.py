"""``customers/redact`` erases the customer's events (their anonymous ones too) and the attributions of their
orders, and nobody else's; ``shop/redact`` erases the shop's; ``customers/data_request`` says what is kept."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from arq.worker import Worker
from sqlalchemy import func, select

from seeit.models import OrderAttribution, StorefrontEvent
from seeit.resources import Resources
from tests.analytics.orders import add_event, add_render, line, order
from tests.shopify.test_webhooks import deliver, events
from tests.support import create_shop

SHOP = "redact.myshopify.com"
ARMCHAIR = 8001


async def counts(resources: Resources) -> dict[str, Any]:
    async with resources.sessionmaker() as session:
        by_visitor = await session.execute(
            select(StorefrontEvent.visitor_id, func.count()).group_by(StorefrontEvent.visitor_id)
        )
        orders = await session.scalars(select(OrderAttribution.order_id).order_by(OrderAttribution.order_id))
        return {"events": dict(by_visitor.all()), "orders": list(orders.all())}


async def seed(resources: Resources, shop_id: uuid.UUID, client: httpx.AsyncClient) -> dict[str, uuid.UUID]:
    """Ada (customer 6050) browsed anonymously, then logged in; Bo (7070) is another customer; a third shopper
    never logged in. Each of Ada and Bo has an attributed order; Ada has a second one, anonymous."""
    ada, bo, anonymous = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await add_event(resources, shop_id, "opened", product=ARMCHAIR, visitor=ada)
    await add_event(resources, shop_id, "rendered", product=ARMCHAIR, visitor=ada, customer="6050")
    await add_event(resources, shop_id, "rendered", product=ARMCHAIR, visitor=bo, customer="7070")
    await add_event(resources, shop_id, "rendered", product=ARMCHAIR, visitor=anonymous)
    render = await add_render(resources, shop_id, ARMCHAIR)
    for placed in (
        order(9001, [line(ARMCHAIR, "420.00")], customer=6050),
        order(9002, [line(ARMCHAIR, "420.00", render=render)], visitor=ada),
        order(9003, [line(ARMCHAIR, "420.00")], customer=7070),
        order(9004, [line(ARMCHAIR, "420.00")], visitor=anonymous),
    ):
        assert (await deliver(client, "orders/create", placed, shop=SHOP)).status_code == 200
    return {"ada": ada, "bo": bo, "anonymous": anonymous}


async def test_customers_redact_erases_the_customer_and_nobody_else(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    shop = await create_shop(resources, SHOP)
    shoppers = await seed(resources, shop.id, client)
    before = await counts(resources)
    assert before["orders"] == ["9001", "9002", "9003", "9004"]

    payload = {
        "shop_id": 1,
        "shop_domain": SHOP,
        "customer": {"id": 6050, "email": "ada@example.com", "phone": None},
        "orders_to_redact": [9001],
    }
    response = await deliver(client, "customers/redact", payload, shop=SHOP)

    assert response.json() == {"status": "processed"}
    after = await counts(resources)
    assert after["events"] == {shoppers["bo"]: 1, shoppers["anonymous"]: 1}, "Ada's anonymous events went too"
    assert after["orders"] == ["9003", "9004"]


async def test_customers_redact_of_a_customer_never_seen_changes_nothing(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    shop = await create_shop(resources, SHOP)
    await seed(resources, shop.id, client)
    before = await counts(resources)
    payload = {"shop_domain": SHOP, "customer": {"id": 1234}, "orders_to_redact": []}
    assert (await deliver(client, "customers/redact", payload, shop=SHOP)).status_code == 200
    assert await counts(resources) == before


async def test_a_data_request_says_what_is_kept_under_the_customer(
    client: httpx.AsyncClient, resources: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    shop = await create_shop(resources, SHOP)
    await seed(resources, shop.id, client)
    payload = {"shop_domain": SHOP, "customer": {"id": 6050}, "data_request": {"id": 88}, "orders_requested": []}
    with caplog.at_level("INFO", logger="seeit.webhooks.service"):
        await deliver(client, "customers/data_request", payload, shop=SHOP)
    assert any(
        "1 storefront events and 1 attributed orders are kept" in r.getMessage() and "88" in r.getMessage()
        for r in caplog.records
    )


async def test_shop_redact_erases_the_shops_events_and_attributions(
    client: httpx.AsyncClient, resources: Resources, worker: Worker
) -> None:
    shop = await create_shop(resources, SHOP)
    other = await create_shop(resources, "kept.myshopify.com")
    await seed(resources, shop.id, client)
    await add_event(resources, other.id, "opened", product=ARMCHAIR)
    assert (await deliver(client, "app/uninstalled", {"id": 1}, shop=SHOP)).status_code == 200

    await deliver(client, "shop/redact", {"shop_id": 1, "shop_domain": SHOP}, shop=SHOP, event_id="bye")
    for _ in range(200):
        if all(e.processed_at is not None for e in await events(resources) if e.topic == "shop/redact"):
            break
        await asyncio.sleep(0.05)

    async with resources.sessionmaker() as session:
        kept = (await session.scalars(select(StorefrontEvent.shop_id))).all()
        orders = (await session.scalars(select(OrderAttribution.id))).all()
    assert set(kept) == {other.id}
    assert orders == []
