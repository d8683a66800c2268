"""Looks up installed shops for authentication, with a short in-process cache for the hot path."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, replace

from seeit.db import driver_connection
from seeit.resources import Resources
from seeit.shops.repository import installed_shop_by_domain_on_driver

# A shop that uninstalls is refused by every replica within this many seconds; this replica at once.
CACHE_SECONDS = 5.0


@dataclass(frozen=True)
class ShopContext:
    """What an authenticated request knows about its shop (and, in the admin, who is acting)."""

    id: uuid.UUID
    shop_domain: str
    plan: str
    daily_quota: int
    monthly_quota: int
    max_concurrent_renders: int | None
    actor: str | None = None

    def acting_as(self, actor: str | None) -> ShopContext:
        return replace(self, actor=actor)


_cache: dict[str, tuple[float, ShopContext | None]] = {}


async def installed_shop(resources: Resources, shop_domain: str) -> ShopContext | None:
    """The installed shop with this domain, or None when it is unknown or uninstalled."""
    now = time.monotonic()
    cached = _cache.get(shop_domain)
    if cached is not None and cached[0] > now:
        return cached[1]
    async with driver_connection(resources, transaction=False) as driver:
        record = await installed_shop_by_domain_on_driver(driver, shop_domain)
    shop = (
        ShopContext(
            id=record.id,
            shop_domain=record.shop_domain,
            plan=record.plan,
            daily_quota=record.daily_quota,
            monthly_quota=record.monthly_quota,
            max_concurrent_renders=record.max_concurrent_renders,
        )
        if record is not None
        else None
    )
    _cache[shop_domain] = (now + CACHE_SECONDS, shop)
    return shop


def forget_shop(shop_domain: str) -> None:
    """Drop a cached shop after its installation, plan or quotas change."""
    _cache.pop(shop_domain, None)


def forget_all_shops() -> None:
    _cache.clear()
