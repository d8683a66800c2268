"""Typed reads and writes of a shop's app subscriptions through the Admin API (Shopify's Billing API).

What a subscription means for a shop (its plan and quotas) is the billing domain's business; this module only
speaks Shopify: ``AppSubscription`` objects in, ``ShopifySubscription`` values out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from seeit.shopify import documents
from seeit.shopify.admin_api import AdminApi, raise_for_user_errors
from seeit.shopify.errors import ShopifyGraphQLError

ReplacementBehavior = Literal["APPLY_IMMEDIATELY", "APPLY_ON_NEXT_BILLING_CYCLE", "STANDARD"]


@dataclass(frozen=True)
class ShopifySubscription:
    gid: str
    name: str
    status: str  # AppSubscriptionStatus
    test: bool
    trial_days: int
    created_at: datetime | None
    current_period_end: datetime | None
    plan_handle: str | None  # set for plans of Shopify App Pricing
    price: Decimal | None
    currency: str | None
    interval: str | None


@dataclass(frozen=True)
class SubscriptionRequest:
    """What ``appSubscriptionCreate`` is asked for: one recurring line item."""

    name: str
    price: Decimal
    currency: str
    interval: Literal["EVERY_30_DAYS", "ANNUAL"]
    return_url: str
    test: bool
    trial_days: int
    replacement_behavior: ReplacementBehavior

    def variables(self) -> dict[str, Any]:
        pricing = {"price": {"amount": str(self.price), "currencyCode": self.currency}, "interval": self.interval}
        variables: dict[str, Any] = {
            "name": self.name,
            "lineItems": [{"plan": {"appRecurringPricingDetails": pricing}}],
            "returnUrl": self.return_url,
            "test": self.test,
            "replacementBehavior": self.replacement_behavior,
        }
        if self.trial_days:
            variables["trialDays"] = self.trial_days
        return variables


def _time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


def subscription_from(node: Mapping[str, Any]) -> ShopifySubscription:
    recurring: Mapping[str, Any] = {}
    for item in node.get("lineItems") or []:
        details = ((item or {}).get("plan") or {}).get("pricingDetails") or {}
        if details.get("__typename") == "AppRecurringPricing":
            recurring = details
            break
    price = recurring.get("price") or {}
    return ShopifySubscription(
        gid=str(node["id"]),
        name=str(node.get("name") or ""),
        status=str(node.get("status") or ""),
        test=bool(node.get("test")),
        trial_days=int(node.get("trialDays") or 0),
        created_at=_time(node.get("createdAt")),
        current_period_end=_time(node.get("currentPeriodEnd")),
        plan_handle=recurring.get("planHandle"),
        price=Decimal(str(price["amount"])) if price.get("amount") is not None else None,
        currency=price.get("currencyCode"),
        interval=recurring.get("interval"),
    )


async def fetch_active_subscriptions(api: AdminApi) -> list[ShopifySubscription]:
    """``currentAppInstallation { activeSubscriptions }``: what the shop pays for right now."""
    data = await api.execute(documents.ACTIVE_SUBSCRIPTIONS)
    installation = data.get("currentAppInstallation") or {}
    return [subscription_from(node) for node in installation.get("activeSubscriptions") or []]


async def fetch_subscriptions(api: AdminApi, gids: list[str]) -> list[ShopifySubscription]:
    """The named subscriptions as they are now (ids Shopify no longer knows are left out)."""
    if not gids:
        return []
    data = await api.execute(documents.SUBSCRIPTIONS_BY_ID, {"ids": gids})
    return [subscription_from(node) for node in data.get("nodes") or [] if node and node.get("id")]


async def create_subscription(api: AdminApi, request: SubscriptionRequest) -> tuple[ShopifySubscription, str]:
    """``appSubscriptionCreate``: the pending subscription and the URL where the merchant approves it."""
    data = await api.execute(documents.APP_SUBSCRIPTION_CREATE, request.variables())
    payload = data.get("appSubscriptionCreate") or {}
    raise_for_user_errors(payload)
    node, url = payload.get("appSubscription"), payload.get("confirmationUrl")
    if not node or not url:
        raise ShopifyGraphQLError("Shopify created no subscription to approve.")
    return subscription_from(node), str(url)


async def cancel_subscription(api: AdminApi, gid: str) -> ShopifySubscription:
    """``appSubscriptionCancel``: the subscription as Shopify left it (``CANCELLED``)."""
    data = await api.execute(documents.APP_SUBSCRIPTION_CANCEL, {"id": gid})
    payload = data.get("appSubscriptionCancel") or {}
    raise_for_user_errors(payload)
    node = payload.get("appSubscription")
    if not node:
        raise ShopifyGraphQLError("Shopify answered the cancellation without the subscription.")
    return subscription_from(node)
