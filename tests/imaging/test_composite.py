"""composite (local): placement to the pixel, a contact shadow, light matched to the room, output sizes."""

from __future__ import annotations

import numpy as np
import pytest

from seeit.imaging import Placement, UnreadableImage
from seeit.imaging.operations import composite_bytes
from tests.imaging.conftest import decode, solid_product_png

MAGENTA = (230, 0, 230)


def magenta_box(rgb: np.ndarray) -> tuple[int, int, int, int]:
    r, g, b = (rgb[..., i].astype(int) for i in range(3))
    mask = (r - g > 60) & (b - g > 60)
    ys, xs = np.nonzero(mask)
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


@pytest.mark.parametrize("placement", [Placement(0.5, 0.9, 0.2), Placement(0.3, 0.75, 0.1), Placement(0.71, 0.6, 0.33)])
def test_product_bottom_centre_and_width_land_exactly_on_the_placement(
    bright_neutral_room: bytes, placement: Placement
) -> None:
    result = composite_bytes(bright_neutral_room, solid_product_png(colour=MAGENTA), placement, "standard", False)
    rgb = decode(result.png)
    assert (result.width, result.height) == (1200, 900)
    left, _top, right, bottom = magenta_box(rgb)
    assert abs(bottom - placement.y * 900) <= 1
    assert abs((left + right) / 2 - placement.x * 1200) <= 1
    assert abs((right - left) - placement.scale * 1200) <= 1
    assert result.product_box[3] == bottom


def test_a_soft_contact_shadow_lies_under_the_product(bright_neutral_room: bytes) -> None:
    placement = Placement(0.5, 0.85, 0.2)
    result = composite_bytes(bright_neutral_room, solid_product_png(colour=MAGENTA), placement, "standard", False)
    plain = composite_bytes(bright_neutral_room, solid_product_png(colour=MAGENTA), placement, "standard", False)
    assert plain.png == result.png  # deterministic
    rgb = decode(result.png).astype(np.float32)
    room = decode(composite_bytes(bright_neutral_room, _invisible(), placement, "standard", False).png)
    room = room.astype(np.float32)
    left, _, right, bottom = magenta_box(decode(result.png))
    under = (slice(bottom + 1, bottom + 8), slice(left + 10, right - 10))
    far = (slice(bottom + 1, bottom + 8), slice(20, 80))
    assert rgb[under].mean() < room[under].mean() - 15  # darker right under the product
    assert abs(rgb[far].mean() - room[far].mean()) < 1.0  # and nowhere else
    # Soft: it fades out below rather than stopping at a hard edge.
    column = rgb[bottom + 1 : bottom + 60, (left + right) // 2].mean(axis=1) - room[bottom + 1 : bottom + 60, 600].mean(
        axis=1
    )
    assert column[0] < column[20] < column[-1] + 1


def _invisible() -> bytes:
    """A cut-out that is all but invisible (one faint pixel), for the room as the composite leaves it."""
    from tests.imaging.conftest import png_bytes

    rgba = np.zeros((10, 10, 4), np.uint8)
    rgba[5, 5] = (0, 0, 0, 9)
    return png_bytes(rgba)


def test_product_takes_on_the_light_of_the_room(bright_neutral_room: bytes, dark_warm_room: bytes) -> None:
    product = solid_product_png(colour=(180, 180, 180))
    placement = Placement(0.5, 0.9, 0.2)
    looks = []
    for room in (bright_neutral_room, dark_warm_room):
        result = composite_bytes(room, product, placement, "standard", False)
        left, top, right, bottom = result.product_box
        pixels = decode(result.png)[top + 5 : bottom - 5, left + 5 : right - 5].reshape(-1, 3).astype(np.float32)
        looks.append(pixels.mean(axis=0))
    bright, warm = looks
    assert warm.mean() < bright.mean() - 20  # darker
    assert warm[0] / warm[2] > bright[0] / bright[2] + 0.15  # warmer (more red than blue)


def test_output_size_follows_the_quality_tier(bright_neutral_room: bytes) -> None:
    product = solid_product_png()
    draft = composite_bytes(bright_neutral_room, product, Placement(0.5, 0.9, 0.2), "draft", False)
    high = composite_bytes(bright_neutral_room, product, Placement(0.5, 0.9, 0.2), "high", False)
    assert (draft.width, draft.height) == (1024, 768)
    assert (high.width, high.height) == (1200, 900)  # never upscaled beyond the room's own pixels
    assert decode(draft.png).shape == (768, 1024, 3)


def test_free_plan_renders_carry_a_watermark(bright_neutral_room: bytes) -> None:
    product = solid_product_png()
    plain = decode(composite_bytes(bright_neutral_room, product, Placement(0.3, 0.9, 0.2), "standard", False).png)
    marked = decode(composite_bytes(bright_neutral_room, product, Placement(0.3, 0.9, 0.2), "standard", True).png)
    corner = (slice(800, 900), slice(1000, 1200))
    assert np.abs(plain[corner].astype(int) - marked[corner].astype(int)).max() > 40
    assert np.array_equal(plain[:700, :900], marked[:700, :900])


def test_a_lighter_display_webp_comes_with_the_png(bright_neutral_room: bytes) -> None:
    result = composite_bytes(bright_neutral_room, solid_product_png(), Placement(0.5, 0.9, 0.2), "standard", False)
    assert result.display_webp is not None
    assert result.display_webp[:4] == b"RIFF"
    assert result.display_webp[8:12] == b"WEBP"
    assert len(result.display_webp) < len(result.png) / 2
    assert result.png[:8] == b"\x89PNG\r\n\x1a\n"


def test_an_unreadable_room_is_a_room_error(bright_neutral_room: bytes) -> None:
    with pytest.raises(UnreadableImage) as caught:
        composite_bytes(b"garbage", solid_product_png(), Placement(0.5, 0.9, 0.2), "standard", False)
    assert caught.value.code == "room_unavailable"
