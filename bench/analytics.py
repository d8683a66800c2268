"""Benchmark of the merchant's funnel (``GET /api/admin/analytics``) on a shop with a million storefront events,
and of appending a storefront batch. Not a test.

    .venv/bin/python bench/analytics.py [--events 1000000] [--repeat 7]

The database (``SEEIT_BENCH_DATABASE_URL``, default ``…/seeit_bench_analytics``) is recreated and migrated;
the shop's events are bulk-loaded with ``generate_series`` (30 days, 200 products, 100,000 visitors, one in ten
logged in), beside a second shop with a fifth as many, and 5,000 attributed orders; their day counts are built
from them in one ``GROUP BY``, as the appends would have. Each figure is the median of ``--repeat`` warm runs,
next to floors measured in the same run:

- funnel: the service's ``analytics`` (by day, by product, orders and revenue: four statements) against the
  floor ``sum(events)`` of the same day counts (one pass, nothing grouped), and beside it what counting the
  raw events would cost (``count(*)`` of the range, the least any query over the events can do);
- append: ``insert_events_on_driver`` with a batch of 5 events (events and their day counts, one statement,
  committed without waiting for the WAL flush) against the floor of inserting the same events alone the same
  way; beside them the events alone with an ordinary commit, and a ``SELECT 1`` round trip.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import asyncpg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from seeit import migrate  # noqa: E402
from seeit.analytics import service  # noqa: E402
from seeit.analytics.repository import NewEvent, insert_events_on_driver  # noqa: E402
from seeit.config import Settings  # noqa: E402
from seeit.db import create_engine, create_sessionmaker  # noqa: E402

PRODUCTS = 200
VISITORS = 100_000
# Of eleven events, four opens, two uploads, two renders, a share, a download and an add to cart.
KINDS = (
    "ARRAY['opened','opened','opened','opened','room_uploaded','room_uploaded','rendered','rendered',"
    "'shared','downloaded','added_to_cart']"
)


def database_url() -> str:
    return os.environ.get(
        "SEEIT_BENCH_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/seeit_bench_analytics"
    )


async def recreate(url: str) -> None:
    dsn = url.replace("+asyncpg", "")
    base, _, name = dsn.rpartition("/")
    conn = await asyncpg.connect(f"{base}/postgres")
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    await asyncio.to_thread(migrate.upgrade, url)


async def add_shop(conn: asyncpg.Connection, name: str) -> uuid.UUID:
    shop_id = uuid.uuid4()
    await conn.execute(
        "INSERT INTO shops (id, shop_domain, shopify_shop_id, access_token, plan, monthly_quota, daily_quota)"
        " VALUES ($1, $2, '1', '', 'pro', 1000, 100)",
        shop_id,
        f"{name}.myshopify.com",
    )
    return shop_id


async def load_events(conn: asyncpg.Connection, shop_id: uuid.UUID, count: int, now: datetime) -> None:
    """``count`` events over the 30 days before ``now``, in one ``generate_series`` statement."""
    await conn.execute(
        f"""
        INSERT INTO storefront_events (id, shop_id, occurred_at, kind, visitor_id, customer_id, product_id)
        SELECT gen_random_uuid(), $1, $2::timestamptz - random() * interval '30 days',
               ({KINDS})[1 + n % 11],
               md5('visitor' || n % {VISITORS})::uuid,
               CASE WHEN n % {VISITORS} % 10 = 0 THEN (n % {VISITORS})::text END,
               'gid://shopify/Product/' || (8000000000 + (n / 11) % {PRODUCTS})
        FROM generate_series(1, $3::int) AS n
        """,
        shop_id,
        now,
        count,
    )


async def load_orders(conn: asyncpg.Connection, shop_id: uuid.UUID, count: int, now: datetime) -> None:
    await conn.execute(
        f"""
        INSERT INTO order_attributions (id, shop_id, order_id, ordered_at, visitor_id, amount, currency, lines)
        SELECT gen_random_uuid(), $1, (5000000000 + n)::text, $2::timestamptz - random() * interval '30 days',
               md5('visitor' || n % {VISITORS})::uuid, 120.00, 'EUR',
               jsonb_build_array(jsonb_build_object(
                   'product_id', 'gid://shopify/Product/' || (8000000000 + n % {PRODUCTS}),
                   'quantity', 1, 'amount', '120.00', 'matched_by', 'visitor'))
        FROM generate_series(1, $3::int) AS n
        """,
        shop_id,
        now,
        count,
    )


async def insert_events_alone(
    conn: asyncpg.Connection, shop_id: uuid.UUID, visitor: uuid.UUID, batch: list[NewEvent]
) -> None:
    """The floor of an append: the same rows into ``storefront_events``, no day counts."""
    await conn.execute(
        """
        INSERT INTO storefront_events (id, shop_id, kind, visitor_id, product_id)
        SELECT gen_random_uuid(), $1, e.kind, $2, e.product_id
        FROM unnest($3::text[], $4::text[]) AS e(kind, product_id)
        """,
        shop_id,
        visitor,
        [e.kind for e in batch],
        [e.product_id for e in batch],
    )


async def median_ms(work: Callable[[], Awaitable[object]], repeat: int) -> float:
    await work()  # warm: plans cached, pages in memory
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        await work()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    url = database_url()
    await recreate(url)
    now = datetime.now(UTC)
    conn = await asyncpg.connect(url.replace("+asyncpg", ""))
    try:
        shop_id = await add_shop(conn, "bench-analytics")
        other_id = await add_shop(conn, "bench-other")
        started = time.perf_counter()
        await load_events(conn, shop_id, args.events, now)
        await load_events(conn, other_id, args.events // 5, now)
        await load_orders(conn, shop_id, 5_000, now)
        await conn.execute(
            """
            INSERT INTO storefront_event_counts (shop_id, day, product_id, kind, events)
            SELECT shop_id, (occurred_at AT TIME ZONE 'UTC')::date, product_id, kind, count(*)
            FROM storefront_events GROUP BY 1, 2, 3, 4
            """
        )
        await conn.execute("VACUUM ANALYZE storefront_events")
        await conn.execute("VACUUM ANALYZE storefront_event_counts")
        await conn.execute("VACUUM ANALYZE order_attributions")
        print(f"loaded {args.events:,} + {args.events // 5:,} events in {time.perf_counter() - started:.1f} s")

        settings = Settings(database_url=url)
        engine = create_engine(url)
        sessions = create_sessionmaker(engine)
        today = now.date()
        for days in (30, 7):
            first = today - timedelta(days=days - 1)
            start = datetime.combine(first, datetime.min.time(), UTC)

            async def funnel(first: date = first) -> object:
                async with sessions() as session:
                    return await service.analytics(session, settings, shop_id, first, today)

            async def floor(first: date = first) -> object:
                return await conn.fetchval(
                    "SELECT sum(events) FROM storefront_event_counts WHERE shop_id = $1 AND day BETWEEN $2 AND $3",
                    shop_id,
                    first,
                    today,
                )

            async def raw(start: datetime = start) -> object:
                return await conn.fetchval(
                    "SELECT count(*) FROM storefront_events WHERE shop_id = $1 AND occurred_at >= $2", shop_id, start
                )

            events = await floor()
            floor_ms = await median_ms(floor, args.repeat)
            funnel_ms = await median_ms(funnel, args.repeat)
            raw_ms = await median_ms(raw, 3)
            print(
                f"funnel over {days} days ({events:,} events): {funnel_ms:.1f} ms; floor sum of day counts"
                f" {floor_ms:.1f} ms; ratio {funnel_ms / floor_ms:.1f}; count(*) of the raw events {raw_ms:.0f} ms"
            )

        batch = [NewEvent("opened", "gid://shopify/Product/8000000001", None, None)] * 5
        visitor = uuid.uuid4()
        repeat = max(args.repeat, 200)

        async def append() -> None:
            async with conn.transaction():
                await insert_events_on_driver(conn, shop_id, visitor, None, batch)

        async def alone() -> None:
            async with conn.transaction():
                await conn.execute("SET LOCAL synchronous_commit TO OFF")
                await insert_events_alone(conn, shop_id, visitor, batch)

        append_ms = await median_ms(append, repeat)
        alone_ms = await median_ms(alone, repeat)
        flushed_ms = await median_ms(lambda: insert_events_alone(conn, shop_id, visitor, batch), repeat)
        trip_ms = await median_ms(lambda: conn.fetchval("SELECT 1"), repeat)
        print(
            f"append a batch of 5: {append_ms:.2f} ms; floor: the events alone {alone_ms:.2f} ms"
            f" (ratio {append_ms / alone_ms:.2f}); the events alone waiting for the WAL flush {flushed_ms:.2f} ms;"
            f" a round trip {trip_ms:.2f} ms"
        )
        await engine.dispose()
    finally:
        await conn.close()


if __name__ == "__main__":
    asyncio.run(main())
