"""Every query on ``webhook_events``: the record that makes webhook processing idempotent."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.models import WebhookEvent


async def claim_event(session: AsyncSession, *, event_key: str, shop_domain: str, topic: str) -> uuid.UUID | None:
    """Record a delivery; its row id the first time, None when the event was already recorded.

    A concurrent delivery of the same event waits on this row until the first transaction ends: it sees
    the row if that one committed, and claims the event itself if it rolled back (processing failed).
    """
    return await session.scalar(
        insert(WebhookEvent)
        .values(id=uuid.uuid4(), event_key=event_key, shop_domain=shop_domain, topic=topic, received_at=func.now())
        .on_conflict_do_nothing(index_elements=[WebhookEvent.event_key])
        .returning(WebhookEvent.id)
    )


async def mark_processed(session: AsyncSession, event_id: uuid.UUID) -> None:
    await session.execute(
        update(WebhookEvent)
        .where(WebhookEvent.id == event_id, WebhookEvent.processed_at.is_(None))
        .values(processed_at=func.now())
    )


async def unprocessed_events(
    session: AsyncSession, topic: str, *, received_before: datetime, limit: int = 100
) -> list[tuple[uuid.UUID, str]]:
    """Events of ``topic`` whose background work has not finished, for the sweeper to send again."""
    rows = await session.execute(
        select(WebhookEvent.id, WebhookEvent.shop_domain)
        .where(
            WebhookEvent.topic == topic,
            WebhookEvent.processed_at.is_(None),
            WebhookEvent.received_at < received_before,
        )
        .order_by(WebhookEvent.received_at)
        .limit(limit)
    )
    return [(row[0], row[1]) for row in rows]


async def prune_events(session: AsyncSession, *, received_before: datetime, unfinished_kept: str) -> int:
    """Forget deliveries received before ``received_before``; an unfinished event of ``unfinished_kept`` (a
    redaction) keeps its record until it is done."""
    result = await session.execute(
        delete(WebhookEvent).where(
            WebhookEvent.received_at < received_before,
            (WebhookEvent.topic != unfinished_kept) | WebhookEvent.processed_at.is_not(None),
        )
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
