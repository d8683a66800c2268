"""A merchant uploads their own cut-out: a PNG with real transparency becomes a ready ``manual`` asset."""

from __future__ import annotations

import io

import httpx
import pytest
from PIL import Image
from sqlalchemy import select

from seeit.models import AuditEvent, Shop
from seeit.resources import Resources
from tests.assets.conftest import OTHER_SHOP, SHOP
from tests.assets.pictures import cutout_png, has_real_transparency, product_photo
from tests.support import admin_headers, create_shop

URL = "/api/admin/products/8123/asset"


def _upload(png: bytes, name: str = "cutout.png", content_type: str = "image/png") -> dict[str, tuple[str, bytes, str]]:
    return {"image": (name, png, content_type)}


@pytest.fixture
async def shop(resources: Resources) -> str:
    await create_shop(resources, SHOP)
    return SHOP


async def test_a_transparent_png_becomes_a_ready_manual_asset_whose_url_loads(
    client: httpx.AsyncClient, shop: str, resources: Resources
) -> None:
    response = await client.put(URL, headers=admin_headers(shop, user_id="77"), files=_upload(cutout_png()))

    assert response.status_code == 200, response.text
    asset = response.json()
    assert asset["status"] == "ready"
    assert asset["prep_strategy"] == "manual"
    assert asset["product_id"] == "gid://shopify/Product/8123"
    image = await client.get(asset["prepared_image_url"])
    assert image.status_code == 200
    assert image.headers["content-type"] == "image/png"
    assert has_real_transparency(image.content)
    async with resources.sessionmaker() as session:
        events = (await session.scalars(select(AuditEvent))).all()
    assert [(e.actor, e.action, e.subject) for e in events] == [("77", "asset.upload", asset["product_id"])]


async def test_the_uploaded_asset_is_stored_under_the_shops_prefix(
    client: httpx.AsyncClient, shop: str, resources: Resources
) -> None:
    response = await client.put(URL, headers=admin_headers(shop), files=_upload(cutout_png()))
    async with resources.sessionmaker() as session:
        shop_id = await session.scalar(select(Shop.id).where(Shop.shop_domain == shop))
    key = response.json()["prepared_image_url"].split("/files/", 1)[1].split("?", 1)[0]
    assert key.startswith(f"shops/{shop_id}/assets/")


async def test_a_jpeg_is_refused_as_unsupported(client: httpx.AsyncClient, shop: str) -> None:
    response = await client.put(URL, headers=admin_headers(shop), files=_upload(product_photo(), "a.jpg", "image/jpeg"))
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"


async def test_bytes_that_only_claim_to_be_a_png_are_refused(client: httpx.AsyncClient, shop: str) -> None:
    broken = cutout_png()[:60]
    response = await client.put(URL, headers=admin_headers(shop), files=_upload(broken))
    assert response.status_code == 415


@pytest.mark.parametrize(
    ("png", "reason"),
    [
        (cutout_png(transparent=False), "no transparent pixels"),
        (cutout_png(opaque=False), "no fully opaque pixels"),
    ],
)
async def test_a_png_without_real_transparency_is_refused_with_the_reason(
    client: httpx.AsyncClient, shop: str, png: bytes, reason: str
) -> None:
    response = await client.put(URL, headers=admin_headers(shop), files=_upload(png))
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert reason in error["message"]
    assert error["details"]["fields"][0]["loc"] == ["body", "image"]


async def test_an_upload_over_the_byte_limit_is_413(
    client: httpx.AsyncClient, shop: str, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resources.settings, "max_upload_bytes", 2000)
    noisy = Image.effect_noise((200, 200), 80).convert("RGBA")
    out = io.BytesIO()
    noisy.save(out, "PNG")
    response = await client.put(URL, headers=admin_headers(shop), files=_upload(out.getvalue()))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


async def test_an_image_over_the_pixel_limit_is_413_before_it_is_decoded(
    client: httpx.AsyncClient, shop: str, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resources.settings, "max_image_pixels", 10_000)
    response = await client.put(URL, headers=admin_headers(shop), files=_upload(cutout_png(200, 100)))
    assert response.status_code == 413
    assert response.json()["error"]["details"]["max_pixels"] == 10_000


async def test_a_missing_image_field_is_a_validation_error(client: httpx.AsyncClient, shop: str) -> None:
    response = await client.put(URL, headers=admin_headers(shop), files={"other": ("a.png", cutout_png(), "image/png")})
    assert response.status_code == 422


async def test_an_upload_needs_a_session_token(client: httpx.AsyncClient, shop: str) -> None:
    response = await client.put(URL, files=_upload(cutout_png()))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_session_token"


async def test_another_shops_upload_is_not_listed_for_this_shop(
    client: httpx.AsyncClient, shop: str, resources: Resources
) -> None:
    await create_shop(resources, OTHER_SHOP)
    theirs = await client.put(URL, headers=admin_headers(OTHER_SHOP), files=_upload(cutout_png()))
    assert theirs.status_code == 200
    mine = await client.get("/api/admin/assets", headers=admin_headers(shop))
    assert mine.json()["items"] == []
