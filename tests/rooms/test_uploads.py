"""Room photo uploads: checked before decoding, upright, stripped of metadata, capped, stored privately."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from PIL import Image
from sqlalchemy import text

from seeit.resources import Resources
from tests.rooms import photos
from tests.support import create_shop, proxy_url

SHOP = "rooms.myshopify.com"


async def upload(
    client: httpx.AsyncClient, data: bytes, *, shop: str = SHOP, filename: str = "room.jpg"
) -> httpx.Response:
    return await client.post(proxy_url("/proxy/rooms", shop), files={"image": (filename, data, "image/jpeg")})


async def fetch_image(client: httpx.AsyncClient, url: str) -> Image.Image:
    response = await client.get(url)
    assert response.status_code == 200
    image = Image.open(io.BytesIO(response.content))
    image.load()
    return image


@pytest.fixture
async def shop(resources: Resources) -> Any:
    return await create_shop(resources, SHOP)


async def test_upload_is_turned_upright_stripped_of_gps_and_capped(
    client: httpx.AsyncClient, shop: Any, resources: Resources
) -> None:
    # Orientation 6: the camera was turned; the stored photo must come out portrait.
    original = photos.jpeg(3000, 2000, exif=photos.gps_exif(orientation=6))
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the upload carries GPS

    response = await upload(client, original)

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["cleanup_status"] is None
    assert body["cleaned_room_image_url"] is None
    url = body["original_room_image_url"]
    assert "signature=" in url
    assert "expires=" in url
    assert f"shops/{shop.id}/rooms/" in url
    stored = await fetch_image(client, url)
    assert stored.format == "JPEG"
    assert max(stored.size) == resources.settings.room_max_side
    assert stored.height > stored.width  # upright
    assert not stored.getexif()  # no EXIF at all, so no GPS
    assert "icc_profile" not in stored.info
    assert "xmp" not in stored.info
    # The dark corner block was top-left in sensor coordinates; turned 90° clockwise it is top-right.
    top_right, top_left = stored.getpixel((stored.width - 5, 5)), stored.getpixel((5, 5))
    assert isinstance(top_right, tuple)
    assert isinstance(top_left, tuple)
    assert top_right[0] < 60
    assert top_left[0] > 100


async def test_stored_photo_url_refuses_tampering(client: httpx.AsyncClient, shop: Any) -> None:
    response = await upload(client, photos.jpeg())
    url = response.json()["original_room_image_url"]
    assert (await client.get(url.replace("signature=", "signature=0"))).status_code == 401


@pytest.mark.parametrize(
    ("case", "status", "code"),
    [
        ("text_as_jpeg", 415, "unsupported_media_type"),
        ("truncated_jpeg", 415, "unsupported_media_type"),
        ("png_bomb", 413, "payload_too_large"),
        ("gif", 415, "unsupported_media_type"),
        ("sixteen_mib", 413, "payload_too_large"),
    ],
)
async def test_bad_uploads_get_their_error_and_the_service_stays_healthy(
    client: httpx.AsyncClient, shop: Any, resources: Resources, case: str, status: int, code: str
) -> None:
    makers: dict[str, Callable[[], bytes]] = {
        "text_as_jpeg": lambda: b"this is not a photo, just text pretending to be one\n" * 20,
        "truncated_jpeg": lambda: photos.jpeg(800, 600)[:2000],
        "png_bomb": photos.png_bomb,
        "gif": photos.gif,
        "sixteen_mib": lambda: photos.jpeg(64, 64) + b"\0" * (16 * 1024 * 1024),
    }
    data = makers[case]()

    response = await upload(client, data)

    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    async with resources.engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM room_sessions")) == 0
    assert not list(resources.settings.storage_dir.glob(f"shops/{shop.id}/rooms/*"))
    # The service still takes a good photo afterwards.
    assert (await upload(client, photos.jpeg())).status_code == 201


async def test_oversized_chunked_upload_is_cut_off(client: httpx.AsyncClient, shop: Any) -> None:
    boundary = "seeitboundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="image"; filename="r.jpg"\r\n'
        "Content-Type: image/jpeg\r\n\r\n"
    ).encode()

    async def body() -> Any:
        yield head
        for _ in range(17):  # 17 MiB with no Content-Length: only counting the stream can stop it
            yield b"\xff" * (1024 * 1024)
        yield f"\r\n--{boundary}--\r\n".encode()

    response = await client.post(
        proxy_url("/proxy/rooms", SHOP),
        content=body(),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


async def test_upload_without_a_valid_signature_is_refused(client: httpx.AsyncClient, shop: Any) -> None:
    response = await client.post("/proxy/rooms?shop=rooms.myshopify.com", files={"image": ("r.jpg", photos.jpeg())})
    assert response.status_code == 401


async def test_direct_upload_then_confirm_applies_the_same_checks(client: httpx.AsyncClient, shop: Any) -> None:
    created = await client.post(proxy_url("/proxy/rooms", SHOP), json={"content_type": "image/jpeg"})
    assert created.status_code == 201, created.text
    room = created.json()
    assert room["original_room_image_url"] is None
    upload_target = room["upload"]
    assert upload_target["method"] == "PUT"
    put = await client.put(
        upload_target["url"], content=photos.jpeg(2500, 1000, exif=photos.gps_exif()), headers=upload_target["headers"]
    )
    assert put.status_code == 204, put.text

    confirmed = await client.post(proxy_url(f"/proxy/rooms/{room['id']}/confirm", SHOP))

    assert confirmed.status_code == 200, confirmed.text
    stored = await fetch_image(client, confirmed.json()["original_room_image_url"])
    assert stored.size == (2048, 819)
    assert not stored.getexif()
    again = await client.post(proxy_url(f"/proxy/rooms/{room['id']}/confirm", SHOP))
    assert again.status_code == 200  # confirming twice changes nothing


async def test_direct_upload_of_a_gif_is_refused_at_confirm(client: httpx.AsyncClient, shop: Any) -> None:
    room = (await client.post(proxy_url("/proxy/rooms", SHOP), json={"content_type": "image/png"})).json()
    target = room["upload"]
    assert (await client.put(target["url"], content=photos.gif(), headers=target["headers"])).status_code == 204

    confirmed = await client.post(proxy_url(f"/proxy/rooms/{room['id']}/confirm", SHOP))

    assert confirmed.status_code == 415
    fetched = await client.get(proxy_url(f"/proxy/rooms/{room['id']}", SHOP))
    assert fetched.json()["original_room_image_url"] is None


async def test_confirm_before_uploading_is_a_conflict(client: httpx.AsyncClient, shop: Any) -> None:
    room = (await client.post(proxy_url("/proxy/rooms", SHOP), json={"content_type": "image/webp"})).json()
    response = await client.post(proxy_url(f"/proxy/rooms/{room['id']}/confirm", SHOP))
    assert response.status_code == 409


async def test_direct_upload_request_is_validated(client: httpx.AsyncClient, shop: Any) -> None:
    response = await client.post(proxy_url("/proxy/rooms", SHOP), json={"content_type": "image/gif"})
    assert response.status_code == 422
    assert response.json()["error"]["details"]["fields"][0]["loc"] == ["body", "content_type"]
