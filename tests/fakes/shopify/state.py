"""What the fake Shopify keeps: constants, app namespace resolution, shops, products, images and recorded requests."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange"
APP_ID = "7654321"
APP_NAMESPACE_PREFIX = f"app--{APP_ID}--"
# The metafield definitions shopify.app.toml declares: key → type.
APP_METAFIELD_TYPES = {
    "enabled": "boolean",
    "default_asset_id": "single_line_text_field",
    "style_preset": "single_line_text_field",
}
KNOWN_TYPES = {"boolean", "single_line_text_field", "multi_line_text_field", "number_integer", "json"}


def resolve_namespace(namespace: str | None) -> str:
    """``$app:see_it`` → ``app--<app id>--see_it``, as Shopify resolves app-reserved namespaces."""
    namespace = namespace or "$app"
    if namespace.startswith("$app:"):
        return APP_NAMESPACE_PREFIX + namespace.removeprefix("$app:")
    if namespace == "$app":
        return APP_NAMESPACE_PREFIX.rstrip("-")
    return namespace


@dataclass
class FakeImage:
    id: str  # gid://shopify/MediaImage/N
    url: str
    width: int = 1200
    height: int = 1200
    alt: str | None = None


@dataclass
class FakeProduct:
    id: str  # gid://shopify/Product/N
    title: str
    images: list[FakeImage] = field(default_factory=list)
    # (resolved namespace, key) → (type, value)
    metafields: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    updated_at: str = "2026-11-24T10:00:00Z"

    def app_metafield(self, key: str) -> str | None:
        found = self.metafields.get((resolve_namespace("$app:see_it"), key))
        return found[1] if found else None


@dataclass
class FakeSubscription:
    """An app subscription (Billing API or App Pricing) as Shopify keeps it."""

    gid: str
    name: str
    status: str  # AppSubscriptionStatus
    price: str
    currency: str
    interval: str  # AppPricingInterval
    test: bool
    trial_days: int
    return_url: str
    replacement_behavior: str
    created_at: float  # epoch seconds
    updated_at: float
    plan_handle: str | None = None  # set for App Pricing plans
    current_period_end: float | None = None


@dataclass
class OutgoingWebhook:
    """A delivery Shopify would send: the exact body and its signed headers."""

    topic: str
    shop: str
    body: bytes
    headers: dict[str, str]

    @property
    def payload(self) -> dict[str, Any]:
        parsed: dict[str, Any] = json.loads(self.body)
        return parsed


@dataclass
class FakeShop:
    domain: str
    gid: str
    products: dict[str, FakeProduct] = field(default_factory=dict)
    access_tokens: dict[str, float] = field(default_factory=dict)  # token → expiry (epoch seconds)
    refresh_tokens: dict[str, float] = field(default_factory=dict)  # unspent token → expiry
    spent_refresh_tokens: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)
    throttles: int = 0
    failures: list[int] = field(default_factory=list)
    subscriptions: dict[str, FakeSubscription] = field(default_factory=dict)
    # A development store accepts test charges only, as Shopify's do.
    development_store: bool = True


@dataclass
class RecordedRequest:
    kind: str  # "token" or "graphql"
    shop: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    status: int = 0
    outcome: str = ""  # what the fake made of it: "issued", "invalid_subject_token", "THROTTLED", ...

    @property
    def grant(self) -> str:
        if self.body.get("grant_type") == "refresh_token":
            return "refresh"
        if self.body.get("grant_type") == TOKEN_EXCHANGE_GRANT:
            return "token_exchange"
        return "code" if "code" in self.body else str(self.body.get("grant_type", ""))

    @property
    def query(self) -> str:
        return str(self.body.get("query", ""))
