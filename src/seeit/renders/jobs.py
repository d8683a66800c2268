"""The render job as the code that queues it sees it (``tasks.run_render`` runs it)."""

from __future__ import annotations

import uuid

from seeit.queue import DeferredJob, JobDeclaration

# Many tries: waiting for a fallback prep re-delivers the job every few seconds.
RUN_RENDER = JobDeclaration("run_render", id_prefix="render", max_tries=1000)


def render_job(job_id: uuid.UUID, *, defer_seconds: float | None = None) -> DeferredJob:
    """The job of one render row."""
    return RUN_RENDER.deferred(job_id, defer_seconds=defer_seconds, render_job_id=str(job_id))
