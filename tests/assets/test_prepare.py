"""A merchant prepares a product: the worker downloads its photo from Shopify's CDN, cuts the product out
and stores a transparent PNG; the asset becomes ready and one prep render is counted."""

from __future__ import annotations

import asyncio
import io
from typing import Any

import httpx
import pytest
from arq.worker import Worker
from PIL import Image
from sqlalchemy import select, text

from seeit.assets.tasks import prepare_asset, resend_stalled_preps
from seeit.config import Settings
from seeit.imaging import get_image_model
from seeit.models import AuditEvent, Shop, UsageDaily
from seeit.resources import Resources
from tests.assets.conftest import OTHER_SHOP, SHOP, FakeCdn, install, settled_asset
from tests.assets.pictures import has_real_transparency
from tests.conftest import make_worker, stop_worker
from tests.support import admin_headers

# Live: the worker commits in transactions of its own.
pytestmark = pytest.mark.live_database

PRODUCT = 8123


def _add_lamp(shopify: Any, shop: str = SHOP, *, images: list[str] | None = None) -> Any:
    photos = images or ["https://cdn.shopify.com/s/files/1/lamp.jpg", "https://cdn.shopify.com/s/files/1/side.jpg"]
    return shopify.add_product(shop, PRODUCT, "Lamp", images=photos, enabled=True)


async def _prepare(client: httpx.AsyncClient, shop: str = SHOP, product: int = PRODUCT, **body: str) -> httpx.Response:
    return await client.post(f"/api/admin/products/{product}/prepare", headers=admin_headers(shop), json=body)


async def _prep_renders(resources: Resources) -> int:
    async with resources.sessionmaker() as session:
        return sum((await session.scalars(select(UsageDaily.prep_renders))).all())


async def test_install_enable_prepare_and_see_a_transparent_png(
    client: httpx.AsyncClient, shopify: Any, installed: str, prep_worker: Worker, resources: Resources
) -> None:
    _add_lamp(shopify)
    enabled = await client.patch(
        f"/api/admin/products/{PRODUCT}/settings", headers=admin_headers(SHOP), json={"enabled": True}
    )
    assert enabled.status_code == 200, enabled.text

    response = await _prepare(client)

    assert response.status_code == 202, response.text
    asset = response.json()
    assert (asset["status"], asset["prep_strategy"]) == ("pending", "batch")
    assert asset["source_image_id"] == shopify.product(SHOP, PRODUCT).images[0].id
    done = await settled_asset(client, SHOP, asset["id"])
    assert done["status"] == "ready", done
    assert done["model_id"]
    assert done["prompt_version"] >= 1
    png = await client.get(done["prepared_image_url"])
    assert png.status_code == 200
    assert has_real_transparency(png.content)
    assert await _prep_renders(resources) == 1


async def test_a_named_source_image_is_the_one_prepared(
    client: httpx.AsyncClient, shopify: Any, installed: str, cdn: FakeCdn
) -> None:
    side = _add_lamp(shopify).images[1]
    response = await _prepare(client, source_image_id=side.id.rsplit("/", 1)[-1])
    assert response.status_code == 202
    assert response.json()["source_image_id"] == side.id
    assert response.json()["source_image_url"] == side.url


async def test_asking_twice_while_pending_queues_one_job(
    client: httpx.AsyncClient, shopify: Any, installed: str, resources: Resources
) -> None:
    _add_lamp(shopify)
    first = await _prepare(client)
    second = await _prepare(client)
    assert first.json()["id"] == second.json()["id"]
    assert await resources.arq.zcard("arq:queue") == 1


async def test_a_product_or_image_shopify_does_not_have_is_404(
    client: httpx.AsyncClient, shopify: Any, installed: str
) -> None:
    _add_lamp(shopify)
    assert (await _prepare(client, product=999)).status_code == 404
    assert (await _prepare(client, source_image_id="gid://shopify/MediaImage/1")).status_code == 404
    shopify.add_product(SHOP, 555, "No photo", images=[])
    missing = await _prepare(client, product=555)
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


async def test_another_shops_product_is_404(client: httpx.AsyncClient, shopify: Any, installed: str) -> None:
    _add_lamp(shopify, OTHER_SHOP)
    await install(client, OTHER_SHOP)
    assert (await _prepare(client, SHOP)).status_code == 404


async def test_an_image_host_not_allowed_fails_the_asset_with_the_reason(
    client: httpx.AsyncClient, shopify: Any, installed: str, prep_worker: Worker, resources: Resources
) -> None:
    _add_lamp(shopify, images=["https://images.example.com/lamp.jpg"])
    asset = (await _prepare(client)).json()
    done = await settled_asset(client, SHOP, asset["id"])
    assert done["status"] == "failed"
    assert done["error_code"] == "source_image_unavailable"
    assert "images.example.com" in done["error_message"]
    assert await _prep_renders(resources) == 0


async def test_a_photo_that_does_not_decode_fails_the_asset(
    client: httpx.AsyncClient, shopify: Any, installed: str, prep_worker: Worker, cdn: FakeCdn
) -> None:
    url = cdn.serve("/broken.jpg", httpx.Response(200, content=b"\xff\xd8\xff not really a jpeg"))
    _add_lamp(shopify, images=[url])
    done = await settled_asset(client, SHOP, (await _prepare(client)).json()["id"])
    assert (done["status"], done["error_code"]) == ("failed", "source_image_invalid")


async def test_a_redirect_off_the_allow_list_fails_the_asset_without_fetching_it(
    client: httpx.AsyncClient, shopify: Any, installed: str, prep_worker: Worker, cdn: FakeCdn
) -> None:
    url = cdn.serve("/moved.jpg", httpx.Response(302, headers={"location": "http://169.254.169.254/latest"}))
    _add_lamp(shopify, images=[url])
    done = await settled_asset(client, SHOP, (await _prepare(client)).json()["id"])
    assert done["status"] == "failed"
    assert cdn.requests == [url]


async def test_a_cdn_that_keeps_failing_is_retried_then_the_asset_fails(
    client: httpx.AsyncClient, shopify: Any, installed: str, prep_worker: Worker, cdn: FakeCdn
) -> None:
    url = cdn.serve("/flaky.jpg", httpx.Response(503))
    _add_lamp(shopify, images=[url])
    done = await settled_asset(client, SHOP, (await _prepare(client)).json()["id"])
    assert (done["status"], done["error_code"]) == ("failed", "source_image_unavailable")
    assert len(cdn.requests) == 4  # MAX_PREP_TRIES


async def test_a_failed_asset_is_tried_again_when_asked(
    client: httpx.AsyncClient, shopify: Any, installed: str, prep_worker: Worker, cdn: FakeCdn
) -> None:
    url = cdn.serve("/later.jpg", httpx.Response(404))
    _add_lamp(shopify, images=[url])
    failed = await settled_asset(client, SHOP, (await _prepare(client)).json()["id"])
    assert failed["status"] == "failed"
    del cdn.files["/later.jpg"]  # the photo is there now
    again = await _prepare(client)
    assert again.json()["id"] == failed["id"]
    assert (await settled_asset(client, SHOP, failed["id"]))["status"] == "ready"


async def test_prepare_is_in_the_audit_trail_with_who_asked(
    client: httpx.AsyncClient, shopify: Any, installed: str, resources: Resources
) -> None:
    _add_lamp(shopify)
    response = await client.post(
        f"/api/admin/products/{PRODUCT}/prepare", headers=admin_headers(SHOP, user_id="9001"), json={}
    )
    async with resources.sessionmaker() as session:
        event = await session.scalar(select(AuditEvent).where(AuditEvent.action == "asset.prepare"))
    assert event is not None
    assert (event.actor, event.subject) == ("9001", "gid://shopify/Product/8123")
    assert event.details is not None
    assert event.details["asset_id"] == response.json()["id"]


async def test_the_prep_job_run_twice_at_once_stores_one_png_and_counts_one_render(
    client: httpx.AsyncClient, shopify: Any, installed: str, resources: Resources, settings: Settings
) -> None:
    _add_lamp(shopify)
    asset = (await _prepare(client)).json()
    ctx: dict[str, Any] = {"resources": resources, "job_try": 1, "image_model": get_image_model(settings)}
    try:
        outcomes = await asyncio.gather(prepare_asset(ctx, asset["id"]), prepare_asset(ctx, asset["id"]))
        again = await prepare_asset(ctx, asset["id"])  # a late redelivery
    finally:
        await ctx["image_model"].aclose()
    assert outcomes.count("ready") == 1
    assert again == "not_pending"
    assert await _prep_renders(resources) == 1
    async with resources.sessionmaker() as session:
        shop_id = await session.scalar(select(Shop.id).where(Shop.shop_domain == SHOP))
    stored = list((settings.storage_dir / "shops" / str(shop_id)).rglob("*.png"))
    assert len(stored) == 1


async def test_a_busy_photo_fails_the_asset_asking_for_a_manual_upload(
    client: httpx.AsyncClient, shopify: Any, installed: str, prep_worker: Worker, cdn: FakeCdn, resources: Resources
) -> None:
    noise = io.BytesIO()
    Image.effect_noise((400, 300), 120).convert("RGB").save(noise, "JPEG")
    url = cdn.serve("/busy.jpg", httpx.Response(200, content=noise.getvalue()))
    _add_lamp(shopify, images=[url])
    done = await settled_asset(client, SHOP, (await _prepare(client)).json()["id"])
    assert (done["status"], done["error_code"]) == ("failed", "asset_unavailable")
    assert "upload" in done["error_message"].lower()
    assert await _prep_renders(resources) == 0


async def test_shopify_down_answers_503_and_changes_nothing(
    client: httpx.AsyncClient, shopify: Any, installed: str, resources: Resources
) -> None:
    _add_lamp(shopify)
    shopify.fail_next(SHOP, status=503)
    response = await _prepare(client)
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "service_unavailable"
    assert await resources.arq.zcard("arq:queue") == 0


async def test_a_prep_job_lost_from_the_queue_is_sent_again_within_a_minute_and_the_asset_gets_ready(
    client: httpx.AsyncClient, shopify: Any, installed: str, resources: Resources, settings: Settings
) -> None:
    _add_lamp(shopify)
    asset = (await _prepare(client)).json()
    await resources.arq.flushdb()  # the queue is lost before any worker ran the job
    sweep_ctx = {"resources": resources}
    assert await resend_stalled_preps(sweep_ctx) == 0  # too recent to call lost

    async with resources.engine.begin() as conn:
        await conn.execute(
            text("UPDATE product_assets SET updated_at = now() - interval '45 seconds' WHERE id = :id"),
            {"id": asset["id"]},
        )
    assert await resend_stalled_preps(sweep_ctx) == 1
    assert await resend_stalled_preps(sweep_ctx) == 0  # already queued: arq keeps one job per asset

    worker = make_worker(settings, burst=True, cron_jobs=[])
    await worker.async_run()
    await worker.close()
    assert (await settled_asset(client, SHOP, asset["id"]))["status"] == "ready"


async def test_a_plain_http_image_is_refused_unless_the_setting_allows_it(
    client: httpx.AsyncClient, shopify: Any, installed: str, settings: Settings, resources: Resources
) -> None:
    _add_lamp(shopify, images=["http://cdn.shopify.com/s/files/1/lamp.jpg"])
    for allowed, expected in ((False, "failed"), (True, "ready")):
        own = settings.model_copy(update={"image_fetch_allow_plain_http": allowed})
        running = make_worker(own, ctx={"settings": own, "prep_retry_base_seconds": 0.01})
        task = asyncio.create_task(running.async_run())
        try:
            response = await _prepare(client)
            assert response.status_code == 202, response.text
            done = await settled_asset(client, SHOP, response.json()["id"])
        finally:
            await stop_worker(running, task)
        assert done["status"] == expected, done
        if expected == "failed":
            assert done["error_code"] == "source_image_unavailable", done
