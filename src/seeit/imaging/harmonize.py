"""Accepting a model's harmonised composite only if the product stayed where we put it.

The model is asked to change light and shadow only. Its output is compared with the local composite on
the product's box, on high-pass detail (so re-lighting does not count as a change): a shift found by phase
correlation beyond a small tolerance, or product detail that no longer matches, keeps the local composite.
"""

from __future__ import annotations

import logging

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image

from seeit.imaging.codec import open_image, to_rgb_array
from seeit.imaging.interface import CompositeResult
from seeit.imaging.operations import LocalComposite, finish_composite

log = logging.getLogger(__name__)

MIN_DETAIL_MATCH = 0.6


def _detail(rgb: NDArray[np.uint8]) -> NDArray[np.float32]:
    grey = rgb.astype(np.float32).mean(axis=2) / 255.0
    return np.asarray(grey - cv2.GaussianBlur(grey, (0, 0), 3.0), np.float32)


def product_drift(local: LocalComposite, model_rgb: NDArray[np.uint8]) -> str | None:
    """Why the model's output cannot be used (``"moved_product"``, ``"changed_product"``), or None."""
    h, w = local.rgb.shape[:2]
    left, top, right, bottom = local.product_box
    pad_x, pad_y = (right - left) // 8 + 4, (bottom - top) // 8 + 4
    x0, y0, x1, y1 = max(0, left - pad_x), max(0, top - pad_y), min(w, right + pad_x), min(h, bottom + pad_y)
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    ours, theirs = _detail(local.rgb[y0:y1, x0:x1]), _detail(model_rgb[y0:y1, x0:x1])
    window = cv2.createHanningWindow((x1 - x0, y1 - y0), cv2.CV_32F)
    (dx, dy), _ = cv2.phaseCorrelate(ours, theirs, window)
    tolerance = max(2.0, 0.01 * float(np.hypot(right - left, bottom - top)))
    if float(np.hypot(dx, dy)) > tolerance:
        return "moved_product"
    inside = local.product_alpha[y0:y1, x0:x1] > 0.5
    if inside.sum() > 64:
        a, b = ours[inside], theirs[inside]
        match = float((a * b).sum() / max(np.linalg.norm(a) * np.linalg.norm(b), 1e-9))
        if match < MIN_DETAIL_MATCH:
            return "changed_product"
    return None


def accept_harmonized(local: LocalComposite, model_image: bytes, *, watermark: bool) -> CompositeResult:
    """The model's picture if the product did not move, else the local composite, with the reason recorded."""
    h, w = local.rgb.shape[:2]
    model = open_image(model_image, code="internal_error")
    model_rgb = to_rgb_array(model.convert("RGB").resize((w, h), Image.Resampling.LANCZOS))
    rejected = product_drift(local, model_rgb)
    if rejected is not None:
        log.warning("harmonised composite rejected (%s): keeping the local composite", rejected)
        return finish_composite(local.rgb, local.product_box, watermark=watermark, harmonized=False, rejected=rejected)
    return finish_composite(model_rgb, local.product_box, watermark=watermark, harmonized=True, rejected=None)
