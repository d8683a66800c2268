"""A job of a worker killed outright (SIGKILL, the OOM killer, a lost host) runs again on another worker within
a minute, whatever the job: its running marker is a short lease its worker renews, not arq's five minutes."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from typing import Any

import pytest
from arq import func
from redis.asyncio import Redis

from seeit.config import Settings
from seeit.queue import DeferredJob, enqueue
from seeit.resources import Resources
from tests.conftest import make_worker, reaped, sigkill, stop_worker
from tests.foundation.held_job_worker import STARTED_KEY

# Live: the worker (or the server) runs in a process of its own.
pytestmark = pytest.mark.live_database

TAKEOVER_LIMIT_SECONDS = 60.0
RAN_AGAIN_KEY = "held-job:ran-again"


async def ran_again(ctx: dict[str, Any]) -> None:
    await ctx["redis"].set(RAN_AGAIN_KEY, "1")


async def _wait_for(redis: Redis, key: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await redis.get(key):
            return True
        await asyncio.sleep(0.1)
    return False


async def test_a_job_of_a_sigkilled_worker_runs_again_elsewhere_within_a_minute(
    settings: Settings, resources: Resources
) -> None:
    redis = resources.arq
    assert await enqueue(redis, DeferredJob("hold", "hold:1"))
    held_job_worker = [sys.executable, "-m", "tests.foundation.held_job_worker", settings.redis_url]
    async with reaped(subprocess.Popen(held_job_worker, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)) as doomed:
        assert await _wait_for(redis, STARTED_KEY, 60), "the worker never started the job"
        await sigkill(doomed)
    killed_at = time.monotonic()

    survivor = make_worker(settings, functions=[func(ran_again, name="hold", keep_result=0)], cron_jobs=[])
    task = asyncio.create_task(survivor.async_run())
    try:
        ran = await _wait_for(redis, RAN_AGAIN_KEY, 2 * TAKEOVER_LIMIT_SECONDS)
        took = time.monotonic() - killed_at
    finally:
        await stop_worker(survivor, task)

    assert ran, "the job of the killed worker never ran again"
    assert took < TAKEOVER_LIMIT_SECONDS, f"ran again after {took:.0f} s"
