"""What the storefront benchmarks share: a seeded database, the two servers, signed keep-alive HTTP clients,
the driver loop and the report. Not a test.

Every benchmark measures three contenders in one run, one after the other, at each concurrency:
- the floor: the work itself (the service's own SQL and enqueue, or its image normalisation) with no HTTP
  and no framework, in this process;
- the reference: ``bench/reference_app.py``, a minimal FastAPI app that does less than the service;
- the service, started with uvicorn as in production.
``cpu ms/req`` is the CPU spent per answered request by whoever does the Python work: this process for the
floor, the server's processes for the two apps. Ratios measured in one run are what to read on a shared
machine; absolute figures move with its load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlencode

import asyncpg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from seeit import migrate  # noqa: E402
from seeit.config import Settings  # noqa: E402
from seeit.db import transaction  # noqa: E402
from seeit.models import ProductAsset, RoomSession, Shop  # noqa: E402
from seeit.resources import Resources  # noqa: E402
from seeit.shopify.signatures import app_proxy_digest  # noqa: E402

SECRET = "bench-secret"
PRODUCT = "8000000001"
STORAGE_DIR = Path("/tmp/seeit-bench-storage")


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
    cpu_seconds: float = 0.0

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_request(self) -> float:
        return 1000 * self.cpu_seconds / len(self.latencies) if self.latencies else float("nan")

    def percentile(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


class Client(Protocol):
    async def one(self) -> str | None: ...


@dataclass
class Bench:
    """One benchmark's database, Redis and the two servers on their ports."""

    database_url: str
    redis_url: str
    resources: Resources
    fixtures: list[Fixture]
    service: subprocess.Popen[bytes]
    service_port: int
    reference: subprocess.Popen[bytes]
    reference_port: int


def bench_urls() -> tuple[str, str]:
    database_url = os.environ.get(
        "SEEIT_BENCH_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/seeit_bench"
    )
    return database_url, os.environ.get("SEEIT_BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")


def bench_settings(database_url: str, redis_url: str, port: int) -> Settings:
    return Settings(
        env="development",
        database_url=database_url,
        redis_url=redis_url,
        database_pool_size=20,
        shopify_api_secret=SECRET,
        rate_limit_per_minute=0,
        public_url=f"http://127.0.0.1:{port}",
        storage_dir=STORAGE_DIR,
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
    """Shops with high quotas, each with a ready asset of ``PRODUCT`` and an uploaded room."""
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
                expires_at=datetime.now(UTC) + timedelta(hours=24),
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


def signed_query(shop_domain: str) -> str:
    """An app proxy query as Shopify signs it."""
    params = {
        "shop": shop_domain,
        "logged_in_customer_id": "",
        "path_prefix": "/apps/see-it",
        "timestamp": str(int(time.time())),
    }
    params["signature"] = app_proxy_digest(params.items(), SECRET)
    return urlencode(params)


def http_request(method: str, path: str, *, body: bytes = b"", content_type: str | None = None) -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    if content_type is not None:
        head += f"Content-Type: {content_type}\r\n"
    if body or method == "POST":
        head += f"Content-Length: {len(body)}\r\n"
    return (head + "\r\n").encode() + body


def json_request(path: str, payload: dict[str, Any]) -> bytes:
    return http_request("POST", path, body=json.dumps(payload).encode(), content_type="application/json")


class HttpClient:
    """A minimal keep-alive HTTP/1.1 client, so the driver spends little CPU next to the server."""

    def __init__(self, port: int, requests: Sequence[bytes], expected_status: int) -> None:
        self.port = port
        self.requests = requests
        self.expected = str(expected_status)
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def one(self) -> str | None:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        self.writer.write(random.choice(self.requests))
        try:
            head = await self.reader.readuntil(b"\r\n\r\n")
        except (OSError, asyncio.IncompleteReadError):
            await self.close()  # the server closed the connection: open another for the next request
            raise
        status = head[9:12].decode()
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        await self.reader.readexactly(length)
        return None if status == self.expected else status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


class CallClient:
    """The floor as a client: one call of ``work`` per request."""

    def __init__(self, work: Callable[[], Awaitable[None]]) -> None:
        self.work = work

    async def one(self) -> str | None:
        await self.work()
        return None


async def drive(clients: Sequence[Client], seconds: float, *, cpu: Callable[[], float], warmup: float = 1.0) -> Run:
    run = Run()
    started = time.perf_counter()
    measuring_from = started + warmup
    stop = measuring_from + seconds
    cpu_at_start: list[float] = []

    async def loop(client: Client) -> None:
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


def server_env(settings: Settings) -> dict[str, str]:
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
    return env


def start_server(settings: Settings, port: int, app: str, *, app_dir: Path | None = None) -> subprocess.Popen[bytes]:
    """uvicorn as in production (uvloop, httptools, no access log) for ``app`` (a factory).

    ``SEEIT_BENCH_SERVICE_SRC`` runs the service from another checkout's ``src`` (e.g. the main branch's),
    so a change and what it replaces can be measured in one run against the same floor and reference."""
    command = [
        sys.executable, "-m", "uvicorn", app, "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
        "--loop", "uvloop", "--http", "httptools", "--workers", os.environ.get("SEEIT_BENCH_API_WORKERS", "1"),
    ]  # fmt: skip
    env = server_env(settings)
    if app_dir is not None:
        command += ["--app-dir", str(app_dir)]
    elif other_src := os.environ.get("SEEIT_BENCH_SERVICE_SRC"):
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [other_src, env.get("PYTHONPATH")]))
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
    raise RuntimeError(f"the server on port {port} did not start")


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


async def open_bench(shops: int, port: int) -> Bench:
    """A fresh database migrated and seeded, an emptied Redis database, both servers up."""
    database_url, redis_url = bench_urls()
    settings = bench_settings(database_url, redis_url, port)
    await recreate_database(database_url)
    await asyncio.to_thread(migrate.upgrade, database_url)
    resources = await Resources.open(settings)
    await resources.arq.flushdb()
    fixtures = await seed(resources, shops)
    service = start_server(settings, port, "seeit.app:create_app_from_env")
    reference = start_server(settings, port + 1, "reference_app:create_app", app_dir=ROOT / "bench")
    bench = Bench(database_url, redis_url, resources, fixtures, service, port, reference, port + 1)
    try:
        await wait_until_up(port)
        await wait_until_up(port + 1)
    except BaseException:
        await close_bench(bench)
        raise
    return bench


async def close_bench(bench: Bench) -> None:
    for server in (bench.service, bench.reference):
        server.terminate()
        server.wait(timeout=10)
    await bench.resources.close()


def report(name: str, run: Run) -> str:
    errors = sum(run.errors.values())
    detail = f" {run.errors}" if errors else ""
    return (
        f"{name:<28} {run.throughput:9.0f} req/s   p50 {run.percentile(0.5):7.2f} ms"
        f"   p99 {run.percentile(0.99):7.2f} ms   cpu {run.cpu_ms_per_request:6.2f} ms/req   errors {errors}{detail}"
    )


def ratios(service: Run, reference: Run, floor: Run) -> list[str]:
    def ratio(a: float, b: float) -> str:
        return f"{a / b:5.2f}x" if b else "  n/a"

    return [
        f"{'service / reference':<28} throughput {ratio(service.throughput, reference.throughput)}"
        f"   p99 {ratio(service.percentile(0.99), reference.percentile(0.99))}"
        f"   cpu {ratio(service.cpu_ms_per_request, reference.cpu_ms_per_request)}",
        f"{'service / floor':<28} throughput {ratio(service.throughput, floor.throughput)}"
        f"   p99 {ratio(service.percentile(0.99), floor.percentile(0.99))}"
        f"   cpu {ratio(service.cpu_ms_per_request, floor.cpu_ms_per_request)}",
    ]


async def compare(
    bench: Bench,
    concurrency: int,
    seconds: float,
    *,
    floor: Callable[[], Awaitable[None]],
    requests: Callable[[], Sequence[bytes]],
    expected_status: int,
    between: Callable[[], Awaitable[None]] | None = None,
) -> list[str]:
    """The three contenders at one concurrency; ``between`` runs after each (e.g. to settle rows)."""
    results: list[tuple[str, Run]] = []
    floor_run = await drive([CallClient(floor) for _ in range(concurrency)], seconds, cpu=time.process_time)
    results.append(("floor (no HTTP)", floor_run))
    if between is not None:
        await between()
    for name, server, port in (
        ("reference app (HTTP)", bench.reference, bench.reference_port),
        ("service (HTTP)", bench.service, bench.service_port),
    ):
        batch = requests()
        clients = [HttpClient(port, batch, expected_status) for _ in range(concurrency)]
        pid = server.pid
        run = await drive(clients, seconds, cpu=lambda pid=pid: process_tree_cpu_seconds(pid))  # type: ignore[misc]
        for client in clients:
            await client.close()
        results.append((name, run))
        if between is not None:
            await between()
    lines = [f"-- {concurrency} concurrent clients", *(report(name, run) for name, run in results)]
    lines += ratios(results[2][1], results[1][1], results[0][1])
    print("\n".join(lines), flush=True)
    return lines


async def compare_each(
    bench: Bench,
    concurrencies: Sequence[int],
    seconds: float,
    *,
    floor: Callable[[], Awaitable[None]],
    requests: Callable[[], Sequence[bytes]],
    expected_status: int,
    between: Callable[[], Awaitable[None]] | None = None,
) -> None:
    """``compare`` at each concurrency, with the machine's load printed before and after."""
    print(load_line(), flush=True)
    for concurrency in concurrencies:
        await compare(
            bench,
            concurrency,
            seconds,
            floor=floor,
            requests=requests,
            expected_status=expected_status,
            between=between,
        )
    print(load_line(), flush=True)


def bench_arguments(description: str, *, seconds: float = 5.0, shops: int = 200) -> argparse.Namespace:
    """The options every benchmark takes: how long each run lasts, how many shops, the service's port."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--seconds", type=float, default=seconds)
    parser.add_argument("--shops", type=int, default=shops)
    parser.add_argument("--port", type=int, default=8391)
    return parser.parse_args()


def load_line() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"
