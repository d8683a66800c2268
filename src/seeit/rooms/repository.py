"""Every query on ``room_sessions``. Each is scoped by shop; state moves by conditional updates."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.models import RoomSession
from seeit.shops import service as shops

_COLUMNS = (
    RoomSession.id,
    RoomSession.shop_id,
    RoomSession.original_room_image_url,
    RoomSession.cleaned_room_image_url,
    RoomSession.cleanup_status,
    RoomSession.cleanup_error,
    RoomSession.expires_at,
    RoomSession.upload_key,
    RoomSession.cleanup_usage_date,
)


@dataclass(frozen=True)
class RoomRecord:
    id: uuid.UUID
    shop_id: uuid.UUID
    original_room_image_url: str | None
    cleaned_room_image_url: str | None
    cleanup_status: str | None
    cleanup_error: str | None
    expires_at: datetime
    upload_key: str | None
    cleanup_usage_date: date | None

    @classmethod
    def of(cls, row: Any) -> RoomRecord:
        return cls(*row)


def _expiry(shop_id: uuid.UUID, ttl: timedelta) -> Any:
    """One use from now: the shop's own room retention when the merchant set one, else ``ttl``."""
    return func.now() + func.coalesce(shops.room_retention(shop_id), ttl)


async def insert_room(
    session: AsyncSession, shop_id: uuid.UUID, *, ttl: timedelta, original_key: str | None, upload_key: str | None
) -> RoomRecord:
    row = (
        await session.execute(
            insert(RoomSession)
            .values(
                id=uuid.uuid4(),
                shop_id=shop_id,
                original_room_image_url=original_key,
                upload_key=upload_key,
                last_used_at=func.now(),
                expires_at=_expiry(shop_id, ttl),
            )
            .returning(*_COLUMNS)
        )
    ).one()
    return RoomRecord.of(row)


async def touch_room(
    session: AsyncSession, shop_id: uuid.UUID, room_id: uuid.UUID, ttl: timedelta
) -> RoomRecord | None:
    """The live room, its expiry slid forward by one use; None when missing, another shop's, or expired."""
    row = (
        await session.execute(
            update(RoomSession)
            .where(RoomSession.id == room_id, RoomSession.shop_id == shop_id, RoomSession.expires_at > func.now())
            .values(last_used_at=func.now(), expires_at=_expiry(shop_id, ttl))
            .returning(*_COLUMNS)
        )
    ).one_or_none()
    return RoomRecord.of(row) if row is not None else None


async def room_exists(session: AsyncSession, shop_id: uuid.UUID, room_id: uuid.UUID) -> bool:
    """Whether the shop has this room at all (expired or not); tells 410 from 404."""
    found = await session.scalar(
        select(RoomSession.id).where(RoomSession.id == room_id, RoomSession.shop_id == shop_id)
    )
    return found is not None


async def room_for_render(session: AsyncSession, shop_id: uuid.UUID, room_id: uuid.UUID) -> RoomRecord | None:
    """The room a render was accepted for, expired or not, as long as it has not been purged."""
    row = (
        await session.execute(select(*_COLUMNS).where(RoomSession.id == room_id, RoomSession.shop_id == shop_id))
    ).one_or_none()
    return RoomRecord.of(row) if row is not None else None


async def lock_room(session: AsyncSession, shop_id: uuid.UUID, room_id: uuid.UUID) -> RoomRecord | None:
    row = (
        await session.execute(
            select(*_COLUMNS)
            .where(RoomSession.id == room_id, RoomSession.shop_id == shop_id, RoomSession.expires_at > func.now())
            .with_for_update()
        )
    ).one_or_none()
    return RoomRecord.of(row) if row is not None else None


async def set_original_image(session: AsyncSession, room_id: uuid.UUID, key: str) -> RoomRecord:
    row = (
        await session.execute(
            update(RoomSession)
            .where(RoomSession.id == room_id)
            .values(original_room_image_url=key, upload_key=None)
            .returning(*_COLUMNS)
        )
    ).one()
    return RoomRecord.of(row)


async def queue_cleanup(session: AsyncSession, room_id: uuid.UUID, usage_date: date) -> RoomRecord:
    row = (
        await session.execute(
            update(RoomSession)
            .where(RoomSession.id == room_id)
            .values(cleanup_status="queued", cleanup_error=None, cleanup_usage_date=usage_date)
            .returning(*_COLUMNS)
        )
    ).one()
    return RoomRecord.of(row)


async def claim_cleanup(session: AsyncSession, room_id: uuid.UUID, *, take_over: bool = False) -> RoomRecord | None:
    """``queued → processing`` (with ``take_over``, a ``processing`` one too: its worker is gone); None when
    another delivery already took it (or nothing is left to do)."""
    claimable = ("queued", "processing") if take_over else ("queued",)
    row = (
        await session.execute(
            update(RoomSession)
            .where(RoomSession.id == room_id, RoomSession.cleanup_status.in_(claimable))
            .values(cleanup_status="processing")
            .returning(*_COLUMNS)
        )
    ).one_or_none()
    return RoomRecord.of(row) if row is not None else None


async def complete_cleanup(session: AsyncSession, room_id: uuid.UUID, key: str) -> bool:
    result = await session.execute(
        update(RoomSession)
        .where(RoomSession.id == room_id, RoomSession.cleanup_status == "processing")
        .values(cleanup_status="completed", cleaned_room_image_url=key)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def fail_cleanup(session: AsyncSession, room_id: uuid.UUID, error: str) -> tuple[uuid.UUID, date] | None:
    """Mark an unfinished cleanup failed; returns (shop, usage day) to refund, once (None when nothing to give back)."""
    old = (
        select(RoomSession.id, RoomSession.cleanup_usage_date)
        .where(RoomSession.id == room_id, RoomSession.cleanup_status.in_(("queued", "processing")))
        .with_for_update()
        .cte("old")
    )
    row = (
        await session.execute(
            update(RoomSession)
            .where(RoomSession.id == old.c.id)
            .values(cleanup_status="failed", cleanup_error=error, cleanup_usage_date=None)
            .returning(RoomSession.shop_id, old.c.cleanup_usage_date)
        )
    ).one_or_none()
    return (row[0], row[1]) if row is not None and row[1] is not None else None


async def stale_cleanups(session: AsyncSession, *, queued_before: datetime, limit: int = 200) -> list[RoomRecord]:
    """Cleanups queued or processing since before ``queued_before`` (by last use), for the sweeper."""
    rows = await session.execute(
        select(*_COLUMNS)
        .where(
            RoomSession.cleanup_status.in_(("queued", "processing")),
            RoomSession.last_used_at < queued_before,
        )
        .limit(limit)
    )
    return [RoomRecord.of(row) for row in rows]


async def expired_rooms(session: AsyncSession, *, limit: int) -> list[RoomRecord]:
    rows = await session.execute(
        select(*_COLUMNS)
        .where(RoomSession.expires_at <= func.now())
        .order_by(RoomSession.expires_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return [RoomRecord.of(row) for row in rows]


async def delete_rooms(session: AsyncSession, room_ids: list[uuid.UUID]) -> int:
    result = await session.execute(
        delete(RoomSession).where(RoomSession.id.in_(room_ids), RoomSession.expires_at <= func.now())
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def cleanup_may_start(room: RoomRecord) -> bool:
    """A cleanup is queued once; a failed one may be asked for again."""
    return room.cleanup_status in (None, "failed")


_CANCEL_QUEUED_CLEANUPS = text(
    """
    WITH old AS (
        SELECT id, cleanup_usage_date FROM room_sessions
        WHERE shop_id = :shop_id AND cleanup_status = 'queued'
        FOR UPDATE
    ), cancelled AS (
        UPDATE room_sessions r
        SET cleanup_status = 'failed', cleanup_error = :message, cleanup_usage_date = NULL
        FROM old WHERE r.id = old.id AND r.cleanup_status = 'queued'
        RETURNING old.cleanup_usage_date
    )
    SELECT cleanup_usage_date FROM cancelled WHERE cleanup_usage_date IS NOT NULL
    """
)


async def cancel_queued_cleanups(session: AsyncSession, shop_id: uuid.UUID, message: str) -> list[date]:
    """Fail the shop's queued cleanups; the usage day of each counted one, to give back."""
    return list((await session.execute(_CANCEL_QUEUED_CLEANUPS, {"shop_id": shop_id, "message": message})).scalars())


def touch_room_for_render_sql(guard: str) -> str:
    """The room a render is accepted for, as a data-modifying CTE body: the shop's live room with a photo,
    its expiry slid forward by one use, only when ``guard`` (SQL) holds. Binds :room_session_id, :shop_id and
    :room_ttl; returns ``id``."""
    return f"""
    UPDATE room_sessions
    SET last_used_at = now(), expires_at = now() + coalesce({shops.room_retention_sql()}, :room_ttl)
    WHERE id = :room_session_id AND shop_id = :shop_id AND expires_at > now()
      AND original_room_image_url IS NOT NULL AND ({guard})
    RETURNING id
    """
