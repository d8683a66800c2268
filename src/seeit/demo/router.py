"""The demo's routes, mounted by the app factory only when ``settings.demo`` is on."""

from __future__ import annotations

from functools import cache

import httpx
from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import HTMLResponse

from seeit.demo import pictures
from seeit.demo.admin import router as admin_router
from seeit.demo.app_proxy import AppProxy
from seeit.demo.cart import DemoCarts, cart_router
from seeit.demo.landing import landing_page
from seeit.demo.sample_products import DEMO_PRODUCTS, DEMO_SHOP, DEMO_SHOP_NAME, demo_storefront_products
from seeit.demo.shopify_admin import router as shopify_admin_router
from seeit.demo.storefront import STORE_PREFIX, Storefront, storefront_router
from seeit.demo.theme import EXTENSION_DIR, ThemeBlock
from seeit.errors import NotFound
from seeit.resources import request_resources


def demo_router() -> APIRouter:
    """Every demo route: the landing page, the demo storefront (with the app proxy) and its pictures."""
    router = APIRouter(include_in_schema=False)
    router.add_api_route("/", landing_page, methods=["GET"], response_class=HTMLResponse)
    router.include_router(pictures_router())
    store = Storefront(
        shop_name=DEMO_SHOP_NAME,
        block=ThemeBlock(EXTENSION_DIR, asset_base=f"{STORE_PREFIX}/assets"),
        proxy=_same_app_proxy,
        products=demo_storefront_products,
    )
    router.include_router(storefront_router(store))
    router.include_router(cart_router(store, DemoCarts()))
    router.include_router(admin_router)
    router.include_router(shopify_admin_router)
    return router


@cache
def _in_process_client(app: FastAPI) -> httpx.AsyncClient:
    # The page, the proxy and the service share one origin under `seeit dev`: forward to the same app.
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://see-it.internal")


def _same_app_proxy(request: Request) -> AppProxy:
    resources = request_resources(request)
    return AppProxy(DEMO_SHOP, resources.settings.shopify_api_secret, _in_process_client(request.app))


def pictures_router() -> APIRouter:
    """The sample products' studio photos and a sample room photo, drawn once per process."""
    router = APIRouter(include_in_schema=False)
    handles = {product.handle for product in DEMO_PRODUCTS}

    @router.get(STORE_PREFIX + "/images/{handle}.jpg")
    async def product_photo(handle: str) -> Response:
        if handle not in handles:
            raise NotFound()
        return Response(_drawn(handle), media_type="image/jpeg", headers={"Cache-Control": "public, max-age=3600"})

    @router.get(STORE_PREFIX + "/sample-room.jpg")
    async def sample_room() -> Response:
        return Response(
            _drawn("sample-room"),
            media_type="image/jpeg",
            headers={
                "Content-Disposition": 'inline; filename="sample-room.jpg"',
                "Cache-Control": "public, max-age=3600",
            },
        )

    return router


@cache
def _drawn(name: str) -> bytes:
    if name == "sample-room":
        return pictures.sample_room_photo()
    return pictures.PRODUCT_PHOTOS[name]()
