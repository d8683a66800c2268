"""One storage suite, run against local files and against a real S3-compatible server."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from seeit.config import Settings
from seeit.storage import ObjectMissing, Storage, new_object_key
from seeit.storage.local import LocalStorage
from seeit.storage.s3 import S3Storage


@pytest.fixture(params=["local", "s3"])
async def storage(request: pytest.FixtureRequest, settings: Settings, tmp_path: Path) -> AsyncIterator[Storage]:
    if request.param == "local":
        yield LocalStorage(tmp_path / "objects", public_url=settings.public_url, secret=b"k" * 32)
        return
    endpoint: str = request.getfixturevalue("s3_endpoint")
    s3 = S3Storage(f"bucket-{time.monotonic_ns()}", endpoint_url=endpoint, region="us-east-1")
    await s3.ensure_bucket()
    yield s3
    await s3.close()


async def fetch(storage: Storage, client: httpx.AsyncClient, url: str, **kwargs: object) -> httpx.Response:
    """Local URLs are served by the app; S3 URLs by the S3 server itself."""
    if isinstance(storage, LocalStorage):
        parts = urlsplit(url)
        return await client.request(kwargs.pop("method", "GET"), f"{parts.path}?{parts.query}", **kwargs)  # type: ignore[arg-type]
    async with httpx.AsyncClient() as http:
        return await http.request(kwargs.pop("method", "GET"), url, **kwargs)  # type: ignore[arg-type]


async def test_put_get_exists_delete(storage: Storage) -> None:
    key = new_object_key("rooms/shop-1", ".png")
    assert not await storage.exists(key)
    await storage.put(key, b"\x89PNG data", "image/png")
    assert await storage.exists(key)
    assert await storage.get(key) == b"\x89PNG data"
    await storage.delete(key)
    assert not await storage.exists(key)
    with pytest.raises(ObjectMissing):
        await storage.get(key)
    await storage.delete(key)  # deleting twice is fine


async def test_delete_prefix_removes_only_that_prefix(storage: Storage) -> None:
    mine = [new_object_key("shops/a", ".png") for _ in range(3)]
    theirs = new_object_key("shops/ab", ".png")
    for key in [*mine, theirs]:
        await storage.put(key, b"x", "image/png")
    assert await storage.delete_prefix("shops/a") == 3
    assert await storage.exists(theirs)
    assert not any([await storage.exists(k) for k in mine])


def test_keys_are_unguessable_and_safe() -> None:
    keys = {new_object_key("rooms/s", ".png") for _ in range(1000)}
    assert len(keys) == 1000
    assert all(len(k.rsplit("/", 1)[1]) >= 43 for k in keys)
    with pytest.raises(ValueError, match="invalid storage key"):
        LocalStorage(Path("/tmp"), public_url="", secret=b"").path_for("../etc/passwd")


@pytest.fixture
async def served_storage(storage: Storage, app: object) -> AsyncIterator[Storage]:
    """For local storage, the app must serve the same folder the test writes to."""
    resources = app.state.resources  # type: ignore[attr-defined]
    original = resources.storage
    resources.storage = storage
    yield storage
    resources.storage = original


async def test_signed_url_reads_the_object_until_it_expires(served_storage: Storage, client: httpx.AsyncClient) -> None:
    storage = served_storage
    key = new_object_key("renders/s", ".png")
    await storage.put(key, b"picture", "image/png")
    response = await fetch(storage, client, storage.signed_url(key, expires_in=60))
    assert response.status_code == 200
    assert response.content == b"picture"

    if not isinstance(storage, LocalStorage):
        # The S3 test server does not check signatures; what we control is the expiry we ask for.
        assert "X-Amz-Expires=60" in storage.signed_url(key, expires_in=60)
        return
    other_key = new_object_key("renders/s", ".png")
    await storage.put(other_key, b"someone else's", "image/png")
    tampered = storage.signed_url(key, expires_in=60).replace(key, other_key)
    assert (await fetch(storage, client, tampered)).status_code == 401

    expired = storage.signed_url(key, expires_in=-5)
    assert (await fetch(storage, client, expired)).status_code == 401


async def test_upload_target_accepts_a_direct_upload(served_storage: Storage, client: httpx.AsyncClient) -> None:
    storage = served_storage
    key = new_object_key("uploads/s", ".jpg")
    target = storage.upload_target(key, content_type="image/jpeg", max_bytes=1000, expires_in=60)
    if target.method == "PUT":
        response = await fetch(storage, client, target.url, method="PUT", content=b"jpeg", headers=target.headers)
    else:
        response = await fetch(
            storage, client, target.url, method="POST", data=target.fields, files={"file": ("r.jpg", b"jpeg")}
        )
    assert response.status_code in (200, 201, 204), response.text
    assert await storage.get(key) == b"jpeg"


async def test_upload_target_refuses_a_body_over_the_limit(served_storage: Storage, client: httpx.AsyncClient) -> None:
    storage = served_storage
    key = new_object_key("uploads/s", ".jpg")
    target = storage.upload_target(key, content_type="image/jpeg", max_bytes=10, expires_in=60)
    if not isinstance(storage, LocalStorage):
        # The S3 test server does not enforce POST policies; check that the signed policy carries the bound.
        policy = json.loads(base64.b64decode(target.fields["policy"]))
        assert ["content-length-range", 1, 10] in policy["conditions"]
        return
    big = b"x" * 100
    response = await fetch(storage, client, target.url, method="PUT", content=big, headers=target.headers)
    assert response.status_code == 413
    assert not await storage.exists(key)
