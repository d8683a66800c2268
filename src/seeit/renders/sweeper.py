"""The render sweeper (arq cron, every minute): no render stays ``queued`` or ``processing`` forever.

- ``queued`` jobs the queue no longer holds (Redis lost them, or the enqueue after commit failed) are sent
  again under the same job id, so a job that is still there is not duplicated;
- ``processing`` jobs whose worker is gone (no heartbeat for ``STALE_AFTER``) are taken over: arq's
  marker of the dead worker's run is dropped, so any worker starts the job again at once; or they are
  failed and refunded once they have used up their attempts.
Room cleanups have a sweeper of their own (``rooms.tasks.sweep_cleanups``).
"""

from __future__ import annotations

import logging
from typing import Any

from seeit.db import transaction, utcnow
from seeit.queue import JobFailed, resend_if_missing, take_over
from seeit.renders import repository
from seeit.renders.jobs import render_job
from seeit.renders.tasks import MAX_ATTEMPTS, QUEUED_GRACE, STALE_AFTER, SWEEP_BATCH, finish_failed
from seeit.resources import Resources

log = logging.getLogger(__name__)


async def sweep_renders(ctx: dict[str, Any]) -> dict[str, int]:
    resources: Resources = ctx["resources"]
    redis = resources.arq
    now = utcnow()
    counts = {"resent": 0, "taken_over": 0, "failed": 0}
    async with transaction(resources) as session:
        queued = await repository.queued_since(session, now - QUEUED_GRACE, limit=SWEEP_BATCH)
        stale = await repository.processing_silent_since(session, now - STALE_AFTER, limit=SWEEP_BATCH)
    for job in queued:
        counts["resent"] += await resend_if_missing(redis, render_job(job.id))
    for job in stale:
        if job.attempts >= MAX_ATTEMPTS:
            failure = JobFailed("internal_error", "The render was interrupted too many times.")
            await finish_failed(resources, job.id, failure, attempt=job.attempts)
            counts["failed"] += 1
        elif await take_over(redis, render_job(job.id)):
            counts["taken_over"] += 1
    if any(counts.values()):
        log.info("render sweep: %s", counts)
    return counts
