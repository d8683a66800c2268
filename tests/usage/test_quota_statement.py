"""The quota statement alone, under real concurrency: never more counted renders than the quotas allow."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from seeit.db import transaction
from seeit.resources import Resources
from seeit.usage.repository import (
    QuotaWindow,
    hold_month_near_midnight,
    quota_use,
    refund_renders,
    reserve_render,
    utc_today,
)
from tests.factories import add_usage
from tests.support import create_shop

# Live: concurrent transactions race on the quota's row locks.
pytestmark = pytest.mark.live_database


async def reserve_many(resources: Resources, window: QuotaWindow, count: int, kind: str = "composite") -> int:
    async def one(i: int) -> bool:
        async with transaction(resources) as session:
            return await reserve_render(session, "cleanup" if i % 3 == 0 else "composite", window)

    results = await asyncio.gather(*(one(i) for i in range(count)))
    return sum(results)


async def seed_day(resources: Resources, shop_id: uuid.UUID, day: date, composite: int) -> None:
    async with transaction(resources) as session:
        await add_usage(session, shop_id, day, composite_renders=composite)


async def test_concurrent_reservations_stop_exactly_at_the_daily_quota(resources: Resources) -> None:
    shop = await create_shop(resources, "q1.myshopify.com")
    window = QuotaWindow(shop.id, utc_today(), daily_quota=7, monthly_quota=1000)

    accepted = await reserve_many(resources, window, 40)

    assert accepted == 7
    async with resources.sessionmaker() as session:
        assert (await quota_use(session, shop.id, window.day)).today == 7


async def test_first_render_of_the_day_respects_the_monthly_quota(resources: Resources) -> None:
    shop = await create_shop(resources, "q2.myshopify.com")
    today = utc_today()
    earlier = today.replace(day=1) if today.day > 1 else None
    window = QuotaWindow(shop.id, today, daily_quota=100, monthly_quota=10)
    if earlier is None:  # the 1st of the month: nothing earlier to seed, the month is today
        await seed_day(resources, shop.id, today, 10)
    else:
        await seed_day(resources, shop.id, earlier, 10)

    async with transaction(resources) as session:
        assert await reserve_render(session, "composite", window) is False


async def test_concurrent_reservations_stop_exactly_at_the_monthly_quota(resources: Resources) -> None:
    shop = await create_shop(resources, "q3.myshopify.com")
    today = utc_today()
    window = QuotaWindow(shop.id, today, daily_quota=100, monthly_quota=12)
    if today.day > 1:
        await seed_day(resources, shop.id, today - timedelta(days=1), 5)
        expected = 7
    else:
        expected = 12
    # Last month's renders do not count against this month.
    await seed_day(resources, shop.id, today.replace(day=1) - timedelta(days=1), 50)

    accepted = await reserve_many(resources, window, 40)

    assert accepted == expected
    async with resources.sessionmaker() as session:
        assert (await quota_use(session, shop.id, today)).month == 12


async def test_a_daily_quota_of_zero_accepts_nothing(resources: Resources) -> None:
    shop = await create_shop(resources, "q4.myshopify.com")
    window = QuotaWindow(shop.id, utc_today(), daily_quota=0, monthly_quota=100)
    async with transaction(resources) as session:
        assert await reserve_render(session, "cleanup", window) is False
        assert (await quota_use(session, shop.id, window.day)).today == 0


async def test_a_refund_frees_one_render(resources: Resources) -> None:
    shop = await create_shop(resources, "q5.myshopify.com")
    window = QuotaWindow(shop.id, utc_today(), daily_quota=1, monthly_quota=10)
    async with transaction(resources) as session:
        assert await reserve_render(session, "composite", window)
        assert not await reserve_render(session, "composite", window)
        await refund_renders(session, shop.id, "composite", window.day)
        assert await reserve_render(session, "composite", window)


async def test_renders_either_side_of_midnight_cannot_both_take_the_last_of_the_month(resources: Resources) -> None:
    shop = await create_shop(resources, "midnight.myshopify.com")
    before, after = date(2026, 11, 14), date(2026, 11, 15)
    await seed_day(resources, shop.id, date(2026, 11, 2), 9)  # one render left this month
    late = QuotaWindow(shop.id, before, daily_quota=100, monthly_quota=10)  # its day computed at 23:59:59
    early = QuotaWindow(shop.id, after, daily_quota=100, monthly_quota=10)

    async with transaction(resources) as first:
        assert await hold_month_near_midnight(first, shop.id, datetime(2026, 11, 14, 23, 59, 59, tzinfo=UTC))
        assert await reserve_render(first, "composite", late)

        async def just_after_midnight() -> bool:
            async with transaction(resources) as second:
                await hold_month_near_midnight(second, shop.id, datetime(2026, 11, 15, 0, 0, 1, tzinfo=UTC))
                return await reserve_render(second, "composite", early)

        second = asyncio.create_task(just_after_midnight())
        await asyncio.sleep(0.3)
        assert not second.done()  # it waits for the first render's transaction
    assert await second is False

    async with resources.sessionmaker() as session:
        assert (await quota_use(session, shop.id, after)).month == 10


async def test_away_from_midnight_no_lock_is_taken(resources: Resources) -> None:
    shop = await create_shop(resources, "noon.myshopify.com")
    async with transaction(resources) as session:
        assert not await hold_month_near_midnight(session, shop.id, datetime(2026, 11, 14, 12, 0, tzinfo=UTC))
        assert not await hold_month_near_midnight(session, shop.id, datetime(2026, 11, 14, 23, 58, tzinfo=UTC))
        assert await hold_month_near_midnight(session, shop.id, datetime(2026, 11, 14, 0, 1, tzinfo=UTC))
