"""Row factories: one function per table that adds a row with working defaults to the caller's session.

Tests build their world with these (or through the API) instead of raw INSERTs, so a new column needs one
default here rather than an edit in every test.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.models import ProductAsset, ProductSettings, RenderJob, RoomSession, Shop, StylePreset, UsageDaily

Row = TypeVar("Row")


async def _added(session: AsyncSession, row: Row) -> Row:
    session.add(row)
    await session.flush()
    return row


async def add_shop(session: AsyncSession, shop_domain: str = "demo.myshopify.com", **columns: Any) -> Shop:
    """An installed shop on the pro plan (token columns hold placeholders, not real ciphertext)."""
    values: dict[str, Any] = {
        "shopify_shop_id": str(abs(hash(shop_domain)) % 10**10),
        "access_token": "",
        "plan": "pro",
        "daily_quota": 1000,
        "monthly_quota": 10000,
    }
    return await _added(session, Shop(shop_domain=shop_domain, **{**values, **columns}))


async def add_asset(
    session: AsyncSession, shop_id: uuid.UUID, product_id: str = "gid://shopify/Product/1", **columns: Any
) -> ProductAsset:
    """A ready cut-out of the product (its ``prepared_image_url`` names no stored object unless given)."""
    values: dict[str, Any] = {
        "source_image_id": "gid://shopify/MediaImage/1",
        "source_image_url": "https://cdn.shopify.com/s/files/product.jpg",
        "status": "ready",
        "prep_strategy": "batch",
        "prompt_version": 1,
    }
    values.update(columns)
    if "created_at" in values:
        values.setdefault("updated_at", values["created_at"])
    return await _added(session, ProductAsset(shop_id=shop_id, product_id=product_id, **values))


async def add_product_settings(
    session: AsyncSession, shop_id: uuid.UUID, product_id: str = "gid://shopify/Product/1", **columns: Any
) -> ProductSettings:
    """The cached ``$app:see_it`` metafields of a product: enabled unless told otherwise."""
    values: dict[str, Any] = {"enabled": True, **columns}
    return await _added(session, ProductSettings(shop_id=shop_id, product_id=product_id, **values))


async def add_room(session: AsyncSession, shop_id: uuid.UUID, **columns: Any) -> RoomSession:
    """A room session; ``expires_at`` is required by the table, so give it (or ``expires_at=...``)."""
    return await _added(session, RoomSession(shop_id=shop_id, **columns))


async def add_render_job(
    session: AsyncSession, shop_id: uuid.UUID, product_id: str = "gid://shopify/Product/1", **columns: Any
) -> RenderJob:
    """A queued render job at the centre of the room."""
    values: dict[str, Any] = {
        "placement_x": 0.5,
        "placement_y": 0.5,
        "placement_scale": 0.3,
        "status": "queued",
        "stage": "queued",
        **columns,
    }
    return await _added(session, RenderJob(shop_id=shop_id, product_id=product_id, **values))


async def add_usage(session: AsyncSession, shop_id: uuid.UUID, day: date, **counts: int) -> UsageDaily:
    """A day's counted renders (``prep_renders``, ``cleanup_renders``, ``composite_renders``)."""
    return await _added(session, UsageDaily(shop_id=shop_id, date=day, **counts))


async def add_style_preset(
    session: AsyncSession, shop_id: uuid.UUID, name: str, prompt_template: str, **columns: Any
) -> StylePreset:
    """A shop's own style preset."""
    return await _added(session, StylePreset(shop_id=shop_id, name=name, prompt_template=prompt_template, **columns))
