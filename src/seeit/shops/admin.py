"""Operator actions on shops, used by the ``seeit shops`` command."""

from __future__ import annotations

from sqlalchemy import select

from seeit.audit.repository import record_action
from seeit.config import Settings
from seeit.db import create_engine, create_sessionmaker
from seeit.models import Shop

# Who the audit trail names for actions taken from the command line.
OPERATOR = "operator:cli"


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
    """Move a shop to ``plan``. A quota given here becomes an override that later plan changes (a
    subscription's included) keep until ``clear_quota_override``; a quota not given keeps any override."""
    if plan not in settings.plans:
        raise UnknownPlan(f"no plan named {plan!r}; plans: {', '.join(sorted(settings.plans))}")
    tier = settings.plans[plan]
    engine = create_engine(settings.database_url, pool_size=1)
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            shop = await session.scalar(select(Shop).where(Shop.shop_domain == shop_domain).with_for_update())
            if shop is None:
                raise UnknownShop(f"no shop {shop_domain!r}")
            if daily_quota is not None:
                shop.daily_quota_override = daily_quota
            if monthly_quota is not None:
                shop.monthly_quota_override = monthly_quota
            previous = shop.plan
            shop.plan = plan
            shop.daily_quota = tier.daily_quota if shop.daily_quota_override is None else shop.daily_quota_override
            shop.monthly_quota = (
                tier.monthly_quota if shop.monthly_quota_override is None else shop.monthly_quota_override
            )
            shop.max_concurrent_renders = max_concurrent_renders
            record_action(
                session,
                shop.id,
                OPERATOR,
                "shop.plan_set",
                None,
                {
                    "from": previous,
                    "to": plan,
                    "daily_quota_override": shop.daily_quota_override,
                    "monthly_quota_override": shop.monthly_quota_override,
                    "max_concurrent_renders": max_concurrent_renders,
                },
            )
            return shop
    finally:
        await engine.dispose()


async def clear_quota_override(settings: Settings, shop_domain: str) -> Shop:
    """Drop an operator's quota override: the shop's quotas are its plan's again."""
    engine = create_engine(settings.database_url, pool_size=1)
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            shop = await session.scalar(select(Shop).where(Shop.shop_domain == shop_domain).with_for_update())
            if shop is None:
                raise UnknownShop(f"no shop {shop_domain!r}")
            tier = settings.plan(shop.plan)
            cleared = {
                "daily_quota_override": shop.daily_quota_override,
                "monthly_quota_override": shop.monthly_quota_override,
            }
            shop.daily_quota_override = shop.monthly_quota_override = None
            shop.daily_quota, shop.monthly_quota = tier.daily_quota, tier.monthly_quota
            record_action(session, shop.id, OPERATOR, "shop.quota_override_cleared", None, cleared)
            return shop
    finally:
        await engine.dispose()
