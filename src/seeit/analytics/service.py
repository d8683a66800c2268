"""What shoppers did and what it earned: events appended as they come, orders attributed to renders once,
the funnel read back by day and by product, and a customer's trail erased on request."""

from __future__ import annotations

import logging
import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.analytics import repository
from seeit.analytics.order_events import Order, OrderLine, order_from_webhook
from seeit.analytics.repository import NewAttribution, NewEvent, Tally
from seeit.analytics.schemas import (
    AnalyticsOut,
    DayFunnelOut,
    EventBatchIn,
    FunnelOut,
    ProductFunnelOut,
)
from seeit.config import Settings
from seeit.db import driver_connection
from seeit.renders import service as renders
from seeit.resources import Resources
from seeit.shopify.catalog import fetch_product_titles
from seeit.shopify.errors import ShopifyError
from seeit.shopify.ids import numeric_id, to_gid
from seeit.shops import service as shops

log = logging.getLogger(__name__)

ORDER_TOPIC = "orders/create"

TOP_PRODUCTS = 20


async def record_events(resources: Resources, shop_id: uuid.UUID, batch: EventBatchIn, customer_id: str | None) -> int:
    """Append one page's batch of events in a single statement; returns how many were stored."""
    events = [
        NewEvent(
            kind=event.kind,
            product_id=to_gid("Product", event.product_id),
            variant_id=to_gid("ProductVariant", event.variant_id) if event.variant_id else None,
            render_id=event.render_id,
        )
        for event in batch.events
    ]
    async with driver_connection(resources, transaction=True) as driver:
        await repository.insert_events_on_driver(driver, shop_id, batch.visitor_id, customer_id, events)
    return len(events)


# --- attribution ----------------------------------------------------------------------------------------


async def attribute_order(
    session: AsyncSession, settings: Settings, shop_id: uuid.UUID, order: Order
) -> NewAttribution | None:
    """Attribute the order's lines to renders and store it once; None when no line followed a render or the
    order was attributed already (a repeated delivery changes nothing).

    A line carrying the id of one of the shop's renders of its product is that render's. Any other line is
    attributed when the same customer (or visitor) rendered its product within the attribution window before
    the order.
    """
    claimed = await renders.products_of_renders(
        session, shop_id, sorted({line.render_id for line in order.lines if line.render_id is not None})
    )

    def carries_its_render(line: OrderLine) -> bool:
        return line.render_id is not None and claimed.get(line.render_id) == line.product_id

    unclaimed = [line for line in order.lines if not carries_its_render(line)]
    window = timedelta(days=settings.attribution_window_days)
    rendered = await repository.renders_by_shopper(
        session,
        shop_id,
        customer_id=order.customer_id,
        visitor_id=order.visitor_id,
        product_ids=sorted({line.product_id for line in unclaimed}),
        since=order.created_at - window,
        until=order.created_at,
    )
    lines: list[dict[str, Any]] = []
    render_id: uuid.UUID | None
    for line in order.lines:
        if carries_its_render(line):
            render_id, matched_by = line.render_id, "render"
        elif line.product_id in rendered:
            render_id, matched_by = rendered[line.product_id].render_id, rendered[line.product_id].matched_by
        else:
            continue
        lines.append(
            {
                "product_id": line.product_id,
                "variant_id": line.variant_id,
                "quantity": line.quantity,
                "amount": str(line.amount),
                "render_id": str(render_id) if render_id else None,
                "matched_by": matched_by,
            }
        )
    if not lines:
        return None
    attribution = NewAttribution(
        shop_id=shop_id,
        order_id=order.id,
        order_name=order.name,
        ordered_at=order.created_at,
        customer_id=order.customer_id,
        visitor_id=order.visitor_id,
        amount=sum((Decimal(line["amount"]) for line in lines), Decimal(0)),
        currency=order.currency,
        lines=lines,
    )
    return attribution if await repository.save_attribution(session, attribution) else None


# --- the funnel ----------------------------------------------------------------------------------------


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _funnel(tally: Tally) -> dict[str, Any]:
    kinds = tally.by_kind
    opens, renders, carts = kinds.get("opened", 0), kinds.get("rendered", 0), kinds.get("added_to_cart", 0)
    return {
        "opens": opens,
        "uploads": kinds.get("room_uploaded", 0),
        "renders": renders,
        "shares": kinds.get("shared", 0),
        "downloads": kinds.get("downloaded", 0),
        "carts": carts,
        "orders": tally.orders,
        "revenue": dict(sorted(tally.revenue.items())),
        "render_rate": _rate(renders, opens),
        "cart_rate": _rate(carts, renders),
        "order_rate": _rate(tally.orders, renders),
    }


def _add(into: Tally, other: Tally) -> None:
    for kind, count in other.by_kind.items():
        into.by_kind[kind] = into.by_kind.get(kind, 0) + count
    into.orders += other.orders
    for currency, amount in other.revenue.items():
        into.revenue[currency] = into.revenue.get(currency, Decimal(0)) + amount


def _product_rank(item: tuple[str, Tally]) -> tuple[int, ...]:
    kinds = item[1].by_kind
    return (kinds.get("rendered", 0), kinds.get("added_to_cart", 0), item[1].orders, kinds.get("opened", 0))


async def analytics(
    session: AsyncSession, settings: Settings, shop_id: uuid.UUID, first: date, last: date
) -> AnalyticsOut:
    """The funnel from ``first`` to ``last`` (UTC days, inclusive): in all, per day, per product."""
    days = await repository.events_by_day(session, shop_id, first, last)
    products = await repository.events_by_product(session, shop_id, first, last)
    await repository.add_orders_by_day(session, shop_id, first, last, days)
    await repository.add_orders_by_product(session, shop_id, first, last, products)
    totals = Tally()
    for day in days.values():
        _add(totals, day)
    top = sorted(products.items(), key=_product_rank, reverse=True)[:TOP_PRODUCTS]
    return AnalyticsOut(
        first=first,
        last=last,
        attribution_window_days=settings.attribution_window_days,
        totals=FunnelOut(**_funnel(totals)),
        days=[
            DayFunnelOut(date=day, **_funnel(days.get(day, Tally())))
            for day in (first + timedelta(days=n) for n in range((last - first).days + 1))
        ],
        products=[
            ProductFunnelOut(product_id=numeric_id(gid), product_gid=gid, title=None, **_funnel(tally))
            for gid, tally in top
        ],
    )


async def with_titles(resources: Resources, shop_domain: str, out: AnalyticsOut) -> AnalyticsOut:
    """The funnel with its products' titles read from Shopify; without them when Shopify cannot answer now
    (the numbers are ours and do not wait on Shopify)."""
    if not out.products:
        return out
    try:
        titles = await fetch_product_titles(
            shops.admin_api(resources, shop_domain), [product.product_gid for product in out.products]
        )
    except ShopifyError as exc:
        log.info("analytics of %s without product titles: %s", shop_domain, exc)
        return out
    products = [product.model_copy(update={"title": titles.get(product.product_gid)}) for product in out.products]
    return out.model_copy(update={"products": products})


# --- redaction -----------------------------------------------------------------------------------------


async def erase_customer(
    session: AsyncSession, shop_id: uuid.UUID, customer_id: str | None, order_ids: list[str]
) -> tuple[int, int]:
    """``customers/redact``: the customer's events (and their visitor ids' events) and the attributions of
    their orders are deleted; returns how many of each."""
    erased = await repository.erase_customer(session, shop_id, customer_id, order_ids)
    log.info("customers/redact: %d events and %d attributed orders erased", *erased)
    return erased


async def customer_records(session: AsyncSession, shop_id: uuid.UUID, customer_id: str) -> tuple[int, int]:
    """How many events and attributed orders are kept under the customer's id."""
    return await repository.customer_record_counts(session, shop_id, customer_id)


async def order_created(session: AsyncSession, settings: Settings, shop_domain: str, payload: dict[str, Any]) -> None:
    """``orders/create``: attribute the order to the shopper's renders, once."""
    order = order_from_webhook(payload)
    shop_id = await shops.shop_id_for(session, shop_domain, installed=True)
    if shop_id is None:
        log.info("%s for unknown or uninstalled shop %s: nothing to do", ORDER_TOPIC, shop_domain)
        return
    stored = await attribute_order(session, settings, shop_id, order)
    if stored is not None:
        log.info(
            "order %s of %s attributed: %d lines, %s %s",
            order.id,
            shop_domain,
            len(stored.lines),
            stored.amount,
            stored.currency,
        )
