"""The embedded admin's HTML: Shopify's App Bridge and Polaris first, then the admin's own ES modules.

The page is framed by the Shopify admin, so every HTML answer names who may frame it:
``frame-ancestors https://{shop} https://admin.shopify.com``. The shop comes from the query Shopify signs
when it loads an embedded app (``hmac`` over the other parameters, as in the OAuth callback); a query
that does not verify names no shop, and only the Shopify admin itself may frame the page.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from urllib.parse import parse_qsl

from seeit.config import Settings
from seeit.shopify.signatures import oauth_query_digest, valid_shop_domain

APP_BRIDGE_URL = "https://cdn.shopify.com/shopifycloud/app-bridge.js"
# Pinned: a new Polaris release reaches the admin when this line changes, not before.
POLARIS_URL = "https://cdn.shopify.com/shopifycloud/polaris-1.1.js"
SHOPIFY_ADMIN_ORIGIN = "https://admin.shopify.com"
STATIC_DIR = Path(__file__).parent / "static"
ASSETS_PATH = "/app/assets"
# Where the demo serves its stand-ins for Shopify's two scripts (``seeit.demo``).
DEMO_APP_BRIDGE_URL = "/demo/static/app-bridge.js"
DEMO_POLARIS_URL = "/demo/static/polaris.js"
PAGES = ("products", "styles", "activity", "plans", "settings")


def verified_shop(query_string: str, secret: str) -> str | None:
    """The shop Shopify vouches for in an embedded load's query (``hmac`` checked), else None.

    The timestamp is not held to the 90 s of an install: a reload of the page carries the same signed
    query, and all that is decided here is who may frame a page that holds no data of its own.
    """
    pairs = parse_qsl(query_string, keep_blank_values=True)
    given = [value for key, value in pairs if key == "hmac"]
    shops = [value for key, value in pairs if key == "shop"]
    if len(given) != 1 or len(shops) != 1:
        return None
    if not hmac.compare_digest(oauth_query_digest(pairs, secret), given[0].lower()):
        return None
    return valid_shop_domain(shops[0])


def frame_ancestors(shop_domain: str | None, *, demo: bool) -> str:
    sources = [f"https://{shop_domain}"] if shop_domain else []
    sources.append(SHOPIFY_ADMIN_ORIGIN)
    if demo:
        sources.append("'self'")  # the demo's stand-in admin frames the page from this origin
    return "frame-ancestors " + " ".join(sources)


@dataclass(frozen=True)
class StaticFile:
    path: Path
    media_type: str
    version: str


_MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


@cache
def static_files() -> dict[str, StaticFile]:
    """The admin's modules and styles by URL name (``pages/home.js``), each with a hash of its content."""
    files = {}
    for path in sorted(STATIC_DIR.rglob("*")):
        if path.suffix in _MEDIA_TYPES:
            name = path.relative_to(STATIC_DIR).as_posix()
            version = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
            files[name] = StaticFile(path, _MEDIA_TYPES[path.suffix], version)
    return files


def asset_url(name: str) -> str:
    return f"{ASSETS_PATH}/{name}?v={static_files()[name].version}"


def _import_map() -> str:
    # Modules import each other by plain relative paths; the map turns each into its versioned URL, so
    # every file can be cached for good and a changed file is fetched under its new version.
    imports = {f"{ASSETS_PATH}/{name}": asset_url(name) for name in static_files() if name.endswith(".js")}
    return json.dumps({"imports": imports}, indent=1).replace("</", "<\\/")


def admin_html(settings: Settings, *, install: bool = False) -> str:
    """The page; ``install`` when the shop must first be installed by token exchange."""
    app_bridge, polaris = (DEMO_APP_BRIDGE_URL, DEMO_POLARIS_URL) if settings.demo else (APP_BRIDGE_URL, POLARIS_URL)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="shopify-api-key" content="{escape(settings.shopify_api_key)}">
{'<meta name="seeit-install" content="token-exchange">' if install else ""}
<script src="{app_bridge}"></script>
<script src="{polaris}"></script>
<title>See It</title>
<link rel="stylesheet" href="{asset_url("admin.css")}">
<script type="importmap">
{_import_map()}
</script>
<script type="module" src="{asset_url("main.js")}"></script>
</head>
<body>
<s-app-nav>
  <s-link href="/app" rel="home">Home</s-link>
  <s-link href="/app/products">Products</s-link>
  <s-link href="/app/styles">Styles</s-link>
  <s-link href="/app/activity">Activity</s-link>
  <s-link href="/app/plans">Plans</s-link>
  <s-link href="/app/settings">Settings</s-link>
</s-app-nav>
<div id="app" aria-live="polite"></div>
</body>
</html>
"""
