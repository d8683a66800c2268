"""A shop's Shopify products as the assets domain reads and writes them, on top of the adapter's typed
Admin API calls (``seeit.shopify.catalog``): one product with its images and our metafields, a page of the
catalogue (or of its enabled products) with the cursor a worker resumes from, the metafields set and
cleared; and ``SourceImage``, the product photo an asset is prepared from.

The products' ``$app:see_it`` metafields are cached in ``product_settings`` whenever the assets domain
reads or writes them, so the storefront's ``/proxy/config`` never waits on Shopify.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from seeit.resources import Resources
from seeit.shopify import documents
from seeit.shopify.admin_api import raise_for_user_errors
from seeit.shopify.catalog import (
    MetafieldKey,
    Product,
    ProductImage,
    fetch_product,
    product_from,
    set_product_metafields,
)
from seeit.shops.service import admin_api


@dataclass(frozen=True)
class SourceImage:
    """The Shopify photo an asset is prepared from: its MediaImage GID and its CDN URL."""

    id: str
    url: str

    @classmethod
    def of(cls, image: ProductImage | None) -> SourceImage | None:
        return cls(id=image.id, url=image.url) if image is not None else None


@dataclass(frozen=True)
class ProductPage:
    products: list[Product]
    end_cursor: str | None
    has_next_page: bool


def cached_metafields(product: Product) -> dict[str, Any]:
    """The product's metafields as ``product_settings`` columns."""
    return {
        "enabled": product.enabled,
        "default_asset_id": product.default_asset_id,
        "style_preset": product.style_preset,
    }


async def read_product(resources: Resources, shop_domain: str, product_gid: str) -> Product | None:
    """The product with its images and our metafields, or None when Shopify has no such product."""
    return await fetch_product(admin_api(resources, shop_domain), product_gid)


async def catalogue_page(resources: Resources, shop_domain: str, *, first: int, after: str | None) -> ProductPage:
    """One page of the whole catalogue (featured image and metafields of each product), for the merchant to
    browse, and Shopify's cursor of the next page."""
    data = await admin_api(resources, shop_domain).execute(documents.PRODUCTS_PAGE, {"first": first, "after": after})
    connection = data.get("products") or {}
    info = connection.get("pageInfo") or {}
    return ProductPage(
        products=[product_from(node) for node in connection.get("nodes") or []],
        end_cursor=info.get("endCursor"),
        has_next_page=bool(info.get("hasNextPage")),
    )


async def enabled_product_page(resources: Resources, shop_domain: str, *, first: int, after: str | None) -> ProductPage:
    """One page of the enabled products (featured image and metafields of each) with an id above ``after``
    (a product number; None: from the start), and the product number the next page starts after."""
    query = documents.enabled_products_after(int(after) if after else None)
    data = await admin_api(resources, shop_domain).execute(documents.PRODUCTS_PAGE, {"first": first, "query": query})
    connection = data.get("products") or {}
    info = connection.get("pageInfo") or {}
    products = [product_from(node) for node in connection.get("nodes") or []]
    return ProductPage(
        products=products,
        end_cursor=products[-1].id.rsplit("/", 1)[-1] if products else None,
        has_next_page=bool(info.get("hasNextPage")),
    )


async def write_metafields(
    resources: Resources,
    shop_domain: str,
    product_gid: str,
    values: Mapping[MetafieldKey, bool | str],
    cleared: list[MetafieldKey],
) -> None:
    """Set ``values`` and delete the ``cleared`` keys; ``userErrors`` raise ``ShopifyUserErrors`` (422)."""
    api = admin_api(resources, shop_domain)
    if values:
        await set_product_metafields(api, product_gid, values)
    if cleared:
        identifiers = [
            {"ownerId": product_gid, "namespace": documents.METAFIELD_NAMESPACE, "key": key} for key in cleared
        ]
        data = await api.execute(documents.METAFIELDS_DELETE, {"metafields": identifiers})
        raise_for_user_errors(data.get("metafieldsDelete"))
