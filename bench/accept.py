"""Benchmark of the render accept path (``POST /proxy/renders``): floor, minimal reference app, service. Not a test.

    .venv/bin/python bench/accept.py [--seconds 5] [--shops 200]

Needs PostgreSQL and Redis (``SEEIT_BENCH_DATABASE_URL``, ``SEEIT_BENCH_REDIS_URL``; defaults on 127.0.0.1;
the database is recreated and the Redis database emptied). ``SEEIT_BENCH_API_WORKERS`` (default 1) runs
uvicorn with that many worker processes. Many shops with high quotas, each with a ready asset and a room;
signed requests over keep-alive HTTP/1.1 at 1, 8 and 64 concurrent clients, each to a shop picked at random.

- floor: the service's own accept statement (``accept_render_on_driver``) on an asyncpg connection and its
  own enqueue, for a shop picked at random, in this process: the work, with no HTTP and no framework;
- reference: ``bench/reference_app.py`` (signature check, quota upsert and job insert in one SQLAlchemy
  transaction, commit, arq ``enqueue_job``, 202);
- service: the real app under uvicorn.
See ``bench/harness.py`` for what ``cpu ms/req`` counts.
"""

from __future__ import annotations

import asyncio
import random
import uuid
from typing import Any

import asyncpg
from arq.connections import create_pool
from harness import (
    PRODUCT,
    Bench,
    Fixture,
    bench_arguments,
    close_bench,
    compare_each,
    json_request,
    open_bench,
    signed_query,
)
from sqlalchemy import text

from seeit.db import utcnow
from seeit.queue import enqueue
from seeit.renders.accept_statement import NewRender, accept_render_on_driver
from seeit.renders.jobs import render_job
from seeit.resources import redis_settings
from seeit.rooms.service import room_ttl
from seeit.usage.repository import QuotaWindow

CONCURRENCY = (1, 8, 64)


def render_body(fixture: Fixture) -> dict[str, Any]:
    return {
        "product_id": PRODUCT,
        "room_session_id": str(fixture.room_id),
        "placement": {"x": 0.5, "y": 0.8, "scale": 0.3},
        "quality": "draft",
    }


def accept_requests(bench: Bench) -> list[bytes]:
    return [json_request(f"/proxy/renders?{signed_query(f.shop_domain)}", render_body(f)) for f in bench.fixtures]


async def settle(pool: asyncpg.Pool) -> None:
    """Stand in for the worker no run has: finish the jobs, so renders in flight per shop stay realistic."""
    await pool.execute("UPDATE render_jobs SET status = 'completed', stage = 'done' WHERE status = 'queued'")
    await pool.execute("VACUUM ANALYZE render_jobs")


async def main() -> None:
    args = bench_arguments(__doc__.splitlines()[0])

    bench = await open_bench(args.shops, args.port)
    settings = bench.resources.settings
    pool = await asyncpg.create_pool(bench.database_url.replace("+asyncpg", ""), min_size=20, max_size=20)
    arq = await create_pool(redis_settings(settings))
    ttl = room_ttl(settings)

    async def floor() -> None:
        fixture = random.choice(bench.fixtures)
        job = NewRender(
            id=uuid.uuid4(),
            shop_id=fixture.shop_id,
            product_id=f"gid://shopify/Product/{PRODUCT}",
            variant_id=None,
            room_session_id=fixture.room_id,
            placement_x=0.5,
            placement_y=0.8,
            placement_scale=0.3,
            style_preset=None,
            quality="draft",
            config_json=None,
            created_at=utcnow(),
            idempotency_key=None,
        )
        window = QuotaWindow(fixture.shop_id, job.created_at.date(), 10_000_000, 100_000_000)
        async with pool.acquire() as conn:
            outcome = await accept_render_on_driver(conn, job, window, max_in_flight=1_000_000, room_ttl=ttl)
        if outcome.created_stage is None:
            raise RuntimeError("the floor's render was not accepted")
        await enqueue(arq, render_job(job.id))

    try:
        await compare_each(
            bench,
            CONCURRENCY,
            args.seconds,
            floor=floor,
            requests=lambda: accept_requests(bench),
            expected_status=202,
            between=lambda: settle(pool),
        )
        async with bench.resources.engine.connect() as conn:
            jobs = await conn.scalar(text("SELECT count(*) FROM render_jobs"))
            counted = await conn.scalar(text("SELECT coalesce(sum(composite_renders), 0) FROM usage_daily"))
        print(f"render_jobs rows {jobs}, composite renders counted {counted}")
    finally:
        await pool.close()
        await arq.aclose()
        await close_bench(bench)


if __name__ == "__main__":
    asyncio.run(main())
