"""Retryable model errors are tried again with backoff up to a maximum; then the render fails and is refunded.

The model is the real Gemini provider talking to a fake of Gemini's HTTP API (the only fake allowed), which
checks what it is sent.
"""

from __future__ import annotations

import base64
import io
import json
from typing import Any

import httpx
import numpy as np
import pytest
from PIL import Image
from sqlalchemy import text

from seeit.config import Settings
from seeit.imaging import GeminiImageModel
from seeit.imaging.pool import PixelPool
from seeit.renders import tasks
from seeit.resources import Resources
from tests.conftest import make_worker
from tests.renders.scene import make_scene, usage_today

# Live: the worker commits in transactions of its own.
pytestmark = pytest.mark.live_database


class FakeGemini:
    """Answers ``generateContent`` with 503 for the first ``failures`` calls, then echoes the image it got."""

    def __init__(self, failures: int, *, shift_right: int = 0) -> None:
        self.failures = failures
        self.shift_right = shift_right  # > 0: answer with the picture moved this many pixels
        self.calls = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        assert request.method == "POST"
        assert request.url.path.endswith("/models/fake-image-model:generateContent")
        assert request.headers["x-goog-api-key"] == "test-gemini-key"
        body = json.loads(request.content)
        parts = body["contents"][0]["parts"]
        images = [p["inline_data"] for p in parts if "inline_data" in p]
        assert images, "the composite must be sent to the model"
        assert any("text" in p for p in parts), "with its prompt"
        self.calls += 1
        if self.calls <= self.failures:
            return httpx.Response(503, json={"error": {"message": "overloaded"}})
        image = images[0]
        data = image["data"]
        if self.shift_right:
            picture = np.asarray(Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB"))
            moved = io.BytesIO()
            Image.fromarray(np.roll(picture, self.shift_right, axis=1)).save(moved, "PNG")
            data = base64.b64encode(moved.getvalue()).decode()
        answer = {"candidates": [{"content": {"parts": [{"inlineData": {"mimeType": "image/png", "data": data}}]}}]}
        return httpx.Response(200, json=answer)


async def run_with_fake(settings: Settings, fake: FakeGemini) -> None:
    model = GeminiImageModel(
        api_key="test-gemini-key",
        model="fake-image-model",
        base_url="http://gemini.test/v1beta",
        timeout_seconds=5,
        max_retries=0,  # the provider's own retries off: the render job's attempts are under test
        pool=PixelPool(1),
        transport=httpx.MockTransport(fake),
    )
    worker = make_worker(settings, ctx={"settings": settings, "image_model": model}, burst=True, cron_jobs=[])
    try:
        await worker.async_run()
    finally:
        await worker.close()
        await model.aclose()


@pytest.fixture(autouse=True)
def _quick_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "RETRY_BACKOFF_SECONDS", (0.01, 0.02))


async def job_row(resources: Resources) -> Any:
    async with resources.engine.connect() as conn:
        return (await conn.execute(text("SELECT status, error_code, attempts, model_id FROM render_jobs"))).one()


async def test_a_passing_model_error_is_retried_and_the_render_completes(
    client: httpx.AsyncClient, resources: Resources, settings: Settings
) -> None:
    scene = await make_scene(client, resources)
    assert (await client.post(scene.url("/proxy/renders"), json=scene.body())).status_code == 202
    fake = FakeGemini(failures=1)

    await run_with_fake(settings, fake)

    job = await job_row(resources)
    assert (job.status, job.error_code, job.attempts) == ("completed", None, 2)
    assert job.model_id == "gemini:fake-image-model"
    assert (await usage_today(resources, scene.shop_id))["composite"] == 1


async def test_model_errors_past_the_maximum_fail_the_render_and_refund_it(
    client: httpx.AsyncClient, resources: Resources, settings: Settings
) -> None:
    scene = await make_scene(client, resources)
    assert (await client.post(scene.url("/proxy/renders"), json=scene.body())).status_code == 202
    fake = FakeGemini(failures=100)

    await run_with_fake(settings, fake)

    job = await job_row(resources)
    assert (job.status, job.error_code, job.attempts) == ("failed", "model_error", tasks.MAX_ATTEMPTS)
    assert fake.calls == tasks.MAX_ATTEMPTS
    assert (await usage_today(resources, scene.shop_id))["composite"] == 0


async def test_a_harmonisation_that_moves_the_product_is_rejected_and_recorded(
    client: httpx.AsyncClient, resources: Resources, settings: Settings
) -> None:
    scene = await make_scene(client, resources)
    accepted = await client.post(scene.url("/proxy/renders"), json=scene.body())
    assert accepted.status_code == 202
    fake = FakeGemini(failures=0, shift_right=200)

    await run_with_fake(settings, fake)

    job = await job_row(resources)
    assert (job.status, job.error_code) == ("completed", None)
    assert fake.calls == 1
    metrics = (await client.get("/metrics")).text
    assert 'seeit_jobs_total{kind="harmonize",outcome="rejected_moved_product"} 1.0' in metrics
