"""The webhooks' jobs: a shop's redaction, its re-send when lost, and the pruning of old event records."""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Any

from arq import Retry

from seeit.db import transaction, utcnow
from seeit.metrics import record_job
from seeit.queue import resend_if_missing
from seeit.resources import Resources
from seeit.shops import service as shops
from seeit.storage import StorageError
from seeit.webhooks import repository
from seeit.webhooks.jobs import REDACT_SHOP, REDACT_TRIES, redact_shop_job

log = logging.getLogger(__name__)

# Shopify retries a delivery for 4 hours; a week of event keys is ample to deduplicate.
WEBHOOK_EVENT_RETENTION = timedelta(days=7)
# A shop/redact event still unprocessed this long after it arrived lost its job: send it again.
REDACT_RESEND_AFTER = timedelta(minutes=10)
# The first wait before a redaction that met a storage outage is tried again; it doubles with each try.
REDACT_RETRY_SECONDS = 5.0


async def prune_webhook_events(ctx: dict[str, Any]) -> int:
    """Forget webhook deliveries older than the retention, keeping the dedupe table small."""
    resources: Resources = ctx["resources"]
    async with transaction(resources) as session:
        return await repository.prune_events(
            session, received_before=utcnow() - WEBHOOK_EVENT_RETENTION, unfinished_kept="shop/redact"
        )


@REDACT_SHOP.runs
async def redact_shop(ctx: dict[str, Any], event_id: str, shop_domain: str) -> bool:
    """``shop/redact``: delete every stored object and row of the shop, then mark the event processed."""
    resources: Resources = ctx["resources"]
    try:
        async with transaction(resources) as session:
            redacted = await shops.redact_shop(session, resources.storage, shop_domain)
            await repository.mark_processed(session, uuid.UUID(event_id))
    except StorageError as exc:
        # Storage away for a while (nothing was deleted from the rows): try again soon, backing off, rather
        # than leaving it to the sweeper's ten minutes; after the last try the sweeper still has it.
        tries = int(ctx.get("job_try", 1))
        if tries < REDACT_TRIES:
            raise Retry(defer=REDACT_RETRY_SECONDS * 2 ** (tries - 1)) from exc
        await record_job(resources.arq, "shop_redact", "failed")
        raise
    except Exception:
        await record_job(resources.arq, "shop_redact", "failed")
        raise
    await record_job(resources.arq, "shop_redact", "completed")
    return redacted


async def resend_pending_redactions(ctx: dict[str, Any]) -> int:
    """Re-send ``shop/redact`` jobs whose events are still unprocessed (their job was lost or failed)."""
    resources: Resources = ctx["resources"]
    async with resources.sessionmaker() as session:
        pending = await repository.unprocessed_events(
            session, "shop/redact", received_before=utcnow() - REDACT_RESEND_AFTER
        )
    sent = 0
    for event_id, shop_domain in pending:
        sent += await resend_if_missing(resources.arq, redact_shop_job(event_id, shop_domain))
    if sent:
        log.info("re-sent %d shop/redact jobs", sent)
    return sent
