"""A contact sheet of a set on the blind renderer (blind, fresh, final, eighth, ninth, tenth) for checking its
scenes: each photo, the photo over a checkerboard through its true alpha, and the alpha itself, with how long each
photo took, and how many photos of each kind the set has. It renders only: no cut-out is run, so a set can be
built and checked on this sheet alone.

Run: ``.venv/bin/python bench/imaging_eval/preview.py SET [name ...]`` (writes ``var/bench/SET_preview.png``; with
names, only those photos, and the sheet is ``var/bench/SET_preview_some.png``).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from imaging_eval.blind import render_blind  # noqa: E402
from imaging_eval.blind_sets import BLIND_RENDERER_SETS  # noqa: E402

TILE = 300
OUT = HERE.parent.parent / "var" / "bench"


def _fit(img: NDArray[np.uint8]) -> NDArray[np.uint8]:
    h, w = img.shape[:2]
    k = TILE / max(h, w)
    small = cv2.resize(img, (max(1, round(w * k)), max(1, round(h * k))), interpolation=cv2.INTER_AREA)
    canvas = np.full((TILE, TILE, 3), 255, np.uint8)
    y, x = (TILE - small.shape[0]) // 2, (TILE - small.shape[1]) // 2
    canvas[y : y + small.shape[0], x : x + small.shape[1]] = small
    return canvas


def _checker(h: int, w: int) -> NDArray[np.float32]:
    cell = max(8, max(h, w) // 60)
    cells = ((np.arange(h)[:, None] // cell + np.arange(w)[None, :] // cell) % 2).astype(np.float32)
    return (150 + 70 * cells)[..., None].repeat(3, axis=2)


def row(rgb: NDArray[np.uint8], alpha: NDArray[np.float32], label: str) -> NDArray[np.uint8]:
    a = alpha[..., None]
    over = (rgb.astype(np.float32) * a + _checker(*alpha.shape) * (1 - a)).astype(np.uint8)
    mask = np.repeat((alpha * 255).astype(np.uint8)[..., None], 3, axis=2)
    tiles = np.concatenate([_fit(rgb), _fit(over), _fit(mask)], axis=1)
    strip = Image.new("RGB", (tiles.shape[1], 16), "white")
    ImageDraw.Draw(strip).text((4, 2), label, fill=(0, 0, 0))
    return np.concatenate([np.asarray(strip), tiles], axis=0)


def main(set_name: str, names: list[str]) -> None:
    photos = BLIND_RENDERER_SETS[set_name]
    rows, total = [], 0.0
    for photo in photos:
        if names and photo.name not in names:
            continue
        start = time.perf_counter()
        scene = render_blind(photo)
        took = time.perf_counter() - start
        total += took
        h, w = scene.alpha.shape
        share = float(scene.alpha.mean())
        edge = float(((scene.alpha > 0.02) & (scene.alpha < 0.98)).mean() / max(share, 1e-6))
        print(f"{photo.name:34s} {photo.kind:28s} {w:5d}x{h:<5d} product {share:5.1%}  edge {edge:5.1%}  {took:5.1f} s")
        rows.append(row(scene.rgb, scene.alpha, f"{photo.name}  ({photo.kind}, {w}x{h})"))
    print(f"total {total:.1f} s")
    if not names:  # the set's balance
        print(", ".join(f"{kind} {n}" for kind, n in Counter(p.kind for p in photos).items()))
    pairs = [np.concatenate(rows[i : i + 2], axis=1) if i + 1 < len(rows) else rows[i] for i in range(0, len(rows), 2)]
    width = max(p.shape[1] for p in pairs)
    pairs = [np.pad(p, ((0, 0), (0, width - p.shape[1]), (0, 0)), constant_values=255) for p in pairs]
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / (f"{set_name}_preview_some.png" if names else f"{set_name}_preview.png")
    Image.fromarray(np.concatenate(pairs, axis=0)).save(path)
    print(f"preview: {path}")


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in BLIND_RENDERER_SETS:
        sys.exit(f"usage: preview.py {{{','.join(BLIND_RENDERER_SETS)}}} [name ...]")
    main(sys.argv[1], sys.argv[2:])
