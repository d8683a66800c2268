"""``app_subscriptions/update``: signed, once per event, and never moved backwards by an old delivery."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from seeit.config import Settings
from seeit.resources import Resources
from tests.billing.conftest import SHOP, audit_actions, deliver_all, shop_row, subscriptions
from tests.fakes.shopify import OutgoingWebhook
from tests.support import admin_headers


def again(fake_shopify: Any, webhook: OutgoingWebhook) -> OutgoingWebhook:
    """The same body delivered as a new event (a new event id), as Shopify does for a repeated update."""
    repeated: OutgoingWebhook = fake_shopify.signed_webhook(webhook.topic, webhook.shop, webhook.payload)
    return repeated


async def on_pro(fake_shopify: Any, client: httpx.AsyncClient) -> OutgoingWebhook:
    """The shop picks pro on the hosted plan page; the ACTIVE webhook has been delivered (and is returned)."""
    fake_shopify.choose_hosted_plan(SHOP, "pro")
    activated: OutgoingWebhook
    [activated] = fake_shopify.take_webhooks()
    assert (await fake_shopify.deliver(client, activated)).json() == {"status": "processed"}
    return activated


async def test_a_replayed_webhook_changes_nothing(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str
) -> None:
    activated = await on_pro(fake_shopify, client)
    recorded = await audit_actions(resources)
    stored = await subscriptions(resources)

    duplicate = await fake_shopify.deliver(client, activated)
    repeated = await fake_shopify.deliver(client, again(fake_shopify, activated))

    assert duplicate.json() == {"status": "duplicate"}
    assert repeated.json() == {"status": "processed"}
    assert await audit_actions(resources) == recorded
    [(gid, row)] = (await subscriptions(resources)).items()
    assert (row.status, row.plan, row.shopify_updated_at) == (
        stored[gid].status,
        stored[gid].plan,
        stored[gid].shopify_updated_at,
    )
    assert (await shop_row(resources)).plan == "pro"


async def test_an_out_of_order_webhook_with_an_older_updated_at_changes_nothing(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str
) -> None:
    activated = await on_pro(fake_shopify, client)
    [subscription] = fake_shopify.active_subscriptions(SHOP)
    fake_shopify.end_subscription(SHOP, subscription.gid, "FROZEN")
    await deliver_all(fake_shopify, client)
    assert (await shop_row(resources)).plan == "free"
    recorded = await audit_actions(resources)

    # The ACTIVE delivery, retried by Shopify, arrives after the newer FROZEN one.
    late = await fake_shopify.deliver(client, again(fake_shopify, activated))

    assert late.status_code == 200
    assert (await shop_row(resources)).plan == "free"
    assert (await subscriptions(resources))[subscription.gid].status == "FROZEN"
    assert await audit_actions(resources) == recorded


async def test_an_older_pending_delivery_does_not_undo_an_approval(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str, billing_api: Settings
) -> None:
    await client.post("/api/admin/billing/subscribe", json={"plan": "pro"}, headers=admin_headers(SHOP))
    [pending] = fake_shopify.take_webhooks()
    fake_shopify.approve_charge(SHOP)
    await deliver_all(fake_shopify, client)
    # Both in the same second at Shopify would tie on updated_at: a subscription is never pending again.
    stale = fake_shopify.signed_webhook(
        pending.topic,
        SHOP,
        {"app_subscription": {**pending.payload["app_subscription"], "updated_at": "2099-01-01T00:00:00-05:00"}},
    )
    assert (await fake_shopify.deliver(client, stale)).status_code == 200
    assert (await shop_row(resources)).plan == "pro"


@pytest.mark.parametrize("status", ["CANCELLED", "EXPIRED", "FROZEN", "DECLINED"])
async def test_an_ended_subscription_puts_the_shop_back_on_the_free_plan(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str, settings: Settings, status: str
) -> None:
    await on_pro(fake_shopify, client)
    [subscription] = fake_shopify.active_subscriptions(SHOP)

    fake_shopify.end_subscription(SHOP, subscription.gid, status)
    await deliver_all(fake_shopify, client)

    shop = await shop_row(resources)
    free = settings.plans["free"]
    assert (shop.plan, shop.daily_quota, shop.monthly_quota) == ("free", free.daily_quota, free.monthly_quota)
    assert ("shopify:webhook", "billing.plan_changed") in [(a, b) for a, b, _ in await audit_actions(resources)]


async def test_a_forged_webhook_is_refused_and_changes_nothing(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str
) -> None:
    fake_shopify.choose_hosted_plan(SHOP, "pro")
    [activated] = fake_shopify.take_webhooks()
    forged_headers = {**activated.headers, "X-Shopify-Hmac-Sha256": "bm90IHRoZSByaWdodCBkaWdlc3Q="}

    response = await client.post("/webhooks", content=activated.body, headers=forged_headers)
    tampered = await client.post(
        "/webhooks", content=activated.body.replace(b'"pro"', b'"enterprise"'), headers=activated.headers
    )

    assert response.status_code == 401
    assert tampered.status_code == 401
    assert response.json()["error"]["code"] == "invalid_signature"
    assert await subscriptions(resources) == {}
    assert (await shop_row(resources)).plan == "free"


async def test_a_malformed_subscription_payload_is_a_400_and_records_nothing(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str
) -> None:
    webhook = fake_shopify.signed_webhook(
        "app_subscriptions/update", SHOP, {"app_subscription": {"admin_graphql_api_id": "x", "status": "ACTIVE"}}
    )
    response = await fake_shopify.deliver(client, webhook)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"
    assert await subscriptions(resources) == {}
