"""The fake Shopify refuses what Shopify refuses, and Shopify's own client library works against it."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import jwt
import pytest
from arq.worker import Worker

from seeit.resources import Resources
from tests.conftest import TEST_API_KEY, TEST_SECRET
from tests.fakes.shopify import TOKEN_EXCHANGE_GRANT, FakeShopify
from tests.support import session_token

SHOP = "fake.myshopify.com"
TOKEN_URL = f"http://shopify.test/{SHOP}/admin/oauth/access_token"
GRAPHQL_URL = f"http://shopify.test/{SHOP}/admin/api/2026-04/graphql.json"


def exchange_body(**overrides: Any) -> dict[str, Any]:
    return {
        "client_id": TEST_API_KEY,
        "client_secret": TEST_SECRET,
        "grant_type": TOKEN_EXCHANGE_GRANT,
        "subject_token": session_token(SHOP),
        "subject_token_type": "urn:ietf:params:oauth:token-type:id_token",
        "requested_token_type": "urn:shopify:params:oauth:token-type:offline-access-token",
        "expiring": 1,
        **overrides,
    }


@pytest.fixture
async def http(fake_shopify: FakeShopify) -> Any:
    async with fake_shopify.client() as client:
        yield client


async def test_wrong_client_secret_is_refused(http: httpx.AsyncClient, fake_shopify: FakeShopify) -> None:
    response = await http.post(TOKEN_URL, json=exchange_body(client_secret="nope"))
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


@pytest.mark.parametrize(
    "token",
    [
        session_token(SHOP, secret="another-secret"),
        session_token("other.myshopify.com"),
        session_token(SHOP, exp=0),
        "not-a-jwt",
    ],
)
async def test_a_bad_session_token_is_refused(http: httpx.AsyncClient, token: str) -> None:
    response = await http.post(TOKEN_URL, json=exchange_body(subject_token=token))
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_subject_token"


async def test_a_refresh_token_works_once(http: httpx.AsyncClient) -> None:
    issued = (await http.post(TOKEN_URL, json=exchange_body())).json()
    assert issued["expires_in"] == 3600
    assert issued["refresh_token"]
    refresh = {"client_id": TEST_API_KEY, "client_secret": TEST_SECRET, "grant_type": "refresh_token"}

    first = await http.post(TOKEN_URL, data={**refresh, "refresh_token": issued["refresh_token"]})
    again = await http.post(TOKEN_URL, data={**refresh, "refresh_token": issued["refresh_token"]})

    assert first.status_code == 200
    assert first.json()["refresh_token"] != issued["refresh_token"]
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


async def test_an_authorization_code_works_once(http: httpx.AsyncClient, fake_shopify: FakeShopify) -> None:
    code = fake_shopify.issue_code(SHOP)
    body = {"client_id": TEST_API_KEY, "client_secret": TEST_SECRET, "code": code, "expiring": 1}
    assert (await http.post(TOKEN_URL, json=body)).status_code == 200
    assert (await http.post(TOKEN_URL, json=body)).status_code == 400


async def test_graphql_needs_a_live_access_token(http: httpx.AsyncClient, fake_shopify: FakeShopify) -> None:
    query = {"query": "{ shop { id } }"}
    missing = await http.post(GRAPHQL_URL, json=query)
    token = fake_shopify.grant_token(SHOP)
    ok = await http.post(GRAPHQL_URL, json=query, headers={"X-Shopify-Access-Token": token})
    fake_shopify.expire_access_tokens(SHOP)
    expired = await http.post(GRAPHQL_URL, json=query, headers={"X-Shopify-Access-Token": token})
    other_shop = await http.post(
        "http://shopify.test/other.myshopify.com/admin/api/2026-04/graphql.json",
        json=query,
        headers={"X-Shopify-Access-Token": fake_shopify.grant_token(SHOP)},
    )
    assert (missing.status_code, ok.status_code, expired.status_code, other_shop.status_code) == (401, 200, 401, 401)
    assert ok.json()["data"]["shop"]["id"].startswith("gid://shopify/Shop/")


async def test_graphql_refuses_documents_the_real_schema_refuses(
    http: httpx.AsyncClient, fake_shopify: FakeShopify
) -> None:
    headers = {"X-Shopify-Access-Token": fake_shopify.grant_token(SHOP)}
    response = await http.post(
        GRAPHQL_URL, json={"query": "{ products(first: 1) { nodes { imagez } } }"}, headers=headers
    )
    assert "data" not in response.json()
    assert "imagez" in response.json()["errors"][0]["message"]
    unknown_version = await http.post(
        f"http://shopify.test/{SHOP}/admin/api/2019-01/graphql.json", json={"query": "{ shop { id } }"}, headers=headers
    )
    assert unknown_version.status_code == 404


async def test_every_request_is_recorded(http: httpx.AsyncClient, fake_shopify: FakeShopify) -> None:
    await http.post(TOKEN_URL, json=exchange_body(client_secret="nope"))
    [recorded] = fake_shopify.token_requests()
    assert (recorded.shop, recorded.grant, recorded.status, recorded.outcome) == (
        SHOP,
        "token_exchange",
        401,
        "invalid_client",
    )


async def test_shopifys_own_client_library_talks_to_the_fake(fake_shopify: FakeShopify) -> None:
    try:
        import shopify_app
    except ImportError:
        pytest.skip("Shopify's shopifyapp package is not installed")
    app = shopify_app.ShopifyApp(TEST_API_KEY, TEST_SECRET)
    token = session_token(SHOP)
    claims = jwt.decode(token, options={"verify_signature": False})
    fake_shopify.add_product(SHOP, 5, "Vase", images=["https://cdn.shopify.com/v.png"], enabled=True)
    async with fake_shopify.client() as http:
        exchanged = await app.exchange_using_token_exchange_async(
            "offline", id_token={"exchangeable": True, "token": token, "claims": claims}, http_client=http
        )
        assert exchanged.ok, exchanged.log
        assert exchanged.access_token is not None
        result = await app.admin_graphql_request_async(
            '{ product(id: "gid://shopify/Product/5") { title } }',
            shop=SHOP.removesuffix(".myshopify.com"),
            access_token=exchanged.access_token.token,
            api_version="2026-04",
            http_client=http,
        )
    assert result.ok, result.log
    assert result.data == {"product": {"title": "Vase"}}


@pytest.mark.live_database
async def test_a_worker_started_after_the_fake_reaches_it(
    fake_shopify: FakeShopify, worker: Worker, resources: Resources
) -> None:
    for _ in range(100):
        if "resources" in worker.ctx:
            break
        await asyncio.sleep(0.02)
    worker_resources: Resources = worker.ctx["resources"]
    response = await worker_resources.http.post(GRAPHQL_URL, json={"query": "{ shop { id } }"})
    assert response.status_code == 401  # the fake's answer: no token
    assert fake_shopify.graphql_requests(SHOP)[-1].outcome == "invalid_token"
