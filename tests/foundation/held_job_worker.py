"""A worker process for ``test_worker_kill.py``: the service's worker loop with one job that starts and then
holds (it never ends by itself), so the test can kill the process while the job runs.

``python -m tests.foundation.held_job_worker REDIS_URL``
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

from arq import func
from arq.connections import RedisSettings

from seeit.worker_runtime import RedisTolerantWorker

STARTED_KEY = "held-job:started"


async def hold(ctx: dict[str, Any]) -> None:
    await ctx["redis"].set(STARTED_KEY, "1")
    await asyncio.sleep(3600)


def main(redis_url: str) -> None:
    functions = [func(hold, name="hold", keep_result=0)]
    # The longest job timeout is what arq keeps a running job's marker for (plus 10 s), were it not renewed.
    worker = RedisTolerantWorker(
        functions=functions, redis_settings=RedisSettings.from_dsn(redis_url), job_timeout=300, poll_delay=0.05
    )
    worker.run()


if __name__ == "__main__":
    main(sys.argv[1])
