"""Every query on ``usage_daily``. Counters move by single atomic statements, never read-check-write."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession


def utc_today() -> date:
    return datetime.now(UTC).date()


_COUNT_PREP = text(
    """
    INSERT INTO usage_daily (id, shop_id, date, prep_renders)
    VALUES (gen_random_uuid(), :shop_id, :day, 1)
    ON CONFLICT (shop_id, date) DO UPDATE SET prep_renders = usage_daily.prep_renders + 1
    """
)


async def count_prep_render(session: AsyncSession, shop_id: uuid.UUID, day: date | None = None) -> None:
    """Record one prep render on ``day`` (today, UTC). Prep is counted but not limited by the quotas."""
    await session.execute(_COUNT_PREP, {"shop_id": shop_id, "day": day or utc_today()})
