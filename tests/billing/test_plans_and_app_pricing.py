"""The plans as products, and paying through Shopify App Pricing's hosted plan page."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import httpx

from seeit.config import Settings
from seeit.resources import Resources
from tests.billing.conftest import SHOP, audit_actions, deliver_all, shop_row, subscribe
from tests.support import admin_headers

ROOT = Path(__file__).resolve().parents[2]


async def test_plans_list_price_interval_trial_and_quotas_and_the_shops_current_one(
    client: httpx.AsyncClient, fake_shopify: Any, installed: str, settings: Settings
) -> None:
    response = await client.get("/api/admin/plans", headers=admin_headers(SHOP))

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["current_plan"], body["billing_mode"]) == ("free", "app_pricing")
    plans = {plan["name"]: plan for plan in body["plans"]}
    assert set(plans) == set(settings.plans)
    assert plans["pro"] == {
        "name": "pro",
        "title": "Pro",
        "price": "49.00",
        "currency": "USD",
        "interval": "EVERY_30_DAYS",
        "trial_days": 7,
        "daily_quota": settings.plans["pro"].daily_quota,
        "monthly_quota": settings.plans["pro"].monthly_quota,
        "max_concurrent_renders": settings.plans["pro"].max_concurrent_renders,
        "watermark": False,
        "purchasable": True,
        "current": False,
    }
    assert (plans["free"]["purchasable"], plans["free"]["current"]) == (False, True)


async def test_app_pricing_answers_shopifys_hosted_plan_page_and_calls_nothing(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str
) -> None:
    calls = len(fake_shopify.graphql_requests(SHOP))

    response = await subscribe(client, "pro")

    assert response.status_code == 200, response.text
    assert response.json() == {
        "confirmation_url": "https://admin.shopify.com/store/billing/charges/see-it/pricing_plans",
        "plan": "pro",
        "billing_mode": "app_pricing",
    }
    assert len(fake_shopify.graphql_requests(SHOP)) == calls
    assert (await shop_row(resources)).plan == "free"


async def test_a_plan_picked_on_the_hosted_page_follows_from_its_plan_handle(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str, settings: Settings
) -> None:
    fake_shopify.choose_hosted_plan(SHOP, "starter", name="See It Starter (monthly)")
    await deliver_all(fake_shopify, client)
    assert (await shop_row(resources)).plan == "starter"

    fake_shopify.choose_hosted_plan(SHOP, "enterprise", name="Enterprise")
    await deliver_all(fake_shopify, client)

    shop = await shop_row(resources)
    enterprise = settings.plans["enterprise"]
    assert (shop.plan, shop.daily_quota, shop.monthly_quota) == (
        "enterprise",
        enterprise.daily_quota,
        enterprise.monthly_quota,
    )
    changes = [details for _, action, details in await audit_actions(resources) if action == "billing.plan_changed"]
    moves = [(d["from"], d["to"]) for d in changes if d]
    # Shopify ends the replaced subscription before it activates the new one: the shop is free in between.
    assert moves == [("free", "starter"), ("starter", "free"), ("free", "enterprise")]


async def test_an_active_subscription_naming_no_configured_plan_leaves_the_plan_alone(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str
) -> None:
    fake_shopify.choose_hosted_plan(SHOP, "platinum", name="Platinum")
    await deliver_all(fake_shopify, client)
    assert (await shop_row(resources)).plan == "free"


async def test_the_shop_shows_its_subscription_once_the_admin_syncs_it(
    client: httpx.AsyncClient, fake_shopify: Any, installed: str
) -> None:
    assert (await client.get("/api/admin/shop", headers=admin_headers(SHOP))).json()["subscription"] is None
    fake_shopify.choose_hosted_plan(SHOP, "pro")
    fake_shopify.take_webhooks()  # the merchant lands in the app before any webhook

    synced = await client.post("/api/admin/billing/sync", headers=admin_headers(SHOP))

    assert synced.status_code == 200, synced.text
    assert synced.json()["plan"] == "pro"
    shown = (await client.get("/api/admin/shop", headers=admin_headers(SHOP))).json()
    assert shown["plan"] == "pro"
    assert shown["subscription"]["status"] == "ACTIVE"
    assert shown["subscription"]["plan"] == "pro"
    assert shown["subscription"]["renews_at"] is not None


def test_the_app_config_subscribes_to_subscription_updates() -> None:
    config = tomllib.loads((ROOT / "shopify.app.toml").read_text())
    topics = {t for s in config["webhooks"]["subscriptions"] for t in s.get("topics", [])}
    assert "app_subscriptions/update" in topics
