"""Every query on ``product_assets`` and ``product_settings``. Status moves are conditional updates."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Text, and_, bindparam, or_, select, text, update
from sqlalchemy.dialects.postgresql import UUID, distinct_on, insert
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.db import utcnow
from seeit.models import ProductAsset, ProductSettings
from seeit.shops import service as shops

# Assets that may serve a render: a stale one keeps serving until its replacement is ready.
SERVING = ("ready", "stale")


def asset_for_render_sql(product_id: str = ":product_id", variant_id: str = ":variant_id") -> str:
    """The rule of which asset a render of a product uses, as one query (binds ``:shop_id``; the product and
    the variant are SQL expressions, parameters by default): the product's default asset (``product_settings``)
    when it serves, else the newest ready, else the newest stale one (the variant's own before the product's),
    else the newest pending one (a prep is on its way). It selects ``id`` and ``serving``.

    The storefront's accept statement embeds it, the worker and ``/proxy/config`` run it alone, and the admin's
    catalogue runs it for a page of products; there is no second copy of the rule."""
    return f"""
    SELECT a.id, a.status IN ('ready', 'stale') AS serving
    FROM product_assets a
    LEFT JOIN product_settings ps ON ps.shop_id = a.shop_id AND ps.product_id = a.product_id
    WHERE a.shop_id = :shop_id AND a.product_id = {product_id} AND (
        a.status = 'pending'
        OR (a.status IN ('ready', 'stale')
            AND (a.variant_id IS NULL OR a.variant_id = {variant_id} OR a.id::text = ps.default_asset_id))
    )
    ORDER BY
        coalesce(a.id::text = ps.default_asset_id AND a.status IN ('ready', 'stale'), false) DESC,
        a.status IN ('ready', 'stale') DESC,
        a.status = 'ready' DESC,
        a.variant_id IS NOT DISTINCT FROM {variant_id} DESC,
        a.created_at DESC,
        a.id DESC
    LIMIT 1
    """


_ASSET_FOR_RENDER = (
    text(asset_for_render_sql())
    .bindparams(
        bindparam("shop_id", type_=UUID(as_uuid=True)),
        bindparam("product_id", type_=Text),
        bindparam("variant_id", type_=Text),
    )
    .columns(id=UUID(as_uuid=True), serving=Boolean)
    .subquery("choice")
)

_SERVING_FOR_PRODUCTS = text(
    f"""
    SELECT p.product_id, choice.id FROM unnest(CAST(:product_ids AS text[])) AS p(product_id)
    CROSS JOIN LATERAL ({asset_for_render_sql("p.product_id", "NULL")}) AS choice
    WHERE choice.serving
    """
).bindparams(bindparam("shop_id", type_=UUID(as_uuid=True)))


async def asset_for_render(
    session: AsyncSession, shop_id: uuid.UUID, product_id: str, variant_id: str | None = None
) -> ProductAsset | None:
    """The asset a render of this product (and variant) uses, by ``asset_for_render_sql``; None when none."""
    return await session.scalar(
        select(ProductAsset).join(_ASSET_FOR_RENDER, _ASSET_FOR_RENDER.c.id == ProductAsset.id),
        {"shop_id": shop_id, "product_id": product_id, "variant_id": variant_id},
    )


async def serving_assets_of_products(
    session: AsyncSession, shop_id: uuid.UUID, product_ids: Collection[str]
) -> dict[str, ProductAsset]:
    """For each product of ``product_ids`` (no variant), the asset a render uses when one serves."""
    if not product_ids:
        return {}
    rows = (await session.execute(_SERVING_FOR_PRODUCTS, {"shop_id": shop_id, "product_ids": list(product_ids)})).all()
    chosen = {row[1]: row[0] for row in rows}
    assets = await session.scalars(select(ProductAsset).where(ProductAsset.id.in_(list(chosen))))
    return {chosen[asset.id]: asset for asset in assets}


async def get_asset(session: AsyncSession, shop_id: uuid.UUID, asset_id: uuid.UUID) -> ProductAsset | None:
    """The shop's asset with this id (another shop's id finds nothing)."""
    return await session.scalar(
        select(ProductAsset).where(ProductAsset.id == asset_id, ProductAsset.shop_id == shop_id)
    )


async def open_asset_for_source(
    session: AsyncSession, shop_id: uuid.UUID, product_id: str, variant_id: str | None, source_image_id: str
) -> ProductAsset | None:
    """The newest pending or failed asset of this product/variant/source: a new request reuses it."""
    return await session.scalar(
        select(ProductAsset)
        .where(
            ProductAsset.shop_id == shop_id,
            ProductAsset.product_id == product_id,
            ProductAsset.variant_id.is_(None) if variant_id is None else ProductAsset.variant_id == variant_id,
            ProductAsset.source_image_id == source_image_id,
            ProductAsset.status.in_(("pending", "failed")),
            ProductAsset.prep_strategy != "manual",
        )
        .order_by(ProductAsset.created_at.desc(), ProductAsset.id.desc())
        .limit(1)
    )


async def reopen_failed(
    session: AsyncSession, asset_id: uuid.UUID, *, source_image_url: str, prompt_version: int, strategy: str
) -> bool:
    """failed → pending for another attempt; False when the row was no longer failed."""
    result = await session.execute(
        update(ProductAsset)
        .where(ProductAsset.id == asset_id, ProductAsset.status == "failed")
        .values(
            status="pending",
            source_image_url=source_image_url,
            prompt_version=prompt_version,
            prep_strategy=strategy,
            error_code=None,
            error_message=None,
            updated_at=utcnow(),
        )
        .returning(ProductAsset.id)
    )
    return result.first() is not None


async def add_asset(session: AsyncSession, **columns: Any) -> ProductAsset:
    asset = ProductAsset(**columns)
    session.add(asset)
    await session.flush()
    return asset


async def pending_asset(session: AsyncSession, asset_id: uuid.UUID) -> ProductAsset | None:
    """The asset if it is still pending (the only state a prep job works on)."""
    return await session.scalar(
        select(ProductAsset).where(ProductAsset.id == asset_id, ProductAsset.status == "pending")
    )


async def mark_ready(
    session: AsyncSession,
    asset_id: uuid.UUID,
    *,
    prepared_key: str,
    model_id: str,
    prompt_id: str,
    prompt_version: int,
    confidence: float | None,
) -> ProductAsset | None:
    """pending → ready; None when another run got there first (so nothing is counted twice)."""
    return await session.scalar(
        update(ProductAsset)
        .where(ProductAsset.id == asset_id, ProductAsset.status == "pending")
        .values(
            status="ready",
            prepared_image_url=prepared_key,
            model_id=model_id,
            prompt_id=prompt_id,
            prompt_version=prompt_version,
            confidence=confidence,
            error_code=None,
            error_message=None,
            updated_at=utcnow(),
        )
        .returning(ProductAsset)
    )


async def mark_failed(session: AsyncSession, asset_id: uuid.UUID, *, code: str, message: str) -> bool:
    """pending → failed with the reason; False when the row was no longer pending."""
    result = await session.execute(
        update(ProductAsset)
        .where(ProductAsset.id == asset_id, ProductAsset.status == "pending")
        .values(status="failed", error_code=code, error_message=message[:500], updated_at=utcnow())
        .returning(ProductAsset.id)
    )
    return result.first() is not None


async def retire_replaced(session: AsyncSession, replacement: ProductAsset) -> int:
    """Stale assets of the same product and variant older than a newly ready one → orphaned (superseded)."""
    result = await session.execute(
        update(ProductAsset)
        .where(
            ProductAsset.shop_id == replacement.shop_id,
            ProductAsset.product_id == replacement.product_id,
            _same_variant(replacement.variant_id),
            ProductAsset.status == "stale",
            ProductAsset.created_at <= replacement.created_at,
            ProductAsset.id != replacement.id,
        )
        .values(status="orphaned", updated_at=utcnow())
        .returning(ProductAsset.id)
    )
    return len(result.all())


def _same_variant(variant_id: str | None) -> Any:
    return ProductAsset.variant_id.is_(None) if variant_id is None else ProductAsset.variant_id == variant_id


async def move_status(
    session: AsyncSession, asset_ids: Iterable[uuid.UUID], *, from_statuses: Collection[str], to: str
) -> list[ProductAsset]:
    """Move the listed assets that are in one of ``from_statuses`` to ``to``; returns those moved."""
    ids = list(asset_ids)
    if not ids:
        return []
    rows = await session.scalars(
        update(ProductAsset)
        .where(ProductAsset.id.in_(ids), ProductAsset.status.in_(tuple(from_statuses)))
        .values(status=to, updated_at=utcnow())
        .returning(ProductAsset)
    )
    return list(rows.all())


async def product_assets(
    session: AsyncSession, shop_id: uuid.UUID, product_id: str, statuses: Collection[str]
) -> list[ProductAsset]:
    rows = await session.scalars(
        select(ProductAsset)
        .where(
            ProductAsset.shop_id == shop_id,
            ProductAsset.product_id == product_id,
            ProductAsset.status.in_(tuple(statuses)),
        )
        .order_by(ProductAsset.created_at, ProductAsset.id)
    )
    return list(rows.all())


async def mark_outdated_stale(
    session: AsyncSession, prompt_version: int, shop_id: uuid.UUID | None = None
) -> list[ProductAsset]:
    """ready prepared assets whose prompt version is below ``prompt_version`` → stale (manual ones stay)."""
    conditions = [
        ProductAsset.status == "ready",
        ProductAsset.prep_strategy != "manual",
        ProductAsset.prompt_version < prompt_version,
    ]
    if shop_id is not None:
        conditions.append(ProductAsset.shop_id == shop_id)
    rows = await session.scalars(
        update(ProductAsset).where(*conditions).values(status="stale", updated_at=utcnow()).returning(ProductAsset)
    )
    return list(rows.all())


@dataclass(frozen=True)
class AssetCursor:
    created_at: datetime
    id: uuid.UUID


async def list_assets(
    session: AsyncSession,
    shop_id: uuid.UUID,
    *,
    limit: int,
    product_id: str | None = None,
    status: str | None = None,
    after: AssetCursor | None = None,
) -> list[ProductAsset]:
    """Newest first, keyset-paged on (created_at, id); one more row than ``limit`` tells a next page exists."""
    query = select(ProductAsset).where(ProductAsset.shop_id == shop_id)
    if product_id is not None:
        query = query.where(ProductAsset.product_id == product_id)
    if status is not None:
        query = query.where(ProductAsset.status == status)
    if after is not None:
        query = query.where(
            or_(
                ProductAsset.created_at < after.created_at,
                and_(ProductAsset.created_at == after.created_at, ProductAsset.id < after.id),
            )
        )
    rows = await session.scalars(
        query.order_by(ProductAsset.created_at.desc(), ProductAsset.id.desc()).limit(limit + 1)
    )
    return list(rows.all())


async def products_with_current_asset(
    session: AsyncSession, shop_id: uuid.UUID, product_ids: Collection[str], prompt_version: int
) -> set[str]:
    """Of ``product_ids``, those with a pending asset, a manual ready one or a ready one at ``prompt_version``."""
    if not product_ids:
        return set()
    rows = await session.scalars(
        select(ProductAsset.product_id)
        .where(
            ProductAsset.shop_id == shop_id,
            ProductAsset.product_id.in_(tuple(product_ids)),
            or_(
                ProductAsset.status == "pending",
                and_(
                    ProductAsset.status == "ready",
                    or_(ProductAsset.prep_strategy == "manual", ProductAsset.prompt_version >= prompt_version),
                ),
            ),
        )
        .distinct()
    )
    return set(rows.all())


async def product_settings(session: AsyncSession, shop_id: uuid.UUID, product_id: str) -> ProductSettings | None:
    return await session.scalar(
        select(ProductSettings).where(ProductSettings.shop_id == shop_id, ProductSettings.product_id == product_id)
    )


async def save_product_settings(
    session: AsyncSession, shop_id: uuid.UUID, product_id: str, values: dict[str, Any]
) -> None:
    """Upsert the cached metafields of one product (only the keys in ``values`` change)."""
    statement = insert(ProductSettings).values(id=uuid.uuid4(), shop_id=shop_id, product_id=product_id, **values)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[ProductSettings.shop_id, ProductSettings.product_id],
            set_={**values, "updated_at": utcnow()},
        )
    )


async def save_many_product_settings(
    session: AsyncSession, shop_id: uuid.UUID, rows: dict[str, dict[str, Any]]
) -> None:
    """Upsert the cached metafields of many products in one statement (product id → all three values)."""
    if not rows:
        return
    statement = insert(ProductSettings).values(
        [{"id": uuid.uuid4(), "shop_id": shop_id, "product_id": pid, **values} for pid, values in rows.items()]
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[ProductSettings.shop_id, ProductSettings.product_id],
            set_={
                "enabled": statement.excluded.enabled,
                "default_asset_id": statement.excluded.default_asset_id,
                "style_preset": statement.excluded.style_preset,
                "updated_at": utcnow(),
            },
        )
    )


async def resolve_source(
    session: AsyncSession, asset_id: uuid.UUID, *, source_image_id: str, source_image_url: str
) -> None:
    """Record the image a fallback prep found for a pending asset."""
    await session.execute(
        update(ProductAsset)
        .where(ProductAsset.id == asset_id, ProductAsset.status == "pending")
        .values(source_image_id=source_image_id, source_image_url=source_image_url)
    )


async def stalled_pending_assets(session: AsyncSession, *, older_than: datetime, limit: int = 500) -> list[uuid.UUID]:
    """Pending assets untouched since ``older_than`` whose shop is installed: their prep job may be lost."""
    rows = await session.scalars(
        select(ProductAsset.id)
        .where(
            ProductAsset.status == "pending",
            ProductAsset.updated_at < older_than,
            shops.is_installed(ProductAsset.shop_id),
        )
        .order_by(ProductAsset.updated_at)
        .limit(limit)
    )
    return list(rows)


async def newest_assets_of_products(
    session: AsyncSession, shop_id: uuid.UUID, product_ids: Collection[str], statuses: Collection[str]
) -> dict[str, ProductAsset]:
    """Each product's newest product-level asset in one of ``statuses`` (ready before stale when both serve)."""
    if not product_ids:
        return {}
    rows = await session.scalars(
        select(ProductAsset)
        .where(
            ProductAsset.shop_id == shop_id,
            ProductAsset.product_id.in_(tuple(product_ids)),
            ProductAsset.variant_id.is_(None),
            ProductAsset.status.in_(tuple(statuses)),
        )
        .ext(distinct_on(ProductAsset.product_id))
        .order_by(
            ProductAsset.product_id,
            (ProductAsset.status == "ready").desc() if set(statuses) <= set(SERVING) else ProductAsset.product_id,
            ProductAsset.created_at.desc(),
            ProductAsset.id.desc(),
        )
    )
    return {asset.product_id: asset for asset in rows.all()}


async def products_with_status(
    session: AsyncSession, shop_id: uuid.UUID, product_ids: Collection[str], statuses: Collection[str]
) -> set[str]:
    """Of ``product_ids``, those with an asset in one of ``statuses``."""
    rows = await session.scalars(
        select(ProductAsset.product_id).where(
            ProductAsset.shop_id == shop_id,
            ProductAsset.product_id.in_(list(product_ids)),
            ProductAsset.status.in_(tuple(statuses)),
        )
    )
    return set(rows.all())


async def cached_enabled(session: AsyncSession, shop_id: uuid.UUID) -> dict[str, bool]:
    """Product id → the cached ``enabled`` of every product of the shop that has settings."""
    rows = await session.execute(
        select(ProductSettings.product_id, ProductSettings.enabled).where(ProductSettings.shop_id == shop_id)
    )
    return {product_id: enabled for product_id, enabled in rows.all()}
