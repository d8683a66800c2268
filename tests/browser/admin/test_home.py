"""Home after a shopper's render: the render counted against today's and the month's quota, drawn in the
30-day chart as a composite, and listed with its picture among the recent renders."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from tests.assets.pictures import cutout_png
from tests.browser.admin.conftest import SHOP, Admin
from tests.rooms import photos
from tests.support import admin_headers, proxy_url

PRODUCT = "8123456789"


async def _finished_render(http: httpx.AsyncClient) -> dict[str, Any]:
    """A shopper's render through the app proxy, run by the real worker to the end."""
    room = await http.post(proxy_url("/proxy/rooms", SHOP), files={"image": ("room.jpg", photos.jpeg(800, 600))})
    assert room.status_code == 201, room.text
    body = {
        "product_id": PRODUCT,
        "room_session_id": room.json()["id"],
        "placement": {"x": 0.5, "y": 0.8, "scale": 0.3},
    }
    accepted = await http.post(proxy_url("/proxy/renders", SHOP), json=body)
    assert accepted.status_code == 202, accepted.text
    for _ in range(300):
        job = await http.get(proxy_url(f"/proxy/renders/{accepted.json()['id']}", SHOP, wait="5"))
        if job.json()["status"] in ("completed", "failed"):
            break
        await asyncio.sleep(0.1)
    render: dict[str, Any] = job.json()
    assert render["status"] == "completed", render
    return render


async def test_home_shows_a_shoppers_render_in_the_quotas_the_chart_and_the_recent_list(
    admin: Admin, fake_shopify: Any
) -> None:
    async with httpx.AsyncClient(base_url=admin.live.url, timeout=30) as http:
        assert (await http.post("/auth/token-exchange", headers=admin_headers(SHOP))).status_code == 200
        upload = await http.put(
            f"/api/admin/products/{PRODUCT}/asset",
            headers=admin_headers(SHOP),
            files={"image": ("cutout.png", cutout_png(), "image/png")},
        )
        assert upload.status_code == 200, upload.text
        render = await _finished_render(http)

    app = await admin.open()

    await app.get_by_text("Renders today").wait_for()
    cards = app.locator(".seeit-card")
    assert "1 of 10" in await cards.nth(0).inner_text()
    assert "1 of 100" in await cards.nth(1).inner_text()
    bars = app.locator("svg.seeit-chart rect")
    assert await bars.count() == 1
    assert await bars.first.get_attribute("data-kind") == "composite_renders"
    row = app.locator(f's-table-row[data-render="{render["id"]}"]')
    await row.wait_for()
    assert "Completed" in await row.inner_text()
    thumbnail = row.locator("s-thumbnail img")
    await admin.until(
        lambda: thumbnail.evaluate("img => img.complete && img.naturalWidth > 0"), "the render's picture to load"
    )
    await admin.snap("admin-home")
