"""The storefront side of the browser tests: a shop with prepared products, and the demo's storefront stand-in
(the block's Liquid, the extension's assets, Shopify's signing app proxy) serving it in front of the live
service."""

from __future__ import annotations

import io
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI, Request
from PIL import Image

from seeit.demo.app_proxy import AppProxy
from seeit.demo.cart import DemoCarts, cart_router
from seeit.demo.router import pictures_router
from seeit.demo.sample_products import DEMO_PRODUCTS, DemoProduct
from seeit.demo.shop_setup import prepare_demo_shop
from seeit.demo.storefront import STORE_PREFIX, Storefront, StorefrontProduct, storefront_router
from seeit.demo.theme import EXTENSION_DIR, ThemeBlock
from seeit.errors import install_error_handlers
from tests.browser.conftest import LiveService, serve_app
from tests.conftest import free_port

SHOP = "storefront.myshopify.com"
ARMCHAIR = DEMO_PRODUCTS[0]


@dataclass
class Shopfront:
    """The stand-in storefront at ``url`` for ``SHOP``, its products and the live service behind it."""

    url: str
    live: LiveService
    products: list[StorefrontProduct]
    carts: DemoCarts

    def product_url(self, product: StorefrontProduct | DemoProduct, **query: str) -> str:
        suffix = "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
        return f"{self.url}{STORE_PREFIX}/products/{product.handle}{suffix}"


def storefront_app(
    live: LiveService, products: list[StorefrontProduct], service: httpx.AsyncClient, carts: DemoCarts
) -> FastAPI:
    async def listed(_: Request) -> list[StorefrontProduct]:
        return products

    app = FastAPI()
    install_error_handlers(app)
    app.include_router(pictures_router())
    store = Storefront(
        shop_name="Test Shop",
        block=ThemeBlock(EXTENSION_DIR, asset_base=f"{STORE_PREFIX}/assets"),
        proxy=AppProxy(SHOP, live.settings.shopify_api_secret, service),
        products=listed,
    )
    app.include_router(storefront_router(store))
    app.include_router(cart_router(store, carts))
    return app


async def open_storefront(live: LiveService, products: list[StorefrontProduct]) -> AsyncGenerator[Shopfront, None]:
    """Serve the storefront for ``products`` until the test ends (the shop and its cut-outs prepared first)."""
    await prepare_demo_shop(live.resources, SHOP, [ARMCHAIR])
    carts = DemoCarts()
    async with httpx.AsyncClient(base_url=live.url) as service:
        served = serve_app(storefront_app(live, products, service, carts), free_port())
        url = await anext(served)
        try:
            yield Shopfront(url, live, products, carts)
        finally:
            await served.aclose()


def room_photo(width: int, height: int) -> bytes:
    """The demo's sample room at ``width`` x ``height``, as a phone would save it."""
    from seeit.demo.pictures import sample_room_photo

    image = Image.open(io.BytesIO(sample_room_photo()))
    out = io.BytesIO()
    image.resize((width, height)).save(out, "JPEG", quality=88)
    return out.getvalue()


def placement_on_screen(box: dict[str, Any], room: dict[str, Any]) -> dict[str, float]:
    """The product's placement in the API's terms, read off what the page shows."""
    return {
        "x": (box["x"] + box["width"] / 2 - room["x"]) / room["width"],
        "y": (box["y"] + box["height"] - room["y"]) / room["height"],
        "scale": box["width"] / room["width"],
    }
