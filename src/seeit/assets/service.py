"""The asset rules: prepare (one product, or as a fallback for a render), manual upload, listing, and which
asset a render or the storefront uses (``repository.asset_for_render_sql``: the rule, written once).

Which asset serves a product: the ``default_asset_id`` metafield when it names a ready or stale asset of
this shop, else the newest ready one, else the newest stale one. A stale asset is superseded when its
replacement becomes ready: it moves to ``orphaned`` then (see ``repository.retire_replaced``), so it never
serves again; older ready assets stay as history and are simply not chosen (the newest ready one is).

The merchant's actions (prepare one product, prepare the catalogue, upload a cut-out) are recorded in the audit
trail in the same transaction as their effect. They read Shopify before their first query, so no database
connection is held while Shopify answers. How a preparation is queued is ``preparation``'s; how Shopify's product
changes move assets is ``lifecycle``'s.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.assets import lifecycle, repository, shopify_products
from seeit.assets.images import validate_cutout_upload
from seeit.assets.jobs import prepare_all_job
from seeit.assets.preparation import (
    CATALOGUE_PAGE,
    MANUAL_SOURCE,
    prep_prompt_version,
    prepare_catalogue_page,
    request_prep,
)
from seeit.assets.repository import SERVING, AssetCursor
from seeit.assets.schemas import AssetOut, AssetPage, PrepareAllOut, PrepareRequest
from seeit.assets.shopify_products import SourceImage, cached_metafields
from seeit.audit.service import record_action
from seeit.errors import NotFound, ValidationFailed
from seeit.models import ProductAsset
from seeit.queue import defer_job
from seeit.resources import Resources
from seeit.shopify.ids import InvalidShopifyId, numeric_id, to_gid
from seeit.shops.service import ShopContext
from seeit.storage import new_object_key
from seeit.stored_objects.service import expect_objects, settle_objects


def product_gid(value: str, loc: tuple[str, str] = ("path", "product_id")) -> str:
    """A numeric product id or GID → GID; anything else is a 422 naming the field."""
    try:
        return to_gid("Product", value)
    except InvalidShopifyId:
        raise invalid_field(list(loc), "Must be a numeric product id or a Product GID.") from None


def image_number(value: str | None) -> str | None:
    """The numeric id of an image named as a number or a MediaImage/ProductImage GID."""
    if value is None:
        return None
    for kind in ("MediaImage", "ProductImage"):
        try:
            return numeric_id(to_gid(kind, value))
        except InvalidShopifyId:
            continue
    raise invalid_field(["body", "source_image_id"], "Must be a numeric image id or a MediaImage GID.")


def variant_gid(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return to_gid("ProductVariant", value)
    except InvalidShopifyId:
        raise invalid_field(["body", "variant_id"], "Must be a numeric variant id or a ProductVariant GID.") from None


def invalid_field(loc: list[str], message: str) -> ValidationFailed:
    return ValidationFailed(details={"fields": [{"loc": loc, "message": message}]})


def asset_out(resources: Resources, asset: ProductAsset) -> AssetOut:
    """The API form of an asset: the stored key becomes a signed, expiring URL."""
    key = asset.prepared_image_url
    signed = (
        resources.storage.signed_url(
            key, expires_in=resources.settings.signed_url_ttl_seconds, content_type="image/png"
        )
        if key and asset.status in ("ready", "stale")
        else None
    )
    return AssetOut(
        id=asset.id,
        product_id=asset.product_id,
        variant_id=asset.variant_id,
        source_image_id=asset.source_image_id or None,
        source_image_url=asset.source_image_url or None,
        prepared_image_url=signed,
        status=asset.status,
        prep_strategy=asset.prep_strategy,
        prompt_version=asset.prompt_version,
        model_id=asset.model_id,
        confidence=asset.confidence,
        error_code=asset.error_code,
        error_message=asset.error_message,
        created_at=asset.created_at,
        updated_at=asset.updated_at,
    )


async def prepare_product(
    session: AsyncSession, resources: Resources, shop: ShopContext, product_id: str, body: PrepareRequest
) -> ProductAsset:
    """Queue the preparation of one product's featured image (or the image named in the body)."""
    gid = product_gid(product_id)
    variant = variant_gid(body.variant_id)
    wanted = image_number(body.source_image_id)
    product = await shopify_products.read_product(resources, shop.shop_domain, gid)
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


async def prepare_all(session: AsyncSession, resources: Resources, shop: ShopContext) -> PrepareAllOut:
    """Prepare the first page now and leave the rest of the catalogue to a worker job."""
    page = await shopify_products.enabled_product_page(resources, shop.shop_domain, first=CATALOGUE_PAGE, after=None)
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


async def queue_prepare_all(session: AsyncSession, shop_id: uuid.UUID, actor: str) -> None:
    """Queue the preparation of every enabled product of a shop, paged through by the worker from the start."""
    record_action(session, shop_id, actor, "asset.prepare_all", None, {"via": "cli"})
    defer_job(session, prepare_all_job(shop_id, None, actor))


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


async def asset_for_render(
    session: AsyncSession, shop_id: uuid.UUID, product_gid: str, variant_gid: str | None = None
) -> ProductAsset | None:
    """The asset a render of this product uses: the default (when ready or stale), else the newest ready,
    else the newest stale; when none serves, the newest pending one (a prep is already on its way); else None.
    One query, the same the accept statement embeds (``asset_for_render_sql``)."""
    return await repository.asset_for_render(session, shop_id, product_gid, variant_gid)


def asset_for_render_sql() -> str:
    """The rule of ``asset_for_render`` as SQL, for the storefront's one-statement accept path."""
    return repository.asset_for_render_sql()


async def queue_fallback_prep(
    session: AsyncSession, shop_id: uuid.UUID, product_gid: str, variant_gid: str | None = None
) -> ProductAsset:
    """Queue a ``fallback`` prep for a product a shopper asked to render with no asset that serves.

    No call to Shopify here (the storefront request stays fast): the job looks up the featured image.
    The job is sent after the caller's commit; a second call while it is pending reuses the same row.
    """
    asset, _ = await request_prep(session, shop_id, product_gid, variant_gid, None, strategy="fallback")
    return asset


def encode_cursor(asset: ProductAsset) -> str:
    raw = f"{asset.created_at.isoformat()}|{asset.id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> AssetCursor:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        created, _, asset_id = raw.partition("|")
        return AssetCursor(created_at=datetime.fromisoformat(created), id=uuid.UUID(asset_id))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise invalid_field(["query", "cursor"], "Not a cursor this service gave out.") from None


async def list_assets(
    session: AsyncSession,
    resources: Resources,
    shop_id: uuid.UUID,
    *,
    limit: int,
    product_id: str | None,
    status: str | None,
    cursor: str | None,
) -> AssetPage:
    rows = await repository.list_assets(
        session,
        shop_id,
        limit=limit,
        product_id=product_gid(product_id, ("query", "product_id")) if product_id else None,
        status=status,
        after=decode_cursor(cursor) if cursor else None,
    )
    page = rows[:limit]
    next_cursor = encode_cursor(page[-1]) if len(rows) > limit and page else None
    return AssetPage(items=[asset_out(resources, a) for a in page], next_cursor=next_cursor)


async def product_changed(session: AsyncSession, shop_id: uuid.UUID, product: dict[str, Any]) -> int:
    """``products/update`` (the REST product object): move the product's assets; how many moved."""
    return await lifecycle.product_changed(session, shop_id, product)


async def product_deleted(session: AsyncSession, shop_id: uuid.UUID, product_gid: str) -> int:
    """``products/delete``: every asset of the product is orphaned; how many."""
    return await lifecycle.product_deleted(session, shop_id, product_gid)


@dataclass(frozen=True)
class AssetForJob:
    """What a render job needs of its asset."""

    id: uuid.UUID
    status: str
    prepared_image_url: str | None

    @property
    def serving(self) -> bool:
        return self.status in SERVING


async def asset_for_job(session: AsyncSession, shop_id: uuid.UUID, asset_id: uuid.UUID | None) -> AssetForJob | None:
    """The shop's asset a render job was accepted with (None when it is gone)."""
    asset = await repository.get_asset(session, shop_id, asset_id) if asset_id is not None else None
    return AssetForJob(asset.id, asset.status, asset.prepared_image_url) if asset is not None else None


async def serving_asset_now(
    session: AsyncSession, shop_id: uuid.UUID, product_gid: str, variant_gid: str | None
) -> AssetForJob | None:
    """When a job's own asset can no longer serve (failed, orphaned, deleted), the one that would serve now."""
    asset = await asset_for_render(session, shop_id, product_gid, variant_gid)
    return AssetForJob(asset.id, asset.status, asset.prepared_image_url) if asset is not None else None


async def add_ready_asset(session: AsyncSession, **columns: Any) -> ProductAsset:
    """A ready asset prepared elsewhere (the local demo's sample products, cut out at its start)."""
    return await repository.add_asset(session, status="ready", **columns)


async def save_product_settings(
    session: AsyncSession, shop_id: uuid.UUID, product_gid: str, values: dict[str, Any]
) -> None:
    """Cache the product's ``$app:see_it`` settings (only the keys in ``values`` change)."""
    await repository.save_product_settings(session, shop_id, product_gid, values)


async def products_with_serving_asset(session: AsyncSession, shop_id: uuid.UUID, product_gids: list[str]) -> set[str]:
    """Of ``product_gids``, those with a ready or stale asset."""
    return await repository.products_with_status(session, shop_id, product_gids, SERVING)


async def cached_enabled_products(session: AsyncSession, shop_id: uuid.UUID) -> dict[str, bool]:
    """Product GID → the cached ``see_it.enabled`` of every product of the shop that has settings."""
    return await repository.cached_enabled(session, shop_id)
