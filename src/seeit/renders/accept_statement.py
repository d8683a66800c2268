"""The render accept path as one SQL statement: replay lookup, asset choice, room check, renders-in-flight
limit, quota reservation and job insert in a single round trip (the hot path of the storefront).

It is composed of its tables' owners' fragments: the asset choice is the assets domain's rule
(``assets.service.asset_for_render_sql``), the room check the rooms domain's, the quota reservation usage's;
the render_jobs parts are this domain's own."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, Interval, Text, bindparam, text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.assets import service as assets
from seeit.db import DriverStatement
from seeit.renders.repository import IDEMPOTENCY_WINDOW
from seeit.rooms import service as rooms
from seeit.usage.service import QuotaWindow, reserve_render_sql


@dataclass(frozen=True)
class NewRender:
    """A render the storefront asked for, validated, with its asset resolved."""

    id: uuid.UUID
    shop_id: uuid.UUID
    product_id: str
    variant_id: str | None
    room_session_id: uuid.UUID
    placement_x: float
    placement_y: float
    placement_scale: float
    style_preset: str | None
    quality: str
    config_json: dict[str, Any] | None
    created_at: datetime
    idempotency_key: str | None


@dataclass(frozen=True)
class AcceptOutcome:
    created_stage: str | None  # the new job's stage; None when no job was created
    existing_id: uuid.UUID | None
    existing_expired: bool
    asset_found: bool
    room_ok: bool
    reserved: bool
    in_flight: int


# One round trip for the whole accept path: the idempotent replay lookup, the asset choice, the room check
# (sliding its expiry), the renders-in-flight limit, the quota reservation and the job insert.
# Data-modifying CTEs run exactly once, in dependency order; the quota statement's ``guard`` makes sure
# nothing is counted when the replay, asset, room or in-flight check fails. Two racing requests with one
# Idempotency-Key both pass the replay lookup (same snapshot), but the loser's reservation waits on the
# winner's usage row lock, and its ``ON CONFLICT DO NOTHING`` insert then meets the winner's committed job:
# it reports ``created = false`` with the reservation made, which the caller gives back in its transaction.
_ACCEPT = text(
    f"""
    WITH existing AS (
        SELECT id, created_at < now() - :idempotency_window AS expired
        FROM render_jobs WHERE shop_id = :shop_id AND idempotency_key = :idempotency_key
    ),
    asset AS ({assets.asset_for_render_sql()}),
    room AS ({rooms.touch_room_for_render_sql("NOT EXISTS (SELECT 1 FROM existing)")}),
    in_flight AS (
        SELECT count(*) AS n FROM (
            SELECT 1 FROM render_jobs
            WHERE shop_id = :shop_id AND status IN ('queued', 'processing') LIMIT :max_in_flight
        ) AS busy
    ),
    reserved AS ({
        reserve_render_sql(
            "composite",
            guard="EXISTS (SELECT 1 FROM room) AND EXISTS (SELECT 1 FROM asset)"
            " AND (SELECT n FROM in_flight) < :max_in_flight",
        )
    }),
    inserted AS (
        INSERT INTO render_jobs (
            id, shop_id, product_id, variant_id, product_asset_id, room_session_id,
            placement_x, placement_y, placement_scale, style_preset, quality, config_json,
            status, stage, attempts, created_at, idempotency_key, usage_date
        )
        SELECT :id, :shop_id, :product_id, :variant_id, asset.id, :room_session_id,
            :placement_x, :placement_y, :placement_scale, :style_preset, :quality, CAST(:config_json AS jsonb),
            'queued', CASE WHEN asset.serving THEN 'queued' ELSE 'waiting_for_asset' END,
            0, :created_at, :idempotency_key, :day
        FROM reserved, asset
        ON CONFLICT (shop_id, idempotency_key) DO NOTHING
        RETURNING stage
    )
    SELECT
        (SELECT stage FROM inserted) AS created_stage,
        (SELECT id FROM existing) AS existing_id,
        coalesce((SELECT expired FROM existing), false) AS existing_expired,
        EXISTS (SELECT 1 FROM asset) AS asset_found,
        EXISTS (SELECT 1 FROM room) AS room_ok,
        EXISTS (SELECT 1 FROM reserved) AS reserved,
        (SELECT n FROM in_flight) AS in_flight
    """
).bindparams(
    bindparam("idempotency_key", type_=Text),
    bindparam("idempotency_window", type_=Interval),
    bindparam("room_ttl", type_=Interval),
    bindparam("shop_id", type_=UUID(as_uuid=True)),
    bindparam("room_session_id", type_=UUID(as_uuid=True)),
    bindparam("product_id", type_=Text),
    bindparam("max_in_flight", type_=Integer),
    bindparam("variant_id", type_=Text),
    bindparam("style_preset", type_=Text),
    bindparam("config_json", type_=Text),
)


_ACCEPT_ON_DRIVER = DriverStatement.compile(_ACCEPT)


def _accept_params(job: NewRender, window: QuotaWindow, max_in_flight: int, room_ttl: timedelta) -> dict[str, Any]:
    params = window.params()
    params.update(
        id=job.id,
        product_id=job.product_id,
        variant_id=job.variant_id,
        room_session_id=job.room_session_id,
        placement_x=job.placement_x,
        placement_y=job.placement_y,
        placement_scale=job.placement_scale,
        style_preset=job.style_preset,
        quality=job.quality,
        config_json=json.dumps(job.config_json) if job.config_json is not None else None,
        created_at=job.created_at,
        idempotency_key=job.idempotency_key,
        idempotency_window=IDEMPOTENCY_WINDOW,
        room_ttl=room_ttl,
        max_in_flight=max_in_flight,
    )
    return params


def _outcome(row: Any) -> AcceptOutcome:
    return AcceptOutcome(
        created_stage=row["created_stage"],
        existing_id=row["existing_id"],
        existing_expired=row["existing_expired"],
        asset_found=row["asset_found"],
        room_ok=row["room_ok"],
        reserved=row["reserved"],
        in_flight=int(row["in_flight"]),
    )


async def accept_render(
    session: AsyncSession, job: NewRender, window: QuotaWindow, *, max_in_flight: int, room_ttl: timedelta
) -> AcceptOutcome:
    """Run the one-statement accept path (see ``_ACCEPT``)."""
    params = _accept_params(job, window, max_in_flight, room_ttl)
    return _outcome((await session.execute(_ACCEPT, params)).mappings().one())


async def accept_render_on_driver(
    driver: Any, job: NewRender, window: QuotaWindow, *, max_in_flight: int, room_ttl: timedelta
) -> AcceptOutcome:
    """The same statement on a request's asyncpg connection (``seeit.db.driver_connection``)."""
    params = _accept_params(job, window, max_in_flight, room_ttl)
    return _outcome(await driver.fetchrow(_ACCEPT_ON_DRIVER.sql, *_ACCEPT_ON_DRIVER.args(params)))
