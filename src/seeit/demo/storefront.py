"""A stand-in for a Shopify storefront with the See It block on its product pages.

It renders each product page with the block's own Liquid (``theme.py``), serves the extension's assets as
Shopify's CDN would, and plays Shopify's app proxy on ``/apps/see-it/*`` (``app_proxy.py``). ``seeit dev``
mounts it beside the API (one origin for the page and the proxy, as on a real shop); the browser tests serve
it on a port of its own in front of the live service.
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse, HTMLResponse

from seeit.demo.app_proxy import PATH_PREFIX, AppProxy
from seeit.demo.theme import ThemeBlock
from seeit.errors import NotFound

STORE_PREFIX = "/demo/store"
_ASSET_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}


@dataclass(frozen=True)
class StorefrontProduct:
    """A product as the storefront shows it. ``see_it_enabled`` is the ``$app:see_it.enabled`` metafield as
    Liquid reads it; None when the storefront cannot read it (the block then asks the app proxy)."""

    id: int
    variant_id: int
    handle: str
    title: str
    price: str
    description: str
    image_url: str
    see_it_enabled: bool | None = True

    def liquid(self) -> dict[str, Any]:
        metafields: dict[str, Any] = {}
        if self.see_it_enabled is not None:
            metafields["$app:see_it"] = {"enabled": {"value": self.see_it_enabled}}
        return {
            "id": self.id,
            "title": self.title,
            "handle": self.handle,
            "metafields": metafields,
            "selected_or_first_available_variant": {"id": self.variant_id},
        }


Products = Callable[[Request], Awaitable[list[StorefrontProduct]]]


@dataclass
class Storefront:
    shop_name: str
    block: ThemeBlock
    proxy: AppProxy | Callable[[Request], AppProxy]
    products: Products
    block_settings: dict[str, Any] | None = None

    def app_proxy(self, request: Request) -> AppProxy:
        return self.proxy if isinstance(self.proxy, AppProxy) else self.proxy(request)


def storefront_router(store: Storefront) -> APIRouter:
    """The product pages under ``/demo/store``, the extension's assets, and the app proxy at ``/apps/see-it``."""
    router = APIRouter(include_in_schema=False)

    @router.get(STORE_PREFIX, response_class=HTMLResponse)
    async def collection(request: Request) -> HTMLResponse:
        products = await store.products(request)
        cards = "".join(
            f'<li><a href="{STORE_PREFIX}/products/{p.handle}"><img src="{html.escape(p.image_url)}" alt="" '
            f'width="240" height="240"><span>{html.escape(p.title)}</span><span>{html.escape(p.price)}</span></a></li>'
            for p in products
        )
        return HTMLResponse(page(store.shop_name, "All products", f'<ul class="grid">{cards}</ul>'))

    @router.get(STORE_PREFIX + "/products/{handle}", response_class=HTMLResponse)
    async def product_page(handle: str, request: Request, locale: str = "en") -> HTMLResponse:
        found = [p for p in await store.products(request) if p.handle == handle]
        if not found:
            raise NotFound("No such product in this shop.")
        product = found[0]
        block = store.block.render(product=product.liquid(), settings=store.block_settings or {}, locale=locale)
        body = f"""
<div class="product">
  <img class="product__photo" src="{html.escape(product.image_url)}" alt="{html.escape(product.title)}"
       width="560" height="560">
  <div class="product__info">
    <h1>{html.escape(product.title)}</h1>
    <p class="product__price">{html.escape(product.price)}</p>
    <p>{html.escape(product.description)}</p>
    <button type="button" class="product__cart" disabled>Add to cart</button>
    {block}
  </div>
</div>"""
        assets = f"{store.block.asset_base.rstrip('/')}"
        head = f'<link rel="stylesheet" href="{assets}/see-it.css"><script src="{assets}/see-it.js" defer></script>'
        return HTMLResponse(page(store.shop_name, product.title, body, head=head, lang=locale))

    @router.get(STORE_PREFIX + "/assets/{name}")
    async def extension_asset(name: str) -> FileResponse:
        path = store.block.extension_dir / "assets" / name
        kind = _ASSET_TYPES.get(path.suffix)
        if kind is None or "/" in name or name.startswith(".") or not path.is_file():
            raise NotFound()
        return FileResponse(path, media_type=kind, headers={"Cache-Control": "no-cache"})

    @router.api_route(PATH_PREFIX + "/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    async def app_proxy(path: str, request: Request) -> Response:
        return await store.app_proxy(request).forward(request, path)

    return router


_STYLE = """
  body { margin: 0; font: 16px/1.5 Georgia, 'Times New Roman', serif; color: #222; background: #fbfaf7; }
  header { padding: 18px 32px; border-bottom: 1px solid #e6e2da; font: 600 20px/1 system-ui, sans-serif;
           letter-spacing: .04em; }
  header { display: flex; justify-content: space-between; }
  header a { color: inherit; text-decoration: none; }
  .header__cart { font-weight: 500; font-size: 16px; }
  .cart { width: 100%; border-collapse: collapse; margin: 16px 0; font-family: system-ui, sans-serif; }
  .cart th, .cart td { padding: 10px 8px; border-bottom: 1px solid #e6e2da; text-align: left; }
  .notice { padding: 12px 16px; background: #eef6ee; border-radius: 4px; font-family: system-ui, sans-serif; }
  main { max-width: 1100px; margin: 0 auto; padding: 32px; }
  .product { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 48px; align-items: start; }
  .product__photo { width: 100%; height: auto; background: #f4f3ef; border-radius: 4px; }
  .product__price { font: 500 20px/1 system-ui, sans-serif; }
  .product__cart { width: 100%; min-height: 48px; margin: 8px 0 0; border: 1px solid #222; background: #fff;
                   font: 600 16px system-ui, sans-serif; }
  h1 { font-weight: 400; font-size: 34px; margin: 0 0 12px; }
  .grid { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
          gap: 24px; }
  .grid a { display: grid; gap: 6px; color: inherit; text-decoration: none; }
  .grid img { width: 100%; height: auto; background: #f4f3ef; }
  @media (max-width: 720px) {
    main { padding: 16px; }
    .product { grid-template-columns: 1fr; gap: 16px; }
    h1 { font-size: 26px; }
  }
"""


def page(shop_name: str, title: str, body: str, *, head: str = "", lang: str = "en") -> str:
    """A storefront page around ``body``: the shop's header (with the cart's link) and its styles."""
    return f"""<!doctype html>
<html lang="{html.escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} | {html.escape(shop_name)}</title>
<style>{_STYLE}</style>
{head}
</head>
<body>
<header><a href="{STORE_PREFIX}">{html.escape(shop_name)}</a><a class="header__cart" href="/cart">Cart</a></header>
<main>{body}</main>
</body>
</html>
"""
