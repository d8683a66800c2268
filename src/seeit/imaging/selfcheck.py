"""The cut-out's own check before it is served: a broken cut-out becomes a refusal, never a ``ready`` asset.

Signs of a broken cut-out, each cheap at working size:
- its share of the frame is implausible (a speck, or nearly everything);
- it falls apart into many pieces instead of one main part or a few large ones, or is strewn with specks
  (pieces inside the main part's holes, held by the product around them, do not count);
- its large pieces lie far apart, with empty space between them that none of them spans: what joined them
  was lost (a table's glass top, a console that spans the frame, a mirror's plate, with only legs or the
  frame's sides left). A product is one object; pieces the network parts at a thin joint lie close;
- its outline does not follow the photo's edges (it runs through the backdrop or along a soft shadow). An
  edge counts where it is clear, or, where the backdrop around the mask is calmer than the photo's estimated
  grain, where it is stronger than nearly all of that backdrop (an off-white jug on white paper);
- too little of it is where the network sees the product (with the network present: a kept shadow, a
  backdrop patch); holes the network filled and the mask opened do not count against it. Without the
  network the classical mask must pass the outline test on its own, with a stricter bar;
- (with the network) too much of it is smooth backdrop or shadow where the network sees no product: a floor
  shadow, a patch of backdrop, specks;
- (with the network) it leaves out much of what the network is sure is product and that is clearly not
  backdrop: half a product lost.
The thresholds were set on the tuning, studio and held-out sets and on broken variants of their cut-outs
(``bench/imaging_eval/selfcheck_stress.py``), with both the coarse network and the fine one.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from seeit.imaging.background import Backdrop
from seeit.imaging.photo_evidence import against_backdrop, fine_detail
from seeit.imaging.regions import enclosed, square

MIN_SHARE, MAX_SHARE = 0.003, 0.85
MAX_PARTS = 6  # large parts that together hold 98 % of the mask
MAX_PIECES = 12  # separate pieces of any size but a speck's (scattered specks are noise, not a product)
MIN_PIECE = 16  # pixels at working size
# The hull around the large pieces against their own hulls together. Good cut-outs in pieces gave up to 2.1 (a
# dark plant's leaves parted from its pot; an arc lamp cut by the frame 2.0, a lamp's head parted from its arm
# 1.3); a table's legs or a mirror frame's sides alone 2.8 to 13.
MAX_SPREAD = 2.5
MIN_EDGE_SHARE = 0.35  # outline pixels lying on a clear image edge (with the network)
MIN_EDGE_SHARE_ALONE = 0.6  # the same, for the classical path alone
# The band around the mask (shares of the long side) whose edge strength says how calm the backdrop is, the
# percentile of it an outline pixel must beat there, and the weakest edge that counts at all.
RING = (0.015, 0.05)
RING_BUSIEST = 97.0
MIN_EDGE = 0.005
MIN_SUPPORT = 0.6  # share of the mask the network calls product
MAX_BACKDROP_KEPT = 0.1  # share of the mask that is smooth backdrop or shadow outside the network's product
MAX_LOST = 0.3  # share of the network's sure, non-backdrop product left out


@dataclass(frozen=True)
class SelfCheck:
    passed: bool
    share: float
    parts: int
    spread: float  # the hull around its large parts against their own hulls together (1: one part)
    edge_share: float
    support: float
    backdrop_kept: float
    lost: float
    reasons: tuple[str, ...]


def _parts(stats: NDArray[np.int32]) -> tuple[int, int]:
    """The large parts that together hold 98 % of the mask, and the pieces larger than a speck (``stats``: the
    mask's connected parts, the background's row included, as OpenCV gives them)."""
    areas = np.sort(stats[1:, cv2.CC_STAT_AREA])[::-1]
    if not areas.size:
        return 0, 0
    large = int(np.searchsorted(np.cumsum(areas), 0.98 * areas.sum()) + 1)
    return large, int((areas >= MIN_PIECE).sum())


def _free(labels: NDArray[np.int32], stats: NDArray[np.int32]) -> NDArray[np.int32]:
    """``stats`` without the parts that lie inside the largest part's holes: the rings in a peacock chair's fan
    or the motifs of a lattice are held by the product around them, specks over the backdrop are not."""
    if len(stats) <= 2:
        return stats
    main = int(np.argmax(stats[1:, cv2.CC_STAT_AREA])) + 1
    holes = enclosed(labels != main)
    held = np.bincount(labels[holes], minlength=len(stats)) > 0
    held[0] = held[main] = False
    return np.asarray(stats[~held], np.int32)


def _spread(labels: NDArray[np.int32], stats: NDArray[np.int32]) -> float:
    """How much empty space lies between the mask's large parts: the area of the hull around them all against
    the sum of each one's own hull. One part, or parts side by side, give about 1."""
    if len(stats) <= 2:
        return 1.0
    areas = stats[1:, cv2.CC_STAT_AREA]
    own, points = 0.0, []
    for label in np.flatnonzero(areas >= 0.02 * areas.sum()) + 1:
        x, y, w, h = (int(v) for v in stats[label, :4])
        piece = (labels[y : y + h, x : x + w] == label).astype(np.uint8)
        contours, _ = cv2.findContours(piece, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        outline = np.concatenate(contours) + np.array([x, y], np.int32)
        own += max(1.0, float(cv2.contourArea(cv2.convexHull(outline))))
        points.append(outline)
    if len(points) < 2:
        return 1.0
    return float(cv2.contourArea(cv2.convexHull(np.concatenate(points)))) / own


def _outline(mask: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """The mask's outline away from the frame (a product cut by the frame has no edge there)."""
    m = mask.astype(np.uint8)
    outline = (m - cv2.erode(m, np.ones((3, 3), np.uint8))).astype(bool)
    outline[:3], outline[-3:], outline[:, :3], outline[:, -3:] = False, False, False, False
    return outline


def _edge_strength(img: NDArray[np.float32]) -> NDArray[np.float32]:
    """Colour edge strength, widened by a pixel."""
    gx = cv2.Sobel(img, cv2.CV_32F, 1, 0, ksize=3) / 8
    gy = cv2.Sobel(img, cv2.CV_32F, 0, 1, ksize=3) / 8
    return np.asarray(cv2.dilate(np.sqrt((gx * gx + gy * gy).sum(axis=2)), np.ones((3, 3), np.uint8)), np.float32)


def _calm_surround(strength: NDArray[np.float32], mask: NDArray[np.bool_]) -> float | None:
    """The edge strength that only the busiest few pixels of the band around the mask reach, or None without
    such a band. There the outline would run if it had strayed into the backdrop."""
    reach = max(3, round(RING[0] * max(mask.shape)))
    outer_reach = max(reach + 2, round(RING[1] * max(mask.shape)))
    m = mask.astype(np.uint8)
    inner = cv2.dilate(m, square(2 * reach + 1)) > 0
    ring = (cv2.dilate(m, square(2 * outer_reach + 1)) > 0) & ~inner
    ring[:3], ring[-3:], ring[:, :3], ring[:, -3:] = False, False, False, False
    if not ring.any() or ring.sum() < 0.2 * m.sum():
        return None
    return float(np.percentile(strength[ring], RING_BUSIEST))


def _clear_edge(noise: float) -> float:
    """The edge strength that is clear above the photo's estimated grain."""
    return max(0.015, 3.0 * noise)


def _on_edge(strength: NDArray[np.float32], noise: float) -> NDArray[np.bool_]:
    """Pixels within a pixel of a clear colour edge."""
    return np.asarray(strength > _clear_edge(noise), bool)


def _on_outline_edge(strength: NDArray[np.float32], noise: float, mask: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """Pixels on an edge the outline may follow: a clear one, or, where the backdrop around the mask is calmer
    than the photo's estimated grain says (a pale jug on a white sweep, a black player on black paper), one
    stronger than nearly all of that backdrop."""
    threshold = _clear_edge(noise)
    calm = _calm_surround(strength, mask)
    if calm is not None:
        threshold = max(MIN_EDGE, min(threshold, calm))
    return np.asarray(strength > threshold, bool)


def _edge_share(mask: NDArray[np.bool_], on_edge: NDArray[np.bool_]) -> float:
    """Share of the outline within a pixel of a clear colour edge."""
    outline = _outline(mask)
    if not outline.any():
        return 1.0  # nothing but the frame: the share of the frame decides
    return float(on_edge[outline].mean())


def _kept_without_edges(
    mask: NDArray[np.bool_], kept: NDArray[np.bool_], on_edge: NDArray[np.bool_]
) -> NDArray[np.bool_]:
    """The parts of ``kept`` whose stretch of the outline does not follow image edges.

    A white rail on a white sweep looks like backdrop too, but the outline around it runs along its edge; a
    kept floor shadow's or backdrop patch's runs through the smooth backdrop.
    """
    count, labels = cv2.connectedComponents(kept.astype(np.uint8), connectivity=8)
    if count <= 1:
        return kept
    outline = _outline(mask)
    near = cv2.dilate(labels.astype(np.float32), np.ones((5, 5), np.uint8)).astype(np.int64)
    along = outline & (near > 0)
    total = np.bincount(near[along], minlength=count)
    edged = np.bincount(near[along], weights=on_edge[along].astype(np.float64), minlength=count)
    follows = (total > 0) & (edged >= 0.5 * total)
    follows[0] = True
    return np.asarray(~follows[labels], bool)


def _backdrop_like(img: NDArray[np.float32], backdrop: Backdrop, noise: float) -> tuple[NDArray[np.bool_], ...]:
    """Smooth pixels that match the backdrop or are a shadow on it; and pixels clearly unlike it."""
    smooth, diff, ratio, chroma = against_backdrop(img, backdrop)
    flat = fine_detail(smooth, max(1, round(0.003 * max(img.shape[:2])))) < 0.012 + 2 * noise
    shadow = (ratio > 0.18) & (ratio < 1.0) & (chroma < 0.06 + 3 * noise)
    like = ((diff < max(4 * noise, 0.035)) | shadow) & flat
    return like, diff > max(6 * noise, 0.06)


def check_cutout(
    mask: NDArray[np.bool_], img: NDArray[np.float32], backdrop: Backdrop, saliency: NDArray[np.float32] | None
) -> SelfCheck:
    """Judge the hard mask at working size against the photo ``img`` (float RGB) it was cut from."""
    noise = max(backdrop.noise, 0.004)
    share = float(mask.mean())
    _count, found, found_stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    labels, stats = np.asarray(found, np.int32), np.asarray(found_stats, np.int32)
    parts, pieces = _parts(_free(labels, stats))
    strength = _edge_strength(img)
    on_edge = _on_edge(strength, backdrop.noise)
    edges = _edge_share(mask, _on_outline_edge(strength, backdrop.noise, mask))
    network = saliency is not None
    support = float((saliency[mask] > 0.5).mean()) if saliency is not None and mask.any() else 1.0
    kept, lost = 0.0, 0.0
    if saliency is not None and mask.any():
        like, unlike = _backdrop_like(img, backdrop, noise)
        kept_like = _kept_without_edges(mask, mask & (saliency < 0.5) & like, on_edge)
        kept = float(kept_like.sum() / mask.sum())
        sure = (saliency > 0.9) & unlike
        lost = float((sure & ~mask).sum() / max(1, sure.sum()))
    reasons = []
    if not MIN_SHARE < share < MAX_SHARE:
        reasons.append(f"covers {share:.1%} of the frame")
    if parts > MAX_PARTS or pieces > MAX_PIECES:
        reasons.append(f"falls into {max(parts, pieces)} parts")
    spread = _spread(labels, stats)
    if spread > MAX_SPREAD:
        reasons.append(f"its parts lie far apart, {spread:.1f} times their own hulls, as if what joins them were lost")
    if edges < (MIN_EDGE_SHARE if network else MIN_EDGE_SHARE_ALONE):
        reasons.append(f"only {edges:.0%} of its outline follows an image edge")
    if support < MIN_SUPPORT:
        reasons.append(f"the network sees the product in only {support:.0%} of it")
    if kept > MAX_BACKDROP_KEPT:
        reasons.append(f"{kept:.0%} of it looks like backdrop or shadow the network does not see as product")
    if lost > MAX_LOST:
        reasons.append(f"it leaves out {lost:.0%} of what the network sees as product")
    return SelfCheck(not reasons, share, parts, spread, edges, support, kept, lost, tuple(reasons))
