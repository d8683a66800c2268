"""Benchmark of the polling path (``GET /proxy/renders/{id}``): floor, minimal reference app, service. Not a test.

    .venv/bin/python bench/poll.py [--seconds 5] [--shops 200]

The same database, Redis and servers as ``bench/accept.py`` (see there and ``bench/harness.py``). Each shop
gets a few render jobs, half of them finished; each request polls one of them (no ``wait``).

- floor: the service's own select of the job (``job_for_shop_on_driver``) on an asyncpg connection;
- reference: ``bench/reference_app.py`` (signature check, one select in a SQLAlchemy session, JSON);
- service: the real app under uvicorn (signed image URLs for finished jobs, the full job schema).
"""

from __future__ import annotations

import asyncio
import random
import uuid

import asyncpg
from harness import (
    PRODUCT,
    Bench,
    bench_arguments,
    close_bench,
    compare_each,
    http_request,
    open_bench,
    signed_query,
)

from seeit.renders.repository import job_for_shop_on_driver

CONCURRENCY = (1, 8, 64)
JOBS_PER_SHOP = 4


async def seed_jobs(pool: asyncpg.Pool, bench: Bench) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
    """(job id, shop id, shop domain) of the jobs polled; every other one finished with an image."""
    jobs: list[tuple[uuid.UUID, uuid.UUID, str]] = []
    rows = []
    for fixture in bench.fixtures:
        for i in range(JOBS_PER_SHOP):
            job_id = uuid.uuid4()
            done = i % 2 == 0
            rows.append(
                (
                    job_id,
                    fixture.shop_id,
                    f"gid://shopify/Product/{PRODUCT}",
                    fixture.room_id,
                    "completed" if done else "processing",
                    "done" if done else "compositing",
                    f"shops/{fixture.shop_id}/renders/{job_id}.jpg" if done else None,
                )
            )
            jobs.append((job_id, fixture.shop_id, fixture.shop_domain))
    await pool.executemany(
        """
        INSERT INTO render_jobs (id, shop_id, product_id, room_session_id, placement_x, placement_y,
            placement_scale, quality, status, stage, image_url, attempts, created_at, completed_at)
        VALUES ($1, $2, $3, $4, 0.5, 0.8, 0.3, 'draft', $5, $6, $7, 1, now(),
            CASE WHEN $5 = 'completed' THEN now() END)
        """,
        rows,
    )
    return jobs


async def main() -> None:
    args = bench_arguments(__doc__.splitlines()[0])

    bench = await open_bench(args.shops, args.port)
    pool = await asyncpg.create_pool(bench.database_url.replace("+asyncpg", ""), min_size=20, max_size=20)
    jobs = await seed_jobs(pool, bench)

    async def floor() -> None:
        job_id, shop_id, _ = random.choice(jobs)
        async with pool.acquire() as conn:
            if await job_for_shop_on_driver(conn, shop_id, job_id) is None:
                raise RuntimeError("the floor's job is missing")

    def requests() -> list[bytes]:
        return [http_request("GET", f"/proxy/renders/{job_id}?{signed_query(domain)}") for job_id, _, domain in jobs]

    try:
        await compare_each(bench, CONCURRENCY, args.seconds, floor=floor, requests=requests, expected_status=200)
    finally:
        await pool.close()
        await close_bench(bench)


if __name__ == "__main__":
    asyncio.run(main())
