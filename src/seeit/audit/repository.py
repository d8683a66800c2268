"""Every query on ``audit_events``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.models import AuditEvent

# Session tokens always carry ``sub``; an action without one (an operator, a job) is recorded as this.
UNKNOWN_ACTOR = "unknown"


def record_action(
    session: AsyncSession,
    shop_id: uuid.UUID,
    actor: str | None,
    action: str,
    subject: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add one audit event to the caller's transaction: it is kept only if the action itself commits."""
    event = AuditEvent(
        shop_id=shop_id, actor=actor or UNKNOWN_ACTOR, action=action, subject=subject, details=details or None
    )
    session.add(event)
    return event


async def recent_actions(session: AsyncSession, shop_id: uuid.UUID, limit: int = 100) -> list[AuditEvent]:
    """The shop's newest audit events first."""
    rows = await session.scalars(
        select(AuditEvent)
        .where(AuditEvent.shop_id == shop_id)
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    return list(rows.all())


@dataclass(frozen=True)
class EventCursor:
    created_at: datetime
    id: uuid.UUID


async def page_of_actions(
    session: AsyncSession, shop_id: uuid.UUID, *, limit: int, after: EventCursor | None = None
) -> list[AuditEvent]:
    """Newest first, keyset-paged on (created_at, id); one more row than ``limit`` tells a next page exists."""
    query = select(AuditEvent).where(AuditEvent.shop_id == shop_id)
    if after is not None:
        query = query.where(
            or_(
                AuditEvent.created_at < after.created_at,
                and_(AuditEvent.created_at == after.created_at, AuditEvent.id < after.id),
            )
        )
    rows = await session.scalars(query.order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc()).limit(limit + 1))
    return list(rows.all())
