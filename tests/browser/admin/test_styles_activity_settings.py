"""Styles (create, edit, delete a preset), the audit trail of those actions, and the shop's settings
(room retention, watermark where the plan leaves the choice, the theme editor's deep link)."""

from __future__ import annotations

from typing import Any

import httpx
from playwright.async_api import Frame
from sqlalchemy import select, update

from seeit.models import Shop
from tests.browser.admin.conftest import SHOP, STAFF_ID, Admin
from tests.conftest import TEST_API_KEY
from tests.support import admin_headers


async def _installed(admin: Admin, plan: str | None = None) -> None:
    async with httpx.AsyncClient(base_url=admin.live.url) as http:
        assert (await http.post("/auth/token-exchange", headers=admin_headers(SHOP))).status_code == 200
    if plan is not None:
        async with admin.live.resources.sessionmaker() as session, session.begin():
            await session.execute(update(Shop).where(Shop.shop_domain == SHOP).values(plan=plan))


async def _save_preset(app: Frame, template: str) -> None:
    form = app.locator(".seeit-form")
    await form.locator("s-text-area textarea").fill(template)
    await form.get_by_role("button", name="Save").click()


async def test_a_style_preset_is_created_edited_and_deleted_and_the_activity_says_who(
    admin: Admin, fake_shopify: Any
) -> None:
    await _installed(admin)
    app = await admin.open("/app/styles")
    await app.locator('s-table-row[data-preset="natural"]').wait_for()  # the built-in ones are listed

    await app.get_by_role("button", name="New style preset").click()
    await app.locator(".seeit-form s-text-field input").fill("warm-evening")
    await _save_preset(app, "Warm evening lamp light, long soft shadows")
    await admin.toast("Style preset warm-evening saved")
    row = app.locator('s-table-row[data-preset="warm-evening"]')
    await row.wait_for()
    assert "Warm evening lamp light" in await row.inner_text()
    await admin.snap("admin-styles")

    await row.get_by_role("button", name="Edit").click()
    await _save_preset(app, "Golden hour light from the left")
    await admin.toast("Style preset warm-evening saved")
    await row.get_by_text("Golden hour light from the left").wait_for()
    assert (await row.locator("s-table-cell").nth(2).inner_text()).strip() == "2"

    await row.get_by_role("button", name="Delete").click()
    await admin.toast("Style preset warm-evening deleted")
    await row.wait_for(state="detached")

    app = await admin.go("Activity")
    events = app.locator("s-table-row[data-action]")
    await events.first.wait_for()
    actions = [await events.nth(i).get_attribute("data-action") for i in range(await events.count())]
    assert actions == ["style_preset.delete", "style_preset.save", "style_preset.save"], "newest first"
    assert f"Staff member {STAFF_ID}" in await events.first.inner_text()
    assert "warm-evening" in await events.first.inner_text()
    await admin.snap("admin-activity")


async def test_settings_keep_room_photos_for_the_hours_chosen_and_the_watermark_where_the_plan_allows(
    admin: Admin, fake_shopify: Any
) -> None:
    await _installed(admin, plan="pro")
    app = await admin.open("/app/settings")
    retention = app.locator("s-number-field input")
    assert await retention.input_value() == str(admin.live.settings.room_ttl_hours)
    watermark = app.get_by_role("switch", name="Add the See It watermark to renders")
    assert not await watermark.is_checked()
    assert await watermark.is_enabled()

    await retention.fill("6")
    await watermark.click()
    await app.get_by_role("button", name="Save").click()

    await admin.toast("Settings saved")
    async with admin.live.resources.sessionmaker() as session:
        shop = (await session.execute(select(Shop.room_retention_hours, Shop.watermark))).one()
    assert tuple(shop) == (6, True)
    app = await admin.open("/app/settings")
    assert await app.locator("s-number-field input").input_value() == "6"
    await admin.snap("admin-settings")

    await app.get_by_role("button", name="Open the theme editor").click()
    notice = admin.page.locator("#admin-notice")
    await notice.wait_for()
    assert await notice.get_attribute("data-url") == (
        f"https://{SHOP}/admin/themes/current/editor?template=product&addAppBlockId={TEST_API_KEY}/see-it"
    )


async def test_the_free_plan_keeps_the_watermark_on(admin: Admin, fake_shopify: Any) -> None:
    await _installed(admin)
    app = await admin.open("/app/settings")
    watermark = app.get_by_role("switch", name="Add the See It watermark to renders")
    assert await watermark.is_checked()
    assert await watermark.is_disabled()
    await app.get_by_text("Your free plan adds the watermark to every render.").wait_for()
    await admin.snap("admin-settings-free")
