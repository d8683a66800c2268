"""The merchant's asset actions: prepare one product, prepare the catalogue, upload a cut-out.

Each is recorded in the audit trail in the same transaction as its effect. Shopify is read before the
first query, so no database connection is held while Shopify answers.
"""

from __future__ import annotations

import asyncio
import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.assets import catalog, repository
from seeit.assets.catalog import SourceImage, cached_metafields
from seeit.assets.images import validate_cutout_upload
from seeit.assets.jobs import prepare_all_job
from seeit.assets.schemas import PrepareAllOut, PrepareRequest
from seeit.assets.service import (
    MANUAL_SOURCE,
    image_number,
    prep_prompt_version,
    product_gid,
    request_prep,
    variant_gid,
)
from seeit.audit.service import record_action
from seeit.errors import NotFound
from seeit.models import ProductAsset
from seeit.queue import defer_job
from seeit.resources import Resources
from seeit.shopify.catalog import Product
from seeit.shops.service import ShopContext
from seeit.storage import new_object_key
from seeit.stored_objects.service import expect_objects, settle_objects

# Products per GraphQL page: the request answers after the first page, the worker pages through the rest.
CATALOGUE_PAGE = 50


async def prepare_product(
    session: AsyncSession, resources: Resources, shop: ShopContext, product_id: str, body: PrepareRequest
) -> ProductAsset:
    """Queue the preparation of one product's featured image (or the image named in the body)."""
    gid = product_gid(product_id)
    variant = variant_gid(body.variant_id)
    wanted = image_number(body.source_image_id)
    product = await catalog.read_product(resources, shop.shop_domain, gid)
    if product is None:
        raise NotFound("Shopify has no such product in this shop.")
    source = SourceImage.of(product.image(f"gid://shopify/MediaImage/{wanted}" if wanted else None))
    if source is None:
        message = "The product has no such image." if wanted else "The product has no image to prepare."
        raise NotFound(message)
    await repository.save_product_settings(session, shop.id, gid, cached_metafields(product))
    asset, queued = await request_prep(session, shop.id, gid, variant, source, strategy="batch")
    record_action(
        session,
        shop.id,
        shop.actor,
        "asset.prepare",
        gid,
        {"asset_id": str(asset.id), "source_image_id": source.id, "queued": queued},
    )
    return asset


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


async def prepare_all(session: AsyncSession, resources: Resources, shop: ShopContext) -> PrepareAllOut:
    """Prepare the first page now and leave the rest of the catalogue to a worker job."""
    page = await catalog.enabled_product_page(resources, shop.shop_domain, first=CATALOGUE_PAGE, after=None)
    queued, skipped = await prepare_catalogue_page(session, shop.id, page.products)
    more = page.has_next_page and page.end_cursor is not None
    if more and page.end_cursor is not None:
        defer_job(session, prepare_all_job(shop.id, page.end_cursor, shop.actor))
    record_action(
        session,
        shop.id,
        shop.actor,
        "asset.prepare_all",
        None,
        {"queued": queued, "skipped": skipped, "complete": not more},
    )
    return PrepareAllOut(queued=queued, skipped=skipped, complete=not more)


async def upload_cutout(
    session: AsyncSession, resources: Resources, shop: ShopContext, product_id: str, data: bytes
) -> ProductAsset:
    """Store the merchant's own transparent PNG as a ready ``manual`` asset of the product."""
    gid = product_gid(product_id)
    settings = resources.settings
    cutout = await asyncio.to_thread(
        validate_cutout_upload, data, max_bytes=settings.max_upload_bytes, max_pixels=settings.max_image_pixels
    )
    key = new_object_key(f"shops/{shop.id}/assets", ".png")
    await expect_objects(resources, [key])
    await resources.storage.put(key, cutout.png, "image/png")
    await settle_objects(session, [key])
    asset = await repository.add_asset(
        session,
        shop_id=shop.id,
        product_id=gid,
        variant_id=None,
        source_image_id=MANUAL_SOURCE,
        source_image_url="",
        prepared_image_url=key,
        status="ready",
        prep_strategy="manual",
        prompt_version=prep_prompt_version(),
        confidence=1.0,
    )
    await repository.retire_replaced(session, asset)
    record_action(
        session,
        shop.id,
        shop.actor,
        "asset.upload",
        gid,
        {"asset_id": str(asset.id), "width": cutout.width, "height": cutout.height, "bytes": len(cutout.png)},
    )
    return asset


async def queue_prepare_all(session: AsyncSession, shop_id: uuid.UUID, actor: str) -> None:
    """Queue the preparation of every enabled product of a shop, paged through by the worker from the start."""
    record_action(session, shop_id, actor, "asset.prepare_all", None, {"via": "cli"})
    defer_job(session, prepare_all_job(shop_id, None, actor))
