"""A smooth model of a studio backdrop (plain, gradient or sweep), fitted robustly to the photo's border."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

Float = NDArray[np.float32]


@dataclass(frozen=True)
class Backdrop:
    colour: Float  # H x W x 3, the backdrop as it would look with no product and no shadow
    plainness: float  # share of border pixels the smooth model explains: ~1 studio, low for a lifestyle photo
    noise: float  # robust spread of the border's residual: the photo's grain on the backdrop
    # The smooth fit alone, before any local correction (the backdrop as lit, with no shadow thrown on it);
    # None when ``colour`` is that fit.
    smooth: Float | None = None

    @property
    def lit(self) -> Float:
        return self.colour if self.smooth is None else self.smooth


def _design(xs: Float, ys: Float) -> Float:
    # Quadratic in x and y: enough for sweeps, vignetting and gradients, too stiff to follow objects.
    return np.stack([np.ones_like(xs), xs, ys, xs * xs, xs * ys, ys * ys], axis=1)


def border_mask(h: int, w: int, width: int) -> NDArray[np.bool_]:
    mask = np.zeros((h, w), bool)
    mask[:width], mask[-width:], mask[:, :width], mask[:, -width:] = True, True, True, True
    return mask


def fit_backdrop(
    img: Float, sample: NDArray[np.bool_] | None = None, *, inlier: float = 0.045, lit: bool = False
) -> Backdrop:
    """Fit the backdrop to ``sample`` pixels (default: a border strip), dropping outliers (products, props).

    With ``lit``, pixels darker than the fit are dropped sooner than brighter ones: the sample then holds
    shadows thrown on the backdrop, and the fit should be the backdrop as lit, not pulled down by them.
    """
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
        if lit:
            keep &= (values - design @ coef).mean(axis=1) > -max(2.0 * spread, 0.012)
    plainness = float((residual < inlier).mean()) if ys.size else 0.0
    noise = 1.4826 * float(np.median(residual[keep])) if keep.any() else 1.0
    gx = (np.arange(w, dtype=np.float32) / w)[None, :]
    gy = (np.arange(h, dtype=np.float32) / h)[:, None]
    terms = (np.ones((1, 1), np.float32), gx, gy, gx * gx, gx * gy, gy * gy)
    colour = np.zeros((h, w, 3), np.float32)
    for term, c in zip(terms, coef, strict=True):
        colour += term[..., None] * c
    return Backdrop(np.clip(colour, 0, 1.2), plainness, noise)


# The local correction's reach, in pixels of the quarter-size copy it is computed on (4 full-size pixels each):
# enough to follow a wall meeting a floor or a spot's fall-off, short enough not to carry a shadow into the product.
_LOCAL_SIGMA = 3.0
_LOCAL_STEP = 4


def _correction(residual: Float, known: NDArray[np.bool_]) -> Float:
    """The known pixels' residual spread a little around them, fading out where none are near."""
    weight = known.astype(np.float32)
    den = cv2.GaussianBlur(weight, (0, 0), _LOCAL_SIGMA)
    num = cv2.GaussianBlur(residual * weight[..., None], (0, 0), _LOCAL_SIGMA)
    mean = num / np.maximum(den, 1e-3)[..., None]
    return np.asarray(mean * np.clip(den / 0.5, 0, 1)[..., None], np.float32)


def local_backdrop(img: Float, known: NDArray[np.bool_], *, inlier: float = 0.045) -> Backdrop:
    """The backdrop fitted to the pixels ``known`` to be backdrop, corrected locally where they are.

    A smooth fit to the known pixels (which need not include the frame: a product cut by it) gives the
    backdrop behind the product; around it, the known pixels' own departure from that fit is added back, so
    the model also follows a wall meeting a floor, a spot's fall-off, or a shadow thrown away from the
    product. Known pixels that stand out from their neighbourhood (a thin leg the network missed) are dropped
    and the correction taken again without them.
    """
    h, w = img.shape[:2]
    smooth = fit_backdrop(img, known if known.sum() >= 12 else None, lit=True)
    sw, sh = max(1, w // _LOCAL_STEP), max(1, h // _LOCAL_STEP)
    small = np.asarray(cv2.resize(img, (sw, sh), interpolation=cv2.INTER_AREA), np.float32)
    base = np.asarray(cv2.resize(smooth.colour, (sw, sh), interpolation=cv2.INTER_AREA), np.float32)
    small_known = cv2.resize(known.astype(np.float32), (sw, sh), interpolation=cv2.INTER_AREA) > 0.99
    residual = small - base
    correction = _correction(residual, small_known)
    off = np.linalg.norm(residual - correction, axis=2)
    spread = 1.4826 * float(np.median(off[small_known])) if small_known.any() else 1.0
    correction = _correction(residual, small_known & (off < max(4.0 * spread, 0.03)))
    up = cv2.resize(correction, (w, h), interpolation=cv2.INTER_LINEAR)
    colour = np.clip(smooth.colour + up, 0, 1.2).astype(np.float32)
    ys, xs = np.nonzero(known)
    step = max(1, ys.size // 40_000)
    ys, xs = ys[::step], xs[::step]
    full_residual = np.linalg.norm(img[ys, xs] - colour[ys, xs], axis=1)
    plainness = float((full_residual < inlier).mean()) if ys.size else 0.0
    inliers = full_residual[full_residual < max(4.0 * spread, 0.03)]
    noise = 1.4826 * float(np.median(inliers)) if inliers.size else 1.0
    return Backdrop(colour, plainness, noise, smooth.colour)
