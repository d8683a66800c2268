"""Every query on ``pending_objects``."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.models import PendingObject


async def expect(session: AsyncSession, keys: Collection[str]) -> None:
    """Record that ``keys`` are about to be written."""
    if keys:
        await session.execute(insert(PendingObject).values([{"key": key} for key in keys]).on_conflict_do_nothing())


async def settle(session: AsyncSession, keys: Collection[str]) -> int:
    """Forget the pending records of ``keys``; returns how many there were."""
    if not keys:
        return 0
    result = await session.execute(delete(PendingObject).where(PendingObject.key.in_(keys)))
    return int(result.rowcount)  # type: ignore[attr-defined]


async def lock_stale(session: AsyncSession, *, before: datetime, limit: int) -> list[str]:
    """Keys pending since before ``before``, locked for this transaction (others skip them)."""
    rows = await session.execute(
        select(PendingObject.key)
        .where(PendingObject.created_at < before)
        .order_by(PendingObject.created_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(rows.scalars())
