"""The merchant picks a plan: Shopify's hosted plan page (App Pricing), or a charge created with the Billing
API for the merchant to approve. Nothing here changes the shop's plan on the click alone: a new subscription
decides only once Shopify says it is ``ACTIVE``. Cancelling, which Shopify confirms in its answer, does."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.audit.service import record_action
from seeit.billing import repository, service
from seeit.billing.plans import (
    FREE_PLAN,
    hosted_pricing_url,
    plan_title,
    purchasable,
    replacement_behavior,
)
from seeit.billing.return_links import return_url
from seeit.billing.schemas import SubscribeOut
from seeit.errors import Conflict, ValidationFailed
from seeit.resources import Resources
from seeit.shopify.app_billing import (
    SubscriptionRequest,
    cancel_subscription,
    create_subscription,
    fetch_active_subscriptions,
)
from seeit.shops.service import ShopContext, admin_api


def _refused(message: str) -> ValidationFailed:
    return ValidationFailed(message, details={"fields": [{"loc": ["body", "plan"], "message": message}]})


async def subscribe(session: AsyncSession, resources: Resources, shop: ShopContext, plan: str) -> SubscribeOut:
    """``POST /api/admin/billing/subscribe``: where the merchant goes to approve ``plan``."""
    settings = resources.settings
    if plan not in settings.plans:
        raise _refused(f"No plan named {plan!r}.")
    if settings.billing_mode == "app_pricing":
        # The plans and their prices live in the Partner Dashboard under the same handles.
        record_action(session, shop.id, shop.actor, "billing.plan_page_opened", None, {"plan": plan})
        return SubscribeOut(
            confirmation_url=hosted_pricing_url(settings, shop.shop_domain), plan=plan, billing_mode="app_pricing"
        )
    if plan == FREE_PLAN:
        await cancel_to_free(session, resources, shop)
        return SubscribeOut(confirmation_url=None, plan=plan, billing_mode="billing_api")
    tier = settings.plans[plan]
    if not purchasable(plan, tier):
        raise _refused(f"The plan {plan!r} is not sold through Shopify; contact us for it.")
    current = await repository.governing_subscription(session, shop.id)
    if current is not None and current.plan == plan:
        raise Conflict(f"The shop already pays for the {plan!r} plan.", details={"subscription": current.gid})
    behavior = replacement_behavior(settings, current.plan if current else None, plan)
    trial_days = 0 if await repository.had_paid_subscription(session, shop.id, FREE_PLAN) else tier.trial_days
    request = SubscriptionRequest(
        name=plan_title(plan, tier),
        price=tier.price,
        currency=tier.currency,
        interval=tier.interval,
        return_url=return_url(settings, shop.shop_domain),
        test=settings.billing_test_charges,
        trial_days=trial_days,
        replacement_behavior=behavior,
    )
    created, confirmation_url = await create_subscription(admin_api(resources, shop.shop_domain), request)
    seen = service.seen_from_shopify(settings, created, source="create", plan=plan)
    await service.record_subscriptions(session, settings, shop.id, [seen], actor=shop.actor or "unknown")
    record_action(
        session,
        shop.id,
        shop.actor,
        "billing.subscribe",
        created.gid,
        {"plan": plan, "replacement_behavior": behavior, "test": request.test, "trial_days": trial_days},
    )
    return SubscribeOut(confirmation_url=confirmation_url, plan=plan, billing_mode="billing_api")


async def cancel_to_free(session: AsyncSession, resources: Resources, shop: ShopContext) -> None:
    """Cancel every subscription Shopify lists as active for the shop; the shop is on the free plan after."""
    api = admin_api(resources, shop.shop_domain)
    cancelled = [await cancel_subscription(api, s.gid) for s in await fetch_active_subscriptions(api)]
    seen = [service.seen_from_shopify(resources.settings, s, source="cancel") for s in cancelled]
    await service.record_subscriptions(session, resources.settings, shop.id, seen, actor=shop.actor or "unknown")
    record_action(session, shop.id, shop.actor, "billing.cancel", None, {"cancelled": [s.gid for s in cancelled]})
