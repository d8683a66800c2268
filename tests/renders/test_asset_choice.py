"""The accept statement picks the asset exactly as the assets domain's rule (``asset_for_render``) does."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import text

from seeit.assets.service import asset_for_render
from seeit.db import utcnow
from seeit.renders.accept_statement import asset_choice
from seeit.resources import Resources
from tests.support import create_shop

PRODUCT = "gid://shopify/Product/1"
VARIANT = "gid://shopify/ProductVariant/7"

# (status, variant, minutes ago) per asset; the default asset is named by its index.
SCENARIOS: dict[str, tuple[list[tuple[str, str | None, int]], int | None, str | None]] = {
    "nothing": ([], None, None),
    "only_stale": ([("stale", None, 5)], None, None),
    "ready_beats_newer_stale": ([("ready", None, 9), ("stale", None, 1)], None, None),
    "newest_ready": ([("ready", None, 9), ("ready", None, 2)], None, None),
    "variant_own_first": ([("ready", VARIANT, 9), ("ready", None, 1)], None, VARIANT),
    "other_variant_ignored": ([("ready", "gid://shopify/ProductVariant/8", 1), ("stale", None, 9)], None, VARIANT),
    "product_request_ignores_variants": ([("ready", VARIANT, 1), ("stale", None, 9)], None, None),
    "default_stale_beats_ready": ([("stale", None, 9), ("ready", None, 1)], 0, None),
    "default_failed_is_skipped": ([("failed", None, 1), ("ready", None, 9)], 0, None),
    "only_pending": ([("pending", None, 9), ("pending", None, 2)], None, None),
    "orphaned_and_failed_never": ([("orphaned", None, 1), ("failed", None, 2)], None, None),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
async def test_accept_statement_agrees_with_asset_for_render(resources: Resources, name: str) -> None:
    assets, default_index, variant = SCENARIOS[name]
    shop = await create_shop(resources, f"{name.replace('_', '-')}.myshopify.com")
    ids = [uuid.uuid4() for _ in assets]
    async with resources.engine.begin() as conn:
        for asset_id, (status, asset_variant, minutes) in zip(ids, assets, strict=True):
            await conn.execute(
                text(
                    "INSERT INTO product_assets (id, shop_id, product_id, variant_id, source_image_id,"
                    " source_image_url, status, prep_strategy, prompt_version, created_at, updated_at)"
                    " VALUES (:id, :shop, :product, :variant, 's', 'u', :status, 'batch', 1, :at, :at)"
                ),
                {
                    "id": asset_id,
                    "shop": shop.id,
                    "product": PRODUCT,
                    "variant": asset_variant,
                    "status": status,
                    "at": utcnow() - timedelta(minutes=minutes),
                },
            )
        if default_index is not None:
            await conn.execute(
                text(
                    "INSERT INTO product_settings (id, shop_id, product_id, enabled, default_asset_id)"
                    " VALUES (gen_random_uuid(), :shop, :product, true, :default)"
                ),
                {"shop": shop.id, "product": PRODUCT, "default": str(ids[default_index])},
            )

    async with resources.sessionmaker() as session:
        expected = await asset_for_render(session, shop.id, PRODUCT, variant)
        chosen = await asset_choice(session, shop.id, PRODUCT, variant)

    assert chosen == (expected.id if expected is not None else None)
