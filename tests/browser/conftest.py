"""Browser tests: Debian's Chromium, driven by Playwright, against the real service on a loopback port.

The service runs in this process (uvicorn in the tests' event loop) with settings of its own whose public URL
is the port it listens on, so the signed image URLs it hands out load in the browser. The real arq worker runs
beside it, and the fake Shopify answers the Admin API for both. Every page's console is watched: an error
logged or thrown there fails the test. Screenshots go to ``var/test-artifacts/screenshots/``.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncGenerator, AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from arq.worker import Worker
from playwright.async_api import Browser, BrowserContext, ConsoleMessage, Page, async_playwright

from seeit.app import create_app
from seeit.config import Settings
from seeit.resources import Resources
from tests.conftest import free_port, make_worker, stop_worker


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every browser test talks to a served app with connections of its own, which cannot see a test's
    uncommitted transaction: they all commit for real (live), whichever fixtures they ask for."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.live_database)


CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts" / "screenshots"
# As the machine's own probe starts it: no sandbox as root, and nothing that phones home on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # The admin's tests play Shopify's admin at https://admin.shopify.com framing the service on loopback;
    # Chromium's local network access checks would block that frame as a public page reaching a local one.
    "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights",
]


@pytest.fixture(scope="session")
async def chromium() -> AsyncIterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: scripts/test installs Debian's chromium package (scripts/browser.sh)")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        await browser.close()


@dataclass
class LiveService:
    """The service listening on ``url``, with the settings, clients and fake Shopify behind it."""

    url: str
    settings: Settings
    resources: Resources
    fake_shopify: Any
    worker: Worker


async def _serve(app: Any, port: int) -> tuple[uvicorn.Server, asyncio.Task[None]]:
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    task = asyncio.create_task(server.serve())
    for _ in range(200):
        if server.started:
            return server, task
        if task.done():
            task.result()
        await asyncio.sleep(0.02)
    raise RuntimeError(f"uvicorn did not start on port {port}")


# Browser contexts still open. A page sends its last events as it closes, so servers stop only after every page
# is closed: otherwise a server's teardown racing a page's would log a refused connection as the page's error.
_open_contexts: list[BrowserContext] = []


async def close_open_pages() -> None:
    while _open_contexts:
        await _open_contexts.pop().close()


async def serve_app(app: Any, port: int) -> AsyncGenerator[str, None]:
    """Serve any ASGI app (a stand-in for Shopify's storefront or admin, say) on ``port`` until the test ends."""
    server, task = await _serve(app, port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await close_open_pages()
        server.should_exit = True
        await task


@pytest.fixture
async def live_service(settings: Settings, fake_shopify: Any) -> AsyncIterator[LiveService]:
    """The whole service on a free loopback port: API, real worker, fake Shopify (requested first, so both use it)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    live_settings = settings.model_copy(update={"public_url": url})
    resources = await Resources.open(live_settings)
    worker = make_worker(live_settings)
    worker_task = asyncio.create_task(worker.async_run())
    served = serve_app(create_app(live_settings, resources), port)
    try:
        await anext(served)
        yield LiveService(url, live_settings, resources, fake_shopify, worker)
    finally:
        await served.aclose()
        await stop_worker(worker, worker_task)
        await resources.close()


@dataclass
class ConsoleWatch:
    """What a page wrote to its console as errors, and what it threw."""

    errors: list[str] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)

    def allow(self, fragment: str) -> None:
        """Tolerate console errors containing ``fragment`` (e.g. the browser's own line for an expected 429)."""
        self.allowed.append(fragment)

    def unexpected(self) -> list[str]:
        return [e for e in self.errors if not any(fragment in e for fragment in self.allowed)]


async def open_context(
    browser: Browser, *, watch: ConsoleWatch | None = None, **options: Any
) -> tuple[BrowserContext, Page, ConsoleWatch]:
    """A fresh browser context (``options`` as Playwright's ``new_context``, e.g. a phone's viewport and touch)
    and a page in it, its console watched."""
    context = await browser.new_context(**options)
    _open_contexts.append(context)
    context.on("close", lambda closed: _open_contexts.remove(closed) if closed in _open_contexts else None)
    page = await context.new_page()
    watch = watch or ConsoleWatch()

    def on_console(message: ConsoleMessage) -> None:
        # The browser asks every origin for a favicon on its own; that 404 is not the page's doing.
        if message.type == "error" and "/favicon.ico" not in message.location.get("url", ""):
            watch.errors.append(f"console: {message.text} ({message.location.get('url', '')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: watch.errors.append(f"thrown: {error}"))
    return context, page, watch


@pytest.fixture
def page_console() -> ConsoleWatch:
    """The console of the ``page`` fixture; a test may ``allow`` an error it provokes on purpose."""
    return ConsoleWatch()


@pytest.fixture
async def page(chromium: Browser, page_console: ConsoleWatch) -> AsyncIterator[Page]:
    """A desktop-sized page whose console must stay free of errors for the test to pass."""
    context, opened, watch = await open_context(chromium, viewport={"width": 1280, "height": 900}, watch=page_console)
    yield opened
    await context.close()
    assert not watch.unexpected(), "the page logged or threw errors:\n" + "\n".join(watch.unexpected())


async def screenshot(page: Page, name: str, *, full_page: bool = False) -> Path:
    """Keep what the page shows now as ``var/test-artifacts/screenshots/{name}.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    await page.screenshot(path=str(path), full_page=full_page)
    return path
