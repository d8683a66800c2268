"""The arq plumbing: a job's id comes from its row, so the same job sent twice runs once."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from arq import func
from sqlalchemy import text, update

from seeit.config import Settings
from seeit.db import transaction
from seeit.models import Shop
from seeit.queue import DeferredJob, JobDeclaration, enqueue, job_id_for
from seeit.resources import Resources
from seeit.worker import JOBS, WorkerSettings
from tests.conftest import make_worker

# Live: the worker commits in transactions of its own.
pytestmark = pytest.mark.live_database


async def bump_quota(ctx: dict[str, Any], shop_id: str) -> bool:
    """A job in the house style: a conditional state move, so a second delivery changes nothing."""
    resources: Resources = ctx["resources"]
    async with transaction(resources) as session:
        result = await session.execute(
            update(Shop)
            .where(Shop.id == uuid.UUID(shop_id), Shop.plan == "free")
            .values(plan="pro", daily_quota=Shop.daily_quota + 1)
        )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def _new_shop(resources: Resources) -> uuid.UUID:
    async with transaction(resources) as session:
        shop = Shop(
            shop_domain="w.myshopify.com",
            shopify_shop_id="1",
            access_token="",
            plan="free",
            daily_quota=10,
            monthly_quota=10,
        )
        session.add(shop)
        await session.flush()
        return shop.id


async def test_same_job_sent_twice_does_its_work_once(settings: Settings, resources: Resources) -> None:
    shop_id = await _new_shop(resources)
    job = DeferredJob("bump_quota", job_id_for("bump", shop_id), {"shop_id": str(shop_id)})
    assert await enqueue(resources.arq, job) is True
    assert await enqueue(resources.arq, job) is False  # arq refuses a second job with that id

    worker = make_worker(settings, functions=[func(bump_quota, name="bump_quota")], burst=True, cron_jobs=[])
    await worker.async_run()
    await worker.close()
    # Re-delivered after its result expired, the job finds nothing to move.
    await resources.arq.delete(f"arq:result:{job.job_id}")
    assert await enqueue(resources.arq, job) is True
    worker = make_worker(settings, functions=[func(bump_quota, name="bump_quota")], burst=True, cron_jobs=[])
    await worker.async_run()
    await worker.close()

    assert worker.jobs_complete == 1
    async with resources.engine.connect() as conn:
        quota = await conn.scalar(text("SELECT daily_quota FROM shops WHERE id = :id"), {"id": shop_id})
    assert quota == 11


async def test_worker_startup_opens_and_shutdown_closes_its_clients(settings: Settings, resources: Resources) -> None:
    ctx: dict[str, Any] = {"redis": resources.arq, "settings": settings}
    await WorkerSettings.on_startup(ctx)
    opened: Resources = ctx["resources"]
    async with opened.engine.connect() as conn:
        assert await conn.scalar(text("SELECT 1")) == 1
    assert opened.arq is resources.arq  # the worker's queue pool is shared, not a second one
    await WorkerSettings.on_shutdown(ctx)
    assert opened.http.is_closed
    assert await resources.arq.ping()  # arq closes its own pool, not the shutdown hook


def test_no_job_keeps_a_result_that_would_refuse_its_re_send() -> None:
    from arq.worker import Function

    from seeit.worker import WorkerSettings

    assert WorkerSettings.keep_result == 0
    for function in WorkerSettings.functions:
        assert isinstance(function, Function), function
        assert function.keep_result_s == 0, function.name
        assert not function.keep_result_forever, function.name


def test_the_worker_runs_each_declared_job_under_its_declared_name_and_tries() -> None:
    for declared in JOBS:
        function = declared.arq_function()
        assert function.name == declared.declaration.name == declared.coroutine.__name__
        assert function.max_tries == declared.declaration.max_tries, function.name


def test_a_job_declaration_refuses_a_coroutine_of_another_name() -> None:
    declared = JobDeclaration("run_render", id_prefix="render")

    async def render_something(ctx: dict[str, Any]) -> None:
        return None

    with pytest.raises(ValueError, match="run_render"):
        declared.runs(render_something)
    assert declared.deferred("a-row", render_job_id="a-row").job_id == "render:a-row"
