"""Shared fixtures: a real PostgreSQL database and Redis database per xdist worker, an S3-compatible
server, the app behind an in-process HTTP client, and the real arq worker.

Isolation (the database): a test that starts no worker runs in SAVEPOINT mode. Every connection the app takes
is the same PostgreSQL connection, inside one transaction opened for the test; the app's own transactions are
savepoints in it (asyncpg nests them), and the test's transaction is rolled back at its end. A test that
starts the worker, runs another process, needs connections of its own at the same moment (concurrent requests,
row locks between transactions) or the database clock to move (``now()`` is the transaction's start) is a
*live* test: it asks for ``live_database`` (the worker fixtures do) or is marked ``live_database``, commits for
real, and has every table truncated afterwards. The Redis database is flushed after every test.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from arq.worker import Worker
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from seeit import migrate
from seeit.app import create_app
from seeit.assets.settings_lookup import forget_product_lookups
from seeit.config import Settings
from seeit.db import Base, create_sessionmaker
from seeit.resources import Resources, redis_settings
from seeit.shops.principal import forget_all_shops
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
    """The installed weights of the small network only: the install also holds the full U²-Net (and perhaps
    ISNet), which the cut-out prefers; the suite pins the small one to stay fast, and ``bench/`` measures those."""
    from seeit.imaging.weights import SMALL, fetch_weights

    [(installed, _)] = fetch_weights(Settings().model_dir, (SMALL,))
    directory = tmp_path_factory.mktemp("models")
    (directory / installed.name).symlink_to(installed)
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


class SavepointDatabase:
    """One PostgreSQL connection behind an engine whose every pooled connection is that one connection, so all
    the app's sessions and statements see one transaction: the test's, rolled back at its end."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.connection: Any = None
        self.engine: AsyncEngine | None = None

    async def _shared_connection(self) -> Any:
        return self.connection

    async def open(self) -> None:
        import asyncpg
        from sqlalchemy.engine import make_url

        url = make_url(self.database_url).set(drivername="postgresql").render_as_string(hide_password=False)
        self.connection = await asyncpg.connect(url)
        self.engine = create_async_engine(
            self.database_url, async_creator=self._shared_connection, pool_size=10, max_overflow=0, pool_timeout=5
        )

    async def close(self) -> None:
        if self.engine is not None:
            await self.engine.dispose()
        if self.connection is not None and not self.connection.is_closed():
            self.connection.terminate()

    @contextlib.asynccontextmanager
    async def test_transaction(self, resources: Resources) -> AsyncIterator[None]:
        """The test's transaction, with ``resources`` pointed at the shared connection while it lasts."""
        if self.connection is None or self.connection.is_closed() or self.connection.is_in_transaction():
            await self.close()  # a test broke the connection or left it mid-transaction: start afresh
            await self.open()
        assert self.engine is not None
        outer = self.connection.transaction()
        await outer.start()
        engine, sessionmaker = resources.engine, resources.sessionmaker
        resources.engine, resources.sessionmaker = self.engine, create_sessionmaker(self.engine)
        try:
            yield
        finally:
            resources.engine, resources.sessionmaker = engine, sessionmaker
            try:
                await outer.rollback()
            except Exception:  # still busy (a request the test left running): drop the connection instead
                self.connection.terminate()


@pytest.fixture(scope="session")
async def savepoint_database(migrated: str) -> AsyncIterator[SavepointDatabase]:
    database = SavepointDatabase(migrated)
    await database.open()
    yield database
    await database.close()


@pytest.fixture
def live_database() -> None:
    """Ask for it to commit for real (the suite truncates every table after the test)."""


# Fixtures that start the worker or a server in another process: their tests run live.
LIVE_FIXTURES = frozenset({"live_database", "worker", "prep_worker", "live_service"})


def _is_live(request: pytest.FixtureRequest) -> bool:
    return (
        bool(LIVE_FIXTURES & set(request.fixturenames)) or request.node.get_closest_marker("live_database") is not None
    )


@pytest.fixture(autouse=True)
async def _clean_state(
    request: pytest.FixtureRequest, resources: Resources, savepoint_database: SavepointDatabase
) -> AsyncIterator[None]:
    if _is_live(request):
        yield
        tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
        async with resources.engine.begin() as conn:
            await conn.execute(text(f"TRUNCATE {tables} CASCADE"))
    else:
        async with savepoint_database.test_transaction(resources):
            yield
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


@contextlib.asynccontextmanager
async def reaped(process: subprocess.Popen[Any]) -> AsyncIterator[subprocess.Popen[Any]]:
    """A worker process a test will kill: reaped when the block ends, and killed first if the test failed."""
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


async def sigkill(process: subprocess.Popen[Any]) -> None:
    """Kill ``process`` as the kernel's OOM killer would: it runs no more code, not even its cleanup."""
    process.send_signal(signal.SIGKILL)
    await asyncio.to_thread(process.wait, 30)


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
async def worker(settings: Settings, resources: Resources, live_database: None) -> AsyncIterator[Worker]:
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
