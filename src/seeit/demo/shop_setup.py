"""The demo shop's set-up at start: its row and token, and its sample products, whose studio photos are cut out
by the local image model as a merchant's ``prepare`` would, so the storefront's button works from the first
visit."""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.assets import service as assets
from seeit.db import transaction
from seeit.demo.sample_products import DEMO_PRODUCTS, DEMO_SHOP, DemoProduct
from seeit.demo.shopify_admin import demo_access_token, seed_metafields
from seeit.imaging import LocalImageModel, current_prompt
from seeit.imaging.pool import PixelPool
from seeit.resources import Resources
from seeit.shops import service as shops
from seeit.storage import new_object_key

log = logging.getLogger(__name__)


async def prepare_demo_shop(
    resources: Resources, shop_domain: str = DEMO_SHOP, products: list[DemoProduct] = DEMO_PRODUCTS
) -> None:
    """Create the demo shop and cut out each sample product that has no ready cut-out yet (idempotent)."""
    model = LocalImageModel(pool=PixelPool(0), model_dir=resources.settings.model_dir)
    prompt = current_prompt("prep")
    try:
        async with transaction(resources) as session:
            await _lock_demo_setup(session)
            token = shops.cipher_for(resources).encrypt(
                demo_access_token(resources.settings.shopify_api_secret), context=f"{shop_domain}:access_token"
            )
            shop_id = await shops.ensure_shop(
                session, shop_domain, access_token=token, plan="pro", daily_quota=1000, monthly_quota=20000
            )
            ready = await assets.products_with_serving_asset(session, shop_id, [p.gid for p in products])
            for product in products:
                if product.gid in ready:
                    continue
                log.info("demo: cutting out %s", product.title)
                cutout = await model.prepare_product(product.photo(), prompt=prompt)
                key = new_object_key(f"shops/{shop_id}/assets", ".png")
                await resources.storage.put(key, cutout.png, "image/png")
                await assets.add_ready_asset(
                    session,
                    shop_id=shop_id,
                    product_id=product.gid,
                    source_image_id=f"gid://shopify/MediaImage/{product.id}",
                    source_image_url=f"{resources.settings.public_url.rstrip('/')}{product.image_path}",
                    prepared_image_url=key,
                    prep_strategy="batch",
                    prompt_id=prompt.prompt_id,
                    prompt_version=prompt.version,
                    model_id=model.model_id,
                    confidence=cutout.confidence,
                )
                await assets.save_product_settings(session, shop_id, product.gid, {"enabled": True})
            # The stand-in Admin API starts with the metafields our settings cache says it has.
            await seed_metafields(resources.arq, await assets.cached_enabled_products(session, shop_id))
    finally:
        await model.aclose()


async def _lock_demo_setup(session: AsyncSession) -> None:
    """Serialise demo set-ups (several API processes may start at once) until this transaction ends."""
    await session.execute(text("SELECT pg_advisory_xact_lock(hashtext('seeit-demo-setup'))"))
