"""Shareable links to a finished render: created by the storefront, followed by anyone, until they expire or
the shop leaves."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from arq.worker import Worker
from PIL import Image
from sqlalchemy import text

from seeit.renders.share import ShareGrant, seal_token
from seeit.resources import Resources
from tests.renders.scene import Scene, make_scene
from tests.renders.test_worker import wait_for


async def completed_render(client: httpx.AsyncClient, scene: Scene) -> dict[str, Any]:
    accepted = (await client.post(scene.url("/proxy/renders"), json=scene.body())).json()
    job = await wait_for(client, scene.url(f"/proxy/renders/{accepted['id']}", wait="20"))
    assert job["status"] == "completed", job
    return job


def share_path(share_url: str) -> str:
    url = httpx.URL(share_url)
    assert f"{url.scheme}://{url.host}" == "http://testserver"  # settings.public_url
    return url.path


def assert_not_found(response: httpx.Response) -> None:
    assert response.status_code == 404, response.text
    assert response.json()["error"]["code"] == "not_found"


async def test_a_shared_render_opens_for_anyone_until_the_shop_uninstalls(
    client: httpx.AsyncClient, resources: Resources, worker: Worker
) -> None:
    scene = await make_scene(client, resources)
    job = await completed_render(client, scene)

    shared = await client.post(scene.url(f"/proxy/renders/{job['id']}/share"))

    assert shared.status_code == 201, shared.text
    link = shared.json()
    path = share_path(link["share_url"])
    assert path.startswith("/share/")
    token = path.removeprefix("/share/")
    # The link does not name the job.
    assert job["id"] not in token
    assert uuid.UUID(job["id"]).hex not in token
    expires_at = datetime.fromisoformat(link["expires_at"])
    assert timedelta(days=29, hours=23) < expires_at - datetime.now(UTC) <= timedelta(days=30)
    # Anyone (no proxy signature, no session) following the link lands on the image.
    redirect = await client.get(path)
    assert redirect.status_code == 302
    assert redirect.headers["cache-control"] == "no-store"
    image = await client.get(redirect.headers["location"])
    assert image.status_code == 200
    shown = Image.open(io.BytesIO(image.content)).format
    assert shown == ("WEBP" if job["display_image_url"] else "PNG")
    # Each share is its own link; both work.
    again = (await client.post(scene.url(f"/proxy/renders/{job['id']}/share"))).json()
    assert again["share_url"] != link["share_url"]
    assert (await client.get(share_path(again["share_url"]))).status_code == 302

    async with resources.engine.begin() as conn:
        await conn.execute(text("UPDATE shops SET uninstalled_at = now() WHERE id = :id"), {"id": scene.shop_id})

    assert_not_found(await client.get(path))


async def test_tampered_expired_and_foreign_links_answer_the_same_404(
    client: httpx.AsyncClient, resources: Resources, worker: Worker
) -> None:
    scene = await make_scene(client, resources)
    job = await completed_render(client, scene)
    path = share_path((await client.post(scene.url(f"/proxy/renders/{job['id']}/share"))).json()["share_url"])
    token = path.removeprefix("/share/")
    tampered = token[:20] + ("A" if token[20] != "A" else "B") + token[21:]
    expired = seal_token(resources.settings, ShareGrant(uuid.UUID(job["id"]), datetime.now(UTC) - timedelta(seconds=1)))
    unknown_job = seal_token(resources.settings, ShareGrant(uuid.uuid4(), datetime.now(UTC) + timedelta(days=1)))

    for bad in (tampered, expired, unknown_job, token[:-4], "not-a-token", "A" * 70):
        assert_not_found(await client.get(f"/share/{bad}"))
    assert (await client.get(path)).status_code == 302  # the genuine link still works

    # Another shop cannot share this shop's render: its id is simply not found there.
    intruder = await make_scene(client, resources, "intruder.myshopify.com")
    assert_not_found(await client.post(intruder.url(f"/proxy/renders/{job['id']}/share")))

    # The image removed from storage (purged): the link finds nothing to show.
    for stored in resources.settings.storage_dir.glob(f"shops/{scene.shop_id}/renders/**/*"):
        if stored.is_file():
            stored.unlink()
    assert_not_found(await client.get(path))


async def test_a_queued_render_cannot_be_shared_yet(client: httpx.AsyncClient, resources: Resources) -> None:
    scene = await make_scene(client, resources)
    accepted = (await client.post(scene.url("/proxy/renders"), json=scene.body())).json()  # no worker: stays queued

    response = await client.post(scene.url(f"/proxy/renders/{accepted['id']}/share"))

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "conflict"
    assert "completed" in error["message"]
    assert error["details"] == {"status": "queued"}
    assert_not_found(await client.post(scene.url(f"/proxy/renders/{uuid.uuid4()}/share")))


async def test_a_failed_render_cannot_be_shared(
    client: httpx.AsyncClient, resources: Resources, worker: Worker
) -> None:
    scene = await make_scene(client, resources)
    # The room photo disappears before the job runs: the render fails.
    for path in resources.settings.storage_dir.glob(f"shops/{scene.shop_id}/rooms/*.jpg"):
        path.unlink()
    accepted = (await client.post(scene.url("/proxy/renders"), json=scene.body())).json()
    job = await wait_for(client, scene.url(f"/proxy/renders/{accepted['id']}", wait="20"))
    assert job["status"] == "failed"

    response = await client.post(scene.url(f"/proxy/renders/{job['id']}/share"))

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"
    assert response.json()["error"]["details"] == {"status": "failed"}
