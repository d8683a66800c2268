"""The render sweeper (arq cron, every minute): no render stays ``queued`` or ``processing`` forever.

- ``queued`` jobs the queue no longer holds (Redis lost them, or the enqueue after commit failed) are sent
  again under the same job id, so a job that is still there is not duplicated;
- ``processing`` jobs whose worker is gone (no heartbeat for ``STALE_AFTER``) are taken over: arq's
  marker of the dead worker's run is dropped, so any worker starts the job again at once; or they are
  failed and refunded once they have used up their attempts;
- room cleanups get the same treatment.
"""

from __future__ import annotations

import logging
from typing import Any

from arq.connections import ArqRedis
from arq.utils import timestamp_ms
from redis.asyncio import Redis

from seeit.db import transaction, utcnow
from seeit.queue import DeferredJob, enqueue
from seeit.renders import repository
from seeit.renders.service import render_job
from seeit.renders.tasks import (
    MAX_ATTEMPTS,
    QUEUED_GRACE,
    STALE_AFTER,
    SWEEP_BATCH,
    RenderFailure,
    finish_failed,
)
from seeit.resources import Resources
from seeit.rooms import repository as rooms_repository
from seeit.rooms.service import cleanup_job
from seeit.rooms.tasks import fail_cleanup_and_refund

log = logging.getLogger(__name__)


async def in_queue(redis: Redis, job_id: str) -> bool:
    """Whether arq holds the job: waiting or deferred (``arq:job:``) or running (``arq:in-progress:``)."""
    return bool(await redis.exists(f"arq:job:{job_id}", f"arq:in-progress:{job_id}"))


async def resend(redis: ArqRedis, job: DeferredJob) -> bool:
    # A finished arq job with the same id would refuse the new one; its result means nothing to us.
    await redis.delete(f"arq:result:{job.job_id}")
    return await enqueue(redis, job)


async def take_over(redis: ArqRedis, job: DeferredJob) -> bool:
    """Start again a job whose worker died: arq's in-progress marker would hold it back for minutes."""
    await redis.delete(f"arq:in-progress:{job.job_id}", f"arq:result:{job.job_id}")
    if await redis.exists(f"arq:job:{job.job_id}"):
        # Still queued under the dead worker's run: due now, for the next worker that polls.
        await redis.zadd(redis.default_queue_name, {job.job_id: timestamp_ms()})
        return True
    return await enqueue(redis, job)


async def sweep_renders(ctx: dict[str, Any]) -> dict[str, int]:
    resources: Resources = ctx["resources"]
    redis = resources.arq
    now = utcnow()
    counts = {"resent": 0, "taken_over": 0, "failed": 0, "cleanups": 0}
    async with transaction(resources) as session:
        queued = await repository.queued_since(session, now - QUEUED_GRACE, limit=SWEEP_BATCH)
        stale = await repository.processing_silent_since(session, now - STALE_AFTER, limit=SWEEP_BATCH)
    for job in queued:
        deferred = render_job(job.id)
        if not await in_queue(redis, deferred.job_id) and await resend(redis, deferred):
            counts["resent"] += 1
    for job in stale:
        if job.attempts >= MAX_ATTEMPTS:
            failure = RenderFailure("internal_error", "The render was interrupted too many times.")
            await finish_failed(resources, job.id, failure, attempt=job.attempts)
            counts["failed"] += 1
        elif await take_over(redis, render_job(job.id)):
            counts["taken_over"] += 1
    counts["cleanups"] = await _sweep_cleanups(resources)
    if any(counts.values()):
        log.info("render sweep: %s", counts)
    return counts


async def _sweep_cleanups(resources: Resources) -> int:
    now = utcnow()
    async with transaction(resources) as session:
        rooms = await rooms_repository.stale_cleanups(session, queued_before=now - QUEUED_GRACE, limit=SWEEP_BATCH)
    moved = 0
    for room in rooms:
        deferred = cleanup_job(room.id)
        if await in_queue(resources.arq, deferred.job_id):
            continue
        if room.cleanup_status == "queued":
            moved += await resend(resources.arq, deferred)
        elif room.cleanup_status == "processing":
            # No worker holds it (nothing in progress in arq): the cleanup was lost mid-way.
            moved += await fail_cleanup_and_refund(resources, room.id, "The cleanup was interrupted.")
    return moved
