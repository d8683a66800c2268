"""The arq worker: its functions, cron jobs, and the clients it opens at start-up and closes at shutdown."""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from arq import cron
from arq.connections import RedisSettings
from arq.typing import WorkerCoroutine
from arq.worker import Function

from seeit.assets.tasks import prepare_all_products, prepare_asset, refresh_product_settings, resend_stalled_preps
from seeit.billing.tasks import reconcile_subscriptions, sync_shop_billing
from seeit.config import get_settings
from seeit.imaging import get_image_model
from seeit.logs import configure_logging, request_id_var
from seeit.process_memory import release_free_memory
from seeit.queue import Job
from seeit.renders.sweeper import sweep_renders
from seeit.renders.tasks import run_render
from seeit.resources import Resources, redis_settings
from seeit.rooms.tasks import cleanup_room, purge_expired_rooms, sweep_cleanups
from seeit.stored_objects.tasks import sweep_pending_objects
from seeit.webhooks.tasks import prune_webhook_events, redact_shop, resend_pending_redactions

log = logging.getLogger(__name__)


async def startup(ctx: dict[str, Any]) -> None:
    # Tests pass their own settings in the worker's ctx.
    settings = ctx.get("settings") or get_settings()
    if settings.env != "test":  # under pytest, its log capture stays in charge
        configure_logging(json_lines=settings.env == "production", level=settings.log_level)
    # arq's own pool is the job queue; the worker's resources share it.
    ctx["resources"] = await Resources.open(settings, arq=ctx["redis"])
    # One image model per worker process (its pixel pool starts on first use); shutdown closes it.
    # Tests may hand the worker their own (e.g. the real model, held mid-job to kill the worker).
    if "image_model" not in ctx:
        ctx["image_model"] = get_image_model(settings)
    log.info("worker started")


async def shutdown(ctx: dict[str, Any]) -> None:
    model = ctx.get("image_model")
    if model is not None:
        await model.aclose()
    resources: Resources | None = ctx.get("resources")
    if resources is not None:
        await resources.close(close_arq=False)


async def on_job_start(ctx: dict[str, Any]) -> None:
    # Every log line a job writes carries its id, as request lines carry the request id.
    request_id_var.set(f"job:{ctx['job_id']}")


async def on_job_end(ctx: dict[str, Any]) -> None:
    # A job may have held large buffers (a source photo, a stored picture's bytes): hand their pages back.
    release_free_memory()


# Every job: declared once in its domain's ``jobs.py`` and bound in its ``tasks.py`` to the coroutine that runs it
# (``JobDeclaration.runs``); none keeps a result.
JOBS: tuple[Job[Any, Any], ...] = (
    redact_shop,
    sync_shop_billing,
    prepare_asset,
    prepare_all_products,
    refresh_product_settings,
    run_render,
    cleanup_room,
)


def worker_functions() -> list[WorkerCoroutine | Function]:
    return [declared.arq_function() for declared in JOBS]


def worker_cron_jobs() -> list[Any]:
    return [
        cron(prune_webhook_events, hour={3}, minute={17}, run_at_startup=False),
        cron(resend_pending_redactions, minute=set(range(0, 60, 10)), run_at_startup=False),
        cron(sweep_renders, second={0, 15, 30, 45}, run_at_startup=True),  # a dead worker's render: taken over
        cron(sweep_cleanups, second={0, 15, 30, 45}, run_at_startup=True),
        cron(resend_stalled_preps, second={7, 22, 37, 52}, run_at_startup=False),  # a lost cut-out: sent again
        cron(purge_expired_rooms, minute=set(range(5, 60, 15)), run_at_startup=False),
        cron(sweep_pending_objects, second={50}, run_at_startup=False),  # what killed writers left in storage
        # Daily: re-read every shop's subscriptions, repairing what a lost webhook left behind.
        cron(reconcile_subscriptions, hour={4}, minute={41}, run_at_startup=False),
    ]


class WorkerSettings:
    functions: ClassVar[list[WorkerCoroutine | Function]] = worker_functions()
    cron_jobs: ClassVar[list[Any]] = worker_cron_jobs()
    on_startup = startup
    on_shutdown = shutdown
    on_job_start = on_job_start
    on_job_end = on_job_end
    redis_settings: ClassVar[RedisSettings] = redis_settings(get_settings())
    max_jobs = 8
    # On SIGTERM or SIGINT (a deploy, a scale-down) stop taking jobs and give the running ones this long
    # to finish before cancelling them, so a shopper's render in flight still arrives. The platform's stop
    # grace period must be longer (docker-compose.yml gives the worker 40 s).
    job_completion_wait = 30
    job_timeout = 300
    # No job keeps its result: the rows are the truth, and a kept result would make arq refuse the re-send of
    # the same job id (a sweeper's, a cron's) for as long as it is kept.
    keep_result = 0
    max_tries = 5
    health_check_interval = 30
