"""The demo's stand-in Admin API: with it as the Shopify of the demo shop, the embedded admin's Products page,
prepare (through the real worker) and the enabled switch work with no Shopify store."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import graphql
import httpx
import pytest
from arq.worker import Worker

from seeit.app import create_app
from seeit.config import Settings
from seeit.demo.app_proxy import PATH_PREFIX
from seeit.demo.sample_products import DEMO_PRODUCTS, DEMO_SHOP, DemoProduct
from seeit.demo.shop_setup import prepare_demo_shop
from seeit.demo.shopify_admin import schema
from seeit.dev import demo_shopify_env
from seeit.resources import Resources
from seeit.shopify import documents
from tests.conftest import make_worker, stop_worker
from tests.fakes.shopify import admin_schema
from tests.support import admin_headers

# Live: the demo's worker commits in transactions of its own.
pytestmark = pytest.mark.live_database

ARMCHAIR, LAMP, PLANT = DEMO_PRODUCTS


@pytest.fixture
async def demo_settings(settings: Settings) -> Settings:
    """``seeit dev``'s settings for the demo: the stand-in as the admin base, the service's host for pictures."""
    return settings.model_copy(
        update={
            "demo": True,
            "shopify_admin_base": "http://testserver/demo/shopify/{shop}",
            "image_fetch_allowed_hosts": ["cdn.shopify.com", "testserver"],
            "image_fetch_allow_plain_http": True,
        }
    )


@pytest.fixture
async def demo(
    demo_settings: Settings, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[httpx.AsyncClient]:
    """The demo app after its first start with the plant not yet cut out; the service's and the worker's
    outgoing HTTP reach that app, as they reach the one process under ``seeit dev``."""
    real_open = Resources.open.__func__  # type: ignore[attr-defined]
    demo_resources: Resources = await real_open(Resources, demo_settings)
    app = create_app(demo_settings, demo_resources)

    def client() -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver", timeout=20.0)

    async def open_with_demo(cls: type[Resources], *args: Any, **kwargs: Any) -> Resources:
        opened: Resources = await real_open(cls, *args, **kwargs)
        await opened.http.aclose()
        opened.http = client()
        return opened

    await demo_resources.http.aclose()
    demo_resources.http = client()
    monkeypatch.setattr(Resources, "open", classmethod(open_with_demo))  # for the worker
    try:
        await prepare_demo_shop(demo_resources, products=[ARMCHAIR, LAMP])
        async with client() as http:
            yield http
    finally:
        await demo_resources.close()


@pytest.fixture
async def demo_worker(demo: httpx.AsyncClient, demo_settings: Settings) -> AsyncIterator[Worker]:
    running = make_worker(demo_settings, ctx={"settings": demo_settings})
    task = asyncio.create_task(running.async_run())
    yield running
    await stop_worker(running, task)


async def _catalogue(demo: httpx.AsyncClient) -> dict[str, dict[str, Any]]:
    answer = await demo.get("/api/admin/products", headers=admin_headers(DEMO_SHOP))
    assert answer.status_code == 200, answer.text
    return {item["gid"]: item for item in answer.json()["items"]}


async def _settled(demo: httpx.AsyncClient, product: DemoProduct) -> dict[str, Any]:
    """The product as the Products page lists it once its preparation is no longer pending."""
    for _ in range(600):
        item = (await _catalogue(demo))[product.gid]
        if item["status"] != "pending":
            return item
        await asyncio.sleep(0.1)
    raise AssertionError(f"{product.title} is still being prepared")


async def test_the_products_page_lists_the_demo_products_with_their_cutouts(demo: httpx.AsyncClient) -> None:
    items = await _catalogue(demo)
    assert list(items) == [p.gid for p in DEMO_PRODUCTS]
    assert [item["title"] for item in items.values()] == [p.title for p in DEMO_PRODUCTS]
    assert items[ARMCHAIR.gid]["status"] == "ready"
    assert items[LAMP.gid]["status"] == "ready"
    assert items[PLANT.gid]["status"] == "none"
    assert items[ARMCHAIR.gid]["settings"]["enabled"] is True
    assert items[PLANT.gid]["settings"]["enabled"] is False
    assert items[PLANT.gid]["image_url"] == "http://testserver/demo/store/images/plant.jpg"
    # A page at a time, as the admin asks for them.
    first = (await demo.get("/api/admin/products?limit=2", headers=admin_headers(DEMO_SHOP))).json()
    assert [item["gid"] for item in first["items"]] == [ARMCHAIR.gid, LAMP.gid]
    rest = await demo.get(
        f"/api/admin/products?limit=2&cursor={first['next_cursor']}", headers=admin_headers(DEMO_SHOP)
    )
    assert [item["gid"] for item in rest.json()["items"]] == [PLANT.gid]
    assert rest.json()["next_cursor"] is None


async def test_the_stand_in_refuses_a_wrong_token_and_documents_it_does_not_know(demo: httpx.AsyncClient) -> None:
    url = "/demo/shopify/see-it-demo.myshopify.com/admin/api/2026-04/graphql.json"
    wrong = await demo.post(url, json={"query": documents.SHOP}, headers={"X-Shopify-Access-Token": "shpat_guess"})
    assert wrong.status_code == 401


async def test_preparing_a_demo_product_through_the_worker_ends_ready(
    demo: httpx.AsyncClient, demo_worker: Worker
) -> None:
    answer = await demo.post(f"/api/admin/products/{PLANT.id}/prepare", headers=admin_headers(DEMO_SHOP))
    assert answer.status_code == 202, answer.text
    plant = await _settled(demo, PLANT)
    assert plant["status"] == "ready", plant["asset"]
    assert plant["asset"]["source_image_url"] == "http://testserver/demo/store/images/plant.jpg"


async def test_prepare_all_prepares_the_enabled_demo_products_without_a_cutout(
    demo: httpx.AsyncClient, demo_worker: Worker
) -> None:
    switched = await demo.patch(
        f"/api/admin/products/{PLANT.id}/settings", json={"enabled": True}, headers=admin_headers(DEMO_SHOP)
    )
    assert switched.status_code == 200, switched.text
    answer = await demo.post("/api/admin/prepare-all", headers=admin_headers(DEMO_SHOP))
    assert answer.status_code == 202, answer.text
    assert answer.json() == {"queued": 1, "skipped": 2, "complete": True}
    await _settled(demo, PLANT)
    assert {item["status"] for item in (await _catalogue(demo)).values()} == {"ready"}


async def test_the_enabled_switch_round_trips_to_the_storefront(demo: httpx.AsyncClient) -> None:
    async def storefront_enabled() -> bool:
        answer = await demo.get(f"{PATH_PREFIX}/config", params={"product_id": str(ARMCHAIR.id)})
        assert answer.status_code == 200, answer.text
        return bool(answer.json()["enabled"])

    assert await storefront_enabled() is True
    for enabled in (False, True):
        switched = await demo.patch(
            f"/api/admin/products/{ARMCHAIR.id}/settings", json={"enabled": enabled}, headers=admin_headers(DEMO_SHOP)
        )
        assert switched.status_code == 200, switched.text
        assert (await _catalogue(demo))[ARMCHAIR.gid]["settings"]["enabled"] is enabled
        assert await storefront_enabled() is enabled
        page = await demo.get(f"/demo/store/products/{ARMCHAIR.handle}")
        assert ('data-state="on"' in page.text) is enabled


def test_seeit_dev_points_the_demo_at_the_stand_in_only_when_no_shopify_is_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    demo_env = demo_shopify_env({"SEEIT_DEMO": "true", "SEEIT_PUBLIC_URL": "http://127.0.0.1:8000"})
    assert demo_env == {
        "SEEIT_SHOPIFY_ADMIN_BASE": "http://127.0.0.1:8000/demo/shopify/{shop}",
        "SEEIT_IMAGE_FETCH_ALLOW_PLAIN_HTTP": "true",
        "SEEIT_IMAGE_FETCH_ALLOWED_HOSTS": '["cdn.shopify.com", "127.0.0.1"]',
    }
    for name, value in demo_env.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    assert settings.image_fetch_allowed_hosts == ["cdn.shopify.com", "127.0.0.1"]
    assert settings.image_fetch_allow_plain_http is True
    named = {"SEEIT_DEMO": "true", "SEEIT_PUBLIC_URL": "http://x", "SEEIT_SHOPIFY_ADMIN_BASE": "https://{shop}"}
    assert demo_shopify_env(named) == {}
    assert demo_shopify_env({"SEEIT_DEMO": "false", "SEEIT_PUBLIC_URL": "http://127.0.0.1:8000"}) == {}
    monkeypatch.delenv("SEEIT_IMAGE_FETCH_ALLOW_PLAIN_HTTP")
    assert Settings().image_fetch_allow_plain_http is False


async def test_the_stand_in_speaks_a_slice_of_shopifys_real_schema() -> None:
    """Every type and field it declares is Shopify's, with Shopify's types; the documents validate against it."""
    real = admin_schema()
    for name, ours in schema().type_map.items():
        if name.startswith("__"):
            continue
        theirs = real.get_type(name)
        assert theirs is not None, name
        if isinstance(ours, graphql.GraphQLEnumType):
            assert isinstance(theirs, graphql.GraphQLEnumType)
            assert set(ours.values) <= set(theirs.values), name
        for field_name, field in getattr(ours, "fields", {}).items():
            assert isinstance(
                theirs, graphql.GraphQLObjectType | graphql.GraphQLInterfaceType | graphql.GraphQLInputObjectType
            ), name
            real_field = theirs.fields[field_name]
            assert str(real_field.type) == str(field.type), f"{name}.{field_name}"
            for arg_name, arg in getattr(field, "args", {}).items():
                assert str(real_field.args[arg_name].type) == str(arg.type), f"{name}.{field_name}({arg_name})"
    for name in (
        "SHOP",
        "PRODUCT",
        "PRODUCTS_PAGE",
        "PRODUCT_TITLES",
        "METAFIELDS_SET",
        "METAFIELDS_DELETE",
        "ACTIVE_SUBSCRIPTIONS",
    ):
        assert graphql.validate(schema(), graphql.parse(documents.ALL_DOCUMENTS[name])) == [], name


async def test_the_demo_shops_plan_page_syncs_with_no_subscription(demo: httpx.AsyncClient) -> None:
    """The admin's Plans page re-reads the subscription on every open: in the demo it finds none, not an error."""
    response = await demo.post("/api/admin/billing/sync", headers=admin_headers(DEMO_SHOP))
    assert response.status_code == 200, response.text
    shop = (await demo.get("/api/admin/shop", headers=admin_headers(DEMO_SHOP))).json()
    assert shop["subscription"] is None
