"""The render job and the render sweeper.

A job may be delivered more than once (arq re-runs jobs of a worker that died, the sweeper re-sends lost
ones); the row is the truth. ``queued → processing`` is a conditional update whose ``attempts`` value is
the claim's token, and only the newest claim may finish the job, so no render completes twice.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import timedelta
from typing import Any, cast

from arq import Retry
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.assets import service as assets
from seeit.db import transaction, utcnow
from seeit.imaging.errors import ImagingError
from seeit.imaging.interface import CompositeResult, ImageModel, Placement, Prompt, Quality
from seeit.metrics import record_job
from seeit.presets import service as presets
from seeit.queue import JobFailed
from seeit.renders import notify, repository
from seeit.renders.jobs import RUN_RENDER
from seeit.renders.repository import RenderRecord
from seeit.resources import Resources
from seeit.rooms import service as rooms
from seeit.shops import service as shops
from seeit.storage import ObjectMissing, StorageError, new_object_key
from seeit.stored_objects.service import discard_objects, expect_objects_in, settle_objects
from seeit.usage.service import refund_renders

log = logging.getLogger(__name__)

# Model attempts per job (claims by a new worker count too); retryable model errors back off in between.
MAX_ATTEMPTS = 3
RETRY_BACKOFF_SECONDS = (2.0, 5.0)
# A fallback prep is polled this often, for at most this long, before the render gives up on it.
ASSET_POLL_SECONDS = 2.0
ASSET_WAIT_LIMIT = timedelta(minutes=10)
# The worker holding a claim beats this often while the render runs; a claim silent for STALE_AFTER has
# no live worker (killed, its host gone) and is taken over by the sweeper, which looks every 15 s: a
# dead worker's render is finished elsewhere well within a minute.
HEARTBEAT_SECONDS = 5.0
STALE_AFTER = timedelta(seconds=20)
# How long a job may sit queued before the sweeper checks that the queue really holds it.
QUEUED_GRACE = timedelta(seconds=30)
SWEEP_BATCH = 200


@RUN_RENDER.runs
async def run_render(ctx: dict[str, Any], render_job_id: str) -> str:
    """Composite one render job: wait for its asset, claim it, call the model, store, finish."""
    resources: Resources = ctx["resources"]
    job_id = uuid.UUID(render_job_id)
    async with transaction(resources) as session:
        job = await repository.job_by_id(session, job_id)
    if job is None or job.status in ("completed", "failed"):
        return "finished already"
    if job.status == "queued":
        try:
            await _wait_for_asset(resources, job)
        except JobFailed as failure:
            await finish_failed(resources, job.id, failure, attempt=None)
            return "failed"
    async with transaction(resources) as session:
        claimed = await repository.claim(session, job_id, stale_after=STALE_AFTER)
    if claimed is None:
        return "claimed elsewhere"
    return await _render(ctx, resources, claimed)


async def _release(resources: Resources, job_id: uuid.UUID, attempt: int) -> None:
    async with transaction(resources) as session:
        released = await repository.release(session, job_id, attempt)
    if released:
        log.warning("render %s interrupted; handed back to the queue", job_id)


async def _wait_for_asset(resources: Resources, job: RenderRecord) -> None:
    """Return once the job's asset serves; re-deliver the job later while its prep is still running."""
    async with transaction(resources) as session:
        asset = await assets.asset_for_job(session, job.shop_id, job.product_asset_id)
        waiting = asset is not None and asset.status == "pending"
        if waiting:
            if utcnow() - job.created_at > ASSET_WAIT_LIMIT:
                raise JobFailed("asset_unavailable", "The product image took too long to prepare.")
            await repository.set_waiting_stage(session, job.id, "waiting_for_asset")
        elif (asset is None or not asset.serving) and await assets.serving_asset_now(
            session, job.shop_id, job.product_id, job.variant_id
        ) is None:
            raise JobFailed("asset_unavailable", "The product image could not be prepared.")
    if waiting:
        raise Retry(defer=ASSET_POLL_SECONDS)  # outside the transaction, so the stage change is kept


class _Heartbeat:
    """Keeps the claim alive while the render runs; ``attempt`` follows the claim's token."""

    def __init__(self, resources: Resources, job_id: uuid.UUID, attempt: int) -> None:
        self.resources = resources
        self.job_id = job_id
        self.attempt = attempt
        self._task: asyncio.Task[None] | None = None

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            try:
                async with transaction(self.resources) as session:
                    if not await repository.beat(session, self.job_id, self.attempt):
                        return  # the claim was taken over or finished: nothing left to keep alive
            except Exception as exc:  # a database blip must not end the render; the next beat tries again
                log.warning("render %s heartbeat missed: %s", self.job_id, exc)

    def __enter__(self) -> _Heartbeat:
        self._task = asyncio.create_task(self._beat())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()


async def _render(ctx: dict[str, Any], resources: Resources, job: RenderRecord) -> str:
    with _Heartbeat(resources, job.id, job.attempts) as heartbeat:
        return await _render_claimed(ctx, resources, job, heartbeat)


async def _render_claimed(ctx: dict[str, Any], resources: Resources, job: RenderRecord, heartbeat: _Heartbeat) -> str:
    model: ImageModel = ctx["image_model"]
    attempt = job.attempts
    try:
        if attempt > MAX_ATTEMPTS:
            raise JobFailed("internal_error", "The render was interrupted too many times.")
        inputs = await _load_inputs(resources, job)

        async def report_stage(stage: str) -> None:
            async with transaction(resources) as session:
                await repository.set_stage(session, job.id, attempt, stage)

        while True:
            try:
                result = await model.composite(
                    inputs.room,
                    inputs.product_png,
                    Placement(job.placement_x, job.placement_y, job.placement_scale),
                    quality=cast(Quality, job.quality or "standard"),
                    prompt=inputs.prompt,
                    watermark=inputs.watermark,
                    on_stage=report_stage,
                )
                break
            except ImagingError as exc:
                if not exc.retryable or attempt >= MAX_ATTEMPTS:
                    raise JobFailed(exc.code, exc.message) from exc
                await asyncio.sleep(RETRY_BACKOFF_SECONDS[min(attempt, len(RETRY_BACKOFF_SECONDS)) - 1])
                async with transaction(resources) as session:
                    next_attempt = await repository.record_retry(session, job.id, attempt)
                if next_attempt is None:
                    return "claim lost"
                attempt = heartbeat.attempt = next_attempt
        return await _store(resources, model, job, attempt, inputs, result)
    except JobFailed as failure:
        await finish_failed(resources, job.id, failure, attempt=attempt, model_id=model.model_id)
        return "failed"
    except (StorageError, OSError) as exc:
        # Storage is down: keep the claim; its heartbeat stops, and the sweeper re-sends the job once it
        # goes stale (tens of seconds later, when storage may well be back).
        log.warning("render %s could not reach storage: %s", job.id, exc)
        raise
    except asyncio.CancelledError:
        # The worker is stopping and its wait for running jobs ran out (or the job timed out). Hand the
        # job back now: arq delivers it again and the next claim takes it at once, instead of after the
        # claim went stale. A worker that dies outright runs no code: the sweeper covers that.
        await asyncio.shield(_release(resources, job.id, attempt))
        raise
    except Exception:
        log.exception("render %s failed unexpectedly", job.id)
        unexpected = JobFailed("internal_error", "Something went wrong while rendering.")
        await finish_failed(resources, job.id, unexpected, attempt=attempt, model_id=model.model_id)
        return "failed"


class _Inputs:
    def __init__(self, room: bytes, product_png: bytes, prompt: Prompt, watermark: bool) -> None:
        self.room = room
        self.product_png = product_png
        self.prompt = prompt
        self.watermark = watermark


async def _load_inputs(resources: Resources, job: RenderRecord) -> _Inputs:
    async with transaction(resources) as session:
        room = await rooms.room_for_render(session, job.shop_id, job.room_session_id) if job.room_session_id else None
        asset = await assets.asset_for_job(session, job.shop_id, job.product_asset_id)
        if asset is None or not asset.serving:
            asset = await assets.serving_asset_now(session, job.shop_id, job.product_id, job.variant_id)
        watermark = await shops.shop_watermark(session, resources.settings, job.shop_id)
        prompt = await presets.composite_prompt(session, job.shop_id, job.style_preset)
    room_key = (room.cleaned_room_image_url or room.original_room_image_url) if room is not None else None
    if room_key is None:
        raise JobFailed("room_unavailable", "The room photo is no longer available.")
    if asset is None or asset.prepared_image_url is None:
        raise JobFailed("asset_unavailable", "The product image is not available.")
    try:
        room_image = await resources.storage.get(room_key)
    except ObjectMissing:
        raise JobFailed("room_unavailable", "The room photo is no longer available.") from None
    try:
        product_png = await resources.storage.get(asset.prepared_image_url)
    except ObjectMissing:
        raise JobFailed("asset_unavailable", "The product image is no longer available.") from None
    return _Inputs(
        room=room_image,
        product_png=product_png,
        prompt=prompt,
        watermark=watermark,
    )


async def _store(
    resources: Resources, model: ImageModel, job: RenderRecord, attempt: int, inputs: _Inputs, result: CompositeResult
) -> str:
    prefix = f"shops/{job.shop_id}/renders"
    image_key = new_object_key(prefix, ".png")
    display_key = None
    if job.quality == "draft" and result.display_webp is not None:
        display_key = new_object_key(prefix, ".webp")
    keys = [key for key in (image_key, display_key) if key is not None]
    async with transaction(resources) as session:
        if not await repository.set_stage(session, job.id, attempt, "storing"):
            return "claim lost"
        await expect_objects_in(session, keys)  # a worker killed from here on leaves a trace to sweep
    await resources.storage.put(image_key, result.png, "image/png")
    if display_key is not None and result.display_webp is not None:
        await resources.storage.put(display_key, result.display_webp, "image/webp")
    async with transaction(resources) as session:
        completed = await repository.complete(
            session,
            job.id,
            attempt,
            image_key=image_key,
            display_key=display_key,
            model_id=model.model_id,
            prompt_id=inputs.prompt.prompt_id,
            prompt_version=inputs.prompt.version,
        )
        if completed:
            await settle_objects(session, keys)
            if job.style_preset:
                await presets.count_use(session, job.shop_id, job.style_preset)
    if not completed:
        # A newer claim owns the job (this worker was presumed dead): its output wins, ours goes.
        await discard_objects(resources, keys)
        return "claim lost"
    if result.harmonization_rejected:
        # The model's picture moved or changed the product: the shopper got the local composite instead.
        log.warning("render %s kept the local composite: harmonisation %s", job.id, result.harmonization_rejected)
        await record_job(resources.arq, "harmonize", f"rejected_{result.harmonization_rejected}")
    await notify.publish_finished(resources.arq, job.id, "completed")
    await record_job(resources.arq, "render", "completed")
    return "completed"


async def finish_failed(
    resources: Resources, job_id: uuid.UUID, failure: JobFailed, *, attempt: int | None, model_id: str | None = None
) -> None:
    """``failed`` with its error code, and the render given back to the quota: once, in one transaction."""
    async with transaction(resources) as session:
        failed = await repository.fail(
            session, job_id, error_code=failure.code, error_message=failure.message, attempt=attempt, model_id=model_id
        )
        if failed:
            await refund_failed(session, job_id)
    if failed:
        await notify.publish_finished(resources.arq, job_id, "failed")
        await record_job(resources.arq, "render", "failed")


async def refund_failed(session: AsyncSession, job_id: uuid.UUID) -> bool:
    """Give a failed render back to the quota, at most once (``refunded_at`` is set conditionally)."""
    counted = await repository.mark_refunded(session, job_id)
    if counted is None:
        return False
    shop_id, day = counted
    await refund_renders(session, shop_id, "composite", day)
    return True
