"""The demo storefront's cart, as a theme's script sees Shopify's AJAX cart: ``/cart/add.js``, ``/cart/update.js``
and ``/cart.js``, kept per browser by a ``cart`` cookie (the storefront's own origin, so cookies work here). The
cart page's "Place order" plays Shopify's checkout: the order goes to the service as a signed ``orders/create``
webhook, line item properties and cart attributes included, as Shopify would deliver it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import itertools
import json
import re
import secrets
import time
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from seeit.db import utcnow
from seeit.demo.storefront import STORE_PREFIX, Storefront, StorefrontProduct, page

COOKIE = "cart"
_PRICE = re.compile(r"[0-9]+(?:\.[0-9]{1,2})?")
_orders = itertools.count(int(time.time()) % 1_000_000 * 1000)


@dataclass
class CartLine:
    product: StorefrontProduct
    quantity: int
    properties: dict[str, str]

    @property
    def price(self) -> Decimal:
        found = _PRICE.search(self.product.price.replace(",", ""))
        return Decimal(found[0]) if found else Decimal(0)

    def ajax(self, currency: str) -> dict[str, Any]:
        """The line as Shopify's AJAX API answers it (prices in the currency's minor unit)."""
        cents = int(self.price * 100)
        return {
            "id": self.product.variant_id,
            "variant_id": self.product.variant_id,
            "product_id": self.product.id,
            "title": self.product.title,
            "handle": self.product.handle,
            "quantity": self.quantity,
            "price": cents,
            "line_price": cents * self.quantity,
            "properties": dict(self.properties),
            "currency": currency,
        }


@dataclass
class Cart:
    token: str
    lines: list[CartLine] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)

    def ajax(self, currency: str) -> dict[str, Any]:
        items = [line.ajax(currency) for line in self.lines]
        return {
            "token": self.token,
            "attributes": dict(self.attributes),
            "item_count": sum(line.quantity for line in self.lines),
            "items": items,
            "total_price": sum(item["line_price"] for item in items),
            "currency": currency,
        }


@dataclass
class PlacedOrder:
    """An order the demo checkout placed, and the delivery of its ``orders/create`` to the service."""

    payload: dict[str, Any]
    status_code: int


class DemoCarts:
    """Every browser's cart, in memory (a demo's carts may go with a restart), and the orders placed."""

    def __init__(self) -> None:
        self.carts: dict[str, Cart] = {}
        self.orders: list[PlacedOrder] = []

    def of(self, request: Request) -> Cart:
        token = request.cookies.get(COOKIE, "")
        if token not in self.carts:
            token = secrets.token_hex(16)
            self.carts[token] = Cart(token)
        return self.carts[token]


def _cart_error(description: str) -> JSONResponse:
    return JSONResponse({"status": 422, "message": "Cart Error", "description": description}, status_code=422)


def _answer(cart: Cart, body: dict[str, Any]) -> JSONResponse:
    answer = JSONResponse(body)
    answer.set_cookie(COOKIE, cart.token, httponly=True, samesite="lax")
    return answer


def order_payload(cart: Cart, currency: str) -> dict[str, Any]:
    """The REST order Shopify's ``orders/create`` would deliver for this cart (the parts a reader uses)."""
    number = next(_orders)
    lines = []
    for index, line in enumerate(cart.lines, start=1):
        money = {"amount": str(line.price), "currency_code": currency}
        lines.append(
            {
                "id": number * 100 + index,
                "product_id": line.product.id,
                "variant_id": line.product.variant_id,
                "title": line.product.title,
                "quantity": line.quantity,
                "price": str(line.price),
                "price_set": {"shop_money": money, "presentment_money": money},
                "properties": [{"name": name, "value": value} for name, value in line.properties.items()],
                "discount_allocations": [],
            }
        )
    total = sum((line.price * line.quantity for line in cart.lines), Decimal(0))
    return {
        "id": number,
        "admin_graphql_api_id": f"gid://shopify/Order/{number}",
        "name": f"#{1000 + number % 9000}",
        "created_at": utcnow().isoformat(),
        "currency": currency,
        "total_price": str(total),
        "customer": None,  # the demo's shoppers never log in
        "note_attributes": [{"name": name, "value": value} for name, value in cart.attributes.items()],
        "line_items": lines,
    }


def webhook_headers(topic: str, shop_domain: str, body: bytes, secret: str) -> dict[str, str]:
    """The headers Shopify sends with a delivery, its HMAC over the raw body."""
    digest = base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()
    return {
        "Content-Type": "application/json",
        "X-Shopify-Topic": topic,
        "X-Shopify-Shop-Domain": shop_domain,
        "X-Shopify-Hmac-Sha256": digest,
        "X-Shopify-Event-Id": str(uuid.uuid4()),
        "X-Shopify-Triggered-At": utcnow().isoformat(),
    }


def cart_router(store: Storefront, carts: DemoCarts, *, currency: str = "EUR") -> APIRouter:
    """The AJAX cart at the storefront's root, the cart page, and the demo checkout."""
    router = APIRouter(include_in_schema=False)

    async def products_by_variant(request: Request) -> dict[int, StorefrontProduct]:
        return {product.variant_id: product for product in await store.products(request)}

    @router.post("/cart/add.js")
    async def add(request: Request) -> Response:
        cart = carts.of(request)
        body = await _json(request)
        listed = body.get("items")
        items: list[Any] = listed if isinstance(listed, list) else [body]
        known = await products_by_variant(request)
        added = []
        for item in items:
            if not isinstance(item, dict):
                return _cart_error("Cannot find variant")
            product = known.get(_int(item.get("id")))
            if product is None:
                return _cart_error("Cannot find variant")
            quantity = max(_int(item.get("quantity")) or 1, 1)
            given = item.get("properties")
            properties = {str(k): str(v) for k, v in given.items()} if isinstance(given, dict) else {}
            line = next((ln for ln in cart.lines if ln.product == product and ln.properties == properties), None)
            if line is None:
                line = CartLine(product, 0, properties)
                cart.lines.append(line)
            line.quantity += quantity
            added.append(line.ajax(currency))
        return _answer(cart, {"items": added})

    @router.post("/cart/update.js")
    async def update(request: Request) -> Response:
        cart = carts.of(request)
        attributes = (await _json(request)).get("attributes") or {}
        cart.attributes.update({str(k): str(v) for k, v in attributes.items()})
        return _answer(cart, cart.ajax(currency))

    @router.get("/cart.js")
    async def read(request: Request) -> Response:
        cart = carts.of(request)
        return _answer(cart, cart.ajax(currency))

    @router.get("/cart", response_class=HTMLResponse)
    async def cart_page(request: Request, placed: str = "") -> Response:
        cart = carts.of(request)
        rows = "".join(
            f"<tr><td>{html.escape(line.product.title)}</td><td>{line.quantity}</td>"
            f"<td>{html.escape(line.product.price)}</td></tr>"
            for line in cart.lines
        )
        thanks = (
            f'<p class="notice" role="status">Thank you: order #{html.escape(placed)} is placed.</p>' if placed else ""
        )
        body = (
            f"<h1>Your cart</h1>{thanks}"
            + (
                f'<table class="cart"><thead><tr><th>Product</th><th>Quantity</th><th>Price</th></tr></thead>'
                f'<tbody>{rows}</tbody></table><form method="post" action="/cart/checkout">'
                f'<button type="submit" class="product__cart">Place order</button></form>'
                if cart.lines
                else "<p>Your cart is empty.</p>"
            )
            + f'<p><a href="{STORE_PREFIX}">Continue shopping</a></p>'
        )
        return _answer_html(cart, page(store.shop_name, "Your cart", body))

    @router.post("/cart/checkout")
    async def checkout(request: Request) -> Response:
        """Shopify's checkout, played: the order is delivered to the service as ``orders/create``."""
        cart = carts.of(request)
        if not cart.lines:
            return RedirectResponse("/cart", status_code=303)
        proxy = store.app_proxy(request)
        payload = order_payload(cart, currency)
        raw = json.dumps(payload).encode()
        answer = await proxy.service.post(
            "/webhooks", content=raw, headers=webhook_headers("orders/create", proxy.shop_domain, raw, proxy.secret)
        )
        carts.orders.append(PlacedOrder(payload, answer.status_code))
        carts.carts[cart.token] = Cart(cart.token)
        return RedirectResponse(f"/cart?placed={payload['name'].lstrip('#')}", status_code=303)

    return router


def _answer_html(cart: Cart, body: str) -> HTMLResponse:
    answer = HTMLResponse(body)
    answer.set_cookie(COOKIE, cart.token, httponly=True, samesite="lax")
    return answer


async def _json(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body() or b"{}")
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
