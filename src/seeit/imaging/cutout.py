"""``prepare_product`` pixels: a product photo in, a cropped transparent cut-out and a confidence out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image

from seeit.imaging.background import Backdrop, fit_backdrop, local_backdrop
from seeit.imaging.codec import has_transparency, resized
from seeit.imaging.matting import matte
from seeit.imaging.refinement import refine
from seeit.imaging.saliency import network_in, salient_object_map
from seeit.imaging.segmentation import Segmentation, segment
from seeit.imaging.selfcheck import SelfCheck, check_cutout

# A cut-out is stored no larger than this: ample for a product that fills half of a 4096 px room.
OUTPUT_MAX_SIDE = 2048
# Segmentation runs at this size; edges are matted again at the output size.
WORKING_MAX_SIDE = 1024
# The network's edge is soft at its 320 px input: backdrop pixels are taken only this far (a share of the
# long side) from what it calls product.
BACKDROP_MARGIN = 0.015
# A border the smooth fit explains this well is a studio backdrop, and the fit to it is kept.
BORDER_PLAIN = 0.9
# With less backdrop than this share of the frame in view, the interpolated model has too little to go on.
MIN_KNOWN_BACKDROP = 0.1
# Below this confidence the photo is refused and the merchant asked for a manual cut-out.
CONFIDENCE_FLOOR = 0.5
# With a fine network, the backdrop's plainness from which a cut-out is trusted at all, and the span over which
# that trust grows to full.
FINE_PLAIN_FROM, FINE_PLAIN_SPAN = 0.45, 0.25


@dataclass(frozen=True)
class Cutout:
    rgba: NDArray[np.uint8]
    confidence: float
    box: tuple[int, int, int, int]  # the crop in the decoded photo's pixels
    scale: float  # output pixels per decoded-photo pixel
    check: SelfCheck | None = None  # None for a photo that came with its own alpha


def _bbox(mask: NDArray[np.bool_], margin: int) -> tuple[int, int, int, int]:
    ys, xs = np.nonzero(mask)
    h, w = mask.shape
    if not xs.size:
        return 0, 0, w, h
    return (
        max(0, int(xs.min()) - margin),
        max(0, int(ys.min()) - margin),
        min(w, int(xs.max()) + 1 + margin),
        min(h, int(ys.max()) + 1 + margin),
    )


def _from_own_alpha(img: Image.Image) -> Cutout:
    """The merchant's photo is already a cut-out: keep its alpha, just crop it."""
    scaled = resized(img.convert("RGBA"), OUTPUT_MAX_SIDE)
    rgba = np.asarray(scaled)
    left, top, right, bottom = _bbox(rgba[..., 3] > 8, max(4, round(0.02 * max(rgba.shape[:2]))))
    scale = scaled.width / img.width
    box = (round(left / scale), round(top / scale), round(right / scale), round(bottom / scale))
    return Cutout(np.ascontiguousarray(rgba[top:bottom, left:right]), 1.0, box, scale)


@dataclass(frozen=True)
class WorkingView:
    """The photo at working size and what is known of it before segmentation."""

    img: NDArray[np.float32]  # RGB in [0, 1]
    saliency: NDArray[np.float32] | None  # None without weights
    backdrop: Backdrop
    scale: float  # working pixels per output pixel
    fine: bool = False  # the network saw the photo at working size (its outline is kept, not rebuilt)

    @property
    def network(self) -> bool:
        return self.saliency is not None


def working_view(out_rgb: NDArray[np.uint8], model_dir: str | Path | None) -> WorkingView:
    """Shrink the photo to working size, run the network on it and model its backdrop."""
    oh, ow = out_rgb.shape[:2]
    ws = min(1.0, WORKING_MAX_SIDE / max(oh, ow))
    work_rgb = out_rgb
    if ws < 1:
        small = cv2.resize(out_rgb, (round(ow * ws), round(oh * ws)), interpolation=cv2.INTER_AREA)
        work_rgb = np.asarray(small, np.uint8)
    work = work_rgb.astype(np.float32) / 255.0
    saliency = salient_object_map(work_rgb, model_dir)
    net = network_in(model_dir)
    fine = saliency is not None and net is not None and net.side >= WORKING_MAX_SIDE
    return WorkingView(work, saliency, _backdrop(work, saliency), ws, fine)


def _backdrop(work: NDArray[np.float32], saliency: NDArray[np.float32] | None) -> Backdrop:
    """The backdrop model: a smooth fit to the border where that explains it (a studio sweep), else one fitted
    around what the network calls product and corrected locally (a wall meeting a floor, a product cut by the
    frame, a strong vignette)."""
    border = fit_backdrop(work)
    if saliency is None or border.plainness >= BORDER_PLAIN:
        return border
    margin = max(3, round(BACKDROP_MARGIN * max(work.shape[:2])))
    near_product = cv2.dilate((saliency > 0.5).astype(np.uint8), np.ones((2 * margin + 1,) * 2, np.uint8)) > 0
    known = (saliency < 0.1) & ~near_product
    if known.mean() < MIN_KNOWN_BACKDROP:
        return border
    return local_backdrop(work, known)


def segment_view(view: WorkingView) -> Segmentation:
    """The product mask at working size: a fine network's kept and corrected, a coarse one's rebuilt."""
    if view.fine and view.saliency is not None:
        return refine(view.img, view.backdrop, view.saliency)
    return segment(view.img, view.backdrop, view.saliency)


def confidence_of(plainness: float, agreement: float, area: float, network: bool, fine: bool = False) -> float:
    """How far to trust a cut-out: a backdrop the model explains, and (with the network) a mask both agree on.

    With a fine network the mask is the network's own, and the backdrop model only corrects it: a spot-lit
    dark studio or a brick wall behind the product (plainness about 0.65) is no reason to refuse, while a
    busy room or a street (under 0.5) still is.
    """
    low, span = (FINE_PLAIN_FROM, FINE_PLAIN_SPAN) if fine else (0.55, 0.35)
    plain = float(np.clip((plainness - low) / span, 0, 1))
    sane = 1.0 if 0.002 < area < 0.92 else 0.3
    trust = 0.6 + 0.4 * agreement if network else 0.8
    return round(plain * trust * sane, 3)


def cut_out(img: Image.Image, *, model_dir: str | Path | None = None) -> Cutout:
    """Cut the product out of ``img``; the confidence says whether to use the result."""
    if has_transparency(img):
        return _from_own_alpha(img)
    out_img = resized(img.convert("RGB"), OUTPUT_MAX_SIDE)
    out_rgb = np.asarray(out_img)
    oh, ow = out_rgb.shape[:2]
    view = working_view(out_rgb, model_dir)
    ws = view.scale
    seg = segment_view(view)
    confidence = confidence_of(view.backdrop.plainness, seg.agreement, float(seg.mask.mean()), view.network, view.fine)
    check = check_cutout(seg.mask, view.img, view.backdrop, view.saliency)
    del view

    # Back to output size; matting runs only on the product's box, which bounds memory on large photos.
    mask = cv2.resize(seg.mask.astype(np.float32), (ow, oh), interpolation=cv2.INTER_LINEAR) > 0.5
    margin = max(4, round(0.02 * max(oh, ow)))
    band = max(2, round(1.5 / ws))
    left, top, right, bottom = _bbox(mask, margin + 2 * band)
    crop = out_rgb[top:bottom, left:right].astype(np.float32) / 255.0
    alpha, colour = matte(crop, mask[top:bottom, left:right], band=band)

    l2, t2, r2, b2 = _bbox(alpha > 0.02, margin)
    rgba = np.empty((b2 - t2, r2 - l2, 4), np.uint8)
    rgba[..., :3] = np.clip(colour[t2:b2, l2:r2] * 255 + 0.5, 0, 255)
    rgba[..., 3] = np.clip(alpha[t2:b2, l2:r2] * 255 + 0.5, 0, 255)
    rgba[rgba[..., 3] == 0, :3] = 0  # no hidden colour: smaller PNGs, and nothing to bleed when resized
    scale = ow / img.width
    x0, y0 = left + l2, top + t2
    box = (round(x0 / scale), round(y0 / scale), round((x0 + r2 - l2) / scale), round((y0 + b2 - t2) / scale))
    return Cutout(rgba, confidence, box, scale, check)
