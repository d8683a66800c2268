"""The product's ``$app:see_it`` metafields: the merchant's settings, and the storefront's view of them.

Shopify holds the truth (merchants may edit the metafields in the Shopify admin too); ``product_settings``
is our cache of it, refreshed whenever we write or read the metafields (settings changes, prepare,
prepare-all, ``products/update``). ``GET /proxy/config`` reads the cache: asking Shopify on every
product-page view would be slow and spend the shop's API budget. A product the cache has never seen is read
from Shopify once (``settings_lookup``) and cached, so a product enabled in the Shopify admin shows its
button on the first view; when that read cannot be made now, the view answers ``enabled: false`` and a job
reads it for the next one.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.assets import repository, settings_lookup, shopify_products
from seeit.assets.jobs import refresh_settings_job
from seeit.assets.repository import SERVING
from seeit.assets.schemas import ProductSettingsIn, ProductSettingsOut, ProxyConfigOut
from seeit.assets.service import asset_for_render, asset_out, invalid_field, product_gid
from seeit.assets.shopify_products import cached_metafields
from seeit.audit.service import record_action
from seeit.errors import NotFound
from seeit.models import QUALITIES
from seeit.presets import service as presets
from seeit.queue import defer_job
from seeit.resources import Resources
from seeit.shopify.catalog import MetafieldKey
from seeit.shops.service import ShopContext


async def update_settings(
    session: AsyncSession, resources: Resources, shop: ShopContext, product_id: str, body: ProductSettingsIn
) -> ProductSettingsOut:
    """Write the given settings to Shopify (``null`` deletes a metafield) and to our cache."""
    gid = product_gid(product_id)
    given = body.model_fields_set
    values: dict[MetafieldKey, bool | str] = {}
    cleared: list[MetafieldKey] = []
    if "enabled" in given:
        if body.enabled is None:
            cleared.append("enabled")
        else:
            values["enabled"] = body.enabled
    if "default_asset_id" in given:
        if body.default_asset_id is None:
            cleared.append("default_asset_id")
        else:
            asset = await repository.get_asset(session, shop.id, body.default_asset_id)
            if asset is None or asset.product_id != gid:
                raise NotFound("No such asset for this product.")
            values["default_asset_id"] = str(body.default_asset_id)
    if "style_preset" in given:
        if body.style_preset is None:
            cleared.append("style_preset")
        elif body.style_preset not in await presets.preset_names(session, shop.id):
            raise invalid_field(["body", "style_preset"], "No such style preset.")
        else:
            values["style_preset"] = body.style_preset
    product = await shopify_products.read_product(resources, shop.shop_domain, gid)
    if product is None:
        raise NotFound("Shopify has no such product in this shop.")
    await shopify_products.write_metafields(resources, shop.shop_domain, gid, values, cleared)
    current: dict[str, Any] = cached_metafields(product)
    current.update({str(key): value for key, value in values.items()})
    for key in cleared:
        current[key] = False if key == "enabled" else None
    await repository.save_product_settings(session, shop.id, gid, current)
    record_action(
        session,
        shop.id,
        shop.actor,
        "product.settings",
        gid,
        {"set": {k: v for k, v in values.items()}, "cleared": list(cleared)},
    )
    return _settings_out(current)


def _settings_out(current: dict[str, Any]) -> ProductSettingsOut:
    default = current.get("default_asset_id")
    try:
        default_id = uuid.UUID(str(default)) if default else None
    except ValueError:
        default_id = None  # hand-edited in the Shopify admin to something that is not ours
    return ProductSettingsOut(
        enabled=bool(current.get("enabled")), default_asset_id=default_id, style_preset=current.get("style_preset")
    )


async def _enabled(session: AsyncSession, resources: Resources, shop: ShopContext, gid: str) -> bool:
    """The cached ``enabled`` of a product; a product never seen is read from Shopify once and cached.

    The cache is read on a connection of its own, returned before Shopify is asked: the request's session
    takes one only afterwards, so a burst of misses waiting on Shopify holds no database connections.
    """
    async with resources.sessionmaker() as lookup:
        cached = await repository.product_settings(lookup, shop.id, gid)
    if cached is not None:
        return bool(cached.enabled)
    recent = settings_lookup.remembered(shop.id, gid)
    if recent is not None:
        return recent.product is not None and recent.product.enabled
    found = await settings_lookup.look_up_product(resources, shop.id, shop.shop_domain, gid)
    if found.failed:
        defer_job(session, refresh_settings_job(shop.id, gid))
        return False
    if found.product is None:
        return False
    await repository.save_product_settings(session, shop.id, gid, cached_metafields(found.product))
    return found.product.enabled


async def proxy_config(
    session: AsyncSession, resources: Resources, shop: ShopContext, product_id: str
) -> ProxyConfigOut:
    """What the storefront needs to show the button: enabled, the asset to use, presets, qualities."""
    gid = product_gid(product_id, ("query", "product_id"))
    shop_id = shop.id
    enabled = await _enabled(session, resources, shop, gid)
    asset = await asset_for_render(session, shop_id, gid)
    return ProxyConfigOut(
        enabled=enabled,
        asset=asset_out(resources, asset) if asset is not None and asset.status in SERVING else None,
        style_presets=await presets.preset_names(session, shop_id),
        quality_levels=list(QUALITIES),
        room_max_side=resources.settings.room_max_side,
    )
