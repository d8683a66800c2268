"""The render job with the real worker: completion, failure with a refund, redelivery, a killed worker."""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from arq.worker import Worker
from PIL import Image
from sqlalchemy import text

from seeit.config import Settings
from seeit.db import transaction
from seeit.imaging import get_image_model
from seeit.imaging.interface import CompositeResult, ImageModel, Placement, Prompt, Quality, StageReporter
from seeit.renders.sweeper import sweep_renders
from seeit.renders.tasks import run_render
from seeit.resources import Resources
from tests.conftest import make_worker, stop_worker
from tests.factories import add_style_preset
from tests.imaging.fake_gemini import MODEL, FakeGemini, gemini_model, image_answer
from tests.renders.scene import Scene, make_scene, usage_today

# Live: the worker commits in transactions of its own.
pytestmark = pytest.mark.live_database


async def wait_for(client: httpx.AsyncClient, url: str) -> dict[str, Any]:
    for _ in range(6):
        response = await client.get(url)
        assert response.status_code == 200, response.text
        job: dict[str, Any] = response.json()
        if job["status"] in ("completed", "failed"):
            return job
    raise AssertionError(f"job did not finish: {job}")


async def test_render_completes_with_a_stored_png_and_a_draft_webp(
    client: httpx.AsyncClient, resources: Resources, worker: Worker
) -> None:
    scene = await make_scene(client, resources, plan="free")
    accepted = (await client.post(scene.url("/proxy/renders"), json=scene.body(quality="draft"))).json()

    job = await wait_for(client, scene.url(f"/proxy/renders/{accepted['id']}", wait="20"))

    assert job["status"] == "completed", job
    assert job["stage"] == "done"
    assert job["error_code"] is None
    assert job["model_id"]
    assert job["prompt_id"]
    assert job["prompt_version"] is not None
    assert job["processing_ms"] is not None
    assert job["attempts"] == 1
    png = await client.get(job["image_url"])
    assert png.status_code == 200
    assert Image.open(io.BytesIO(png.content)).format == "PNG"
    assert f"shops/{scene.shop_id}/renders/" in job["image_url"]
    if job["display_image_url"] is not None:
        webp = await client.get(job["display_image_url"])
        assert Image.open(io.BytesIO(webp.content)).format == "WEBP"
    assert (await usage_today(resources, scene.shop_id))["composite"] == 1  # completed renders count


async def test_failed_render_is_refunded_once(client: httpx.AsyncClient, resources: Resources, worker: Worker) -> None:
    scene = await make_scene(client, resources)
    # The room photo disappears from storage before the job runs: the render cannot succeed.
    for path in resources.settings.storage_dir.glob(f"shops/{scene.shop_id}/rooms/*.jpg"):
        path.unlink()
    accepted = (await client.post(scene.url("/proxy/renders"), json=scene.body())).json()
    assert (await usage_today(resources, scene.shop_id))["composite"] == 1

    job = await wait_for(client, scene.url(f"/proxy/renders/{accepted['id']}", wait="20"))

    assert job["status"] == "failed"
    assert job["error_code"] == "room_unavailable"
    assert (await usage_today(resources, scene.shop_id))["composite"] == 0
    # Delivered again (arq may), the job changes nothing: no second refund.
    assert await run_render({"resources": resources, "image_model": None}, accepted["id"]) == "finished already"
    from seeit.renders.tasks import refund_failed

    async with transaction(resources) as session:
        assert await refund_failed(session, accepted["id"]) is False
    assert (await usage_today(resources, scene.shop_id))["composite"] == 0


async def test_long_poll_holds_no_database_connection_and_wakes_on_finish(
    client: httpx.AsyncClient, resources: Resources, settings: Settings
) -> None:
    scene = await make_scene(client, resources)
    accepted = (await client.post(scene.url("/proxy/renders"), json=scene.body())).json()
    waiting = asyncio.create_task(client.get(scene.url(f"/proxy/renders/{accepted['id']}", wait="25")))
    while (
        not await resources.arq.pubsub_numsub(f"seeit:render:{accepted['id']}:finished")
        or not (await resources.arq.pubsub_numsub(f"seeit:render:{accepted['id']}:finished"))[0][1]
    ):
        await asyncio.sleep(0.01)
    # Subscribed; once its one read of the row is done, the waiter holds no database connection.
    for _ in range(200):
        if resources.engine.pool.checkedout() == 0:  # type: ignore[attr-defined]
            break
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.3)
    assert resources.engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    assert not waiting.done()

    running = make_worker(settings, burst=True)
    await running.async_run()
    await running.close()
    response = await waiting

    assert response.json()["status"] == "completed"


class PausingModel:
    """The real model, held at the composite call until the test lets it go (to kill a worker mid-job)."""

    async def aclose(self) -> None:
        return None  # the test closes the real model it owns

    def __init__(self, model: ImageModel) -> None:
        self.model = model
        self.model_id = model.model_id
        self.entered = asyncio.Event()
        self.release = asyncio.Event()

    async def composite(
        self,
        room: bytes,
        product_png: bytes,
        placement: Placement,
        *,
        quality: Quality,
        prompt: Prompt,
        watermark: bool,
        on_stage: StageReporter | None = None,
    ) -> CompositeResult:
        self.entered.set()
        await self.release.wait()  # never released while its worker lives: the worker dies here
        return await self.model.composite(
            room, product_png, placement, quality=quality, prompt=prompt, watermark=watermark, on_stage=on_stage
        )


@dataclass
class HeldRender:
    """A render accepted and held at the model by a running worker (``PausingModel``)."""

    scene: Scene
    job_id: str
    model: ImageModel
    pausing: PausingModel
    worker: Worker
    task: asyncio.Task[None]


async def hold_a_render(client: httpx.AsyncClient, resources: Resources, settings: Settings) -> HeldRender:
    scene = await make_scene(client, resources)
    model = get_image_model(settings)
    pausing = PausingModel(model)
    worker = make_worker(settings, ctx={"settings": settings, "image_model": pausing}, cron_jobs=[])
    task = asyncio.create_task(worker.async_run())
    accepted = (await client.post(scene.url("/proxy/renders"), json=scene.body())).json()
    await asyncio.wait_for(pausing.entered.wait(), 20)
    return HeldRender(scene, accepted["id"], model, pausing, worker, task)


async def test_a_killed_workers_job_is_finished_after_the_sweeper_finds_it(
    client: httpx.AsyncClient, resources: Resources, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = await hold_a_render(client, resources, settings)

    async def killed_outright(*args: object) -> None:
        return None  # a killed process hands nothing back

    monkeypatch.setattr("seeit.renders.tasks._release", killed_outright)
    await stop_worker(held.worker, held.task)  # the worker dies while the job is processing
    # Redis forgets the job as if its worker's host went away with it.
    await resources.arq.delete(f"arq:job:render:{held.job_id}", f"arq:in-progress:{held.job_id}")
    await resources.arq.zrem("arq:queue", f"render:{held.job_id}")
    async with resources.engine.connect() as conn:
        assert await conn.scalar(text("SELECT status FROM render_jobs")) == "processing"

    # Within its deadline the job is left alone; past it (time moved on), the sweeper re-sends it.
    assert (await sweep_renders({"resources": resources}))["taken_over"] == 0
    async with resources.engine.begin() as conn:
        await conn.execute(text("UPDATE render_jobs SET started_at = now() - interval '1 hour', heartbeat_at = NULL"))
    assert (await sweep_renders({"resources": resources}))["taken_over"] == 1
    rescuer = make_worker(settings, burst=True, cron_jobs=[])
    await rescuer.async_run()
    await rescuer.close()

    job = (await client.get(held.scene.url(f"/proxy/renders/{held.job_id}"))).json()
    assert job["status"] == "completed", job
    assert job["attempts"] == 2
    # The dead worker's claim can no longer finish the job: it ran to completion exactly once.
    held.pausing.release.set()
    async with resources.engine.connect() as conn:
        assert await conn.scalar(text("SELECT count(*) FROM render_jobs WHERE status = 'completed'")) == 1
    assert (await usage_today(resources, held.scene.shop_id))["composite"] == 1
    await held.model.aclose()


async def test_a_render_cut_short_by_a_stopping_worker_is_handed_back_and_finished_at_once(
    client: httpx.AsyncClient, resources: Resources, settings: Settings
) -> None:
    held = await hold_a_render(client, resources, settings)
    await stop_worker(held.worker, held.task)  # its wait for running jobs ran out: the job is cancelled

    job = (await client.get(held.scene.url(f"/proxy/renders/{held.job_id}"))).json()
    assert job["status"] == "queued", job
    # The next worker takes it straight away: no waiting for the claim to go stale, no sweeper.
    rescuer = make_worker(settings, burst=True, cron_jobs=[])
    await rescuer.async_run()
    await rescuer.close()
    await held.model.aclose()

    job = (await client.get(held.scene.url(f"/proxy/renders/{held.job_id}"))).json()
    assert job["status"] == "completed", job
    assert job["attempts"] == 2
    assert (await usage_today(resources, held.scene.shop_id))["composite"] == 1


async def test_a_queued_job_lost_by_the_queue_is_sent_again(
    client: httpx.AsyncClient, resources: Resources, settings: Settings
) -> None:
    scene = await make_scene(client, resources)
    accepted = (await client.post(scene.url("/proxy/renders"), json=scene.body())).json()
    await resources.arq.flushdb()  # Redis lost everything
    async with resources.engine.begin() as conn:
        await conn.execute(text("UPDATE render_jobs SET created_at = now() - interval '2 minutes'"))

    assert (await sweep_renders({"resources": resources}))["resent"] == 1
    assert (await sweep_renders({"resources": resources}))["resent"] == 0  # still queued: not sent twice
    running = make_worker(settings, burst=True, cron_jobs=[])
    await running.async_run()
    await running.close()

    job = (await client.get(scene.url(f"/proxy/renders/{accepted['id']}"))).json()
    assert job["status"] == "completed"


async def test_a_shop_style_preset_is_recorded_and_counted(
    client: httpx.AsyncClient, resources: Resources, worker: Worker
) -> None:
    scene = await make_scene(client, resources)
    async with transaction(resources) as session:
        await add_style_preset(session, scene.shop_id, "showroom", "Light it like a $place showroom.")
    accepted = (await client.post(scene.url("/proxy/renders"), json=scene.body(style_preset="showroom"))).json()
    builtin = (await client.post(scene.url("/proxy/renders"), json=scene.body(style_preset="warm"))).json()

    job = await wait_for(client, scene.url(f"/proxy/renders/{accepted['id']}", wait="20"))
    other = await wait_for(client, scene.url(f"/proxy/renders/{builtin['id']}", wait="20"))

    assert job["status"] == "completed", job
    assert job["style_preset"] == "showroom"
    assert job["prompt_id"] == "shop.showroom"
    assert other["prompt_id"] == "composite.warm"
    async with resources.engine.connect() as conn:
        assert await conn.scalar(text("SELECT usage_count FROM style_presets")) == 1


async def test_a_shopper_sees_the_harmonizing_stage_while_the_model_relights_the_composite(
    client: httpx.AsyncClient, resources: Resources, settings: Settings
) -> None:
    scene = await make_scene(client, resources)
    fake = FakeGemini([image_answer])  # the same picture back: the product stayed put
    stages_seen_by_the_shopper: list[str] = []

    async def gemini_answers(request: httpx.Request) -> httpx.Response:
        async with resources.engine.connect() as conn:
            job_id = await conn.scalar(text("SELECT id FROM render_jobs"))
        job = (await client.get(scene.url(f"/proxy/renders/{job_id}"))).json()
        stages_seen_by_the_shopper.append(job["stage"])
        return await fake.transport().handle_async_request(request)

    model = gemini_model(httpx.MockTransport(gemini_answers))
    running = make_worker(settings, ctx={"settings": settings, "image_model": model}, cron_jobs=[])
    task = asyncio.create_task(running.async_run())
    try:
        accepted = (await client.post(scene.url("/proxy/renders"), json=scene.body())).json()
        job = await wait_for(client, scene.url(f"/proxy/renders/{accepted['id']}", wait="20"))
    finally:
        await stop_worker(running, task)
        await model.aclose()

    assert stages_seen_by_the_shopper == ["harmonizing"]
    assert job["status"] == "completed", job
    assert job["stage"] == "done"
    assert job["model_id"] == f"gemini:{MODEL}"
