"""Following the subscription: what Shopify says about a shop's app subscriptions decides its plan and quotas.

Every source (the ``app_subscriptions/update`` webhook, the return URL, the daily reconciliation, our own
create and cancel calls) ends in ``record_subscriptions``: under the shop's row lock it writes each
subscription unless a newer version is stored, then moves the shop to the plan of its newest ``ACTIVE``
subscription, or to the free plan when the last active one ended. A subscription that was never active
(pending, declined) changes nothing, and neither does a replayed or out-of-order delivery.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.audit.service import record_action
from seeit.billing import repository
from seeit.billing.jobs import sync_shop_billing_job
from seeit.billing.plans import FREE_PLAN, plan_named, supersedes
from seeit.billing.repository import SeenSubscription, StoredSubscription
from seeit.billing.schemas import SubscriptionOut
from seeit.billing.subscription_events import TOPIC as SUBSCRIPTION_TOPIC
from seeit.billing.subscription_events import seen_from_webhook
from seeit.config import Settings
from seeit.db import utcnow
from seeit.queue import defer_job
from seeit.resources import Resources
from seeit.shopify.app_billing import ShopifySubscription, fetch_active_subscriptions, fetch_subscriptions
from seeit.shops import service as shops

log = logging.getLogger(__name__)

# What the other domains use of billing: the subscription shown to the merchant, and the webhook it follows.
__all__ = [
    "SUBSCRIPTION_TOPIC",
    "SubscriptionOut",
    "record_subscriptions",
    "shown_subscription_out",
    "subscription_updated",
    "sync_shop",
]

# Who the audit trail names for changes that Shopify, not a person, brought.
WEBHOOK_ACTOR = "shopify:webhook"
RETURN_ACTOR = "shopify:return"
SYNC_ACTOR = "job:billing_sync"


@dataclass(frozen=True)
class BillingOutcome:
    """The shop's plan after recording, and whether it moved."""

    plan: str
    plan_changed: bool
    subscriptions_changed: int


def seen_from_shopify(
    settings: Settings, subscription: ShopifySubscription, *, source: str, plan: str | None = None
) -> SeenSubscription:
    """A subscription read from the Admin API, versioned by the time of the read (it is Shopify's state now)."""
    trial_ends_at = None
    if subscription.trial_days and subscription.created_at is not None:
        trial_ends_at = subscription.created_at + timedelta(days=subscription.trial_days)
    return SeenSubscription(
        gid=subscription.gid,
        name=subscription.name,
        status=subscription.status,
        plan=plan or plan_named(settings, subscription.plan_handle, subscription.name),
        test=subscription.test,
        trial_ends_at=trial_ends_at,
        current_period_end=subscription.current_period_end,
        shopify_created_at=subscription.created_at,
        version=read_version(),
        source=source,
    )


def read_version() -> datetime:
    """The version of a read of Shopify's current state: now, in whole seconds like Shopify's ``updated_at``,
    so a change Shopify makes in the same second as the read still counts as news."""
    return utcnow().replace(microsecond=0)


def _target_plan(before: StoredSubscription | None, after: StoredSubscription | None) -> str | None:
    if after is not None:
        return after.plan  # None when it names no configured plan: the shop keeps its plan
    if before is not None:
        return FREE_PLAN  # the last active subscription ended
    return None  # never on a subscription: whatever an operator set stands


async def record_subscriptions(
    session: AsyncSession,
    settings: Settings,
    shop_id: uuid.UUID,
    seen: list[SeenSubscription],
    *,
    actor: str,
) -> BillingOutcome | None:
    """Write what a source saw and let the shop's plan follow; None for a shop that no longer exists."""
    shop = await shops.lock_shop_plan(session, shop_id)
    if shop is None:
        return None
    before = await repository.governing_subscription(session, shop_id)
    changed = 0
    for subscription in seen:
        # Read, decide, write is safe here: every write of a shop's subscriptions holds the shop's row lock.
        stored = await repository.stored_subscription(session, subscription.gid)
        if stored is not None and stored.shop_id != shop_id:
            log.warning("subscription %s belongs to another shop than %s: ignored", subscription.gid, shop.shop_domain)
            continue
        if stored is not None and not supersedes(
            subscription.status, subscription.version, stored.status, stored.shopify_updated_at
        ):
            if stored.status != subscription.status:
                log.info("subscription %s on %s: %s is not newer, ignored", subscription.gid, shop.shop_domain, actor)
                continue
            # The same status, seen a little earlier: still worth what it adds (a read knows the period end).
            subscription = replace(subscription, version=stored.shopify_updated_at)
        await repository.write_subscription(session, shop_id, subscription)
        if stored is None or (stored.status, stored.plan) != (subscription.status, subscription.plan or stored.plan):
            changed += 1
            record_action(
                session,
                shop_id,
                actor,
                "billing.subscription_changed",
                subscription.gid,
                {
                    "status": subscription.status,
                    "previous_status": stored.status if stored else None,
                    "plan": subscription.plan or (stored.plan if stored else None),
                    "source": subscription.source,
                },
            )
    after = await repository.governing_subscription(session, shop_id)
    target = _target_plan(before, after)
    if target is None:
        if after is not None:
            log.warning("%s: active subscription %r names no configured plan", shop.shop_domain, after.name)
        return BillingOutcome(shop.plan, False, changed)
    tier = settings.plan(target)
    moved = await shops.apply_plan(
        session, shop_id, target, daily_quota=tier.daily_quota, monthly_quota=tier.monthly_quota
    )
    assert moved is not None  # the row is locked by this transaction
    if (moved.plan, moved.daily_quota, moved.monthly_quota) == (shop.plan, shop.daily_quota, shop.monthly_quota):
        return BillingOutcome(moved.plan, False, changed)
    record_action(
        session,
        shop_id,
        actor,
        "billing.plan_changed",
        after.gid if after else (before.gid if before else None),
        {
            "from": shop.plan,
            "to": moved.plan,
            "daily_quota": moved.daily_quota,
            "monthly_quota": moved.monthly_quota,
        },
    )
    shops.forget_shop_after_commit(session, shop.shop_domain)
    log.info("%s moved from plan %s to %s (%s)", shop.shop_domain, shop.plan, moved.plan, actor)
    return BillingOutcome(moved.plan, True, changed)


async def sync_shop(
    session: AsyncSession, resources: Resources, shop_id: uuid.UUID, shop_domain: str, *, actor: str, source: str
) -> BillingOutcome | None:
    """Re-read the shop's subscriptions at Shopify and record them: its active ones, and the ones we hold
    as active that Shopify no longer lists (a webhook about their end was lost)."""
    settings = resources.settings
    api = shops.admin_api(resources, shop_domain)
    active = await fetch_active_subscriptions(api)
    listed = {subscription.gid for subscription in active}
    missing = [gid for gid in await repository.active_subscription_gids(session, shop_id) if gid not in listed]
    ended = await fetch_subscriptions(api, missing)
    seen = [seen_from_shopify(settings, s, source=source) for s in [*active, *ended]]
    found = {subscription.gid for subscription in ended}
    for gid in missing:
        if gid not in found:
            # Shopify knows no such subscription any more: it pays for nothing.
            stored = await repository.stored_subscription(session, gid)
            if stored is not None:
                seen.append(_ended(stored, source=source))
    return await record_subscriptions(session, settings, shop_id, seen, actor=actor)


def _ended(stored: StoredSubscription, *, source: str) -> SeenSubscription:
    return SeenSubscription(
        gid=stored.gid,
        name=stored.name,
        status="EXPIRED",
        plan=stored.plan,
        test=stored.test,
        trial_ends_at=stored.trial_ends_at,
        current_period_end=stored.current_period_end,
        shopify_created_at=stored.shopify_created_at,
        version=read_version(),
        source=source,
    )


async def shown_subscription_out(session: AsyncSession, shop_id: uuid.UUID) -> SubscriptionOut | None:
    """What the merchant is shown of the shop's subscription: the governing one, else the one heard of last."""
    shown = await repository.shown_subscription(session, shop_id)
    return SubscriptionOut.of(shown) if shown else None


async def subscription_updated(
    session: AsyncSession, settings: Settings, shop_domain: str, event_id: uuid.UUID, payload: dict[str, Any]
) -> None:
    """``app_subscriptions/update``: record the subscription as the webhook saw it; the shop's plan follows."""
    seen = seen_from_webhook(settings, payload)
    shop_id = await shops.shop_id_for(session, shop_domain)
    if shop_id is None:
        log.info("%s for unknown shop %s: nothing to do", SUBSCRIPTION_TOPIC, shop_domain)
        return
    outcome = await record_subscriptions(session, settings, shop_id, [seen], actor=WEBHOOK_ACTOR)
    # An activation does not say when the period renews; an end may be half of a replacement whose new
    # subscription we have not heard of yet. Either way a read of Shopify's state follows.
    if outcome is not None and outcome.subscriptions_changed and (seen.status == "ACTIVE" or outcome.plan_changed):
        defer_job(session, sync_shop_billing_job(shop_id, shop_domain, f"event:{event_id}"))
