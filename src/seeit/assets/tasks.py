"""The assets domain's arq jobs: prepare one asset, page through a catalogue, refresh cached settings.

Every job is idempotent: the prep job works only on a ``pending`` row and finishes with a conditional
``pending → ready`` that also counts the prep render, in one transaction, so a job run twice stores at
most one result and counts one render. The Shopify read, the download and the model run with no
database transaction open.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import timedelta
from typing import Any

from arq import Retry
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.assets import repository, shopify_products
from seeit.assets.images import SourceImageInvalid, check_source_image
from seeit.assets.jobs import (
    MAX_PREP_TRIES,
    MAX_PREPARE_ALL_TRIES,
    PREPARE_ALL_PRODUCTS,
    PREPARE_ASSET,
    REFRESH_PRODUCT_SETTINGS,
    prep_job,
)
from seeit.assets.preparation import CATALOGUE_PAGE, UNRESOLVED_SOURCE, prepare_catalogue_page
from seeit.assets.shopify_products import SourceImage, cached_metafields
from seeit.assets.source_images import SourceImageError, download_source_image
from seeit.audit.service import record_action
from seeit.db import transaction, utcnow
from seeit.imaging.errors import ImagingError
from seeit.imaging.interface import ImageModel
from seeit.imaging.prompts import current_prompt
from seeit.metrics import record_job
from seeit.models import ProductAsset
from seeit.queue import JobFailed, resend_if_missing
from seeit.resources import Resources
from seeit.shopify.errors import ShopifyError
from seeit.shops.service import installed_shop_record
from seeit.storage import StorageError, new_object_key
from seeit.stored_objects.service import discard_objects, expect_objects, settle_objects
from seeit.usage.service import count_prep_render

log = logging.getLogger(__name__)

RETRY_BASE_SECONDS = 5.0


def _retry_delay(ctx: dict[str, Any]) -> float:
    # Tests put a short base in the worker's ctx; production backs off 5 s, 10 s, 20 s.
    base = float(ctx.get("prep_retry_base_seconds", RETRY_BASE_SECONDS))
    return float(base * 2 ** (int(ctx.get("job_try", 1)) - 1))


@PREPARE_ASSET.runs
async def prepare_asset(ctx: dict[str, Any], asset_id: str) -> str:
    """Download the source photo, cut the product out, store the PNG, and mark the asset ready."""
    resources: Resources = ctx["resources"]
    model: ImageModel = ctx["image_model"]  # opened by the worker's start-up
    row_id = uuid.UUID(asset_id)
    async with transaction(resources) as session:
        asset = await repository.pending_asset(session, row_id)
        shop = await installed_shop_record(session, asset.shop_id) if asset is not None else None
    if asset is None:
        return "not_pending"
    try:
        if shop is None:
            raise JobFailed("shop_not_installed", "The shop is no longer installed.")
        source = await _source_of(resources, shop.shop_domain, asset)
        key, confidence = await _prepare(resources, model, asset, source)
    except JobFailed as exc:
        if exc.retryable and int(ctx.get("job_try", 1)) < MAX_PREP_TRIES:
            log.info("prep of %s failed (%s); retrying", asset_id, exc.code)
            raise Retry(defer=_retry_delay(ctx)) from exc
        async with transaction(resources) as session:
            await repository.mark_failed(session, row_id, code=exc.code, message=str(exc))
        await record_job(resources.arq, "prep", "failed")
        return "failed"
    async with transaction(resources) as session:
        ready = await _finish(session, model, asset, source, key, confidence)
    if ready is None:
        await discard_objects(resources, [key])  # another run finished first; keep only its result
        return "not_pending"
    await record_job(resources.arq, "prep", "completed")
    return "ready"


async def _source_of(resources: Resources, shop_domain: str, asset: ProductAsset) -> SourceImage:
    """The asset's source photo; a fallback prep looks up the product's featured image now."""
    if asset.source_image_id != UNRESOLVED_SOURCE:
        return SourceImage(id=asset.source_image_id, url=asset.source_image_url)
    try:
        product = await shopify_products.read_product(resources, shop_domain, asset.product_id)
    except ShopifyError as exc:
        raise JobFailed("shopify_unavailable", exc.detail_message, retryable=exc.retryable) from exc
    source = SourceImage.of(product.image()) if product is not None else None
    if source is None:
        raise JobFailed("source_image_unavailable", "The product has no image in Shopify to prepare.")
    return source


async def _prepare(
    resources: Resources, model: ImageModel, asset: ProductAsset, source: SourceImage
) -> tuple[str, float]:
    """Download, check, cut out and store; returns the stored PNG's key and the model's confidence."""
    settings = resources.settings
    try:
        data = await download_source_image(
            resources.http,
            source.url,
            allowed_hosts=settings.image_fetch_allowed_hosts,
            max_bytes=settings.max_upload_bytes,
            allow_plain_http=settings.image_fetch_allow_plain_http,
        )
        await asyncio.to_thread(check_source_image, data, max_pixels=settings.max_image_pixels)
        prepared = await model.prepare_product(data, prompt=current_prompt("prep"))
    except SourceImageError as exc:
        raise JobFailed(exc.code, str(exc), retryable=exc.retryable) from exc
    except SourceImageInvalid as exc:
        raise JobFailed(exc.code, str(exc)) from exc
    except ImagingError as exc:
        raise JobFailed(exc.code, exc.message, retryable=exc.retryable) from exc
    key = new_object_key(f"shops/{asset.shop_id}/assets", ".png")
    await expect_objects(resources, [key])
    try:
        await resources.storage.put(key, prepared.png, "image/png")
    except StorageError as exc:
        raise JobFailed("internal_error", "The prepared image could not be stored.", retryable=True) from exc
    return key, prepared.confidence


async def _finish(
    session: AsyncSession,
    model: ImageModel,
    asset: ProductAsset,
    source: SourceImage,
    key: str,
    confidence: float,
) -> ProductAsset | None:
    """pending → ready, count the prep render and retire the stale assets this one replaces; all or nothing."""
    prompt = current_prompt("prep")
    if source.id != asset.source_image_id:
        await repository.resolve_source(session, asset.id, source_image_id=source.id, source_image_url=source.url)
    ready = await repository.mark_ready(
        session,
        asset.id,
        prepared_key=key,
        model_id=model.model_id,
        prompt_id=prompt.prompt_id,
        prompt_version=prompt.version,
        confidence=confidence,
    )
    if ready is None:
        return None
    await settle_objects(session, [key])
    await count_prep_render(session, ready.shop_id)
    await repository.retire_replaced(session, ready)
    return ready


@PREPARE_ALL_PRODUCTS.runs
async def prepare_all_products(
    ctx: dict[str, Any], shop_id: str, after: str | None, actor: str | None = None
) -> dict[str, int]:
    """Page through a shop's catalogue from ``after`` (None: the start), preparing each enabled product.

    Each page commits on its own (its prep jobs are sent after that commit). A retry starts again from
    ``after``: pages already done find their products pending or ready and queue nothing twice.
    """
    resources: Resources = ctx["resources"]
    owner = uuid.UUID(shop_id)
    async with transaction(resources) as session:
        shop = await installed_shop_record(session, owner)
    if shop is None:
        return {"queued": 0, "skipped": 0, "pages": 0}
    queued = skipped = pages = 0
    cursor = after
    try:
        while True:
            page = await shopify_products.enabled_product_page(
                resources, shop.shop_domain, first=CATALOGUE_PAGE, after=cursor
            )
            async with transaction(resources) as session:
                q, s = await prepare_catalogue_page(session, owner, page.products)
            queued, skipped, pages = queued + q, skipped + s, pages + 1
            if not page.has_next_page or page.end_cursor is None:
                break
            cursor = page.end_cursor
    except ShopifyError as exc:
        if exc.retryable and int(ctx.get("job_try", 1)) < MAX_PREPARE_ALL_TRIES:
            raise Retry(defer=_retry_delay(ctx)) from exc
        await record_job(resources.arq, "prepare_all", "failed")
        raise
    async with transaction(resources) as session:
        record_action(
            session,
            owner,
            actor,
            "asset.prepare_all.finished",
            None,
            {"queued": queued, "skipped": skipped, "pages": pages, "finished_at": utcnow().isoformat()},
        )
    await record_job(resources.arq, "prepare_all", "completed")
    return {"queued": queued, "skipped": skipped, "pages": pages}


@REFRESH_PRODUCT_SETTINGS.runs
async def refresh_product_settings(ctx: dict[str, Any], shop_id: str, product_id: str) -> bool:
    """Read one product's metafields from Shopify into the cache (the storefront asked about it)."""
    resources: Resources = ctx["resources"]
    owner = uuid.UUID(shop_id)
    async with transaction(resources) as session:
        shop = await installed_shop_record(session, owner)
    if shop is None:
        return False
    product = await shopify_products.read_product(resources, shop.shop_domain, product_id)
    values = cached_metafields(product) if product is not None else {"enabled": False}
    async with transaction(resources) as session:
        await repository.save_product_settings(session, owner, product_id, values)
    return product is not None


# A pending asset this old may have lost its job: Redis forgot the queue, or the job met the database down
# and failed. Sending it again is safe at any age (arq refuses a job whose id it still holds, queued,
# deferred or running), so the sweep runs often: a shopper's render may be waiting for that cut-out.
STALLED_PREP_AFTER = timedelta(seconds=30)


async def resend_stalled_preps(ctx: dict[str, Any]) -> int:
    """Cron: send again the prep jobs of assets left ``pending``; arq drops the ones still queued or running."""
    resources: Resources = ctx["resources"]
    async with resources.sessionmaker() as session:
        stalled = await repository.stalled_pending_assets(session, older_than=utcnow() - STALLED_PREP_AFTER)
    sent = 0
    for asset_id in stalled:
        sent += await resend_if_missing(resources.arq, prep_job(asset_id))
    if sent:
        log.warning("re-sent %d stalled prep jobs", sent)
    return sent
