"""Every query on ``subscriptions``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.models import Subscription


@dataclass(frozen=True)
class SeenSubscription:
    """A subscription as one source saw it; ``version`` orders what different sources saw."""

    gid: str
    name: str
    status: str
    plan: str | None
    test: bool | None  # None: not told (webhooks do not say)
    trial_ends_at: datetime | None
    current_period_end: datetime | None
    shopify_created_at: datetime | None
    version: datetime
    source: str


@dataclass(frozen=True)
class StoredSubscription:
    shop_id: uuid.UUID
    gid: str
    name: str
    status: str
    plan: str | None
    test: bool
    trial_ends_at: datetime | None
    current_period_end: datetime | None
    shopify_created_at: datetime | None
    shopify_updated_at: datetime


_COLUMNS = (
    Subscription.shop_id,
    Subscription.shopify_gid,
    Subscription.name,
    Subscription.status,
    Subscription.plan,
    Subscription.test,
    Subscription.trial_ends_at,
    Subscription.current_period_end,
    Subscription.shopify_created_at,
    Subscription.shopify_updated_at,
)


async def stored_subscription(session: AsyncSession, gid: str) -> StoredSubscription | None:
    row = (await session.execute(select(*_COLUMNS).where(Subscription.shopify_gid == gid))).one_or_none()
    return StoredSubscription(*tuple(row)) if row is not None else None


async def write_subscription(session: AsyncSession, shop_id: uuid.UUID, seen: SeenSubscription) -> None:
    """Insert or overwrite the subscription; what a source did not see (a webhook carries no period end)
    keeps its stored value. The caller has decided, under the shop's lock, that ``seen`` is newer."""
    row = insert(Subscription).values(
        id=uuid.uuid4(),
        shop_id=shop_id,
        shopify_gid=seen.gid,
        name=seen.name,
        plan=seen.plan,
        status=seen.status,
        test=bool(seen.test),
        trial_ends_at=seen.trial_ends_at,
        current_period_end=seen.current_period_end,
        shopify_created_at=seen.shopify_created_at,
        shopify_updated_at=seen.version,
        source=seen.source,
        created_at=func.now(),
        updated_at=func.now(),
    )
    keep: dict[str, Any] = {
        name: func.coalesce(row.excluded[name], getattr(Subscription, name))
        for name in ("plan", "trial_ends_at", "current_period_end", "shopify_created_at")
    }
    if seen.test is not None:
        keep["test"] = row.excluded.test
    await session.execute(
        row.on_conflict_do_update(
            index_elements=[Subscription.shopify_gid],
            set_={
                "name": row.excluded.name,
                "status": row.excluded.status,
                "shopify_updated_at": row.excluded.shopify_updated_at,
                "source": row.excluded.source,
                "updated_at": func.now(),
                **keep,
            },
            # A subscription belongs to one shop for good.
            where=Subscription.shop_id == row.excluded.shop_id,
        )
    )


async def governing_subscription(session: AsyncSession, shop_id: uuid.UUID) -> StoredSubscription | None:
    """The subscription that decides the shop's plan: its newest active one (Shopify may briefly list two
    while one replaces the other)."""
    row = (
        await session.execute(
            select(*_COLUMNS)
            .where(Subscription.shop_id == shop_id, Subscription.status == "ACTIVE")
            .order_by(
                Subscription.shopify_created_at.desc().nulls_last(),
                Subscription.created_at.desc(),
                Subscription.id.desc(),
            )
            .limit(1)
        )
    ).one_or_none()
    return StoredSubscription(*tuple(row)) if row is not None else None


async def shown_subscription(session: AsyncSession, shop_id: uuid.UUID) -> StoredSubscription | None:
    """What the merchant is shown: the governing subscription, else the one heard of last (pending, ended)."""
    governing = await governing_subscription(session, shop_id)
    if governing is not None:
        return governing
    row = (
        await session.execute(
            select(*_COLUMNS)
            .where(Subscription.shop_id == shop_id)
            .order_by(Subscription.shopify_updated_at.desc(), Subscription.id.desc())
            .limit(1)
        )
    ).one_or_none()
    return StoredSubscription(*tuple(row)) if row is not None else None


async def active_subscription_gids(session: AsyncSession, shop_id: uuid.UUID) -> list[str]:
    rows = await session.scalars(
        select(Subscription.shopify_gid).where(Subscription.shop_id == shop_id, Subscription.status == "ACTIVE")
    )
    return list(rows.all())


async def had_paid_subscription(session: AsyncSession, shop_id: uuid.UUID, free_plan: str) -> bool:
    """Whether the shop ever started a paid subscription (a trial is given once)."""
    # EXPIRED is a subscription never approved in time, so it gave no trial.
    started = ("ACTIVE", "CANCELLED", "FROZEN")
    return bool(
        await session.scalar(
            select(
                exists().where(
                    Subscription.shop_id == shop_id,
                    Subscription.status.in_(started),
                    Subscription.plan.is_distinct_from(free_plan),
                )
            )
        )
    )
