"""A storefront scene for render tests: a shop, a prepared product cut-out and an uploaded room."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from PIL import Image, ImageDraw

from seeit.db import transaction
from seeit.resources import Resources
from seeit.storage import new_object_key
from tests.factories import add_asset
from tests.rooms import photos
from tests.support import create_shop, proxy_url

PRODUCT_ID = "8123456789"
PRODUCT_GID = f"gid://shopify/Product/{PRODUCT_ID}"


@dataclass
class Scene:
    shop_id: uuid.UUID
    shop_domain: str
    room_id: str
    asset_id: uuid.UUID | None

    def url(self, path: str, **extra: str) -> str:
        return proxy_url(path, self.shop_domain, **extra)

    def body(self, **overrides: Any) -> dict[str, Any]:
        body: dict[str, Any] = {
            "product_id": PRODUCT_ID,
            "room_session_id": self.room_id,
            "placement": {"x": 0.5, "y": 0.8, "scale": 0.3},
            "quality": "draft",
        }
        body.update(overrides)
        return body


def product_png() -> bytes:
    image = Image.new("RGBA", (200, 300), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((20, 20, 180, 290), fill=(200, 30, 30, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


async def add_ready_asset(resources: Resources, shop_id: uuid.UUID, product_gid: str = PRODUCT_GID) -> uuid.UUID:
    key = new_object_key(f"shops/{shop_id}/assets", ".png")
    await resources.storage.put(key, product_png(), "image/png")
    async with transaction(resources) as session:
        asset = await add_asset(session, shop_id, product_gid, prepared_image_url=key)
        return asset.id


async def upload_room(client: httpx.AsyncClient, shop_domain: str) -> str:
    response = await client.post(
        proxy_url("/proxy/rooms", shop_domain), files={"image": ("room.jpg", photos.jpeg(800, 600))}
    )
    assert response.status_code == 201, response.text
    room_id: str = response.json()["id"]
    return room_id


async def make_scene(
    client: httpx.AsyncClient,
    resources: Resources,
    shop_domain: str = "renders.myshopify.com",
    *,
    with_asset: bool = True,
    **shop_columns: Any,
) -> Scene:
    shop_columns.setdefault("max_concurrent_renders", 1000)
    shop = await create_shop(resources, shop_domain, **shop_columns)
    asset_id = await add_ready_asset(resources, shop.id) if with_asset else None
    room_id = await upload_room(client, shop_domain)
    return Scene(shop.id, shop_domain, room_id, asset_id)


async def usage_today(resources: Resources, shop_id: uuid.UUID) -> dict[str, int]:
    from sqlalchemy import text

    async with resources.engine.connect() as conn:
        row = (
            await conn.execute(
                text(
                    "SELECT coalesce(sum(prep_renders), 0) AS prep, coalesce(sum(cleanup_renders), 0) AS cleanup, "
                    "coalesce(sum(composite_renders), 0) AS composite FROM usage_daily "
                    "WHERE shop_id = :shop AND date = (now() AT TIME ZONE 'utc')::date"
                ),
                {"shop": shop_id},
            )
        ).one()
    return {"prep": int(row.prep), "cleanup": int(row.cleanup), "composite": int(row.composite)}
