"""The local demo as a newcomer tries it: from the landing page to a picture of the sample room, on one origin
(page, app proxy and service), as ``seeit dev`` serves it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Page, expect

from seeit.app import create_app
from seeit.demo.shop_setup import prepare_demo_shop
from seeit.resources import Resources
from tests.browser.conftest import LiveService, screenshot, serve_app
from tests.conftest import free_port


@pytest.fixture
async def demo_url(live_service: LiveService) -> AsyncIterator[str]:
    """The service with the demo on, on a port of its own (its signed URLs point there), the live worker behind."""
    port = free_port()
    settings = live_service.settings.model_copy(update={"demo": True, "public_url": f"http://127.0.0.1:{port}"})
    resources = await Resources.open(settings)
    await prepare_demo_shop(resources)
    served = serve_app(create_app(settings, resources), port)
    try:
        yield await anext(served)
    finally:
        await served.aclose()
        await resources.close()


async def test_a_newcomer_renders_the_sample_room_from_the_demo_storefront(
    page: Page, demo_url: str, tmp_path: Path
) -> None:
    await page.goto(demo_url + "/")
    await expect(page.get_by_role("link", name="The demo admin")).to_have_attribute("href", "/demo/admin")
    room = tmp_path / "sample-room.jpg"
    async with httpx.AsyncClient() as client:
        room.write_bytes((await client.get(demo_url + "/demo/store/sample-room.jpg")).content)
    await page.get_by_role("link", name="other sample products").click()
    await screenshot(page, "demo-collection")
    await page.get_by_role("link", name="Brass floor lamp").click()
    await page.get_by_role("button", name="See it in your room").click()
    dialog = page.get_by_role("dialog", name="See Brass floor lamp in your room")
    await dialog.locator("input[type=file]").set_input_files(room)
    product = dialog.locator(".see-it-dialog__product")
    await expect(product).to_be_visible()
    await product.focus()
    for _ in range(5):
        await page.keyboard.press("Shift+ArrowRight")  # under the picture frame
    await page.keyboard.press("+")
    await dialog.get_by_role("button", name="Clean up my room").click()
    await expect(dialog.get_by_role("status")).to_have_text("Your room is tidied up.", timeout=60_000)
    await dialog.get_by_role("button", name="Render").click()
    result = dialog.locator(".see-it-dialog__result")
    await expect(result).to_be_visible(timeout=60_000)
    await expect(result).to_have_js_property("complete", True)
    await screenshot(page, "demo-result")
