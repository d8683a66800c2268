"""Nothing the service writes to storage outlives the write's failure: a picture stored by a worker killed before
it recorded it, or a shopper's room photo stored by a request whose transaction then failed, is deleted by the
sweeper; what rows hold is never touched."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from seeit.db import transaction
from seeit.imaging import get_image_model
from seeit.renders import repository as renders_repository
from seeit.renders.tasks import run_render
from seeit.resources import Resources
from seeit.rooms import repository as rooms_repository
from seeit.stored_objects.service import ObjectsSwept, expect_objects, settle_objects
from seeit.stored_objects.tasks import sweep_pending_objects
from tests.renders.scene import make_scene
from tests.rooms import photos
from tests.support import create_shop, proxy_url


class WorkerDied(BaseException):
    """Stands for SIGKILL: nothing below it runs, no handler sees it."""


def stored(storage_dir: Path, shop_id: uuid.UUID, kind: str) -> list[Path]:
    return sorted((storage_dir / "shops" / str(shop_id) / kind).glob("*.*"))


async def age_pending_objects(resources: Resources) -> None:
    async with resources.engine.begin() as conn:
        await conn.execute(text("UPDATE pending_objects SET created_at = now() - interval '1 hour'"))


async def test_a_picture_stored_by_a_worker_killed_before_recording_it_is_swept(
    client: httpx.AsyncClient, resources: Resources, storage_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene = await make_scene(client, resources)
    accepted = (await client.post(scene.url("/proxy/renders"), json=scene.body())).json()

    async def killed(*args: Any, **kwargs: Any) -> bool:
        raise WorkerDied

    monkeypatch.setattr(renders_repository, "complete", killed)
    model = get_image_model(resources.settings.model_copy(update={"imaging_workers": 0}))
    with pytest.raises(WorkerDied):
        await run_render({"resources": resources, "image_model": model}, accepted["id"])
    left = stored(storage_dir, scene.shop_id, "renders")
    assert left, "the picture was stored before the worker died"

    assert await sweep_pending_objects({"resources": resources}) == 0  # a write may still be under way
    await age_pending_objects(resources)
    assert await sweep_pending_objects({"resources": resources}) == len(left)

    assert stored(storage_dir, scene.shop_id, "renders") == []
    assert stored(storage_dir, scene.shop_id, "rooms"), "what rows hold stays"
    assert stored(storage_dir, scene.shop_id, "assets")


async def test_a_room_photo_stored_by_a_request_whose_transaction_failed_is_swept(
    client: httpx.AsyncClient, resources: Resources, storage_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop = await create_shop(resources, "pending.myshopify.com")

    async def database_went_away(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("INSERT INTO room_sessions", {}, ConnectionResetError())

    monkeypatch.setattr(rooms_repository, "insert_room", database_went_away)
    answer = await client.post(
        proxy_url("/proxy/rooms", shop.shop_domain), files={"image": ("room.jpg", photos.jpeg(), "image/jpeg")}
    )
    assert answer.status_code == 503
    assert len(stored(storage_dir, shop.id, "rooms")) == 1  # the shopper's photo, which no row knows about

    await age_pending_objects(resources)
    assert await sweep_pending_objects({"resources": resources}) == 1
    assert stored(storage_dir, shop.id, "rooms") == []


async def test_what_rows_hold_is_never_swept(
    client: httpx.AsyncClient, resources: Resources, storage_dir: Path
) -> None:
    shop = await create_shop(resources, "kept.myshopify.com")
    answer = await client.post(
        proxy_url("/proxy/rooms", shop.shop_domain), files={"image": ("room.jpg", photos.jpeg(), "image/jpeg")}
    )
    assert answer.status_code == 201, answer.text

    await age_pending_objects(resources)
    assert await sweep_pending_objects({"resources": resources}) == 0
    assert len(stored(storage_dir, shop.id, "rooms")) == 1


async def test_a_writer_slower_than_the_grace_finds_its_object_swept_and_records_nothing(
    resources: Resources,
) -> None:
    key = f"shops/{uuid.uuid4()}/rooms/slow.jpg"
    await expect_objects(resources, [key])
    await resources.storage.put(key, b"jpeg", "image/jpeg")
    await age_pending_objects(resources)
    assert await sweep_pending_objects({"resources": resources}) == 1

    with pytest.raises(ObjectsSwept):
        async with transaction(resources) as session:
            await settle_objects(session, [key])
    assert not await resources.storage.exists(key)
