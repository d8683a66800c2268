"""A merchant's own style presets: saved through the admin API, versioned, used and counted by renders."""

from __future__ import annotations

import json

import httpx
import pytest
from arq.worker import Worker
from sqlalchemy import select

from seeit.models import AuditEvent, StylePreset
from seeit.resources import Resources
from tests.renders.scene import make_scene
from tests.renders.test_worker import wait_for
from tests.support import admin_headers, create_shop

SHOP = "presets.myshopify.com"


async def test_a_merchant_saves_lists_and_deletes_a_preset(client: httpx.AsyncClient, resources: Resources) -> None:
    await create_shop(resources, SHOP)
    headers = admin_headers(SHOP, user_id="77")
    url = "/api/admin/style-presets"

    saved = await client.put(f"{url}/showroom", headers=headers, json={"prompt_template": "Bright showroom light."})
    assert saved.status_code == 200, saved.text
    assert saved.json()["version"] == 1
    same = await client.put(f"{url}/showroom", headers=headers, json={"prompt_template": "Bright showroom light."})
    assert same.json()["version"] == 1  # the same text is the same version
    changed = await client.put(f"{url}/showroom", headers=headers, json={"prompt_template": "Soft gallery light."})
    assert changed.json()["version"] == 2

    listed = (await client.get(url, headers=headers)).json()["items"]
    names = [(p["name"], p["builtin"]) for p in listed]
    assert names[:4] == [("natural", True), ("warm", True), ("bright", True), ("moody", True)]
    assert ("showroom", False) in names
    mine = next(p for p in listed if p["name"] == "showroom")
    assert (mine["prompt_template"], mine["usage_count"]) == ("Soft gallery light.", 0)

    assert (await client.delete(f"{url}/showroom", headers=headers)).status_code == 204
    gone = await client.delete(f"{url}/showroom", headers=headers)
    assert gone.json()["error"]["code"] == "not_found"
    async with resources.sessionmaker() as session:
        actions = (await session.scalars(select(AuditEvent.action).order_by(AuditEvent.created_at))).all()
        actors = set((await session.scalars(select(AuditEvent.actor))).all())
    assert actions == ["style_preset.save"] * 3 + ["style_preset.delete"]
    assert actors == {"77"}


async def test_preset_names_and_texts_are_validated(client: httpx.AsyncClient, resources: Resources) -> None:
    await create_shop(resources, SHOP)
    headers = admin_headers(SHOP)
    builtin = await client.put("/api/admin/style-presets/warm", headers=headers, json={"prompt_template": "x"})
    assert builtin.status_code == 409
    bad_name = await client.put("/api/admin/style-presets/Bad%20Name", headers=headers, json={"prompt_template": "x"})
    assert bad_name.status_code == 422
    empty = await client.put("/api/admin/style-presets/ok", headers=headers, json={"prompt_template": ""})
    assert empty.json()["error"]["details"]["fields"][0]["loc"] == ["body", "prompt_template"]


@pytest.mark.parametrize("template", ["nul\x00byte", "lone \ud800 surrogate"])
async def test_texts_postgres_cannot_store_are_422_and_save_nothing(
    client: httpx.AsyncClient, resources: Resources, template: str
) -> None:
    await create_shop(resources, SHOP)
    body = json.dumps({"prompt_template": template}).encode()  # escaped, as a JSON client would send it
    response = await client.put(
        "/api/admin/style-presets/odd",
        headers={**admin_headers(SHOP), "content-type": "application/json"},
        content=body,
    )
    assert response.status_code == 422, response.text
    assert response.json()["error"]["details"]["fields"][0]["loc"] == ["body", "prompt_template"]
    async with resources.sessionmaker() as session:
        assert (await session.scalars(select(StylePreset))).all() == []


async def test_another_shops_preset_is_invisible(client: httpx.AsyncClient, resources: Resources) -> None:
    await create_shop(resources, SHOP)
    await create_shop(resources, "other.myshopify.com")
    await client.put("/api/admin/style-presets/mine", headers=admin_headers(SHOP), json={"prompt_template": "Mine."})
    theirs = await client.get("/api/admin/style-presets", headers=admin_headers("other.myshopify.com"))
    assert "mine" not in [p["name"] for p in theirs.json()["items"]]
    deleted = await client.delete("/api/admin/style-presets/mine", headers=admin_headers("other.myshopify.com"))
    assert deleted.status_code == 404


async def test_a_render_records_the_presets_version_and_counts_its_use(
    client: httpx.AsyncClient, resources: Resources, worker: Worker
) -> None:
    scene = await make_scene(client, resources)
    headers = admin_headers(scene.shop_domain)
    url = "/api/admin/style-presets/gallery"
    await client.put(url, headers=headers, json={"prompt_template": "First text."})
    await client.put(url, headers=headers, json={"prompt_template": "Second text."})

    accepted = await client.post(scene.url("/proxy/renders"), json=scene.body(style_preset="gallery"))
    assert accepted.status_code == 202, accepted.text
    job = await wait_for(client, scene.url(f"/proxy/renders/{accepted.json()['id']}", wait="20"))

    assert job["status"] == "completed", job
    assert (job["prompt_id"], job["prompt_version"]) == ("shop.gallery", 2)
    listed = (await client.get("/api/admin/style-presets", headers=headers)).json()["items"]
    assert next(p for p in listed if p["name"] == "gallery")["usage_count"] == 1
