"""The shop redaction job as the code that queues it sees it (``tasks.redact_shop`` runs it)."""

from __future__ import annotations

import uuid

from seeit.queue import DeferredJob, JobDeclaration

# A redaction that meets a storage outage is tried again, after 5, 10, 20 and 40 s (``tasks.redact_shop``).
REDACT_TRIES = 5

REDACT_SHOP = JobDeclaration("redact_shop", id_prefix="shop_redact", max_tries=REDACT_TRIES)


def redact_shop_job(event_id: uuid.UUID, shop_domain: str) -> DeferredJob:
    """The redaction of a shop, one per ``shop/redact`` event."""
    return REDACT_SHOP.deferred(event_id, event_id=str(event_id), shop_domain=shop_domain)
