"""Every query on ``usage_daily``. Counters move by single atomic statements, never read-check-write.

Why the quota statement is exact under any concurrency (READ COMMITTED):
- every increment of a shop's month goes through the row of the day it is counted on, ``(shop_id, :day)``;
- ``ON CONFLICT … DO UPDATE`` locks that row and evaluates its ``WHERE`` against the newest committed
  version of it (not the statement's snapshot), so today's count, and with it the month's share of today,
  is read under the lock: two requests for the same shop are serialised on that row;
- two first-of-the-day requests race on the speculative insert: the loser waits for the winner and then
  takes the ``DO UPDATE`` branch against the winner's row;
- the earlier days of the month come from the statement's snapshot. They only ever go *down* (refunds)
  once their day is over, so a stale view can refuse a render a moment too early, never accept one too many.
- around UTC midnight a request whose day was computed before midnight can still count on yesterday's row
  while another counts on today's: two rows, so neither statement waits for the other and each month check
  misses the other's render. Within ``MIDNIGHT_EDGE`` of midnight the shop's quota statements therefore
  first take a per-shop transaction lock (``hold_month_near_midnight``), in a statement of its own so the
  quota statement's snapshot is taken after the previous holder committed. Away from midnight that costs
  nothing: the lock is not taken.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

RenderKind = Literal["cleanup", "composite"]

# Longer than any accept transaction lives (statements time out after 30 s), so every request that could
# still count on yesterday's row after midnight took the lock too.
MIDNIGHT_EDGE = timedelta(seconds=90)
_MONTH_LOCK_NAMESPACE = 0x5EE17  # the first key of pg_advisory_xact_lock(int, int): usage months
_COLUMNS: dict[RenderKind, str] = {"cleanup": "cleanup_renders", "composite": "composite_renders"}


def utc_today() -> date:
    return datetime.now(UTC).date()


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month_start(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def day_reset_at(day: date) -> datetime:
    """When the daily quota of ``day`` resets: the next UTC midnight."""
    return datetime.combine(day + timedelta(days=1), time(), tzinfo=UTC)


def month_reset_at(day: date) -> datetime:
    return datetime.combine(next_month_start(day), time(), tzinfo=UTC)


@dataclass(frozen=True)
class QuotaWindow:
    """The parameters every quota statement binds: the shop, the day counted on and its quotas."""

    shop_id: uuid.UUID
    day: date
    daily_quota: int
    monthly_quota: int

    def params(self) -> dict[str, Any]:
        return {
            "shop_id": self.shop_id,
            "day": self.day,
            "month_start": month_start(self.day),
            "daily_quota": self.daily_quota,
            "monthly_quota": self.monthly_quota,
        }


_EARLIER_THIS_MONTH = """(
    SELECT coalesce(sum(p.cleanup_renders + p.composite_renders), 0) FROM usage_daily p
    WHERE p.shop_id = :shop_id AND p.date >= :month_start AND p.date < :day
)"""


def reserve_render_sql(kind: RenderKind, *, guard: str = "TRUE") -> str:
    """The one statement that counts a storefront render only while the day and the month are under quota.

    It returns one row (``used_today``, the day's count after this render) when the render is counted and
    none when it is refused. ``guard`` is a further SQL condition, so callers can fold their own checks
    (idempotency, renders in flight) into the same statement. Binds :shop_id, :day, :month_start,
    :daily_quota and :monthly_quota (``QuotaWindow.params()``).
    """
    column = _COLUMNS[kind]
    return f"""
    INSERT INTO usage_daily AS u (id, shop_id, date, {column})
    SELECT gen_random_uuid(), :shop_id, :day, 1
    WHERE ({guard}) AND :daily_quota > 0 AND {_EARLIER_THIS_MONTH} < :monthly_quota
    ON CONFLICT (shop_id, date) DO UPDATE SET {column} = u.{column} + 1
    WHERE u.cleanup_renders + u.composite_renders < :daily_quota
      AND u.cleanup_renders + u.composite_renders + {_EARLIER_THIS_MONTH} < :monthly_quota
    RETURNING u.cleanup_renders + u.composite_renders AS used_today
    """


_RESERVE = {kind: text(reserve_render_sql(kind)) for kind in _COLUMNS}

_HOLD_MONTH = text("SELECT pg_advisory_xact_lock(:namespace, hashtext(CAST(:shop_id AS text)))")


def near_midnight(now: datetime) -> bool:
    since_midnight = now - datetime.combine(now.date(), time(), tzinfo=UTC)
    return since_midnight < MIDNIGHT_EDGE or since_midnight > timedelta(days=1) - MIDNIGHT_EDGE


async def hold_month_near_midnight(session: AsyncSession, shop_id: uuid.UUID, now: datetime | None = None) -> bool:
    """Near UTC midnight, queue the shop's quota statements one transaction at a time (see the module's
    docstring); True when the lock was taken. Call it before any other lock the transaction takes."""
    if not near_midnight(now or datetime.now(UTC)):
        return False
    await session.execute(_HOLD_MONTH, {"namespace": _MONTH_LOCK_NAMESPACE, "shop_id": str(shop_id)})
    return True


async def reserve_render(session: AsyncSession, kind: RenderKind, window: QuotaWindow) -> bool:
    """Count one ``kind`` render on ``window.day``; False (nothing counted) when a quota is used up."""
    result = await session.execute(_RESERVE[kind], window.params())
    return result.first() is not None


# The one refund statement: ``n`` renders counted on ``day`` given back, never below zero.
_REFUND = {
    kind: text(
        f"""
        UPDATE usage_daily SET {column} = greatest({column} - :n, 0)
        WHERE shop_id = :shop_id AND date = :day
        """
    )
    for kind, column in _COLUMNS.items()
}


async def refund_renders(session: AsyncSession, shop_id: uuid.UUID, kind: RenderKind, day: date, n: int = 1) -> None:
    """Give back ``n`` ``kind`` renders counted on ``day``. Callers make sure each render is given back once."""
    await session.execute(_REFUND[kind], {"shop_id": shop_id, "day": day, "n": n})


_USED = text(
    """
    SELECT
        coalesce(sum(cleanup_renders + composite_renders) FILTER (WHERE date = :day), 0) AS today,
        coalesce(sum(cleanup_renders + composite_renders), 0) AS month
    FROM usage_daily WHERE shop_id = :shop_id AND date >= :month_start AND date <= :day
    """
)


@dataclass(frozen=True)
class QuotaUse:
    today: int
    month: int


async def quota_use(session: AsyncSession, shop_id: uuid.UUID, day: date) -> QuotaUse:
    """The storefront renders (cleanup + composite) counted on ``day`` and in its month so far."""
    row = (await session.execute(_USED, {"shop_id": shop_id, "day": day, "month_start": month_start(day)})).one()
    return QuotaUse(today=int(row.today), month=int(row.month))


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


@dataclass(frozen=True)
class UsageCounts:
    prep_renders: int = 0
    cleanup_renders: int = 0
    composite_renders: int = 0


_USAGE_TOTALS = text(
    """
    SELECT coalesce(sum(prep_renders), 0), coalesce(sum(cleanup_renders), 0), coalesce(sum(composite_renders), 0)
    FROM usage_daily WHERE shop_id = :shop_id AND date BETWEEN :first AND :last
    """
)

_USAGE_DAYS = text(
    """
    SELECT date, prep_renders, cleanup_renders, composite_renders
    FROM usage_daily WHERE shop_id = :shop_id AND date BETWEEN :first AND :last
    """
)


async def usage_totals(session: AsyncSession, shop_id: uuid.UUID, first: date, last: date) -> UsageCounts:
    """Renders counted from ``first`` to ``last`` inclusive."""
    row = (await session.execute(_USAGE_TOTALS, {"shop_id": shop_id, "first": first, "last": last})).one()
    return UsageCounts(int(row[0]), int(row[1]), int(row[2]))


async def usage_by_day(session: AsyncSession, shop_id: uuid.UUID, first: date, last: date) -> dict[date, UsageCounts]:
    """The days from ``first`` to ``last`` that have a row; the caller fills the rest with zeros."""
    rows = await session.execute(_USAGE_DAYS, {"shop_id": shop_id, "first": first, "last": last})
    return {row[0]: UsageCounts(row[1], row[2], row[3]) for row in rows}
