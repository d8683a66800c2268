"""The demo shop and its sample products. At first start their studio photos are cut out by the local image
model, as a merchant's ``prepare`` would, so the storefront's button works from the first visit."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from fastapi import Request
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.assets import service as assets
from seeit.db import transaction
from seeit.demo import pictures
from seeit.demo.storefront import STORE_PREFIX, StorefrontProduct
from seeit.imaging import LocalImageModel, current_prompt
from seeit.imaging.pool import PixelPool
from seeit.resources import Resources, request_resources
from seeit.shops import service as shops
from seeit.storage import new_object_key

DEMO_SHOP = "see-it-demo.myshopify.com"
DEMO_SHOP_NAME = "Maison Demo"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoProduct:
    id: int
    handle: str
    title: str
    price: str
    description: str

    @property
    def gid(self) -> str:
        return f"gid://shopify/Product/{self.id}"

    @property
    def variant_id(self) -> int:
        return self.id + 1000

    @property
    def image_path(self) -> str:
        return f"{STORE_PREFIX}/images/{self.handle}.jpg"

    def photo(self) -> bytes:
        return pictures.PRODUCT_PHOTOS[self.handle]()

    def storefront(self, enabled: bool | None) -> StorefrontProduct:
        return StorefrontProduct(
            id=self.id,
            variant_id=self.variant_id,
            handle=self.handle,
            title=self.title,
            price=self.price,
            description=self.description,
            image_url=self.image_path,
            see_it_enabled=enabled,
        )


DEMO_PRODUCTS = [
    DemoProduct(9001001, "armchair", "Ochre lounge armchair", "€ 489.00", "Deep seat, mustard bouclé, oak legs."),
    DemoProduct(9001002, "floor-lamp", "Brass floor lamp", "€ 219.00", "Linen shade on a slender brass stem."),
    DemoProduct(9001003, "plant", "Pilea in terracotta", "€ 39.00", "A friendly pancake plant, pot included."),
]


async def prepare_demo_shop(
    resources: Resources, shop_domain: str = DEMO_SHOP, products: list[DemoProduct] = DEMO_PRODUCTS
) -> None:
    """Create the demo shop and cut out each sample product that has no ready cut-out yet (idempotent)."""
    from seeit.demo.shopify_admin import demo_access_token, seed_metafields  # it serves these products

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


async def demo_storefront_products(request: Request) -> list[StorefrontProduct]:
    """The sample products with their ``see_it.enabled`` as the demo's Shopify would answer: our cached
    settings (the demo has no Shopify), so a product switched off in the demo admin loses its button."""
    resources = request_resources(request)
    async with resources.sessionmaker() as session:
        shop_id = await shops.shop_id_for(session, DEMO_SHOP)
        enabled = await assets.cached_enabled_products(session, shop_id) if shop_id is not None else {}
    return [product.storefront(enabled.get(product.gid, False)) for product in DEMO_PRODUCTS]
