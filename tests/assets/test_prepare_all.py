"""Prepare-all: every enabled product without a current ready asset is queued, across a 500-product
catalogue, the first page in the request and the rest paged through by the worker."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from seeit.assets.preparation import CATALOGUE_PAGE
from seeit.assets.tasks import prepare_all_products
from seeit.config import Settings
from seeit.models import AuditEvent, ProductAsset, ProductSettings
from seeit.resources import Resources
from tests.assets.conftest import SHOP
from tests.assets.pictures import cutout_png
from tests.conftest import make_worker
from tests.fakes.shopify import resolve_namespace
from tests.support import admin_headers

# Live: the worker and the command line commit on their own.
pytestmark = pytest.mark.live_database

CATALOGUE = 500


async def _count(resources: Resources, *conditions: Any) -> int:
    async with resources.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(ProductAsset).where(*conditions)) or 0)


async def _prep_jobs_queued(resources: Resources) -> int:
    members = await resources.arq.zrange("arq:queue", 0, -1)
    return sum(1 for m in members if m.decode().startswith("prep:"))


async def _finish_paging(settings: Settings, resources: Resources) -> dict[str, Any]:
    """Let the real worker page through the rest of the catalogue; what it did, from the audit trail.

    Only the catalogue job is registered, so the queued prep jobs are not run (their rows stay pending).
    """
    worker = make_worker(
        settings,
        functions=[prepare_all_products.arq_function()],
        cron_jobs=[],
        burst=True,
    )
    await worker.async_run()
    await worker.close()
    async with resources.sessionmaker() as session:
        event = await session.scalar(
            select(AuditEvent)
            .where(AuditEvent.action == "asset.prepare_all.finished")
            .order_by(AuditEvent.created_at.desc())
            .limit(1)
        )
    assert event is not None
    assert event.details is not None
    return event.details


async def test_a_500_product_catalogue_is_prepared_in_pages(
    client: httpx.AsyncClient, shopify: Any, installed: str, resources: Resources, settings: Settings
) -> None:
    products = shopify.add_catalogue(SHOP, CATALOGUE)  # every 3rd product enabled: 167
    enabled = [p for p in products if p.app_metafield("enabled") == "true"]
    # One enabled product already has the merchant's own cut-out: it is skipped.
    done = enabled[0].id.rsplit("/", 1)[-1]
    upload = await client.put(
        f"/api/admin/products/{done}/asset",
        headers=admin_headers(SHOP),
        files={"image": ("a.png", cutout_png(), "image/png")},
    )
    assert upload.status_code == 200
    shopify.throttle_next(SHOP, times=1)  # the client waits as Shopify says and carries on

    response = await client.post("/api/admin/prepare-all", headers=admin_headers(SHOP, user_id="5"))

    assert response.status_code == 202, response.text
    first = response.json()
    # Shopify is asked for the enabled products only: the first page holds the first 50 of them.
    assert first == {"queued": CATALOGUE_PAGE - 1, "skipped": 1, "complete": False}
    pending_jobs = await _prep_jobs_queued(resources)
    rest = await _finish_paging(settings, resources)
    assert first["queued"] + rest["queued"] == len(enabled) - 1
    assert rest["skipped"] == 0
    assert await _count(resources, ProductAsset.status == "pending") == len(enabled) - 1
    assert pending_jobs == first["queued"]
    async with resources.sessionmaker() as session:
        cached = await session.scalar(select(func.count()).select_from(ProductSettings))
        actions = (await session.scalars(select(AuditEvent.action).order_by(AuditEvent.created_at))).all()
    assert cached == len(enabled)
    assert actions == ["asset.upload", "asset.prepare_all", "asset.prepare_all.finished"]

    # Asked again, nothing new is queued: every enabled product is pending or ready.
    again = await client.post("/api/admin/prepare-all", headers=admin_headers(SHOP))
    assert again.json()["queued"] == 0
    assert (await _finish_paging(settings, resources))["queued"] == 0
    assert await _count(resources) == len(enabled)


async def test_a_small_catalogue_completes_in_the_request(
    client: httpx.AsyncClient, shopify: Any, installed: str, resources: Resources
) -> None:
    shopify.add_catalogue(SHOP, 6, enabled_every=2)
    shopify.add_product(SHOP, 42, "No photo", images=[], enabled=True)
    response = await client.post("/api/admin/prepare-all", headers=admin_headers(SHOP))
    assert response.json() == {"queued": 3, "skipped": 1, "complete": True}
    assert await _prep_jobs_queued(resources) == 3
    assert all(not m.decode().startswith("prepare-all:") for m in await resources.arq.zrange("arq:queue", 0, -1))


async def test_an_operator_prepares_a_whole_shop_from_the_command_line(
    shopify: Any, installed: str, resources: Resources, settings: Settings
) -> None:
    products = shopify.add_catalogue(SHOP, 120, enabled_every=4)
    enabled = [p for p in products if p.app_metafield("enabled") == "true"]
    env = {**os.environ, "SEEIT_DATABASE_URL": settings.database_url, "SEEIT_REDIS_URL": settings.redis_url}
    command = [sys.executable, "-m", "seeit.cli", "prepare", "--shop", SHOP]

    done = await asyncio.to_thread(subprocess.run, command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    finished = await _finish_paging(settings, resources)

    assert finished["queued"] == len(enabled)
    assert finished["pages"] == 1  # 30 enabled products: one page of enabled products
    assert await _count(resources, ProductAsset.status == "pending") == len(enabled)
    unknown = [sys.executable, "-m", "seeit.cli", "prepare", "--shop", "nope.myshopify.com"]
    refused = await asyncio.to_thread(subprocess.run, unknown, env=env, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1
    assert "no installed shop" in refused.stderr


async def test_a_catalogue_beyond_shopifys_25000_object_cursor_limit_is_prepared_to_its_end(
    client: httpx.AsyncClient, shopify: Any, installed: str, resources: Resources, settings: Settings
) -> None:
    products = shopify.add_catalogue(SHOP, 25_200, enabled_every=500)  # 51 enabled, spread over the catalogue
    for product in products[-3:]:  # and the last three, past the 25,000th product
        product.metafields[(resolve_namespace("$app:see_it"), "enabled")] = ("boolean", "true")
    enabled = [p for p in products if p.app_metafield("enabled") == "true"]

    first = (await client.post("/api/admin/prepare-all", headers=admin_headers(SHOP))).json()
    rest = await _finish_paging(settings, resources)

    assert first["queued"] + rest["queued"] == len(enabled) == 54
    assert await _count(resources, ProductAsset.product_id == products[-1].id) == 1
    # Pages of enabled products only, not 253 pages of the whole catalogue.
    assert len([r for r in shopify.graphql_requests(SHOP) if "SeeItProducts" in r.query]) == 2
