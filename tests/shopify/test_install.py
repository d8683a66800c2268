"""Installation: token exchange for embedded apps, and the authorization-code flow with its state nonce."""

from __future__ import annotations

import base64
import time
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
from sqlalchemy import select, text, update

from seeit.models import Shop
from seeit.resources import Resources
from seeit.shopify.signatures import oauth_query_digest
from seeit.shops.tokens import get_access_token
from tests.conftest import TEST_API_KEY, TEST_SECRET
from tests.fakes.shopify import FakeShopify
from tests.support import create_shop, session_token

SHOP = "walkthrough.myshopify.com"


async def test_a_session_token_installs_the_shop_and_the_admin_api_then_answers_for_it(
    client: httpx.AsyncClient, fake_shopify: FakeShopify
) -> None:
    token = session_token(SHOP)

    installed = await client.post("/auth/token-exchange", headers={"Authorization": f"Bearer {token}"})

    assert installed.status_code == 200, installed.text
    assert installed.json() == {"shop_domain": SHOP, "plan": "free"}
    [exchange] = fake_shopify.token_requests("token_exchange")
    assert exchange.body["subject_token"] == token
    assert exchange.body["expiring"] == 1
    shop = await client.get("/api/admin/shop", headers={"Authorization": f"Bearer {session_token(SHOP)}"})
    assert shop.status_code == 200, shop.text
    body = shop.json()
    assert (body["shop_domain"], body["plan"], body["daily_quota"], body["monthly_quota"]) == (SHOP, "free", 10, 100)
    zero = {"prep_renders": 0, "cleanup_renders": 0, "composite_renders": 0}
    assert body["usage"] == {"today": zero, "month": zero}


async def test_the_stored_token_works_against_shopify_and_no_dump_of_shops_holds_it(
    client: httpx.AsyncClient, fake_shopify: FakeShopify, resources: Resources
) -> None:
    response = await client.post("/auth/token-exchange", headers={"Authorization": f"Bearer {session_token(SHOP)}"})
    assert response.status_code == 200
    issued = fake_shopify.token_requests("token_exchange")[0]
    assert issued.status == 200
    access = await get_access_token(resources, SHOP)
    assert access in fake_shopify.shop(SHOP).access_tokens
    [refresh_token] = fake_shopify.shop(SHOP).refresh_tokens
    async with resources.engine.connect() as conn:
        dump = "\n".join(str(tuple(row)) for row in await conn.execute(text("SELECT * FROM shops")))
    assert SHOP in dump
    assert access not in dump
    assert refresh_token not in dump


async def test_a_session_token_shopify_refuses_answers_401_with_the_retry_header(
    client: httpx.AsyncClient, fake_shopify: FakeShopify
) -> None:
    forged = session_token(SHOP, secret="not-the-app-secret")

    response = await client.post("/auth/token-exchange", headers={"Authorization": f"Bearer {forged}"})

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_session_token"
    assert response.headers["X-Shopify-Retry-Invalid-Session-Request"] == "1"
    assert fake_shopify.token_requests() == []  # refused before Shopify was asked


async def test_token_exchange_without_a_bearer_token_is_401(client: httpx.AsyncClient) -> None:
    response = await client.post("/auth/token-exchange")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_session_token"


async def test_reinstall_clears_uninstalled_at_and_keeps_plan_quotas_and_data(
    client: httpx.AsyncClient, fake_shopify: FakeShopify, resources: Resources
) -> None:
    shop = await create_shop(resources, SHOP, plan="pro", daily_quota=777, monthly_quota=8888)
    async with resources.engine.begin() as conn:
        await conn.execute(update(Shop).where(Shop.id == shop.id).values(uninstalled_at=text("now()")))
    refused = await client.get("/api/admin/shop", headers={"Authorization": f"Bearer {session_token(SHOP)}"})
    assert refused.status_code == 403

    response = await client.post("/auth/token-exchange", headers={"Authorization": f"Bearer {session_token(SHOP)}"})

    assert response.json() == {"shop_domain": SHOP, "plan": "pro"}
    async with resources.sessionmaker() as session:
        row = (await session.execute(select(Shop).where(Shop.shop_domain == SHOP))).scalar_one()
    assert (row.id, row.uninstalled_at, row.daily_quota, row.monthly_quota) == (shop.id, None, 777, 8888)
    again = await client.get("/api/admin/shop", headers={"Authorization": f"Bearer {session_token(SHOP)}"})
    assert again.status_code == 200


async def test_shopify_down_during_token_exchange_answers_503_and_installs_nothing(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    original = resources.http
    resources.http = httpx.AsyncClient(transport=httpx.MockTransport(down))
    try:
        response = await client.post("/auth/token-exchange", headers={"Authorization": f"Bearer {session_token(SHOP)}"})
    finally:
        await resources.http.aclose()
        resources.http = original
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "service_unavailable"
    async with resources.sessionmaker() as session:
        assert await session.scalar(select(Shop.id).where(Shop.shop_domain == SHOP)) is None


# --- authorization-code flow ----------------------------------------------------------------------------


def signed_callback(shop: str, *, code: str, state: str, secret: str = TEST_SECRET, **extra: Any) -> str:
    host = base64.b64encode(f"admin.shopify.com/store/{shop.split('.')[0]}".encode()).decode()
    params = {"code": code, "host": host, "shop": shop, "state": state, "timestamp": str(int(time.time())), **extra}
    params["hmac"] = oauth_query_digest(params.items(), secret)
    return "/auth/callback?" + urlencode(params)


async def start_install(client: httpx.AsyncClient, shop: str = SHOP) -> str:
    response = await client.get("/auth/install", params={"shop": shop})
    assert response.status_code == 302, response.text
    return parse_qs(urlsplit(response.headers["location"]).query)["state"][0]


async def test_install_redirects_to_shopify_with_a_fresh_nonce_and_a_signed_cookie(client: httpx.AsyncClient) -> None:
    response = await client.get("/auth/install", params={"shop": SHOP})

    assert response.status_code == 302
    location = urlsplit(response.headers["location"])
    assert (
        f"{location.scheme}://{location.netloc}{location.path}" == f"http://shopify.test/{SHOP}/admin/oauth/authorize"
    )
    query = parse_qs(location.query)
    assert query["client_id"] == [TEST_API_KEY]
    assert query["redirect_uri"] == ["http://testserver/auth/callback"]
    assert query["scope"] == ["read_products,write_products,write_app_proxy,read_orders"]
    state = query["state"][0]
    assert len(state) == 64
    assert int(state, 16) >= 0
    cookie = response.headers["set-cookie"]
    assert "seeit_oauth_state=" in cookie
    assert "HttpOnly" in cookie
    assert "Max-Age=600" in cookie
    assert state in client.cookies["seeit_oauth_state"]
    second = await client.get("/auth/install", params={"shop": SHOP})
    assert parse_qs(urlsplit(second.headers["location"]).query)["state"][0] != state


async def test_install_refuses_a_shop_that_is_not_a_myshopify_domain(client: httpx.AsyncClient) -> None:
    for shop in ("evil.com", "demo.myshopify.com.evil.com", "DEMO.myshopify.com", "-x.myshopify.com", ""):
        response = await client.get("/auth/install", params={"shop": shop})
        assert response.status_code == 400, shop
        assert response.json()["error"]["code"] == "bad_request"


async def test_callback_installs_the_shop_and_redirects_into_the_admin(
    client: httpx.AsyncClient, fake_shopify: FakeShopify, resources: Resources
) -> None:
    state = await start_install(client)
    code = fake_shopify.issue_code(SHOP)

    response = await client.get(signed_callback(SHOP, code=code, state=state))

    assert response.status_code == 302, response.text
    assert response.headers["location"] == f"https://admin.shopify.com/store/walkthrough/apps/{TEST_API_KEY}"
    [grant] = fake_shopify.token_requests("code")
    assert grant.body["code"] == code
    assert grant.body["expiring"] == 1
    shop = await client.get("/api/admin/shop", headers={"Authorization": f"Bearer {session_token(SHOP)}"})
    assert shop.json()["plan"] == "free"


async def test_callback_state_is_single_use(client: httpx.AsyncClient, fake_shopify: FakeShopify) -> None:
    state = await start_install(client)
    first = await client.get(signed_callback(SHOP, code=fake_shopify.issue_code(SHOP), state=state))
    assert first.status_code == 302
    client.cookies.set("seeit_oauth_state", first.request.headers["cookie"].split("=", 1)[1], path="/auth")

    replay = await client.get(signed_callback(SHOP, code=fake_shopify.issue_code(SHOP), state=state))

    assert replay.status_code == 401
    assert replay.json()["error"]["code"] == "invalid_signature"
    assert len(fake_shopify.token_requests("code")) == 1


async def test_callback_without_the_browsers_cookie_is_refused(
    client: httpx.AsyncClient, fake_shopify: FakeShopify
) -> None:
    state = await start_install(client)
    client.cookies.clear()

    response = await client.get(signed_callback(SHOP, code=fake_shopify.issue_code(SHOP), state=state))

    assert response.status_code == 401
    assert fake_shopify.token_requests() == []


async def test_callback_with_another_state_than_the_cookies_is_refused(
    client: httpx.AsyncClient, fake_shopify: FakeShopify
) -> None:
    await start_install(client)
    response = await client.get(signed_callback(SHOP, code=fake_shopify.issue_code(SHOP), state="ab" * 32))
    assert response.status_code == 401


async def test_callback_with_a_bad_hmac_or_stale_timestamp_is_401(
    client: httpx.AsyncClient, fake_shopify: FakeShopify
) -> None:
    state = await start_install(client)
    forged = await client.get(signed_callback(SHOP, code="x", state=state, secret="wrong"))
    stale = await client.get(signed_callback(SHOP, code="x", state=state, timestamp=str(int(time.time()) - 3600)))
    assert (forged.status_code, stale.status_code) == (401, 401)
    assert fake_shopify.token_requests() == []


async def test_callback_with_a_signed_but_invalid_shop_is_400(client: httpx.AsyncClient) -> None:
    response = await client.get(signed_callback("evil.example.com", code="x", state="ab" * 32))
    assert response.status_code == 400


async def test_callback_whose_code_shopify_refuses_is_401_and_installs_nothing(
    client: httpx.AsyncClient, fake_shopify: FakeShopify, resources: Resources
) -> None:
    state = await start_install(client)
    response = await client.get(signed_callback(SHOP, code="not-issued", state=state))
    assert response.status_code == 401
    async with resources.sessionmaker() as session:
        assert await session.scalar(select(Shop.id).where(Shop.shop_domain == SHOP)) is None
