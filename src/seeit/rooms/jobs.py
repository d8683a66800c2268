"""The room cleanup job as the code that queues it sees it (``tasks.cleanup_room`` runs it)."""

from __future__ import annotations

import uuid

from seeit.queue import DeferredJob, JobDeclaration

# A cleanup that meets a storage outage is tried again, after 5, 10, 20 and 40 s (``tasks.cleanup_room``).
CLEANUP_TRIES = 5

CLEANUP_ROOM = JobDeclaration("cleanup_room", id_prefix="cleanup", max_tries=CLEANUP_TRIES)


def cleanup_job(room_id: uuid.UUID) -> DeferredJob:
    """The cleanup job of one room (asked for again after a failure, it reuses the id: nothing keeps a result)."""
    return CLEANUP_ROOM.deferred(room_id, room_session_id=str(room_id))
