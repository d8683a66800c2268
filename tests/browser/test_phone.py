"""The shopper's flow on a phone: a full-screen dialog, moved with a finger and pinched to scale."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, CDPSession, Page, expect

from tests.browser.conftest import LiveService, open_context, screenshot
from tests.browser.storefront import ARMCHAIR, Shopfront, open_storefront, placement_on_screen, room_photo

PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


@pytest.fixture
async def shopfront(live_service: LiveService) -> AsyncIterator[Shopfront]:
    async for opened in open_storefront(live_service, [ARMCHAIR.storefront(True)]):
        yield opened


@pytest.fixture
async def phone(chromium: Browser) -> AsyncIterator[Page]:
    context, page, watch = await open_context(chromium, **PHONE)
    yield page
    await context.close()
    assert not watch.unexpected(), "the page logged or threw errors:\n" + "\n".join(watch.unexpected())


async def touch(cdp: CDPSession, kind: str, points: list[tuple[float, float]]) -> None:
    await cdp.send(
        "Input.dispatchTouchEvent",
        {"type": kind, "touchPoints": [{"x": x, "y": y, "id": i} for i, (x, y) in enumerate(points)]},
    )


async def gesture(page: Page, start: list[tuple[float, float]], end: list[tuple[float, float]]) -> None:
    """Fingers down at ``start``, moved in steps to ``end``, lifted: real touch input, as a phone sends it."""
    cdp = await page.context.new_cdp_session(page)
    await touch(cdp, "touchStart", start)
    steps = 10
    for step in range(1, steps + 1):
        t = step / steps
        points = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for a, b in zip(start, end, strict=True)]
        await touch(cdp, "touchMove", points)
    await touch(cdp, "touchEnd", [])
    await cdp.detach()


async def shown(page: Page) -> dict[str, float]:
    box = await page.locator(".see-it-dialog__product").bounding_box()
    room = await page.locator(".see-it-dialog__room").bounding_box()
    assert box is not None
    assert room is not None
    return placement_on_screen(dict(box), dict(room))


async def centre(page: Page, selector: str) -> tuple[float, float]:
    box: Any = await page.locator(selector).bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


async def test_on_a_phone_the_shopper_moves_the_product_with_a_finger_and_pinches_it_bigger(
    phone: Page, shopfront: Shopfront, tmp_path: Path
) -> None:
    photo = tmp_path / "IMG_0042.jpg"
    photo.write_bytes(room_photo(1536, 2048))  # portrait, as phones take them
    await phone.goto(shopfront.product_url(ARMCHAIR))
    await screenshot(phone, "phone-01-product-page", full_page=True)
    await phone.get_by_role("button", name="See it in your room").tap()
    dialog = phone.get_by_role("dialog")
    await expect(dialog).to_be_visible()
    box: Any = await dialog.bounding_box()
    assert (box["width"], box["height"]) == (390, 844), "the dialog fills the phone's screen"
    # On a phone the camera can be opened straight away.
    await expect(dialog.get_by_text("Take a photo", exact=True)).to_be_visible()
    assert await dialog.locator("input[capture=environment]").count() == 1
    await dialog.locator("input[type=file]:not([capture])").set_input_files(photo)
    await expect(dialog.locator(".see-it-dialog__product")).to_be_visible()

    before = await shown(phone)
    x, y = await centre(phone, ".see-it-dialog__product")
    room: Any = await phone.locator(".see-it-dialog__room").bounding_box()
    await gesture(phone, [(x, y)], [(x + 0.2 * room["width"], y - 0.05 * room["height"])])
    moved = await shown(phone)
    assert moved["x"] == pytest.approx(before["x"] + 0.2, abs=0.01)
    assert moved["y"] == pytest.approx(before["y"] - 0.05, abs=0.01)
    assert moved["scale"] == pytest.approx(before["scale"], rel=0.01)

    x, y = await centre(phone, ".see-it-dialog__product")
    await gesture(phone, [(x - 30, y), (x + 30, y)], [(x - 45, y), (x + 45, y)])
    pinched = await shown(phone)
    assert pinched["scale"] == pytest.approx(moved["scale"] * 1.5, rel=0.03)
    await screenshot(phone, "phone-02-placement")

    await dialog.get_by_role("button", name="Render").tap()
    result = dialog.locator(".see-it-dialog__result")
    await expect(result).to_be_visible(timeout=60_000)
    await expect(result).to_have_js_property("complete", True)
    await screenshot(phone, "phone-03-result")
    for name in ("Try again", "Download", "Share", "Add to cart", "Close"):
        target: Any = await dialog.get_by_role("button", name=name).bounding_box()
        assert target["width"] >= 44, name
        assert target["height"] >= 44, name
