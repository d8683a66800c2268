"""Typed reads and writes of a shop's catalogue through the Admin API: products, their images, our metafields."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from seeit.shopify import documents
from seeit.shopify.admin_api import AdminApi, raise_for_user_errors
from seeit.shopify.documents import METAFIELD_NAMESPACE
from seeit.shopify.ids import numeric_id

# Shopify allows at most 25 metafields per metafieldsSet call.
METAFIELDS_PER_CALL = 25
PRODUCTS_PER_PAGE = 100
MEDIA_PER_PRODUCT = 50

MetafieldKey = Literal["enabled", "default_asset_id", "style_preset"]
METAFIELD_TYPES: dict[MetafieldKey, str] = {
    "enabled": "boolean",
    "default_asset_id": "single_line_text_field",
    "style_preset": "single_line_text_field",
}


@dataclass(frozen=True)
class ProductImage:
    id: str  # GID of the MediaImage
    url: str
    width: int | None
    height: int | None
    alt: str | None


@dataclass(frozen=True)
class Product:
    id: str  # GID
    title: str
    handle: str | None
    updated_at: str | None
    featured_image: ProductImage | None
    images: tuple[ProductImage, ...]  # the product's media images in order (only from ``fetch_product``)
    enabled: bool
    default_asset_id: str | None
    style_preset: str | None

    def image(self, media_id: str | None = None) -> ProductImage | None:
        """The image ``media_id`` names, or the featured (first) image when none is named."""
        if media_id is None:
            return self.featured_image or (self.images[0] if self.images else None)
        return next((img for img in self.images if img.id == media_id), None)


def _image(node: Mapping[str, Any] | None) -> ProductImage | None:
    if not node or not node.get("image"):
        return None
    image = node["image"]
    return ProductImage(
        id=str(node["id"]),
        url=str(image["url"]),
        width=image.get("width"),
        height=image.get("height"),
        alt=image.get("altText"),
    )


def _metafield_value(node: Mapping[str, Any], alias: str) -> str | None:
    field = node.get(alias)
    return str(field["value"]) if field and field.get("value") is not None else None


def product_from(node: Mapping[str, Any]) -> Product:
    media = (node.get("media") or {}).get("nodes") or []
    images = tuple(img for img in (_image(m) for m in media) if img is not None)
    return Product(
        id=str(node["id"]),
        title=str(node.get("title") or ""),
        handle=node.get("handle"),
        updated_at=node.get("updatedAt"),
        featured_image=_image(node.get("featuredMedia")),
        images=images,
        enabled=_metafield_value(node, "enabled") == "true",
        default_asset_id=_metafield_value(node, "defaultAssetId"),
        style_preset=_metafield_value(node, "stylePreset"),
    )


async def fetch_shop_gid(api: AdminApi) -> str:
    data = await api.execute(documents.SHOP)
    return str(data["shop"]["id"])


async def fetch_product(api: AdminApi, product_gid: str) -> Product | None:
    """One product with its featured image, its media images and our metafields; None if it does not exist."""
    data = await api.execute(documents.PRODUCT, {"id": product_gid, "mediaCount": MEDIA_PER_PRODUCT})
    node = data.get("product")
    return product_from(node) if node else None


async def fetch_product_titles(api: AdminApi, product_gids: Sequence[str]) -> dict[str, str]:
    """The titles of these products (at most 100) by GID; a product Shopify no longer has is left out."""
    if not product_gids:
        return {}
    query = " OR ".join(f"id:{numeric_id(gid)}" for gid in product_gids[:PRODUCTS_PER_PAGE])
    data = await api.execute(
        documents.PRODUCT_TITLES, {"first": min(len(product_gids), PRODUCTS_PER_PAGE), "query": query}
    )
    return {str(node["id"]): str(node["title"]) for node in (data.get("products") or {}).get("nodes") or []}


async def iter_products(api: AdminApi, *, page_size: int = PRODUCTS_PER_PAGE) -> AsyncIterator[list[Product]]:
    """Every product of the shop, a page at a time (featured image and metafields; no media list)."""
    after: str | None = None
    while True:
        data = await api.execute(documents.PRODUCTS_PAGE, {"first": page_size, "after": after})
        connection = data["products"]
        yield [product_from(node) for node in connection["nodes"]]
        page = connection["pageInfo"]
        if not page["hasNextPage"] or not page.get("endCursor"):
            return
        after = str(page["endCursor"])


async def iter_enabled_products(api: AdminApi, *, page_size: int = PRODUCTS_PER_PAGE) -> AsyncIterator[Product]:
    """The products whose ``$app:see_it.enabled`` metafield is true, across all pages."""
    async for page in iter_products(api, page_size=page_size):
        for product in page:
            if product.enabled:
                yield product


def metafield_value(key: MetafieldKey, value: bool | str) -> str:
    if key == "enabled":
        return "true" if value is True or value == "true" else "false"
    return str(value)


async def set_product_metafields(
    api: AdminApi, product_gid: str, values: Mapping[MetafieldKey, bool | str]
) -> list[dict[str, Any]]:
    """Write our metafields on a product with ``metafieldsSet``; ``ShopifyUserErrors`` when refused."""
    inputs = [
        {
            "ownerId": product_gid,
            "namespace": METAFIELD_NAMESPACE,
            "key": key,
            "type": METAFIELD_TYPES[key],
            "value": metafield_value(key, value),
        }
        for key, value in values.items()
    ]
    written: list[dict[str, Any]] = []
    for start in range(0, len(inputs), METAFIELDS_PER_CALL):
        data = await api.execute(documents.METAFIELDS_SET, {"metafields": inputs[start : start + METAFIELDS_PER_CALL]})
        payload = data.get("metafieldsSet") or {}
        raise_for_user_errors(payload)
        written.extend(payload.get("metafields") or [])
    return written
