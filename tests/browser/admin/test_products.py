"""The merchant's products: prepare one and see it ready, prepare all with live progress, upload a cut-out,
switch See It on (the metafield written at Shopify), and see why a cut-out failed."""

from __future__ import annotations

import functools
from typing import Any

import httpx
from playwright.async_api import Frame

from tests.assets.conftest import FakeCdn
from tests.assets.pictures import cutout_png
from tests.browser.admin.conftest import SHOP, Admin
from tests.support import admin_headers


async def _installed(admin: Admin) -> None:
    async with httpx.AsyncClient(base_url=admin.live.url) as http:
        response = await http.post("/auth/token-exchange", headers=admin_headers(SHOP))
        assert response.status_code == 200, response.text


def _row(app: Frame, product_id: int) -> Any:
    return app.locator(f's-table-row[data-product="{product_id}"]')


async def _status(app: Frame, product_id: int) -> str | None:
    status: str | None = await _row(app, product_id).get_attribute("data-status")
    return status


async def _cutout_loaded(app: Frame, product_id: int) -> bool:
    image = _row(app, product_id).locator(".seeit-checkerboard img")
    if not await image.count():
        return False
    return bool(await image.evaluate("img => img.complete && img.naturalWidth > 0"))


async def test_preparing_one_product_shows_it_ready_with_its_cutout(admin: Admin, fake_shopify: Any) -> None:
    fake_shopify.add_product(SHOP, 1001, "Oak side table", images=["https://cdn.shopify.com/s/files/1/oak.jpg"])
    fake_shopify.add_product(SHOP, 1002, "Linen floor lamp", images=["https://cdn.shopify.com/s/files/1/lamp.jpg"])
    await _installed(admin)
    app = await admin.open("/app/products")
    await _row(app, 1001).wait_for()
    assert await _status(app, 1001) == "none"

    await _row(app, 1001).get_by_role("button", name="Prepare").click()

    await admin.toast("Oak side table: preparation queued")
    await admin.until(lambda: _status_is(app, 1001, "ready"), "the cut-out to be ready")
    await admin.until(lambda: _cutout_loaded(app, 1001), "the cut-out preview to load")
    assert await _row(app, 1001).locator("s-badge").inner_text() == "Ready"
    assert await _status(app, 1002) == "none", "only the product asked for is prepared"
    await admin.snap("admin-products")


async def _status_is(app: Frame, product_id: int, status: str) -> bool:
    return await _status(app, product_id) == status


async def test_prepare_all_shows_progress_until_every_enabled_product_is_ready(admin: Admin, fake_shopify: Any) -> None:
    ids = list(range(2001, 2007))
    for n in ids:
        fake_shopify.add_product(
            SHOP, n, f"Chair {n - 2000}", images=[f"https://cdn.shopify.com/chair-{n}.jpg"], enabled=True
        )
    fake_shopify.add_product(SHOP, 2099, "Gift card", images=["https://cdn.shopify.com/gift.jpg"], enabled=False)
    await _installed(admin)
    app = await admin.open("/app/products")
    await _row(app, 2001).wait_for()

    await app.get_by_role("button", name="Prepare all enabled").click()

    await admin.toast("6 products queued")
    progress = app.locator(".seeit-progress")
    await progress.wait_for()
    await progress.get_by_text("All 6 prepared").wait_for(timeout=120_000)
    for n in ids:
        await admin.until(functools.partial(_status_is, app, n, "ready"), f"chair {n} to be ready")
    assert await _status(app, 2099) == "none", "a product See It is off for is not prepared"
    assert await progress.locator('[role="progressbar"]').get_attribute("aria-valuenow") == "6"
    await admin.snap("admin-products-prepare-all")


async def test_uploading_a_cutout_makes_it_the_ready_one(admin: Admin, fake_shopify: Any) -> None:
    fake_shopify.add_product(SHOP, 3001, "Velvet armchair", images=["https://cdn.shopify.com/armchair.jpg"])
    await _installed(admin)
    app = await admin.open("/app/products")
    await _row(app, 3001).get_by_role("button", name="Manage").click()
    details = app.locator('.seeit-details[data-product="3001"]')
    await details.wait_for()
    assert await details.get_by_text("No ready cut-out yet.").count() == 1

    await details.locator("s-drop-zone input[type=file]").set_input_files(
        {"name": "armchair.png", "mimeType": "image/png", "buffer": cutout_png(320, 240)}
    )

    await admin.toast("Velvet armchair: your cut-out is ready")
    await admin.until(lambda: _status_is(app, 3001, "ready"), "the uploaded cut-out to be ready")
    await admin.until(lambda: _cutout_loaded(app, 3001), "the cut-out preview to load")
    card = details.locator("s-box[data-asset]")
    await card.first.wait_for()
    assert await card.count() == 1
    assert "Uploaded" in await card.inner_text()
    assert await card.locator("s-badge", has_text="Used for renders").count() == 1
    await admin.snap("admin-product-details")


async def test_a_picture_that_is_not_a_png_is_refused_with_a_reason(admin: Admin, fake_shopify: Any) -> None:
    fake_shopify.add_product(SHOP, 3002, "Rattan stool", images=["https://cdn.shopify.com/stool.jpg"])
    await _installed(admin)
    admin.page_console_allow("415")
    app = await admin.open("/app/products")
    await _row(app, 3002).get_by_role("button", name="Manage").click()
    details = app.locator('.seeit-details[data-product="3002"]')
    await details.locator("s-drop-zone input[type=file]").set_input_files(
        {"name": "notes.png", "mimeType": "image/png", "buffer": b"these are not pixels"}
    )
    await admin.page.locator("#toasts .toast-error").first.wait_for()
    assert await _status(app, 3002) == "none"


async def test_switching_see_it_on_writes_the_products_metafield_at_shopify(admin: Admin, fake_shopify: Any) -> None:
    product = fake_shopify.add_product(SHOP, 4001, "Walnut shelf", images=["https://cdn.shopify.com/shelf.jpg"])
    await _installed(admin)
    app = await admin.open("/app/products")
    switch = _row(app, 4001).get_by_role("switch", name="Show See It on Walnut shelf")
    assert not await switch.is_checked()

    await switch.click()

    await admin.toast("See It is on for Walnut shelf")
    assert product.app_metafield("enabled") == "true"
    app = await admin.open("/app/products")  # a reload shows what Shopify now holds
    assert await _row(app, 4001).get_by_role("switch").is_checked()

    await _row(app, 4001).get_by_role("switch").click()
    await admin.toast("See It is off for Walnut shelf")
    assert product.app_metafield("enabled") == "false"


async def test_a_failed_cutout_says_why(admin: Admin, fake_shopify: Any, cdn: FakeCdn) -> None:
    photo = cdn.serve("/s/files/1/missing.jpg", httpx.Response(404))
    fake_shopify.add_product(SHOP, 5001, "Missing photo", images=[photo])
    await _installed(admin)
    app = await admin.open("/app/products")

    await _row(app, 5001).get_by_role("button", name="Prepare").click()

    await admin.until(lambda: _status_is(app, 5001, "failed"), "the cut-out to fail")
    reason = _row(app, 5001).locator(".seeit-reason")
    await reason.wait_for()
    assert (await reason.inner_text()).startswith("Why it failed: ")
    assert len(await reason.inner_text()) > len("Why it failed: ") + 10
    await admin.snap("admin-products-failed")
