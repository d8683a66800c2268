"""The job outbox: jobs asked for inside a transaction are sent to arq only after it commits.

A Redis failure after the commit loses nothing: the row the job works on stays ``queued`` and the
sweeper sends it again. Every job's arq id comes from its row, so a re-send is deduplicated.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from redis.exceptions import RedisError

if TYPE_CHECKING:
    from arq.connections import ArqRedis
    from sqlalchemy.ext.asyncio import AsyncSession

log = logging.getLogger(__name__)

_OUTBOX_KEY = "seeit.deferred_jobs"


@dataclass(frozen=True)
class DeferredJob:
    function: str
    job_id: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    defer_seconds: float | None = None


def job_id_for(kind: str, row_id: object) -> str:
    """The arq job id of the job that works on one row: the same row always gives the same id."""
    return f"{kind}:{row_id}"


def defer_job(session: AsyncSession, job: DeferredJob) -> None:
    """Send ``job`` once the session's transaction commits; drop it if it rolls back."""
    session.info.setdefault(_OUTBOX_KEY, []).append(job)


def pending_jobs(session: AsyncSession) -> list[DeferredJob]:
    return list(session.info.get(_OUTBOX_KEY, []))


async def enqueue(arq: ArqRedis, job: DeferredJob) -> bool:
    """Send one job now; False when arq already holds a job (or its result) with that id."""
    sent = await arq.enqueue_job(job.function, _job_id=job.job_id, _defer_by=job.defer_seconds, **job.kwargs)
    return sent is not None


async def send_deferred_jobs(session: AsyncSession, arq: ArqRedis | None) -> int:
    """Send the jobs a committed session collected; returns how many were sent."""
    jobs: list[DeferredJob] = session.info.pop(_OUTBOX_KEY, [])
    if not jobs or arq is None:
        return 0
    sent = 0
    for job in jobs:
        try:
            sent += await enqueue(arq, job)
        except (RedisError, OSError):
            # Committed rows stay queued; the sweeper re-sends them.
            log.warning("could not enqueue %s (%s); the sweeper will retry", job.function, job.job_id)
    return sent
