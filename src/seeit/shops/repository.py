"""Every query on ``shops``: install, tokens, uninstall, redaction, plan, the merchant's settings, the operator's
list."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, exists, func, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.db import DriverStatement
from seeit.models import Shop


@dataclass(frozen=True)
class EncryptedTokens:
    """Token columns as stored: ciphertexts, never plaintext."""

    access_token: str
    refresh_token: str | None
    access_token_expires_at: datetime | None
    refresh_token_expires_at: datetime | None

    def values(self) -> dict[str, Any]:
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "access_token_expires_at": self.access_token_expires_at,
            "refresh_token_expires_at": self.refresh_token_expires_at,
        }


@dataclass(frozen=True)
class StoredTokens(EncryptedTokens):
    shop_id: uuid.UUID
    uninstalled: bool


@dataclass(frozen=True)
class InstalledShop:
    id: uuid.UUID
    shop_domain: str
    plan: str
    first_install: bool


async def upsert_installed_shop(
    session: AsyncSession,
    *,
    shop_domain: str,
    shopify_shop_id: str,
    scope: str,
    tokens: EncryptedTokens,
    plan: str,
    daily_quota: int,
    monthly_quota: int,
) -> InstalledShop:
    """Insert a new shop on ``plan``, or reinstall a known one keeping its plan, quotas and data."""
    new_row = insert(Shop).values(
        id=uuid.uuid4(),
        shop_domain=shop_domain,
        shopify_shop_id=shopify_shop_id,
        scope=scope,
        plan=plan,
        daily_quota=daily_quota,
        monthly_quota=monthly_quota,
        created_at=func.now(),
        updated_at=func.now(),
        **tokens.values(),
    )
    statement = new_row.on_conflict_do_update(
        index_elements=[Shop.shop_domain],
        set_={
            "shopify_shop_id": new_row.excluded.shopify_shop_id,
            "scope": new_row.excluded.scope,
            "uninstalled_at": None,
            "updated_at": func.now(),
            **{name: new_row.excluded[name] for name in tokens.values()},
        },
    ).returning(Shop.id, Shop.shop_domain, Shop.plan, text("xmax = 0"))  # xmax = 0: the row was inserted
    row = (await session.execute(statement)).one()
    return InstalledShop(id=row[0], shop_domain=row[1], plan=row[2], first_install=bool(row[3]))


_TOKEN_COLUMNS = (
    Shop.access_token,
    Shop.refresh_token,
    Shop.access_token_expires_at,
    Shop.refresh_token_expires_at,
    Shop.id,
    Shop.uninstalled_at.is_not(None),
)


async def stored_tokens(session: AsyncSession, shop_domain: str) -> StoredTokens | None:
    row = (await session.execute(select(*_TOKEN_COLUMNS).where(Shop.shop_domain == shop_domain))).one_or_none()
    return StoredTokens(*row) if row is not None else None


async def replace_tokens(
    session: AsyncSession, shop_id: uuid.UUID, *, spent_refresh_token: str | None, tokens: EncryptedTokens
) -> bool:
    """Store refreshed tokens only if the refresh token we spent is still the stored one and the shop installed."""
    result = await session.execute(
        update(Shop)
        .where(
            Shop.id == shop_id,
            Shop.uninstalled_at.is_(None),
            Shop.refresh_token.is_not_distinct_from(spent_refresh_token),
        )
        .values(updated_at=func.now(), **tokens.values())
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def mark_uninstalled(session: AsyncSession, shop_domain: str) -> uuid.UUID | None:
    """Set ``uninstalled_at`` and erase the tokens; the shop's id, or None for an unknown shop."""
    return await session.scalar(
        update(Shop)
        .where(Shop.shop_domain == shop_domain)
        .values(
            uninstalled_at=func.coalesce(Shop.uninstalled_at, func.now()),
            updated_at=func.now(),
            access_token="",
            refresh_token=None,
            access_token_expires_at=None,
            refresh_token_expires_at=None,
        )
        .returning(Shop.id)
    )


async def shop_id_for(session: AsyncSession, shop_domain: str, *, installed: bool | None = None) -> uuid.UUID | None:
    query = select(Shop.id).where(Shop.shop_domain == shop_domain)
    if installed is True:
        query = query.where(Shop.uninstalled_at.is_(None))
    elif installed is False:
        query = query.where(Shop.uninstalled_at.is_not(None))
    return await session.scalar(query)


async def delete_shop(session: AsyncSession, shop_id: uuid.UUID) -> bool:
    """Delete the shop row; every table that refers to it cascades."""
    result = await session.execute(delete(Shop).where(Shop.id == shop_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ShopRecord:
    id: uuid.UUID
    shop_domain: str
    plan: str
    daily_quota: int
    monthly_quota: int
    max_concurrent_renders: int | None
    scope: str | None
    created_at: datetime


_RECORD = (
    Shop.id,
    Shop.shop_domain,
    Shop.plan,
    Shop.daily_quota,
    Shop.monthly_quota,
    Shop.max_concurrent_renders,
    Shop.scope,
    Shop.created_at,
)


async def installed_shop_record(session: AsyncSession, shop_id: uuid.UUID) -> ShopRecord | None:
    row = (
        await session.execute(select(*_RECORD).where(Shop.id == shop_id, Shop.uninstalled_at.is_(None)))
    ).one_or_none()
    return ShopRecord(*row) if row is not None else None


_INSTALLED_BY_DOMAIN = DriverStatement.compile(
    select(*_RECORD).where(Shop.shop_domain == bindparam("shop_domain"), Shop.uninstalled_at.is_(None))
)


async def installed_shop_by_domain_on_driver(driver: Any, shop_domain: str) -> ShopRecord | None:
    """The installed shop with this domain, on a request's asyncpg connection (the lookup behind every
    authenticated request, when the shop cache has none)."""
    row = await driver.fetchrow(_INSTALLED_BY_DOMAIN.sql, *_INSTALLED_BY_DOMAIN.args({"shop_domain": shop_domain}))
    return ShopRecord(*row) if row is not None else None


@dataclass(frozen=True)
class ShopPlan:
    shop_domain: str
    plan: str
    daily_quota: int
    monthly_quota: int


async def lock_shop_plan(session: AsyncSession, shop_id: uuid.UUID) -> ShopPlan | None:
    """The shop's plan and quotas, its row locked until the transaction ends: plan changes queue per shop."""
    row = (
        await session.execute(
            select(Shop.shop_domain, Shop.plan, Shop.daily_quota, Shop.monthly_quota)
            .where(Shop.id == shop_id)
            .with_for_update()
        )
    ).one_or_none()
    return ShopPlan(*row) if row is not None else None


async def apply_plan(
    session: AsyncSession, shop_id: uuid.UUID, plan: str, *, daily_quota: int, monthly_quota: int
) -> ShopPlan | None:
    """Move the shop to ``plan`` with the plan's quotas, except where an operator's override stands."""
    row = (
        await session.execute(
            update(Shop)
            .where(Shop.id == shop_id)
            .values(
                plan=plan,
                daily_quota=func.coalesce(Shop.daily_quota_override, daily_quota),
                monthly_quota=func.coalesce(Shop.monthly_quota_override, monthly_quota),
                updated_at=func.now(),
            )
            .returning(Shop.shop_domain, Shop.plan, Shop.daily_quota, Shop.monthly_quota)
        )
    ).one_or_none()
    return ShopPlan(*row) if row is not None else None


async def installed_shops_after(
    session: AsyncSession, after: uuid.UUID | None, limit: int
) -> list[tuple[uuid.UUID, str]]:
    """Installed shops ordered by id, the page after ``after`` (keyset pagination for sweeps over all shops)."""
    query = select(Shop.id, Shop.shop_domain).where(Shop.uninstalled_at.is_(None)).order_by(Shop.id).limit(limit)
    if after is not None:
        query = query.where(Shop.id > after)
    return [(row[0], row[1]) for row in await session.execute(query)]


@dataclass(frozen=True)
class ShopPreferences:
    """The merchant's own settings, and the plan that bounds them."""

    plan: str
    room_retention_hours: int | None
    watermark: bool


async def shop_preferences(session: AsyncSession, shop_id: uuid.UUID, *, for_update: bool = False) -> ShopPreferences:
    query = select(Shop.plan, Shop.room_retention_hours, Shop.watermark).where(Shop.id == shop_id)
    row = (await session.execute(query.with_for_update() if for_update else query)).one()
    return ShopPreferences(*row)


async def save_shop_preferences(session: AsyncSession, shop_id: uuid.UUID, values: dict[str, Any]) -> None:
    if values:
        await session.execute(update(Shop).where(Shop.id == shop_id).values(**values, updated_at=func.now()))


async def shops_by_domain(session: AsyncSession) -> list[Shop]:
    """Every shop, installed or not, by domain (the operator's list)."""
    return list((await session.scalars(select(Shop).order_by(Shop.shop_domain))).all())


async def lock_shop_by_domain(session: AsyncSession, shop_domain: str) -> Shop | None:
    """The shop's row, locked until the transaction ends (an operator's plan change)."""
    return await session.scalar(select(Shop).where(Shop.shop_domain == shop_domain).with_for_update())


async def watermark_columns(session: AsyncSession, shop_id: uuid.UUID) -> tuple[str, bool] | None:
    """The shop's plan and its own watermark setting, for a render (None when the shop is gone)."""
    row = (await session.execute(select(Shop.plan, Shop.watermark).where(Shop.id == shop_id))).first()
    return (row[0], row[1]) if row is not None else None


async def ensure_shop(
    session: AsyncSession, shop_domain: str, *, access_token: str, plan: str, daily_quota: int, monthly_quota: int
) -> uuid.UUID:
    """The shop's id, inserting it as an installed shop the first time; a shop stored with an empty token gets
    ``access_token`` (the local demo's shop and its stand-in Admin API)."""
    statement = insert(Shop).values(
        id=uuid.uuid4(),
        shop_domain=shop_domain,
        shopify_shop_id="0",
        access_token=access_token,
        plan=plan,
        daily_quota=daily_quota,
        monthly_quota=monthly_quota,
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[Shop.shop_domain],
            set_={"access_token": statement.excluded.access_token},
            where=Shop.access_token == "",
        )
    )
    shop_id = await session.scalar(select(Shop.id).where(Shop.shop_domain == shop_domain))
    assert shop_id is not None
    return shop_id


def room_retention(shop_id: uuid.UUID) -> Any:
    """The shop's own room retention as an interval (null: the service's default), for a rooms statement."""
    return select(func.make_interval(0, 0, 0, 0, Shop.room_retention_hours)).where(Shop.id == shop_id).scalar_subquery()


# The same, for a statement written in SQL that binds :shop_id.
ROOM_RETENTION_SQL = "(SELECT make_interval(hours => room_retention_hours) FROM shops WHERE id = :shop_id)"


def is_installed(shop_id: Any) -> Any:
    """A condition for another table's statement: the shop ``shop_id`` (a column) names is installed."""
    return exists().where(Shop.id == shop_id, Shop.uninstalled_at.is_(None))
