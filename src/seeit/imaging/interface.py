"""What the rest of See It calls: the ``ImageModel`` protocol and the values that cross it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal, NamedTuple, Protocol

Quality = Literal["draft", "standard", "high"]

# Long side of a composite per quality tier; ``None`` keeps the room's own size (capped, see below).
QUALITY_LONG_SIDE: dict[Quality, int | None] = {"draft": 1024, "standard": 2048, "high": None}
MAX_OUTPUT_SIDE = 4096

# Told the stage a render has reached inside the model (``"harmonizing"``), so the shopper can see it.
StageReporter = Callable[[str], Awaitable[None]]


class Placement(NamedTuple):
    """Where the product's bottom-centre lands (fractions of the room) and its width as a fraction of the room's."""

    x: float
    y: float
    scale: float


@dataclass(frozen=True)
class Prompt:
    prompt_id: str
    version: int
    text: str


@dataclass(frozen=True)
class PreparedProduct:
    """A transparent PNG cut-out, cropped to the product with a small margin."""

    png: bytes
    confidence: float
    width: int
    height: int
    # The crop in the source photo's pixels (left, top, right, bottom), before any downscale to the output.
    source_box: tuple[int, int, int, int] = (0, 0, 0, 0)


@dataclass(frozen=True)
class CompositeResult:
    """The stored PNG and, where it is much lighter, a WebP for display."""

    png: bytes
    display_webp: bytes | None
    width: int
    height: int
    harmonized: bool
    # The product's box in the output (left, top, right, bottom): what tests and the model-drift check use.
    product_box: tuple[int, int, int, int] = (0, 0, 0, 0)
    # Why a model's harmonisation was not used ("moved_product", ...), or None.
    harmonization_rejected: str | None = None


class ImageModel(Protocol):
    model_id: str

    async def prepare_product(self, image: bytes, *, prompt: Prompt) -> PreparedProduct: ...

    async def cleanup_room(self, image: bytes, *, prompt: Prompt) -> bytes: ...

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
    ) -> CompositeResult: ...

    async def aclose(self) -> None: ...
