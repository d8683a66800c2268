"""The Admin GraphQL client: real-schema documents, typed errors, throttling, pagination, metafieldsSet."""

from __future__ import annotations

import httpx
import pytest

from seeit.resources import Resources
from seeit.shopify import catalog, documents
from seeit.shopify.admin_api import AdminApi, fixed_token, throttle_wait_seconds
from seeit.shopify.errors import (
    ShopifyGraphQLError,
    ShopifyThrottled,
    ShopifyTokenRejected,
    ShopifyUnavailable,
    ShopifyUserErrors,
)
from seeit.shops.tokens import admin_api
from tests.fakes.shopify import FakeShopify, document_errors
from tests.support import session_token

SHOP = "catalogue.myshopify.com"


@pytest.mark.parametrize("name", sorted(documents.ALL_DOCUMENTS))
def test_every_document_the_service_sends_validates_against_the_real_admin_schema(name: str) -> None:
    assert document_errors(documents.ALL_DOCUMENTS[name]) == []


def test_the_schema_check_catches_a_wrong_document() -> None:
    assert document_errors("query { product(id: 1) { images { nope } } }") != []
    assert document_errors("query { products { nodes { featuredImage { url } } } ") != []  # syntax


@pytest.fixture
async def api(fake_shopify: FakeShopify, client: httpx.AsyncClient, resources: Resources) -> AdminApi:
    response = await client.post("/auth/token-exchange", headers={"Authorization": f"Bearer {session_token(SHOP)}"})
    assert response.status_code == 200

    async def no_wait(seconds: float) -> None:
        waits.append(seconds)

    waits: list[float] = []
    client_api = admin_api(resources, SHOP, sleep=no_wait)
    client_api.waits = waits  # type: ignore[attr-defined]
    return client_api


async def test_fetch_product_reads_featured_media_images_and_our_metafields(
    api: AdminApi, fake_shopify: FakeShopify
) -> None:
    fake_shopify.add_product(
        SHOP,
        1001,
        "Lamp",
        images=["https://cdn.shopify.com/lamp-front.png", "https://cdn.shopify.com/lamp-side.png"],
        enabled=True,
        style_preset="warm",
    )

    product = await catalog.fetch_product(api, "gid://shopify/Product/1001")

    assert product is not None
    assert (product.id, product.title, product.enabled, product.style_preset) == (
        "gid://shopify/Product/1001",
        "Lamp",
        True,
        "warm",
    )
    assert product.featured_image is not None
    assert product.featured_image.url == "https://cdn.shopify.com/lamp-front.png"
    assert [img.url for img in product.images] == [
        "https://cdn.shopify.com/lamp-front.png",
        "https://cdn.shopify.com/lamp-side.png",
    ]
    assert product.image(product.images[1].id) == product.images[1]
    assert await catalog.fetch_product(api, "gid://shopify/Product/999") is None
    sent = fake_shopify.graphql_requests(SHOP)
    assert all(r.outcome == "ok" for r in sent)
    assert all(r.path == f"/{SHOP}/admin/api/2026-04/graphql.json" for r in sent)


async def test_enabled_products_are_found_across_pages_of_a_500_product_catalogue(
    api: AdminApi, fake_shopify: FakeShopify
) -> None:
    catalogue = fake_shopify.add_catalogue(SHOP, 500, enabled_every=3)

    found = [p.id async for p in catalog.iter_enabled_products(api)]

    assert found == [p.id for p in catalogue if p.app_metafield("enabled") == "true"]
    assert len(found) == 167
    pages = fake_shopify.graphql_requests(SHOP)[-5:]
    assert [r.body["variables"]["after"] is None for r in pages] == [True, False, False, False, False]


async def test_throttled_requests_wait_by_throttle_status_and_retry(api: AdminApi, fake_shopify: FakeShopify) -> None:
    fake_shopify.add_product(SHOP, 1, "One", images=["https://cdn.shopify.com/1.png"])
    fake_shopify.throttle_next(SHOP, times=2)

    product = await catalog.fetch_product(api, "gid://shopify/Product/1")

    assert product is not None
    outcomes = [r.outcome for r in fake_shopify.graphql_requests(SHOP)[-3:]]
    assert outcomes == ["THROTTLED", "THROTTLED", "ok"]
    assert len(api.waits) == 2  # type: ignore[attr-defined]
    assert all(0 < wait <= 10 for wait in api.waits)  # type: ignore[attr-defined]


async def test_throttled_too_many_times_is_a_retryable_error(api: AdminApi, fake_shopify: FakeShopify) -> None:
    fake_shopify.throttle_next(SHOP, times=50)
    with pytest.raises(ShopifyThrottled) as raised:
        await catalog.fetch_shop_gid(api)
    assert raised.value.retryable


def test_throttle_wait_comes_from_cost_and_restore_rate() -> None:
    extensions = {
        "cost": {
            "requestedQueryCost": 152,
            "throttleStatus": {"maximumAvailable": 2000, "currentlyAvailable": 52, "restoreRate": 100},
        }
    }
    assert throttle_wait_seconds(extensions) == pytest.approx(1.0)
    assert throttle_wait_seconds({}) == 1.0


async def test_server_errors_are_retryable_shopify_unavailable(api: AdminApi, fake_shopify: FakeShopify) -> None:
    fake_shopify.fail_next(SHOP, status=502)
    with pytest.raises(ShopifyUnavailable) as raised:
        await catalog.fetch_shop_gid(api)
    assert raised.value.retryable


async def test_a_token_shopify_refuses_is_a_token_problem(resources: Resources, fake_shopify: FakeShopify) -> None:
    api = AdminApi(resources.http, resources.settings, SHOP, fixed_token("shpat_not_issued"))
    with pytest.raises(ShopifyTokenRejected) as raised:
        await catalog.fetch_shop_gid(api)
    assert not raised.value.retryable
    assert fake_shopify.graphql_requests(SHOP)[-1].status == 401


async def test_a_network_failure_is_shopify_unavailable(resources: Resources) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("timed out", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as http:
        api = AdminApi(http, resources.settings, SHOP, fixed_token("t"))
        with pytest.raises(ShopifyUnavailable):
            await catalog.fetch_shop_gid(api)


async def test_a_document_shopify_rejects_is_a_graphql_error(api: AdminApi, fake_shopify: FakeShopify) -> None:
    with pytest.raises(ShopifyGraphQLError) as raised:
        await api.execute("query { shop { notAField } }")
    assert "notAField" in str(raised.value.details["errors"])
    assert fake_shopify.graphql_requests(SHOP)[-1].outcome == "invalid_document"


async def test_metafields_set_writes_our_namespace(api: AdminApi, fake_shopify: FakeShopify) -> None:
    product = fake_shopify.add_product(SHOP, 7, "Chair", images=["https://cdn.shopify.com/c.png"])

    await catalog.set_product_metafields(api, product.id, {"enabled": True, "style_preset": "scandi"})

    assert product.app_metafield("enabled") == "true"
    assert product.app_metafield("style_preset") == "scandi"
    reread = await catalog.fetch_product(api, product.id)
    assert reread is not None
    assert reread.enabled
    assert reread.style_preset == "scandi"
    [mutation] = [r for r in fake_shopify.graphql_requests(SHOP) if "metafieldsSet" in r.query]
    assert {m["namespace"] for m in mutation.body["variables"]["metafields"]} == {"$app:see_it"}


async def test_metafields_set_user_errors_are_typed_and_nothing_is_written(
    api: AdminApi, fake_shopify: FakeShopify
) -> None:
    product = fake_shopify.add_product(SHOP, 8, "Sofa", images=["https://cdn.shopify.com/s.png"])

    with pytest.raises(ShopifyUserErrors) as raised:
        await catalog.set_product_metafields(api, product.id, {"enabled": True, "style_preset": "two\nlines"})

    assert raised.value.as_app_error().status_code == 422
    [error] = raised.value.user_errors
    assert error["code"] == "INVALID_VALUE"
    assert error["field"] == ["metafields", "1", "value"]
    assert product.app_metafield("enabled") is None  # atomic: the valid one was not written either


async def test_metafields_set_for_a_missing_product_is_a_user_error(api: AdminApi) -> None:
    with pytest.raises(ShopifyUserErrors):
        await catalog.set_product_metafields(api, "gid://shopify/Product/404", {"enabled": False})


async def test_metafields_delete_clears_our_metafield(api: AdminApi, fake_shopify: FakeShopify) -> None:
    product = fake_shopify.add_product(SHOP, 9, "Rug", images=["https://cdn.shopify.com/r.png"], style_preset="warm")
    identifiers = [{"ownerId": product.id, "namespace": documents.METAFIELD_NAMESPACE, "key": "style_preset"}]

    data = await api.execute(documents.METAFIELDS_DELETE, {"metafields": identifiers})

    assert data["metafieldsDelete"]["userErrors"] == []
    assert product.app_metafield("style_preset") is None
