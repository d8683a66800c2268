"""Background jobs of the Shopify integration."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import delete

from seeit.db import transaction, utcnow
from seeit.models import WebhookEvent
from seeit.resources import Resources

# Shopify retries a delivery for 4 hours; a week of event keys is ample to deduplicate.
WEBHOOK_EVENT_RETENTION = timedelta(days=7)


async def prune_webhook_events(ctx: dict[str, Any]) -> int:
    """Forget webhook deliveries older than the retention, keeping the dedupe table small."""
    resources: Resources = ctx["resources"]
    async with transaction(resources) as session:
        result = await session.execute(
            delete(WebhookEvent).where(WebhookEvent.received_at < utcnow() - WEBHOOK_EVENT_RETENTION)
        )
    return int(result.rowcount)  # type: ignore[attr-defined]
