"""From the product page to an attributed order: the shopper renders, adds the variant in the picture to the
theme's cart, the block's events reach the service, and the order that follows is attributed to the render,
once, however often Shopify delivers it."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Page, expect
from sqlalchemy import select

from seeit.demo.cart import webhook_headers
from seeit.models import OrderAttribution, RenderJob, StorefrontEvent
from seeit.resources import Resources
from tests.browser.conftest import ConsoleWatch, LiveService, screenshot
from tests.browser.storefront import ARMCHAIR, SHOP, Shopfront, open_storefront, room_photo
from tests.support import admin_headers

PRODUCT_GID = f"gid://shopify/Product/{ARMCHAIR.id}"
VARIANT_GID = f"gid://shopify/ProductVariant/{ARMCHAIR.variant_id}"


@pytest.fixture
async def shopfront(live_service: LiveService) -> AsyncIterator[Shopfront]:
    async for opened in open_storefront(live_service, [ARMCHAIR.storefront(True)]):
        yield opened


async def events_of(resources: Resources, visitor: uuid.UUID) -> list[StorefrontEvent]:
    async with resources.sessionmaker() as session:
        rows = await session.scalars(
            select(StorefrontEvent).where(StorefrontEvent.visitor_id == visitor).order_by(StorefrontEvent.occurred_at)
        )
        return list(rows.all())


async def until_events(resources: Resources, visitor: uuid.UUID, kinds: set[str]) -> list[StorefrontEvent]:
    for _ in range(300):
        found = await events_of(resources, visitor)
        if kinds <= {e.kind for e in found}:
            return found
        await asyncio.sleep(0.1)
    raise AssertionError(f"events {kinds} did not arrive; got {[e.kind for e in await events_of(resources, visitor)]}")


async def test_a_shopper_adds_the_rendered_product_to_the_cart_and_the_order_is_attributed_once(
    page: Page, shopfront: Shopfront, tmp_path: Path
) -> None:
    resources = shopfront.live.resources
    photo = tmp_path / "room.jpg"
    photo.write_bytes(room_photo(1600, 1200))

    await page.goto(shopfront.product_url(ARMCHAIR))
    await page.get_by_role("button", name="See it in your room").click()
    dialog = page.get_by_role("dialog")
    await dialog.locator("input[type=file]").set_input_files(photo)
    await expect(dialog.locator(".see-it-dialog__product")).to_be_visible()
    await dialog.get_by_role("button", name="Render").click()
    await expect(dialog.locator(".see-it-dialog__result")).to_be_visible(timeout=60_000)

    add = dialog.get_by_role("button", name="Add to cart")
    await expect(add).to_be_focused()
    await add.click()
    await expect(dialog.get_by_role("status")).to_have_text("Added to your cart.")
    view_cart = dialog.get_by_role("link", name="View cart")
    await expect(view_cart).to_be_visible()
    await screenshot(page, "add-to-cart-added")

    async with resources.sessionmaker() as session:
        job = (await session.scalars(select(RenderJob))).one()
    assert job.variant_id == VARIANT_GID, "the render is of the variant the page shows"
    visitor = uuid.UUID(await page.evaluate("localStorage.getItem('see-it-visitor')"))

    # The theme's cart holds the variant in the picture, its line carrying the render's id, and the cart the
    # visitor id (so a later purchase through the theme's own button can be followed too).
    [cart] = [c for c in shopfront.carts.carts.values() if c.lines]
    [line] = cart.lines
    assert (line.product.variant_id, line.quantity) == (ARMCHAIR.variant_id, 1)
    assert line.properties == {"_see_it_render": str(job.id)}
    assert cart.attributes == {"_see_it_visitor": str(visitor)}

    # The events arrive, batched, with the visitor and nothing else about the shopper.
    arrived = await until_events(resources, visitor, {"opened", "room_uploaded", "rendered", "added_to_cart"})
    by_kind = {e.kind: e for e in arrived}
    assert [e.kind for e in arrived if e.kind != "added_to_cart"] == ["opened", "room_uploaded", "rendered"]
    assert {e.product_id for e in arrived} == {PRODUCT_GID}
    assert by_kind["rendered"].render_id == by_kind["added_to_cart"].render_id == job.id
    assert by_kind["added_to_cart"].variant_id == VARIANT_GID
    assert {e.customer_id for e in arrived} == {None}

    # Checkout: the cart page places the order, and Shopify's orders/create reaches the service.
    await view_cart.click()
    await expect(page.get_by_role("heading", name="Your cart")).to_be_visible()
    await expect(page.get_by_role("cell", name=ARMCHAIR.title)).to_be_visible()
    await page.get_by_role("button", name="Place order").click()
    await expect(page.get_by_role("status")).to_contain_text("is placed")
    await screenshot(page, "add-to-cart-order-placed")
    [placed] = shopfront.carts.orders
    assert placed.status_code == 200

    # Delivered again under another event id (at least once, as Shopify delivers): nothing changes.
    raw = json.dumps(placed.payload).encode()
    async with httpx.AsyncClient(base_url=shopfront.live.url) as http:
        again = await http.post(
            "/webhooks",
            content=raw,
            headers=webhook_headers("orders/create", SHOP, raw, shopfront.live.settings.shopify_api_secret),
        )
        assert again.status_code == 200
        analytics = (await http.get("/api/admin/analytics", headers=admin_headers(SHOP))).json()

    async with resources.sessionmaker() as session:
        [attribution] = (await session.scalars(select(OrderAttribution))).all()
    assert attribution.order_id == str(placed.payload["id"])
    assert (attribution.amount, attribution.currency) == (Decimal("489.00"), "EUR")
    assert attribution.visitor_id == visitor
    assert [(e["render_id"], e["matched_by"]) for e in attribution.lines] == [(str(job.id), "render")]

    totals = analytics["totals"]
    assert (totals["opens"], totals["uploads"], totals["renders"], totals["carts"], totals["orders"]) == (1, 1, 1, 1, 1)
    assert totals["revenue"] == {"EUR": "489.00"}
    [product] = analytics["products"]
    assert (product["product_id"], product["orders"]) == (str(ARMCHAIR.id), 1)


async def test_a_variant_the_cart_refuses_is_said_in_the_shoppers_words(
    page: Page, shopfront: Shopfront, tmp_path: Path, page_console: ConsoleWatch
) -> None:
    # The shopper switched to a variant (the URL's ?variant=) that the cart no longer sells.
    page_console.allow("422")  # the browser's own line for the cart's refusal
    photo = tmp_path / "room.jpg"
    photo.write_bytes(room_photo(1200, 900))
    await page.goto(shopfront.product_url(ARMCHAIR, variant="123"))
    await page.get_by_role("button", name="See it in your room").click()
    dialog = page.get_by_role("dialog")
    await dialog.locator("input[type=file]").set_input_files(photo)
    await expect(dialog.locator(".see-it-dialog__product")).to_be_visible()
    await dialog.get_by_role("button", name="Render").click()
    await expect(dialog.locator(".see-it-dialog__result")).to_be_visible(timeout=60_000)
    async with shopfront.live.resources.sessionmaker() as session:
        job = (await session.scalars(select(RenderJob))).one()
    assert job.variant_id == "gid://shopify/ProductVariant/123"

    await dialog.get_by_role("button", name="Add to cart").click()
    await expect(dialog.get_by_role("alert")).to_have_text("Cannot find variant")
    assert not any(c.lines for c in shopfront.carts.carts.values())
