"""``orders/create``: lines carrying a render's id, and products the same shopper rendered within the window,
are attributed once per order with their amount and currency; nothing else of the order is kept."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

import httpx
from sqlalchemy import select

from seeit.models import OrderAttribution
from seeit.resources import Resources
from tests.analytics.orders import VISITOR, add_event, add_render, line, order
from tests.shopify.test_webhooks import deliver
from tests.support import create_shop

SHOP = "orders.myshopify.com"
ARMCHAIR, LAMP, RUG = 8001, 8002, 8003


async def attributions(resources: Resources) -> list[OrderAttribution]:
    async with resources.sessionmaker() as session:
        return list((await session.scalars(select(OrderAttribution).order_by(OrderAttribution.order_id))).all())


async def test_a_line_carrying_the_render_is_attributed_once_however_often_the_order_is_delivered(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    shop = await create_shop(resources, SHOP)
    render = await add_render(resources, shop.id, ARMCHAIR)
    placed = order(
        5001,
        [
            line(ARMCHAIR, "420.00", quantity=2, render=render, discount="40.00"),
            line(LAMP, "60.00"),  # bought alongside, never rendered
        ],
    )

    first = await deliver(client, "orders/create", placed, shop=SHOP, event_id="order-5001")
    again = await deliver(client, "orders/create", placed, shop=SHOP, event_id="order-5001")
    # Shopify may also deliver the same order under another event (a second subscription, a replay).
    other_event = await deliver(client, "orders/create", placed, shop=SHOP, event_id="order-5001-replay")

    assert first.json() == {"status": "processed"}
    assert again.json() == {"status": "duplicate"}
    assert other_event.json() == {"status": "processed"}
    [stored] = await attributions(resources)
    assert stored.shop_id == shop.id
    assert (stored.order_id, stored.order_name) == ("5001", "#5001")
    assert (stored.amount, stored.currency) == (Decimal("800.00"), "EUR")
    assert stored.lines == [
        {
            "product_id": f"gid://shopify/Product/{ARMCHAIR}",
            "variant_id": f"gid://shopify/ProductVariant/{ARMCHAIR + 1000}",
            "quantity": 2,
            "amount": "800.00",
            "render_id": str(render),
            "matched_by": "render",
        }
    ]
    # Nothing personal came along: no e-mail, name or address anywhere in the row.
    assert "shopper@example.com" not in repr(stored.__dict__)
    assert "Paris" not in repr(stored.__dict__)


async def test_a_render_of_another_shop_or_product_claims_nothing(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    shop = await create_shop(resources, SHOP)
    other = await create_shop(resources, "elsewhere.myshopify.com")
    foreign = await add_render(resources, other.id, ARMCHAIR)
    lamp_render = await add_render(resources, shop.id, LAMP)
    placed = order(
        5002,
        [line(ARMCHAIR, "420.00", render=foreign), line(RUG, "90.00", render=lamp_render), line(LAMP, "1", render="x")],
    )
    response = await deliver(client, "orders/create", placed, shop=SHOP)
    assert response.json() == {"status": "processed"}
    assert await attributions(resources) == []


async def test_a_customer_who_rendered_the_product_within_the_window_is_attributed(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    shop = await create_shop(resources, SHOP)
    render = uuid.uuid4()
    await add_event(
        resources, shop.id, "rendered", product=ARMCHAIR, customer="6050", ago=timedelta(days=3), render=render
    )
    # Another customer's render of the lamp, and this customer's render of the rug too long ago.
    await add_event(resources, shop.id, "rendered", product=LAMP, customer="7777", visitor=uuid.uuid4())
    await add_event(resources, shop.id, "rendered", product=RUG, customer="6050", ago=timedelta(days=8))

    placed = order(5003, [line(ARMCHAIR, "420.00"), line(LAMP, "60.00"), line(RUG, "90.00")], customer=6050)
    await deliver(client, "orders/create", placed, shop=SHOP)

    [stored] = await attributions(resources)
    assert stored.customer_id == "6050"
    assert stored.amount == Decimal("420.00")
    assert [(entry["product_id"], entry["matched_by"], entry["render_id"]) for entry in stored.lines] == [
        (f"gid://shopify/Product/{ARMCHAIR}", "customer", str(render))
    ]


async def test_the_window_is_a_setting(client: httpx.AsyncClient, resources: Resources) -> None:
    shop = await create_shop(resources, SHOP)
    await add_event(resources, shop.id, "rendered", product=RUG, customer="6050", ago=timedelta(days=8))
    resources.settings.attribution_window_days = 10
    try:
        await deliver(client, "orders/create", order(5004, [line(RUG, "90.00")], customer=6050), shop=SHOP)
    finally:
        resources.settings.attribution_window_days = 7
    [stored] = await attributions(resources)
    assert stored.lines[0]["matched_by"] == "customer"


async def test_an_anonymous_shopper_is_followed_by_the_visitor_id_on_the_cart(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    shop = await create_shop(resources, SHOP)
    await add_event(resources, shop.id, "rendered", product=LAMP, ago=timedelta(hours=5))
    # A render after the order does not explain it.
    await add_event(resources, shop.id, "rendered", product=RUG, ago=timedelta(hours=-1))
    placed = order(5005, [line(LAMP, "60.00", quantity=3), line(RUG, "90.00")], visitor=VISITOR)
    await deliver(client, "orders/create", placed, shop=SHOP)

    [stored] = await attributions(resources)
    assert (stored.visitor_id, stored.customer_id) == (VISITOR, None)
    assert stored.amount == Decimal("180.00")
    assert [entry["matched_by"] for entry in stored.lines] == ["visitor"]


async def test_an_order_that_followed_no_render_stores_nothing(client: httpx.AsyncClient, resources: Resources) -> None:
    shop = await create_shop(resources, SHOP)
    await add_event(resources, shop.id, "opened", product=LAMP)  # opened, never rendered
    response = await deliver(client, "orders/create", order(5006, [line(LAMP, "60.00")], visitor=VISITOR), shop=SHOP)
    assert response.json() == {"status": "processed"}
    assert await attributions(resources) == []


async def test_an_order_without_an_id_is_refused(client: httpx.AsyncClient, resources: Resources) -> None:
    await create_shop(resources, SHOP)
    response = await deliver(client, "orders/create", {"line_items": [], "currency": "EUR"}, shop=SHOP)
    assert response.status_code == 400
    assert await attributions(resources) == []
