"""``/demo/admin``: the Shopify admin played locally, framing the embedded admin at ``/app`` for the demo shop.

The same page (``admin_frame_html``) is what the browser tests serve as ``https://admin.shopify.com/...``;
``/demo/static/*`` serves the stand-ins for Shopify's App Bridge and Polaris scripts that ``/app`` loads
in demo mode. The page holds the app's secret (to sign as Shopify does), which is why the demo is
refused in production.
"""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse

from seeit.demo.sample_products import DEMO_SHOP
from seeit.errors import NotFound
from seeit.resources import ResourcesDep

STATIC_DIR = Path(__file__).parent / "static"
DEMO_STAFF_ID = "1001"
STAND_INS = ("app-bridge.js", "polaris.js")


def admin_frame_html(
    *, app_url: str, shop_domain: str, api_key: str, secret: str, user_id: str, path: str = "/app"
) -> str:
    """The stand-in Shopify admin page: its chrome, the app's frame, and the script that plays Shopify's part."""
    config = {
        "appUrl": app_url.rstrip("/"),
        "path": path,
        "shop": shop_domain,
        "apiKey": api_key,
        "secret": secret,
        "userId": user_id,
    }
    config_json = json.dumps(config).replace("</", "<\\/")
    script = (STATIC_DIR / "shopify-admin.js").read_text()
    chrome = (STATIC_DIR / "shopify-admin.css").read_text()
    store = shop_domain.removesuffix(".myshopify.com")
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>See It · {store} · Shopify</title>
<style>{chrome}</style>
</head>
<body>
<div class="topbar">
  <span class="logo"></span><span>shopify</span><span class="search">Search</span><span class="store">{store}</span>
</div>
<div class="shell">
  <aside>
    <span class="item">Home</span><span class="item">Orders</span><span class="item">Products</span>
    <span class="item">Customers</span><span class="item">Analytics</span>
    <div class="section">Apps</div>
    <span class="item app"><i></i>See It</span>
    <nav id="app-nav" aria-label="See It"></nav>
  </aside>
  <main>
    <div id="admin-notice" hidden>The app sent the Shopify admin to <code></code></div>
    <iframe id="app-frame" title="See It" name="app-iframe"></iframe>
  </main>
</div>
<div id="toasts" aria-live="polite"></div>
<script id="seeit-admin-config" type="application/json">{config_json}</script>
<script>{script}</script>
</body>
</html>
"""


router = APIRouter(include_in_schema=False)


@router.get("/demo/admin", response_class=HTMLResponse)
async def demo_admin(request: Request, resources: ResourcesDep) -> HTMLResponse:
    """The demo shop's Shopify admin, with See It open."""
    settings = resources.settings
    return HTMLResponse(
        admin_frame_html(
            app_url=str(request.base_url),
            shop_domain=DEMO_SHOP,
            api_key=settings.shopify_api_key,
            secret=settings.shopify_api_secret,
            user_id=DEMO_STAFF_ID,
        ),
        headers={"Cache-Control": "no-store"},
    )


@router.get("/demo/static/{name}")
async def demo_static(name: str) -> FileResponse:
    """The stand-ins for Shopify's App Bridge and Polaris scripts."""
    if name not in STAND_INS:
        raise NotFound("No such file.")
    return FileResponse(
        STATIC_DIR / name, media_type="text/javascript; charset=utf-8", headers={"Cache-Control": "no-cache"}
    )
