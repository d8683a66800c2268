"""The merchant's product settings are Shopify metafields in ``$app:see_it``; the storefront reads our copy."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from seeit.models import AuditEvent
from seeit.resources import Resources
from tests.assets.conftest import OTHER_SHOP, SHOP, install
from tests.assets.pictures import cutout_png
from tests.fakes.shopify import resolve_namespace
from tests.support import admin_headers, proxy_url

PRODUCT = 8123
SETTINGS_URL = f"/api/admin/products/{PRODUCT}/settings"


@pytest.fixture
def lamp(shopify: Any) -> Any:
    return shopify.add_product(SHOP, PRODUCT, "Lamp", images=["https://cdn.shopify.com/lamp.jpg"])


async def _patch(client: httpx.AsyncClient, body: dict[str, Any], shop: str = SHOP) -> httpx.Response:
    return await client.patch(SETTINGS_URL, headers=admin_headers(shop), json=body)


async def _config(client: httpx.AsyncClient, shop: str = SHOP, product: str = str(PRODUCT)) -> dict[str, Any]:
    response = await client.get(proxy_url("/proxy/config", shop, product_id=product))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_enabling_writes_the_metafield_and_the_storefront_sees_it(
    client: httpx.AsyncClient, installed: str, lamp: Any, shopify: Any
) -> None:
    assert (await _config(client))["enabled"] is False

    response = await _patch(client, {"enabled": True})

    assert response.status_code == 200, response.text
    assert response.json() == {"enabled": True, "default_asset_id": None, "style_preset": None}
    assert lamp.metafields[(resolve_namespace("$app:see_it"), "enabled")] == ("boolean", "true")
    config = await _config(client)
    assert config["enabled"] is True
    assert config["asset"] is None
    assert config["quality_levels"] == ["draft", "standard", "high"]
    assert isinstance(config["style_presets"], list)


async def test_a_default_asset_must_be_one_of_this_shops_assets_for_the_product(
    client: httpx.AsyncClient, installed: str, lamp: Any, shopify: Any
) -> None:
    shopify.add_product(OTHER_SHOP, PRODUCT, "Their lamp", images=["https://cdn.shopify.com/x.jpg"])
    await install(client, OTHER_SHOP)
    theirs = await client.put(
        f"/api/admin/products/{PRODUCT}/asset",
        headers=admin_headers(OTHER_SHOP),
        files={"image": ("a.png", cutout_png(), "image/png")},
    )
    response = await _patch(client, {"default_asset_id": theirs.json()["id"]})
    assert response.status_code == 404

    mine = await client.put(
        f"/api/admin/products/{PRODUCT}/asset",
        headers=admin_headers(SHOP),
        files={"image": ("a.png", cutout_png(), "image/png")},
    )
    response = await _patch(client, {"default_asset_id": mine.json()["id"]})
    assert response.status_code == 200
    assert response.json()["default_asset_id"] == mine.json()["id"]
    assert (await _config(client))["asset"]["id"] == mine.json()["id"]


async def test_null_clears_a_setting_in_shopify(
    client: httpx.AsyncClient, installed: str, lamp: Any, shopify: Any
) -> None:
    presets = (await _config(client))["style_presets"]
    if not presets:
        pytest.skip("no built-in style presets to choose from")
    assert (await _patch(client, {"style_preset": presets[0]})).json()["style_preset"] == presets[0]
    cleared = await _patch(client, {"style_preset": None})
    assert cleared.status_code == 200, cleared.text
    assert cleared.json()["style_preset"] is None
    deletes = [r for r in shopify.graphql_requests(SHOP) if "metafieldsDelete" in r.query]
    assert [r.body["variables"]["metafields"] for r in deletes] == [
        [{"ownerId": lamp.id, "namespace": "$app:see_it", "key": "style_preset"}]
    ]
    assert deletes[0].outcome == "ok"  # the fake validated the mutation against Shopify's schema
    assert (await _config(client))["style_presets"] == presets


async def test_an_unknown_style_preset_is_a_validation_error(
    client: httpx.AsyncClient, installed: str, lamp: Any
) -> None:
    response = await _patch(client, {"style_preset": "no-such-preset"})
    assert response.status_code == 422
    assert response.json()["error"]["details"]["fields"][0]["loc"] == ["body", "style_preset"]


async def test_shopify_user_errors_become_a_422_with_the_details(
    client: httpx.AsyncClient, installed: str, lamp: Any, shopify: Any
) -> None:
    # The product vanishes between our read and our write: metafieldsSet answers userErrors.
    product = lamp

    class VanishingProducts(dict[str, Any]):
        def get(self, key: str, default: Any = None) -> Any:  # the read of `product(id:)` still sees it ...
            return product if key == product.id else default

        def __contains__(self, key: object) -> bool:  # ... metafieldsSet's owner check does not
            return False

    shopify.shop(SHOP).products = VanishingProducts()
    response = await _patch(client, {"enabled": True})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert error["details"]["fields"][0]["message"] == "Owner does not exist."


async def test_a_settings_change_is_audited(
    client: httpx.AsyncClient, installed: str, lamp: Any, resources: Resources
) -> None:
    await client.patch(SETTINGS_URL, headers=admin_headers(SHOP, user_id="31"), json={"enabled": True})
    async with resources.sessionmaker() as session:
        event = await session.scalar(select(AuditEvent).where(AuditEvent.action == "product.settings"))
    assert event is not None
    assert event.actor == "31"
    assert event.details == {"set": {"enabled": True}, "cleared": []}


async def test_settings_of_a_product_shopify_does_not_have_are_404(
    client: httpx.AsyncClient, installed: str, shopify: Any
) -> None:
    assert (await _patch(client, {"enabled": True})).status_code == 404


async def test_extra_fields_are_refused(client: httpx.AsyncClient, installed: str, lamp: Any) -> None:
    assert (await _patch(client, {"enabled": True, "colour": "red"})).status_code == 422
