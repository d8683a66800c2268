"""Tenant isolation: every storefront endpoint answers 404 for another shop's ids, and changes nothing."""

from __future__ import annotations

import httpx
from sqlalchemy import text

from seeit.resources import Resources
from tests.renders.scene import make_scene, usage_today
from tests.support import admin_headers


async def test_every_proxy_endpoint_answers_404_for_another_shops_ids(
    client: httpx.AsyncClient, resources: Resources, app: object
) -> None:
    owner = await make_scene(client, resources, "owner.myshopify.com")
    intruder = await make_scene(client, resources, "intruder.myshopify.com")
    job = (await client.post(owner.url("/proxy/renders"), json=owner.body())).json()
    room, job_id = owner.room_id, job["id"]

    calls = {
        ("GET", "/proxy/rooms/{room_session_id}"): ("GET", f"/proxy/rooms/{room}", None),
        ("POST", "/proxy/rooms/{room_session_id}/confirm"): ("POST", f"/proxy/rooms/{room}/confirm", None),
        ("POST", "/proxy/rooms/{room_session_id}/cleanup"): ("POST", f"/proxy/rooms/{room}/cleanup", None),
        ("GET", "/proxy/renders/{job_id}"): ("GET", f"/proxy/renders/{job_id}", None),
        ("POST", "/proxy/renders/{job_id}/share"): ("POST", f"/proxy/renders/{job_id}/share", None),
        ("POST", "/proxy/renders"): ("POST", "/proxy/renders", intruder.body(room_session_id=room)),
    }
    # Every /proxy route that takes one of our ids is walked: a new one must be added above.
    routes = {
        (method, route.path)
        for route in app.routes  # type: ignore[attr-defined]
        for method in getattr(route, "methods", ())
        if route.path.startswith("/proxy/") and "{" in route.path
    }
    assert routes <= set(calls), routes - set(calls)

    for method, path, body in calls.values():
        response = await client.request(method, intruder.url(path), json=body)
        assert response.status_code == 404, (path, response.text)
        assert response.json()["error"]["code"] == "not_found"

    assert (await usage_today(resources, intruder.shop_id))["composite"] == 0
    assert (await usage_today(resources, intruder.shop_id))["cleanup"] == 0
    async with resources.engine.connect() as conn:
        assert await conn.scalar(text("SELECT cleanup_status FROM room_sessions WHERE id = :id"), {"id": room}) is None
    # The merchant listing shows only the shop's own renders.
    listed = await client.get("/api/admin/renders", headers=admin_headers("intruder.myshopify.com"))
    assert listed.status_code == 200
    assert listed.json()["items"] == []


async def test_admin_listing_pages_newest_first(client: httpx.AsyncClient, resources: Resources) -> None:
    scene = await make_scene(client, resources, "lister.myshopify.com")
    created = [(await client.post(scene.url("/proxy/renders"), json=scene.body())).json()["id"] for _ in range(5)]
    headers = admin_headers("lister.myshopify.com")

    first = (await client.get("/api/admin/renders?limit=2", headers=headers)).json()
    second = (await client.get(f"/api/admin/renders?limit=2&cursor={first['next_cursor']}", headers=headers)).json()
    third = (await client.get(f"/api/admin/renders?limit=2&cursor={second['next_cursor']}", headers=headers)).json()

    seen = [item["id"] for page in (first, second, third) for item in page["items"]]
    assert seen == list(reversed(created))
    assert third["next_cursor"] is None
    failed = (await client.get("/api/admin/renders?status=failed", headers=headers)).json()
    assert failed["items"] == []
    bad = await client.get("/api/admin/renders?cursor=garbage", headers=headers)
    assert bad.status_code == 422
