"""A smooth model of a studio backdrop (plain, gradient or sweep), fitted robustly to the photo's border."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Float = NDArray[np.float32]


@dataclass(frozen=True)
class Backdrop:
    colour: Float  # H x W x 3, the backdrop as it would look with no product and no shadow
    plainness: float  # share of border pixels the smooth model explains: ~1 studio, low for a lifestyle photo
    noise: float  # robust spread of the border's residual: the photo's grain on the backdrop


def _design(xs: Float, ys: Float) -> Float:
    # Quadratic in x and y: enough for sweeps, vignetting and gradients, too stiff to follow objects.
    return np.stack([np.ones_like(xs), xs, ys, xs * xs, xs * ys, ys * ys], axis=1)


def border_mask(h: int, w: int, width: int) -> NDArray[np.bool_]:
    mask = np.zeros((h, w), bool)
    mask[:width], mask[-width:], mask[:, :width], mask[:, -width:] = True, True, True, True
    return mask


def fit_backdrop(img: Float, sample: NDArray[np.bool_] | None = None, *, inlier: float = 0.045) -> Backdrop:
    """Fit the backdrop to ``sample`` pixels (default: a border strip), dropping outliers (products, props)."""
    h, w = img.shape[:2]
    if sample is None:
        sample = border_mask(h, w, max(3, round(0.02 * max(h, w))))
    ys, xs = np.nonzero(sample)
    step = max(1, ys.size // 20_000)
    ys, xs = ys[::step], xs[::step]
    sx, sy = (xs / w).astype(np.float32), (ys / h).astype(np.float32)
    values = img[ys, xs]
    design = _design(sx, sy)
    keep = np.ones(ys.size, bool)
    coef = np.zeros((6, 3), np.float32)
    residual = np.zeros(ys.size, np.float32)
    for _ in range(4):
        if keep.sum() < 12:
            break
        coef = np.linalg.lstsq(design[keep], values[keep], rcond=None)[0].astype(np.float32)
        residual = np.linalg.norm(values - design @ coef, axis=1)
        spread = 1.4826 * float(np.median(residual[keep])) + 1e-4
        keep = residual < max(3.5 * spread, 0.02)
    plainness = float((residual < inlier).mean()) if ys.size else 0.0
    noise = 1.4826 * float(np.median(residual[keep])) if keep.any() else 1.0
    gx = (np.arange(w, dtype=np.float32) / w)[None, :]
    gy = (np.arange(h, dtype=np.float32) / h)[:, None]
    terms = (np.ones((1, 1), np.float32), gx, gy, gx * gx, gx * gy, gy * gy)
    colour = np.zeros((h, w, 3), np.float32)
    for term, c in zip(terms, coef, strict=True):
        colour += term[..., None] * c
    return Backdrop(np.clip(colour, 0, 1.2), plainness, noise)
