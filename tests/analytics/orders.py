"""Orders as Shopify's ``orders/create`` delivers them, and the renders and events they may follow."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import text

from seeit.db import transaction, utcnow
from seeit.models import RenderJob, StorefrontEvent
from seeit.resources import Resources

VISITOR = uuid.UUID("0b8e2f8a-6f0c-4c51-a7a5-1d2c3b4a5f60")


def line(
    product: int,
    price: str,
    *,
    quantity: int = 1,
    variant: int | None = None,
    render: uuid.UUID | str | None = None,
    discount: str | None = None,
    currency: str = "EUR",
) -> dict[str, Any]:
    """A REST line item, with the ``_see_it_render`` property when ``render`` is given."""
    money = {"amount": price, "currency_code": currency}
    properties = [{"name": "gift_note", "value": "for mum"}]
    if render is not None:
        properties.append({"name": "_see_it_render", "value": str(render)})
    allocations = []
    if discount is not None:
        allocations.append(
            {"amount": discount, "amount_set": {"shop_money": {"amount": discount, "currency_code": currency}}}
        )
    return {
        "id": product * 10 + quantity,
        "admin_graphql_api_id": f"gid://shopify/LineItem/{product * 10 + quantity}",
        "product_id": product,
        "variant_id": variant if variant is not None else product + 1000,
        "title": f"Product {product}",
        "quantity": quantity,
        "price": price,
        "price_set": {"shop_money": money, "presentment_money": money},
        "properties": properties,
        "discount_allocations": allocations,
    }


def order(
    order_id: int,
    lines: list[dict[str, Any]],
    *,
    customer: int | None = None,
    visitor: uuid.UUID | None = None,
    created_at: datetime | None = None,
    currency: str = "EUR",
) -> dict[str, Any]:
    """A REST order (the parts attribution reads, and some personal data it must not keep)."""
    return {
        "id": order_id,
        "admin_graphql_api_id": f"gid://shopify/Order/{order_id}",
        "name": f"#{order_id % 10000}",
        "email": "shopper@example.com",
        "created_at": (created_at or utcnow()).isoformat(),
        "currency": currency,
        "presentment_currency": currency,
        "total_price": "999.00",
        "customer": {"id": customer, "email": "shopper@example.com", "first_name": "Ada"} if customer else None,
        "billing_address": {"address1": "1 Rue de la Paix", "city": "Paris"},
        "note_attributes": [{"name": "_see_it_visitor", "value": str(visitor)}] if visitor else [],
        "line_items": lines,
    }


async def add_render(resources: Resources, shop_id: uuid.UUID, product: int) -> uuid.UUID:
    """A completed render of ``product`` in the shop."""
    job_id = uuid.uuid4()
    async with transaction(resources) as session:
        session.add(
            RenderJob(
                id=job_id,
                shop_id=shop_id,
                product_id=f"gid://shopify/Product/{product}",
                placement_x=0.5,
                placement_y=0.8,
                placement_scale=0.3,
                status="completed",
            )
        )
    return job_id


_COUNT = text(
    """
    INSERT INTO storefront_event_counts AS counted (shop_id, day, product_id, kind, events)
    VALUES (:shop_id, :day, :product_id, :kind, 1)
    ON CONFLICT (shop_id, day, product_id, kind) DO UPDATE SET events = counted.events + 1
    """
)


async def add_event(
    resources: Resources,
    shop_id: uuid.UUID,
    kind: str,
    *,
    product: int,
    visitor: uuid.UUID = VISITOR,
    customer: str | None = None,
    ago: timedelta = timedelta(0),
    render: uuid.UUID | None = None,
) -> None:
    """An event ``ago`` in the past, counted in its day as ``POST /proxy/events`` counts them."""
    at = utcnow() - ago
    product_gid = f"gid://shopify/Product/{product}"
    async with transaction(resources) as session:
        session.add(
            StorefrontEvent(
                shop_id=shop_id,
                kind=kind,
                visitor_id=visitor,
                customer_id=customer,
                product_id=product_gid,
                render_id=render,
                occurred_at=at,
            )
        )
        await session.execute(_COUNT, {"shop_id": shop_id, "day": at.date(), "product_id": product_gid, "kind": kind})
