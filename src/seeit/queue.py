"""The job outbox: jobs asked for inside a transaction are sent to arq only after it commits.

A Redis failure after the commit loses nothing: the row the job works on stays ``queued`` and the
sweeper sends it again. Every job's arq id comes from its row, so a re-send is deduplicated.
"""

from __future__ import annotations

import functools
import logging
import weakref
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar

from arq.constants import in_progress_key_prefix, job_key_prefix, result_key_prefix
from arq.jobs import serialize_job
from arq.utils import timestamp_ms
from arq.worker import Function, func
from redis.exceptions import RedisError

if TYPE_CHECKING:
    from arq.connections import ArqRedis
    from redis.commands.core import AsyncScript
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


class JobFailed(Exception):
    """A job cannot do its work: ``code`` (an api.md error code) and the message are what its row records;
    ``retryable`` says whether a later try may succeed (the job retries while it has tries left)."""

    def __init__(self, code: str, message: str, *, retryable: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retryable = retryable


Params = ParamSpec("Params")
Result = TypeVar("Result")


@dataclass(frozen=True)
class JobDeclaration:
    """One kind of arq job, declared once in its domain's ``jobs.py``: its arq name, its ids
    (``<id_prefix>:<row>``) and its tries (``max_tries``: None takes the worker's).

    The code that queues a job needs only this; the domain's ``tasks.py`` binds the coroutine that runs it
    (``@DECLARATION.runs``). So a service queues its jobs without importing the module whose jobs call it."""

    name: str
    id_prefix: str
    max_tries: int | None = None

    def deferred(self, row_key: object, *, defer_seconds: float | None = None, **kwargs: Any) -> DeferredJob:
        """This job for one row (``row_key`` makes its id), with the coroutine's keyword arguments."""
        return DeferredJob(self.name, job_id_for(self.id_prefix, row_key), kwargs, defer_seconds)

    def runs(self, coroutine: Callable[Concatenate[dict[str, Any], Params], Awaitable[Result]]) -> Job[Params, Result]:
        """Bind the coroutine that runs this job; it carries the job's name, which is the one arq calls."""
        if coroutine.__name__ != self.name:
            raise ValueError(f"the job {self.name!r} cannot be run by {coroutine.__name__!r}: the names differ")
        return Job(coroutine, self)


class Job(Generic[Params, Result]):
    """A declared job bound to its coroutine (``JobDeclaration.runs``): what the worker registers. It keeps no
    result (``keep_result=0``): the rows are the truth, and a kept result would make arq refuse the re-send of
    the same id. Calling it runs the coroutine."""

    def __init__(
        self,
        coroutine: Callable[Concatenate[dict[str, Any], Params], Awaitable[Result]],
        declaration: JobDeclaration,
    ) -> None:
        self.coroutine = coroutine
        self.declaration = declaration
        self.name = declaration.name
        self.max_tries = declaration.max_tries
        functools.update_wrapper(self, coroutine)

    def __call__(self, ctx: dict[str, Any], *args: Params.args, **kwargs: Params.kwargs) -> Awaitable[Result]:
        return self.coroutine(ctx, *args, **kwargs)

    def arq_function(self) -> Function:
        """The worker's registration of this job."""
        return func(self.coroutine, name=self.name, keep_result=0, max_tries=self.max_tries)  # type: ignore[arg-type]


def defer_job(session: AsyncSession, job: DeferredJob) -> None:
    """Send ``job`` once the session's transaction commits; drop it if it rolls back."""
    session.info.setdefault(_OUTBOX_KEY, []).append(job)


def pending_jobs(session: AsyncSession) -> list[DeferredJob]:
    return list(session.info.get(_OUTBOX_KEY, []))


def take_deferred_jobs(session: AsyncSession) -> list[DeferredJob]:
    """The jobs a session collected, removed from it (call once it has committed)."""
    jobs: list[DeferredJob] = session.info.pop(_OUTBOX_KEY, [])
    return jobs


# What ``ArqRedis.enqueue_job`` does, as one script: refuse when a job or a result with this id exists,
# else store the job under arq's key, in arq's own format, and put its id on the queue at its due time.
# arq does it in three round trips (WATCH, EXISTS, MULTI/EXEC); on the storefront's hot path one round trip
# halves the enqueue's CPU. ``tests/foundation/test_queue.py`` holds the two to the same result.
_ENQUEUE_SCRIPT = """
if redis.call('EXISTS', KEYS[1], KEYS[2]) > 0 then return 0 end
redis.call('PSETEX', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
return 1
"""
# One registered script per client: registering hashes the script, which is not worth doing per job.
_enqueue_scripts: weakref.WeakKeyDictionary[ArqRedis, AsyncScript] = weakref.WeakKeyDictionary()


async def enqueue(arq: ArqRedis, job: DeferredJob) -> bool:
    """Send one job now; False when arq already holds a job (or its result) with that id."""
    enqueued_ms = timestamp_ms()
    defer_ms = round(job.defer_seconds * 1000) if job.defer_seconds else 0
    payload = serialize_job(job.function, (), job.kwargs, None, enqueued_ms, serializer=arq.job_serializer)
    keys = [job_key_prefix + job.job_id, result_key_prefix + job.job_id, arq.default_queue_name]
    args: list[bytes | int | str] = [defer_ms + arq.expires_extra_ms, payload, enqueued_ms + defer_ms, job.job_id]
    script = _enqueue_scripts.get(arq)
    if script is None:
        script = _enqueue_scripts[arq] = arq.register_script(_ENQUEUE_SCRIPT)
    sent = await script(keys=keys, args=args)
    return bool(sent)


async def send_deferred_jobs(session: AsyncSession, arq: ArqRedis | None) -> int:
    """Send the jobs a committed session collected; returns how many were sent."""
    jobs = take_deferred_jobs(session)
    if not jobs or arq is None:
        return 0
    return await send_jobs(arq, jobs)


async def send_jobs(arq: ArqRedis, jobs: Iterable[DeferredJob]) -> int:
    """Send jobs whose rows are committed; a job Redis refuses is left to the sweeper. Returns how many were sent."""
    sent = 0
    for job in jobs:
        try:
            sent += await enqueue(arq, job)
        except (RedisError, OSError):
            # Committed rows stay queued; the sweeper re-sends them.
            log.warning("could not enqueue %s (%s); the sweeper will retry", job.function, job.job_id)
    return sent


async def in_queue(arq: ArqRedis, job_id: str) -> bool:
    """Whether arq holds the job: waiting or deferred (its job key) or running (its in-progress key)."""
    return bool(await arq.exists(job_key_prefix + job_id, in_progress_key_prefix + job_id))


async def resend_if_missing(arq: ArqRedis, job: DeferredJob) -> bool:
    """Every sweeper's re-send: the job of a row still waiting for it, sent again unless arq holds it already.
    True when it was sent."""
    if await in_queue(arq, job.job_id):
        return False
    # A finished arq job with the same id would refuse the new one; its result means nothing to us.
    await arq.delete(result_key_prefix + job.job_id)
    return await enqueue(arq, job)


async def take_over(arq: ArqRedis, job: DeferredJob) -> bool:
    """Start again a job whose worker died: arq's in-progress marker would hold it back for minutes."""
    await arq.delete(in_progress_key_prefix + job.job_id, result_key_prefix + job.job_id)
    if await arq.exists(job_key_prefix + job.job_id):
        # Still queued under the dead worker's run: due now, for the next worker that polls.
        await arq.zadd(arq.default_queue_name, {job.job_id: timestamp_ms()})
        return True
    return await enqueue(arq, job)
