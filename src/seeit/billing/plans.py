"""The plans as products: what each costs, how a subscription names one, and how a change of plan is billed."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from seeit.config import Plan, Settings
from seeit.shopify.app_billing import ReplacementBehavior

FREE_PLAN = "free"

ACTIVE = "ACTIVE"
# Statuses after which a subscription no longer pays for anything: the shop falls back to the free plan.
ENDED_STATUSES = frozenset({"CANCELLED", "DECLINED", "EXPIRED", "FROZEN"})
# Statuses of a subscription not yet approved or not yet started: they change nothing.
WAITING_STATUSES = frozenset({"PENDING", "ACCEPTED"})

# Where a status stands in a subscription's life. Shopify's ``updated_at`` has whole seconds, so two changes
# within a second tie; the life never goes back (an ended subscription stays ended, an approved one is never
# pending again), and only ACTIVE and FROZEN move to and fro, ordered by their time.
_LIFE_STAGE = {"PENDING": 0, "ACCEPTED": 1, "ACTIVE": 2, "FROZEN": 2}
_ENDED_STAGE = 3


def life_stage(status: str) -> int:
    return _LIFE_STAGE.get(status, _ENDED_STAGE)


def supersedes(status: str, version: datetime, stored_status: str | None, stored_version: datetime | None) -> bool:
    """Whether a subscription seen with ``status`` at ``version`` is news over the stored one."""
    if stored_status is None or stored_version is None:
        return True
    new, old = life_stage(status), life_stage(stored_status)
    if new != old:
        return new > old
    return old != _ENDED_STAGE and version >= stored_version


_DAYS_PER_INTERVAL = {"EVERY_30_DAYS": Decimal(30), "ANNUAL": Decimal(365)}


def plan_title(name: str, plan: Plan) -> str:
    return plan.title or name.capitalize()


def purchasable(name: str, plan: Plan) -> bool:
    """Whether a merchant can buy the plan through Shopify: a priced plan (free is the absence of one)."""
    return name != FREE_PLAN and plan.price > 0


def plan_named(settings: Settings, plan_handle: str | None, name: str | None) -> str | None:
    """The configured plan a subscription stands for: its ``plan_handle`` (App Pricing), else its name
    (the title we gave it with the Billing API, or the plan's key); None when nothing matches."""
    if plan_handle and plan_handle in settings.plans:
        return plan_handle
    wanted = (name or "").strip().casefold()
    if not wanted:
        return None
    for key, plan in settings.plans.items():
        if wanted in (key.casefold(), plan_title(key, plan).casefold()):
            return key
    return None


def _daily_price(plan: Plan) -> Decimal:
    return plan.price / _DAYS_PER_INTERVAL[plan.interval]


def replacement_behavior(settings: Settings, current: str | None, target: str) -> ReplacementBehavior:
    """How Shopify replaces the active subscription: an upgrade at once (the merchant wants it now), a
    downgrade at the next billing cycle (the current one is paid for), otherwise Shopify's standard rule."""
    if current is None or current not in settings.plans:
        return "STANDARD"
    now, then = _daily_price(settings.plans[current]), _daily_price(settings.plans[target])
    if then > now:
        return "APPLY_IMMEDIATELY"
    if then < now:
        return "APPLY_ON_NEXT_BILLING_CYCLE"
    return "STANDARD"


def store_handle(shop_domain: str) -> str:
    return shop_domain.removesuffix(".myshopify.com")


def hosted_pricing_url(settings: Settings, shop_domain: str) -> str:
    """Shopify App Pricing's hosted plan page for the shop, where the merchant picks and approves a plan."""
    return (
        f"https://admin.shopify.com/store/{store_handle(shop_domain)}"
        f"/charges/{settings.shopify_app_handle}/pricing_plans"
    )


def embedded_app_url(settings: Settings, shop_domain: str) -> str:
    """The app inside the shop's Shopify admin, where the merchant goes back to after approving."""
    return f"https://admin.shopify.com/store/{store_handle(shop_domain)}/apps/{settings.shopify_app_handle}"
