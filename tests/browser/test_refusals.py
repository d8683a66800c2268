"""What a shopper sees when See It refuses: a friendly sentence in the dialog, never an error in the console."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Page, expect
from sqlalchemy import update

from seeit.db import transaction
from seeit.models import Shop
from tests.browser.conftest import ConsoleWatch, LiveService, screenshot
from tests.browser.storefront import ARMCHAIR, SHOP, Shopfront, open_storefront, room_photo


@pytest.fixture
async def shopfront(live_service: LiveService) -> AsyncIterator[Shopfront]:
    async for opened in open_storefront(live_service, [ARMCHAIR.storefront(True)]):
        yield opened


async def test_a_shop_whose_quota_is_used_up_tells_the_shopper_when_to_come_back(
    page: Page, page_console: ConsoleWatch, shopfront: Shopfront, tmp_path: Path
) -> None:
    page_console.allow("status of 429")  # the browser's own line for the refused request
    async with transaction(shopfront.live.resources) as session:
        await session.execute(update(Shop).where(Shop.shop_domain == SHOP).values(daily_quota=0))
    photo = tmp_path / "room.jpg"
    photo.write_bytes(room_photo(1200, 900))
    await page.goto(shopfront.product_url(ARMCHAIR))
    await page.get_by_role("button", name="See it in your room").click()
    dialog = page.get_by_role("dialog")
    await dialog.locator("input[type=file]").set_input_files(photo)
    await dialog.get_by_role("button", name="Render").click()

    alert = dialog.get_by_role("alert")
    await expect(alert).to_contain_text("This shop has shown all the rooms it can for now. Please try again after")
    # The reset time in the shopper's words (tomorrow at midnight UTC, in the browser's time zone).
    text = await alert.inner_text()
    assert text.rstrip(".").split("after ")[1].strip(), "the sentence says when the quota resets"
    await expect(dialog.get_by_role("button", name="Render")).to_be_enabled()
    await screenshot(page, "refusal-quota")


async def test_a_file_that_is_not_a_photo_is_refused_with_a_sentence(
    page: Page, shopfront: Shopfront, tmp_path: Path
) -> None:
    not_a_photo = tmp_path / "room.jpg"
    not_a_photo.write_text("these are my holiday notes, not a picture")
    await page.goto(shopfront.product_url(ARMCHAIR))
    await page.get_by_role("button", name="See it in your room").click()
    dialog = page.get_by_role("dialog")
    await dialog.locator("input[type=file]").set_input_files(not_a_photo)
    await expect(dialog.get_by_role("alert")).to_have_text(
        "That file isn't a photo we can read. Please choose a JPEG, PNG or WebP picture."
    )
    await expect(dialog.get_by_text("Choose a photo", exact=True)).to_be_visible()
    await screenshot(page, "refusal-not-a-photo")

    # A real photo afterwards goes through, and the sentence goes away.
    photo = tmp_path / "room-2.jpg"
    photo.write_bytes(room_photo(800, 600))
    await dialog.locator("input[type=file]").set_input_files(photo)
    await expect(dialog.locator(".see-it-dialog__product")).to_be_visible()
    await expect(dialog.get_by_role("alert")).to_be_hidden()
