"""Home after a shopper's render: the render counted against today's and the month's quota, drawn in the
30-day chart as a composite, and listed with its picture among the recent renders."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx

from seeit.demo.cart import webhook_headers
from tests.assets.pictures import cutout_png
from tests.browser.admin.conftest import SHOP, Admin
from tests.conftest import TEST_SECRET
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


async def _shoppers_and_an_order(http: httpx.AsyncClient) -> None:
    """Two shoppers open See It on the product; one renders, adds it to the cart and orders it (Shopify's
    orders/create delivered twice, as it may be); the other leaves."""
    buyer, browser = str(uuid.uuid4()), str(uuid.uuid4())
    steps = ["opened", "room_uploaded", "rendered", "added_to_cart"]
    events = {"visitor_id": buyer, "events": [{"kind": kind, "product_id": PRODUCT} for kind in steps]}
    assert (await http.post(proxy_url("/proxy/events", SHOP), json=events)).status_code == 204
    events = {"visitor_id": browser, "events": [{"kind": "opened", "product_id": PRODUCT}]}
    assert (await http.post(proxy_url("/proxy/events", SHOP), json=events)).status_code == 204
    order = {
        "id": 820982911946154508,
        "name": "#1001",
        "created_at": datetime.now(UTC).isoformat(),
        "currency": "EUR",
        "customer": None,
        "note_attributes": [{"name": "_see_it_visitor", "value": buyer}],
        "line_items": [{"product_id": int(PRODUCT), "variant_id": 1, "quantity": 1, "price": "489.00"}],
    }
    raw = json.dumps(order).encode()
    for _ in range(2):
        delivered = await http.post(
            "/webhooks", content=raw, headers=webhook_headers("orders/create", SHOP, raw, TEST_SECRET)
        )
        assert delivered.status_code == 200, delivered.text


async def test_home_shows_the_shoppers_funnel_the_attributed_order_and_the_top_product(
    admin: Admin, fake_shopify: Any
) -> None:
    fake_shopify.add_product(SHOP, PRODUCT, "Ochre lounge armchair")
    async with httpx.AsyncClient(base_url=admin.live.url, timeout=30) as http:
        assert (await http.post("/auth/token-exchange", headers=admin_headers(SHOP))).status_code == 200
        await _shoppers_and_an_order(http)

    await admin.page.set_viewport_size({"width": 1280, "height": 1500})  # the whole section in one picture
    app = await admin.open()

    funnel = app.locator("svg.seeit-funnel")
    await funnel.wait_for()
    steps = {
        await group.get_attribute("data-step"): await group.get_attribute("data-value")
        for group in await funnel.locator("g[data-step]").all()
    }
    assert steps == {"opens": "2", "uploads": "1", "renders": "1", "carts": "1", "orders": "1"}
    assert "50% of the step before" in (await funnel.locator('g[data-step="uploads"]').text_content() or "")
    assert "489" in await app.locator(".seeit-revenue").inner_text()
    assert "1" in await app.locator(".seeit-orders").inner_text()
    assert "100%" in await app.locator(".seeit-conversion").inner_text()
    product = app.locator(f'svg.seeit-products-chart g[data-product="{PRODUCT}"]')
    await product.wait_for()
    bars = {
        await bar.get_attribute("data-kind"): await bar.get_attribute("width")
        for bar in await product.locator("rect").all()
    }
    assert set(bars) == {"renders", "carts", "orders"}
    assert all(float(width or 0) > 0 for width in bars.values())
    assert "Ochre lounge armchair" in (await product.text_content() or ""), "the product's title at Shopify"
    await app.locator("svg.seeit-funnel").scroll_into_view_if_needed()
    await admin.snap("admin-home-funnel")
