"""``/app`` as Shopify's admin loads it: the page, its frame-ancestors from the signed query only, its
scripts in the order Shopify asks, its assets cached for good under their version, and the entry at ``/``."""

from __future__ import annotations

import re
import time
from urllib.parse import urlencode

import httpx
import pytest

from seeit.admin.page import APP_BRIDGE_URL, PAGES, POLARIS_URL
from seeit.resources import Resources
from seeit.shopify.signatures import oauth_query_digest
from seeit.shops.principal import forget_shop
from tests.conftest import TEST_API_KEY, TEST_SECRET
from tests.support import create_shop

SHOP = "demo.myshopify.com"
ADMIN_ONLY = "frame-ancestors https://admin.shopify.com"


def signed_query(shop: str = SHOP, *, secret: str = TEST_SECRET, **extra: str) -> str:
    """The query Shopify's admin adds when it loads an embedded app, with its hmac."""
    params = {
        "embedded": "1",
        "host": "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvZGVtbw",
        "shop": shop,
        "timestamp": str(int(time.time())),
        **extra,
    }
    params["hmac"] = oauth_query_digest(params.items(), secret)
    return urlencode(params)


@pytest.mark.parametrize("path", ["/app", *(f"/app/{page}" for page in PAGES)])
async def test_every_screen_may_be_framed_by_the_verified_shop_and_the_shopify_admin(
    client: httpx.AsyncClient, path: str
) -> None:
    response = await client.get(f"{path}?{signed_query()}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == f"frame-ancestors https://{SHOP} https://admin.shopify.com"
    assert response.headers["cache-control"] == "no-store"
    assert "x-frame-options" not in response.headers


@pytest.mark.parametrize(
    "query",
    [
        "",  # no query at all
        f"shop=evil.myshopify.com&host=x&hmac={'0' * 64}&timestamp={int(time.time())}",  # forged hmac
        signed_query(secret="another-apps-secret"),  # signed, but not by Shopify for this app
        signed_query("evil.example.com"),  # signed, but not a shop's domain
        signed_query() + "&shop=evil.myshopify.com",  # a second shop slipped in
    ],
    ids=["unsigned", "forged", "wrong-secret", "not-a-shop", "repeated-shop"],
)
async def test_a_query_that_does_not_verify_names_no_shop(client: httpx.AsyncClient, query: str) -> None:
    response = await client.get(f"/app?{query}")
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == ADMIN_ONLY


async def test_the_page_loads_app_bridge_then_polaris_synchronously_with_the_api_key(client: httpx.AsyncClient) -> None:
    html = (await client.get("/app")).text
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts[0] == f'<script src="{APP_BRIDGE_URL}">'
    assert scripts[1] == f'<script src="{POLARIS_URL}">'
    assert re.fullmatch(r"https://cdn\.shopify\.com/shopifycloud/polaris-\d+\.\d+\.js", POLARIS_URL), "pinned"
    head = html[: html.index(APP_BRIDGE_URL)]
    assert f'<meta name="shopify-api-key" content="{TEST_API_KEY}">' in head


async def test_a_verified_shop_we_do_not_know_is_told_to_install_and_a_known_one_is_not(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    marker = '<meta name="seeit-install" content="token-exchange">'
    assert marker in (await client.get(f"/app?{signed_query()}")).text
    assert marker not in (await client.get("/app")).text, "an unverified load decides nothing"
    await create_shop(resources, SHOP)
    forget_shop(SHOP)  # as installing does
    assert marker not in (await client.get(f"/app?{signed_query()}")).text


async def test_assets_are_cached_for_good_under_their_version_and_revalidated_without_it(
    client: httpx.AsyncClient,
) -> None:
    html = (await client.get("/app")).text
    versioned = re.findall(r'"(/app/assets/[\w/.-]+\.(?:js|css)\?v=\w+)"', html)
    assert "/app/assets/main.js" in " ".join(versioned)
    assert any("/pages/products.js" in url for url in versioned), "the import map names every module"
    for url in versioned:
        response = await client.get(url)
        assert response.status_code == 200, url
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    module = await client.get("/app/assets/main.js")
    assert module.headers["content-type"].startswith("text/javascript")
    assert module.headers["cache-control"] == "no-cache"
    missing = await client.get("/app/assets/nothing.js")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


async def test_an_unknown_screen_is_a_json_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/app/billing-secrets")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_shopify_loading_the_root_goes_on_to_the_admin_with_its_query(client: httpx.AsyncClient) -> None:
    query = signed_query()
    response = await client.get(f"/?{query}")
    assert response.status_code == 302
    assert response.headers["location"] == f"/app?{query}"
    assert (await client.get("/")).status_code == 404, "without Shopify's query / stays what it was"
