"""How Shopify's product changes move assets: the webhook handlers call these.

Contract: status moves are conditional updates; a stale asset keeps serving renders until its
replacement is ready; an orphaned one never serves again.

``products/update`` (the REST product object), per prepared asset of the product:
- its source image is no longer on the product (deleted) → ``orphaned`` at once; when that leaves the
  product with nothing to serve and it still has a featured image, a preparation of that image is queued;
- its source image is still there but its file changed (the URL's path differs; the ``?v=`` query alone
  changes on unrelated edits and is ignored) → ``stale``, and a re-preparation from the new file is queued.
Images are matched on the numeric id, so a ``MediaImage`` GID (what the GraphQL API and our rows hold)
matches the same image listed under ``media[]`` or ``images[]``. A payload with neither list (trimmed
by ``include_fields``) tells us nothing about images and moves nothing.
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.assets import repository
from seeit.assets.jobs import refresh_settings_job
from seeit.assets.preparation import MANUAL_SOURCE, UNRESOLVED_SOURCE, prep_prompt_version, request_prep
from seeit.assets.shopify_products import SourceImage
from seeit.queue import defer_job
from seeit.shopify.ids import InvalidShopifyId, numeric_id, to_gid

METAFIELD_KEYS = ("enabled", "default_asset_id", "style_preset")
_ALIVE = ("pending", "ready", "failed", "stale")


def _numeric(value: object) -> str | None:
    try:
        return numeric_id(str(value))
    except InvalidShopifyId:
        return None


def _current_images(product: dict[str, Any]) -> dict[str, str] | None:
    """numeric image id → its URL, from ``media[]`` and ``images[]``; None when the payload lists neither."""
    media, images = product.get("media"), product.get("images")
    if not isinstance(media, list) and not isinstance(images, list):
        return None
    found: dict[str, str] = {}
    for item in media if isinstance(media, list) else []:
        if isinstance(item, dict):
            number = _numeric(item.get("admin_graphql_api_id") or item.get("id"))
            preview = item.get("preview_image") if isinstance(item.get("preview_image"), dict) else {}
            if number:
                found[number] = str((preview or {}).get("src") or "")
    for item in images if isinstance(images, list) else []:
        if isinstance(item, dict):
            number = _numeric(item.get("admin_graphql_api_id") or item.get("id"))
            if number and not found.get(number):
                found[number] = str(item.get("src") or "")
    return found


def _featured(product: dict[str, Any]) -> SourceImage | None:
    """The product's first image (what Shopify features), as a MediaImage when the payload names one."""
    for item in product.get("media") or []:
        if isinstance(item, dict) and str(item.get("admin_graphql_api_id", "")).startswith("gid://shopify/MediaImage/"):
            src = (item.get("preview_image") or {}).get("src")
            if src:
                return SourceImage(id=item["admin_graphql_api_id"], url=str(src))
    image = product.get("image")
    if isinstance(image, dict) and image.get("src") and _numeric(image.get("id")):
        return SourceImage(id=to_gid("MediaImage", str(_numeric(image["id"]))), url=str(image["src"]))
    return None


def _same_file(old: str, new: str) -> bool:
    if not new:
        return True  # no URL in the payload: nothing to compare
    a, b = urlsplit(old), urlsplit(new)
    return (a.netloc.lower(), a.path) == (b.netloc.lower(), b.path)


def _product_gid(product: dict[str, Any]) -> str | None:
    for value in (product.get("admin_graphql_api_id"), product.get("id")):
        if value is not None:
            try:
                return to_gid("Product", str(value))
            except InvalidShopifyId:
                continue
    return None


async def product_changed(session: AsyncSession, shop_id: uuid.UUID, product: dict[str, Any]) -> int:
    """Handle a ``products/update`` payload (the REST product object); returns how many assets moved."""
    gid = _product_gid(product)
    if gid is None:
        return 0
    await _cache_metafields(session, shop_id, gid, product)
    current = _current_images(product)
    if current is None:
        return 0
    moved = 0
    orphaned_serving = False
    for asset in await repository.product_assets(session, shop_id, gid, _ALIVE):
        if asset.prep_strategy == "manual" or asset.source_image_id in (MANUAL_SOURCE, UNRESOLVED_SOURCE):
            continue
        number = _numeric(asset.source_image_id)
        was_serving = asset.status in repository.SERVING  # read before the move refreshes the object
        if number is None or number not in current:
            gone = await repository.move_status(session, [asset.id], from_statuses=_ALIVE, to="orphaned")
            moved += len(gone)
            orphaned_serving |= bool(gone) and was_serving
        elif (
            asset.status == "ready"
            and not _same_file(asset.source_image_url, current[number])
            and await repository.move_status(session, [asset.id], from_statuses=("ready",), to="stale")
        ):
            moved += 1
            source = SourceImage(id=asset.source_image_id, url=current[number])
            strategy = _restrategy(asset.prep_strategy)
            await request_prep(session, shop_id, gid, asset.variant_id, source, strategy=strategy)
    if orphaned_serving and not await _serves(session, shop_id, gid):
        featured = _featured(product)
        if featured is not None:
            await request_prep(session, shop_id, gid, None, featured, strategy="batch")
    return moved


def _restrategy(strategy: str) -> str:
    return "fallback" if strategy == "fallback" else "batch"


async def product_deleted(session: AsyncSession, shop_id: uuid.UUID, product_gid: str) -> int:
    """Handle ``products/delete``: every asset of the product becomes ``orphaned``; returns how many."""
    assets = await repository.product_assets(session, shop_id, product_gid, _ALIVE)
    moved = await repository.move_status(session, [a.id for a in assets], from_statuses=_ALIVE, to="orphaned")
    await repository.save_product_settings(session, shop_id, product_gid, {"enabled": False, "default_asset_id": None})
    return len(moved)


async def mark_outdated_assets(session: AsyncSession, shop_id: uuid.UUID | None = None) -> int:
    """After the prep prompt version is raised: ready assets prepared with an older one → ``stale``, each
    with a re-preparation queued (sent after the caller's commit). Manual uploads are the merchant's own
    and stay ready. Returns how many became stale."""
    stale = await repository.mark_outdated_stale(session, prep_prompt_version(), shop_id)
    for asset in stale:
        source = SourceImage(id=asset.source_image_id, url=asset.source_image_url)
        await request_prep(
            session,
            asset.shop_id,
            asset.product_id,
            asset.variant_id,
            source,
            strategy=_restrategy(asset.prep_strategy),
        )
    return len(stale)


async def _cache_metafields(session: AsyncSession, shop_id: uuid.UUID, gid: str, product: dict[str, Any]) -> None:
    """A payload that carries our metafields (when the subscription asks for them) refreshes the cache; one
    that does not (the subscription's ``include_fields`` leave them out) has a cached product read again by a
    job, since the merchant may have changed them in the Shopify admin."""
    values: dict[str, Any] = {}
    for field in product.get("metafields") or []:
        if not isinstance(field, dict) or not str(field.get("namespace", "")).endswith("see_it"):
            continue
        key, value = field.get("key"), field.get("value")
        if key == "enabled":
            values["enabled"] = str(value).lower() == "true"
        elif key in ("default_asset_id", "style_preset"):
            values[str(key)] = str(value) if value else None
    if values:
        await repository.save_product_settings(session, shop_id, gid, values)
    elif await repository.product_settings(session, shop_id, gid) is not None:
        defer_job(session, refresh_settings_job(shop_id, gid))


async def _serves(session: AsyncSession, shop_id: uuid.UUID, gid: str) -> bool:
    """Whether an asset of the product (no variant) still serves renders."""
    asset = await repository.asset_for_render(session, shop_id, gid)
    return asset is not None and asset.status in repository.SERVING
