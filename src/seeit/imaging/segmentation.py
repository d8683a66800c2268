"""Which pixels are product: a hard mask at working resolution, before the edges are matted.

Evidence per pixel, from a fitted backdrop model and (when its weights are present) a salient-object map:
- backdrop: the pixel matches the backdrop model within the photo's own noise;
- shadow: darker than the backdrop by a factor, with the backdrop's chromaticity, and smooth (no fine detail),
  which is how floor shadows and reflections of the backdrop differ from product surfaces;
- product: anything clearly different from the backdrop that is not shadow, or the network's confident core.
Sure product and sure backdrop become markers and a watershed on the photo's colour gradient decides the
rest, so the boundary lands on the product's edge, not on a shadow's soft one.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from seeit.imaging.background import Backdrop, border_mask
from seeit.imaging.photo_evidence import against_backdrop, edge_strength, fine_detail, floor_reflection
from seeit.imaging.regions import border_connected, mostly, see_through, square, touching

Float = NDArray[np.float32]
Mask = NDArray[np.bool_]

# The long side the pixel sizes below were tuned at. Photos smaller than the working size are segmented at
# their own size, so every window scales by ``long side / REFERENCE_SIDE`` to cover the same part of the product.
REFERENCE_SIDE = 1024
# A hole's pixels match the backdrop model within this many times the photo's grain (most of them).
HOLE_MATCH = 3.0


@dataclass(frozen=True)
class Segmentation:
    mask: Mask
    agreement: float  # IoU between the mask and the network's own mask (1.0 when no network ran)
    network_certainty: float  # share of pixels the network called clearly in or out


def _tidy(mask: Mask, min_hole: int, seen_through: Mask | None = None) -> Mask:
    """Drop specks, and fill pinholes (glints, noise) too small to be a real hole in the product.

    Small holes that show the backdrop (``seen_through``: an open weave's gaps, a cane seat's) stay open.
    """
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    if count > 1:
        areas = stats[1:, cv2.CC_STAT_AREA]
        keep = np.concatenate([[False], areas >= max(8, 0.002 * areas.max())])
        mask = keep[labels]
    count, labels, stats, _ = cv2.connectedComponentsWithStats((~mask).astype(np.uint8), connectivity=4)
    small = np.concatenate([[False], stats[1:, cv2.CC_STAT_AREA] < min_hole])
    if seen_through is not None:
        shows = np.zeros(count, bool)
        shows[np.unique(labels[seen_through & ~mask])] = True
        small &= ~shows
    return np.asarray(mask | small[labels], bool)


def _network_parts_unlike_backdrop(
    mask: Mask, saliency: Float, smooth: Float, diff: Float, like_shadow: Mask, noise: float, *, min_area: int
) -> Mask:
    """Parts the network calls product that the classical stages dropped, and that do not look like backdrop.

    A real hole (a chair-back slot, a mirror's middle) shows the backdrop itself, matching its model within the
    photo's noise; a pale or textured product (a white linen armchair, a bouclé sofa) differs from it clearly,
    yet the hole-opening stages can take it for backdrop. A part mostly shadow-coloured (a shaded pale fabric,
    but also a wall shadow seen through a ring) comes back only if it has a texture of its own, which shadows lack.
    """
    dropped = (saliency > 0.5) & ~mask & (~like_shadow | (saliency > 0.95))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(dropped.astype(np.uint8), connectivity=4)
    if count <= 1:
        return np.zeros_like(mask)
    grey = smooth.mean(axis=2)
    fine = np.abs(grey - cv2.GaussianBlur(grey, (0, 0), 2.0))
    flat = labels.ravel()
    order = np.argsort(flat, kind="stable")
    bounds = np.searchsorted(flat[order], np.arange(count + 1))
    diffs, fines, shadows = diff.ravel()[order], fine.ravel()[order], like_shadow.ravel()[order]
    keep = np.zeros(count, bool)
    for label in range(1, count):
        if stats[label, cv2.CC_STAT_AREA] < min_area:
            continue
        part = slice(bounds[label], bounds[label + 1])
        unlike = float(np.median(diffs[part])) > max(8.0 * noise, 0.04)
        textured = float(np.median(fines[part])) > 0.8 * noise
        keep[label] = unlike and (float(shadows[part].mean()) < 0.5 or textured)
    return np.asarray(keep[labels], bool)


def segment(img: Float, backdrop: Backdrop, saliency: Float | None) -> Segmentation:
    """The product mask of ``img`` (float RGB in [0, 1]) at its own size."""
    h, w = img.shape[:2]
    unit = max(h, w) / REFERENCE_SIDE
    smooth, diff, ratio, chroma = against_backdrop(img, backdrop)
    detail = fine_detail(smooth, max(1, round(0.003 * max(h, w))))
    pixel_detail = fine_detail(smooth, 0)

    noise = max(backdrop.noise, 0.004)
    like_backdrop = diff < max(4.0 * noise, 0.035)
    # Shadows and floor reflections: darker, same hue as the backdrop, smooth. Deep black is a product.
    like_shadow = (ratio > 0.18) & (ratio < 1.0) & (chroma < 0.06 + 3 * noise) & (detail < 0.012 + 2 * noise)
    differs = (diff > max(6.0 * noise, 0.06)) & ~like_shadow
    # Detail alone marks product only away from shadow hues: a product's edge also lights up the backdrop
    # pixels right beside it, which must stay for the watershed to decide.
    shadow_hue = (ratio > 0.18) & (ratio < 1.0) & (chroma < 0.06 + 3 * noise)
    distinct = differs & ((chroma > 0.12) | (ratio > 1.06) | (ratio < 0.18) | ((pixel_detail > 0.03) & ~shadow_hue))

    plain = backdrop.plainness
    below_mirror = np.zeros((h, w), bool)  # a glossy floor's mirror image of the product, once found
    if saliency is None:
        sure_fg = differs
        sure_bg = like_backdrop | border_connected(like_backdrop | like_shadow)
    else:
        s = saliency
        core = cv2.erode((s > 0.5).astype(np.uint8), square(5 * unit)).astype(bool) & (s > 0.9)
        if plain >= 0.85:
            soft = detail < 0.015 + 2 * noise  # blurred: a reflection or shadow edge, not a product part
            # Shadow-coloured pixels (darker backdrop, same hue) count as product only on strong evidence:
            # otherwise the contact shadow hugging a product's foot becomes an opaque grey rim on the cut-out.
            # Only near the foot, where contact shadows are: elsewhere a shaded grey or white surface looks the same.
            rows = np.nonzero((s > 0.5).any(axis=1))[0]
            foot = np.arange(h)[:, None] >= (rows.max() - 0.05 * h if rows.size else h)
            shadow_hued = shadow_hue & (pixel_detail < 0.03) & foot
            sure_fg = (distinct & (s > 0.04) & ~(soft & (s < 0.7))) | ((differs | core) & (s > 0.5) & ~shadow_hued)
            sure_fg |= core & (s > 0.97) & ~shadow_hued
            sure_bg = (like_backdrop & (s < 0.5)) | ((like_shadow | like_backdrop) & (s < 0.25))
            pale = (like_backdrop | like_shadow) & (s >= 0.25)
            edges = edge_strength(smooth)
            min_area, sharp = max(12, int(0.0001 * h * w)), max(0.02, 4 * noise)
            reach = square(5 * unit)
            # The rim is judged over the reach's width, but a crisp edge is a pixel wide at any size: a large
            # photo shrunk to working size has crisper edges, which then cover less of a hole's rim. Widened by
            # a pixel, an edge covers the rim alike at every photo size.
            rim_edges = np.asarray(cv2.dilate(edges, square(3)), np.float32)
            holes = see_through(pale, (s >= 0.25) & ~pale, rim_edges, min_area=min_area, threshold=sharp, reach=reach)
            # A pale product (white on light grey) shades through the backdrop's brightness, so by brightness
            # alone its parts and its holes run together; its tint still differs a little, and shading keeps tint.
            border = border_mask(h, w, max(3, round(0.02 * max(h, w))))
            tinted = chroma > max(2.0 * float(np.quantile(chroma[border], 0.9)), 0.006)
            exact = like_backdrop & ~tinted
            near_edge = np.asarray(cv2.dilate(edges, reach), np.float32)
            # Matching in tint too, a patch needs less of a sharp rim: a shaded leg beside it may match in brightness.
            holes |= see_through(
                exact & (s >= 0.25),
                (s >= 0.25) & ~exact,
                near_edge,
                min_area=min_area,
                threshold=sharp,
                share=0.4,
                reach=reach,
            )
            # Parts the network missed (a pale chair's back rails): off the backdrop's colour, away from the
            # floor, and parted from the backdrop around them by a sharp edge, which soft shadows never are.
            # Opened, so the thin tint fringe that JPEG's half-size chroma leaves round every edge drops out;
            # the rim is judged a few pixels out, past where that fringe reaches.
            off = ((diff > max(6.0 * noise, 0.05)) | tinted) & ~sure_fg
            off = cv2.morphologyEx(off.astype(np.uint8), cv2.MORPH_OPEN, square(5 * unit)).astype(bool)
            off &= ~touching(off, foot)  # floor shadows reach the foot; a missed back rail does not
            wide_edge = np.asarray(cv2.dilate(edges, square(9 * unit)), np.float32)
            missed = see_through(off, exact, wide_edge, min_area=min_area, threshold=sharp, share=0.5, reach=reach)
            # A shadow cast on the floor between a stool's legs is parted from the backdrop by the legs' sharp
            # edges too; up on the product's body, shadow-coloured is how a shaded pale part looks.
            lower = np.arange(h)[:, None] >= (rows.min() + rows.max()) / 2 if rows.size else np.ones((h, 1), bool)
            missed &= ~mostly(missed, like_shadow & (s < 0.5) & lower)
            sure_fg |= missed
            # What a hole shows is the backdrop itself, within the photo's grain, or in shade; a glint on chrome
            # or a clipped highlight only comes near it.
            holes &= ~mostly(holes, (diff > HOLE_MATCH * noise) & ~like_shadow)
            sure_bg |= holes
            sure_fg &= ~holes
            # Sure product the network does not see that runs on to the frame is the backdrop's own edge (where
            # a wall meets the floor, which a smooth fit blurs): a part the network missed ends inside the photo.
            frame_stray = touching(sure_fg & (s < 0.5), border_mask(h, w, 2))
            sure_fg &= ~frame_stray
            sure_bg |= frame_stray & (s < 0.1)
            mirror_row = floor_reflection(smooth - backdrop.colour, differs)
            if mirror_row is not None:
                below_mirror[mirror_row + 2 :] = True
                sure_bg |= below_mirror
                sure_fg &= ~below_mirror
        else:  # the backdrop model is weak here: lean on the network
            sure_fg = core | (distinct & (s > 0.5))
            sure_bg = (s < 0.05) | (like_backdrop & (s < 0.3))
        sure_bg |= border_mask(h, w, 2) & ~sure_fg
    sure_bg &= ~sure_fg

    markers = np.zeros((h, w), np.int32)
    markers[sure_bg] = 1
    markers[sure_fg] = 2
    if not sure_fg.any():
        return Segmentation(np.zeros((h, w), bool), 0.0, 0.0)
    eight_bit = np.clip(smooth * 255 + 0.5, 0, 255).astype(np.uint8)
    cv2.watershed(eight_bit, markers)
    # cv2.watershed draws its lines (-1) on product edges, where the matting decides, and also all
    # round the image frame, which is no edge at all: the frame takes its inner neighbours' side.
    markers[0], markers[-1], markers[:, 0], markers[:, -1] = markers[1], markers[-2], markers[:, 1], markers[:, -2]
    mask = markers != 1
    # Backdrop markers where the network sees product come only from the hole tests: gaps the product has.
    seen_through = sure_bg & (saliency >= 0.5) if saliency is not None else None
    mask = _tidy(mask, min_hole=max(16, int(0.0004 * h * w)), seen_through=seen_through)
    if saliency is not None:
        restored = _network_parts_unlike_backdrop(
            mask, saliency, smooth, diff, like_shadow, noise, min_area=max(16, int(0.0004 * h * w))
        )
        mask |= restored & ~below_mirror
        if plain >= 0.85:
            # Thin parts the network cannot see at its 320 px input (a tripod's legs, a lamp's pole): clearly
            # unlike the backdrop and no shadow, and reaching the product.
            # Far off the backdrop, not just beside an edge (the backdrop next to a rod has detail too).
            sharp_unlike = (
                differs & ((np.abs(ratio - 1) > 0.25) | (chroma > 0.12)) & ((pixel_detail > 0.03) | (ratio < 0.18))
            )
            wide = cv2.morphologyEx(sharp_unlike.astype(np.uint8), cv2.MORPH_OPEN, square(7 * unit)).astype(bool)
            thin = sharp_unlike & ~wide & ~mask & ~below_mirror
            grown = cv2.dilate(mask.astype(np.uint8), square(3)).astype(bool)
            # Reached through any such pixels: where a tripod's legs meet they are wider than thin.
            mask |= touching(thin | (sharp_unlike & ~below_mirror) | grown, mask) & thin

    if saliency is None:
        return Segmentation(mask, 1.0, 0.0)
    net = saliency > 0.5
    union = float((net | mask).sum())
    agreement = float((net & mask).sum()) / union if union else 0.0
    certainty = float(((saliency < 0.1) | (saliency > 0.9)).mean())
    return Segmentation(mask, agreement, certainty)
