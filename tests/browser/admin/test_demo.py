"""Under ``seeit dev`` the demo's /demo/admin plays the Shopify admin on the service's own origin and frames
/app for the demo shop, with the same App Bridge and Polaris stand-ins the tests use, served locally."""

from __future__ import annotations

from typing import Any

from playwright.async_api import Page

from seeit.app import create_app
from seeit.config import Settings
from seeit.demo.sample_products import DEMO_PRODUCTS, DEMO_SHOP
from seeit.demo.shop_setup import prepare_demo_shop
from seeit.resources import Resources
from tests.browser.conftest import screenshot, serve_app
from tests.conftest import free_port
from tests.support import create_shop


async def test_the_demo_admin_frames_the_app_for_the_demo_shop(
    page: Page, settings: Settings, resources: Resources, fake_shopify: Any
) -> None:
    await create_shop(resources, DEMO_SHOP, plan="starter", daily_quota=100, monthly_quota=2000)
    port = free_port()
    demo_settings = settings.model_copy(update={"demo": True, "public_url": f"http://127.0.0.1:{port}"})
    demo_resources = await Resources.open(demo_settings)
    served = serve_app(create_app(demo_settings, demo_resources), port)
    url = await anext(served)
    try:
        documents = []
        page.on("response", lambda r: documents.append(r) if r.request.resource_type == "document" else None)
        await page.goto(f"{url}/demo/admin")
        app = page.frame(name="app-iframe")
        assert app is not None
        await app.wait_for_url(f"{url}/app?**")
        await app.get_by_text("starter plan").wait_for()
        framed = next(r for r in documents if r.url.startswith(f"{url}/app?"))
        assert await framed.header_value("content-security-policy") == (
            f"frame-ancestors https://{DEMO_SHOP} https://admin.shopify.com 'self'"
        )
        scripts = await app.eval_on_selector_all("script[src]", "els => els.map(e => e.getAttribute('src'))")
        assert scripts[:2] == ["/demo/static/app-bridge.js", "/demo/static/polaris.js"]
        await page.locator("#app-nav a", has_text="Settings").click()
        await app.wait_for_selector('s-page[heading="Settings"]')
        await screenshot(page, "demo-admin-settings")
    finally:
        await served.aclose()
        await demo_resources.close()


async def test_the_demo_admin_lists_the_demo_products_from_the_stand_in_admin_api(
    page: Page, settings: Settings, resources: Resources
) -> None:
    """As ``seeit dev`` runs it, with no Shopify: the Products page lists the sample products, a prepare is
    queued and the switch turns See It off, each without an error toast."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    demo_settings = settings.model_copy(
        update={
            "demo": True,
            "public_url": base,
            "shopify_admin_base": base + "/demo/shopify/{shop}",
            "image_fetch_allowed_hosts": ["cdn.shopify.com", "127.0.0.1"],
        }
    )
    demo_resources = await Resources.open(demo_settings)
    await prepare_demo_shop(demo_resources, products=DEMO_PRODUCTS[:1])
    served = serve_app(create_app(demo_settings, demo_resources), port)
    url = await anext(served)
    try:
        await page.goto(f"{url}/demo/admin")
        app = page.frame(name="app-iframe")
        assert app is not None
        await app.wait_for_url(f"{url}/app?**")
        await app.get_by_text("pro plan").wait_for()
        await page.locator("#app-nav a", has_text="Products").click()
        rows = app.locator("s-table-row[data-product]")
        for product in DEMO_PRODUCTS:
            await app.locator(f's-table-row[data-product="{product.id}"]', has_text=product.title).wait_for()
        assert await rows.count() == len(DEMO_PRODUCTS)
        armchair, lamp = DEMO_PRODUCTS[0], DEMO_PRODUCTS[1]
        assert await app.locator(f's-table-row[data-product="{armchair.id}"]').get_attribute("data-status") == "ready"
        assert await app.locator(f's-table-row[data-product="{lamp.id}"]').get_attribute("data-status") == "none"

        await app.locator(f's-table-row[data-product="{lamp.id}"]').get_by_role("button", name="Prepare").click()
        await page.locator("#toasts .toast", has_text=f"{lamp.title}: preparation queued").wait_for()
        switch = app.locator(f's-table-row[data-product="{armchair.id}"]').get_by_role("switch")
        assert await switch.is_checked()
        await switch.click()
        await page.locator("#toasts .toast", has_text=f"See It is off for {armchair.title}").wait_for()
        await screenshot(page, "demo-admin-products")
        assert await page.locator("#toasts .toast-error").count() == 0
        await page.goto("about:blank")  # the page polls while the lamp is pending: not against a stopped server
    finally:
        await served.aclose()
        await demo_resources.close()
