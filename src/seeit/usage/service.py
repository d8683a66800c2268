"""Quota rules the storefront domains share: how a refused render is explained to the shopper; the counters' statements
that the other domains use."""

from __future__ import annotations

import math
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.errors import QuotaExceeded
from seeit.usage.repository import (
    QuotaWindow,
    RenderKind,
    UsageCounts,
    count_prep_render,
    day_reset_at,
    hold_month_near_midnight,
    month_reset_at,
    near_midnight,
    quota_use,
    refund_renders,
    reserve_render,
    reserve_render_sql,
    usage_by_day,
    usage_totals,
    utc_today,
)

# What the other domains use of the counters: the quota statement (alone, or inside their own statement), the
# refund, the prep count, the merchant's totals.
__all__ = [
    "QuotaWindow",
    "RenderKind",
    "UsageCounts",
    "count_prep_render",
    "hold_month_near_midnight",
    "near_midnight",
    "quota_exceeded",
    "refund_renders",
    "reserve_render",
    "reserve_render_sql",
    "usage_by_day",
    "usage_totals",
    "utc_today",
]


async def quota_exceeded(session: AsyncSession, window: QuotaWindow) -> QuotaExceeded:
    """The 429 for a render the quota statement refused: which quota, its limit, the use and the reset."""
    use = await quota_use(session, window.shop_id, window.day)
    # When the month is used up, waiting for tomorrow does not help: report the month.
    if use.month >= window.monthly_quota:
        scope, limit, used, resets_at = "monthly", window.monthly_quota, use.month, month_reset_at(window.day)
    else:
        scope, limit, used, resets_at = "daily", window.daily_quota, use.today, day_reset_at(window.day)
    retry_after = max(1, math.ceil((resets_at - datetime.now(UTC)).total_seconds()))
    return QuotaExceeded(
        f"The shop's {scope} render quota is used up.",
        details={"scope": scope, "limit": limit, "used": used, "resets_at": resets_at.isoformat()},
        headers={"Retry-After": str(retry_after)},
    )
