"""Tests on the connected regions of a mask: which parts reach the frame or a seed, which are mostly of a
trait, and which are ringed by a sharp edge (a hole that shows the backdrop, a part parted from it)."""

from __future__ import annotations

import cv2
import numpy as np
from numpy.typing import NDArray

Float = NDArray[np.float32]
Mask = NDArray[np.bool_]


def square(size: float) -> NDArray[np.uint8]:
    """A square kernel ``size`` reference pixels wide, in this image's pixels (odd, at least 3)."""
    side = max(3, 2 * round((size - 1) / 2) + 1)
    return np.ones((side, side), np.uint8)


def border_connected(region: Mask) -> Mask:
    count, labels = cv2.connectedComponents(region.astype(np.uint8), connectivity=4)
    if count <= 1:
        return region
    edge = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    keep = np.zeros(count, bool)
    keep[edge] = True
    keep[0] = False
    return np.asarray(keep[labels], bool)


def see_through(
    candidates: Mask,
    product: Mask,
    edges: Float,
    *,
    min_area: int,
    threshold: float,
    share: float = 0.6,
    reach: NDArray[np.uint8] | None = None,
) -> Mask:
    """Backdrop-like patches the network put inside the product that are really holes (a chair back, a handle).

    A hole is bounded by the product's sharp edge; a pale patch *on* a product (white on white, a glint)
    fades into the rest of the product without one.
    """
    count, labels = cv2.connectedComponents(candidates.astype(np.uint8), connectivity=4)
    if count <= 1:
        return np.zeros_like(candidates)
    near = cv2.dilate(labels.astype(np.float32), np.ones((5, 5), np.uint8) if reach is None else reach)
    near = near.astype(np.int64)
    rim = product & ~candidates & (near > 0)
    total = np.bincount(near[rim], minlength=count).astype(np.float32)
    sharp = np.bincount(near[rim], weights=(edges[rim] > threshold).astype(np.float32), minlength=count)
    area = np.bincount(labels.ravel(), minlength=count)
    is_hole = (total > 0) & (sharp > share * np.maximum(total, 1)) & (area >= min_area)
    is_hole[0] = False
    return np.asarray(is_hole[labels], bool)


def touching(region: Mask, seed: Mask) -> Mask:
    """The connected parts of ``region`` that overlap ``seed``."""
    count, labels = cv2.connectedComponents(region.astype(np.uint8), connectivity=8)
    hit = np.zeros(count, bool)
    hit[np.unique(labels[seed & region])] = True
    hit[0] = False
    return np.asarray(hit[labels], bool)


def mostly(region: Mask, trait: Mask, share: float = 0.5) -> Mask:
    """The connected parts of ``region`` more than ``share`` of whose pixels have ``trait``."""
    count, labels = cv2.connectedComponents(region.astype(np.uint8), connectivity=8)
    if count <= 1:
        return np.zeros_like(region)
    total = np.bincount(labels.ravel(), minlength=count)
    hits = np.bincount(labels.ravel(), weights=trait.ravel().astype(np.float64), minlength=count)
    chosen = hits > share * np.maximum(total, 1)
    chosen[0] = False
    return np.asarray(chosen[labels], bool)


def enclosed(region: Mask) -> Mask:
    """The parts of ``region`` that do not reach the frame."""
    count, labels = cv2.connectedComponents(region.astype(np.uint8), connectivity=4)
    if count <= 1:
        return np.zeros_like(region)
    edge = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    inside = np.ones(count, bool)
    inside[edge] = False
    inside[0] = False
    return np.asarray(inside[labels], bool)


def rim_sharpness(parts: Mask, outside: Mask, edges: Float, threshold: float) -> tuple[NDArray[np.int32], Float]:
    """Label ``parts``; per label, the share of the ``outside`` pixels along it that lie on a sharp edge."""
    count, labels = cv2.connectedComponents(parts.astype(np.uint8), connectivity=8)
    near = cv2.dilate(labels.astype(np.float32), square(5)).astype(np.int64)
    rim = outside & (near > 0)
    total = np.bincount(near[rim], minlength=count).astype(np.float32)
    sharp = np.bincount(near[rim], weights=(edges[rim] > threshold).astype(np.float32), minlength=count)
    share = np.where(total > 0, sharp / np.maximum(total, 1), 1.0).astype(np.float32)
    share[0] = 1.0
    return np.asarray(labels, np.int32), share
