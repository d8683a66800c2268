"""An operator's quotas (``seeit shops set-plan --daily/--monthly``) outlast subscription changes until cleared."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from seeit.config import Settings
from seeit.resources import Resources
from tests.billing.conftest import SHOP, audit_actions, deliver_all, shop_row
from tests.foundation.test_cli import seeit

# Live: the commands run in processes of their own.
pytestmark = pytest.mark.live_database


async def test_an_operators_quota_override_survives_plan_changes_until_cleared(
    client: httpx.AsyncClient, resources: Resources, fake_shopify: Any, installed: str, settings: Settings
) -> None:
    granted = await asyncio.to_thread(seeit, settings, "shops", "set-plan", SHOP, "free", "--daily", "5000")
    assert granted.returncode == 0, granted.stderr

    fake_shopify.choose_hosted_plan(SHOP, "pro")
    await deliver_all(fake_shopify, client)

    shop = await shop_row(resources)
    pro = settings.plans["pro"]
    assert (shop.plan, shop.daily_quota, shop.monthly_quota) == ("pro", 5000, pro.monthly_quota)
    listed = await asyncio.to_thread(seeit, settings, "shops", "list")
    assert f"{SHOP}\tpro\tdaily=5000\tmonthly={pro.monthly_quota}" in listed.stdout
    assert "quota override" in listed.stdout

    cleared = await asyncio.to_thread(seeit, settings, "shops", "clear-override", SHOP)

    assert cleared.returncode == 0, cleared.stderr
    shop = await shop_row(resources)
    assert (shop.daily_quota, shop.monthly_quota) == (pro.daily_quota, pro.monthly_quota)
    assert (shop.daily_quota_override, shop.monthly_quota_override) == (None, None)
    [subscription] = fake_shopify.active_subscriptions(SHOP)
    fake_shopify.end_subscription(SHOP, subscription.gid)
    await deliver_all(fake_shopify, client)
    assert (await shop_row(resources)).daily_quota == settings.plans["free"].daily_quota
    actions = [(actor, action) for actor, action, _ in await audit_actions(resources)]
    assert ("operator:cli", "shop.plan_set") in actions
    assert ("operator:cli", "shop.quota_override_cleared") in actions


async def test_clear_override_refuses_an_unknown_shop(settings: Settings, resources: Resources) -> None:
    result = await asyncio.to_thread(seeit, settings, "shops", "clear-override", "nope.myshopify.com")
    assert result.returncode == 1
    assert "no shop" in result.stderr
