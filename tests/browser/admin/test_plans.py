"""The Plans page: a merchant picks Pro, approves it at Shopify and comes back to Pro's quotas; moves back to
Free after confirming; and a used-up quota on Home offers the upgrade, which Shopify's hosted plan page sells."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from seeit.config import Settings
from seeit.db import transaction, utcnow
from seeit.models import Shop, UsageDaily
from tests.browser.admin.conftest import SHOP, Admin
from tests.support import admin_headers

HOSTED_PLAN_PAGE = "https://admin.shopify.com/store/demo/charges/see-it/pricing_plans"


async def _install(admin: Admin) -> None:
    async with httpx.AsyncClient(base_url=admin.live.url, timeout=30) as http:
        assert (await http.post("/auth/token-exchange", headers=admin_headers(SHOP))).status_code == 200


async def _redirected_to(admin: Admin) -> str:
    """Where the app sent the whole Shopify admin (App Bridge's top-level redirect), as the admin saw it."""
    notice = admin.page.locator("#admin-notice[data-url]")
    await notice.wait_for()
    url = await notice.get_attribute("data-url")
    assert url
    return url


def _card(app: Any, plan: str) -> Any:
    return app.locator(f'.seeit-plan-card[data-plan="{plan}"]')


@pytest.fixture
def billing_api(admin: Admin, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The live service charging with the Billing API (``appSubscriptionCreate``) instead of App Pricing."""
    resources = admin.live.resources
    changed = resources.settings.model_copy(update={"billing_mode": "billing_api"})
    monkeypatch.setattr(resources, "settings", changed)
    return changed


async def test_picking_pro_redirects_to_shopifys_charge_and_the_return_shows_pro_then_free_again(
    admin: Admin, fake_shopify: Any, billing_api: Settings
) -> None:
    await _install(admin)
    app = await admin.open("/app/plans")
    await _card(app, "free").locator(".seeit-current").wait_for()
    assert "1,000 renders a day" in await _card(app, "pro").inner_text()
    assert "7-day free trial" in await _card(app, "pro").inner_text()
    await admin.snap("admin-plans-free")

    await _card(app, "pro").get_by_text("Choose Pro").click()

    confirmation = await _redirected_to(admin)
    pending = [s for s in fake_shopify.shop(SHOP).subscriptions.values() if s.status == "PENDING"]
    assert len(pending) == 1
    charge = pending[0].gid.rsplit("/", 1)[-1]
    assert confirmation.startswith(f"https://{SHOP}/admin/charges/")
    assert f"/{charge}/RecurringApplicationCharge/" in confirmation
    back = fake_shopify.approve_charge(SHOP)  # the merchant approves at Shopify
    async with httpx.AsyncClient(timeout=30) as http:
        landed = await http.get(back)
    assert landed.status_code == 302
    assert landed.headers["location"].startswith("https://admin.shopify.com/store/demo/apps/see-it")

    app = await admin.open("/app/plans")
    await admin.toast("You are on the Pro plan")
    pro = _card(app, "pro")
    await pro.locator(".seeit-current").wait_for()
    shown = await pro.inner_text()
    assert "Active" in shown
    assert "Renews" in shown
    assert "Test charge" in shown
    assert await _card(app, "free").locator(".seeit-current").count() == 0
    await admin.snap("admin-plans")
    app = await admin.go("Home")
    await app.locator(".seeit-subscription-status", has_text="Active").wait_for()
    assert "0 of 1000" in await app.locator(".seeit-card").nth(0).inner_text()

    app = await admin.go("Plans")
    await _card(app, "free").get_by_text("Choose Free").click()
    confirm = app.locator(".seeit-confirm-free")
    await confirm.wait_for()
    assert "Your Pro subscription ends now" in await confirm.inner_text()
    await admin.snap("admin-plans-confirm-free")
    await confirm.get_by_text("Move to Free").click()

    await admin.toast("You are on the Free plan")
    await _card(app, "free").locator(".seeit-current").wait_for()
    assert fake_shopify.active_subscriptions(SHOP) == []
    assert not admin.console.unexpected()


async def test_a_used_up_quota_on_home_offers_the_upgrade_sold_on_shopifys_plan_page(
    admin: Admin, fake_shopify: Any
) -> None:
    await _install(admin)
    async with transaction(admin.live.resources) as session:  # shoppers used the free plan's 10 renders
        shop_id = await session.scalar(select(Shop.id).where(Shop.shop_domain == SHOP))
        session.add(UsageDaily(shop_id=shop_id, date=utcnow().date(), composite_renders=10))

    app = await admin.open("/app")
    offer = app.locator(".seeit-upgrade")
    await offer.wait_for()
    assert "used all of your daily renders" in await offer.inner_text()
    await app.locator(".seeit-upgrade-link").wait_for()
    await admin.snap("admin-home-quota-used-up")
    await offer.get_by_text("See plans").click()
    await app.locator('s-page[heading="Plans"]').wait_for()
    await _card(app, "pro").get_by_text("Choose Pro").click()
    assert await _redirected_to(admin) == HOSTED_PLAN_PAGE

    fake_shopify.choose_hosted_plan(SHOP, "pro")  # chosen on Shopify's page; its webhook is not delivered
    fake_shopify.take_webhooks()
    app = await admin.open("/app/plans")

    await _card(app, "pro").locator(".seeit-current").wait_for()
    await admin.toast("You are on the Pro plan")
    app = await admin.go("Home")
    await app.locator(".seeit-subscription-status", has_text="Active").wait_for()
    assert await app.locator(".seeit-upgrade").count() == 0
    assert not admin.console.unexpected()


async def test_home_near_the_quota_suggests_upgrading_and_the_button_opens_plans(admin: Admin) -> None:
    await _install(admin)
    async with transaction(admin.live.resources) as session:  # 8 of the free plan's 10 renders today
        shop_id = await session.scalar(select(Shop.id).where(Shop.shop_domain == SHOP))
        session.add(UsageDaily(shop_id=shop_id, date=utcnow().date(), composite_renders=8))

    app = await admin.open("/app")

    near = app.locator(".seeit-near-quota")
    await near.wait_for()
    assert "80% of your daily renders" in await near.inner_text()
    assert await app.locator(".seeit-upgrade").count() == 0
    await app.locator(".seeit-upgrade-link").click()
    await _card(app, "free").locator(".seeit-current").wait_for()
    assert "/app/plans" in app.url
    assert "shop=" in app.url  # the Shopify admin's signed query kept, as a reload needs it
    assert not admin.console.unexpected()
