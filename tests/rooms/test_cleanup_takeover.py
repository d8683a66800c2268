"""A worker killed with SIGKILL mid-cleanup: another worker takes the room's cleanup over and finishes it within a
minute, counted once, as a render of a dead worker is."""

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

# Live: the worker (or the server) runs in a process of its own.
pytestmark = pytest.mark.live_database

__all__ = ["slow_gemini"]

TAKEOVER_LIMIT_SECONDS = 60.0


async def test_a_cleanup_of_a_sigkilled_worker_is_finished_elsewhere_within_a_minute_and_counted_once(
    client: httpx.AsyncClient, resources: Resources, settings: Settings, slow_gemini: SlowGemini
) -> None:
    scene = await make_scene(client, resources, with_asset=False)
    async with reaped(start_worker(settings, slow_gemini)) as doomed:
        asked = await client.post(scene.url(f"/proxy/rooms/{scene.room_id}/cleanup"))
        assert asked.status_code == 202, asked.text
        assert await asyncio.to_thread(slow_gemini.asked.wait, 60), "the worker never asked the model"
        await sigkill(doomed)  # mid-cleanup
    killed_at = time.monotonic()

    survivor = make_worker(settings)
    task = asyncio.create_task(survivor.async_run())
    try:
        while True:
            room = (await client.get(scene.url(f"/proxy/rooms/{scene.room_id}"))).json()
            if room["cleanup_status"] in ("completed", "failed"):
                break
            if time.monotonic() - killed_at > 2 * TAKEOVER_LIMIT_SECONDS:
                break
            await asyncio.sleep(0.2)
        took = time.monotonic() - killed_at
    finally:
        await stop_worker(survivor, task)

    assert room["cleanup_status"] == "completed", room
    assert room["cleaned_room_image_url"]
    assert took < TAKEOVER_LIMIT_SECONDS, f"taken over after {took:.0f} s"
    assert (await usage_today(resources, scene.shop_id))["cleanup"] == 1
