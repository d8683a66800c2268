"""The topic table: what each webhook topic does, once per event, through the domain that owns it. The delivery is
recorded and handled in one transaction.

Recording and handling share the request's transaction, so a handler that fails rolls the record back and
Shopify's retry is handled afresh; a duplicate delivery finds the record and does nothing. Heavy work
(``shop/redact``) goes to the worker through the outbox; its event is marked processed when the job is done.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.analytics import service as analytics
from seeit.assets import service as assets
from seeit.billing import service as billing
from seeit.config import Settings
from seeit.errors import BadRequest
from seeit.queue import defer_job
from seeit.renders import service as renders
from seeit.rooms import service as rooms
from seeit.shopify.ids import InvalidShopifyId, customer_id_of, to_gid
from seeit.shops import service as shops
from seeit.webhooks import repository
from seeit.webhooks.jobs import redact_shop_job

log = logging.getLogger(__name__)

Outcome = Literal["processed", "queued", "duplicate", "ignored"]


@dataclass(frozen=True)
class Delivery:
    topic: str
    shop_domain: str
    event_key: str
    payload: dict[str, Any]


# A handler returns True when the event is fully processed, False when a job will finish it.
Handler = Callable[[AsyncSession, Settings, uuid.UUID, Delivery], Awaitable[bool]]
CANCELLED_MESSAGE = "Cancelled: the app was uninstalled from the shop."


async def _app_uninstalled(session: AsyncSession, settings: Settings, event_id: uuid.UUID, delivery: Delivery) -> bool:
    """Mark the shop, erase its tokens, cancel and refund its queued work."""
    shop_id = await shops.uninstall_shop(session, delivery.shop_domain)
    if shop_id is not None:
        renders_cancelled = await renders.cancel_queued_renders(session, shop_id, CANCELLED_MESSAGE)
        cleanups_cancelled = await rooms.cancel_queued_cleanups(session, shop_id, CANCELLED_MESSAGE)
        log.info(
            "uninstalled %s: %d queued renders and %d cleanups cancelled",
            delivery.shop_domain,
            renders_cancelled,
            cleanups_cancelled,
        )
    return True


def _product_gid(payload: dict[str, Any]) -> str:
    try:
        return to_gid("Product", payload.get("admin_graphql_api_id") or payload["id"])
    except (KeyError, InvalidShopifyId):
        raise BadRequest("The product webhook carries no product id.") from None


async def _products_update(session: AsyncSession, settings: Settings, event_id: uuid.UUID, delivery: Delivery) -> bool:
    _product_gid(delivery.payload)
    shop_id = await shops.shop_id_for(session, delivery.shop_domain)
    if shop_id is not None:
        moved = await assets.product_changed(session, shop_id, delivery.payload)
        log.info("products/update on %s: %d assets moved", delivery.shop_domain, moved)
    return True


async def _products_delete(session: AsyncSession, settings: Settings, event_id: uuid.UUID, delivery: Delivery) -> bool:
    product_gid = _product_gid(delivery.payload)
    shop_id = await shops.shop_id_for(session, delivery.shop_domain)
    if shop_id is not None:
        moved = await assets.product_deleted(session, shop_id, product_gid)
        log.info("products/delete %s on %s: %d assets orphaned", product_gid, delivery.shop_domain, moved)
    return True


async def _customer_request(session: AsyncSession, settings: Settings, event_id: uuid.UUID, delivery: Delivery) -> bool:
    # The one thing See It keeps about customers is the storefront's analytics (``seeit.analytics``): events
    # under Shopify's customer id and the orders attributed to renders. Room photos are anonymous and expire.
    # A redaction erases them; a data request is answered by this line and the webhook_events row.
    customer = delivery.payload.get("customer") or {}
    customer_id = customer_id_of(str(customer.get("id") or "") if isinstance(customer, dict) else "")
    request_id = (delivery.payload.get("data_request") or {}).get("id")
    shop_id = await shops.shop_id_for(session, delivery.shop_domain)
    if delivery.topic == "customers/redact":
        orders = [str(order) for order in delivery.payload.get("orders_to_redact") or []]
        erased = await analytics.erase_customer(session, shop_id, customer_id, orders) if shop_id else (0, 0)
        log.info(
            "%s for %s (customer %s): %d events and %d attributed orders erased",
            delivery.topic,
            delivery.shop_domain,
            customer_id,
            *erased,
        )
        return True
    kept = await analytics.customer_records(session, shop_id, customer_id) if shop_id and customer_id else (0, 0)
    log.info(
        "%s for %s (customer %s, request %s): %d storefront events and %d attributed orders are kept under the"
        " customer's id, nothing else",
        delivery.topic,
        delivery.shop_domain,
        customer_id,
        request_id,
        *kept,
    )
    return True


async def _shop_redact(session: AsyncSession, settings: Settings, event_id: uuid.UUID, delivery: Delivery) -> bool:
    defer_job(session, redact_shop_job(event_id, delivery.shop_domain))
    return False


async def _order_created(session: AsyncSession, settings: Settings, event_id: uuid.UUID, delivery: Delivery) -> bool:
    await analytics.order_created(session, settings, delivery.shop_domain, delivery.payload)
    return True


async def _subscription_update(
    session: AsyncSession, settings: Settings, event_id: uuid.UUID, delivery: Delivery
) -> bool:
    await billing.subscription_updated(session, settings, delivery.shop_domain, event_id, delivery.payload)
    return True


HANDLERS: dict[str, Handler] = {
    "app/uninstalled": _app_uninstalled,
    "products/update": _products_update,
    "products/delete": _products_delete,
    "customers/data_request": _customer_request,
    "customers/redact": _customer_request,
    "shop/redact": _shop_redact,
    billing.SUBSCRIPTION_TOPIC: _subscription_update,
    analytics.ORDER_TOPIC: _order_created,
}


async def handle_delivery(session: AsyncSession, settings: Settings, delivery: Delivery) -> Outcome:
    """Handle a verified delivery once per event key."""
    handler = HANDLERS.get(delivery.topic)
    if handler is None:
        return "ignored"
    event_id = await repository.claim_event(
        session, event_key=delivery.event_key, shop_domain=delivery.shop_domain, topic=delivery.topic
    )
    if event_id is None:
        log.info("webhook %s %s already received: skipped", delivery.topic, delivery.event_key)
        return "duplicate"
    if await handler(session, settings, event_id, delivery):
        await repository.mark_processed(session, event_id)
        return "processed"
    return "queued"
