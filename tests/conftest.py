"""Shared fixtures: a real PostgreSQL database and Redis database per xdist worker, an S3-compatible
server, the app behind an in-process HTTP client, and the real arq worker.

Isolation: tests commit for real (the worker runs in its own transactions), so every table is
truncated and the Redis database flushed after each test instead of rolling back.
"""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from arq.worker import Worker
from redis.asyncio import Redis
from sqlalchemy import text

from seeit import migrate
from seeit.app import create_app
from seeit.assets.settings_lookup import forget_product_lookups
from seeit.config import Settings
from seeit.db import Base
from seeit.resources import Resources, redis_settings
from seeit.shops.directory import forget_all_shops
from seeit.worker import WorkerSettings
from seeit.worker_runtime import RedisTolerantWorker

TEST_SECRET = "test-app-secret-with-32-bytes-or-more"
TEST_API_KEY = "test-api-key"


def _worker_index() -> int:
    """This test process's slot: the xdist worker number, shifted by SEEIT_TEST_SLOT so that people
    running suites at once on one machine (SEEIT_TEST_SLOT=1, 2, ...) get databases of their own."""
    name = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return int(name.removeprefix("gw") or 0) + 4 * int(os.environ.get("SEEIT_TEST_SLOT", "0"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def database_url() -> str:
    base = os.environ.get("SEEIT_TEST_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432")
    return f"{base.rstrip('/')}/seeit_test_{_worker_index()}"


@pytest.fixture(scope="session")
def redis_url() -> str:
    base = os.environ.get("SEEIT_TEST_REDIS_URL", "redis://127.0.0.1:6379")
    # Database 0 is left to `seeit dev`; each xdist worker gets its own.
    return f"{base.rstrip('/')}/{1 + _worker_index() % 15}"


@pytest.fixture(scope="session")
def storage_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("storage")


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The installed weights of the small network only: a machine that also holds the bigger ones (placed there
    by an operator) runs the same, fast suite; those are measured in ``bench/``."""
    from seeit.imaging.weights import WEIGHTS_FILE, fetch_weights

    installed, _ = fetch_weights(Settings().model_dir)
    directory = tmp_path_factory.mktemp("models")
    (directory / WEIGHTS_FILE).symlink_to(installed)
    return directory


@pytest.fixture(scope="session")
def settings(database_url: str, redis_url: str, storage_dir: Path, model_dir: Path) -> Settings:
    return Settings(
        env="test",
        database_url=database_url,
        redis_url=redis_url,
        storage="local",
        storage_dir=storage_dir,
        public_url="http://testserver",
        shopify_api_key=TEST_API_KEY,
        shopify_api_secret=TEST_SECRET,
        shopify_admin_base="http://shopify.test/{shop}",
        rate_limit_per_minute=0,
        dependency_timeout_seconds=1.0,
        imaging_workers=1,
        model_dir=model_dir,
    )


async def _recreate_database(url: str) -> None:
    import asyncpg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    admin = parsed.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{parsed.database}"')
    finally:
        await conn.close()


@pytest.fixture(scope="session")
async def migrated(database_url: str) -> str:
    await _recreate_database(database_url)
    # Alembic's env runs its own event loop, so it gets a thread of its own.
    await asyncio.to_thread(migrate.upgrade, database_url)
    return database_url


@pytest.fixture(scope="session")
async def resources(settings: Settings, migrated: str) -> AsyncIterator[Resources]:
    opened = await Resources.open(settings)
    yield opened
    await opened.close()


@pytest.fixture(autouse=True)
async def _clean_state(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    yield
    if "resources" not in request.fixturenames:
        return
    resources: Resources = request.getfixturevalue("resources")
    tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
    async with resources.engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {tables} CASCADE"))
    await resources.arq.flushdb()
    forget_all_shops()
    forget_product_lookups()


@pytest.fixture(scope="session")
def app(settings: Settings, resources: Resources) -> Any:
    return create_app(settings, resources)


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    # Unhandled errors are answered as 500s by the app; the test sees the response, as a client would.
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture
async def redis(resources: Resources) -> Redis:
    return resources.arq


@pytest.fixture
async def fake_shopify(resources: Resources, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Any]:
    """A fake Shopify (``tests/fakes/shopify/``) answering the app's requests to ``http://shopify.test``.

    Workers started after it use it too: list ``fake_shopify`` before ``worker`` in a test's arguments.
    """
    from tests.fakes.shopify import FakeShopify, install_fake_shopify

    fake = FakeShopify(api_key=TEST_API_KEY, api_secret=TEST_SECRET)
    original = install_fake_shopify(resources, monkeypatch, fake)
    yield fake
    await resources.http.aclose()
    resources.http = original


def make_worker(settings: Settings, **overrides: Any) -> Worker:
    """The real arq worker with the service's functions, cron jobs and start-up, against the test settings."""
    options: dict[str, Any] = {
        "functions": WorkerSettings.functions,
        "cron_jobs": WorkerSettings.cron_jobs,
        "on_startup": WorkerSettings.on_startup,
        "on_shutdown": WorkerSettings.on_shutdown,
        "on_job_start": WorkerSettings.on_job_start,
        "on_job_end": WorkerSettings.on_job_end,
        "redis_settings": redis_settings(settings),
        "ctx": {"settings": settings},
        "poll_delay": 0.05,
        "handle_signals": False,
        "max_jobs": WorkerSettings.max_jobs,
        "job_timeout": WorkerSettings.job_timeout,
        "keep_result": WorkerSettings.keep_result,
        "max_tries": WorkerSettings.max_tries,
    }
    options.update(overrides)
    return RedisTolerantWorker(**options)


async def stop_worker(running: Worker, task: asyncio.Task[None]) -> None:
    """Stop a worker started with ``async_run`` in ``task``, cancelling the jobs it is still running.

    arq's ``close()`` cancels those jobs itself, but it awaits them without ``return_exceptions``: a job
    cancelled while it records its result raises ``CancelledError`` out of ``close()`` and into the test's
    teardown. So the jobs are cancelled and awaited here first, and ``close()`` finds none.
    """
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    jobs = list(running.tasks.values())
    for job in jobs:
        job.cancel()
    await asyncio.gather(*jobs, return_exceptions=True)
    running.tasks.clear()
    await running.close()


@pytest.fixture
async def worker(settings: Settings, resources: Resources) -> AsyncIterator[Worker]:
    """A running worker in this process (same event loop), stopped after the test."""
    running = make_worker(settings)
    task = asyncio.create_task(running.async_run())
    yield running
    await stop_worker(running, task)


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """A real S3-compatible HTTP server (moto's server mode) for the S3 storage adapter."""
    from moto.server import ThreadedMotoServer

    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()
