"""Rules for room sessions: uploads are checked and normalised off the event loop, sessions expire after
their last use, and a cleanup render is counted against the quota once per request."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.config import Settings
from seeit.errors import (
    Conflict,
    NotFound,
    PayloadTooLarge,
    QuotaExceeded,
    RoomSessionExpired,
    UnsupportedMediaType,
)
from seeit.process_memory import release_free_memory
from seeit.queue import defer_job
from seeit.resources import Resources
from seeit.rooms import repository
from seeit.rooms.images import ROOM_CONTENT_TYPE, ROOM_SUFFIX, RoomImage, normalize_room_image
from seeit.rooms.jobs import cleanup_job
from seeit.rooms.repository import RoomRecord
from seeit.rooms.schemas import DirectUpload, RoomSessionOut
from seeit.shops.service import ShopContext
from seeit.storage import ObjectMissing, UploadTarget, new_object_key
from seeit.stored_objects.service import expect_objects, settle_objects
from seeit.usage.service import (
    QuotaWindow,
    RenderKind,
    hold_month_near_midnight,
    quota_exceeded,
    refund_renders,
    reserve_render,
    utc_today,
)

DIRECT_UPLOAD_SECONDS = 15 * 60
_UPLOAD_SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}
# Decoding a 40 MP photo takes a few hundred MB; bound how many run at once in one process.
_decoding = asyncio.Semaphore(4)


def room_ttl(settings: Settings) -> timedelta:
    return timedelta(hours=settings.room_ttl_hours)


def rooms_prefix(shop_id: uuid.UUID) -> str:
    return f"shops/{shop_id}/rooms"


def room_out(resources: Resources, room: RoomRecord, upload: UploadTarget | None = None) -> RoomSessionOut:
    """The shopper's view: storage keys become signed, expiring URLs."""
    ttl = resources.settings.signed_url_ttl_seconds

    def signed(key: str | None) -> str | None:
        return resources.storage.signed_url(key, expires_in=ttl) if key else None

    return RoomSessionOut(
        id=room.id,
        original_room_image_url=signed(room.original_room_image_url),
        cleaned_room_image_url=signed(room.cleaned_room_image_url),
        cleanup_status=room.cleanup_status,
        expires_at=room.expires_at,
        upload=(
            DirectUpload(
                url=upload.url,
                method=upload.method,
                headers=upload.headers or None,
                fields=upload.fields or None,
                expires_at=upload.expires_at,
            )
            if upload is not None
            else None
        ),
    )


async def live_room(session: AsyncSession, settings: Settings, shop_id: uuid.UUID, room_id: uuid.UUID) -> RoomRecord:
    """The shop's room, its expiry slid forward; 404 when it is not this shop's, 410 when it has expired."""
    room = await repository.touch_room(session, shop_id, room_id, room_ttl(settings))
    if room is None:
        raise await missing_room_error(session, shop_id, room_id)
    return room


async def missing_room_error(session: AsyncSession, shop_id: uuid.UUID, room_id: uuid.UUID) -> Exception:
    if await repository.room_exists(session, shop_id, room_id):
        return RoomSessionExpired()
    return NotFound("No such room session.")


async def checked_room_image(settings: Settings, data: bytes) -> RoomImage:
    """Run the upload checks and normalisation in a thread, never on the event loop."""
    async with _decoding:
        try:
            return await asyncio.to_thread(
                normalize_room_image,
                data,
                max_bytes=settings.max_upload_bytes,
                max_pixels=settings.max_image_pixels,
                max_side=settings.room_max_side,
            )
        finally:
            release_free_memory()  # the decoded photo's pages, which the API process would otherwise keep


async def create_room_from_upload(
    session: AsyncSession, resources: Resources, shop_id: uuid.UUID, data: bytes
) -> RoomRecord:
    image = await checked_room_image(resources.settings, data)
    key = new_object_key(rooms_prefix(shop_id), ROOM_SUFFIX)
    await expect_objects(resources, [key])
    await resources.storage.put(key, image.data, ROOM_CONTENT_TYPE)
    await settle_objects(session, [key])
    return await repository.insert_room(
        session, shop_id, ttl=room_ttl(resources.settings), original_key=key, upload_key=None
    )


async def create_direct_upload(
    session: AsyncSession, resources: Resources, shop_id: uuid.UUID, content_type: str
) -> tuple[RoomRecord, UploadTarget]:
    settings = resources.settings
    key = new_object_key(f"{rooms_prefix(shop_id)}/uploads", _UPLOAD_SUFFIXES[content_type])
    target = resources.storage.upload_target(
        key, content_type=content_type, max_bytes=settings.max_upload_bytes, expires_in=DIRECT_UPLOAD_SECONDS
    )
    room = await repository.insert_room(session, shop_id, ttl=room_ttl(settings), original_key=None, upload_key=key)
    return room, target


async def confirm_direct_upload(
    session: AsyncSession, resources: Resources, shop_id: uuid.UUID, room_id: uuid.UUID
) -> RoomRecord:
    """Apply the upload checks to the object the shopper put in storage, then keep a clean copy."""
    room = await repository.lock_room(session, shop_id, room_id)
    if room is None:
        raise await missing_room_error(session, shop_id, room_id)
    if room.upload_key is None:
        if room.original_room_image_url is not None:
            return await live_room(session, resources.settings, shop_id, room_id)  # confirmed already
        raise Conflict("This room session has no direct upload to confirm.")
    try:
        data = await resources.storage.get(room.upload_key)
    except ObjectMissing:
        raise Conflict("Nothing was uploaded yet; upload the photo, then confirm.") from None
    try:
        image = await checked_room_image(resources.settings, data)
    except (PayloadTooLarge, UnsupportedMediaType):
        await resources.storage.delete(room.upload_key)  # a refused upload is not kept
        raise
    key = new_object_key(rooms_prefix(shop_id), ROOM_SUFFIX)
    await expect_objects(resources, [key])
    await resources.storage.put(key, image.data, ROOM_CONTENT_TYPE)
    await resources.storage.delete(room.upload_key)
    await settle_objects(session, [key])
    await repository.set_original_image(session, room.id, key)
    return await live_room(session, resources.settings, shop_id, room_id)


async def request_cleanup(
    session: AsyncSession, resources: Resources, shop: ShopContext, room_id: uuid.UUID
) -> RoomRecord:
    """Queue one cleanup render for the room, counted against the quota; asking again while one is
    queued, running or done changes nothing and counts nothing."""
    await hold_month_near_midnight(session, shop.id)  # before the room's lock: renders take it in this order
    room = await repository.lock_room(session, shop.id, room_id)
    if room is None:
        raise await missing_room_error(session, shop.id, room_id)
    if room.original_room_image_url is None:
        raise Conflict("The room photo has not been uploaded yet.")
    if not repository.cleanup_may_start(room):
        return await live_room(session, resources.settings, shop.id, room_id)
    window = QuotaWindow(shop.id, utc_today(), shop.daily_quota, shop.monthly_quota)
    if not await reserve_render(session, "cleanup", window):
        error: QuotaExceeded = await quota_exceeded(session, window)
        raise error
    await repository.queue_cleanup(session, room.id, window.day)
    defer_job(session, cleanup_job(room.id))
    return await live_room(session, resources.settings, shop.id, room_id)


async def cancel_queued_cleanups(session: AsyncSession, shop_id: uuid.UUID, message: str) -> int:
    """Fail the shop's queued room cleanups and give their cleanup renders back; how many."""
    days = await repository.cancel_queued_cleanups(session, shop_id, message)
    await _refund_days(session, shop_id, "cleanup", days)
    return len(days)


async def _refund_days(session: AsyncSession, shop_id: uuid.UUID, kind: RenderKind, days: list[date]) -> None:
    for day, n in sorted(Counter(days).items()):
        await refund_renders(session, shop_id, kind, day, n)


async def room_for_render(session: AsyncSession, shop_id: uuid.UUID, room_id: uuid.UUID) -> RoomRecord | None:
    """The room a render was accepted for, expired or not, as long as it has not been purged."""
    return await repository.room_for_render(session, shop_id, room_id)


async def lock_room(session: AsyncSession, shop_id: uuid.UUID, room_id: uuid.UUID) -> RoomRecord | None:
    """The shop's live room, locked until the transaction ends."""
    return await repository.lock_room(session, shop_id, room_id)


def touch_room_for_render_sql(guard: str) -> str:
    """The accept statement's room check and expiry slide, as SQL (``repository.touch_room_for_render_sql``)."""
    return repository.touch_room_for_render_sql(guard)
