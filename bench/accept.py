"""Benchmark of the render accept path (``POST /proxy/renders``) against its floor. Not a test.

    .venv/bin/python bench/accept.py [--seconds 5] [--shops 200]

Needs PostgreSQL and Redis (``SEEIT_BENCH_DATABASE_URL``, ``SEEIT_BENCH_REDIS_URL``; defaults on 127.0.0.1).
``SEEIT_BENCH_API_WORKERS`` (default 1) runs uvicorn with that many worker processes.
It recreates the database ``seeit_bench``, adds many shops with high quotas, each with a ready asset and a
room, and starts the service with uvicorn in a separate process. This process then drives signed requests
over keep-alive HTTP/1.1 with 1, 8 and 64 concurrent clients and reports throughput, p50 and p99.

Beside each run, the floor: the very statements the service sends to PostgreSQL for one accepted render
(captured from the service's own code) replayed with asyncpg in a transaction for a shop picked at random,
plus the same arq enqueue, with no HTTP and no framework. The service's figures are read against it.

``cpu ms/req`` is the CPU the Python side spent per request: this process for the floor, the server's
processes for the service. On two shared cores it tells where a latency target can and cannot come from.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
from arq.connections import ArqRedis, create_pool
from sqlalchemy import event, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from seeit import migrate  # noqa: E402
from seeit.config import Settings  # noqa: E402
from seeit.db import transaction  # noqa: E402
from seeit.models import ProductAsset, RoomSession, Shop  # noqa: E402
from seeit.queue import enqueue  # noqa: E402
from seeit.renders import service as renders_service  # noqa: E402
from seeit.renders.schemas import RenderRequest  # noqa: E402
from seeit.resources import Resources, redis_settings  # noqa: E402
from seeit.shopify.signatures import app_proxy_digest  # noqa: E402
from seeit.shops.directory import installed_shop  # noqa: E402

SECRET = "bench-secret"
PRODUCT = "8000000001"
CONCURRENCY = (1, 8, 64)


@dataclass
class Fixture:
    shop_domain: str
    shop_id: uuid.UUID
    room_id: uuid.UUID


@dataclass
class Run:
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # of the process doing the Python work: this one for the floor, the server's

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def bench_settings(database_url: str, redis_url: str, port: int) -> Settings:
    return Settings(
        env="development",
        database_url=database_url,
        redis_url=redis_url,
        database_pool_size=20,
        shopify_api_secret=SECRET,
        rate_limit_per_minute=0,
        public_url=f"http://127.0.0.1:{port}",
        storage_dir=Path("/tmp/seeit-bench-storage"),
    )


async def recreate_database(database_url: str) -> None:
    dsn = database_url.replace("+asyncpg", "")
    base, _, name = dsn.rpartition("/")
    conn = await asyncpg.connect(f"{base}/postgres")
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def seed(resources: Resources, shops: int) -> list[Fixture]:
    fixtures: list[Fixture] = []
    async with transaction(resources) as session:
        for i in range(shops):
            shop = Shop(
                id=uuid.uuid4(),
                shop_domain=f"bench-{i}.myshopify.com",
                shopify_shop_id=str(i),
                access_token="",
                plan="enterprise",
                daily_quota=10_000_000,
                monthly_quota=100_000_000,
                max_concurrent_renders=1_000_000,
            )
            room = RoomSession(
                id=uuid.uuid4(),
                shop_id=shop.id,
                original_room_image_url=f"shops/{shop.id}/rooms/bench.jpg",
                expires_at=time_from_now(hours=24),
            )
            asset = ProductAsset(
                shop_id=shop.id,
                product_id=f"gid://shopify/Product/{PRODUCT}",
                source_image_id="gid://shopify/MediaImage/1",
                source_image_url="https://cdn.shopify.com/bench.jpg",
                prepared_image_url=f"shops/{shop.id}/assets/bench.png",
                status="ready",
                prep_strategy="batch",
                prompt_version=1,
            )
            session.add(shop)
            await session.flush()
            session.add_all([room, asset])
            fixtures.append(Fixture(shop.shop_domain, shop.id, room.id))
    return fixtures


def time_from_now(**delta: float) -> Any:
    from datetime import UTC, datetime, timedelta

    return datetime.now(UTC) + timedelta(**delta)


def render_body(fixture: Fixture) -> dict[str, Any]:
    return {
        "product_id": PRODUCT,
        "room_session_id": str(fixture.room_id),
        "placement": {"x": 0.5, "y": 0.8, "scale": 0.3},
        "quality": "draft",
    }


async def capture_accept_sql(resources: Resources, fixture: Fixture) -> list[tuple[str, tuple[Any, ...]]]:
    """The statements (and parameters) the service's own accept path sends for one render."""
    captured: list[tuple[str, tuple[Any, ...]]] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        captured.append((statement, tuple(parameters)))

    shop = await installed_shop(resources, fixture.shop_domain)
    assert shop is not None
    event.listen(resources.engine.sync_engine, "before_cursor_execute", record)
    try:
        async with transaction(resources) as session:
            body = RenderRequest.model_validate(render_body(fixture))
            job, created = await renders_service.accept_render(session, resources, shop, body, None)
            assert created
    finally:
        event.remove(resources.engine.sync_engine, "before_cursor_execute", record)
    job_id = job.id
    return [(sql, tuple("JOB_ID" if value == job_id else value for value in params)) for sql, params in captured]


class FloorClient:
    """The accept path's SQL in one transaction plus the arq enqueue, with asyncpg and redis directly.

    Like the HTTP clients, each request goes to a shop picked at random, so both sides meet the same row
    locks: the captured statements are replayed with the picked shop's and room's ids in place of the first.
    """

    def __init__(
        self,
        pool: asyncpg.Pool,
        arq: ArqRedis,
        statements: list[tuple[str, tuple[Any, ...]]],
        fixtures: list[Fixture],
    ) -> None:
        self.pool = pool
        self.arq = arq
        captured = fixtures[0]
        self.per_shop = [
            [
                (sql, tuple({captured.shop_id: f.shop_id, captured.room_id: f.room_id}.get(v, v) for v in params))
                for sql, params in statements
            ]
            for f in fixtures
        ]

    async def one(self) -> str | None:
        job_id = uuid.uuid4()
        async with self.pool.acquire() as conn, conn.transaction():
            for sql, params in random.choice(self.per_shop):
                await conn.fetch(sql, *(job_id if value == "JOB_ID" else value for value in params))
        await enqueue(self.arq, renders_service.render_job(job_id))  # the service's own enqueue
        return None


class HttpClient:
    """A minimal keep-alive HTTP/1.1 client, so the driver spends little CPU next to the server."""

    def __init__(self, port: int, fixtures: list[Fixture]) -> None:
        self.port = port
        self.fixtures = fixtures
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.requests: list[bytes] = []
        self.sign()

    def sign(self) -> None:
        import json
        from urllib.parse import urlencode

        self.requests = []
        for fixture in self.fixtures:
            params = {
                "shop": fixture.shop_domain,
                "logged_in_customer_id": "",
                "path_prefix": "/apps/see-it",
                "timestamp": str(int(time.time())),
            }
            params["signature"] = app_proxy_digest(params.items(), SECRET)
            body = json.dumps(render_body(fixture)).encode()
            head = (
                f"POST /proxy/renders?{urlencode(params)} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode()
            self.requests.append(head + body)

    async def one(self) -> str | None:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        self.writer.write(random.choice(self.requests))
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = head[9:12].decode()
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        await self.reader.readexactly(length)
        return None if status == "202" else status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def drive(clients: list[Any], seconds: float, *, cpu: Callable[[], float], warmup: float = 1.0) -> Run:
    run = Run()
    started = time.perf_counter()
    measuring_from = started + warmup
    stop = measuring_from + seconds
    cpu_at_start: list[float] = []

    async def loop(client: Any) -> None:
        while (now := time.perf_counter()) < stop:
            try:
                error = await client.one()
            except Exception as exc:
                error = type(exc).__name__
            done = time.perf_counter()
            if now >= measuring_from and not cpu_at_start:
                cpu_at_start.append(cpu())
            if now >= measuring_from:
                if error is None:
                    run.latencies.append(done - now)
                else:
                    run.errors[error] = run.errors.get(error, 0) + 1

    await asyncio.gather(*(loop(client) for client in clients))
    run.seconds = seconds
    run.cpu_seconds = cpu() - cpu_at_start[0] if cpu_at_start else 0.0
    return run


async def settle(pool: asyncpg.Pool) -> None:
    """Stand in for the worker no run has: finish the jobs, so renders in flight per shop stay realistic."""
    await pool.execute("UPDATE render_jobs SET status = 'completed', stage = 'done' WHERE status = 'queued'")
    await pool.execute("VACUUM ANALYZE render_jobs")


def start_server(settings: Settings, port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env.update(
        SEEIT_ENV="development",
        SEEIT_DATABASE_URL=settings.database_url,
        SEEIT_REDIS_URL=settings.redis_url,
        SEEIT_DATABASE_POOL_SIZE=str(settings.database_pool_size),
        SEEIT_SHOPIFY_API_SECRET=SECRET,
        SEEIT_RATE_LIMIT_PER_MINUTE="0",
        SEEIT_LOG_LEVEL="WARNING",
        SEEIT_PUBLIC_URL=settings.public_url,
        SEEIT_STORAGE_DIR=str(settings.storage_dir),
    )
    command = [
        sys.executable, "-m", "uvicorn", "seeit.app:create_app_from_env", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
        "--loop", "uvloop", "--http", "httptools", "--workers", os.environ.get("SEEIT_BENCH_API_WORKERS", "1"),
    ]  # fmt: skip
    return subprocess.Popen(command, env=env, cwd=ROOT)


async def wait_until_up(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            if b"200" in await reader.readline():
                writer.close()
                return
        except OSError:
            await asyncio.sleep(0.2)
    raise RuntimeError("the service did not start")


def process_tree_cpu_seconds(root: int) -> float:
    """User + system CPU of a process and its children (uvicorn's workers), read from /proc."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid, rest = stat.read_text().split(" ", 1)
        except OSError:
            continue
        fields = rest.rsplit(")", 1)[1].split()
        if int(pid) == root or int(fields[1]) == root:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def report(name: str, run: Run) -> str:
    errors = sum(run.errors.values())
    detail = f" {run.errors}" if errors else ""
    cpu = 1000 * run.cpu_seconds / len(run.latencies) if run.latencies else float("nan")
    return (
        f"{name:<28} {run.throughput:9.0f} req/s   p50 {run.percentile(0.5):6.2f} ms"
        f"   p99 {run.percentile(0.99):6.2f} ms   cpu {cpu:5.2f} ms/req   errors {errors}{detail}"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--shops", type=int, default=200)
    parser.add_argument("--port", type=int, default=8391)
    args = parser.parse_args()

    database_url = os.environ.get(
        "SEEIT_BENCH_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/seeit_bench"
    )
    redis_url = os.environ.get("SEEIT_BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
    settings = bench_settings(database_url, redis_url, args.port)
    await recreate_database(database_url)
    await asyncio.to_thread(migrate.upgrade, database_url)
    resources = await Resources.open(settings)
    await resources.arq.flushdb()
    fixtures = await seed(resources, args.shops)
    statements = await capture_accept_sql(resources, fixtures[0])
    print(f"accept path: {len(statements)} SQL statements in one transaction, then one arq enqueue")

    server = start_server(settings, args.port)
    pool = await asyncpg.create_pool(database_url.replace("+asyncpg", ""), min_size=20, max_size=20)
    arq = await create_pool(redis_settings(settings))
    summary: list[str] = []
    try:
        await wait_until_up(args.port)
        for concurrency in CONCURRENCY:
            floor = await drive(
                [FloorClient(pool, arq, statements, fixtures) for _ in range(concurrency)],
                args.seconds,
                cpu=time.process_time,
            )
            await settle(pool)
            clients = [HttpClient(args.port, fixtures) for _ in range(concurrency)]
            service = await drive(clients, args.seconds, cpu=lambda: process_tree_cpu_seconds(server.pid))
            await settle(pool)
            for client in clients:
                await client.close()
            ratio = service.throughput / floor.throughput if floor.throughput else 0.0
            lines = [
                f"-- {concurrency} concurrent clients",
                report("floor (asyncpg + redis)", floor),
                report("service (HTTP)", service),
                f"{'service / floor':<28} {ratio:9.0%}",
            ]
            print("\n".join(lines), flush=True)
            summary.extend(lines)
        async with resources.engine.connect() as conn:
            jobs = await conn.scalar(text("SELECT count(*) FROM render_jobs"))
            counted = await conn.scalar(text("SELECT coalesce(sum(composite_renders), 0) FROM usage_daily"))
        print(f"render_jobs rows {jobs}, composite renders counted {counted}")
    finally:
        server.terminate()
        server.wait(timeout=10)
        await pool.close()
        await arq.aclose()
        await resources.close()


if __name__ == "__main__":
    asyncio.run(main())
