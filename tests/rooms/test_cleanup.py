"""Cleanup renders of room photos: counted once against the quota, run by the worker, refunded on failure."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pytest
from arq.worker import Worker
from PIL import Image

from seeit.resources import Resources
from seeit.storage import StorageError
from seeit.storage.local import LocalStorage
from tests.renders.scene import usage_today
from tests.rooms import photos
from tests.support import create_shop, proxy_url

SHOP = "cleanup.myshopify.com"


async def wait_for_cleanup(client: httpx.AsyncClient, room_id: str, *, seconds: float = 20) -> dict[str, object]:
    import asyncio

    for _ in range(int(seconds / 0.05)):
        room: dict[str, object] = (await client.get(proxy_url(f"/proxy/rooms/{room_id}", SHOP))).json()
        if room["cleanup_status"] in ("completed", "failed"):
            return room
        await asyncio.sleep(0.05)
    raise AssertionError(f"cleanup did not finish: {room}")


async def new_room(client: httpx.AsyncClient) -> str:
    response = await client.post(proxy_url("/proxy/rooms", SHOP), files={"image": ("r.jpg", photos.jpeg(640, 480))})
    room_id: str = response.json()["id"]
    return room_id


async def test_cleanup_is_counted_once_and_stored(
    client: httpx.AsyncClient, resources: Resources, worker: Worker
) -> None:
    shop = await create_shop(resources, SHOP)
    room_id = await new_room(client)

    first = await client.post(proxy_url(f"/proxy/rooms/{room_id}/cleanup", SHOP))
    second = await client.post(proxy_url(f"/proxy/rooms/{room_id}/cleanup", SHOP))

    assert first.status_code == 202
    assert first.json()["cleanup_status"] in ("queued", "processing", "completed")
    assert second.status_code == 202
    room = await wait_for_cleanup(client, room_id)
    assert room["cleanup_status"] == "completed"
    cleaned = await client.get(str(room["cleaned_room_image_url"]))
    assert Image.open(io.BytesIO(cleaned.content)).size == (640, 480)
    assert (await usage_today(resources, shop.id))["cleanup"] == 1


async def test_failed_cleanup_is_refunded(client: httpx.AsyncClient, resources: Resources, worker: Worker) -> None:
    shop = await create_shop(resources, SHOP)
    room_id = await new_room(client)
    for path in resources.settings.storage_dir.glob(f"shops/{shop.id}/rooms/*.jpg"):
        path.unlink()

    assert (await client.post(proxy_url(f"/proxy/rooms/{room_id}/cleanup", SHOP))).status_code == 202
    room = await wait_for_cleanup(client, room_id)

    assert room["cleanup_status"] == "failed"
    assert (await usage_today(resources, shop.id))["cleanup"] == 0


async def test_cleanup_over_quota_is_refused(client: httpx.AsyncClient, resources: Resources) -> None:
    await create_shop(resources, SHOP, daily_quota=1, monthly_quota=10)
    first, second = await new_room(client), await new_room(client)
    assert (await client.post(proxy_url(f"/proxy/rooms/{first}/cleanup", SHOP))).status_code == 202

    refused = await client.post(proxy_url(f"/proxy/rooms/{second}/cleanup", SHOP))

    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "quota_exceeded"
    assert refused.json()["error"]["details"]["scope"] == "daily"
    assert int(refused.headers["Retry-After"]) > 0


async def test_a_cleanup_that_meets_a_storage_outage_finishes_once_storage_answers_again(
    client: httpx.AsyncClient, resources: Resources, worker: Worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop = await create_shop(resources, SHOP)
    room_id = await new_room(client)
    real_put = LocalStorage.put
    refused: list[str] = []

    async def down_for_the_first_write(self: LocalStorage, key: str, data: bytes, content_type: str) -> Any:
        if not refused:
            refused.append(key)
            raise StorageError("Could not connect to the endpoint URL")
        return await real_put(self, key, data, content_type)

    monkeypatch.setattr(LocalStorage, "put", down_for_the_first_write)
    assert (await client.post(proxy_url(f"/proxy/rooms/{room_id}/cleanup", SHOP))).status_code == 202
    room = await wait_for_cleanup(client, room_id, seconds=30)

    assert refused, "the worker met the outage"
    assert room["cleanup_status"] == "completed", room
    assert (await usage_today(resources, shop.id))["cleanup"] == 1
