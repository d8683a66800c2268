"""Shopify's product changes move assets: a changed photo makes it stale (it serves until its replacement
is ready), a deleted photo or product orphans it (it never serves again); a raised prompt version too."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
from sqlalchemy import select

from seeit.assets import lifecycle, preparation, repository, service
from seeit.config import Settings
from seeit.db import transaction
from seeit.models import ProductAsset
from seeit.resources import Resources
from tests.assets.conftest import SHOP
from tests.foundation.test_cli import seeit
from tests.support import create_shop

PRODUCT_GID = "gid://shopify/Product/8123"
MEDIA_GID = "gid://shopify/MediaImage/812301"
PHOTO = "https://cdn.shopify.com/s/files/1/lamp.jpg"


async def _ready_asset(resources: Resources, shop_id: uuid.UUID, **columns: Any) -> uuid.UUID:
    values: dict[str, Any] = {
        "shop_id": shop_id,
        "product_id": PRODUCT_GID,
        "source_image_id": MEDIA_GID,
        "source_image_url": PHOTO + "?v=1",
        "prepared_image_url": f"shops/{shop_id}/assets/x.png",
        "status": "ready",
        "prep_strategy": "batch",
        "prompt_version": preparation.prep_prompt_version(),
        **columns,
    }
    async with transaction(resources) as session:
        asset = ProductAsset(**values)
        session.add(asset)
        await session.flush()
        return asset.id


def _payload(
    *, media: list[tuple[str, str]] | None = None, images: list[tuple[int, str]] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"id": 8123, "admin_graphql_api_id": PRODUCT_GID, "updated_at": "2026-11-24T10:00:00Z"}
    if media is not None:
        body["media"] = [
            {"id": int(gid.rsplit("/", 1)[-1]), "admin_graphql_api_id": gid, "preview_image": {"src": src}}
            for gid, src in media
        ]
    if images is not None:
        body["images"] = [
            {"id": n, "admin_graphql_api_id": f"gid://shopify/ProductImage/{n}", "src": src} for n, src in images
        ]
        body["image"] = body["images"][0] if body["images"] else None
    return body


async def _changed(resources: Resources, shop_id: uuid.UUID, payload: dict[str, Any]) -> int:
    async with transaction(resources) as session:
        return await lifecycle.product_changed(session, shop_id, payload)


async def _statuses(resources: Resources) -> list[tuple[str, str]]:
    async with resources.sessionmaker() as session:
        rows = await session.execute(
            select(ProductAsset.status, ProductAsset.source_image_url).order_by(ProductAsset.created_at)
        )
        return [(row[0], row[1]) for row in rows]


async def _serving(resources: Resources, shop_id: uuid.UUID) -> ProductAsset | None:
    async with resources.sessionmaker() as session:
        return await service.asset_for_render(session, shop_id, PRODUCT_GID)


async def test_an_unrelated_product_update_moves_nothing(resources: Resources) -> None:
    shop = await create_shop(resources, SHOP)
    await _ready_asset(resources, shop.id)
    # Same file; only the ?v= query changed (Shopify bumps it on unrelated edits), and an order-only update.
    assert await _changed(resources, shop.id, _payload(media=[(MEDIA_GID, PHOTO + "?v=2")])) == 0
    assert await _changed(resources, shop.id, {"id": 8123, "title": "Lamp"}) == 0
    assert await _statuses(resources) == [("ready", PHOTO + "?v=1")]


async def test_a_changed_photo_makes_the_asset_stale_and_queues_its_replacement(resources: Resources) -> None:
    shop = await create_shop(resources, SHOP)
    old = await _ready_asset(resources, shop.id)
    new_photo = "https://cdn.shopify.com/s/files/1/lamp_new.jpg?v=3"

    assert await _changed(resources, shop.id, _payload(media=[(MEDIA_GID, new_photo)])) == 1

    assert await _statuses(resources) == [("stale", PHOTO + "?v=1"), ("pending", new_photo)]
    assert await resources.arq.zcard("arq:queue") == 1
    serving = await _serving(resources, shop.id)
    assert serving is not None
    assert serving.id == old  # the stale asset serves until its replacement is ready


async def test_a_ready_replacement_retires_the_stale_asset(resources: Resources) -> None:
    shop = await create_shop(resources, SHOP)
    old = await _ready_asset(resources, shop.id)
    await _changed(resources, shop.id, _payload(media=[(MEDIA_GID, PHOTO.replace("lamp", "lamp2"))]))
    async with transaction(resources) as session:
        replacement = await session.scalar(select(ProductAsset).where(ProductAsset.status == "pending"))
        assert replacement is not None
        ready = await repository.mark_ready(
            session, replacement.id, prepared_key="k.png", model_id="m", prompt_id="p", prompt_version=9, confidence=1.0
        )
        assert ready is not None
        assert await repository.retire_replaced(session, ready) == 1
    serving = await _serving(resources, shop.id)
    assert serving is not None
    assert serving.id == replacement.id
    async with resources.sessionmaker() as session:
        assert (await session.get(ProductAsset, old)).status == "orphaned"  # type: ignore[union-attr]


async def test_a_deleted_photo_orphans_the_asset_and_prepares_the_new_featured_one(resources: Resources) -> None:
    shop = await create_shop(resources, SHOP)
    await _ready_asset(resources, shop.id)
    other = ("gid://shopify/MediaImage/812302", "https://cdn.shopify.com/s/files/1/side.jpg")

    assert await _changed(resources, shop.id, _payload(media=[other])) == 1

    assert await _statuses(resources) == [("orphaned", PHOTO + "?v=1"), ("pending", other[1])]
    assert await _serving(resources, shop.id) is None or (await _serving(resources, shop.id)).status == "pending"  # type: ignore[union-attr]


async def test_images_listed_only_in_the_rest_images_array_are_matched_by_number(resources: Resources) -> None:
    shop = await create_shop(resources, SHOP)
    await _ready_asset(resources, shop.id)
    assert await _changed(resources, shop.id, _payload(images=[(812301, PHOTO + "?v=9")])) == 0
    assert await _changed(resources, shop.id, _payload(images=[])) == 1
    assert (await _statuses(resources))[0][0] == "orphaned"


async def test_a_deleted_product_orphans_all_its_assets_and_they_never_serve(resources: Resources) -> None:
    shop = await create_shop(resources, SHOP)
    await _ready_asset(resources, shop.id)
    await _ready_asset(resources, shop.id, status="stale")
    await _ready_asset(resources, shop.id, prep_strategy="manual", source_image_id="manual")
    async with transaction(resources) as session:
        assert await lifecycle.product_deleted(session, shop.id, PRODUCT_GID) == 3
    async with transaction(resources) as session:
        assert await lifecycle.product_deleted(session, shop.id, PRODUCT_GID) == 0  # a redelivery moves nothing
    assert {s for s, _ in await _statuses(resources)} == {"orphaned"}
    assert await _serving(resources, shop.id) is None


async def test_manual_assets_ignore_photo_changes(resources: Resources) -> None:
    shop = await create_shop(resources, SHOP)
    await _ready_asset(resources, shop.id, prep_strategy="manual", source_image_id="manual", source_image_url="")
    assert await _changed(resources, shop.id, _payload(media=[])) == 0


async def test_raising_the_prompt_version_makes_older_prepared_assets_stale_and_requeues_them(
    resources: Resources,
) -> None:
    shop = await create_shop(resources, SHOP)
    current = preparation.prep_prompt_version()
    await _ready_asset(resources, shop.id, prompt_version=current - 1)
    await _ready_asset(resources, shop.id, prompt_version=current - 1, prep_strategy="manual", source_image_id="manual")
    await _ready_asset(resources, shop.id, product_id="gid://shopify/Product/1", prompt_version=current)
    async with transaction(resources) as session:
        assert await lifecycle.mark_outdated_assets(session, shop.id) == 1
    statuses = sorted(s for s, _ in await _statuses(resources))
    assert statuses == ["pending", "ready", "ready", "stale"]
    assert await resources.arq.zcard("arq:queue") == 1


@pytest.mark.live_database
async def test_the_cli_marks_stale_for_one_shop(resources: Resources, settings: Settings) -> None:
    shop = await create_shop(resources, SHOP)
    other = await create_shop(resources, "other.myshopify.com")
    await _ready_asset(resources, shop.id, prompt_version=0)
    await _ready_asset(resources, other.id, prompt_version=0)

    result = await asyncio.to_thread(seeit, settings, "assets", "mark-stale", "--shop", SHOP)

    assert result.returncode == 0, result.stderr
    assert "1 asset" in result.stdout
    assert sorted(s for s, _ in await _statuses(resources)) == ["pending", "ready", "stale"]
    assert await resources.arq.zcard("arq:queue") == 1
