"""Soft, halo-free edges: alpha and the true foreground colour in a thin band around the hard mask.

Each pixel near the edge is a mix ``I = a*F + (1-a)*B``. ``F`` and ``B`` are read from the nearest sure
product and sure backdrop pixels (normalised box blurs at two radii), which follows shadows and gradients
under the edge; ``a`` is the projection of ``I - B`` on ``F - B``. Where ``F`` and ``B`` are too alike for
that to be stable (white on white) the alpha is the feathered hard mask instead. The colour written out is
``F`` solved from the same equation, so no backdrop colour is left in the fringe (colour decontamination).
"""

from __future__ import annotations

import cv2
import numpy as np
from numpy.typing import NDArray

Float = NDArray[np.float32]
Mask = NDArray[np.bool_]


def _disk(radius: int) -> NDArray[np.uint8]:
    return np.asarray(cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1)), np.uint8)


def _nearby_colour(img: Float, region: Mask, radii: tuple[int, ...]) -> tuple[Float, Mask]:
    """Mean colour of ``region`` pixels around each pixel (the smallest radius that finds any wins), and where found."""
    weight = region.astype(np.float32)
    weighted = img * weight[..., None]
    out = np.zeros_like(img)
    found = np.zeros(region.shape, bool)
    for radius in radii:
        k = (2 * radius + 1, 2 * radius + 1)
        den = cv2.blur(weight, k)
        num = cv2.blur(weighted, k)
        ok = (den > 1e-3) & ~found
        out[ok] = num[ok] / den[ok, None]
        found |= ok
    return out, found


def matte(img: Float, mask: Mask, *, band: int) -> tuple[Float, Float]:
    """Alpha and decontaminated colour for ``img`` (float RGB) given its hard product ``mask`` at the same size."""
    inner = cv2.erode(mask.astype(np.uint8), _disk(band)).astype(bool)
    outer = ~cv2.dilate(mask.astype(np.uint8), _disk(band)).astype(bool)
    edge = ~inner & ~outer

    fg, found = _nearby_colour(img, inner, (band * 2,))
    # A thin part (a cord, a stem) has no inner core: its own middle is the best guess of its colour.
    thin = edge & ~found
    if thin.any():
        spine = cv2.erode(mask.astype(np.uint8), _disk(1)).astype(bool)
        fg[thin] = _nearby_colour(img, spine if spine.any() else mask, (band, band * 6, band * 20))[0][thin]
    bg = _nearby_colour(img, outer, (band * 2, band * 6, band * 20))[0]

    span = fg - bg
    span2 = (span * span).sum(axis=2)
    projected = ((img - bg) * span).sum(axis=2) / np.maximum(span2, 1e-6)
    feathered = cv2.GaussianBlur(mask.astype(np.float32), (0, 0), 0.7)
    trust = np.clip((np.sqrt(span2) - 0.05) / 0.12, 0, 1)
    alpha = np.where(edge, trust * np.clip(projected, 0, 1) + (1 - trust) * feathered, mask.astype(np.float32))
    alpha[alpha < 0.03] = 0
    alpha[alpha > 0.97] = 1

    solved = (img - (1 - alpha[..., None]) * bg) / np.maximum(alpha, 1e-3)[..., None]
    solved = np.clip(solved, 0, 1)
    # The solved colour is exact only where alpha is well above noise and the backdrop estimate is right;
    # where it strays far from the nearby product colour (a shadow under the edge misread as backdrop) it
    # would paint a light rim, so there the product's own nearby colour is used instead.
    plausible = np.linalg.norm(solved - fg, axis=2) < 0.2
    mix = (np.clip((alpha - 0.4) / 0.5, 0, 1) * trust * plausible)[..., None]
    colour = np.where(edge[..., None], mix * solved + (1 - mix) * fg, img)
    return alpha.astype(np.float32), colour.astype(np.float32)
