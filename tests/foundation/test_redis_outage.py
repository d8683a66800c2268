"""A worker whose Redis goes away for over a minute waits for it and carries on by itself."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from arq import func
from arq.connections import create_pool

from seeit.config import Settings
from seeit.resources import Resources, redis_settings
from seeit.worker import WorkerSettings
from tests.conftest import make_worker, stop_worker
from tests.private_servers import PrivateRedis

OUTAGE_SECONDS = 62


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[PrivateRedis]:
    server = PrivateRedis(tmp_path)
    server.start()
    yield server
    server.stop()


async def mark_done(ctx: dict[str, Any], name: str) -> None:
    await ctx["redis"].set(f"done:{name}", "1")


async def _done(settings: Settings, name: str, timeout: float = 30.0) -> bool:
    pool = await create_pool(redis_settings(settings))
    try:
        await pool.enqueue_job("mark_done", name, _job_id=f"mark:{name}")
        for _ in range(int(timeout / 0.1)):
            if await pool.get(f"done:{name}"):
                return True
            await asyncio.sleep(0.1)
        return False
    finally:
        await pool.aclose()


async def test_the_worker_rides_out_a_redis_outage_of_a_minute(
    settings: Settings, resources: Resources, private_redis: PrivateRedis
) -> None:
    own = settings.model_copy(update={"redis_url": private_redis.url})
    functions = [*WorkerSettings.functions, func(mark_done, name="mark_done", keep_result=0)]
    running = make_worker(own, functions=functions, ctx={"settings": own})
    task = asyncio.create_task(running.async_run())
    try:
        assert await _done(own, "before")

        await asyncio.to_thread(private_redis.stop)
        await asyncio.sleep(OUTAGE_SECONDS)
        assert not task.done(), task.exception() if task.done() else None
        await asyncio.to_thread(private_redis.start)

        assert await _done(own, "after"), "the worker did not take jobs again after Redis came back"
        assert not task.done()
    finally:
        await stop_worker(running, task)
