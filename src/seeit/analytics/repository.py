"""Every query on ``storefront_events`` and ``order_attributions``."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.models import EVENT_KINDS


@dataclass(frozen=True)
class NewEvent:
    kind: str
    product_id: str | None
    variant_id: str | None
    render_id: uuid.UUID | None


# One statement per batch, whatever its size: the rows travel as four arrays.
_INSERT_EVENTS = """
INSERT INTO storefront_events (id, shop_id, kind, visitor_id, customer_id, product_id, variant_id, render_id)
SELECT gen_random_uuid(), $1, e.kind, $2, $3, e.product_id, e.variant_id, e.render_id
FROM unnest($4::text[], $5::text[], $6::text[], $7::uuid[]) AS e(kind, product_id, variant_id, render_id)
"""


async def insert_events_on_driver(
    driver: Any,
    shop_id: uuid.UUID,
    visitor_id: uuid.UUID,
    customer_id: str | None,
    events: Sequence[NewEvent],
) -> None:
    """Append a batch of one visitor's events, on a request's asyncpg connection."""
    await driver.execute(
        _INSERT_EVENTS,
        shop_id,
        visitor_id,
        customer_id,
        [e.kind for e in events],
        [e.product_id for e in events],
        [e.variant_id for e in events],
        [e.render_id for e in events],
    )


# --- attribution ----------------------------------------------------------------------------------------

_RENDERED_BY_SHOPPER = text(
    """
    SELECT DISTINCT ON (product_id) product_id, render_id,
           CASE WHEN customer_id = :customer_id THEN 'customer' ELSE 'visitor' END AS matched_by
    FROM storefront_events
    WHERE shop_id = :shop_id AND kind = 'rendered' AND product_id = ANY(CAST(:product_ids AS text[]))
      AND occurred_at >= :since AND occurred_at <= :until
      AND (customer_id = :customer_id OR visitor_id = :visitor_id)
    ORDER BY product_id, (customer_id = :customer_id) DESC NULLS LAST, occurred_at DESC
    """
)


@dataclass(frozen=True)
class ShopperRender:
    render_id: uuid.UUID | None
    matched_by: str


async def renders_by_shopper(
    session: AsyncSession,
    shop_id: uuid.UUID,
    *,
    customer_id: str | None,
    visitor_id: uuid.UUID | None,
    product_ids: Sequence[str],
    since: datetime,
    until: datetime,
) -> dict[str, ShopperRender]:
    """For each of these products the customer or the visitor rendered between ``since`` and ``until``: their
    latest render of it (the customer's before the visitor's)."""
    if not product_ids or (customer_id is None and visitor_id is None):
        return {}
    rows = await session.execute(
        _RENDERED_BY_SHOPPER,
        {
            "shop_id": shop_id,
            "customer_id": customer_id,
            "visitor_id": visitor_id,
            "product_ids": list(product_ids),
            "since": since,
            "until": until,
        },
    )
    return {row.product_id: ShopperRender(row.render_id, row.matched_by) for row in rows}


@dataclass(frozen=True)
class NewAttribution:
    shop_id: uuid.UUID
    order_id: str
    order_name: str | None
    ordered_at: datetime
    customer_id: str | None
    visitor_id: uuid.UUID | None
    amount: Decimal
    currency: str
    lines: list[dict[str, Any]]


_SAVE_ATTRIBUTION = text(
    """
    INSERT INTO order_attributions
        (id, shop_id, order_id, order_name, ordered_at, customer_id, visitor_id, amount, currency, lines)
    VALUES (:id, :shop_id, :order_id, :order_name, :ordered_at, :customer_id, :visitor_id, :amount, :currency,
            CAST(:lines AS jsonb))
    ON CONFLICT (shop_id, order_id) DO NOTHING
    RETURNING id
    """
)


async def save_attribution(session: AsyncSession, attribution: NewAttribution) -> bool:
    """Store the order's attribution unless the order already has one; True when this call stored it."""
    stored = await session.scalar(
        _SAVE_ATTRIBUTION,
        {
            "id": uuid.uuid4(),
            "shop_id": attribution.shop_id,
            "order_id": attribution.order_id,
            "order_name": attribution.order_name,
            "ordered_at": attribution.ordered_at,
            "customer_id": attribution.customer_id,
            "visitor_id": attribution.visitor_id,
            "amount": attribution.amount,
            "currency": attribution.currency,
            "lines": json.dumps(attribution.lines),
        },
    )
    return stored is not None


# --- the funnel ----------------------------------------------------------------------------------------


def _counts_by_kind() -> str:
    return ", ".join(f"count(*) FILTER (WHERE kind = '{kind}') AS {kind}" for kind in EVENT_KINDS)


# Each step counts shoppers, not clicks: a visitor is counted once per kind in each group. The DISTINCT
# runs over the index's own columns (``ix_storefront_events_shop_id_occurred_at`` includes them).
_SHOPPERS_BY_DAY = text(
    f"""
    WITH seen AS (
        SELECT DISTINCT (occurred_at AT TIME ZONE 'UTC')::date AS day, kind, visitor_id
        FROM storefront_events
        WHERE shop_id = :shop_id AND occurred_at >= :start AND occurred_at < :end
    )
    SELECT day, {_counts_by_kind()} FROM seen GROUP BY day
    """
)

_SHOPPERS_BY_PRODUCT = text(
    f"""
    WITH seen AS (
        SELECT DISTINCT product_id, kind, visitor_id
        FROM storefront_events
        WHERE shop_id = :shop_id AND occurred_at >= :start AND occurred_at < :end AND product_id IS NOT NULL
    )
    SELECT product_id, {_counts_by_kind()} FROM seen GROUP BY product_id
    """
)

_SHOPPERS_IN_RANGE = text(
    f"""
    WITH seen AS (
        SELECT DISTINCT kind, visitor_id
        FROM storefront_events
        WHERE shop_id = :shop_id AND occurred_at >= :start AND occurred_at < :end
    )
    SELECT {_counts_by_kind()} FROM seen
    """
)


@dataclass
class Shoppers:
    """Distinct visitors per event kind, and the orders and revenue attributed."""

    by_kind: dict[str, int] = field(default_factory=dict)
    orders: int = 0
    revenue: dict[str, Decimal] = field(default_factory=dict)


def _shoppers(row: Any) -> Shoppers:
    return Shoppers(by_kind={kind: int(getattr(row, kind)) for kind in EVENT_KINDS})


def _params(shop_id: uuid.UUID, start: datetime, end: datetime) -> dict[str, Any]:
    return {"shop_id": shop_id, "start": start, "end": end}


async def shoppers_by_day(
    session: AsyncSession, shop_id: uuid.UUID, start: datetime, end: datetime
) -> dict[date, Shoppers]:
    rows = await session.execute(_SHOPPERS_BY_DAY, _params(shop_id, start, end))
    return {row.day: _shoppers(row) for row in rows}


async def shoppers_by_product(
    session: AsyncSession, shop_id: uuid.UUID, start: datetime, end: datetime
) -> dict[str, Shoppers]:
    rows = await session.execute(_SHOPPERS_BY_PRODUCT, _params(shop_id, start, end))
    return {row.product_id: _shoppers(row) for row in rows}


async def shoppers_in_range(session: AsyncSession, shop_id: uuid.UUID, start: datetime, end: datetime) -> Shoppers:
    row = (await session.execute(_SHOPPERS_IN_RANGE, _params(shop_id, start, end))).one()
    return _shoppers(row)


_ORDERS_BY_DAY = text(
    """
    SELECT (ordered_at AT TIME ZONE 'UTC')::date AS day, currency, count(*) AS orders, sum(amount) AS revenue
    FROM order_attributions
    WHERE shop_id = :shop_id AND ordered_at >= :start AND ordered_at < :end
    GROUP BY day, currency
    """
)

_ORDERS_BY_PRODUCT = text(
    """
    SELECT line.product_id, a.currency, count(DISTINCT a.id) AS orders, sum(line.amount) AS revenue
    FROM order_attributions a
    CROSS JOIN LATERAL jsonb_to_recordset(a.lines) AS line(product_id text, amount numeric)
    WHERE a.shop_id = :shop_id AND a.ordered_at >= :start AND a.ordered_at < :end
    GROUP BY line.product_id, a.currency
    """
)


def _add_orders(into: Shoppers, orders: int, currency: str, revenue: Decimal) -> None:
    into.orders += orders
    into.revenue[currency] = into.revenue.get(currency, Decimal(0)) + revenue


async def add_orders_by_day(
    session: AsyncSession, shop_id: uuid.UUID, start: datetime, end: datetime, days: dict[date, Shoppers]
) -> None:
    """Add each day's attributed orders and revenue to ``days`` (days with orders only are added)."""
    for row in await session.execute(_ORDERS_BY_DAY, _params(shop_id, start, end)):
        _add_orders(days.setdefault(row.day, Shoppers()), row.orders, row.currency, row.revenue)


async def add_orders_by_product(
    session: AsyncSession, shop_id: uuid.UUID, start: datetime, end: datetime, products: dict[str, Shoppers]
) -> None:
    """Add each product's attributed orders and the revenue of its attributed lines to ``products``."""
    for row in await session.execute(_ORDERS_BY_PRODUCT, _params(shop_id, start, end)):
        _add_orders(products.setdefault(row.product_id, Shoppers()), row.orders, row.currency, row.revenue)


# --- redaction -----------------------------------------------------------------------------------------

_VISITORS_OF_CUSTOMER = text(
    """
    SELECT DISTINCT visitor_id FROM storefront_events WHERE shop_id = :shop_id AND customer_id = :customer_id
    UNION
    SELECT visitor_id FROM order_attributions
    WHERE shop_id = :shop_id AND customer_id = :customer_id AND visitor_id IS NOT NULL
    """
)

_ERASE_EVENTS = text(
    """
    DELETE FROM storefront_events
    WHERE shop_id = :shop_id AND (customer_id = :customer_id OR visitor_id = ANY(CAST(:visitor_ids AS uuid[])))
    """
)

_ERASE_ATTRIBUTIONS = text(
    """
    DELETE FROM order_attributions
    WHERE shop_id = :shop_id
      AND (customer_id = :customer_id OR order_id = ANY(CAST(:order_ids AS text[]))
           OR visitor_id = ANY(CAST(:visitor_ids AS uuid[])))
    """
)


async def erase_customer(
    session: AsyncSession, shop_id: uuid.UUID, customer_id: str | None, order_ids: Sequence[str]
) -> tuple[int, int]:
    """Delete the customer's events (and those of the visitor ids seen with them) and the attributions of
    their orders; returns how many events and attributions went."""
    visitor_ids: list[uuid.UUID] = []
    if customer_id is not None:
        rows = await session.execute(_VISITORS_OF_CUSTOMER, {"shop_id": shop_id, "customer_id": customer_id})
        visitor_ids = [row.visitor_id for row in rows]
    params = {
        "shop_id": shop_id,
        "customer_id": customer_id,
        "visitor_ids": visitor_ids,
        "order_ids": list(order_ids),
    }
    events = await session.execute(_ERASE_EVENTS, params)
    attributions = await session.execute(_ERASE_ATTRIBUTIONS, params)
    return int(events.rowcount), int(attributions.rowcount)  # type: ignore[attr-defined]


_COUNT_CUSTOMER = text(
    """
    SELECT (SELECT count(*) FROM storefront_events WHERE shop_id = :shop_id AND customer_id = :customer_id),
           (SELECT count(*) FROM order_attributions WHERE shop_id = :shop_id AND customer_id = :customer_id)
    """
)


async def customer_record_counts(session: AsyncSession, shop_id: uuid.UUID, customer_id: str) -> tuple[int, int]:
    """How many events and attributed orders carry this customer id (for ``customers/data_request``)."""
    row = (await session.execute(_COUNT_CUSTOMER, {"shop_id": shop_id, "customer_id": customer_id})).one()
    return int(row[0]), int(row[1])
