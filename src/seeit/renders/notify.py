"""Wakes long-polling readers when a render finishes: the worker publishes on a channel per job.

The reader subscribes *before* it re-reads the job, so a finish that lands between its read and its
subscription cannot be missed (the lost-wakeup race); it holds no database connection while it waits.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Awaitable, Callable

from redis.asyncio import Redis
from redis.exceptions import RedisError


def finished_channel(job_id: uuid.UUID) -> str:
    return f"seeit:render:{job_id}:finished"


async def publish_finished(redis: Redis, job_id: uuid.UUID, status: str) -> None:
    # Readers time out and read the row anyway: nothing depends on the wake-up arriving.
    with contextlib.suppress(RedisError, OSError):
        await redis.publish(finished_channel(job_id), status)


async def wait_until_finished(
    redis: Redis, job_id: uuid.UUID, timeout: float, finished: Callable[[], Awaitable[bool]]
) -> None:
    """Return when ``finished()`` says so, a finish is published, or ``timeout`` seconds pass."""
    pubsub = redis.pubsub()
    try:
        await pubsub.subscribe(finished_channel(job_id))
        if await finished():
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while (remaining := deadline - loop.time()) > 0:
            message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=remaining)
            if message is not None:
                return
    finally:
        await pubsub.aclose()  # type: ignore[no-untyped-call]
