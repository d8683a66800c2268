"""The pending objects' sweeper (arq cron, every minute): an object pending for longer than any write takes was
left by a writer that never recorded it; nobody holds it, so it is deleted."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from seeit.db import transaction, utcnow
from seeit.resources import Resources
from seeit.stored_objects import repository

log = logging.getLogger(__name__)

# Longer than any write and the commit after it take (boto3 gives up on a PUT after about 100 s). A writer
# slower than this finds its object swept when it settles, and its transaction rolls back.
PENDING_GRACE = timedelta(minutes=5)
SWEEP_BATCH = 200


async def sweep_pending_objects(ctx: dict[str, Any]) -> int:
    """Delete the objects of stale pending records, then the records; returns how many went."""
    resources: Resources = ctx["resources"]
    swept = 0
    while True:
        # The records stay locked while their objects are deleted: a late writer settling one waits, then
        # finds it gone and rolls back, so no row ever holds a deleted object.
        async with transaction(resources) as session:
            keys = await repository.lock_stale(session, before=utcnow() - PENDING_GRACE, limit=SWEEP_BATCH)
            for key in keys:
                await resources.storage.delete(key)
            await repository.settle(session, keys)
        swept += len(keys)
        if len(keys) < SWEEP_BATCH:
            break
    if swept:
        log.warning("deleted %d stored objects that no row held (their writers never recorded them)", swept)
    return swept
