"""The cut-out's own check before it is served: a broken cut-out becomes a refusal, never a ``ready`` asset.

Four signs of a broken cut-out, each cheap at working size:
- its share of the frame is implausible (a speck, or nearly everything);
- it falls apart into many pieces instead of one main part or a few large ones;
- its outline does not follow the photo's edges (it runs through the backdrop or along a soft shadow);
- too little of it is where the network sees the product (with the network present: a kept shadow, a
  backdrop patch); holes the network filled and the mask opened do not count against it. Without the
  network the classical mask must pass the outline test on its own, with a stricter bar.
The thresholds were set on the tuning set (``bench/imaging_eval/scenes.py``) and reported on the independent one.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

MIN_SHARE, MAX_SHARE = 0.003, 0.85
MAX_PARTS = 6  # large parts that together hold 98 % of the mask
MIN_EDGE_SHARE = 0.35  # outline pixels lying on a clear image edge (with the network)
MIN_EDGE_SHARE_ALONE = 0.6  # the same, for the classical path alone
MIN_SUPPORT = 0.6  # share of the mask the network calls product


@dataclass(frozen=True)
class SelfCheck:
    passed: bool
    share: float
    parts: int
    edge_share: float
    support: float
    reasons: tuple[str, ...]


def _large_parts(mask: NDArray[np.bool_]) -> int:
    _count, _labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    areas = np.sort(stats[1:, cv2.CC_STAT_AREA])[::-1]
    if not areas.size:
        return 0
    return int(np.searchsorted(np.cumsum(areas), 0.98 * areas.sum()) + 1)


def _edge_share(mask: NDArray[np.bool_], img: NDArray[np.float32], noise: float) -> float:
    """Share of the outline (away from the frame) within a pixel of a clear colour edge."""
    m = mask.astype(np.uint8)
    outline = (m - cv2.erode(m, np.ones((3, 3), np.uint8))).astype(bool)
    outline[:3], outline[-3:], outline[:, :3], outline[:, -3:] = False, False, False, False
    if not outline.any():
        return 1.0  # nothing but the frame: the share of the frame decides
    gx = cv2.Sobel(img, cv2.CV_32F, 1, 0, ksize=3) / 8
    gy = cv2.Sobel(img, cv2.CV_32F, 0, 1, ksize=3) / 8
    strength = np.sqrt((gx * gx + gy * gy).sum(axis=2))
    near = cv2.dilate(strength, np.ones((3, 3), np.uint8))
    return float((near[outline] > max(0.015, 3.0 * noise)).mean())


def check_cutout(
    mask: NDArray[np.bool_], img: NDArray[np.float32], noise: float, saliency: NDArray[np.float32] | None
) -> SelfCheck:
    """Judge the hard mask at working size against the photo ``img`` (float RGB) it was cut from."""
    share = float(mask.mean())
    parts = _large_parts(mask)
    edges = _edge_share(mask, img, noise)
    network = saliency is not None
    support = float((saliency[mask] > 0.5).mean()) if saliency is not None and mask.any() else 1.0
    reasons = []
    if not MIN_SHARE < share < MAX_SHARE:
        reasons.append(f"covers {share:.1%} of the frame")
    if parts > MAX_PARTS:
        reasons.append(f"falls into {parts} parts")
    if edges < (MIN_EDGE_SHARE if network else MIN_EDGE_SHARE_ALONE):
        reasons.append(f"only {edges:.0%} of its outline follows an image edge")
    if support < MIN_SUPPORT:
        reasons.append(f"the network sees the product in only {support:.0%} of it")
    return SelfCheck(not reasons, share, parts, edges, support, tuple(reasons))
