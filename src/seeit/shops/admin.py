"""Operator actions on shops, used by the ``seeit shops`` command."""

from __future__ import annotations

from sqlalchemy import select

from seeit.config import Settings
from seeit.db import create_engine, create_sessionmaker
from seeit.models import Shop


class UnknownShop(LookupError):
    pass


class UnknownPlan(LookupError):
    pass


async def list_shops(settings: Settings) -> list[Shop]:
    engine = create_engine(settings.database_url, pool_size=1)
    try:
        async with create_sessionmaker(engine)() as session:
            return list((await session.scalars(select(Shop).order_by(Shop.shop_domain))).all())
    finally:
        await engine.dispose()


async def set_shop_plan(
    settings: Settings,
    shop_domain: str,
    plan: str,
    *,
    daily_quota: int | None = None,
    monthly_quota: int | None = None,
    max_concurrent_renders: int | None = None,
) -> Shop:
    """Move a shop to ``plan``; the shop keeps its own effective quota numbers."""
    if plan not in settings.plans:
        raise UnknownPlan(f"no plan named {plan!r}; plans: {', '.join(sorted(settings.plans))}")
    tier = settings.plans[plan]
    engine = create_engine(settings.database_url, pool_size=1)
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            shop = await session.scalar(select(Shop).where(Shop.shop_domain == shop_domain).with_for_update())
            if shop is None:
                raise UnknownShop(f"no shop {shop_domain!r}")
            shop.plan = plan
            shop.daily_quota = tier.daily_quota if daily_quota is None else daily_quota
            shop.monthly_quota = tier.monthly_quota if monthly_quota is None else monthly_quota
            shop.max_concurrent_renders = max_concurrent_renders
            return shop
    finally:
        await engine.dispose()
