"""``seeit.queue.enqueue`` stores exactly what arq's own ``enqueue_job`` stores, in one round trip."""

from __future__ import annotations

from arq.connections import ArqRedis
from arq.constants import default_queue_name, job_key_prefix, result_key_prefix
from arq.jobs import JobDef, deserialize_job

from seeit.queue import DeferredJob, enqueue
from seeit.resources import Resources


async def stored(arq: ArqRedis, job_id: str) -> tuple[JobDef, int, float]:
    """What arq keeps for a job: its decoded record, its time to live and its place in the queue."""
    record = deserialize_job(await arq.get(job_key_prefix + job_id))
    ttl_ms = await arq.pttl(job_key_prefix + job_id)
    score = await arq.zscore(default_queue_name, job_id)
    assert score is not None
    return record, ttl_ms, score


async def test_a_job_is_stored_as_arq_itself_stores_it(resources: Resources) -> None:
    arq = resources.arq
    for defer_seconds in (None, 7.5):
        ours = DeferredJob("run_render", f"render:ours-{defer_seconds}", {"render_job_id": "a"}, defer_seconds)
        assert await enqueue(arq, ours) is True
        theirs = f"render:theirs-{defer_seconds}"
        assert await arq.enqueue_job("run_render", _job_id=theirs, _defer_by=defer_seconds, render_job_id="a")

        (our_record, our_ttl, our_score) = await stored(arq, ours.job_id)
        (their_record, their_ttl, their_score) = await stored(arq, theirs)
        assert (our_record.function, our_record.args, our_record.kwargs, our_record.job_try) == (
            their_record.function,
            their_record.args,
            their_record.kwargs,
            their_record.job_try,
        )
        assert abs(our_record.enqueue_time - their_record.enqueue_time).total_seconds() < 2
        assert abs(our_ttl - their_ttl) < 2000
        assert abs(our_score - their_score) < 2000
        assert abs(our_score - our_record.enqueue_time.timestamp() * 1000 - (defer_seconds or 0) * 1000) < 2


async def test_a_job_or_a_result_with_the_same_id_refuses_the_job(resources: Resources) -> None:
    arq = resources.arq
    job = DeferredJob("run_render", "render:once", {"render_job_id": "b"})
    assert await enqueue(arq, job) is True
    assert await enqueue(arq, job) is False
    assert await arq.zcard(default_queue_name) == 1

    await arq.delete(job_key_prefix + job.job_id)
    await arq.zrem(default_queue_name, job.job_id)
    await arq.set(result_key_prefix + job.job_id, b"done")  # finished, its result still kept
    assert await enqueue(arq, job) is False
    assert await arq.zcard(default_queue_name) == 0
