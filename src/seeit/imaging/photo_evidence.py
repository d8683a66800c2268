"""What the photo says about each pixel against the backdrop model: how it differs in colour, brightness and
tint, how much fine detail it has, where its edges are, and where a glossy floor mirrors the product."""

from __future__ import annotations

import cv2
import numpy as np
from numpy.typing import NDArray

from seeit.imaging.background import Backdrop

Float = NDArray[np.float32]
Mask = NDArray[np.bool_]

# A glossy floor's reflection fades with distance: its far third is at most this strong against its near third.
# Legs crossing from a wall onto a darker floor, or a lamp's stem above its round foot, mirror well enough
# near the line but keep their strength all the way down.
MIRROR_FADE = 0.7
# A polished floor returns well under two thirds of what stands on it (true reflections measured 0.25 to 0.4);
# a box whose lower half is a shade darker than its upper (a cabinet's plinth, a decanter's base) measured 0.7.
MIRROR_GAIN = (0.15, 0.6)


def fine_detail(img: Float, radius: int) -> Float:
    """Local high-frequency energy, spread a little: product edges and texture have it, soft shadows do not."""
    grey = img.mean(axis=2)
    detail = np.abs(grey - cv2.GaussianBlur(grey, (0, 0), 1.5))
    detail = cv2.GaussianBlur(detail, (0, 0), 1.0)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))
    return np.asarray(cv2.dilate(detail, kernel), np.float32)


def against_backdrop(img: Float, backdrop: Backdrop) -> tuple[Float, Float, Float, Float]:
    """The photo lightly smoothed, and per pixel how it differs from the backdrop: colour distance,
    brightness ratio and chromaticity distance.

    Shadows are judged against the backdrop as lit; a pixel is like the backdrop if it matches either that or
    the locally corrected model (a wall meeting a floor, a shadow thrown away from the product).
    """
    smooth = np.asarray(cv2.GaussianBlur(img, (0, 0), 0.8), np.float32)
    lit = backdrop.lit
    diff = np.linalg.norm(smooth - lit, axis=2)
    if backdrop.smooth is not None:
        diff = np.minimum(diff, np.linalg.norm(smooth - backdrop.colour, axis=2))
    lum, lit_lum = smooth.mean(axis=2), np.maximum(lit.mean(axis=2), 1e-3)
    chroma = np.linalg.norm(smooth / np.maximum(lum, 1e-3)[..., None] - lit / lit_lum[..., None], axis=2)
    return smooth, diff, lum / lit_lum, chroma


def edge_strength(img: Float) -> Float:
    """Colour gradient magnitude per pixel (units of colour per pixel)."""
    gx = cv2.Sobel(img, cv2.CV_32F, 1, 0, ksize=3) / 8
    gy = cv2.Sobel(img, cv2.CV_32F, 0, 1, ksize=3) / 8
    return np.asarray(np.sqrt((gx * gx + gy * gy).sum(axis=2)), np.float32)


def floor_reflection(signal: Float, candidate: Mask) -> int | None:
    """The row where a glossy floor starts mirroring the product, if the rows below it are a faded mirror image.

    ``signal`` is the photo minus the backdrop. Below the contact line a reflection repeats the rows above it,
    flipped, weaker (a quarter to three quarters) and fading with distance; a symmetric product (a ball) is
    just as strong on both sides, so the amplitude test keeps it whole.
    """
    rows = np.nonzero(candidate.any(axis=1))[0]
    if rows.size < 20:
        return None
    cols = np.nonzero(candidate.any(axis=0))[0]
    band = signal[:, cols.min() : cols.max() + 1].reshape(signal.shape[0], -1)
    top, bottom = int(rows.min()), int(rows.max())
    depth = max(4, (bottom - top) // 12)
    strength = np.linalg.norm(band, axis=1)
    best, best_row = 0.0, None
    for y in range(top + (bottom - top) // 2, bottom - depth // 2):
        reach = min(depth, bottom - y, y - top)
        above = band[y - reach : y][::-1]
        below = band[y + 1 : y + 1 + reach]
        a_norm, b_norm = strength[y - reach : y][::-1], strength[y + 1 : y + 1 + reach]
        if a_norm.min() < 1e-3:
            continue
        corr = (above * below).sum(axis=1) / (a_norm * np.maximum(b_norm, 1e-6))
        gain = b_norm / a_norm
        # The contact line is where the mirror image starts: the sharpest drop in strength among mirror rows.
        drop = float(strength[y - 2] - strength[y + 2])
        if np.median(corr) > 0.9 and MIRROR_GAIN[0] < np.median(gain) < MIRROR_GAIN[1] and drop > best:
            best, best_row = drop, y
    if best_row is not None:
        below = strength[best_row + 1 : bottom + 1]
        third = max(1, below.size // 3)
        if below.size < 6 or below[-third:].mean() > MIRROR_FADE * below[:third].mean():
            return None
    return best_row
