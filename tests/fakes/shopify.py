"""A fake Shopify for tests: the token endpoint and the Admin GraphQL API, strict like the real one.

It refuses what Shopify refuses (wrong client credentials, bad session tokens, unknown or spent codes and
refresh tokens, missing or expired access tokens, GraphQL documents that do not validate against the real
2026-04 Admin schema, metafield values of the wrong type) and records every request it gets.

Serve it to the app with ``install_fake_shopify`` (the ``fake_shopify`` fixture in ``tests/conftest.py``):
``settings.shopify_admin_base`` is ``http://shopify.test/{shop}``, so the fake serves ``/{shop}/admin/...``.

Typical use::

    fake_shopify.add_product("demo.myshopify.com", 1001, "Lamp", images=["https://cdn.shopify.com/a.png"], enabled=True)
    fake_shopify.add_catalogue("demo.myshopify.com", 500)          # 500 products, every 3rd enabled
    fake_shopify.throttle_next("demo.myshopify.com", times=2)      # next 2 GraphQL calls answer THROTTLED
    fake_shopify.fail_next("demo.myshopify.com", status=503)       # next GraphQL call answers 503
    token = fake_shopify.grant_token("demo.myshopify.com")         # an access token, as if installed
"""

from __future__ import annotations

import asyncio
import base64
import gzip
import json
import secrets
import time
from collections.abc import Awaitable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import graphql
import httpx
import jwt
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from seeit.resources import Resources

SCHEMA_PATH = Path("/work/shared/shopify-schema/admin_2026-04.json.gz")
TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange"
APP_ID = "7654321"
APP_NAMESPACE_PREFIX = f"app--{APP_ID}--"
# The metafield definitions shopify.app.toml declares: key → type.
APP_METAFIELD_TYPES = {
    "enabled": "boolean",
    "default_asset_id": "single_line_text_field",
    "style_preset": "single_line_text_field",
}
KNOWN_TYPES = {"boolean", "single_line_text_field", "multi_line_text_field", "number_integer", "json"}


@lru_cache(maxsize=1)
def admin_schema() -> graphql.GraphQLSchema:
    """The real Admin API schema (introspection from Shopify), as graphql-core objects."""
    with gzip.open(SCHEMA_PATH) as raw:
        return graphql.build_client_schema(json.load(raw)["data"])


def document_errors(document: str) -> list[str]:
    """Why ``document`` would be refused by Shopify's schema; empty when it validates."""
    try:
        parsed = graphql.parse(document)
    except graphql.GraphQLError as exc:
        return [exc.message]
    return [error.message for error in graphql.validate(admin_schema(), parsed)]


def resolve_namespace(namespace: str | None) -> str:
    """``$app:see_it`` → ``app--<app id>--see_it``, as Shopify resolves app-reserved namespaces."""
    namespace = namespace or "$app"
    if namespace.startswith("$app:"):
        return APP_NAMESPACE_PREFIX + namespace.removeprefix("$app:")
    if namespace == "$app":
        return APP_NAMESPACE_PREFIX.rstrip("-")
    return namespace


@dataclass
class FakeImage:
    id: str  # gid://shopify/MediaImage/N
    url: str
    width: int = 1200
    height: int = 1200
    alt: str | None = None


@dataclass
class FakeProduct:
    id: str  # gid://shopify/Product/N
    title: str
    images: list[FakeImage] = field(default_factory=list)
    # (resolved namespace, key) → (type, value)
    metafields: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    updated_at: str = "2026-11-24T10:00:00Z"

    def app_metafield(self, key: str) -> str | None:
        found = self.metafields.get((resolve_namespace("$app:see_it"), key))
        return found[1] if found else None


@dataclass
class FakeShop:
    domain: str
    gid: str
    products: dict[str, FakeProduct] = field(default_factory=dict)
    access_tokens: dict[str, float] = field(default_factory=dict)  # token → expiry (epoch seconds)
    refresh_tokens: dict[str, float] = field(default_factory=dict)  # unspent token → expiry
    spent_refresh_tokens: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)
    throttles: int = 0
    failures: list[int] = field(default_factory=list)


@dataclass
class RecordedRequest:
    kind: str  # "token" or "graphql"
    shop: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    status: int = 0
    outcome: str = ""  # what the fake made of it: "issued", "invalid_subject_token", "THROTTLED", ...

    @property
    def grant(self) -> str:
        if self.body.get("grant_type") == "refresh_token":
            return "refresh"
        if self.body.get("grant_type") == TOKEN_EXCHANGE_GRANT:
            return "token_exchange"
        return "code" if "code" in self.body else str(self.body.get("grant_type", ""))

    @property
    def query(self) -> str:
        return str(self.body.get("query", ""))


class FakeShopify:
    def __init__(
        self,
        *,
        api_key: str,
        api_secret: str,
        api_versions: tuple[str, ...] = ("2026-04",),
        scopes: str = "read_products,write_products,write_app_proxy",
    ) -> None:
        self.api_key = api_key
        self.api_secret = api_secret
        self.api_versions = api_versions
        self.scopes = scopes
        self.access_token_lifetime = 3600
        self.refresh_token_lifetime = 90 * 24 * 3600
        self.token_delay = 0.0  # seconds the token endpoint takes, to widen race windows
        self.shops: dict[str, FakeShop] = {}
        self.requests: list[RecordedRequest] = []
        self.app = Starlette(
            routes=[
                Route("/{shop}/admin/oauth/access_token", self._token_endpoint, methods=["POST"]),
                Route("/{shop}/admin/api/{version}/graphql.json", self._graphql_endpoint, methods=["POST"]),
                # As Shopify itself serves them (the shop is the host), for clients that build https://{shop}/...
                Route("/admin/oauth/access_token", self._token_endpoint, methods=["POST"]),
                Route("/admin/api/{version}/graphql.json", self._graphql_endpoint, methods=["POST"]),
            ]
        )

    # --- configuring the shops ---------------------------------------------------------------------------

    def shop(self, domain: str) -> FakeShop:
        if domain not in self.shops:
            self.shops[domain] = FakeShop(domain=domain, gid=f"gid://shopify/Shop/{60000000 + len(self.shops) + 1}")
        return self.shops[domain]

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

    def issue_code(self, shop: str) -> str:
        """An authorization code Shopify would put on the OAuth callback; single-use."""
        code = secrets.token_hex(16)
        self.shop(shop).codes.add(code)
        return code

    def grant_token(self, shop: str, *, lifetime: int | None = None) -> str:
        """An access token valid for ``shop`` (as if the app were installed)."""
        return self._issue(self.shop(shop), expiring=True, lifetime=lifetime)["access_token"]

    def expire_access_tokens(self, shop: str) -> None:
        for token in self.shop(shop).access_tokens:
            self.shop(shop).access_tokens[token] = 0.0

    def revoke(self, shop: str) -> None:
        """Every token of the shop stops working, as after an uninstall."""
        state = self.shop(shop)
        state.access_tokens.clear()
        state.spent_refresh_tokens.update(state.refresh_tokens)
        state.refresh_tokens.clear()

    def throttle_next(self, shop: str, times: int = 1) -> None:
        self.shop(shop).throttles += times

    def fail_next(self, shop: str, status: int = 503, times: int = 1) -> None:
        self.shop(shop).failures.extend([status] * times)

    # --- what was received -------------------------------------------------------------------------------

    def token_requests(self, grant: str | None = None, shop: str | None = None) -> list[RecordedRequest]:
        return [
            r
            for r in self.requests
            if r.kind == "token" and (grant is None or r.grant == grant) and (shop is None or r.shop == shop)
        ]

    def graphql_requests(self, shop: str | None = None) -> list[RecordedRequest]:
        return [r for r in self.requests if r.kind == "graphql" and (shop is None or r.shop == shop)]

    # --- HTTP ----------------------------------------------------------------------------------------------

    def client(self) -> httpx.AsyncClient:
        """An HTTP client whose requests to any host reach this fake."""
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), timeout=20.0)

    async def _record(self, request: Request, kind: str) -> RecordedRequest:
        raw = await request.body()
        content_type = request.headers.get("content-type", "")
        body: dict[str, Any]
        try:
            if "application/json" in content_type:
                parsed = json.loads(raw or b"{}")
                body = parsed if isinstance(parsed, dict) else {"_": parsed}
            else:
                body = dict(parse_qsl(raw.decode()))
        except ValueError:
            body = {"_unparseable": raw.decode(errors="replace")}
        recorded = RecordedRequest(
            kind=kind,
            shop=request.path_params.get("shop") or request.url.hostname or "",
            path=request.url.path,
            headers={k.lower(): v for k, v in request.headers.items()},
            body=body,
        )
        self.requests.append(recorded)
        return recorded

    @staticmethod
    def _answer(recorded: RecordedRequest, status: int, body: Any, outcome: str) -> JSONResponse:
        recorded.status = status
        recorded.outcome = outcome
        return JSONResponse(body, status_code=status)

    async def _token_endpoint(self, request: Request) -> Response:
        recorded = await self._record(request, "token")
        if self.token_delay:
            await asyncio.sleep(self.token_delay)
        body = recorded.body
        shop = self.shop(recorded.shop)
        if body.get("client_id") != self.api_key or body.get("client_secret") != self.api_secret:
            return self._answer(
                recorded,
                401,
                {"error": "invalid_client", "error_description": "Client credentials are invalid"},
                "invalid_client",
            )
        expiring = str(body.get("expiring", "0")) == "1"
        grant = recorded.grant
        if grant == "token_exchange":
            if (
                body.get("subject_token_type") != "urn:ietf:params:oauth:token-type:id_token"
                or body.get("requested_token_type") != "urn:shopify:params:oauth:token-type:offline-access-token"
            ):
                return self._answer(recorded, 400, {"error": "invalid_request"}, "invalid_request")
            if not self._session_token_valid(str(body.get("subject_token", "")), shop.domain):
                return self._answer(
                    recorded,
                    400,
                    {"error": "invalid_subject_token", "error_description": "Token is invalid"},
                    "invalid_subject_token",
                )
            return self._answer(recorded, 200, self._issue(shop, expiring=expiring), "issued")
        if grant == "code":
            code = str(body.get("code", ""))
            if code not in shop.codes:
                return self._answer(
                    recorded,
                    400,
                    {
                        "error": "invalid_request",
                        "error_description": "The authorization code was not found or was already used",
                    },
                    "invalid_code",
                )
            shop.codes.discard(code)
            return self._answer(recorded, 200, self._issue(shop, expiring=expiring), "issued")
        if grant == "refresh":
            token = str(body.get("refresh_token", ""))
            expires = shop.refresh_tokens.pop(token, None)
            if expires is None or expires < time.time():
                reason = "spent_refresh_token" if token in shop.spent_refresh_tokens else "unknown_refresh_token"
                return self._answer(
                    recorded, 400, {"error": "invalid_grant", "error_description": "refresh token is invalid"}, reason
                )
            # Shopify rotates: the refresh token just used never works again.
            shop.spent_refresh_tokens.add(token)
            return self._answer(recorded, 200, self._issue(shop, expiring=True), "issued")
        return self._answer(recorded, 400, {"error": "unsupported_grant_type"}, "unsupported_grant_type")

    def _session_token_valid(self, token: str, shop_domain: str) -> bool:
        try:
            claims = jwt.decode(
                token,
                self.api_secret,
                algorithms=["HS256"],
                audience=self.api_key,
                leeway=10,
                options={"require": ["exp", "nbf", "iss", "dest", "aud"]},
            )
        except jwt.PyJWTError:
            return False
        return urlsplit(str(claims["dest"])).hostname == shop_domain and claims["iss"] == f"https://{shop_domain}/admin"

    def _issue(self, shop: FakeShop, *, expiring: bool, lifetime: int | None = None) -> dict[str, Any]:
        access = "shpat_" + secrets.token_hex(16)
        if not expiring:
            shop.access_tokens[access] = float("inf")
            return {"access_token": access, "scope": self.scopes}
        lifetime = self.access_token_lifetime if lifetime is None else lifetime
        refresh = "shprt_" + secrets.token_hex(16)
        shop.access_tokens[access] = time.time() + lifetime
        shop.refresh_tokens[refresh] = time.time() + self.refresh_token_lifetime
        return {
            "access_token": access,
            "scope": self.scopes,
            "expires_in": lifetime,
            "refresh_token": refresh,
            "refresh_token_expires_in": self.refresh_token_lifetime,
        }

    async def _graphql_endpoint(self, request: Request) -> Response:
        recorded = await self._record(request, "graphql")
        if request.path_params["version"] not in self.api_versions:
            return self._answer(recorded, 404, {"errors": "Not Found"}, "unknown_version")
        shop = self.shop(recorded.shop)
        token = request.headers.get("x-shopify-access-token", "")
        if shop.access_tokens.get(token, 0.0) < time.time():
            body = {"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"}
            return self._answer(recorded, 401, body, "invalid_token")
        if shop.failures:
            status = shop.failures.pop(0)
            return self._answer(recorded, status, {"errors": "Internal error"}, f"failure_{status}")
        query, variables = recorded.body.get("query"), recorded.body.get("variables") or {}
        if not isinstance(query, str) or not isinstance(variables, dict):
            return self._answer(
                recorded, 400, {"errors": {"query": "Required parameter missing or invalid"}}, "bad_body"
            )
        errors = document_errors(query)
        if errors:
            return self._answer(recorded, 200, {"errors": [{"message": m} for m in errors]}, "invalid_document")
        cost = self._cost(variables)
        if shop.throttles:
            shop.throttles -= 1
            body = {
                "errors": [
                    {
                        "message": "Throttled",
                        "extensions": {
                            "code": "THROTTLED",
                            "documentation": "https://shopify.dev/api/usage/rate-limits",
                        },
                    }
                ],
                "extensions": {"cost": self._cost_extension(cost, available=0.0, actual=None)},
            }
            return self._answer(recorded, 200, body, "THROTTLED")
        result = graphql.execute(
            admin_schema(),
            graphql.parse(query),
            root_value=_Root(self, shop).fields(),
            variable_values=variables,
            operation_name=recorded.body.get("operationName"),
        )
        assert not isinstance(result, Awaitable)  # every resolver is synchronous
        body = {
            "data": result.data,
            "extensions": {"cost": self._cost_extension(cost, available=2000.0 - cost, actual=cost)},
        }
        if result.errors:
            body["errors"] = [{"message": e.message, "path": e.path} for e in result.errors]
        return self._answer(recorded, 200, body, "errors" if result.errors else "ok")

    @staticmethod
    def _cost(variables: dict[str, Any]) -> int:
        first = variables.get("first")
        return 2 + (int(first) if isinstance(first, int) else 0)

    @staticmethod
    def _cost_extension(cost: int, *, available: float, actual: int | None) -> dict[str, Any]:
        return {
            "requestedQueryCost": cost,
            "actualQueryCost": actual,
            "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": available, "restoreRate": 1000.0},
        }


def _cursor(index: int) -> str:
    return base64.b64encode(f"cursor:{index}".encode()).decode()


def _index_after(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        return int(base64.b64decode(cursor).decode().removeprefix("cursor:")) + 1
    except ValueError as exc:
        raise graphql.GraphQLError("Invalid cursor for current pagination sort.") from exc


def _connection(items: list[dict[str, Any]], first: int | None, after: str | None, last: int | None) -> dict[str, Any]:
    if first is None and last is None:
        raise graphql.GraphQLError("you must provide one of first or last")
    if (first or 0) > 250 or (last or 0) > 250:
        raise graphql.GraphQLError("The maximum page size is 250.")
    start = _index_after(after)
    window = items[start : start + (first or last or 0)]
    nodes = list(window)
    return {
        "nodes": nodes,
        "edges": [{"node": node, "cursor": _cursor(start + i)} for i, node in enumerate(nodes)],
        "pageInfo": {
            "hasNextPage": start + len(nodes) < len(items),
            "hasPreviousPage": start > 0,
            "startCursor": _cursor(start) if nodes else None,
            "endCursor": _cursor(start + len(nodes) - 1) if nodes else None,
        },
    }


class _Root:
    """Resolvers for the part of the Admin API the service uses; fields Shopify has but we do not are null."""

    def __init__(self, fake: FakeShopify, shop: FakeShop) -> None:
        self.fake = fake
        self.shop = shop

    def fields(self) -> dict[str, Any]:
        return {
            "shop": {"id": self.shop.gid, "name": self.shop.domain.split(".")[0], "myshopifyDomain": self.shop.domain},
            "product": lambda info, id: self._product(self.shop.products.get(id)),
            "products": self._products,
            "metafieldsSet": self._metafields_set,
            "metafieldsDelete": self._metafields_delete,
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
        self, info: Any, first: int | None = None, after: str | None = None, last: int | None = None, **_: Any
    ) -> dict[str, Any]:
        ordered = sorted(self.shop.products.values(), key=lambda p: int(p.id.rsplit("/", 1)[-1]))
        return _connection([self._product(p) for p in ordered], first, after, last)

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
            "media": lambda info, first=None, after=None, last=None, **_: _connection(media, first, after, last),
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


def install_fake_shopify(resources: Resources, monkeypatch: pytest.MonkeyPatch, fake: FakeShopify) -> httpx.AsyncClient:
    """Point the app's outgoing HTTP at ``fake``; workers opened afterwards (``worker`` fixture) use it too.

    Returns the original client for the caller to restore.
    """
    original = resources.http
    resources.http = fake.client()
    real_open = Resources.open.__func__  # type: ignore[attr-defined]

    async def open_with_fake(cls: type[Resources], *args: Any, **kwargs: Any) -> Resources:
        opened: Resources = await real_open(cls, *args, **kwargs)
        await opened.http.aclose()
        opened.http = fake.client()
        return opened

    monkeypatch.setattr(Resources, "open", classmethod(open_with_fake))
    return original
