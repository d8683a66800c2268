"""The asset rules: prepare (one product, or as a fallback for a render), manual upload, listing, and which
asset a render or the storefront uses (``repository.asset_for_render_sql``: the rule, written once).

Which asset serves a product: the ``default_asset_id`` metafield when it names a ready or stale asset of
this shop, else the newest ready one, else the newest stale one. A stale asset is superseded when its
replacement becomes ready: it moves to ``orphaned`` then (see ``repository.retire_replaced``), so it never
serves again; older ready assets stay as history and are simply not chosen (the newest ready one is).
"""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.assets import repository
from seeit.assets.catalog import SourceImage
from seeit.assets.jobs import prep_job
from seeit.assets.repository import SERVING, AssetCursor
from seeit.assets.schemas import AssetOut, AssetPage
from seeit.errors import ValidationFailed
from seeit.imaging.prompts import PREP_PROMPT_VERSION
from seeit.models import ProductAsset
from seeit.queue import defer_job
from seeit.resources import Resources
from seeit.shopify.ids import InvalidShopifyId, numeric_id, to_gid

# A fallback prep asked for by a storefront render does not know the source image yet: the job looks it up.
UNRESOLVED_SOURCE = ""
MANUAL_SOURCE = "manual"


def prep_prompt_version() -> int:
    """The prep prompt version new assets are made with (the prompt registry's)."""
    return PREP_PROMPT_VERSION


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
    from seeit.assets import lifecycle  # the lifecycle is built on this module's rules

    return await lifecycle.product_changed(session, shop_id, product)


async def product_deleted(session: AsyncSession, shop_id: uuid.UUID, product_gid: str) -> int:
    """``products/delete``: every asset of the product is orphaned; how many."""
    from seeit.assets import lifecycle

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
