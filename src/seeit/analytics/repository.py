"""Every query on ``storefront_events`` and ``order_attributions``."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True)
class NewEvent:
    kind: str
    product_id: str
    variant_id: str | None
    render_id: uuid.UUID | None


# One statement per batch, whatever its size: the rows travel as four arrays, and the day's counts move in the
# same statement. The counts are upserted in (product, kind) order, so two batches never wait on each other in
# opposite orders.
_APPEND_EVENTS = """
WITH batch AS (
    SELECT e.kind, e.product_id, e.variant_id, e.render_id
    FROM unnest($4::text[], $5::text[], $6::text[], $7::uuid[]) AS e(kind, product_id, variant_id, render_id)
), stored AS (
    INSERT INTO storefront_events (id, shop_id, kind, visitor_id, customer_id, product_id, variant_id, render_id)
    SELECT gen_random_uuid(), $1, kind, $2, $3, product_id, variant_id, render_id FROM batch
)
INSERT INTO storefront_event_counts AS counted (shop_id, day, product_id, kind, events)
SELECT $1, (now() AT TIME ZONE 'UTC')::date, product_id, kind, count(*)
FROM batch GROUP BY product_id, kind ORDER BY product_id, kind
ON CONFLICT (shop_id, day, product_id, kind) DO UPDATE SET events = counted.events + excluded.events
"""


async def insert_events_on_driver(
    driver: Any,
    shop_id: uuid.UUID,
    visitor_id: uuid.UUID,
    customer_id: str | None,
    events: Sequence[NewEvent],
) -> None:
    """Append a batch of one visitor's events and count them in their day, in the transaction open on a
    request's asyncpg connection."""
    # Analytics, not money: a crash may lose the last moment's events, and the shopper's beacon never waits
    # for the disk (bench/analytics.py measures both commits).
    await driver.execute("SET LOCAL synchronous_commit TO OFF")
    await driver.execute(
        _APPEND_EVENTS,
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


@dataclass
class Tally:
    """Events per kind, and the orders and revenue attributed."""

    by_kind: dict[str, int] = field(default_factory=dict)
    orders: int = 0
    revenue: dict[str, Decimal] = field(default_factory=dict)


# The funnel reads the day counts, a few rows per product and day, never the events themselves.
_EVENTS_BY_DAY = text(
    """
    SELECT day, kind, sum(events) AS events FROM storefront_event_counts
    WHERE shop_id = :shop_id AND day BETWEEN :first AND :last GROUP BY day, kind
    """
)

_EVENTS_BY_PRODUCT = text(
    """
    SELECT product_id, kind, sum(events) AS events FROM storefront_event_counts
    WHERE shop_id = :shop_id AND day BETWEEN :first AND :last GROUP BY product_id, kind
    """
)


def _range(shop_id: uuid.UUID, first: date, last: date) -> dict[str, Any]:
    return {"shop_id": shop_id, "first": first, "last": last}


async def events_by_day(session: AsyncSession, shop_id: uuid.UUID, first: date, last: date) -> dict[date, Tally]:
    days: dict[date, Tally] = {}
    for row in await session.execute(_EVENTS_BY_DAY, _range(shop_id, first, last)):
        days.setdefault(row.day, Tally()).by_kind[row.kind] = int(row.events)
    return days


async def events_by_product(session: AsyncSession, shop_id: uuid.UUID, first: date, last: date) -> dict[str, Tally]:
    products: dict[str, Tally] = {}
    for row in await session.execute(_EVENTS_BY_PRODUCT, _range(shop_id, first, last)):
        products.setdefault(row.product_id, Tally()).by_kind[row.kind] = int(row.events)
    return products


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


def _add_orders(into: Tally, orders: int, currency: str, revenue: Decimal) -> None:
    into.orders += orders
    into.revenue[currency] = into.revenue.get(currency, Decimal(0)) + revenue


def _times(shop_id: uuid.UUID, first: date, last: date) -> dict[str, Any]:
    start = datetime.combine(first, time(), UTC)
    return {"shop_id": shop_id, "start": start, "end": start + timedelta(days=(last - first).days + 1)}


async def add_orders_by_day(
    session: AsyncSession, shop_id: uuid.UUID, first: date, last: date, days: dict[date, Tally]
) -> None:
    """Add each UTC day's attributed orders and revenue to ``days``."""
    for row in await session.execute(_ORDERS_BY_DAY, _times(shop_id, first, last)):
        _add_orders(days.setdefault(row.day, Tally()), row.orders, row.currency, row.revenue)


async def add_orders_by_product(
    session: AsyncSession, shop_id: uuid.UUID, first: date, last: date, products: dict[str, Tally]
) -> None:
    """Add each product's attributed orders and the revenue of its attributed lines to ``products``."""
    for row in await session.execute(_ORDERS_BY_PRODUCT, _times(shop_id, first, last)):
        _add_orders(products.setdefault(row.product_id, Tally()), row.orders, row.currency, row.revenue)


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
