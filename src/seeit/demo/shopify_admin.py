"""A stand-in for the demo shop's Admin GraphQL API, so the embedded admin works under ``seeit dev`` with no
Shopify store behind it.

It answers the documents of ``seeit.shopify.documents`` that the merchant's side sends (the shop, product
listing pages, one product with its media, ``metafieldsSet``/``metafieldsDelete``) for the sample products
only, parsed and executed by graphql-core against the small slice of Shopify's schema declared below. The
``$app:see_it`` metafields are kept in Redis (shared by the API and worker processes; a row lock in Postgres
could be held by the very request that calls us). Images point at the demo's own pictures.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import cache
from typing import Any

import graphql
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from redis.asyncio import Redis

from seeit.demo.sample_products import DEMO_PRODUCTS, DEMO_SHOP, DEMO_SHOP_NAME, DemoProduct
from seeit.resources import ResourcesDep
from seeit.shopify.documents import METAFIELD_NAMESPACE

PATH = "/demo/shopify/{shop}/admin/api/{version}/graphql.json"
UPDATED_AT = "2026-01-01T00:00:00Z"
METAFIELD_TYPES = {
    "enabled": "boolean",
    "default_asset_id": "single_line_text_field",
    "style_preset": "single_line_text_field",
}
# The exact part of the Admin API schema the service's documents use (their names and types as Shopify's).
SCHEMA = """
schema { query: QueryRoot mutation: Mutation }
type QueryRoot {
  shop: Shop!
  product(id: ID!): Product
  products(first: Int, after: String, sortKey: ProductSortKeys, query: String): ProductConnection!
  currentAppInstallation: AppInstallation!
}
type Mutation {
  metafieldsSet(metafields: [MetafieldsSetInput!]!): MetafieldsSetPayload
  metafieldsDelete(metafields: [MetafieldIdentifierInput!]!): MetafieldsDeletePayload
}
enum ProductSortKeys { ID }
enum MediaContentType { IMAGE }
enum MetafieldsSetUserErrorCode { INVALID }
scalar DateTime
scalar URL
type Shop { id: ID! name: String! myshopifyDomain: String! }
type Product {
  id: ID!
  title: String!
  handle: String!
  updatedAt: DateTime!
  featuredMedia: Media
  media(first: Int): MediaConnection!
  metafield(namespace: String, key: String!): Metafield
}
interface Media { id: ID! mediaContentType: MediaContentType! }
type MediaImage implements Media { id: ID! mediaContentType: MediaContentType! image: Image }
type Image { url: URL! width: Int height: Int altText: String }
type MediaConnection { nodes: [Media!]! }
type ProductConnection { nodes: [Product!]! pageInfo: PageInfo! }
type PageInfo { hasNextPage: Boolean! endCursor: String }
type Metafield { key: String! namespace: String! value: String! type: String! }
input MetafieldsSetInput {
  ownerId: ID! namespace: String key: String! value: String! type: String compareDigest: String
}
input MetafieldIdentifierInput { ownerId: ID! namespace: String! key: String! }
type MetafieldsSetPayload { metafields: [Metafield!] userErrors: [MetafieldsSetUserError!]! }
type MetafieldsSetUserError { field: [String!] message: String! code: MetafieldsSetUserErrorCode elementIndex: Int }
type MetafieldsDeletePayload { deletedMetafields: [MetafieldIdentifier] userErrors: [UserError!]! }
type MetafieldIdentifier { key: String! namespace: String! ownerId: ID! }
type UserError { field: [String!] message: String! }
type AppInstallation { activeSubscriptions: [AppSubscription!]! }
type AppSubscription {
  id: ID! name: String! status: AppSubscriptionStatus! test: Boolean! trialDays: Int! createdAt: DateTime!
  currentPeriodEnd: DateTime lineItems: [AppSubscriptionLineItem!]!
}
enum AppSubscriptionStatus { ACTIVE }
type AppSubscriptionLineItem { plan: AppPlanV2! }
type AppPlanV2 { pricingDetails: AppPricingDetails! }
union AppPricingDetails = AppRecurringPricing | AppUsagePricing
type AppRecurringPricing { interval: AppPricingInterval! planHandle: String price: MoneyV2! }
type AppUsagePricing { terms: String! }
enum AppPricingInterval { EVERY_30_DAYS }
type MoneyV2 { amount: Decimal! currencyCode: CurrencyCode! }
scalar Decimal
enum CurrencyCode { USD }
"""


@cache
def schema() -> graphql.GraphQLSchema:
    built = graphql.build_schema(SCHEMA)
    media = built.get_type("Media")
    assert isinstance(media, graphql.GraphQLInterfaceType)
    media.resolve_type = lambda value, info, type_: "MediaImage"
    return built


def demo_access_token(api_secret: str) -> str:
    """The demo shop's offline token: derived from the app's secret, so it is not guessable from outside."""
    return "shpat_demo_" + hmac.new(api_secret.encode(), b"see-it demo access token", hashlib.sha256).hexdigest()[:32]


def _redis_key(product_gid: str) -> str:
    return f"seeit:demo:metafields:{product_gid}"


class DemoAdmin:
    """One request's resolvers; metafield values are read ahead (graphql-core resolves synchronously here)."""

    def __init__(self, public_url: str, metafields: dict[str, dict[str, str]]) -> None:
        self.public_url = public_url.rstrip("/")
        self.metafields = metafields  # product GID → key → value
        self.writes: dict[str, dict[str, str | None]] = {}  # applied to Redis after the document ran

    def root(self) -> dict[str, Any]:
        return {
            "shop": {"id": "gid://shopify/Shop/9001", "name": DEMO_SHOP_NAME, "myshopifyDomain": DEMO_SHOP},
            "product": lambda info, id: self._product(_by_gid().get(id)),
            "products": self._products,
            "metafieldsSet": self._metafields_set,
            "metafieldsDelete": self._metafields_delete,
            # The demo shop pays for nothing: the admin's Plans page reads no subscription, as on a new install.
            "currentAppInstallation": {"activeSubscriptions": []},
        }

    def _products(
        self, info: Any, first: int | None = None, after: str | None = None, query: str | None = None, **_: Any
    ) -> dict[str, Any]:
        matching = [product for product in DEMO_PRODUCTS if self._matches(product, query)]
        start = int(after) if after and after.isdigit() else 0
        end = start + max(first or 0, 0)
        page = matching[start:end]
        return {
            "nodes": [self._product(product) for product in page],
            "pageInfo": {"hasNextPage": end < len(matching), "endCursor": str(end) if page else None},
        }

    def _matches(self, product: DemoProduct, query: str | None) -> bool:
        """The search terms the service sends: the enabled metafield and ``id:>N`` (prepare-all), and
        ``id:N OR id:M`` (the titles of the admin's top products)."""
        number = int(product.gid.rsplit("/", 1)[-1])
        for term in (query or "").split(" AND "):
            term = term.strip()
            if term.endswith(".enabled:true") and self.metafields.get(product.gid, {}).get("enabled") != "true":
                return False
            if term.startswith("id:>") and number <= int(term.removeprefix("id:>")):
                return False
            ids = [alt.strip().removeprefix("id:") for alt in term.split(" OR ") if alt.strip().startswith("id:")]
            if ids and all(i.isdigit() for i in ids) and str(number) not in ids:
                return False
        return True

    def _product(self, product: DemoProduct | None) -> dict[str, Any] | None:
        if product is None:
            return None
        media = {
            "id": f"gid://shopify/MediaImage/{product.id}",
            "mediaContentType": "IMAGE",
            "image": {"url": self.public_url + product.image_path, "width": 1200, "height": 1200, "altText": None},
        }
        values = self.metafields.get(product.gid, {})

        def metafield(info: Any, key: str, namespace: str | None = None) -> dict[str, Any] | None:
            if namespace != METAFIELD_NAMESPACE or key not in values:
                return None
            return {"key": key, "namespace": namespace, "value": values[key], "type": METAFIELD_TYPES[key]}

        return {
            "id": product.gid,
            "title": product.title,
            "handle": product.handle,
            "updatedAt": UPDATED_AT,
            "featuredMedia": media,
            "media": lambda info, first=None: {"nodes": [media][: max(first or 0, 0)]},
            "metafield": metafield,
        }

    def _metafields_set(self, info: Any, metafields: list[dict[str, Any]]) -> dict[str, Any]:
        errors = [
            {"field": ["metafields", str(index), name], "message": message, "code": "INVALID", "elementIndex": index}
            for index, entry in enumerate(metafields)
            for name, message in _problems(entry)
        ]
        if errors:
            return {"metafields": None, "userErrors": errors}  # atomic, as Shopify's: nothing is written
        for entry in metafields:
            self.writes.setdefault(entry["ownerId"], {})[entry["key"]] = entry["value"]
        written = [
            {"key": e["key"], "namespace": METAFIELD_NAMESPACE, "value": e["value"], "type": METAFIELD_TYPES[e["key"]]}
            for e in metafields
        ]
        return {"metafields": written, "userErrors": []}

    def _metafields_delete(self, info: Any, metafields: list[dict[str, Any]]) -> dict[str, Any]:
        unknown = [i for i, entry in enumerate(metafields) if entry["ownerId"] not in _by_gid()]
        if unknown:
            errors = [{"field": ["metafields", str(i), "ownerId"], "message": "Owner does not exist."} for i in unknown]
            return {"deletedMetafields": None, "userErrors": errors}
        deleted: list[dict[str, Any] | None] = []
        for entry in metafields:
            existed = entry["namespace"] == METAFIELD_NAMESPACE and entry["key"] in self.metafields.get(
                entry["ownerId"], {}
            )
            if existed:
                self.writes.setdefault(entry["ownerId"], {})[entry["key"]] = None
            # Shopify lists a metafield that did not exist as null.
            deleted.append(
                {"key": entry["key"], "namespace": entry["namespace"], "ownerId": entry["ownerId"]} if existed else None
            )
        return {"deletedMetafields": deleted, "userErrors": []}


def _problems(entry: dict[str, Any]) -> list[tuple[str, str]]:
    key, kind, value = entry["key"], entry.get("type"), entry["value"]
    if entry["ownerId"] not in _by_gid():
        return [("ownerId", "Owner does not exist.")]
    if (entry.get("namespace") or "$app") != METAFIELD_NAMESPACE or key not in METAFIELD_TYPES:
        return [("key", "The demo store keeps only See It's own metafields.")]
    if kind is not None and kind != METAFIELD_TYPES[key]:
        return [("type", f"Type must be {METAFIELD_TYPES[key]} to match the definition.")]
    if METAFIELD_TYPES[key] == "boolean" and value not in ("true", "false"):
        return [("value", "Value must be true or false.")]
    if METAFIELD_TYPES[key] == "single_line_text_field" and ("\n" in value or not 0 < len(value) <= 255):
        return [("value", "Value must be a single line of text (1 to 255 characters).")]
    return []


@cache
def _by_gid() -> dict[str, DemoProduct]:
    return {product.gid: product for product in DEMO_PRODUCTS}


async def seed_metafields(redis: Redis, enabled: dict[str, bool]) -> None:
    """Give each product its ``enabled`` metafield unless it has one (the demo's first start, or Redis wiped)."""
    for gid, value in enabled.items():
        await redis.hsetnx(_redis_key(gid), "enabled", "true" if value else "false")  # type: ignore[misc]


async def _load_metafields(redis: Redis) -> dict[str, dict[str, str]]:
    loaded = {}
    for product in DEMO_PRODUCTS:
        stored = await redis.hgetall(_redis_key(product.gid))  # type: ignore[misc]
        loaded[product.gid] = {_text(k): _text(v) for k, v in stored.items()}
    return loaded


async def _save_metafields(redis: Redis, writes: dict[str, dict[str, str | None]]) -> None:
    for gid, values in writes.items():
        removed = [key for key, value in values.items() if value is None]
        kept = {key: value for key, value in values.items() if value is not None}
        if removed:
            await redis.hdel(_redis_key(gid), *removed)  # type: ignore[misc]
        if kept:
            await redis.hset(_redis_key(gid), mapping=kept)  # type: ignore[misc]


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


router = APIRouter(include_in_schema=False)


@router.post(PATH)
async def graphql_endpoint(shop: str, version: str, request: Request, resources: ResourcesDep) -> JSONResponse:
    settings = resources.settings
    if shop != DEMO_SHOP or version != settings.shopify_api_version:
        return JSONResponse({"errors": "Not Found"}, status_code=404)
    token = request.headers.get("x-shopify-access-token", "")
    if not hmac.compare_digest(token, demo_access_token(settings.shopify_api_secret)):
        return JSONResponse({"errors": "[API] Invalid API key or access token"}, status_code=401)
    body = await request.json()
    if (
        not isinstance(body, dict)
        or not isinstance(body.get("query"), str)
        or not isinstance(body.get("variables") or {}, dict)
    ):
        return JSONResponse({"errors": {"query": "Required parameter missing or invalid"}}, status_code=400)
    try:
        document = graphql.parse(body["query"])
    except graphql.GraphQLError as exc:
        return JSONResponse({"errors": [{"message": exc.message}]})
    invalid = graphql.validate(schema(), document)
    if invalid:
        return JSONResponse({"errors": [{"message": error.message} for error in invalid]})
    admin = DemoAdmin(settings.public_url, await _load_metafields(resources.arq))
    result = graphql.execute_sync(
        schema(), document, root_value=admin.root(), variable_values=body.get("variables") or {}
    )
    if not result.errors:
        await _save_metafields(resources.arq, admin.writes)
    answer: dict[str, Any] = {"data": result.data}
    if result.errors:
        answer["errors"] = [{"message": error.message, "path": error.path} for error in result.errors]
    return JSONResponse(answer)
