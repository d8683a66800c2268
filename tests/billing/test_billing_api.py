"""Paying through the Billing API: a charge created here, approved at Shopify, and the plan following it."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from seeit.config import Settings
from seeit.db import transaction, utcnow
from seeit.models import UsageDaily
from seeit.resources import Resources
from tests.billing.conftest import (
    SHOP,
    audit_actions,
    deliver_all,
    graphql_variables,
    shop_row,
    subscribe,
    subscriptions,
)
from tests.renders.scene import PRODUCT_ID, add_ready_asset, upload_room
from tests.support import admin_headers, proxy_url


async def render(client: httpx.AsyncClient, room_id: str) -> httpx.Response:
    body = {"product_id": PRODUCT_ID, "room_session_id": room_id, "placement": {"x": 0.5, "y": 0.8, "scale": 0.3}}
    return await client.post(proxy_url("/proxy/renders", SHOP), json=body)


async def test_an_approved_upgrade_raises_plan_and_quotas_and_the_next_render_counts_against_them(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str, billing_api: Settings
) -> None:
    shop = await shop_row(resources)
    await add_ready_asset(resources, shop.id)
    room_id = await upload_room(client, SHOP)
    async with transaction(resources) as session:  # the free plan's 10 renders of today are used up
        session.add(UsageDaily(shop_id=shop.id, date=utcnow().date(), composite_renders=10))
    refused = await render(client, room_id)
    assert refused.status_code == 429
    assert refused.json()["error"]["details"]["limit"] == 10

    answer = await subscribe(client, "pro")

    assert answer.status_code == 200, answer.text
    assert answer.json()["confirmation_url"].startswith(f"https://{SHOP}/admin/charges/")
    await deliver_all(fake_shopify, client)  # Shopify's PENDING: nothing is paid for yet
    pending = (await client.get("/api/admin/shop", headers=admin_headers(SHOP))).json()
    assert (pending["plan"], pending["daily_quota"], pending["subscription"]["status"]) == ("free", 10, "PENDING")
    assert (await render(client, room_id)).status_code == 429

    fake_shopify.approve_charge(SHOP)
    await deliver_all(fake_shopify, client)

    overview = (await client.get("/api/admin/shop", headers=admin_headers(SHOP))).json()
    pro = billing_api.plans["pro"]
    assert (overview["plan"], overview["daily_quota"], overview["monthly_quota"]) == (
        "pro",
        pro.daily_quota,
        pro.monthly_quota,
    )
    assert overview["subscription"]["status"] == "ACTIVE"
    assert overview["subscription"]["test"] is True
    accepted = await render(client, room_id)
    assert accepted.status_code == 202, accepted.text
    assert overview["usage"]["today"]["composite_renders"] == 10
    after = (await client.get("/api/admin/shop", headers=admin_headers(SHOP))).json()
    assert after["usage"]["today"]["composite_renders"] == 11
    actions = [action for _, action, _ in await audit_actions(resources)]
    assert actions.count("billing.subscribe") == 1
    assert "billing.plan_changed" in actions
    assert ("shopify:webhook", "billing.plan_changed", {"from": "free", "to": "pro", **_quotas(pro)}) in (
        await audit_actions(resources)
    )


def _quotas(plan: Any) -> dict[str, int]:
    return {"daily_quota": plan.daily_quota, "monthly_quota": plan.monthly_quota}


async def test_the_charge_asks_for_a_test_charge_with_our_return_url_and_the_right_replacement(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str, billing_api: Settings
) -> None:
    assert (await subscribe(client, "pro")).status_code == 200
    fake_shopify.approve_charge(SHOP)
    await deliver_all(fake_shopify, client)
    assert (await subscribe(client, "starter")).status_code == 200  # a downgrade
    assert (await subscribe(client, "enterprise")).status_code == 200  # an upgrade

    first, downgrade, upgrade = graphql_variables(fake_shopify, "appSubscriptionCreate")
    assert first["test"] is True
    assert first["name"] == "Pro"
    assert first["lineItems"] == [
        {
            "plan": {
                "appRecurringPricingDetails": {
                    "price": {"amount": "49.00", "currencyCode": "USD"},
                    "interval": "EVERY_30_DAYS",
                }
            }
        }
    ]
    returned = urlsplit(first["returnUrl"])
    assert f"{returned.scheme}://{returned.netloc}{returned.path}" == "http://testserver/billing/return"
    assert parse_qs(returned.query)["shop"] == [SHOP]
    assert (first["replacementBehavior"], first["trialDays"]) == ("STANDARD", 7)
    assert downgrade["replacementBehavior"] == "APPLY_ON_NEXT_BILLING_CYCLE"
    assert upgrade["replacementBehavior"] == "APPLY_IMMEDIATELY"
    assert "trialDays" not in downgrade  # the trial is given once
    assert "trialDays" not in upgrade
    assert (await shop_row(resources)).plan == "pro"  # asking is not paying


async def test_subscribing_again_to_the_plan_paid_for_is_a_conflict(
    client: httpx.AsyncClient, fake_shopify: Any, installed: str, billing_api: Settings
) -> None:
    await subscribe(client, "pro")
    fake_shopify.approve_charge(SHOP)
    await deliver_all(fake_shopify, client)
    again = await subscribe(client, "pro")
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "conflict"
    unknown = await subscribe(client, "platinum")
    assert unknown.status_code == 422
    assert unknown.json()["error"]["details"]["fields"][0]["loc"] == ["body", "plan"]


async def test_production_charges_are_real_and_a_development_store_refuses_them(
    client: httpx.AsyncClient,
    resources: Resources,
    fake_shopify: Any,
    installed: str,
    billing_api: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(resources, "settings", billing_api.model_copy(update={"billing_test": False}))
    refused = await subscribe(client, "pro")
    assert refused.status_code == 422
    assert graphql_variables(fake_shopify, "appSubscriptionCreate")[0]["test"] is False
    assert await subscriptions(resources) == {}  # nothing half-recorded


async def test_the_return_url_reads_the_subscription_back_and_sends_the_merchant_to_the_app(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str, billing_api: Settings
) -> None:
    await subscribe(client, "starter")
    back_to = fake_shopify.approve_charge(SHOP)
    fake_shopify.take_webhooks()  # none arrives: the return URL alone must do

    response = await client.get(back_to.removeprefix("http://testserver"))

    assert response.status_code == 302
    assert response.headers["location"] == "https://admin.shopify.com/store/billing/apps/see-it"
    assert graphql_variables(fake_shopify, "currentAppInstallation") == [{}]
    overview = (await client.get("/api/admin/shop", headers=admin_headers(SHOP))).json()
    assert (overview["plan"], overview["daily_quota"]) == ("starter", billing_api.plans["starter"].daily_quota)
    assert overview["subscription"]["renews_at"] is not None
    assert overview["subscription"]["trial_ends_at"] is not None
    forged = await client.get(f"/billing/return?shop={SHOP}&signature={'0' * 64}&charge_id=1")
    assert forged.status_code == 401
    assert forged.json()["error"]["code"] == "invalid_signature"


async def test_a_downgrade_takes_effect_when_the_next_billing_cycle_starts(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str, billing_api: Settings
) -> None:
    await subscribe(client, "pro")
    fake_shopify.approve_charge(SHOP)
    await deliver_all(fake_shopify, client)

    await subscribe(client, "starter")
    fake_shopify.approve_charge(SHOP)
    await deliver_all(fake_shopify, client)
    assert (await shop_row(resources)).plan == "pro"  # accepted, but the paid-for period runs on

    fake_shopify.next_billing_cycle(SHOP)
    cancelled_old, activated_new = fake_shopify.take_webhooks()
    assert cancelled_old.payload["app_subscription"]["status"] == "CANCELLED"
    # Shopify does not promise an order: the new subscription's ACTIVE may come before the old one's end.
    for webhook in (activated_new, cancelled_old):
        assert (await fake_shopify.deliver(client, webhook)).status_code == 200

    shop = await shop_row(resources)
    starter = billing_api.plans["starter"]
    assert (shop.plan, shop.daily_quota, shop.monthly_quota) == ("starter", starter.daily_quota, starter.monthly_quota)


async def test_a_declined_upgrade_leaves_the_paid_plan_alone(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str, billing_api: Settings
) -> None:
    await subscribe(client, "pro")
    fake_shopify.approve_charge(SHOP)
    await subscribe(client, "enterprise")
    fake_shopify.decline_charge(SHOP)
    await deliver_all(fake_shopify, client)
    assert (await shop_row(resources)).plan == "pro"


async def test_moving_to_the_free_plan_cancels_the_subscription_at_once(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str, billing_api: Settings
) -> None:
    await subscribe(client, "pro")
    fake_shopify.approve_charge(SHOP)
    await deliver_all(fake_shopify, client)
    [paid] = fake_shopify.active_subscriptions(SHOP)

    answer = await subscribe(client, "free")

    assert answer.status_code == 200, answer.text
    assert answer.json()["confirmation_url"] is None
    assert graphql_variables(fake_shopify, "appSubscriptionCancel") == [{"id": paid.gid}]
    assert paid.status == "CANCELLED"
    shop = await shop_row(resources)
    free = billing_api.plans["free"]
    assert (shop.plan, shop.daily_quota, shop.monthly_quota) == ("free", free.daily_quota, free.monthly_quota)
    await deliver_all(fake_shopify, client)  # Shopify's own word of the cancellation changes nothing more
    assert (await shop_row(resources)).plan == "free"
    assert (await subscriptions(resources))[paid.gid].status == "CANCELLED"
