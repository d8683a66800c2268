"""The audit trail: every domain records its actions with ``record_action``; the admin reads it a page at a time."""

from __future__ import annotations

import base64
import binascii
import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.audit import repository
from seeit.audit.repository import EventCursor, record_action
from seeit.audit.schemas import ActivityOut, ActivityPage
from seeit.errors import ValidationFailed
from seeit.models import AuditEvent

__all__ = ["ActivityPage", "activity_page", "record_action"]


def encode_cursor(event: AuditEvent) -> str:
    raw = f"{event.created_at.isoformat()}|{event.id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> EventCursor:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        created, _, event_id = raw.partition("|")
        return EventCursor(created_at=datetime.fromisoformat(created), id=uuid.UUID(event_id))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ValidationFailed(
            details={"fields": [{"loc": ["query", "cursor"], "message": "Not a cursor this service gave out."}]}
        ) from None


async def activity_page(session: AsyncSession, shop_id: uuid.UUID, *, limit: int, cursor: str | None) -> ActivityPage:
    rows = await repository.page_of_actions(
        session, shop_id, limit=limit, after=decode_cursor(cursor) if cursor else None
    )
    page = rows[:limit]
    return ActivityPage(
        items=[
            ActivityOut(
                id=e.id,
                actor=e.actor,
                action=e.action,
                subject=e.subject,
                details=e.details,
                created_at=e.created_at,
            )
            for e in page
        ],
        next_cursor=encode_cursor(page[-1]) if len(rows) > limit and page else None,
    )
