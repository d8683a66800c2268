"""What the photo alone says about a glossy floor: a faded mirror image of the product below its contact line."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray

from seeit.imaging.photo_evidence import floor_reflection

CONTACT = 200


def _product_over_its_copy(gain: float) -> tuple[NDArray[np.float32], NDArray[np.bool_]]:
    """A product's rows above ``CONTACT`` (photo minus backdrop) and, below, the same rows mirrored at ``gain``
    of their strength near the line and fading to a third of that at the far end."""
    rng = np.random.default_rng(3)
    signal = np.zeros((340, 200, 3), np.float32)
    mask = np.zeros((340, 200), bool)
    height = 121  # the product's rows, its foot on the contact line
    upper = rng.normal(0.0, 0.3, (height, 100, 3)).astype(np.float32)  # a print or grain: rows unlike each other
    upper *= np.linspace(0.6, 1.0, height, dtype=np.float32)[:, None, None]  # shaded towards the foot
    signal[CONTACT - height + 1 : CONTACT + 1, 50:150] = upper
    depth = height - 1  # as tall as the product, as a mirror makes it
    fade = gain * np.linspace(1.0, 0.33, depth, dtype=np.float32)[:, None, None]
    signal[CONTACT + 1 : CONTACT + 1 + depth, 50:150] = upper[:-1][::-1] * fade
    mask[CONTACT - height + 1 : CONTACT + 1 + depth, 50:150] = True
    return signal, mask


def test_a_faded_mirror_image_below_the_contact_line_is_a_reflection() -> None:
    row = floor_reflection(*_product_over_its_copy(gain=0.35))
    assert row is not None
    assert abs(row - CONTACT) <= 3


@pytest.mark.parametrize("gain", [0.7, 0.9])
def test_a_lower_half_nearly_as_strong_as_the_upper_is_product_not_reflection(gain: float) -> None:
    """A cabinet's plinth or a decanter's base is a shade darker copy of what is above it: not a floor's mirror."""
    assert floor_reflection(*_product_over_its_copy(gain=gain)) is None
