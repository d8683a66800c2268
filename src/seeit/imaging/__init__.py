"""Image model behind See It's three renders: product cut-out, room clean-up and composite.

``get_image_model(settings)`` gives the provider chosen by ``SEEIT_IMAGE_MODEL`` (``local`` or ``gemini``);
call its ``aclose()`` on shutdown (it stops the process pool and the HTTP client).
"""

from __future__ import annotations

from seeit.imaging.errors import (
    CutoutUnreliable,
    ImagingError,
    ModelError,
    ModelRefused,
    ModelTimeout,
    UnreadableImage,
)
from seeit.imaging.gemini import GeminiImageModel
from seeit.imaging.interface import (
    QUALITY_LONG_SIDE,
    CompositeResult,
    ImageModel,
    Placement,
    PreparedProduct,
    Prompt,
    Quality,
)
from seeit.imaging.local import LocalImageModel
from seeit.imaging.pool import PixelPool
from seeit.imaging.prompts import PREP_PROMPT_VERSION, current_prompt, render_prompt, style_presets
from seeit.imaging.settings import ImagingSettings

__all__ = [
    "PREP_PROMPT_VERSION",
    "QUALITY_LONG_SIDE",
    "CompositeResult",
    "CutoutUnreliable",
    "GeminiImageModel",
    "ImageModel",
    "ImagingError",
    "ImagingSettings",
    "LocalImageModel",
    "ModelError",
    "ModelRefused",
    "ModelTimeout",
    "Placement",
    "PreparedProduct",
    "Prompt",
    "Quality",
    "UnreadableImage",
    "current_prompt",
    "get_image_model",
    "render_prompt",
    "style_presets",
]


def get_image_model(settings: ImagingSettings) -> ImageModel:
    """The provider ``settings.image_model`` names, with its own process pool (started on first use)."""
    pool = PixelPool(settings.imaging_workers)
    model_dir = str(settings.model_dir)
    if settings.image_model == "gemini":
        return GeminiImageModel(
            api_key=settings.gemini_api_key,
            model=settings.gemini_model,
            base_url=settings.gemini_base_url,
            timeout_seconds=settings.gemini_timeout_seconds,
            max_retries=settings.gemini_max_retries,
            pool=pool,
            model_dir=model_dir,
        )
    return LocalImageModel(pool=pool, model_dir=model_dir)
