"""The operator's CLI: shops listed, plans and quotas changed."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest
from sqlalchemy import select

from seeit.config import Settings
from seeit.models import Shop
from seeit.resources import Resources
from tests.support import create_shop

# Live: the commands run in processes of their own.
pytestmark = pytest.mark.live_database


def seeit(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SEEIT_DATABASE_URL": settings.database_url, "SEEIT_REDIS_URL": settings.redis_url}
    return subprocess.run(
        [sys.executable, "-m", "seeit.cli", *args], env=env, capture_output=True, text=True, timeout=120
    )


async def test_shops_list_and_set_plan(settings: Settings, resources: Resources) -> None:
    await create_shop(resources, "alpha.myshopify.com", plan="free", daily_quota=10, monthly_quota=100)

    listed = await asyncio.to_thread(seeit, settings, "shops", "list")
    assert listed.returncode == 0, listed.stderr
    assert "alpha.myshopify.com\tfree\tdaily=10\tmonthly=100" in listed.stdout

    changed = await asyncio.to_thread(
        seeit, settings, "shops", "set-plan", "alpha.myshopify.com", "pro", "--daily", "2500", "--max-concurrent", "6"
    )
    assert changed.returncode == 0, changed.stderr
    async with resources.sessionmaker() as session:
        shop = await session.scalar(select(Shop).where(Shop.shop_domain == "alpha.myshopify.com"))
    assert shop is not None
    assert (shop.plan, shop.daily_quota, shop.monthly_quota, shop.max_concurrent_renders) == (
        "pro",
        2500,
        settings.plans["pro"].monthly_quota,
        6,
    )


async def test_set_plan_refuses_unknown_plans_and_shops(settings: Settings, resources: Resources) -> None:
    await create_shop(resources, "beta.myshopify.com")
    unknown_plan = await asyncio.to_thread(seeit, settings, "shops", "set-plan", "beta.myshopify.com", "platinum")
    assert unknown_plan.returncode == 1
    assert "no plan named 'platinum'" in unknown_plan.stderr
    unknown_shop = await asyncio.to_thread(seeit, settings, "shops", "set-plan", "nope.myshopify.com", "pro")
    assert unknown_shop.returncode == 1
    assert "no shop" in unknown_shop.stderr


def test_help_lists_the_commands() -> None:
    result = subprocess.run([sys.executable, "-m", "seeit.cli", "--help"], capture_output=True, text=True, timeout=60)
    for command in ("dev", "serve", "worker", "migrate", "shops"):
        assert command in result.stdout
