"""``GET /api/admin/analytics``: what shoppers did by day and by product, attributed orders and revenue, and
the rates between the steps, for the merchant's own shop only."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx

from seeit.resources import Resources
from seeit.shops import repository as shops_repository
from seeit.usage.repository import utc_today
from tests.analytics.orders import VISITOR, add_event, add_render, line, order
from tests.shopify.test_webhooks import deliver
from tests.support import admin_headers, create_shop

SHOP = "funnel.myshopify.com"
ARMCHAIR, LAMP = 8001, 8002


async def test_the_funnel_counts_events_orders_and_revenue_by_day_and_by_product(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    shop = await create_shop(resources, SHOP)
    other = await create_shop(resources, "other.myshopify.com")
    second = uuid.uuid4()
    yesterday = timedelta(days=1)
    # Today: one shopper opens the armchair on two pages, uploads, renders it twice, adds it to the cart; a
    # second shopper opens the lamp and leaves.
    for _ in range(2):
        await add_event(resources, shop.id, "opened", product=ARMCHAIR)
    await add_event(resources, shop.id, "room_uploaded", product=ARMCHAIR)
    for _ in range(2):
        await add_event(resources, shop.id, "rendered", product=ARMCHAIR)
    await add_event(resources, shop.id, "added_to_cart", product=ARMCHAIR)
    await add_event(resources, shop.id, "opened", product=LAMP, visitor=second)
    # Yesterday: the second shopper rendered and shared the lamp.
    await add_event(resources, shop.id, "opened", product=LAMP, visitor=second, ago=yesterday)
    await add_event(resources, shop.id, "rendered", product=LAMP, visitor=second, ago=yesterday)
    await add_event(resources, shop.id, "shared", product=LAMP, visitor=second, ago=yesterday)
    # Another shop's shopper is not this shop's.
    await add_event(resources, other.id, "opened", product=ARMCHAIR, visitor=uuid.uuid4())
    # The first shopper's order of the armchair, through the render.
    render = await add_render(resources, shop.id, ARMCHAIR)
    placed = order(7001, [line(ARMCHAIR, "420.00", render=render), line(LAMP, "60.00")], visitor=VISITOR)
    assert (await deliver(client, "orders/create", placed, shop=SHOP)).status_code == 200

    today = utc_today()
    response = await client.get(
        "/api/admin/analytics",
        params={"from": str(today - timedelta(days=6)), "to": str(today)},
        headers=admin_headers(SHOP),
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["from"], body["to"], body["attribution_window_days"]) == (
        str(today - timedelta(days=6)),
        str(today),
        7,
    )
    assert body["totals"] == {
        "opens": 4,
        "uploads": 1,
        "renders": 3,
        "shares": 1,
        "downloads": 0,
        "carts": 1,
        "orders": 1,
        "revenue": {"EUR": "420.00"},
        "render_rate": 0.75,
        "cart_rate": 0.3333,
        "order_rate": 0.3333,
    }
    assert [day["date"] for day in body["days"]] == [str(today - timedelta(days=n)) for n in range(6, -1, -1)]
    by_day = {day["date"]: day for day in body["days"]}
    assert (by_day[str(today)]["opens"], by_day[str(today)]["renders"], by_day[str(today)]["orders"]) == (3, 2, 1)
    assert by_day[str(today)]["revenue"] == {"EUR": "420.00"}
    assert (by_day[str(today - yesterday)]["renders"], by_day[str(today - yesterday)]["shares"]) == (1, 1)
    assert by_day[str(today - timedelta(days=3))]["opens"] == 0
    assert by_day[str(today - timedelta(days=3))]["render_rate"] is None

    armchair, lamp = body["products"]
    assert (armchair["product_id"], armchair["product_gid"]) == (str(ARMCHAIR), f"gid://shopify/Product/{ARMCHAIR}")
    assert (armchair["opens"], armchair["renders"], armchair["carts"], armchair["orders"]) == (2, 2, 1, 1)
    assert armchair["revenue"] == {"EUR": "420.00"}
    assert armchair["cart_rate"] == 0.5
    assert (lamp["product_id"], lamp["opens"], lamp["renders"], lamp["orders"], lamp["revenue"]) == (
        str(LAMP),
        2,
        1,
        0,
        {},
    )


async def test_the_range_defaults_to_30_days_and_is_checked(client: httpx.AsyncClient, resources: Resources) -> None:
    await create_shop(resources, SHOP)
    default = await client.get("/api/admin/analytics", headers=admin_headers(SHOP))
    assert default.status_code == 200
    assert len(default.json()["days"]) == 30
    assert default.json()["totals"]["opens"] == 0
    assert default.json()["products"] == []

    reversed_range = await client.get(
        "/api/admin/analytics", params={"from": "2026-05-02", "to": "2026-05-01"}, headers=admin_headers(SHOP)
    )
    too_long = await client.get(
        "/api/admin/analytics", params={"from": "2024-01-01", "to": "2026-01-01"}, headers=admin_headers(SHOP)
    )
    assert reversed_range.status_code == too_long.status_code == 422
    assert (await client.get("/api/admin/analytics")).status_code == 401


async def test_top_products_carry_their_titles_from_shopify_and_do_without_when_it_is_down(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any
) -> None:
    assert (await client.post("/auth/token-exchange", headers=admin_headers(SHOP))).status_code == 200
    fake_shopify.add_product(SHOP, ARMCHAIR, "Ochre lounge armchair")
    async with resources.sessionmaker() as session:
        found = await shops_repository.shop_id_for(session, SHOP)
    assert found is not None
    await add_event(resources, found, "rendered", product=ARMCHAIR)
    await add_event(resources, found, "opened", product=LAMP)  # Shopify no longer has the lamp

    body = (await client.get("/api/admin/analytics", headers=admin_headers(SHOP))).json()
    assert [(p["product_id"], p["title"]) for p in body["products"]] == [
        (str(ARMCHAIR), "Ochre lounge armchair"),
        (str(LAMP), None),
    ]
    [asked] = [r for r in fake_shopify.graphql_requests(SHOP) if "SeeItProductTitles" in r.body["query"]]
    assert asked.body["variables"] == {"first": 2, "query": f"id:{ARMCHAIR} OR id:{LAMP}"}

    fake_shopify.fail_next(SHOP, 503)
    down = await client.get("/api/admin/analytics", headers=admin_headers(SHOP))
    assert down.status_code == 200, "the numbers are ours: they do not wait on Shopify"
    assert [p["title"] for p in down.json()["products"]] == [None, None]
    assert down.json()["totals"]["renders"] == 1
