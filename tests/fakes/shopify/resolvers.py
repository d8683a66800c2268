"""The resolvers behind the Admin GraphQL fields the service uses: shop, products, media and metafields."""

from __future__ import annotations

from typing import Any

from tests.fakes.shopify.base import FakeShopifyBase
from tests.fakes.shopify.billing import Billing, BillingResolvers
from tests.fakes.shopify.pagination import CURSOR_LIMIT, connection
from tests.fakes.shopify.search import matches_search
from tests.fakes.shopify.state import (
    APP_METAFIELD_TYPES,
    KNOWN_TYPES,
    FakeImage,
    FakeProduct,
    FakeShop,
    resolve_namespace,
)


class Root:
    """Resolvers for the part of the Admin API the service uses; fields Shopify has but we do not are null."""

    def __init__(self, fake: FakeShopifyBase, shop: FakeShop) -> None:
        self.fake = fake
        self.shop = shop

    def fields(self) -> dict[str, Any]:
        assert isinstance(self.fake, Billing)  # FakeShopify is every part at once
        return {
            "shop": {"id": self.shop.gid, "name": self.shop.domain.split(".")[0], "myshopifyDomain": self.shop.domain},
            "product": lambda info, id: self._product(self.shop.products.get(id)),
            "products": self._products,
            "metafieldsSet": self._metafields_set,
            "metafieldsDelete": self._metafields_delete,
            **BillingResolvers(self.fake, self.shop).fields(),
        }

    def _metafields_delete(self, info: Any, metafields: list[dict[str, Any]]) -> dict[str, Any]:
        missing = [i for i, entry in enumerate(metafields) if entry["ownerId"] not in self.shop.products]
        if missing:
            errors = [{"field": ["metafields", str(i), "ownerId"], "message": "Owner does not exist."} for i in missing]
            return {"deletedMetafields": None, "userErrors": errors}
        deleted = []
        for entry in metafields:
            product = self.shop.products[entry["ownerId"]]
            key = (resolve_namespace(entry.get("namespace")), entry["key"])
            # Shopify lists a metafield that did not exist as null.
            deleted.append(
                {"key": entry["key"], "namespace": key[0], "ownerId": product.id}
                if product.metafields.pop(key, None)
                else None
            )
        return {"deletedMetafields": deleted, "userErrors": []}

    def _products(
        self,
        info: Any,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        query: str | None = None,
        **_: Any,
    ) -> dict[str, Any]:
        ordered = sorted(self.shop.products.values(), key=lambda p: int(p.id.rsplit("/", 1)[-1]))
        matching = [p for p in ordered if matches_search(p, query)]
        return connection(
            [n for p in matching[: CURSOR_LIMIT + 1] if (n := self._product(p)) is not None], first, after, last
        )

    @staticmethod
    def _media(image: FakeImage) -> dict[str, Any]:
        return {
            "__typename": "MediaImage",
            "id": image.id,
            "alt": image.alt,
            "mediaContentType": "IMAGE",
            "status": "READY",
            "image": {
                "url": image.url,
                "width": image.width,
                "height": image.height,
                "altText": image.alt,
                "id": image.id.replace("MediaImage", "ImageSource"),
            },
        }

    def _product(self, product: FakeProduct | None) -> dict[str, Any] | None:
        if product is None:
            return None
        media = [self._media(image) for image in product.images]

        def metafield(info: Any, key: str, namespace: str | None = None) -> dict[str, Any] | None:
            found = product.metafields.get((resolve_namespace(namespace), key))
            if found is None:
                return None
            return {
                "key": key,
                "namespace": resolve_namespace(namespace),
                "type": found[0],
                "value": found[1],
                "id": f"gid://shopify/Metafield/{abs(hash((product.id, key))) % 10**9}",
            }

        return {
            "id": product.id,
            "title": product.title,
            "handle": product.title.lower().replace(" ", "-"),
            "updatedAt": product.updated_at,
            "featuredMedia": media[0] if media else None,
            "media": lambda info, first=None, after=None, last=None, **_: connection(media, first, after, last),
            "metafield": metafield,
        }

    def _metafields_set(self, info: Any, metafields: list[dict[str, Any]]) -> dict[str, Any]:
        errors = self._metafield_errors(metafields)
        if errors:
            return {"metafields": None, "userErrors": errors}  # atomic: nothing is written
        written = []
        for entry in metafields:
            product = self.shop.products[entry["ownerId"]]
            namespace = resolve_namespace(entry.get("namespace"))
            kind = entry.get("type") or APP_METAFIELD_TYPES.get(entry["key"], "single_line_text_field")
            product.metafields[(namespace, entry["key"])] = (kind, entry["value"])
            written.append({"key": entry["key"], "namespace": namespace, "value": entry["value"], "type": kind})
        return {"metafields": written, "userErrors": []}

    def _metafield_errors(self, metafields: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if len(metafields) > 25:
            return [
                {
                    "field": ["metafields"],
                    "message": "Exceeded the maximum metafields input limit of 25.",
                    "code": "LESS_THAN_OR_EQUAL_TO",
                    "elementIndex": None,
                }
            ]
        errors = []
        for index, entry in enumerate(metafields):
            for name, message, code in self._entry_problems(entry):
                field_path = ["metafields", str(index), name]
                errors.append({"field": field_path, "message": message, "code": code, "elementIndex": index})
        return errors

    def _entry_problems(self, entry: dict[str, Any]) -> list[tuple[str, str, str]]:
        problems = []
        key, value, kind = entry.get("key", ""), entry.get("value"), entry.get("type")
        if entry.get("ownerId") not in self.shop.products:
            problems.append(("ownerId", "Owner does not exist.", "INVALID"))
        if not 2 <= len(key) <= 64:
            problems.append(("key", "Key must be between 2 and 64 characters.", "INVALID"))
        namespace = entry.get("namespace") or "$app"
        defined = APP_METAFIELD_TYPES.get(key) if namespace == "$app:see_it" else None
        if kind is None and defined is None:
            problems.append(("type", "Type can't be blank.", "BLANK"))
        elif kind is not None and kind not in KNOWN_TYPES:
            problems.append(("type", f"Type '{kind}' is not a valid type.", "INVALID_TYPE"))
        elif defined is not None and kind is not None and kind != defined:
            problems.append(("type", f"Type must be {defined} to match the definition.", "INVALID_TYPE"))
        effective = kind or defined
        if effective == "boolean" and value not in ("true", "false"):
            problems.append(("value", "Value must be true or false.", "INVALID_VALUE"))
        if effective == "single_line_text_field" and ("\n" in str(value) or not 0 < len(str(value)) <= 255):
            problems.append(("value", "Value must be a single line of text (1 to 255 characters).", "INVALID_VALUE"))
        return problems
