"""Room sessions expire after their last use, slide on use, and are purged with their images."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import text

from seeit.resources import Resources
from seeit.rooms.tasks import purge_expired_rooms
from tests.rooms import photos
from tests.support import create_shop, proxy_url

SHOP = "sessions.myshopify.com"


async def new_room(client: httpx.AsyncClient, shop: str = SHOP) -> dict[str, Any]:
    response = await client.post(proxy_url("/proxy/rooms", shop), files={"image": ("r.jpg", photos.jpeg())})
    assert response.status_code == 201, response.text
    room: dict[str, Any] = response.json()
    return room


async def expire(resources: Resources, room_id: str) -> None:
    async with resources.engine.begin() as conn:
        await conn.execute(
            text("UPDATE room_sessions SET expires_at = now() - interval '1 minute' WHERE id = :id"), {"id": room_id}
        )


async def test_expiry_slides_forward_on_use(client: httpx.AsyncClient, resources: Resources) -> None:
    await create_shop(resources, SHOP)
    room = await new_room(client)
    async with resources.engine.begin() as conn:
        await conn.execute(
            text("UPDATE room_sessions SET expires_at = now() + interval '1 hour' WHERE id = :id"), {"id": room["id"]}
        )

    fetched = await client.get(proxy_url(f"/proxy/rooms/{room['id']}", SHOP))

    assert fetched.status_code == 200
    expires_at = datetime.fromisoformat(fetched.json()["expires_at"])
    assert expires_at > datetime.now(UTC) + timedelta(hours=resources.settings.room_ttl_hours - 1)


async def test_expired_session_answers_410(client: httpx.AsyncClient, resources: Resources) -> None:
    await create_shop(resources, SHOP)
    room = await new_room(client)
    await expire(resources, room["id"])

    for response in (
        await client.get(proxy_url(f"/proxy/rooms/{room['id']}", SHOP)),
        await client.post(proxy_url(f"/proxy/rooms/{room['id']}/cleanup", SHOP)),
        await client.post(proxy_url(f"/proxy/rooms/{room['id']}/confirm", SHOP)),
    ):
        assert response.status_code == 410
        assert response.json()["error"]["code"] == "room_session_expired"


async def test_purge_deletes_expired_sessions_and_their_images(client: httpx.AsyncClient, resources: Resources) -> None:
    shop = await create_shop(resources, SHOP)
    old, kept = await new_room(client), await new_room(client)
    await expire(resources, old["id"])
    folder = resources.settings.storage_dir / f"shops/{shop.id}/rooms"
    assert len(list(folder.glob("*.jpg"))) == 2

    purged = await purge_expired_rooms({"resources": resources})

    assert purged == 1
    assert len(list(folder.glob("*.jpg"))) == 1
    assert (await client.get(proxy_url(f"/proxy/rooms/{old['id']}", SHOP))).status_code == 404
    assert (await client.get(proxy_url(f"/proxy/rooms/{kept['id']}", SHOP))).status_code == 200
    assert (await client.get(old["original_room_image_url"])).status_code == 404


async def test_another_shops_room_is_not_found(client: httpx.AsyncClient, resources: Resources) -> None:
    await create_shop(resources, SHOP)
    await create_shop(resources, "other.myshopify.com")
    room = await new_room(client)

    for response in (
        await client.get(proxy_url(f"/proxy/rooms/{room['id']}", "other.myshopify.com")),
        await client.post(proxy_url(f"/proxy/rooms/{room['id']}/cleanup", "other.myshopify.com")),
        await client.post(proxy_url(f"/proxy/rooms/{room['id']}/confirm", "other.myshopify.com")),
    ):
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
