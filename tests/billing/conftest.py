"""The billing tests' world: a shop installed through the fake Shopify, which also bills it."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from seeit.config import Settings
from seeit.models import AuditEvent, Shop, Subscription
from seeit.resources import Resources
from tests.support import admin_headers

SHOP = "billing.myshopify.com"


@pytest.fixture
async def installed(fake_shopify: Any, client: httpx.AsyncClient) -> str:
    """The shop, installed the way an embedded admin does it (token exchange): on the free plan."""
    response = await client.post("/auth/token-exchange", headers=admin_headers(SHOP))
    assert response.status_code == 200, response.text
    assert response.json()["plan"] == "free"
    return SHOP


@pytest.fixture
def billing_api(resources: Resources, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The service charging with the Billing API (``appSubscriptionCreate``) instead of App Pricing."""
    changed = settings.model_copy(update={"billing_mode": "billing_api"})
    monkeypatch.setattr(resources, "settings", changed)
    return changed


async def subscribe(client: httpx.AsyncClient, plan: str, shop: str = SHOP) -> httpx.Response:
    return await client.post("/api/admin/billing/subscribe", json={"plan": plan}, headers=admin_headers(shop))


async def deliver_all(fake_shopify: Any, client: httpx.AsyncClient) -> list[httpx.Response]:
    """Deliver every webhook the fake Shopify has queued, in order; each must be accepted."""
    answers = [await fake_shopify.deliver(client, webhook) for webhook in fake_shopify.take_webhooks()]
    assert all(answer.status_code == 200 for answer in answers), [a.text for a in answers]
    return answers


async def shop_row(resources: Resources, shop: str = SHOP) -> Shop:
    async with resources.sessionmaker() as session:
        row = await session.scalar(select(Shop).where(Shop.shop_domain == shop))
    assert row is not None
    return row


async def subscriptions(resources: Resources) -> dict[str, Subscription]:
    async with resources.sessionmaker() as session:
        rows = await session.scalars(select(Subscription))
        return {row.shopify_gid: row for row in rows}


async def audit_actions(resources: Resources) -> list[tuple[str, str, dict[str, Any] | None]]:
    async with resources.sessionmaker() as session:
        rows = await session.scalars(select(AuditEvent).order_by(AuditEvent.created_at, AuditEvent.id))
        return [(row.actor, row.action, row.details) for row in rows]


def graphql_variables(fake_shopify: Any, operation: str) -> list[dict[str, Any]]:
    """The variables of every request the service sent whose document names ``operation``."""
    return [
        request.body.get("variables") or {}
        for request in fake_shopify.graphql_requests(SHOP)
        if operation in request.query
    ]
