"""What the render path needs from the assets domain and the prompt registry, in one place."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.assets import service as assets_service
from seeit.assets.repository import SERVING as SERVING
from seeit.imaging.interface import Prompt
from seeit.imaging.prompts import current_prompt, render_prompt, style_presets
from seeit.models import ProductAsset, StylePreset


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


async def style_preset_exists(session: AsyncSession, shop_id: uuid.UUID, name: str) -> bool:
    if name in style_presets():
        return True
    found = await session.scalar(select(StylePreset.id).where(StylePreset.shop_id == shop_id, StylePreset.name == name))
    return found is not None


async def style_prompt(session: AsyncSession, shop_id: uuid.UUID, name: str | None) -> Prompt:
    """The composite prompt for a style preset: a built-in one, else the shop's own template filled in.
    A shop preset's version is the time its template last changed, so results stay traceable."""
    if name is None or name in style_presets():
        return current_prompt("composite", name)
    row = (
        await session.execute(
            select(StylePreset.prompt_template, StylePreset.updated_at).where(
                StylePreset.shop_id == shop_id, StylePreset.name == name
            )
        )
    ).one_or_none()
    if row is None:  # deleted since the render was accepted: the default light
        return current_prompt("composite")
    return render_prompt(row.prompt_template, prompt_id=f"shop.{name}", version=int(row.updated_at.timestamp()))


async def count_style_preset_use(session: AsyncSession, shop_id: uuid.UUID, name: str) -> None:
    await session.execute(
        update(StylePreset)
        .where(StylePreset.shop_id == shop_id, StylePreset.name == name)
        .values(usage_count=StylePreset.usage_count + 1)
    )
