"""The Gemini provider against a fake Gemini server: request shape, retries, refusals, and drift checks."""

from __future__ import annotations

import httpx
import numpy as np
import pytest

from seeit.imaging import GeminiImageModel, ModelError, ModelRefused, ModelTimeout, Placement, current_prompt
from tests.imaging.conftest import decode, solid_product_png
from tests.imaging.fake_gemini import MODEL, FakeGemini, gemini_model, image_answer


def gemini(fake: FakeGemini, *, retries: int = 3) -> GeminiImageModel:
    return gemini_model(fake.transport(), retries=retries)


def warmer(pixels: np.ndarray) -> httpx.Response:
    """What a well-behaved model does: the same picture, re-lit."""
    lit = pixels.astype(np.float32) * np.array([1.08, 1.0, 0.9])
    return image_answer(np.clip(lit, 0, 255).astype(np.uint8))


def shifted(pixels: np.ndarray) -> httpx.Response:
    """A model that moved things: everything 30 px to the right."""
    return image_answer(np.roll(pixels, 30, axis=1))


PLACEMENT = Placement(0.5, 0.9, 0.25)


async def test_composite_is_harmonised_when_the_product_stays_put(bright_neutral_room: bytes) -> None:
    fake = FakeGemini([warmer])
    model = gemini(fake)
    prompt = current_prompt("composite", "warm")
    result = await model.composite(
        bright_neutral_room, solid_product_png(), PLACEMENT, quality="standard", prompt=prompt, watermark=False
    )
    await model.aclose()
    assert result.harmonized
    assert result.harmonization_rejected is None
    assert fake.requests[0]["prompt"] == prompt.text
    assert fake.requests[0]["mime_type"] == "image/png"
    assert fake.requests[0]["size"] == (900, 1200, 3)  # the local composite, product already in place
    assert (result.width, result.height) == (1200, 900)
    assert model.model_id == f"gemini:{MODEL}"


async def test_a_model_that_moves_the_product_is_overruled(bright_neutral_room: bytes) -> None:
    fake = FakeGemini([shifted])
    model = gemini(fake)
    result = await model.composite(
        bright_neutral_room,
        solid_product_png(colour=(230, 0, 230)),
        PLACEMENT,
        quality="standard",
        prompt=current_prompt("composite"),
        watermark=False,
    )
    assert not result.harmonized
    assert result.harmonization_rejected == "moved_product"
    rgb = decode(result.png).astype(int)
    _ys, xs = np.nonzero((rgb[..., 0] - rgb[..., 1] > 60) & (rgb[..., 2] - rgb[..., 1] > 60))
    assert abs((xs.min() + xs.max() + 1) / 2 - 600) <= 1  # the local composite, product where it was put


async def test_429_and_5xx_are_retried_with_backoff(bright_neutral_room: bytes) -> None:
    fake = FakeGemini([httpx.Response(429, headers={"retry-after": "0"}), httpx.Response(503), warmer])
    model = gemini(fake)
    result = await model.composite(
        bright_neutral_room,
        solid_product_png(),
        PLACEMENT,
        quality="draft",
        prompt=current_prompt("composite"),
        watermark=False,
    )
    assert result.harmonized
    assert len(fake.requests) == 3


async def test_persistent_server_errors_end_as_a_retryable_model_error(bright_neutral_room: bytes) -> None:
    fake = FakeGemini([httpx.Response(500), httpx.Response(502), httpx.Response(500)])
    model = gemini(fake, retries=2)
    with pytest.raises(ModelError) as caught:
        await model.cleanup_room(bright_neutral_room, prompt=current_prompt("cleanup"))
    assert caught.value.code == "model_error"
    assert caught.value.retryable
    assert len(fake.requests) == 3


async def test_a_bad_request_is_not_retried(bright_neutral_room: bytes) -> None:
    fake = FakeGemini([httpx.Response(400, json={"error": {"message": "API key not valid"}})])
    model = gemini(fake)
    with pytest.raises(ModelError) as caught:
        await model.cleanup_room(bright_neutral_room, prompt=current_prompt("cleanup"))
    assert not caught.value.retryable
    assert "API key not valid" in caught.value.message
    assert len(fake.requests) == 1


@pytest.mark.parametrize(
    "body",
    [
        {"promptFeedback": {"blockReason": "SAFETY"}},
        {"candidates": [{"finishReason": "IMAGE_SAFETY", "content": {"parts": []}}]},
        {"candidates": [{"finishReason": "PROHIBITED_CONTENT"}]},
    ],
)
async def test_safety_blocks_are_refusals(bright_neutral_room: bytes, body: dict[str, object]) -> None:
    fake = FakeGemini([httpx.Response(200, json=body)])
    model = gemini(fake)
    with pytest.raises(ModelRefused) as caught:
        await model.cleanup_room(bright_neutral_room, prompt=current_prompt("cleanup"))
    assert caught.value.code == "model_refused"
    assert not caught.value.retryable
    assert len(fake.requests) == 1


async def test_timeouts_become_model_timeout_after_retries(bright_neutral_room: bytes) -> None:
    fake = FakeGemini([httpx.ReadTimeout("slow"), httpx.ReadTimeout("slow")])
    model = gemini(fake, retries=1)
    with pytest.raises(ModelTimeout) as caught:
        await model.cleanup_room(bright_neutral_room, prompt=current_prompt("cleanup"))
    assert caught.value.code == "model_timeout"
    assert caught.value.retryable
    assert len(fake.requests) == 2


async def test_cleaned_room_comes_back_at_the_rooms_size(bright_neutral_room: bytes) -> None:
    fake = FakeGemini([lambda pixels: image_answer(np.asarray(pixels[::2, ::2]))])  # a model answering smaller
    model = gemini(fake)
    cleaned = await model.cleanup_room(bright_neutral_room, prompt=current_prompt("cleanup"))
    assert decode(cleaned).shape == (900, 1200, 3)
    assert fake.requests[0]["mime_type"] == "image/jpeg"


async def test_an_answer_without_an_image_is_a_retryable_error(bright_neutral_room: bytes) -> None:
    text_only = {"candidates": [{"content": {"parts": [{"text": "I cannot"}]}, "finishReason": "STOP"}]}
    fake = FakeGemini([httpx.Response(200, json=text_only)])
    with pytest.raises(ModelError) as caught:
        await gemini(fake).cleanup_room(bright_neutral_room, prompt=current_prompt("cleanup"))
    assert caught.value.retryable


async def test_prep_cuts_out_the_models_isolated_product(scene, model_dir: str) -> None:  # type: ignore[no-untyped-def]
    vase = scene("black_speaker", 500)
    fake = FakeGemini([lambda pixels: image_answer(pixels)])  # the model returns the studio shot as it was
    model = gemini_model(fake.transport(), model_dir=model_dir)
    prepared = await model.prepare_product(vase.jpeg, prompt=current_prompt("prep"))
    assert prepared.confidence >= 0.5
    assert decode(prepared.png).shape[2] == 4
