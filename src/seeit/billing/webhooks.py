"""``app_subscriptions/update``: Shopify says a subscription of the shop changed; the shop's plan follows.

The payload (``{"app_subscription": {admin_graphql_api_id, name, status, updated_at, plan_handle, ...}}``)
carries no billing period, so a change to ACTIVE also queues a re-read of the shop's subscriptions to learn
when the period renews; so does an end that moved the shop to the free plan, in case it ended because a new
subscription replaced it.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.billing import service
from seeit.billing.plans import plan_named
from seeit.billing.repository import SeenSubscription
from seeit.billing.tasks import sync_shop_billing_job
from seeit.config import Settings
from seeit.errors import BadRequest
from seeit.models import SUBSCRIPTION_STATUSES
from seeit.queue import defer_job
from seeit.shopify.webhook_topics import Delivery, Handler
from seeit.shops import repository as shops_repository

log = logging.getLogger(__name__)

TOPIC = "app_subscriptions/update"


def _time(value: Any, name: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise BadRequest(f"`app_subscription.{name}` is not a time.") from None
    if parsed.tzinfo is None:
        raise BadRequest(f"`app_subscription.{name}` has no UTC offset.")
    return parsed


def seen_from_webhook(settings: Settings, payload: dict[str, Any]) -> SeenSubscription:
    subscription = payload.get("app_subscription")
    if not isinstance(subscription, dict):
        raise BadRequest("The delivery carries no `app_subscription`.")
    gid, status = subscription.get("admin_graphql_api_id"), str(subscription.get("status") or "").upper()
    if not isinstance(gid, str) or not gid.startswith("gid://shopify/AppSubscription/"):
        raise BadRequest("`app_subscription.admin_graphql_api_id` is not an AppSubscription GID.")
    if status not in SUBSCRIPTION_STATUSES:
        raise BadRequest(f"`app_subscription.status` {status[:40]!r} is not a subscription status.")
    if not subscription.get("updated_at"):
        raise BadRequest("`app_subscription.updated_at` is missing.")
    name = str(subscription.get("name") or "")
    handle = subscription.get("plan_handle")
    return SeenSubscription(
        gid=gid,
        name=name,
        status=status,
        plan=plan_named(settings, handle if isinstance(handle, str) else None, name),
        test=subscription["test"] if isinstance(subscription.get("test"), bool) else None,
        trial_ends_at=None,
        current_period_end=None,
        shopify_created_at=_time(subscription["created_at"], "created_at") if subscription.get("created_at") else None,
        version=_time(subscription["updated_at"], "updated_at"),
        source="webhook",
    )


def subscription_update_handler(settings: Settings) -> Handler:
    """The handler of ``app_subscriptions/update`` for the webhook router, with the configured plans."""

    async def handle(session: AsyncSession, event_id: uuid.UUID, delivery: Delivery) -> bool:
        seen = seen_from_webhook(settings, delivery.payload)
        shop_id = await shops_repository.shop_id_for(session, delivery.shop_domain)
        if shop_id is None:
            log.info("%s for unknown shop %s: nothing to do", TOPIC, delivery.shop_domain)
            return True
        outcome = await service.record_subscriptions(session, settings, shop_id, [seen], actor=service.WEBHOOK_ACTOR)
        # An activation does not say when the period renews; an end may be half of a replacement whose new
        # subscription we have not heard of yet. Either way a read of Shopify's state follows.
        if outcome is not None and outcome.subscriptions_changed and (seen.status == "ACTIVE" or outcome.plan_changed):
            defer_job(session, sync_shop_billing_job(shop_id, delivery.shop_domain, f"event:{event_id}"))
        return True

    return handle
