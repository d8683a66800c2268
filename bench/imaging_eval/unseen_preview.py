"""A contact sheet of the unseen set for checking the renderer: photo, true alpha, and the alpha's outline over
the photo, for every photo, with how long each took to render. It renders only: no cut-out is run.

Run: ``.venv/bin/python bench/imaging_eval/unseen_preview.py [name ...]`` (writes ``var/bench/unseen-preview.png``).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from imaging_eval.unseen import UNSEEN, render_unseen  # noqa: E402

TILE = 300
OUT = HERE.parent.parent / "var" / "bench" / "unseen-preview.png"


def _fit(img: NDArray[np.uint8]) -> NDArray[np.uint8]:
    h, w = img.shape[:2]
    k = TILE / max(h, w)
    small = cv2.resize(img, (max(1, round(w * k)), max(1, round(h * k))), interpolation=cv2.INTER_AREA)
    canvas = np.full((TILE, TILE, 3), 255, np.uint8)
    y, x = (TILE - small.shape[0]) // 2, (TILE - small.shape[1]) // 2
    canvas[y : y + small.shape[0], x : x + small.shape[1]] = small
    return canvas


def row(rgb: NDArray[np.uint8], alpha: NDArray[np.float32]) -> NDArray[np.uint8]:
    mask = np.repeat((alpha * 255).astype(np.uint8)[..., None], 3, axis=2)
    edge = cv2.morphologyEx((alpha > 0.5).astype(np.uint8), cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8)) > 0
    outline = rgb.copy()
    outline[edge] = (255, 0, 0)
    return np.concatenate([_fit(rgb), _fit(mask), _fit(outline)], axis=1)


def specks(alpha: NDArray[np.float32]) -> int:
    """Single pixels whose truth disagrees with all eight neighbours (a ray that missed or hit by mistake)."""
    inside = (alpha > 0.5).astype(np.uint8)
    kernel = np.ones((3, 3), np.uint8)
    kernel[1, 1] = 0
    around = cv2.filter2D(inside, -1, kernel, borderType=cv2.BORDER_REPLICATE)
    return int(((inside == 1) & (around == 0)).sum() + ((inside == 0) & (around == 8)).sum())


def main(names: list[str]) -> None:
    rows, total = [], 0.0
    for photo in UNSEEN:
        if names and photo.name not in names:
            continue
        start = time.perf_counter()
        scene = render_unseen(photo)
        took = time.perf_counter() - start
        total += took
        h, w = scene.alpha.shape
        share = float((scene.alpha > 0.5).mean())
        print(
            f"{photo.name:42s} {photo.kind:28s} {w:5d}x{h:<5d} product {share:5.1%}  {took:5.1f} s"
            f"  specks {specks(scene.alpha)}"
        )
        rows.append(row(scene.rgb, scene.alpha))
    print(f"total {total:.1f} s")
    pairs = [np.concatenate(rows[i : i + 2], axis=1) if i + 1 < len(rows) else rows[i] for i in range(0, len(rows), 2)]
    width = max(p.shape[1] for p in pairs)
    pairs = [np.pad(p, ((0, 0), (0, width - p.shape[1]), (0, 0)), constant_values=255) for p in pairs]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(np.concatenate(pairs, axis=0)).save(OUT)
    print(f"preview: {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
