"""The fake Shopify's billing refuses what Shopify refuses, through the service's own adapter."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from seeit.resources import Resources
from seeit.shopify.admin_api import AdminApi, fixed_token
from seeit.shopify.app_billing import (
    SubscriptionRequest,
    cancel_subscription,
    create_subscription,
    fetch_active_subscriptions,
)
from seeit.shopify.errors import ShopifyGraphQLError, ShopifyUserErrors

SHOP = "fakebilling.myshopify.com"


def charge(**overrides: Any) -> SubscriptionRequest:
    fields: dict[str, Any] = {
        "name": "Pro",
        "price": Decimal("49.00"),
        "currency": "USD",
        "interval": "EVERY_30_DAYS",
        "return_url": "https://see-it.example.com/billing/return?shop=x",
        "test": True,
        "trial_days": 0,
        "replacement_behavior": "STANDARD",
        **overrides,
    }
    return SubscriptionRequest(**fields)


@pytest.fixture
def api(fake_shopify: Any, resources: Resources) -> AdminApi:
    return AdminApi(resources.http, resources.settings, SHOP, fixed_token(fake_shopify.grant_token(SHOP)))


async def test_a_created_charge_is_pending_until_approved_and_then_active(api: AdminApi, fake_shopify: Any) -> None:
    created, url = await create_subscription(api, charge(trial_days=7))
    assert (created.status, created.trial_days, created.price, created.interval) == (
        "PENDING",
        7,
        Decimal("49.00"),
        "EVERY_30_DAYS",
    )
    assert url.startswith(f"https://{SHOP}/admin/charges/")
    assert await fetch_active_subscriptions(api) == []
    fake_shopify.approve_charge(SHOP)
    [active] = await fetch_active_subscriptions(api)
    assert (active.gid, active.status, active.test) == (created.gid, "ACTIVE", True)
    assert active.current_period_end is not None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"return_url": "/billing/return"}, ["returnUrl"]),
        ({"price": Decimal("0")}, ["lineItems", "0", "plan", "price"]),
        ({"name": " "}, ["name"]),
        ({"test": False}, None),  # a development store takes test charges only
    ],
)
async def test_a_charge_shopify_would_refuse_answers_user_errors(
    api: AdminApi, fake_shopify: Any, overrides: dict[str, Any], field: list[str] | None
) -> None:
    with pytest.raises(ShopifyUserErrors) as refused:
        await create_subscription(api, charge(**overrides))
    assert [error["field"] for error in refused.value.user_errors] == [field]
    assert fake_shopify.shop(SHOP).subscriptions == {}


async def test_only_an_active_subscription_can_be_cancelled(api: AdminApi, fake_shopify: Any) -> None:
    created, _ = await create_subscription(api, charge())
    with pytest.raises(ShopifyUserErrors):
        await cancel_subscription(api, created.gid)
    fake_shopify.approve_charge(SHOP)
    cancelled = await cancel_subscription(api, created.gid)
    assert cancelled.status == "CANCELLED"
    assert [w.payload["app_subscription"]["status"] for w in fake_shopify.take_webhooks()] == [
        "PENDING",
        "ACTIVE",
        "CANCELLED",
    ]


async def test_a_document_that_does_not_fit_the_real_schema_is_refused(api: AdminApi) -> None:
    with pytest.raises(ShopifyGraphQLError):
        await api.execute("query { currentAppInstallation { activeSubscriptions { id planHandle } } }")
