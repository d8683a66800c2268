"""Every query on ``render_jobs`` except the accept statement; state moves by conditional updates."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Integer, and_, bindparam, func, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.db import DriverStatement
from seeit.models import RenderJob
from seeit.shops import service as shops

IDEMPOTENCY_WINDOW = timedelta(hours=24)
IN_FLIGHT = ("queued", "processing")

_COLUMNS = (
    RenderJob.id,
    RenderJob.shop_id,
    RenderJob.status,
    RenderJob.stage,
    RenderJob.product_id,
    RenderJob.variant_id,
    RenderJob.product_asset_id,
    RenderJob.room_session_id,
    RenderJob.placement_x,
    RenderJob.placement_y,
    RenderJob.placement_scale,
    RenderJob.style_preset,
    RenderJob.quality,
    RenderJob.config_json,
    RenderJob.image_url,
    RenderJob.display_image_url,
    RenderJob.error_code,
    RenderJob.error_message,
    RenderJob.model_id,
    RenderJob.prompt_id,
    RenderJob.prompt_version,
    RenderJob.attempts,
    RenderJob.processing_ms,
    RenderJob.started_at,
    RenderJob.created_at,
    RenderJob.completed_at,
    RenderJob.usage_date,
)


@dataclass(frozen=True)
class RenderRecord:
    id: uuid.UUID
    shop_id: uuid.UUID
    status: str
    stage: str | None
    product_id: str
    variant_id: str | None
    product_asset_id: uuid.UUID | None
    room_session_id: uuid.UUID | None
    placement_x: float
    placement_y: float
    placement_scale: float
    style_preset: str | None
    quality: str | None
    config_json: dict[str, Any] | None
    image_url: str | None
    display_image_url: str | None
    error_code: str | None
    error_message: str | None
    model_id: str | None
    prompt_id: str | None
    prompt_version: int | None
    attempts: int
    processing_ms: int | None
    started_at: datetime | None
    created_at: datetime
    completed_at: datetime | None
    usage_date: date | None

    @classmethod
    def of(cls, row: Any) -> RenderRecord:
        return cls(*row)


async def forget_idempotency_key(session: AsyncSession, shop_id: uuid.UUID, key: str) -> None:
    """A key older than the window no longer matches: free it for the new request."""
    await session.execute(
        update(RenderJob)
        .where(
            RenderJob.shop_id == shop_id,
            RenderJob.idempotency_key == key,
            RenderJob.created_at < func.now() - IDEMPOTENCY_WINDOW,
        )
        .values(idempotency_key=None)
    )


async def job_by_idempotency_key(session: AsyncSession, shop_id: uuid.UUID, key: str) -> RenderRecord | None:
    row = (
        await session.execute(select(*_COLUMNS).where(RenderJob.shop_id == shop_id, RenderJob.idempotency_key == key))
    ).one_or_none()
    return RenderRecord.of(row) if row is not None else None


async def job_for_shop(session: AsyncSession, shop_id: uuid.UUID, job_id: uuid.UUID) -> RenderRecord | None:
    row = (
        await session.execute(select(*_COLUMNS).where(RenderJob.id == job_id, RenderJob.shop_id == shop_id))
    ).one_or_none()
    return RenderRecord.of(row) if row is not None else None


async def products_of_renders(
    session: AsyncSession, shop_id: uuid.UUID, job_ids: list[uuid.UUID]
) -> dict[uuid.UUID, str]:
    """The product GID of each of these renders that belongs to the shop (order attribution checks line items'
    render ids with it)."""
    if not job_ids:
        return {}
    rows = await session.execute(
        select(RenderJob.id, RenderJob.product_id).where(RenderJob.shop_id == shop_id, RenderJob.id.in_(job_ids))
    )
    return {row.id: row.product_id for row in rows}


_JOB_FOR_SHOP = DriverStatement.compile(
    select(*_COLUMNS).where(RenderJob.id == bindparam("job_id"), RenderJob.shop_id == bindparam("shop_id"))
)


async def job_for_shop_on_driver(driver: Any, shop_id: uuid.UUID, job_id: uuid.UUID) -> RenderRecord | None:
    """``job_for_shop`` on a request's asyncpg connection (the storefront's polling path)."""
    row = await driver.fetchrow(_JOB_FOR_SHOP.sql, *_JOB_FOR_SHOP.args({"job_id": job_id, "shop_id": shop_id}))
    return RenderRecord.of(row) if row is not None else None


async def job_of_installed_shop(session: AsyncSession, job_id: uuid.UUID) -> RenderRecord | None:
    """The job, unless its shop is uninstalled (or gone: a redacted shop's rows are deleted)."""
    query = select(*_COLUMNS).where(RenderJob.id == job_id, shops.is_installed(RenderJob.shop_id))
    row = (await session.execute(query)).one_or_none()
    return RenderRecord.of(row) if row is not None else None


async def jobs_for_shop(
    session: AsyncSession,
    shop_id: uuid.UUID,
    *,
    status: str | None,
    limit: int,
    after: tuple[datetime, uuid.UUID] | None,
) -> list[RenderRecord]:
    """Newest first, keyset-paginated on (created_at, id) so pages stay stable while jobs are added."""
    query = select(*_COLUMNS).where(RenderJob.shop_id == shop_id)
    if status is not None:
        query = query.where(RenderJob.status == status)
    if after is not None:
        created_at, job_id = after
        query = query.where(
            or_(
                RenderJob.created_at < created_at,
                and_(RenderJob.created_at == created_at, RenderJob.id < job_id),
            )
        )
    rows = await session.execute(query.order_by(RenderJob.created_at.desc(), RenderJob.id.desc()).limit(limit))
    return [RenderRecord.of(row) for row in rows]


# --- the worker's moves -------------------------------------------------------------------------------


async def job_by_id(session: AsyncSession, job_id: uuid.UUID) -> RenderRecord | None:
    row = (await session.execute(select(*_COLUMNS).where(RenderJob.id == job_id))).one_or_none()
    return RenderRecord.of(row) if row is not None else None


async def set_waiting_stage(session: AsyncSession, job_id: uuid.UUID, stage: str) -> None:
    await session.execute(
        update(RenderJob).where(RenderJob.id == job_id, RenderJob.status == "queued").values(stage=stage)
    )


async def claim(session: AsyncSession, job_id: uuid.UUID, *, stale_after: timedelta) -> RenderRecord | None:
    """``queued → processing`` (or take over a ``processing`` job whose worker is gone: started longer
    than ``stale_after`` ago). ``attempts`` goes up by one and is the claim's token: only the holder of
    the newest claim may finish the job. None when someone else holds it or it is finished."""
    row = (
        await session.execute(
            update(RenderJob)
            .where(
                RenderJob.id == job_id,
                or_(
                    RenderJob.status == "queued",
                    and_(RenderJob.status == "processing", _last_sign_of_life() < func.now() - stale_after),
                ),
            )
            .values(
                status="processing",
                stage="compositing",
                started_at=func.now(),
                heartbeat_at=func.now(),
                attempts=RenderJob.attempts + 1,
            )
            .returning(*_COLUMNS)
        )
    ).one_or_none()
    return RenderRecord.of(row) if row is not None else None


def _last_sign_of_life() -> Any:
    """When the claim's holder last showed it was alive (jobs claimed before heartbeats: their start)."""
    return func.coalesce(RenderJob.heartbeat_at, RenderJob.started_at)


async def beat(session: AsyncSession, job_id: uuid.UUID, attempt: int) -> bool:
    """The claim's heartbeat; False when the claim is no longer this holder's."""
    result = await session.execute(update(RenderJob).where(_held(job_id, attempt)).values(heartbeat_at=func.now()))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _held(job_id: uuid.UUID, attempt: int) -> Any:
    return and_(RenderJob.id == job_id, RenderJob.status == "processing", RenderJob.attempts == attempt)


async def set_stage(session: AsyncSession, job_id: uuid.UUID, attempt: int, stage: str) -> bool:
    result = await session.execute(update(RenderJob).where(_held(job_id, attempt)).values(stage=stage))
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def release(session: AsyncSession, job_id: uuid.UUID, attempt: int) -> bool:
    """``processing → queued`` for the holder of claim ``attempt``, so the next delivery can claim it now."""
    result = await session.execute(
        update(RenderJob).where(_held(job_id, attempt)).values(status="queued", stage="queued", started_at=None)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def record_retry(session: AsyncSession, job_id: uuid.UUID, attempt: int) -> int | None:
    """Count another model attempt within the claim; returns the new token (None when the claim was lost)."""
    row = (
        await session.execute(
            update(RenderJob)
            .where(_held(job_id, attempt))
            .values(
                attempts=RenderJob.attempts + 1, started_at=func.now(), heartbeat_at=func.now(), stage="compositing"
            )
            .returning(RenderJob.attempts)
        )
    ).one_or_none()
    return int(row[0]) if row is not None else None


async def complete(
    session: AsyncSession,
    job_id: uuid.UUID,
    attempt: int,
    *,
    image_key: str,
    display_key: str | None,
    model_id: str,
    prompt_id: str,
    prompt_version: int,
) -> bool:
    result = await session.execute(
        update(RenderJob)
        .where(_held(job_id, attempt))
        .values(
            status="completed",
            stage="done",
            image_url=image_key,
            display_image_url=display_key,
            model_id=model_id,
            prompt_id=prompt_id,
            prompt_version=prompt_version,
            completed_at=func.now(),
            processing_ms=func.cast(func.extract("epoch", func.now() - RenderJob.started_at) * 1000, Integer),
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def fail(
    session: AsyncSession,
    job_id: uuid.UUID,
    *,
    error_code: str,
    error_message: str,
    attempt: int | None = None,
    model_id: str | None = None,
) -> bool:
    """Move an unfinished job to ``failed``. With ``attempt`` only the claim holder may; without, a job
    that is still ``queued`` (e.g. its asset failed) or abandoned (the sweeper) may be failed."""
    condition = (
        _held(job_id, attempt) if attempt is not None else and_(RenderJob.id == job_id, RenderJob.status.in_(IN_FLIGHT))
    )
    values: dict[str, Any] = {
        "status": "failed",
        "error_code": error_code,
        "error_message": error_message[:500],
        "completed_at": func.now(),
    }
    if model_id is not None:
        values["model_id"] = model_id
    values["processing_ms"] = func.cast(func.extract("epoch", func.now() - RenderJob.started_at) * 1000, Integer)
    result = await session.execute(update(RenderJob).where(condition).values(**values))
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def mark_refunded(session: AsyncSession, job_id: uuid.UUID) -> tuple[uuid.UUID, date] | None:
    """Mark a failed job refunded, once: returns (shop, usage day) the first time, None after."""
    row = (
        await session.execute(
            update(RenderJob)
            .where(
                RenderJob.id == job_id,
                RenderJob.status == "failed",
                RenderJob.refunded_at.is_(None),
                RenderJob.usage_date.is_not(None),
            )
            .values(refunded_at=func.now())
            .returning(RenderJob.shop_id, RenderJob.usage_date)
        )
    ).one_or_none()
    return (row[0], row[1]) if row is not None and row[1] is not None else None


async def queued_since(session: AsyncSession, before: datetime, *, limit: int) -> list[RenderRecord]:
    rows = await session.execute(
        select(*_COLUMNS)
        .where(RenderJob.status == "queued", RenderJob.created_at < before)
        .order_by(RenderJob.created_at)
        .limit(limit)
    )
    return [RenderRecord.of(row) for row in rows]


async def processing_silent_since(session: AsyncSession, before: datetime, *, limit: int) -> list[RenderRecord]:
    """Jobs ``processing`` whose holder has not beaten since ``before``: their worker is gone."""
    rows = await session.execute(
        select(*_COLUMNS)
        .where(RenderJob.status == "processing", _last_sign_of_life() < before)
        .order_by(_last_sign_of_life())
        .limit(limit)
    )
    return [RenderRecord.of(row) for row in rows]


# Queued work of an uninstalled shop is cancelled with its quota given back, each refund at most once:
# the rows are locked and re-checked (`status = 'queued'`) so a worker claiming one at the same moment wins
# or loses cleanly, and `refunded_at` records that the render was given back.
_CANCEL_QUEUED = text(
    """
    WITH old AS (
        SELECT id, usage_date, (refunded_at IS NULL AND usage_date IS NOT NULL) AS refund
        FROM render_jobs WHERE shop_id = :shop_id AND status = 'queued'
        FOR UPDATE
    ), cancelled AS (
        UPDATE render_jobs r
        SET status = 'failed', error_code = 'cancelled', error_message = :message, completed_at = now(),
            refunded_at = CASE WHEN old.refund THEN now() ELSE r.refunded_at END
        FROM old WHERE r.id = old.id AND r.status = 'queued'
        RETURNING old.usage_date, old.refund
    )
    SELECT usage_date FROM cancelled WHERE refund
    """
)


async def cancel_queued(session: AsyncSession, shop_id: uuid.UUID, message: str) -> list[date]:
    """Fail the shop's queued jobs as ``cancelled``; the usage day of each one to give back (once)."""
    return list((await session.execute(_CANCEL_QUEUED, {"shop_id": shop_id, "message": message})).scalars())
