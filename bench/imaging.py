"""Imaging benchmark: cut-out quality on ten evaluation sets, the self-check, and what prep costs.

Run: ``.venv/bin/python bench/imaging.py [--sets tuning,studio,heldout,unseen,blind,fresh,final,eighth,ninth,tenth]
[--no-cost] [--sizes]``.

Quality (``imaging_eval/evaluate.py``): for each set, per photo and per kind the IoU against the exact alpha (a
refusal scores 0), refusals, broken cut-outs (IoU < 0.8) served, and the self-check's precision and recall, also on
broken variants of each cut-out (``imaging_eval/selfcheck_stress.py``). ``tuning`` and ``studio`` were tuned on;
``heldout`` is only reported on (its results have been looked at); ``unseen``, from a fourth renderer
(``imaging_eval/unseen_render.py``), was built after all tuning and is only reported on; ``blind``, from a fifth
renderer (``imaging_eval/blind_render.py``), was built by someone who never saw any cut-out result, and is only
reported on; ``fresh``, ``final``, ``eighth`` and ``ninth`` (``imaging_eval/<set>.py``, on the blind set's renderer
with products of their own), each built by someone who never saw a cut-out result, were each evaluated once and the
cut-out corrected on them afterwards; ``tenth`` (``imaging_eval/tenth.py``), built the same way while the last
changes were made, was evaluated once after them and never tuned on: its figures are the ones to trust. A contact
sheet per set (source, cut-out over a checkerboard, placed in a room; refusals framed red) is written to
``var/bench/``, and one of scikit-image's real sample photos (CC0 or public domain; no exact masks, so no figure:
served or refused, and shown).

Cost, at 1200 px: prep time (first call in a fresh process, which loads the network, and later calls) and
peak RSS of a process that only decodes the photo and cuts it out, each beside a Pillow floor measured in
the same run (decode, resize, PNG encode; its process's peak RSS); composite and cleanup at 2048 px beside
their floor. Exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "src")]

from imaging_eval import SCENES, render_room, render_scene  # noqa: E402
from imaging_eval.evaluate import (  # noqa: E402
    SETS,
    evaluate,
    photos,
    print_outcomes,
    sample_photos,
    save_sheet,
    sheet_row,
)
from imaging_eval.selfcheck_stress import run as stress_selfcheck  # noqa: E402

from seeit.imaging.codec import PNG_COMPRESS_LEVEL  # noqa: E402
from seeit.imaging.errors import CutoutUnreliable  # noqa: E402
from seeit.imaging.interface import Placement  # noqa: E402
from seeit.imaging.operations import cleanup_room_bytes, composite_bytes, prepare_product_bytes  # noqa: E402
from seeit.imaging.saliency import default_model_dir, network_in  # noqa: E402

TARGETS = {"mean_iou": 0.97, "worst_iou": 0.92, "composite_vs_floor": 3.0, "prep_ms": 3000, "prep_peak_mb": 1536}
PRODUCT_SIDE = 1200
OTHER_SIDES = (600, 2000)  # the tuning set again at these sizes with --sizes (printed, not held to targets)
ROOM_SIZE = (2048, 1536)
OUT = HERE.parent / "var" / "bench"

_PREP_SCRIPT = """
import io, json, sys, time
sys.path[:0] = {paths!r}

def high_water_mb():
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so a child would report its parent's peak.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0

data = open({photo!r}, "rb").read()
if {floor!r}:
    from PIL import Image
    start = time.perf_counter()
    img = Image.open(io.BytesIO(data)).convert("RGB")
    img = img.resize((img.width // 2 * 2, img.height // 2 * 2), Image.Resampling.LANCZOS)
    img.save(io.BytesIO(), "PNG", compress_level={level})
    print(json.dumps({{"peak_mb": high_water_mb(), "first_ms": (time.perf_counter() - start) * 1000}}))
else:
    from seeit.imaging.operations import prepare_product_bytes
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        prepare_product_bytes(data, {model_dir!r})
        runs.append((time.perf_counter() - start) * 1000)
    print(json.dumps({{"peak_mb": high_water_mb(), "first_ms": runs[0], "later_ms": sorted(runs[1:])[0]}}))
"""


def _timed(fn: object, *args: object, repeat: int = 3) -> float:
    """Median milliseconds of ``repeat`` runs after one warm-up."""
    call = fn  # type: ignore[assignment]
    call(*args)  # type: ignore[operator]
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        call(*args)  # type: ignore[operator]
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def pillow_floor(room: bytes, product_png: bytes, placement: Placement) -> bytes:
    """The least any composite can cost: decode, resize the product, alpha-composite, encode PNG."""
    canvas = Image.open(io.BytesIO(room)).convert("RGBA")
    product = Image.open(io.BytesIO(product_png)).convert("RGBA")
    width = round(placement.scale * canvas.width)
    product = product.resize((width, round(product.height * width / product.width)), Image.Resampling.LANCZOS)
    at = (round(placement.x * canvas.width - width / 2), round(placement.y * canvas.height) - product.height)
    canvas.alpha_composite(product, at)
    buf = io.BytesIO()
    canvas.convert("RGB").save(buf, "PNG", compress_level=PNG_COMPRESS_LEVEL)
    return buf.getvalue()


def fresh_process(photo: bytes, model_dir: str, *, floor: bool) -> dict[str, float]:
    """Prep (or the Pillow floor) in a process that does nothing else: its times and peak RSS."""
    with tempfile.NamedTemporaryFile(suffix=".jpg") as f:
        f.write(photo)
        f.flush()
        script = _PREP_SCRIPT.format(
            paths=[str(HERE.parent / "src")], photo=f.name, model_dir=model_dir, floor=floor, level=PNG_COMPRESS_LEVEL
        )
        out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def quality(set_name: str, model_dir: str) -> dict[str, float]:
    outcomes, rows, rendered = [], [], []
    for scene, kind in photos(set_name):
        outcome, png = evaluate(scene, kind, model_dir)
        outcomes.append(outcome)
        rows.append(sheet_row(scene.jpeg, png, outcome.served))
        rendered.append(scene)
    summary = print_outcomes(set_name, outcomes)
    counts = stress_selfcheck(rendered, model_dir)
    summary.update({f"stress_{k}": float(v) for k, v in counts.items()})
    OUT.mkdir(parents=True, exist_ok=True)
    save_sheet(rows, str(OUT / f"contact_sheet_{set_name}.png"))
    # The README shows each set's two best and three worst (a refusal among them, framed red).
    ranked = sorted(range(len(outcomes)), key=lambda i: outcomes[i].iou, reverse=True)
    save_sheet([rows[i] for i in ranked[:2] + ranked[-3:]], str(OUT / f"best_worst_{set_name}.png"), columns=1)
    print(f"contact sheet: {OUT / f'contact_sheet_{set_name}.png'} (best and worst: best_worst_{set_name}.png)")
    return summary


def real_photos(model_dir: str) -> None:
    """scikit-image's sample photos: no exact masks, so only served or refused, and a contact sheet."""
    rows = []
    for name, jpeg in sample_photos():
        try:
            png = prepare_product_bytes(jpeg, model_dir).png
            rows.append(sheet_row(jpeg, png, True))
            print(f"  real photo {name}: served (no exact mask: see the contact sheet)")
        except CutoutUnreliable as exc:
            rows.append(sheet_row(jpeg, None, False))
            print(f"  real photo {name}: refused ({exc.message})")
    if rows:
        OUT.mkdir(parents=True, exist_ok=True)
        save_sheet(rows, str(OUT / "contact_sheet_real.png"))
        print(f"contact sheet: {OUT / 'contact_sheet_real.png'}")


def cost(model_dir: str) -> list[str]:
    """Prep, composite and cleanup against floors measured now; the targets missed."""
    photo = render_scene(SCENES[0], PRODUCT_SIDE).jpeg
    prep = fresh_process(photo, model_dir, floor=False)
    floor = fresh_process(photo, model_dir, floor=True)
    product_png = prepare_product_bytes(photo, model_dir).png
    room = render_room(*ROOM_SIZE)
    placement = Placement(0.5, 0.85, 0.25)
    cleanup = _timed(cleanup_room_bytes, room)
    composite = _timed(composite_bytes, room, product_png, placement, "standard", False)
    composite_floor = _timed(pillow_floor, room, product_png, placement)
    threads = os.environ.get("SEEIT_ONNX_THREADS") or min(4, os.cpu_count() or 1)
    print(f"\n== cost ({os.cpu_count()} cores, {threads} ONNX threads per network run; the machine may be shared)")
    print(f"{'':46s} {'ms':>7s} {'peak MB':>8s}")
    print(f"{'prep 1200 px, first call (loads the network)':46s} {prep['first_ms']:7.0f} {prep['peak_mb']:8.0f}")
    print(f"{'prep 1200 px, later calls (network loaded)':46s} {prep['later_ms']:7.0f}")
    print(f"{'floor: Pillow decode + resize + PNG':46s} {floor['first_ms']:7.0f} {floor['peak_mb']:8.0f}")
    time_ratio, rss_ratio = prep["later_ms"] / floor["first_ms"], prep["peak_mb"] / floor["peak_mb"]
    print(f"prep / floor: time {time_ratio:.1f}x, peak RSS {rss_ratio:.1f}x")
    print(f"{'cleanup (2048 px room)':46s} {cleanup:7.0f}")
    print(f"{'composite (2048 px room, PNG + display WebP)':46s} {composite:7.0f}")
    print(f"{'floor: Pillow composite + PNG':46s} {composite_floor:7.0f}")
    misses = []
    if prep["later_ms"] > TARGETS["prep_ms"]:
        misses.append(f"prep {prep['later_ms']:.0f} ms > {TARGETS['prep_ms']} ms")
    if prep["peak_mb"] > TARGETS["prep_peak_mb"]:
        misses.append(f"prep peak {prep['peak_mb']:.0f} MB > {TARGETS['prep_peak_mb']} MB")
    if composite > TARGETS["composite_vs_floor"] * composite_floor:
        misses.append(f"composite {composite:.0f} ms > {TARGETS['composite_vs_floor']}x floor {composite_floor:.0f} ms")
    return misses


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--no-cost", action="store_true")
    parser.add_argument("--no-real", dest="real", action="store_false", help="skip scikit-image's sample photos")
    parser.add_argument("--sizes", action="store_true", help="the tuning set again at 600 and 2000 px")
    args = parser.parse_args()
    model_dir = str(os.environ.get("SEEIT_MODEL_DIR") or default_model_dir())
    net = network_in(model_dir)
    print(f"network: {net.name if net else 'NONE (classical path only)'} in {model_dir}")
    misses = []
    for set_name in filter(None, args.sets.split(",")):
        summary = quality(set_name, model_dir)
        if summary["mean"] < TARGETS["mean_iou"]:
            misses.append(f"{set_name}: mean IoU {summary['mean']:.4f} < {TARGETS['mean_iou']}")
        if summary["worst"] < TARGETS["worst_iou"]:
            misses.append(f"{set_name}: worst IoU {summary['worst']:.4f} < {TARGETS['worst_iou']}")
        if summary["broken_served"]:
            misses.append(f"{set_name}: {summary['broken_served']:.0f} broken cut-outs served")
    if args.real:
        print("\n== real photos (scikit-image's samples, CC0 or public domain; no exact masks)")
        real_photos(model_dir)
    if args.sizes:
        for side in OTHER_SIDES:
            ious = [evaluate(render_scene(s, side), "", model_dir)[0].iou for s in SCENES]
            print(f"tuning set at {side} px: mean IoU {np.mean(ious):.4f}, worst {np.min(ious):.4f}")
    if not args.no_cost:
        misses += cost(model_dir)
    print("\n" + ("targets met" if not misses else "TARGETS MISSED:\n  " + "\n  ".join(misses)))
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
