"""Room jobs: the cleanup render, the purge of expired sessions, and the cleanup sweeper (every 15 s, as renders')."""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Any

from arq import Retry

from seeit.db import transaction, utcnow
from seeit.imaging.errors import ImagingError
from seeit.imaging.interface import ImageModel
from seeit.imaging.prompts import current_prompt
from seeit.metrics import record_job
from seeit.queue import in_queue, resend_if_missing
from seeit.resources import Resources
from seeit.rooms import repository
from seeit.rooms.jobs import CLEANUP_ROOM, CLEANUP_TRIES, cleanup_job
from seeit.storage import ObjectMissing, StorageError, new_object_key
from seeit.stored_objects.service import discard_objects, expect_objects, settle_objects
from seeit.usage.service import refund_renders

log = logging.getLogger(__name__)

PURGE_BATCH = 200
# The first wait before a cleanup that met a storage outage is tried again; it doubles with each try.
CLEANUP_RETRY_SECONDS = 5.0
# How long a cleanup may sit queued or processing (since its room's last use) before the sweeper checks the queue.
QUEUED_GRACE = timedelta(seconds=30)
SWEEP_BATCH = 200


async def _delete_images(resources: Resources, room: repository.RoomRecord) -> bool:
    for key in filter(None, (room.original_room_image_url, room.cleaned_room_image_url, room.upload_key)):
        try:
            await resources.storage.delete(key)
        except StorageError:
            log.warning("could not delete %s; its session stays for the next purge", key)
            return False
    return True


async def purge_expired_rooms(ctx: dict[str, Any]) -> int:
    """Delete expired room sessions and their stored photos; returns how many sessions went."""
    resources: Resources = ctx["resources"]
    purged = 0
    while True:
        async with transaction(resources) as session:
            rooms = await repository.expired_rooms(session, limit=PURGE_BATCH)
            deletable = [room.id for room in rooms if await _delete_images(resources, room)]
            if deletable:
                purged += await repository.delete_rooms(session, deletable)
        if len(rooms) < PURGE_BATCH or not deletable:
            break
    if purged:
        log.info("purged %d expired room sessions", purged)
    return purged


@CLEANUP_ROOM.runs
async def cleanup_room(ctx: dict[str, Any], room_session_id: str) -> str:
    """Run the cleanup render of one room photo; a delivery that finds it finished (or not asked for) does nothing."""
    resources: Resources = ctx["resources"]
    model: ImageModel = ctx["image_model"]
    room_id = uuid.UUID(room_session_id)
    # A second try of this job means the first was cut short (its worker died or was stopped mid-way, or
    # storage was away): no worker holds the cleanup any more, so this one takes it over (arq runs one job
    # id once at a time).
    take_over = int(ctx.get("job_try", 1)) > 1
    async with transaction(resources) as session:
        room = await repository.claim_cleanup(session, room_id, take_over=take_over)
    if room is None:
        return "claimed elsewhere"
    key = new_object_key(f"shops/{room.shop_id}/rooms", ".png")
    try:
        if room.original_room_image_url is None:
            raise ImagingError("The room photo is missing.")
        original = await resources.storage.get(room.original_room_image_url)
        cleaned = await model.cleanup_room(original, prompt=current_prompt("cleanup"))
        await expect_objects(resources, [key])
        await resources.storage.put(key, cleaned, "image/png")
    except (ImagingError, ObjectMissing) as exc:
        message = exc.message if isinstance(exc, ImagingError) else "The room photo is no longer available."
        await fail_cleanup_and_refund(resources, room_id, message)
        return "failed"
    except StorageError as exc:
        # Storage is away: keep the claim and try again soon (the next try takes the claim over); only
        # an outage longer than every try fails the cleanup, refunded.
        tries = int(ctx.get("job_try", 1))
        if tries < CLEANUP_TRIES:
            log.warning("cleanup of room %s could not reach storage (%s); trying again", room_id, exc)
            raise Retry(defer=CLEANUP_RETRY_SECONDS * 2 ** (tries - 1)) from exc
        await fail_cleanup_and_refund(resources, room_id, "The photo could not be stored; try again later.")
        return "failed"
    except Exception:
        log.exception("cleanup of room %s failed unexpectedly", room_id)
        await fail_cleanup_and_refund(resources, room_id, "Something went wrong while cleaning up the photo.")
        return "failed"
    async with transaction(resources) as session:
        completed = await repository.complete_cleanup(session, room_id, key)
        if completed:
            await settle_objects(session, [key])
    if not completed:
        await discard_objects(resources, [key])
        return "claim lost"
    await record_job(resources.arq, "cleanup", "completed")
    return "completed"


async def fail_cleanup_and_refund(resources: Resources, room_id: uuid.UUID, message: str) -> bool:
    """Fail the room's cleanup and give the cleanup render back to the quota, once."""
    async with transaction(resources) as session:
        counted = await repository.fail_cleanup(session, room_id, message)
        if counted is not None:
            await refund_renders(session, counted[0], "cleanup", counted[1])
    if counted is None:
        return False
    await record_job(resources.arq, "cleanup", "failed")
    return True


async def sweep_cleanups(ctx: dict[str, Any]) -> int:
    """Cron: a queued cleanup the queue lost is sent again; one processing with no worker holding it failed
    and refunded. Returns how many moved."""
    resources: Resources = ctx["resources"]
    async with transaction(resources) as session:
        rooms = await repository.stale_cleanups(session, queued_before=utcnow() - QUEUED_GRACE, limit=SWEEP_BATCH)
    moved = 0
    for room in rooms:
        deferred = cleanup_job(room.id)
        if room.cleanup_status == "queued":
            moved += await resend_if_missing(resources.arq, deferred)
        elif room.cleanup_status == "processing" and not await in_queue(resources.arq, deferred.job_id):
            # No worker holds it (nothing in progress in arq): the cleanup was lost mid-way.
            moved += await fail_cleanup_and_refund(resources, room.id, "The cleanup was interrupted.")
    if moved:
        log.info("cleanup sweep: %d moved", moved)
    return moved
