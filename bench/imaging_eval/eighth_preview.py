"""A contact sheet of the eighth set for checking its scenes: each photo, the photo over a checkerboard through its
true alpha, and the alpha itself, with how long each photo took. It renders only: no cut-out is run, and the set
was checked on this sheet alone.

Run: ``.venv/bin/python bench/imaging_eval/eighth_preview.py [name ...]`` (writes ``var/bench/eighth_preview.png``;
with names, only those photos, and the sheet is ``var/bench/eighth_preview_some.png``).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from imaging_eval.blind_preview import row  # noqa: E402
from imaging_eval.eighth import EIGHTH, render_eighth  # noqa: E402

OUT = HERE.parent.parent / "var" / "bench"


def main(names: list[str]) -> None:
    rows, total = [], 0.0
    for photo in EIGHTH:
        if names and photo.name not in names:
            continue
        start = time.perf_counter()
        scene = render_eighth(photo)
        took = time.perf_counter() - start
        total += took
        h, w = scene.alpha.shape
        share = float(scene.alpha.mean())
        edge = float(((scene.alpha > 0.02) & (scene.alpha < 0.98)).mean() / max(share, 1e-6))
        print(f"{photo.name:34s} {photo.kind:28s} {w:5d}x{h:<5d} product {share:5.1%}  edge {edge:5.1%}  {took:5.1f} s")
        rows.append(row(scene.rgb, scene.alpha, f"{photo.name}  ({photo.kind}, {w}x{h})"))
    print(f"total {total:.1f} s")
    if not names:  # the set's balance: one or two photos of each kind
        print(", ".join(f"{kind} {n}" for kind, n in Counter(p.kind for p in EIGHTH).items()))
    pairs = [np.concatenate(rows[i : i + 2], axis=1) if i + 1 < len(rows) else rows[i] for i in range(0, len(rows), 2)]
    width = max(p.shape[1] for p in pairs)
    pairs = [np.pad(p, ((0, 0), (0, width - p.shape[1]), (0, 0)), constant_values=255) for p in pairs]
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / ("eighth_preview_some.png" if names else "eighth_preview.png")
    Image.fromarray(np.concatenate(pairs, axis=0)).save(path)
    print(f"preview: {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
