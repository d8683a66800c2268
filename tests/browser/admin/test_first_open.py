"""First open: Shopify's admin frames /app for a shop See It has never seen; the page installs it by token
exchange and shows Home. Every HTML answer names who may frame it, from the verified query only."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from seeit.models import Shop
from tests.browser.admin.conftest import SHOP, Admin


async def test_first_open_installs_the_shop_by_token_exchange_and_shows_home(admin: Admin, fake_shopify: Any) -> None:
    app = await admin.open()

    await app.get_by_text("free plan").wait_for()
    assert await app.locator("s-page").get_attribute("heading") == "Home"
    exchanges = fake_shopify.token_requests("token_exchange", SHOP)
    assert len(exchanges) == 1, "the first open exchanges the session token once"
    async with admin.live.resources.sessionmaker() as session:
        shop = await session.scalar(select(Shop).where(Shop.shop_domain == SHOP))
    assert shop is not None
    assert shop.plan == "free"
    assert shop.uninstalled_at is None
    # The frame loaded because its CSP lets the Shopify admin (and only it, and the shop) frame it.
    document = admin.documents[0]
    assert document.url.startswith(f"{admin.live.url}/app?")
    assert await document.header_value("content-security-policy") == (
        f"frame-ancestors https://{SHOP} https://admin.shopify.com"
    )
    await admin.snap("admin-first-open")

    # A second open of the installed shop goes straight to Home: no second exchange.
    app = await admin.open()
    await app.get_by_text("free plan").wait_for()
    assert len(fake_shopify.token_requests("token_exchange", SHOP)) == 1
