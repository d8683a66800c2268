"""The arq worker's main loop, made to ride out a Redis outage instead of exiting, and to hand the jobs of a
worker that died outright to another worker within seconds.

arq's own loop lets any Redis error out of its poll and the worker process ends: a Redis restart of a few
seconds then leaves renders accepted meanwhile waiting for a supervisor to start a new worker. Here a
failed poll (reading the queue, starting a job, recording health, queueing a cron job, a job that could
not record its end) is logged once, waited out with a growing pause, and the loop carries on by itself
when Redis answers again. Nothing is lost meanwhile: the rows are the truth, and the sweepers re-send the
jobs of rows a Redis without persistence forgot.

arq marks a running job with ``arq:in-progress:{id}`` and no other worker starts it while the marker lives;
arq sets it for the longest job timeout plus 10 s (over five minutes here), so the cut-out or room cleanup of
a worker killed with SIGKILL sat that long before anyone ran it again. Here the marker is a lease: short, and
renewed every few seconds for each job the worker runs. When the worker is gone the lease lapses and the
next worker to poll starts the job again (it is still on the queue), as arq does for any re-delivery; every
job is idempotent, and the rows say what was left to do.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from arq.constants import in_progress_key_prefix
from arq.worker import Worker
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

FIRST_PAUSE_SECONDS = 0.5
LONGEST_PAUSE_SECONDS = 5.0
# A running job's marker lives this long unless renewed, and is renewed this often: the job of a dead worker
# runs again within the lease (plus a poll), as a render's claim goes stale (``renders.tasks.STALE_AFTER``).
JOB_LEASE_SECONDS = 20.0
LEASE_RENEWAL_SECONDS = 5.0


class RedisTolerantWorker(Worker):
    """arq's worker, whose poll loop waits for Redis to come back rather than ending the process, and whose
    running jobs hold short leases instead of arq's long markers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.redis_down_since: float | None = None
        self._pause = FIRST_PAUSE_SECONDS
        self.in_progress_timeout_s = JOB_LEASE_SECONDS  # what arq sets a job's marker for when it starts it

    async def main(self) -> None:
        renewing = asyncio.create_task(self._renew_leases())
        try:
            await super().main()
        finally:
            renewing.cancel()

    async def _renew_leases(self) -> None:
        """Every few seconds, the marker of each job still running here set again for a whole lease. Set, not
        just extended: after a Redis restart the markers of the jobs still running come back with it."""
        lease_ms = int(JOB_LEASE_SECONDS * 1000)
        while True:
            await asyncio.sleep(LEASE_RENEWAL_SECONDS)
            running = [job_id for job_id, task in self.tasks.items() if not task.done()]
            if not running or self._pool is None:
                continue
            try:
                async with self._pool.pipeline(transaction=False) as pipe:
                    for job_id in running:
                        pipe.psetex(in_progress_key_prefix + job_id, lease_ms, b"1")
                    await pipe.execute()
            except (RedisError, OSError):
                continue  # Redis is away (the poll loop says so); the next renewal tries again

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
