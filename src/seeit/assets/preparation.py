"""Asking for cut-outs. Every request for a preparation ends in ``request_prep`` (the merchant's prepare, the
catalogue's pages, a storefront render's fallback, Shopify's product changes, a prompt upgrade): it creates or
reuses the asset's ``pending`` row and queues its prep job, sent after the caller's commit.

A catalogue is prepared a page at a time (``prepare_catalogue_page``): the merchant's request does the first
page, the prepare-all job the others.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.assets import repository
from seeit.assets.jobs import prep_job
from seeit.assets.shopify_products import SourceImage, cached_metafields
from seeit.imaging.prompts import PREP_PROMPT_VERSION
from seeit.models import ProductAsset
from seeit.queue import defer_job
from seeit.shopify.catalog import Product

# A fallback prep asked for by a storefront render does not know the source image yet: the job looks it up.
UNRESOLVED_SOURCE = ""
MANUAL_SOURCE = "manual"
# Products per GraphQL page: the request answers after the first page, the worker pages through the rest.
CATALOGUE_PAGE = 50


def prep_prompt_version() -> int:
    """The prep prompt version new assets are made with (the prompt registry's)."""
    return PREP_PROMPT_VERSION


async def request_prep(
    session: AsyncSession,
    shop_id: uuid.UUID,
    product_id: str,
    variant_id: str | None,
    source: SourceImage | None,
    *,
    strategy: str,
) -> tuple[ProductAsset, bool]:
    """Create or reuse the pending asset for this product/variant/source and queue its job after commit.

    Returns the asset and whether this call queued work: a pending asset is returned as it is (its job is
    already queued; sending the same job id again is a no-op in arq but revives a job lost with Redis), a
    failed one is tried again, anything else gets a new row.
    """
    source_id = source.id if source is not None else UNRESOLVED_SOURCE
    source_url = source.url if source is not None else ""
    existing = await repository.open_asset_for_source(session, shop_id, product_id, variant_id, source_id)
    if existing is not None and existing.status == "pending":
        defer_job(session, prep_job(existing.id))
        return existing, False
    if existing is not None and await repository.reopen_failed(
        session, existing.id, source_image_url=source_url, prompt_version=prep_prompt_version(), strategy=strategy
    ):
        await session.refresh(existing)
        defer_job(session, prep_job(existing.id))
        return existing, True
    asset = await repository.add_asset(
        session,
        shop_id=shop_id,
        product_id=product_id,
        variant_id=variant_id,
        source_image_id=source_id,
        source_image_url=source_url,
        status="pending",
        prep_strategy=strategy,
        prompt_version=prep_prompt_version(),
    )
    defer_job(session, prep_job(asset.id))
    return asset, True


async def prepare_catalogue_page(session: AsyncSession, shop_id: uuid.UUID, products: list[Product]) -> tuple[int, int]:
    """Queue every enabled product of one page that has no ready asset at the current prompt version.

    Returns (queued, skipped): skipped are enabled products already ready (or manual), already pending,
    or with no image. Products not enabled are neither. Refreshes the metafield cache of the whole page.
    """
    await repository.save_many_product_settings(session, shop_id, {p.id: cached_metafields(p) for p in products})
    enabled = [p for p in products if p.enabled]
    done = await repository.products_with_current_asset(
        session, shop_id, [p.id for p in enabled], prep_prompt_version()
    )
    queued = skipped = 0
    for product in enabled:
        source = SourceImage.of(product.image())
        if product.id in done or source is None:
            skipped += 1
            continue
        _, new = await request_prep(session, shop_id, product.id, None, source, strategy="batch")
        queued += new
        skipped += not new
    return queued, skipped
