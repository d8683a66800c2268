"""Which pixels are product, from a network that sees the photo at full working size (ISNet at 1024 px).

Such a network already draws the product's outline, thin legs and most holes where they are; what it gets
wrong is what a studio photo adds around a product. So its mask is kept, and the photo only overrules it
where the evidence is specific:
- a glossy floor's mirror image of the product below the contact line is dropped;
- a part the network half saw that is clearly not backdrop and crisply outlined is added;
- a gap the network filled that shows the backdrop itself, ringed by the product's sharp edge, is opened;
- a gap the network left open that is clearly not backdrop (veined marble, a pattern) is filled.
A shadow the network half saw is left to it: what it keeps at over 0.5 while unsure proved to be product far
more often than shadow (a stove's dark glass door, a daybed's pale cushion, a basin's rim on white paper),
and the self-check stops a cut-out that kept a shadow.
A coarse network (U²-Net at 320 px) needs much more rebuilt; ``segmentation.segment`` does that.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from seeit.imaging.background import Backdrop
from seeit.imaging.photo_evidence import against_backdrop, edge_strength, fine_detail, floor_reflection
from seeit.imaging.regions import enclosed, mostly, rim_sharpness, see_through, square
from seeit.imaging.segmentation import HOLE_MATCH, REFERENCE_SIDE, Float, Mask, Segmentation

# The network's own word is final above this probability, and a pixel below SURE_OUT is backdrop whatever it
# looks like.
SURE_IN, SURE_OUT = 0.9, 0.1
# Below a reflection's contact line the mask mirrors the rows above it at least this well (IoU).
MIRROR_OUTLINE = 0.7
# Share of a part's outline on a sharp edge from which it is an object's.
CRISP_RIM = 0.5
# A part the network missed is one it half saw: mostly above this probability.
HALF_SEEN = 0.3
# A backdrop the smooth model explains this well is a studio's: floor reflections and see-through holes are
# looked for only there.
STUDIO = 0.85


def _mirror_row(signal: Float, mask: Mask) -> int | None:
    """The contact line of a glossy floor's reflection in ``mask``, if below it the mask mirrors itself.

    The photo alone can be fooled by a product whose lower part is a darker copy of its upper part (an
    armchair's seat below its back); a reflection also mirrors the outline, row for row.
    """
    row = floor_reflection(signal, mask)
    if row is None:
        return None
    depth = min(row, mask.shape[0] - 1 - row, max(4, int(mask[row + 1 :].any(axis=1).sum())))
    above = mask[row - depth : row][::-1]
    below = mask[row + 1 : row + 1 + depth]
    union = (above | below).sum()
    return row if union and (above & below).sum() / union >= MIRROR_OUTLINE else None


@dataclass(frozen=True)
class _Evidence:
    """What the photo says per pixel, at working size."""

    smooth: Float
    like_backdrop: Mask  # matches the backdrop model within the photo's grain
    like_shadow: Mask  # darker backdrop of the backdrop's own hue, with no fine detail
    shadow_hue: Mask  # darker backdrop of its hue, detail or not (a lattice's shadow has some)
    unlike: Mask  # clearly not backdrop and no shadow
    edges: Float  # colour edge strength, widened by a pixel
    sharp: float  # edge strength that counts as a crisp edge in this photo

    @classmethod
    def of(cls, img: Float, backdrop: Backdrop) -> _Evidence:
        smooth, diff, ratio, chroma = against_backdrop(img, backdrop)
        noise = max(backdrop.noise, 0.004)
        detail = fine_detail(smooth, max(1, round(0.003 * max(img.shape[:2]))))
        shadow_hue = (ratio > 0.18) & (ratio < 1.0) & (chroma < 0.06 + 3 * noise)
        like_shadow = shadow_hue & (detail < 0.012 + 2 * noise)
        return cls(
            smooth=smooth,
            like_backdrop=diff < max(HOLE_MATCH * noise, 0.03),
            like_shadow=like_shadow,
            shadow_hue=shadow_hue,
            unlike=(diff > max(6.0 * noise, 0.06)) & ~like_shadow,
            edges=np.asarray(cv2.dilate(edge_strength(smooth), square(3)), np.float32),
            sharp=max(0.02, 4 * noise),
        )


def _with_half_seen_parts(mask: Mask, unsure: Mask, s: Float, ev: _Evidence) -> Mask:
    """Add parts the network half saw (a white marble foot on a pale grey sweep): clearly unlike the backdrop
    and not even a patterned shadow (a lattice's on the wall), reaching the product, crisply outlined."""
    unlike_part = ev.unlike & ~ev.shadow_hue & (s > HALF_SEEN)
    missed = mostly(~mask & unsure, unlike_part, 0.6) & ~mask & unsure
    labels, rim = rim_sharpness(missed, ~mask & ~missed, ev.edges, ev.sharp)
    grown = cv2.dilate(mask.astype(np.uint8), square(3)).astype(bool)
    reaching = np.zeros(rim.shape, bool)
    reaching[np.unique(labels[grown & missed])] = True
    reaching[0] = False
    return mask | (reaching & (rim >= CRISP_RIM))[labels]


def _tidy(mask: Mask, min_area: int, like_backdrop: Mask) -> Mask:
    """Drop specks, and fill pinholes that do not show the backdrop."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    if count > 1:
        areas = stats[1:, cv2.CC_STAT_AREA]
        mask = np.concatenate([[False], areas >= max(8, 0.002 * areas.max())])[labels]
    count, labels, stats, _ = cv2.connectedComponentsWithStats(enclosed(~mask).astype(np.uint8), connectivity=4)
    tiny = np.concatenate([[False], stats[1:, cv2.CC_STAT_AREA] < min_area // 4])
    return np.asarray(mask | (tiny[labels] & ~like_backdrop), bool)


def refine(img: Float, backdrop: Backdrop, saliency: Float) -> Segmentation:
    """The product mask of ``img`` (float RGB in [0, 1]) from a fine network's ``saliency`` at the same size."""
    h, w = img.shape[:2]
    s = saliency
    ev = _Evidence.of(img, backdrop)
    min_area = max(16, int(0.0004 * h * w))
    studio = backdrop.plainness >= STUDIO
    unsure = (s > SURE_OUT) & (s < SURE_IN)
    mask = s > 0.5

    below_mirror = np.zeros((h, w), bool)  # a glossy floor's mirror image of the product, once found
    mirror_row = _mirror_row(ev.smooth - backdrop.colour, mask) if studio else None
    if mirror_row is not None:
        below_mirror[mirror_row + 2 :] = True
        mask &= ~below_mirror
    mask = _with_half_seen_parts(mask, unsure & ~below_mirror, s, ev)
    if studio:
        # Gaps that show the backdrop itself, ringed by a sharp edge (a chair back's slot the network filled).
        candidates = mask & ev.like_backdrop & (s < 0.99)
        unit = max(h, w) / REFERENCE_SIDE
        mask &= ~see_through(
            candidates, mask & ~candidates, ev.edges, min_area=min_area, threshold=ev.sharp, reach=square(5 * unit)
        )
    # Gaps inside the product that are not backdrop (veins in white marble the network read as a hole).
    gaps = enclosed(~mask) & (s > SURE_OUT) & ~below_mirror
    mask |= mostly(gaps, ev.unlike, 0.6)
    mask = _tidy(mask, min_area, ev.like_backdrop)

    net = s > 0.5
    union = float((net | mask).sum())
    agreement = float((net & mask).sum()) / union if union else 0.0
    certainty = float(((s < SURE_OUT) | (s > SURE_IN)).mean())
    return Segmentation(np.asarray(mask, bool), agreement, certainty)
