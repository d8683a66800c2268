"""The products of the fake shops: adding one or a whole catalogue, reading and removing them."""

from __future__ import annotations

from tests.fakes.shopify.base import FakeShopifyBase
from tests.fakes.shopify.state import APP_METAFIELD_TYPES, FakeImage, FakeProduct, resolve_namespace


class Catalogue(FakeShopifyBase):
    def add_product(
        self,
        shop: str,
        product_id: int | str,
        title: str = "",
        *,
        images: list[str | FakeImage] | None = None,
        enabled: bool | None = None,
        default_asset_id: str | None = None,
        style_preset: str | None = None,
    ) -> FakeProduct:
        """A product of ``shop`` with media images (URLs or ``FakeImage``s) and our metafields."""
        number = str(product_id).rsplit("/", 1)[-1]
        media = []
        for index, image in enumerate(images or []):
            if isinstance(image, FakeImage):
                media.append(image)
            else:
                media.append(FakeImage(id=f"gid://shopify/MediaImage/{int(number) * 100 + index + 1}", url=image))
        product = FakeProduct(id=f"gid://shopify/Product/{number}", title=title or f"Product {number}", images=media)
        namespace = resolve_namespace("$app:see_it")
        for key, value in (
            ("enabled", enabled),
            ("default_asset_id", default_asset_id),
            ("style_preset", style_preset),
        ):
            if value is not None:
                text = ("true" if value else "false") if isinstance(value, bool) else str(value)
                product.metafields[(namespace, key)] = (APP_METAFIELD_TYPES[key], text)
        self.shop(shop).products[product.id] = product
        return product

    def add_catalogue(
        self, shop: str, count: int = 500, *, enabled_every: int = 3, first_id: int = 8000000001
    ) -> list[FakeProduct]:
        """``count`` products with one image each; every ``enabled_every``-th one has ``enabled`` = true."""
        return [
            self.add_product(
                shop,
                first_id + n,
                f"Catalogue product {n + 1}",
                images=[f"https://cdn.shopify.com/s/files/1/catalogue/{n + 1}.png"],
                enabled=(n % enabled_every == 0) if enabled_every else None,
            )
            for n in range(count)
        ]

    def product(self, shop: str, product_id: int | str) -> FakeProduct:
        return self.shop(shop).products[f"gid://shopify/Product/{str(product_id).rsplit('/', 1)[-1]}"]

    def remove_product(self, shop: str, product_id: int | str) -> None:
        self.shop(shop).products.pop(f"gid://shopify/Product/{str(product_id).rsplit('/', 1)[-1]}", None)
