"""A worker killed with SIGKILL mid-render: another worker takes the render over within a minute."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from seeit.config import Settings
from seeit.resources import Resources
from tests.conftest import make_worker, reaped, sigkill, stop_worker
from tests.renders.scene import make_scene, usage_today
from tests.renders.test_worker_shutdown import SlowGemini, slow_gemini, start_worker

# Live: the worker runs in a process of its own.
pytestmark = pytest.mark.live_database

__all__ = ["slow_gemini"]  # the fixture, shared with the SIGTERM test

TAKEOVER_LIMIT_SECONDS = 60.0


async def test_a_render_of_a_sigkilled_worker_is_finished_elsewhere_within_a_minute_and_counted_once(
    client: httpx.AsyncClient, resources: Resources, settings: Settings, slow_gemini: SlowGemini
) -> None:
    scene = await make_scene(client, resources)
    async with reaped(start_worker(settings, slow_gemini)) as doomed:
        accepted = (await client.post(scene.url("/proxy/renders"), json=scene.body())).json()
        assert await asyncio.to_thread(slow_gemini.asked.wait, 60), "the worker never asked the model"
        await sigkill(doomed)  # mid-render
    killed_at = time.monotonic()

    survivor = make_worker(settings)  # with the service's cron jobs, the sweeper among them
    task = asyncio.create_task(survivor.async_run())
    try:
        while True:
            job = (await client.get(scene.url(f"/proxy/renders/{accepted['id']}"))).json()
            if job["status"] in ("completed", "failed") or time.monotonic() - killed_at > 2 * TAKEOVER_LIMIT_SECONDS:
                break
            await asyncio.sleep(0.2)
        took = time.monotonic() - killed_at
    finally:
        await stop_worker(survivor, task)

    assert job["status"] == "completed", job
    assert took < TAKEOVER_LIMIT_SECONDS, f"taken over after {took:.0f} s"
    assert job["attempts"] == 2
    assert (await usage_today(resources, scene.shop_id))["composite"] == 1
