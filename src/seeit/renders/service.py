"""The storefront's render rules: validate, resolve the asset, count the render and record the job in one
statement, enqueue after commit; read a job (optionally waiting for it to finish)."""

from __future__ import annotations

import base64
import binascii
import uuid
from collections import Counter
from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from seeit.assets import service as assets
from seeit.db import driver_connection, driver_of, session_on, utcnow
from seeit.errors import AssetNotReady, Conflict, NotFound, RateLimited, ValidationFailed
from seeit.imaging.prompts import style_presets
from seeit.presets import service as presets
from seeit.queue import DeferredJob, defer_job, send_jobs
from seeit.renders import accept_statement, notify, repository
from seeit.renders.accept_statement import NewRender
from seeit.renders.jobs import render_job
from seeit.renders.repository import RenderRecord
from seeit.renders.schemas import Placement, RenderJobList, RenderJobOut, RenderRequest
from seeit.resources import Resources
from seeit.rooms import service as rooms
from seeit.rooms.service import missing_room_error, room_ttl
from seeit.shopify.ids import InvalidShopifyId, to_gid
from seeit.shops.service import ShopContext
from seeit.usage.service import (
    QuotaWindow,
    RenderKind,
    hold_month_near_midnight,
    near_midnight,
    quota_exceeded,
    refund_renders,
    utc_today,
)

IDEMPOTENCY_KEY_MAX = 200


def _invalid(loc: list[str], message: str) -> ValidationFailed:
    return ValidationFailed(details={"fields": [{"loc": ["body", *loc], "message": message}]})


def _gid(kind: str, value: str | None, field: str) -> str | None:
    if value is None:
        return None
    try:
        return to_gid(kind, value)
    except InvalidShopifyId:
        raise _invalid([field], f"Must be a numeric id or a {kind} GID.") from None


def max_in_flight(resources: Resources, shop: ShopContext) -> int:
    return shop.max_concurrent_renders or resources.settings.plan(shop.plan).max_concurrent_renders


def _new_render(shop: ShopContext, body: RenderRequest, idempotency_key: str | None) -> NewRender:
    """The render asked for, its ids checked (422 otherwise); the style preset is checked by the caller."""
    product_gid = _gid("Product", body.product_id, "product_id")
    assert product_gid is not None
    variant_gid = _gid("ProductVariant", body.variant_id, "variant_id")
    if idempotency_key is not None and not 0 < len(idempotency_key) <= IDEMPOTENCY_KEY_MAX:
        raise ValidationFailed(
            details={"fields": [{"loc": ["header", "Idempotency-Key"], "message": "1 to 200 characters"}]}
        )
    return NewRender(
        id=uuid.uuid4(),
        shop_id=shop.id,
        product_id=product_gid,
        variant_id=variant_gid,
        room_session_id=body.room_session_id,
        placement_x=body.placement.x,
        placement_y=body.placement.y,
        placement_scale=body.placement.scale,
        style_preset=body.style_preset,
        quality=body.quality,
        config_json=body.config,
        created_at=utcnow(),
        idempotency_key=idempotency_key,
    )


class _FullPath(Exception):
    """The accept statement left a case to the full path: undo it there and decide anew."""


class _QuotaRefused(Exception):
    """The accept statement refused the render for its quota; the answer says which and how much is used."""


async def accept_render_request(
    resources: Resources, shop: ShopContext, body: RenderRequest, idempotency_key: str | None
) -> tuple[RenderJobOut, bool]:
    """The request's whole accept: its transaction committed, then its jobs sent; returns the job and whether
    it is new (False: an idempotent replay). One pooled connection serves the request from start to end."""
    job = _new_render(shop, body, idempotency_key)
    outbox: list[DeferredJob] = []
    async with resources.engine.connect() as conn:
        answer = await _accept_common_case(conn, resources, shop, job) if _common_case(job) else None
        if answer is not None and answer[1]:
            outbox.append(render_job(job.id))
        elif answer is None:
            async with session_on(conn, outbox) as session:
                answer = await accept_render(session, resources, shop, body, idempotency_key)
    await send_jobs(resources.arq, outbox)  # after the commit, as the outbox does
    return answer


def _common_case(job: NewRender) -> bool:
    # A shop's own style preset is checked in the database, and near UTC midnight the quota statements
    # queue on a lock first (``hold_month_near_midnight``): both take the full path.
    builtin_preset = job.style_preset is None or job.style_preset in style_presets()
    return builtin_preset and not near_midnight(job.created_at)


async def _accept_common_case(
    conn: AsyncConnection, resources: Resources, shop: ShopContext, job: NewRender
) -> tuple[RenderJobOut, bool] | None:
    """What ``accept_render`` answers, for the cases its one statement decides alone (a new job, a replay,
    the in-flight limit, the quota), on the request's own connection with no ORM session. None (nothing
    counted) for the rest: an expired key, a lost race, a room to explain, an asset to prepare first."""
    window = QuotaWindow(shop.id, job.created_at.date(), shop.daily_quota, shop.monthly_quota)
    limit = max_in_flight(resources, shop)
    # Without an Idempotency-Key the statement is the whole transaction (PostgreSQL runs a statement
    # atomically), which saves the BEGIN and COMMIT round trips; when it creates no job it has changed
    # nothing that counts: nothing is reserved unless the job is inserted, and no insert can meet a key.
    # With a key, a lost race reserves without inserting, so the statement runs in a transaction that
    # rolls back.
    try:
        async with driver_of(conn, transaction=job.idempotency_key is not None) as driver:
            outcome = await accept_statement.accept_render_on_driver(
                driver, job, window, max_in_flight=limit, room_ttl=room_ttl(resources.settings)
            )
            if outcome.created_stage is not None:
                return new_job_out(job, outcome.created_stage), True
            if outcome.existing_id is not None and not outcome.existing_expired:
                record = await repository.job_for_shop_on_driver(driver, shop.id, outcome.existing_id)
                if record is None:  # pragma: no cover - selected by the same shop a moment ago
                    raise NotFound()
                return job_out(resources, record), False
            if outcome.existing_id is not None or outcome.reserved or not outcome.room_ok or not outcome.asset_found:
                raise _FullPath()
            if outcome.in_flight >= limit:
                raise _too_many_in_flight(limit)
            raise _QuotaRefused()
    except _FullPath:
        return None
    except _QuotaRefused:
        async with session_on(conn, []) as session:
            raise await quota_exceeded(session, window) from None


def _too_many_in_flight(limit: int) -> RateLimited:
    return RateLimited(
        "Too many renders in progress for this shop; try again shortly.",
        details={"max_concurrent_renders": limit},
        headers={"Retry-After": "2"},
    )


async def accept_render(
    session: AsyncSession,
    resources: Resources,
    shop: ShopContext,
    body: RenderRequest,
    idempotency_key: str | None,
) -> tuple[RenderJobOut, bool]:
    """Accept one composite render; returns the job and whether it is new (False: an idempotent replay)."""
    job = _new_render(shop, body, idempotency_key)
    if body.style_preset is not None and not await presets.preset_exists(session, shop.id, body.style_preset):
        raise _invalid(["style_preset"], "No such style preset.")
    product_gid, variant_gid = job.product_id, job.variant_id
    window = QuotaWindow(shop.id, utc_today(), shop.daily_quota, shop.monthly_quota)
    limit = max_in_flight(resources, shop)
    ttl = room_ttl(resources.settings)
    await hold_month_near_midnight(session, shop.id)
    outcome = await accept_statement.accept_render(session, job, window, max_in_flight=limit, room_ttl=ttl)
    if outcome.existing_expired and idempotency_key is not None:
        await repository.forget_idempotency_key(session, shop.id, idempotency_key)
        outcome = await accept_statement.accept_render(session, job, window, max_in_flight=limit, room_ttl=ttl)
    if not outcome.asset_found and outcome.existing_id is None:
        # No asset serves or is being prepared: queue a fallback prep ahead of the composite. It is sent
        # only if this request commits, so a render refused below (quota, room) queues nothing.
        await assets.queue_fallback_prep(session, shop.id, product_gid, variant_gid)
        outcome = await accept_statement.accept_render(session, job, window, max_in_flight=limit, room_ttl=ttl)
    if outcome.created_stage is not None:
        defer_job(session, render_job(job.id))
        return new_job_out(job, outcome.created_stage), True
    if outcome.existing_id is not None:
        return await _existing(session, resources, shop.id, outcome.existing_id), False
    if outcome.reserved and idempotency_key is not None:
        # Lost a race on the same Idempotency-Key: give the reservation back and answer the winner's job.
        await refund_renders(session, shop.id, "composite", window.day)
        winner = await repository.job_by_idempotency_key(session, shop.id, idempotency_key)
        if winner is None:  # pragma: no cover - the winner's row is what made our insert a no-op
            raise Conflict("A request with this Idempotency-Key is in progress; try again.")
        return job_out(resources, winner), False
    if not outcome.room_ok:
        raise await _room_error(session, shop.id, body.room_session_id)
    if not outcome.asset_found:  # pragma: no cover - the fallback prep above always gives one
        raise AssetNotReady()
    if outcome.in_flight >= limit:
        raise _too_many_in_flight(limit)
    raise await quota_exceeded(session, window)


async def _room_error(session: AsyncSession, shop_id: uuid.UUID, room_id: uuid.UUID) -> Exception:
    error = await missing_room_error(session, shop_id, room_id)
    if isinstance(error, NotFound):
        return error
    live = await rooms.lock_room(session, shop_id, room_id)
    if live is not None and live.original_room_image_url is None:
        return Conflict("The room photo has not been uploaded yet.")
    return error


async def _existing(session: AsyncSession, resources: Resources, shop_id: uuid.UUID, job_id: uuid.UUID) -> RenderJobOut:
    record = await repository.job_for_shop(session, shop_id, job_id)
    if record is None:  # pragma: no cover - selected by the same shop a moment ago
        raise NotFound()
    return job_out(resources, record)


def new_job_out(job: NewRender, stage: str) -> RenderJobOut:
    """The answer for a job just accepted, built from what we inserted (no second read)."""
    return RenderJobOut(
        id=job.id,
        status="queued",
        stage=stage,
        product_id=job.product_id,
        variant_id=job.variant_id,
        room_session_id=job.room_session_id,
        placement=Placement(x=job.placement_x, y=job.placement_y, scale=job.placement_scale),
        style_preset=job.style_preset,
        quality=job.quality,
        image_url=None,
        error_code=None,
        error_message=None,
        model_id=None,
        prompt_id=None,
        prompt_version=None,
        created_at=job.created_at,
        completed_at=None,
    )


def job_out(resources: Resources, job: RenderRecord) -> RenderJobOut:
    ttl = resources.settings.signed_url_ttl_seconds

    def signed(key: str | None) -> str | None:
        return resources.storage.signed_url(key, expires_in=ttl) if key else None

    fields: dict[str, Any] = {
        "id": job.id,
        "status": job.status,
        "stage": job.stage,
        "product_id": job.product_id,
        "variant_id": job.variant_id,
        "room_session_id": job.room_session_id,
        "placement": Placement(x=job.placement_x, y=job.placement_y, scale=job.placement_scale),
        "style_preset": job.style_preset,
        "quality": job.quality,
        "image_url": signed(job.image_url),
        "display_image_url": signed(job.display_image_url),
        "error_code": job.error_code,
        "error_message": job.error_message,
        "model_id": job.model_id,
        "prompt_id": job.prompt_id,
        "prompt_version": job.prompt_version,
        "attempts": job.attempts,
        "processing_ms": job.processing_ms,
        "created_at": job.created_at,
        "completed_at": job.completed_at,
    }
    return RenderJobOut(**fields)


def is_finished(job: RenderRecord) -> bool:
    return job.status in ("completed", "failed")


def encode_cursor(job: RenderRecord) -> str:
    """An opaque, URL-safe cursor: the (created_at, id) of the last item on the page."""
    return base64.urlsafe_b64encode(f"{job.created_at.isoformat()}|{job.id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        created, _, job_id = raw.partition("|")
        return datetime.fromisoformat(created), uuid.UUID(job_id)
    except (ValueError, binascii.Error):
        raise ValidationFailed(
            details={"fields": [{"loc": ["query", "cursor"], "message": "Not a cursor this API gave out."}]}
        ) from None


async def read_render(resources: Resources, shop_id: uuid.UUID, job_id: uuid.UUID, *, wait: int) -> RenderJobOut:
    """One job of the shop (404 otherwise); with ``wait`` > 0, held until it finishes or ``wait`` s pass."""
    latest: RenderRecord | None = None

    async def finished() -> bool:
        nonlocal latest
        # A connection per read, back in the pool before any waiting; one statement needs no session.
        async with driver_connection(resources, transaction=False) as driver:
            latest = await repository.job_for_shop_on_driver(driver, shop_id, job_id)
        return latest is None or is_finished(latest)

    if wait > 0:
        await notify.wait_until_finished(resources.arq, job_id, float(wait), finished)
        if latest is not None and not is_finished(latest):
            await finished()  # woken by the publish, or timed out: read the outcome once more
    else:
        await finished()
    if latest is None:
        raise NotFound("No such render job.")
    return job_out(resources, latest)


async def list_renders(
    session: AsyncSession,
    resources: Resources,
    shop_id: uuid.UUID,
    *,
    status: str | None,
    limit: int,
    cursor: str | None,
) -> RenderJobList:
    after = decode_cursor(cursor) if cursor else None
    jobs = await repository.jobs_for_shop(session, shop_id, status=status, limit=limit + 1, after=after)
    page = jobs[:limit]
    next_cursor = encode_cursor(page[-1]) if len(jobs) > limit else None
    return RenderJobList(items=[job_out(resources, job) for job in page], next_cursor=next_cursor)


async def cancel_queued_renders(session: AsyncSession, shop_id: uuid.UUID, message: str) -> int:
    """Fail the shop's queued renders as ``cancelled`` and give their composite renders back; how many."""
    days = await repository.cancel_queued(session, shop_id, message)
    await _refund_days(session, shop_id, "composite", days)
    return len(days)


async def _refund_days(session: AsyncSession, shop_id: uuid.UUID, kind: RenderKind, days: list[date]) -> None:
    for day, n in sorted(Counter(days).items()):
        await refund_renders(session, shop_id, kind, day, n)


async def products_of_renders(
    session: AsyncSession, shop_id: uuid.UUID, job_ids: list[uuid.UUID]
) -> dict[uuid.UUID, str]:
    """The product GID of each of these renders that belongs to the shop."""
    return await repository.products_of_renders(session, shop_id, job_ids)
