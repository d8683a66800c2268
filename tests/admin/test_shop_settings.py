"""``/api/admin/settings``: room retention (new and used rooms expire after the shop's hours) and the
watermark (refused off where the plan requires it), recorded in the audit trail."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import select

from seeit.config import Settings
from seeit.models import AuditEvent
from seeit.resources import Resources
from seeit.shops.service import watermarked
from tests.rooms import photos
from tests.support import admin_headers, create_shop, proxy_url

SHOP = "settings.myshopify.com"


async def _patch(client: httpx.AsyncClient, **body: object) -> httpx.Response:
    return await client.patch("/api/admin/settings", headers=admin_headers(SHOP), json=body)


async def test_settings_start_from_the_services_defaults_and_the_plan(
    client: httpx.AsyncClient, resources: Resources, settings: Settings
) -> None:
    await create_shop(resources, SHOP, plan="free")
    body = (await client.get("/api/admin/settings", headers=admin_headers(SHOP))).json()
    assert body["room_retention_hours"] == settings.room_ttl_hours
    assert body["custom_room_retention"] is False
    assert (body["watermark"], body["watermark_required"]) == (True, True)
    assert body["theme_editor_url"] == (
        f"https://{SHOP}/admin/themes/current/editor?template=product&addAppBlockId={settings.shopify_api_key}/see-it"
    )


async def test_a_shorter_retention_makes_new_room_photos_expire_sooner(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    await create_shop(resources, SHOP)
    saved = await _patch(client, room_retention_hours=2)
    assert saved.status_code == 200, saved.text
    assert (saved.json()["room_retention_hours"], saved.json()["custom_room_retention"]) == (2, True)

    room = await client.post(proxy_url("/proxy/rooms", SHOP), files={"image": ("room.jpg", photos.jpeg(320, 240))})
    assert room.status_code == 201
    expires = datetime.fromisoformat(room.json()["expires_at"])
    assert abs(expires - (datetime.now(UTC) + timedelta(hours=2))) < timedelta(minutes=1)

    back = await _patch(client, room_retention_hours=None)
    assert back.json()["custom_room_retention"] is False
    async with resources.sessionmaker() as session:
        events = list(await session.scalars(select(AuditEvent).where(AuditEvent.action == "shop.settings")))
    assert [e.details for e in events] == [
        {"set": {"room_retention_hours": 2}},
        {"set": {"room_retention_hours": None}},
    ]


async def test_the_watermark_is_the_merchants_choice_only_where_the_plan_allows(
    client: httpx.AsyncClient, resources: Resources, settings: Settings
) -> None:
    await create_shop(resources, SHOP, plan="free")
    refused = await _patch(client, watermark=False)
    assert refused.status_code == 422
    assert refused.json()["error"]["details"]["fields"][0]["loc"] == ["body", "watermark"]

    await create_shop(resources, "paid.myshopify.com", plan="pro")
    chosen = await client.patch(
        "/api/admin/settings", headers=admin_headers("paid.myshopify.com"), json={"watermark": True}
    )
    assert chosen.status_code == 200
    assert (chosen.json()["watermark"], chosen.json()["watermark_required"]) == (True, False)
    assert watermarked(settings, "pro", True)
    assert not watermarked(settings, "pro", False)
    assert watermarked(settings, "free", False)


async def test_out_of_range_or_unknown_settings_are_validation_errors(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    await create_shop(resources, SHOP)
    for body in ({"room_retention_hours": 0}, {"room_retention_hours": 721}, {"colour": "red"}, {"watermark": None}):
        response = await _patch(client, **body)
        assert response.status_code == 422, body
        assert response.json()["error"]["code"] == "validation_error"
