"""Cut-outs on the independent studio set (``bench/imaging_eval/studio.py``, never tuned on), and a contact sheet.

Run: ``.venv/bin/python bench/imaging_independent.py [OUT.jpg]``. Per photo: IoU against the exact alpha (a
refusal scores 0), whether the self-check refused it, prep time; per kind the mean IoU; the self-check's
precision and recall (a cut-out with IoU < 0.8 is broken); and a contact sheet (source, cut-out over a
checkerboard, the cut-out placed in a room), with the scikit-image sample photos (CC0 / public domain) when
that package is installed. Exits 1 if a target of the issue is missed.
"""

from __future__ import annotations

import io
import os
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "src")]

from imaging_eval import render_room  # noqa: E402
from imaging_eval.studio import STUDIOS, render_studio  # noqa: E402

from seeit.imaging.errors import CutoutUnreliable  # noqa: E402
from seeit.imaging.interface import Placement  # noqa: E402
from seeit.imaging.operations import composite_bytes, prepare_product_bytes  # noqa: E402
from seeit.imaging.saliency import default_model_dir, network_in  # noqa: E402

BROKEN = 0.8
TILE = 240


def _checker(h: int, w: int) -> np.ndarray:
    cells = ((np.arange(h)[:, None] // 12 + np.arange(w)[None, :] // 12) % 2).astype(np.float32)
    return (200 + 40 * cells)[..., None].repeat(3, axis=2)


def _tile(img: Image.Image) -> np.ndarray:
    img = img.convert("RGB")
    img.thumbnail((TILE, TILE))
    canvas = Image.new("RGB", (TILE, TILE), "white")
    canvas.paste(img, ((TILE - img.width) // 2, (TILE - img.height) // 2))
    return np.asarray(canvas)


def _row(jpeg: bytes, png: bytes | None, room: bytes) -> np.ndarray:
    source = _tile(Image.open(io.BytesIO(jpeg)))
    if png is None:  # refused: a red tile
        blank = np.zeros((TILE, TILE, 3), np.uint8)
        blank[:] = (180, 40, 40)
        return np.concatenate([source, blank, blank], axis=1)
    rgba = np.asarray(Image.open(io.BytesIO(png))).astype(np.float32) / 255
    over = rgba[..., :3] * 255 * rgba[..., 3:] + _checker(*rgba.shape[:2]) * (1 - rgba[..., 3:])
    cut = _tile(Image.fromarray(over.astype(np.uint8)))
    placed = composite_bytes(room, png, Placement(0.5, 0.9, 0.35), "standard", False).png
    return np.concatenate([source, cut, _tile(Image.open(io.BytesIO(placed)))], axis=1)


def _sample_photos() -> list[tuple[str, bytes]]:
    try:
        from skimage import data
    except ImportError:
        return []
    photos = []
    for name in ("coffee", "rocket", "chelsea", "astronaut"):
        buf = io.BytesIO()
        Image.fromarray(getattr(data, name)()).save(buf, "JPEG", quality=90)
        photos.append((name, buf.getvalue()))
    return photos


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out" / "contact_sheet_independent.jpg"
    model_dir = str(os.environ.get("SEEIT_MODEL_DIR") or default_model_dir())
    net = network_in(model_dir)
    print(f"network: {net.name if net else 'NONE (classical path only)'} in {model_dir}\n")
    room = render_room(1200, 900)
    rows, results = [], []
    print(f"{'photo':30s} {'kind':30s} {'IoU':>6s} {'served':>7s} {'ms':>6s}")
    for studio in STUDIOS:
        scene = render_studio(studio)
        start = time.perf_counter()
        try:
            prepared = prepare_product_bytes(scene.jpeg, model_dir)
        except CutoutUnreliable:
            prepared = None
        ms = (time.perf_counter() - start) * 1000
        alpha = np.zeros(scene.alpha.shape, np.float32)
        if prepared is not None:
            left, top, right, bottom = prepared.source_box
            alpha[top:bottom, left:right] = np.asarray(Image.open(io.BytesIO(prepared.png)))[..., 3] / 255
        truth, found = scene.alpha > 0.5, alpha > 0.5
        # The quality a shopper would have had if it were served: judges the self-check.
        raw_iou = float((truth & found).sum() / max(1, (truth | found).sum()))
        if prepared is None:  # what the check stopped: cut it out again with the check's verdict ignored
            from seeit.imaging.codec import open_image
            from seeit.imaging.cutout import cut_out

            cut = cut_out(open_image(scene.jpeg, max_side=2048), model_dir=model_dir)
            full = np.zeros(scene.alpha.shape, np.float32)
            left, top, right, bottom = cut.box
            full[top:bottom, left:right] = (
                np.asarray(Image.fromarray(cut.rgba[..., 3]).resize((right - left, bottom - top))) / 255
            )
            raw_iou = float((truth & (full > 0.5)).sum() / max(1, (truth | (full > 0.5)).sum()))
        iou = raw_iou if prepared is not None else 0.0
        results.append((studio.name, studio.kind, iou, raw_iou, prepared is not None, ms))
        served = "yes" if prepared is not None else "REFUSED"
        print(f"{studio.name:30s} {studio.kind:30s} {iou:6.3f} {served:>7s} {ms:6.0f}  (uncensored {raw_iou:.3f})")
        rows.append(_row(scene.jpeg, prepared.png if prepared else None, room))
    for name, jpeg in _sample_photos():
        try:
            png: bytes | None = prepare_product_bytes(jpeg, model_dir).png
        except CutoutUnreliable:
            png = None
        print(f"{'skimage ' + name:30s} {'real photo, no truth':30s} {'':6s} {'yes' if png else 'REFUSED':>7s}")
        rows.append(_row(jpeg, png, room))

    ious = [r[2] for r in results]
    print(f"\nmean IoU {np.mean(ious):.4f} (refusals as 0), worst {np.min(ious):.4f}")
    kinds: dict[str, list[float]] = {}
    for _name, kind, iou, *_ in results:
        kinds.setdefault(kind, []).append(iou)
    for kind, values in kinds.items():
        print(f"  {kind:30s} {np.mean(values):.4f}  ({len(values)})")
    broken = [r for r in results if r[3] < BROKEN]
    refused = [r for r in results if not r[4]]
    stopped = [r for r in broken if not r[4]]
    served_broken = [r for r in broken if r[4]]
    print(f"refused {len(refused)}; broken {len(broken)}; broken served {len(served_broken)}")
    precision = len(stopped) / len(refused) if refused else 1.0
    recall = len(stopped) / len(broken) if broken else 1.0
    print(
        f"self-check precision {precision:.2f} (refusals that were broken), recall {recall:.2f} (broken ones stopped)"
    )
    times = sorted(r[5] for r in results)
    print(f"prep ms: median {times[len(times) // 2]:.0f}, max {times[-1]:.0f}")

    out.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(np.concatenate(rows, axis=0)).save(out, quality=85)
    print(f"contact sheet: {out}")
    misses = np.mean(ious) < 0.97 or np.min(ious) < 0.92 or served_broken
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
