"""The local image model: classical image processing (and a small on-device network), no network calls."""

from __future__ import annotations

from pathlib import Path

from seeit.imaging.interface import CompositeResult, Placement, PreparedProduct, Prompt, Quality, StageReporter
from seeit.imaging.operations import cleanup_room_bytes, composite_bytes, prepare_product_bytes
from seeit.imaging.pool import PixelPool
from seeit.imaging.saliency import weights_present

LOCAL_MODEL_ID = "local-cv-1"


class LocalImageModel:
    """Prompts are accepted for the record only: the local pipeline has nothing to read them with."""

    model_id = LOCAL_MODEL_ID

    def __init__(self, *, pool: PixelPool, model_dir: str | Path | None = None) -> None:
        self._pool = pool
        self._model_dir = str(model_dir) if model_dir is not None else None
        # Checked (and warned about) once at start-up, not on every cut-out.
        self.saliency_weights_present = weights_present(self._model_dir)

    async def prepare_product(self, image: bytes, *, prompt: Prompt) -> PreparedProduct:
        return await self._pool.run(prepare_product_bytes, image, self._model_dir)

    async def cleanup_room(self, image: bytes, *, prompt: Prompt) -> bytes:
        return await self._pool.run(cleanup_room_bytes, image)

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
        # Light matching happens inside the placement here, so there is no separate harmonising stage.
        return await self._pool.run(composite_bytes, room, product_png, placement, quality, watermark)

    async def aclose(self) -> None:
        self._pool.close()
