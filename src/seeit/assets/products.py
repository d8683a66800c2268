"""The catalogue as the embedded admin shows it: a page of Shopify products, each with its See It state.

Shopify holds the products; each row adds what we know: the asset being worked on (pending, or failed with
its reason), the asset renders use, and the product's ``$app:see_it`` settings. Reading a page refreshes
the settings cache of its products, as prepare-all does.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.assets import repository, shopify_products
from seeit.assets.schemas import CataloguePage, CatalogueProduct, ProductSettingsOut
from seeit.assets.service import asset_out, invalid_field
from seeit.assets.shopify_products import cached_metafields
from seeit.models import ProductAsset
from seeit.resources import Resources
from seeit.shopify.catalog import Product
from seeit.shopify.errors import ShopifyGraphQLError
from seeit.shopify.ids import numeric_id
from seeit.shops.service import ShopContext

# Statuses that say what happened last to a product's cut-out (orphaned ones are history).
_CURRENT = ("pending", "ready", "failed", "stale")


async def catalogue_page(
    session: AsyncSession, resources: Resources, shop: ShopContext, *, limit: int, cursor: str | None
) -> CataloguePage:
    try:
        page = await shopify_products.catalogue_page(resources, shop.shop_domain, first=limit, after=cursor)
    except ShopifyGraphQLError:
        if cursor is None:
            raise
        # Shopify's cursors are opaque; one it refuses is the client's, not Shopify's failure.
        raise invalid_field(["query", "cursor"], "Not a cursor this catalogue gave out.") from None
    ids = [p.id for p in page.products]
    await repository.save_many_product_settings(session, shop.id, {p.id: cached_metafields(p) for p in page.products})
    latest = await repository.newest_assets_of_products(session, shop.id, ids, _CURRENT)
    # What renders use, by the one rule (the cached default asset was just refreshed from this page).
    serving = await repository.serving_assets_of_products(session, shop.id, ids)
    return CataloguePage(
        items=[_row(resources, p, latest.get(p.id), serving.get(p.id)) for p in page.products],
        next_cursor=page.end_cursor if page.has_next_page else None,
    )


def _row(
    resources: Resources, product: Product, latest: ProductAsset | None, serving: ProductAsset | None
) -> CatalogueProduct:
    image = product.image()
    is_default = serving is not None and str(serving.id) == product.default_asset_id
    return CatalogueProduct(
        id=numeric_id(product.id),
        gid=product.id,
        title=product.title,
        image_url=image.url if image is not None else None,
        status=latest.status if latest is not None else "none",
        asset=asset_out(resources, latest) if latest is not None else None,
        serving_asset=asset_out(resources, serving) if serving is not None else None,
        settings=ProductSettingsOut(
            enabled=product.enabled,
            default_asset_id=serving.id if serving is not None and is_default else None,
            style_preset=product.style_preset,
        ),
    )
