"""The block on the product page: when it shows, in which language, without shifting the page; and the
visualizer worked with the keyboard alone."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Page, Route, expect

from seeit.assets import repository as assets_repository
from seeit.assets.router import PROXY_CONFIG_CACHE_CONTROL
from seeit.db import transaction
from seeit.demo.sample_products import DEMO_PRODUCTS
from seeit.shops.repository import shop_id_for
from tests.browser.conftest import LiveService, screenshot
from tests.browser.storefront import ARMCHAIR, SHOP, Shopfront, open_storefront, room_photo

LAMP, PLANT = DEMO_PRODUCTS[1], DEMO_PRODUCTS[2]


@pytest.fixture
async def shopfront(live_service: LiveService) -> AsyncIterator[Shopfront]:
    products = [
        ARMCHAIR.storefront(None),  # the storefront cannot read the metafield: the block asks the app proxy
        LAMP.storefront(False),  # switched off, and the metafield says so
        PLANT.storefront(None),  # switched off, known only to the service
    ]
    async for opened in open_storefront(live_service, products):
        async with transaction(live_service.resources) as session:
            shop_id = await shop_id_for(session, SHOP)
            assert shop_id is not None
            await assets_repository.save_product_settings(session, shop_id, PLANT.gid, {"enabled": False})
        yield opened


async def block_box(page: Page) -> Any:
    return await page.locator("see-it-block").bounding_box()


async def test_the_button_shows_after_the_app_proxy_says_yes_without_moving_the_page(
    page: Page, shopfront: Shopfront
) -> None:
    # The app proxy's answer is held back until the page has been looked at without it.
    answer_now = asyncio.Event()

    async def held(route: Route) -> None:
        await answer_now.wait()
        await route.continue_()

    await page.route("**/apps/see-it/config?*", held)
    async with page.expect_response(lambda r: "/apps/see-it/config" in r.url) as answered:
        await page.goto(shopfront.product_url(ARMCHAIR))
        # Before the answer the block holds its place, the button invisible.
        await expect(page.locator("see-it-block")).to_have_attribute("data-state", "ask")
        await expect(page.get_by_role("button", name="See it in your room")).to_be_hidden()
        before = await block_box(page)
        answer_now.set()
    response = await answered.value
    assert response.status == 200
    assert response.headers["cache-control"] == PROXY_CONFIG_CACHE_CONTROL
    await expect(page.get_by_role("button", name="See it in your room")).to_be_visible()
    after = await block_box(page)
    assert (after["y"], after["height"]) == (before["y"], before["height"]), "nothing shifted"


async def test_no_button_for_a_product_that_is_not_enabled(page: Page, shopfront: Shopfront) -> None:
    await page.goto(shopfront.product_url(LAMP))
    assert await page.locator("see-it-block").count() == 0, "the metafield says no: nothing is rendered"

    async with page.expect_response(lambda r: "/apps/see-it/config" in r.url):
        await page.goto(shopfront.product_url(PLANT))
    await expect(page.locator("see-it-block")).to_have_attribute("data-state", "off")
    await expect(page.get_by_role("button", name="See it in your room")).to_be_hidden()


async def test_the_button_speaks_the_shops_language(page: Page, shopfront: Shopfront) -> None:
    await page.goto(shopfront.product_url(ARMCHAIR, locale="fr"))
    await page.get_by_role("button", name="Voir chez moi").click()
    dialog = page.get_by_role("dialog", name="Voir Ochre lounge armchair chez vous")
    await expect(dialog).to_be_visible()
    await expect(dialog.get_by_text("Choisir une photo")).to_be_visible()
    await screenshot(page, "dialog-fr")


async def test_the_whole_flow_works_with_the_keyboard_alone(page: Page, shopfront: Shopfront, tmp_path: Path) -> None:
    photo = tmp_path / "room.jpg"
    photo.write_bytes(room_photo(1200, 900))
    await page.goto(shopfront.product_url(ARMCHAIR))
    button = page.get_by_role("button", name="See it in your room")
    await expect(button).to_be_visible()
    for _ in range(10):
        await page.keyboard.press("Tab")
        if await button.evaluate("b => b === document.activeElement"):
            break
    await expect(button).to_be_focused()
    await page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    await expect(dialog).to_be_visible()

    # The focus is in the dialog and stays there.
    for _ in range(6):
        await page.keyboard.press("Tab")
        assert await dialog.evaluate("d => d.contains(document.activeElement)")
    await page.keyboard.press("Shift+Tab")
    assert await dialog.evaluate("d => d.contains(document.activeElement)")

    pick = dialog.locator("input[type=file]")
    await pick.focus()
    async with page.expect_file_chooser() as chooser:
        await page.keyboard.press("Space")
    await (await chooser.value).set_files(photo)
    product = dialog.locator(".see-it-dialog__product")
    await expect(product).to_be_focused()
    before = await product.bounding_box()
    assert before is not None
    await page.keyboard.press("Shift+ArrowLeft")
    await page.keyboard.press("-")
    after = await product.bounding_box()
    assert after is not None
    assert after["width"] < before["width"]
    assert after["x"] + after["width"] / 2 < before["x"] + before["width"] / 2

    await dialog.get_by_role("button", name="Render").focus()
    await page.keyboard.press("Enter")
    await expect(dialog.locator(".see-it-dialog__result")).to_be_visible(timeout=60_000)
    # The picture's next step is buying what it shows.
    await expect(dialog.get_by_role("button", name="Add to cart")).to_be_focused()
    await page.keyboard.press("Escape")
    await expect(dialog).to_be_hidden()
    await expect(button).to_be_focused()
