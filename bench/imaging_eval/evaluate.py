"""Cut-out quality on an evaluation set: IoU against the exact alpha, refusals, the self-check's precision and recall,
per kind, and a contact sheet (source, cut-out over a checkerboard, the cut-out placed in a room).

Ten sets: ``tuning`` (``scenes.py``) and ``studio`` (``studio.py``), both tuned on; ``heldout`` (``heldout.py``),
reported on only, though its results have been looked at; ``unseen`` (``unseen.py``, from a fourth renderer,
``unseen_render.py``), built after all tuning and only reported on; ``blind`` (``blind.py``, from a fifth renderer,
``blind_render.py``), built by someone who never saw any cut-out result. Five more sets on that renderer, each with
products of its own (``*_products.py``) and each built by someone who never saw a cut-out result: ``fresh``,
``final``, ``eighth`` and ``ninth`` were each evaluated once and the cut-out was then corrected on what they showed,
so they are tuning sets now; ``tenth`` (``tenth.py``) was built while the last changes were made, evaluated once
after them, and never tuned on. A refusal scores 0. A cut-out is *broken* when its IoU, served or not, is under
``BROKEN``: the self-check's precision is the share of its refusals that were broken, its recall the share of broken
cut-outs it refused.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from imaging_eval.blind import render_blind
from imaging_eval.blind_sets import BLIND_RENDERER_SETS
from imaging_eval.heldout import HELDOUT, render_heldout
from imaging_eval.rooms import render_room
from imaging_eval.scenes import SCENES, RenderedScene, render_scene
from imaging_eval.studio import STUDIOS, render_studio
from imaging_eval.unseen import UNSEEN, render_unseen
from seeit.imaging.codec import encode_png, open_image
from seeit.imaging.cutout import cut_out
from seeit.imaging.interface import Placement
from seeit.imaging.operations import composite_bytes, refusal

BROKEN = 0.8
TILE = 200
TUNING_SIDE = 1200
# The tuning set's scenes carry notes, not kinds: the kind each stands for, in the words.
TUNING_KINDS = {
    "chair_legs": "thin legs and wires",
    "white_vase_on_white": "pale on pale",
    "floor_lamp_cord": "thin legs and wires",
    "potted_plant": "thin legs and wires",
    "mug_handle": "holes",
    "ring_mirror_wall": "holes",
    "glossy_black_ball": "glossy with floor reflection",
    "grey_sofa_on_grey": "pale on pale",
    "black_speaker": "dark on dark",
    "side_table": "thin legs and wires",
    "striped_cushion": "textured fabric",
    "white_chair_on_grey": "pale on pale",
    "wire_stool": "holes",
    "red_bottle_glossy": "glossy with floor reflection",
    "beige_armchair_on_beige": "pale on pale",
}
SETS = ("tuning", "studio", "heldout", "unseen", *BLIND_RENDERER_SETS)


def photos(set_name: str) -> Iterator[tuple[RenderedScene, str]]:
    """Each photo of a set with the kind it stands for, rendered one at a time (large ones take memory)."""
    if set_name == "tuning":
        for scene in SCENES:
            yield render_scene(scene, TUNING_SIDE), TUNING_KINDS[scene.name]
    elif set_name == "studio":
        for studio in STUDIOS:
            yield render_studio(studio), studio.kind
    elif set_name == "heldout":
        for photo in HELDOUT:
            yield render_heldout(photo), photo.kind
    elif set_name == "unseen":
        for shot in UNSEEN:
            yield render_unseen(shot), shot.kind
    elif set_name in BLIND_RENDERER_SETS:
        for photo in BLIND_RENDERER_SETS[set_name]:
            yield render_blind(photo), photo.kind
    else:
        raise ValueError(set_name)


@dataclass(frozen=True)
class Outcome:
    name: str
    kind: str
    side: int
    uncensored: float  # the IoU the cut-out has, served or not
    served: bool
    reasons: str
    ms: float

    @property
    def iou(self) -> float:
        return self.uncensored if self.served else 0.0

    @property
    def broken(self) -> bool:
        return self.uncensored < BROKEN


def _full_alpha(rgba: NDArray[np.uint8], box: tuple[int, int, int, int], shape: tuple[int, ...]) -> NDArray[np.bool_]:
    left, top, right, bottom = box
    alpha = Image.fromarray(rgba[..., 3])
    if alpha.size != (right - left, bottom - top):
        alpha = alpha.resize((right - left, bottom - top), Image.Resampling.BILINEAR)
    full = np.zeros(shape[:2], bool)
    full[top:bottom, left:right] = np.asarray(alpha) > 127
    return full


def evaluate(scene: RenderedScene, kind: str, model_dir: str) -> tuple[Outcome, bytes]:
    """Cut ``scene`` out as the service does; its outcome, and the cut-out's PNG (even if it was refused)."""
    start = time.perf_counter()
    cutout = cut_out(open_image(scene.jpeg, max_side=2048), model_dir=model_dir)
    refused = refusal(cutout)
    ms = (time.perf_counter() - start) * 1000
    truth, found = scene.alpha > 0.5, _full_alpha(cutout.rgba, cutout.box, scene.alpha.shape)
    iou = float((truth & found).sum() / max(1, (truth | found).sum()))
    reasons = "" if refused is None else (refused.args[0].rsplit("(", 1)[-1].rstrip(")") if refused.args else "")
    side = max(scene.alpha.shape)
    outcome = Outcome(scene.name, kind, side, iou, refused is None, reasons, ms)
    return outcome, encode_png(cutout.rgba)


def print_outcomes(set_name: str, outcomes: list[Outcome]) -> dict[str, float]:
    """Per photo, per kind and overall; returns the summary figures."""
    print(f"\n== {set_name} set ({len(outcomes)} photos)")
    print(f"{'photo':34s} {'kind':28s} {'px':>5s} {'IoU':>6s} {'served':>7s} {'ms':>6s}")
    for o in outcomes:
        served = "yes" if o.served else "REFUSED"
        extra = f"  (would be {o.uncensored:.3f}: {o.reasons})" if not o.served else ""
        print(f"{o.name:34s} {o.kind:28s} {o.side:5d} {o.iou:6.3f} {served:>7s} {o.ms:6.0f}{extra}")
    kinds: dict[str, list[float]] = {}
    for o in outcomes:
        kinds.setdefault(o.kind, []).append(o.iou)
    print("per kind (mean IoU, refusals as 0):")
    for kind, values in sorted(kinds.items()):
        print(f"  {kind:30s} {np.mean(values):.3f}  ({len(values)}: {', '.join(f'{v:.3f}' for v in values)})")
    ious = [o.iou for o in outcomes]
    refused = [o for o in outcomes if not o.served]
    broken = [o for o in outcomes if o.broken]
    stopped = [o for o in broken if not o.served]
    served_broken = [o for o in broken if o.served]
    worst = min(outcomes, key=lambda o: o.iou)
    times = sorted(o.ms for o in outcomes)
    summary = {
        "mean": float(np.mean(ious)),
        "worst": float(worst.iou),
        "refused": len(refused),
        "broken": len(broken),
        "broken_served": len(served_broken),
        "good_refused": len(refused) - len(stopped),
        "median_ms": times[len(times) // 2],
    }
    print(
        f"mean IoU {summary['mean']:.4f}, worst {worst.iou:.4f} ({worst.name}); refused {len(refused)}, "
        f"broken (IoU < {BROKEN}) {len(broken)}, broken served {len(served_broken)}"
    )
    print(
        f"self-check: precision {len(stopped)}/{len(refused)} (refusals that were broken), "
        f"recall {len(stopped)}/{len(broken)} (broken ones stopped)"
    )
    print(f"cut-out ms: median {times[len(times) // 2]:.0f}, max {times[-1]:.0f}")
    return summary


def _checker(h: int, w: int) -> NDArray[np.float32]:
    cells = ((np.arange(h)[:, None] // 12 + np.arange(w)[None, :] // 12) % 2).astype(np.float32)
    return (200 + 40 * cells)[..., None].repeat(3, axis=2)


def _tile(img: Image.Image, frame: tuple[int, int, int] | None = None) -> NDArray[np.uint8]:
    img = img.convert("RGB")
    img.thumbnail((TILE - 8, TILE - 8))
    canvas = Image.new("RGB", (TILE, TILE), frame or (255, 255, 255))
    inner = Image.new("RGB", (TILE - 8, TILE - 8), "white")
    inner.paste(img, ((TILE - 8 - img.width) // 2, (TILE - 8 - img.height) // 2))
    canvas.paste(inner, (4, 4))
    return np.asarray(canvas)


ROOM = render_room(1200, 900)


def sheet_row(jpeg: bytes, png: bytes | None, served: bool) -> NDArray[np.uint8]:
    """Source, cut-out over a checkerboard, the cut-out placed in a room; a refused one framed in red (and
    blank where there is no cut-out at all)."""
    frame = None if served else (200, 30, 30)
    if png is not None and not served and not np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))[..., 3].any():
        png = None  # refused with nothing cut out at all: nothing to place in the room
    if png is None:
        blank = Image.new("RGB", (TILE, TILE), (200, 30, 30))
        return np.concatenate([_tile(Image.open(io.BytesIO(jpeg)), frame), *[np.asarray(blank)] * 2], axis=1)
    rgba = np.asarray(Image.open(io.BytesIO(png)).convert("RGBA")).astype(np.float32) / 255
    over = rgba[..., :3] * 255 * rgba[..., 3:] + _checker(*rgba.shape[:2]) * (1 - rgba[..., 3:])
    placed = composite_bytes(ROOM, png, Placement(0.5, 0.9, 0.35), "standard", False).png
    tiles = (Image.open(io.BytesIO(jpeg)), Image.fromarray(over.astype(np.uint8)), Image.open(io.BytesIO(placed)))
    return np.concatenate([_tile(t, frame) for t in tiles], axis=1)


def sample_photos() -> Iterator[tuple[str, bytes]]:
    """scikit-image's bundled sample photos (CC0 or public domain), when installed: real, but no exact masks."""
    try:
        from skimage import data
    except ImportError:
        return
    for name in ("coffee", "chelsea", "rocket", "astronaut"):
        buf = io.BytesIO()
        Image.fromarray(getattr(data, name)()).save(buf, "JPEG", quality=92)
        yield name, buf.getvalue()


def save_sheet(rows: list[NDArray[np.uint8]], path: str, columns: int = 2) -> None:
    blank = np.full_like(rows[0], 255)
    rows = rows + [blank] * (-len(rows) % columns)
    grid = [np.concatenate(rows[i : i + columns], axis=1) for i in range(0, len(rows), columns)]
    Image.fromarray(np.concatenate(grid, axis=0)).save(path)
