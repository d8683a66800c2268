"""The embedded admin's world: the live service framed by a stand-in Shopify admin in headless Chromium.

The browser has no network. ``https://admin.shopify.com/store/demo/apps/see-it`` is answered with the
demo's stand-in admin page (``seeit.demo.admin``), which signs the load's query and mints session tokens
with the test secret; ``https://cdn.shopify.com`` answers the stand-ins for App Bridge and Polaris at the
URLs ``/app`` names, and product photos for any image path. So the page runs exactly as served in
production, CSP included: the frame only loads because ``frame-ancestors`` names the admin.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest
from playwright.async_api import Frame, Page, Request, Response, Route

from seeit.admin.page import APP_BRIDGE_URL, POLARIS_URL
from seeit.demo.admin import admin_frame_html
from seeit.resources import Resources
from tests.assets.conftest import FakeCdn, _ByHost
from tests.assets.pictures import product_photo
from tests.browser.conftest import ConsoleWatch, LiveService, screenshot
from tests.conftest import TEST_API_KEY, TEST_SECRET

SHOP = "demo.myshopify.com"
STAFF_ID = "42"
ADMIN_URL = "https://admin.shopify.com/store/demo/apps/see-it"
STAND_INS = Path(__file__).resolve().parents[3] / "src" / "seeit" / "demo" / "static"
# Generous: on a loaded CI machine the worker, the service and Chromium share two cores.
SETTLE_SECONDS = 120.0


@pytest.fixture
async def cdn() -> FakeCdn:
    return FakeCdn()


@pytest.fixture
async def fake_shopify(fake_shopify: Any, cdn: FakeCdn, resources: Resources) -> Any:
    """The fake Shopify with its image CDN, for the service and for the worker the live service starts."""

    def client() -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=_ByHost(cdn, httpx.ASGITransport(app=fake_shopify.app)), timeout=20.0)

    fake_shopify.client = client
    await resources.http.aclose()
    resources.http = client()
    return fake_shopify


@dataclass
class Admin:
    """The Shopify admin in the browser with See It open; ``app`` is the See It frame."""

    page: Page
    live: LiveService
    console: ConsoleWatch
    documents: list[Response] = field(default_factory=list)

    @property
    def app(self) -> Frame:
        frame = self.page.frame(name="app-iframe")
        assert frame is not None, "the admin has no app frame"
        return frame

    async def open(self, path: str = "/app") -> Frame:
        """Load the admin at one of See It's screens and wait for the screen's heading."""
        await self.page.goto(f"{ADMIN_URL}?path={path}")
        await self.page.wait_for_selector("iframe#app-frame[src]")
        frame = self.app
        await frame.wait_for_load_state()
        await frame.wait_for_selector("s-page[heading]", timeout=45_000)
        return frame

    async def go(self, label: str) -> Frame:
        """Follow the app's navigation item ``label`` in the admin's sidebar."""
        await self.page.locator("#app-nav a", has_text=label).click()
        frame = self.app
        await frame.wait_for_selector(f's-page[heading="{label}"]')
        return frame

    async def toast(self, text: str) -> None:
        """Wait for a toast (shown by the admin, as App Bridge's are) containing ``text``."""
        await self.page.locator("#toasts .toast", has_text=text).first.wait_for(timeout=45_000)

    async def until(self, check: Callable[[], Awaitable[bool]], what: str, timeout: float = SETTLE_SECONDS) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while not await check():
            assert asyncio.get_running_loop().time() < deadline, f"timed out waiting for {what}"
            await asyncio.sleep(0.1)

    def page_console_allow(self, fragment: str) -> None:
        """Tolerate the browser's own console line for a refusal the test provokes (e.g. a 415)."""
        self.console.allow(fragment)

    async def snap(self, name: str) -> Path:
        await asyncio.sleep(0.3)  # let transitions (switches, meters) finish
        return await screenshot(self.page, name)


def _admin_page(live: LiveService, path: str) -> str:
    return admin_frame_html(
        app_url=live.url, shop_domain=SHOP, api_key=TEST_API_KEY, secret=TEST_SECRET, user_id=STAFF_ID, path=path
    )


@pytest.fixture
async def admin(page: Page, page_console: ConsoleWatch, live_service: LiveService) -> Admin:
    opened = Admin(page, live_service, page_console)
    page.set_default_timeout(60_000)  # a loaded machine, not a slow page: the tests assert outcomes, not speed
    stand_ins = {
        urlparse(APP_BRIDGE_URL).path: STAND_INS / "app-bridge.js",
        urlparse(POLARIS_URL).path: STAND_INS / "polaris.js",
    }

    async def shopify_cdn(route: Route, request: Request) -> None:
        path = urlparse(request.url).path
        if path in stand_ins:
            await route.fulfill(body=stand_ins[path].read_bytes(), content_type="text/javascript")
        elif path.endswith((".png", ".jpg", ".jpeg", ".webp")):
            await route.fulfill(body=product_photo(), content_type="image/jpeg")
        else:
            await route.fulfill(status=404, body="")

    async def shopify_admin(route: Route, request: Request) -> None:
        path = dict(p.split("=", 1) for p in urlparse(request.url).query.split("&") if "=" in p).get("path", "/app")
        await route.fulfill(body=_admin_page(live_service, path), content_type="text/html")

    def record(response: Response) -> None:
        if response.request.resource_type == "document" and response.url.startswith(live_service.url):
            opened.documents.append(response)

    await page.route("https://cdn.shopify.com/**", shopify_cdn)
    await page.route("https://admin.shopify.com/**", shopify_admin)
    page.on("response", record)
    return opened
