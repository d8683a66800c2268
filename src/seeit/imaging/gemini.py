"""The Gemini image model: Google's model does the light, our own pipeline keeps the geometry.

- prep: the model isolates the product on white, then the local cut-out makes it transparent;
- cleanup: the model cleans the room; its picture is brought back to the room's exact size;
- composite: the product is placed locally first and the model asked only to harmonise light and shadow;
  if its picture moved the product, the local composite is kept (and the event logged and recorded).
"""

from __future__ import annotations

import httpx

from seeit.imaging.gemini_client import GeminiClient, GeminiImage
from seeit.imaging.harmonize import accept_harmonized
from seeit.imaging.interface import CompositeResult, Placement, PreparedProduct, Prompt, Quality, StageReporter
from seeit.imaging.operations import (
    local_composite,
    model_input,
    model_output_at_size,
    pixels_png,
    prepare_product_bytes,
)
from seeit.imaging.pool import PixelPool


class GeminiImageModel:
    def __init__(
        self,
        *,
        api_key: str,
        model: str,
        base_url: str,
        timeout_seconds: float,
        max_retries: int,
        pool: PixelPool,
        model_dir: str | None = None,
        backoff_base_seconds: float = 0.5,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.model_id = f"gemini:{model}"
        self._pool = pool
        self._model_dir = model_dir
        self._client = GeminiClient(
            api_key=api_key,
            model=model,
            base_url=base_url,
            timeout_seconds=timeout_seconds,
            max_retries=max_retries,
            backoff_base_seconds=backoff_base_seconds,
            transport=transport,
        )

    async def prepare_product(self, image: bytes, *, prompt: Prompt) -> PreparedProduct:
        photo, _, _ = await self._pool.run(model_input, image)
        isolated = await self._client.generate_image(prompt.text, [GeminiImage("image/jpeg", photo)])
        return await self._pool.run(prepare_product_bytes, isolated.data, self._model_dir)

    async def cleanup_room(self, image: bytes, *, prompt: Prompt) -> bytes:
        photo, width, height = await self._pool.run(model_input, image)
        cleaned = await self._client.generate_image(prompt.text, [GeminiImage("image/jpeg", photo)])
        return await self._pool.run(model_output_at_size, cleaned.data, width, height)

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
        local = await self._pool.run(local_composite, room, product_png, placement, quality)
        picture = await self._pool.run(pixels_png, local.rgb)
        if on_stage is not None:
            await on_stage("harmonizing")
        answer = await self._client.generate_image(prompt.text, [GeminiImage("image/png", picture)])
        return await self._pool.run(accept_harmonized, local, answer.data, watermark=watermark)

    async def aclose(self) -> None:
        await self._client.aclose()
        self._pool.close()
