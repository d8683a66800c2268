"""The demo shop and its sample products: what the demo's stand-in Shopify serves and its storefront shows
(``shop_setup`` cuts them out at the first start)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from seeit.assets import service as assets
from seeit.demo import pictures
from seeit.demo.storefront import STORE_PREFIX, StorefrontProduct
from seeit.resources import request_resources
from seeit.shops import service as shops

DEMO_SHOP = "see-it-demo.myshopify.com"
DEMO_SHOP_NAME = "Maison Demo"


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


async def demo_storefront_products(request: Request) -> list[StorefrontProduct]:
    """The sample products with their ``see_it.enabled`` as the demo's Shopify would answer: our cached
    settings (the demo has no Shopify), so a product switched off in the demo admin loses its button."""
    resources = request_resources(request)
    async with resources.sessionmaker() as session:
        shop_id = await shops.shop_id_for(session, DEMO_SHOP)
        enabled = await assets.cached_enabled_products(session, shop_id) if shop_id is not None else {}
    return [product.storefront(enabled.get(product.gid, False)) for product in DEMO_PRODUCTS]
