"""Which asset a render uses: the one rule (``asset_for_render_sql``) that the accept statement, the worker and
``/proxy/config`` all run."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from seeit.assets.service import asset_for_render
from seeit.db import transaction, utcnow
from seeit.resources import Resources
from tests.factories import add_asset, add_product_settings
from tests.support import create_shop

PRODUCT = "gid://shopify/Product/1"
VARIANT = "gid://shopify/ProductVariant/7"

# (status, variant, minutes ago) per asset; the default asset and the expected one are named by their index.
SCENARIOS: dict[str, tuple[list[tuple[str, str | None, int]], int | None, str | None, int | None]] = {
    "nothing": ([], None, None, None),
    "only_stale": ([("stale", None, 5)], None, None, 0),
    "ready_beats_newer_stale": ([("ready", None, 9), ("stale", None, 1)], None, None, 0),
    "newest_ready": ([("ready", None, 9), ("ready", None, 2)], None, None, 1),
    "variant_own_first": ([("ready", VARIANT, 9), ("ready", None, 1)], None, VARIANT, 0),
    "other_variant_ignored": ([("ready", "gid://shopify/ProductVariant/8", 1), ("stale", None, 9)], None, VARIANT, 1),
    "product_request_ignores_variants": ([("ready", VARIANT, 1), ("stale", None, 9)], None, None, 1),
    "default_stale_beats_ready": ([("stale", None, 9), ("ready", None, 1)], 0, None, 0),
    "default_failed_is_skipped": ([("failed", None, 1), ("ready", None, 9)], 0, None, 1),
    "only_pending_newest": ([("pending", None, 9), ("pending", None, 2)], None, None, 1),
    "orphaned_and_failed_never": ([("orphaned", None, 1), ("failed", None, 2)], None, None, None),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
async def test_a_render_uses_the_default_then_the_newest_ready_then_stale_then_pending_asset(
    resources: Resources, name: str
) -> None:
    assets, default_index, variant, expected = SCENARIOS[name]
    shop = await create_shop(resources, f"{name.replace('_', '-')}.myshopify.com")
    ids: list[uuid.UUID] = []
    async with transaction(resources) as session:
        for status, asset_variant, minutes in assets:
            asset = await add_asset(
                session,
                shop.id,
                PRODUCT,
                status=status,
                variant_id=asset_variant,
                created_at=utcnow() - timedelta(minutes=minutes),
            )
            ids.append(asset.id)
        if default_index is not None:
            await add_product_settings(session, shop.id, PRODUCT, default_asset_id=str(ids[default_index]))

    async with resources.sessionmaker() as session:
        chosen = await asset_for_render(session, shop.id, PRODUCT, variant)

    assert (chosen.id if chosen is not None else None) == (ids[expected] if expected is not None else None)
