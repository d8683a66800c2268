"""The watermark a render gets: always on the free plan, and on a paid plan when the merchant turns it on."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from seeit.config import Settings
from seeit.imaging import get_image_model
from seeit.imaging.interface import CompositeResult, ImageModel
from seeit.resources import Resources
from tests.conftest import make_worker
from tests.renders.scene import make_scene

# Live: the worker commits in transactions of its own.
pytestmark = pytest.mark.live_database


class RecordingModel:
    """The real model, noting the watermark each composite is asked for."""

    def __init__(self, model: ImageModel) -> None:
        self.model = model
        self.model_id = model.model_id
        self.watermarks: list[bool] = []

    async def aclose(self) -> None:
        return None  # the test closes the real model it owns

    async def composite(self, *args: Any, watermark: bool, **kwargs: Any) -> CompositeResult:
        self.watermarks.append(watermark)
        return await self.model.composite(*args, watermark=watermark, **kwargs)


@pytest.mark.parametrize(
    ("plan", "chosen", "expected"), [("free", False, True), ("pro", False, False), ("pro", True, True)]
)
async def test_a_render_is_watermarked_by_the_plan_or_the_merchants_choice(
    client: httpx.AsyncClient, resources: Resources, settings: Settings, plan: str, chosen: bool, expected: bool
) -> None:
    scene = await make_scene(client, resources, plan=plan, watermark=chosen)
    model = get_image_model(settings)
    recording = RecordingModel(model)
    accepted = await client.post(scene.url("/proxy/renders"), json=scene.body())
    assert accepted.status_code == 202, accepted.text

    worker = make_worker(settings, ctx={"settings": settings, "image_model": recording}, cron_jobs=[], burst=True)
    await worker.async_run()
    await worker.close()
    await model.aclose()

    assert recording.watermarks == [expected]
