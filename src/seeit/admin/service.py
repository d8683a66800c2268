"""The embedded admin's reads that span domains: Home's shop overview (shops, usage, billing)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.admin.schemas import ShopOut, UsageSummary
from seeit.billing import service as billing
from seeit.config import Settings
from seeit.errors import ShopNotInstalled
from seeit.shops import service as shops


async def shop_overview(session: AsyncSession, settings: Settings, shop: shops.ShopContext, today: date) -> ShopOut:
    record = await shops.installed_shop_record(session, shop.id)
    if record is None:
        raise ShopNotInstalled()
    day, month = await shops.usage_summary(session, shop.id, today)
    subscription = await billing.shown_subscription_out(session, shop.id)
    return ShopOut(
        shop_domain=record.shop_domain,
        plan=record.plan,
        daily_quota=record.daily_quota,
        monthly_quota=record.monthly_quota,
        max_concurrent_renders=record.max_concurrent_renders or settings.plan(record.plan).max_concurrent_renders,
        watermark=await shops.shop_preferences_watermark(session, settings, shop, record.plan),
        installed_at=record.created_at,
        usage=UsageSummary(today=day, month=month),
        subscription=subscription,
    )
