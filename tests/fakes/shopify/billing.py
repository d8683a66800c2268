"""App subscriptions: ``appSubscriptionCreate``/``appSubscriptionCancel``, ``currentAppInstallation``, the
merchant's decisions (approve or decline a charge, pick a plan on App Pricing's hosted page) and the signed
``app_subscriptions/update`` webhooks those changes send.

Every status change queues a webhook in ``outgoing_webhooks``; a test delivers them (``deliver``), drops one
(a lost delivery), delivers one twice or in another order.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
import uuid
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from tests.fakes.shopify.base import FakeShopifyBase
from tests.fakes.shopify.state import APP_ID, FakeShop, FakeSubscription, OutgoingWebhook

PERIOD_SECONDS = {"EVERY_30_DAYS": 30 * 86400, "ANNUAL": 365 * 86400}
# Shopify renders webhook times in the shop's zone, with whole seconds.
SHOP_ZONE = timezone(timedelta(hours=-5))


def _iso(epoch: float | None) -> str | None:
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch, UTC).isoformat().replace("+00:00", "Z")


def shop_time(epoch: float) -> str:
    return datetime.fromtimestamp(int(epoch), SHOP_ZONE).isoformat()


class Billing(FakeShopifyBase):
    # --- what the merchant does at Shopify -----------------------------------------------------------------

    def approve_charge(self, shop: str, gid: str | None = None) -> str:
        """The merchant approves the pending charge (the newest unless named); the URL Shopify then sends the
        browser to (the charge's ``returnUrl`` with ``charge_id``)."""
        subscription = self._pending(shop, gid)
        replaced = self.active_subscriptions(shop)
        if subscription.replacement_behavior == "APPLY_ON_NEXT_BILLING_CYCLE" and replaced:
            self._set_status(shop, subscription, "ACCEPTED")  # starts when the current period ends
        else:
            self._activate(shop, subscription, replaced)
        charge_id = subscription.gid.rsplit("/", 1)[-1]
        separator = "&" if urlsplit(subscription.return_url).query else "?"
        return f"{subscription.return_url}{separator}{urlencode({'charge_id': charge_id})}"

    def decline_charge(self, shop: str, gid: str | None = None) -> None:
        self._set_status(shop, self._pending(shop, gid), "DECLINED")

    def next_billing_cycle(self, shop: str) -> None:
        """The current period ends: a subscription accepted for the next cycle replaces the active one."""
        for subscription in list(self.shop(shop).subscriptions.values()):
            if subscription.status == "ACCEPTED":
                self._activate(shop, subscription, self.active_subscriptions(shop))

    def choose_hosted_plan(
        self, shop: str, plan_handle: str, *, name: str = "", price: str = "49.00", interval: str = "EVERY_30_DAYS"
    ) -> FakeSubscription:
        """Shopify App Pricing's hosted plan page: the merchant picks and approves ``plan_handle``."""
        subscription = self._new_subscription(
            shop,
            name=name or plan_handle.capitalize(),
            price=price,
            currency="USD",
            interval=interval,
            test=True,
            trial_days=0,
            return_url=f"https://admin.shopify.com/store/{shop.split('.')[0]}/apps/see-it",
            replacement_behavior="STANDARD",
            plan_handle=plan_handle,
        )
        self._activate(shop, subscription, self.active_subscriptions(shop))
        return subscription

    def end_subscription(self, shop: str, gid: str, status: str = "CANCELLED") -> None:
        """Shopify ends a subscription on its own: the merchant cancels, the shop's billing is frozen."""
        self._set_status(shop, self.shop(shop).subscriptions[gid], status)

    def active_subscriptions(self, shop: str) -> list[FakeSubscription]:
        return [s for s in self.shop(shop).subscriptions.values() if s.status == "ACTIVE"]

    # --- webhooks ------------------------------------------------------------------------------------------

    def subscription_webhook(
        self, shop: str, subscription: FakeSubscription, *, updated_at: float | None = None
    ) -> OutgoingWebhook:
        """An ``app_subscriptions/update`` delivery about ``subscription`` as it is now, signed."""
        payload = {
            "app_subscription": {
                "admin_graphql_api_id": subscription.gid,
                "name": subscription.name,
                "status": subscription.status,
                "admin_graphql_api_shop_id": self.shop(shop).gid,
                "created_at": shop_time(subscription.created_at),
                "updated_at": shop_time(subscription.updated_at if updated_at is None else updated_at),
                "currency": subscription.currency,
                "price": subscription.price,
                "interval": subscription.interval.lower(),
                "plan_handle": subscription.plan_handle,
            }
        }
        return self.signed_webhook("app_subscriptions/update", shop, payload)

    def signed_webhook(self, topic: str, shop: str, payload: dict[str, Any]) -> OutgoingWebhook:
        body = json.dumps(payload, separators=(",", ":")).encode()
        digest = base64.b64encode(hmac.new(self.api_secret.encode(), body, hashlib.sha256).digest()).decode()
        headers = {
            "Content-Type": "application/json",
            "X-Shopify-Hmac-Sha256": digest,
            "X-Shopify-Topic": topic,
            "X-Shopify-Shop-Domain": shop,
            "X-Shopify-API-Version": self.api_versions[0],
            "X-Shopify-Webhook-Id": str(uuid.uuid4()),
            "X-Shopify-Event-Id": str(uuid.uuid4()),
            "X-Shopify-Triggered-At": _iso(time.time()) or "",
        }
        return OutgoingWebhook(topic=topic, shop=shop, body=body, headers=headers)

    def take_webhooks(self) -> list[OutgoingWebhook]:
        """The deliveries queued so far, removed from the queue."""
        taken, self.outgoing_webhooks[:] = list(self.outgoing_webhooks), []
        return taken

    @staticmethod
    async def deliver(client: httpx.AsyncClient, webhook: OutgoingWebhook) -> httpx.Response:
        return await client.post("/webhooks", content=webhook.body, headers=webhook.headers)

    # --- state changes -------------------------------------------------------------------------------------

    def _pending(self, shop: str, gid: str | None) -> FakeSubscription:
        subscriptions = self.shop(shop).subscriptions
        if gid is not None:
            subscription = subscriptions[gid]
        else:
            pending = [s for s in subscriptions.values() if s.status == "PENDING"]
            assert pending, f"{shop} has no pending charge to decide"
            subscription = max(pending, key=lambda s: s.created_at)
        assert subscription.status == "PENDING", f"{subscription.gid} is {subscription.status}, not PENDING"
        return subscription

    def _activate(self, shop: str, subscription: FakeSubscription, replaced: list[FakeSubscription]) -> None:
        for old in replaced:
            if old.gid != subscription.gid:
                self._set_status(shop, old, "CANCELLED")
        now = time.time()
        subscription.current_period_end = now + subscription.trial_days * 86400 + PERIOD_SECONDS[subscription.interval]
        self._set_status(shop, subscription, "ACTIVE")

    def _set_status(self, shop: str, subscription: FakeSubscription, status: str) -> None:
        # Later changes always carry a later updated_at, even within one second.
        subscription.updated_at = max(time.time(), subscription.updated_at + 1)
        subscription.status = status
        self.outgoing_webhooks.append(self.subscription_webhook(shop, subscription))

    def _new_subscription(self, shop: str, **fields: Any) -> FakeSubscription:
        number = 29000000 + sum(len(s.subscriptions) for s in self.shops.values()) + 1
        now = time.time()
        subscription = FakeSubscription(
            gid=f"gid://shopify/AppSubscription/{number}", status="PENDING", created_at=now, updated_at=now, **fields
        )
        self.shop(shop).subscriptions[subscription.gid] = subscription
        return subscription


class BillingResolvers:
    """The Admin GraphQL fields of app billing, for one shop."""

    def __init__(self, fake: Billing, shop: FakeShop) -> None:
        self.fake = fake
        self.shop = shop

    def fields(self) -> dict[str, Any]:
        return {
            "currentAppInstallation": lambda info: {
                "id": f"gid://shopify/AppInstallation/{APP_ID}",
                "activeSubscriptions": [self.node(s) for s in self.fake.active_subscriptions(self.shop.domain)],
            },
            "nodes": lambda info, ids: [
                self.node(self.shop.subscriptions[gid]) if gid in self.shop.subscriptions else None for gid in ids
            ],
            "appSubscriptionCreate": self._create,
            "appSubscriptionCancel": self._cancel,
        }

    @staticmethod
    def node(subscription: FakeSubscription) -> dict[str, Any]:
        return {
            "__typename": "AppSubscription",
            "id": subscription.gid,
            "name": subscription.name,
            "status": subscription.status,
            "test": subscription.test,
            "trialDays": subscription.trial_days,
            "createdAt": _iso(subscription.created_at),
            "currentPeriodEnd": _iso(subscription.current_period_end),
            "returnUrl": subscription.return_url,
            "lineItems": [
                {
                    "id": f"gid://shopify/AppSubscriptionLineItem/{subscription.gid.rsplit('/', 1)[-1]}",
                    "plan": {
                        "pricingDetails": {
                            "__typename": "AppRecurringPricing",
                            "interval": subscription.interval,
                            "planHandle": subscription.plan_handle,
                            "price": {"amount": subscription.price, "currencyCode": subscription.currency},
                            "discount": None,
                        }
                    },
                }
            ],
        }

    def _create(
        self,
        info: Any,
        name: str,
        lineItems: list[dict[str, Any]],
        returnUrl: str,
        test: bool = False,
        trialDays: int | None = None,
        replacementBehavior: str = "STANDARD",
    ) -> dict[str, Any]:
        errors = self._create_errors(name, lineItems, returnUrl, test)
        if errors:
            return {"appSubscription": None, "confirmationUrl": None, "userErrors": errors}
        recurring = lineItems[0]["plan"]["appRecurringPricingDetails"]
        subscription = self.fake._new_subscription(
            self.shop.domain,
            name=name,
            price=str(recurring["price"]["amount"]),
            currency=recurring["price"]["currencyCode"],
            interval=recurring.get("interval") or "EVERY_30_DAYS",
            test=bool(test),
            trial_days=trialDays or 0,
            return_url=returnUrl,
            replacement_behavior=replacementBehavior,
        )
        self.fake.outgoing_webhooks.append(self.fake.subscription_webhook(self.shop.domain, subscription))
        charge = subscription.gid.rsplit("/", 1)[-1]
        url = (
            f"https://{self.shop.domain}/admin/charges/{APP_ID}/{charge}/RecurringApplicationCharge/"
            f"confirm_recurring_application_charge?signature={secrets.token_hex(8)}"
        )
        return {"appSubscription": self.node(subscription), "confirmationUrl": url, "userErrors": []}

    def _create_errors(
        self, name: str, line_items: list[dict[str, Any]], return_url: str, test: bool
    ) -> list[dict[str, Any]]:
        errors: list[dict[str, Any]] = []
        if not 1 <= len(name.strip()) <= 255:
            errors.append({"field": ["name"], "message": "Name can't be blank"})
        parts = urlsplit(return_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            errors.append({"field": ["returnUrl"], "message": "Return url is invalid"})
        recurring = [item["plan"].get("appRecurringPricingDetails") for item in line_items]
        if len(line_items) != 1 or recurring[0] is None:
            errors.append({"field": ["lineItems"], "message": "One recurring line item is required"})
        else:
            try:
                amount = Decimal(str(recurring[0]["price"]["amount"]))
            except InvalidOperation:
                amount = Decimal(0)
            if amount <= 0:
                errors.append({"field": ["lineItems", "0", "plan", "price"], "message": "Price must be positive"})
        if self.shop.development_store and not test:
            errors.append({"field": None, "message": "The shop cannot accept the provided charge."})
        return errors

    def _cancel(self, info: Any, id: str, prorate: bool = False) -> dict[str, Any]:
        subscription = self.shop.subscriptions.get(id)
        if subscription is None or subscription.status != "ACTIVE":
            return {"appSubscription": None, "userErrors": [{"field": ["id"], "message": "Subscription not found"}]}
        self.fake._set_status(self.shop.domain, subscription, "CANCELLED")
        return {"appSubscription": self.node(subscription), "userErrors": []}
