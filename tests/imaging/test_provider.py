"""Choosing the provider, and the local provider through a real (spawned) process pool."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from seeit.imaging import (
    GeminiImageModel,
    LocalImageModel,
    Placement,
    UnreadableImage,
    current_prompt,
    get_image_model,
)
from tests.imaging.conftest import decode, solid_product_png


@dataclass
class FakeSettings:
    image_model: str = "local"
    gemini_api_key: str = "k"
    gemini_model: str = "gemini-2.5-flash-image"
    gemini_base_url: str = "https://generativelanguage.googleapis.com/v1beta"
    gemini_timeout_seconds: float = 60.0
    gemini_max_retries: int = 3
    model_dir: str | Path = "/nonexistent"
    imaging_workers: int = 1


async def test_settings_choose_the_provider() -> None:
    local = get_image_model(FakeSettings())
    remote = get_image_model(FakeSettings(image_model="gemini"))
    assert isinstance(local, LocalImageModel)
    assert local.model_id == "local-cv-1"
    assert isinstance(remote, GeminiImageModel)
    assert remote.model_id == "gemini:gemini-2.5-flash-image"
    await local.aclose()
    await remote.aclose()


async def test_missing_weights_are_warned_about_not_fatal(caplog: pytest.LogCaptureFixture) -> None:
    model = get_image_model(FakeSettings(imaging_workers=0))
    assert isinstance(model, LocalImageModel)
    assert not model.saliency_weights_present
    assert "weights missing" in caplog.text
    await model.aclose()


async def test_local_model_runs_in_a_process_pool_and_errors_cross_it_intact(
    bright_neutral_room: bytes, model_dir: str
) -> None:
    model = get_image_model(FakeSettings(model_dir=model_dir, imaging_workers=1))
    try:
        result = await model.composite(
            bright_neutral_room,
            solid_product_png(),
            Placement(0.5, 0.9, 0.2),
            quality="draft",
            prompt=current_prompt("composite"),
            watermark=False,
        )
        assert decode(result.png).shape == (768, 1024, 3)
        with pytest.raises(UnreadableImage) as caught:
            await model.cleanup_room(b"junk", prompt=current_prompt("cleanup"))
        assert caught.value.code == "room_unavailable"
    finally:
        await model.aclose()
