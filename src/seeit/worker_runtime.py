"""The arq worker's main loop, made to ride out a Redis outage instead of exiting.

arq's own loop lets any Redis error out of its poll and the worker process ends: a Redis restart of a few
seconds then leaves renders accepted meanwhile waiting for a supervisor to start a new worker. Here a
failed poll (reading the queue, starting a job, recording health, queueing a cron job, a job that could
not record its end) is logged once, waited out with a growing pause, and the loop carries on by itself
when Redis answers again. Nothing is lost meanwhile: the rows are the truth, and the sweepers re-send the
jobs of rows a Redis without persistence forgot.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from arq.worker import Worker
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

FIRST_PAUSE_SECONDS = 0.5
LONGEST_PAUSE_SECONDS = 5.0


class RedisTolerantWorker(Worker):
    """arq's worker, whose poll loop waits for Redis to come back rather than ending the process."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.redis_down_since: float | None = None
        self._pause = FIRST_PAUSE_SECONDS

    async def _poll_iteration(self) -> None:
        try:
            await super()._poll_iteration()
        except (RedisError, OSError) as exc:
            if self.redis_down_since is None:
                self.redis_down_since = time.monotonic()
                log.warning("Redis is unavailable (%s); the worker waits for it and carries on", exc)
            await asyncio.sleep(self._pause)
            self._pause = min(self._pause * 2, LONGEST_PAUSE_SECONDS)
            return
        if self.redis_down_since is not None:
            log.warning("Redis is back after %.0f s; the worker carries on", time.monotonic() - self.redis_down_since)
            self.redis_down_since = None
            self._pause = FIRST_PAUSE_SECONDS

    async def start_jobs(self, job_ids: list[bytes]) -> None:
        for job_id in job_ids:
            try:
                await super().start_jobs([job_id])
            except (RedisError, OSError):
                # arq took a job slot (its counter and semaphore) before asking Redis, and gives it back only
                # through the job's task; with no task started, give it back here or the worker shrinks.
                if job_id.decode() not in self.tasks:
                    self.job_counter -= 1
                    self.sem.release()
                raise
