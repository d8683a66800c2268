"""What the render path needs from the assets domain, in one place."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.assets import service as assets_service
from seeit.assets.repository import SERVING as SERVING
from seeit.models import ProductAsset


async def queue_fallback_prep(
    session: AsyncSession, shop_id: uuid.UUID, product_gid: str, variant_gid: str | None
) -> uuid.UUID:
    """Queue a ``fallback`` prep for a product with no asset that serves (sent after the caller's commit)."""
    asset = await assets_service.queue_fallback_prep(session, shop_id, product_gid, variant_gid)
    return asset.id


@dataclass(frozen=True)
class AssetForJob:
    id: uuid.UUID
    status: str
    prepared_image_url: str | None


async def asset_for_job(session: AsyncSession, shop_id: uuid.UUID, asset_id: uuid.UUID | None) -> AssetForJob | None:
    if asset_id is None:
        return None
    row = (
        await session.execute(
            select(ProductAsset.id, ProductAsset.status, ProductAsset.prepared_image_url).where(
                ProductAsset.id == asset_id, ProductAsset.shop_id == shop_id
            )
        )
    ).one_or_none()
    return AssetForJob(*row) if row is not None else None


async def serving_asset_now(
    session: AsyncSession, shop_id: uuid.UUID, product_gid: str, variant_gid: str | None
) -> AssetForJob | None:
    """When the job's own asset can no longer serve (failed, orphaned, deleted), another that serves."""
    asset = await assets_service.asset_for_render(session, shop_id, product_gid, variant_gid)
    if asset is None:
        return None
    return AssetForJob(asset.id, asset.status, asset.prepared_image_url)
