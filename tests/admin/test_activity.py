"""``GET /api/admin/activity``: the shop's audit trail, newest first, a page at a time, its own only."""

from __future__ import annotations

from datetime import timedelta

import httpx

from seeit.audit.repository import record_action
from seeit.db import transaction, utcnow
from seeit.resources import Resources
from tests.support import admin_headers, create_shop

SHOP = "trail.myshopify.com"
OTHER = "other.myshopify.com"


async def test_the_trail_pages_newest_first_without_gaps_and_shows_only_the_shops_own(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    shop = await create_shop(resources, SHOP)
    other = await create_shop(resources, OTHER)
    start = utcnow() - timedelta(hours=1)
    async with transaction(resources) as session:
        for n in range(7):
            event = record_action(session, shop.id, "42", "product.settings", f"gid://shopify/Product/{n}", {"n": n})
            event.created_at = start + timedelta(seconds=n)
        record_action(session, other.id, "7", "asset.prepare_all", None)

    seen: list[int] = []
    cursor = None
    for _ in range(4):
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/api/admin/activity", headers=admin_headers(SHOP), params=params)).json()
        seen += [item["details"]["n"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [6, 5, 4, 3, 2, 1, 0]
    first = (await client.get("/api/admin/activity", headers=admin_headers(SHOP), params={"limit": 1})).json()
    item = first["items"][0]
    assert (item["actor"], item["action"], item["subject"]) == ("42", "product.settings", "gid://shopify/Product/6")
    theirs = (await client.get("/api/admin/activity", headers=admin_headers(OTHER))).json()
    assert [i["action"] for i in theirs["items"]] == ["asset.prepare_all"]


async def test_a_cursor_the_service_did_not_give_out_is_a_validation_error(
    client: httpx.AsyncClient, resources: Resources
) -> None:
    await create_shop(resources, SHOP)
    response = await client.get("/api/admin/activity", headers=admin_headers(SHOP), params={"cursor": "bm9wZQ"})
    assert response.status_code == 422
    assert response.json()["error"]["details"]["fields"][0]["loc"] == ["query", "cursor"]


async def test_the_trail_needs_a_session_token(client: httpx.AsyncClient, resources: Resources) -> None:
    await create_shop(resources, SHOP)
    response = await client.get("/api/admin/activity")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_session_token"
