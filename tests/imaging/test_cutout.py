"""prepare_product (local): what a merchant would notice in a cut-out."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from seeit.imaging import CutoutUnreliable, UnreadableImage
from seeit.imaging.operations import prepare_product_bytes
from tests.imaging.conftest import decode, full_frame_alpha, iou, png_bytes

from imaging_eval import RenderedScene, render_busy_scene  # isort: skip

Scenes = Callable[[str, int], RenderedScene]


def cut(scene: RenderedScene, model_dir: str) -> tuple[np.ndarray, np.ndarray]:
    """(alpha in the photo's frame, the RGBA cut-out)."""
    prepared = prepare_product_bytes(scene.jpeg, model_dir)
    return full_frame_alpha(prepared.png, prepared.source_box, scene.alpha.shape), decode(prepared.png)


def test_chair_keeps_its_legs_and_loses_its_floor_shadow(scene: Scenes, model_dir: str) -> None:
    chair = scene("chair_legs", 600)
    alpha, _ = cut(chair, model_dir)
    assert iou(alpha > 0.5, chair.alpha > 0.5) > 0.93
    legs = (chair.alpha > 0.9) & (np.arange(600)[:, None] > 0.62 * 600)
    assert (alpha[legs] > 0.5).mean() > 0.9
    # The floor shadow around the feet is darker than the backdrop in the photo but must not be in the cut-out.
    shadow = (chair.alpha == 0) & (chair.rgb.mean(axis=2) < 200) & (np.arange(600)[:, None] > 0.85 * 600)
    assert shadow.sum() > 500
    assert (alpha[shadow] > 0.5).mean() < 0.05


def test_holes_stay_open(scene: Scenes, model_dir: str) -> None:
    ring = scene("ring_mirror_wall", 500)
    alpha, _ = cut(ring, model_dir)
    assert alpha[200:300, 200:300].max() < 0.1  # the middle of the ring shows the wall, so it is transparent
    mug = scene("mug_handle", 500)
    alpha, _ = cut(mug, model_dir)
    handle_hole = (mug.alpha == 0) & (np.hypot(*np.mgrid[:400, :500] - np.array([[[232]], [[310]]])) < 15)
    assert handle_hole.sum() > 100
    assert alpha[handle_hole].max() < 0.1


def test_holes_stay_open_in_a_large_photo(scene: Scenes, model_dir: str) -> None:
    """A 2000 px ring, shrunk to the working size, has a crisper inner rim: its middle must still be a hole."""
    ring = scene("ring_mirror_wall", 2000)
    alpha, _ = cut(ring, model_dir)
    h, w = ring.alpha.shape
    rows, cols = np.arange(h)[:, None] / h, np.arange(w)[None, :] / w
    middle = (ring.alpha == 0) & (np.hypot(rows - 0.5, cols - 0.5) < 0.2)
    assert middle.sum() > 100_000
    assert (alpha[middle] > 0.5).mean() < 0.01
    assert iou(alpha > 0.5, ring.alpha > 0.5) > 0.9  # 0.36 when the middle was filled


def test_pale_product_on_a_light_backdrop_keeps_its_rails_and_opens_its_gaps(scene: Scenes, model_dir: str) -> None:
    """A white chair on a light grey sweep: its back rails are kept and the gap under its seat is open."""
    chair = scene("white_chair_on_grey", 800)
    alpha, _ = cut(chair, model_dir)
    assert iou(alpha > 0.5, chair.alpha > 0.5) > 0.9
    rows, cols = np.arange(800)[:, None] / 800, np.arange(800)[None, :] / 800
    rails = (chair.alpha > 0.9) & (rows > 0.14) & (rows < 0.46) & (cols > 0.40) & (cols < 0.60)
    assert (alpha[rails] > 0.5).mean() > 0.9
    gap = (chair.alpha == 0) & (rows > 0.62) & (rows < 0.73) & (cols > 0.33) & (cols < 0.67)
    assert gap.sum() > 10_000
    assert (alpha[gap] > 0.5).mean() < 0.05


@pytest.mark.parametrize(
    "side",
    [
        pytest.param(
            600,
            marks=pytest.mark.xfail(strict=True, reason="at 600 px the lowest back rail is still missed (IoU ~0.86)"),
        ),
        1600,
    ],
)
def test_pale_product_cut_out_does_not_depend_on_the_photo_size(scene: Scenes, model_dir: str, side: int) -> None:
    """The white chair, as a small and as a large photo: the same rails kept and the same gap open as at 800 px."""
    chair = scene("white_chair_on_grey", side)
    alpha, _ = cut(chair, model_dir)
    assert iou(alpha > 0.5, chair.alpha > 0.5) > 0.9
    rows, cols = np.arange(side)[:, None] / side, np.arange(side)[None, :] / side
    rails = (chair.alpha > 0.9) & (rows > 0.14) & (rows < 0.46) & (cols > 0.40) & (cols < 0.60)
    assert (alpha[rails] > 0.5).mean() > 0.9
    gap = (chair.alpha == 0) & (rows > 0.62) & (rows < 0.73) & (cols > 0.33) & (cols < 0.67)
    assert gap.sum() > 10_000 * (side / 800) ** 2
    assert (alpha[gap] > 0.5).mean() < 0.05


def test_thin_parts_are_kept(scene: Scenes, model_dir: str) -> None:
    lamp = scene("floor_lamp_cord", 800)
    alpha, _ = cut(lamp, model_dir)
    cord = (lamp.alpha > 0.9) & (np.arange(800)[None, :] > 0.62 * 800)  # right of the base: only the cord
    assert cord.sum() > 100
    assert (alpha[cord] > 0.5).mean() > 0.85
    plant = scene("potted_plant", 800)
    alpha, _ = cut(plant, model_dir)
    assert iou(alpha > 0.5, plant.alpha > 0.5) > 0.93


def test_edges_carry_the_product_colour_not_the_backdrop(scene: Scenes, model_dir: str) -> None:
    """No halo: the semi-transparent fringe of a blue mug on beige is blue, not beige."""
    mug = scene("mug_handle", 600)
    _, rgba = cut(mug, model_dir)
    colour, alpha = rgba[..., :3].astype(np.float32), rgba[..., 3]
    fringe = (alpha > 20) & (alpha < 200)
    assert fringe.sum() > 100
    body = colour[alpha == 255].mean(axis=0)
    backdrop = np.array([0.90, 0.86, 0.79]) * 255
    fringe_colour = colour[fringe]
    closer_to_body = np.linalg.norm(fringe_colour - body, axis=1) < np.linalg.norm(fringe_colour - backdrop, axis=1)
    assert closer_to_body.mean() > 0.95


def test_edges_are_soft_but_not_blurred(scene: Scenes, model_dir: str) -> None:
    speaker = scene("black_speaker", 600)
    alpha, _ = cut(speaker, model_dir)
    partial = (alpha > 0.05) & (alpha < 0.95)
    perimeter = 2 * (0.30 + 0.65) * 600
    assert partial.sum() > 0.3 * perimeter  # anti-aliased, not a jagged hard mask
    assert partial.sum() < 3.0 * perimeter  # about a pixel or two wide, not a blur
    assert float(np.abs(alpha - speaker.alpha).mean()) < 0.01


def test_white_product_on_white_is_cut_out(scene: Scenes, model_dir: str) -> None:
    vase = scene("white_vase_on_white", 600)
    alpha, _ = cut(vase, model_dir)
    assert iou(alpha > 0.5, vase.alpha > 0.5) > 0.95


def test_glossy_floor_reflection_is_removed(scene: Scenes, model_dir: str) -> None:
    bottle = scene("red_bottle_glossy", 600)
    alpha, _ = cut(bottle, model_dir)
    below = np.zeros_like(alpha, bool)
    below[int(0.87 * 600) :, int(0.42 * 600) : int(0.58 * 600)] = True
    assert alpha[below].mean() < 0.05
    assert iou(alpha > 0.5, bottle.alpha > 0.5) > 0.93


def test_cut_out_is_cropped_with_a_small_margin(scene: Scenes, model_dir: str) -> None:
    vase = scene("white_vase_on_white", 600)
    prepared = prepare_product_bytes(vase.jpeg, model_dir)
    _ys, xs = np.nonzero(vase.alpha > 0.5)
    assert prepared.width < 600
    assert prepared.height < 600
    assert prepared.width <= (xs.max() - xs.min()) + 2 * 0.03 * 600 + 4
    assert 0.5 <= prepared.confidence <= 1.0


def test_busy_lifestyle_photo_is_refused_with_a_request_for_a_manual_upload(model_dir: str) -> None:
    with pytest.raises(CutoutUnreliable) as caught:
        prepare_product_bytes(render_busy_scene(), model_dir)
    assert caught.value.code == "asset_unavailable"
    assert not caught.value.retryable
    assert "upload" in caught.value.message.lower()


def test_a_transparent_png_keeps_its_own_alpha(model_dir: str) -> None:
    rgba = np.zeros((300, 200, 4), np.uint8)
    rgba[50:250, 40:160] = (10, 200, 30, 255)
    prepared = prepare_product_bytes(png_bytes(rgba), model_dir)
    out = decode(prepared.png)
    assert prepared.confidence == 1.0
    assert (out[..., 3] == 255).sum() == 200 * 120


def test_undecodable_bytes_are_a_typed_error(model_dir: str) -> None:
    with pytest.raises(UnreadableImage):
        prepare_product_bytes(b"not an image at all", model_dir)


def test_without_weights_the_classical_path_still_cuts_out(scene: Scenes, tmp_path: object) -> None:
    chair = scene("black_speaker", 500)
    alpha, _ = cut(chair, str(tmp_path))
    assert iou(alpha > 0.5, chair.alpha > 0.5) > 0.9


def test_a_broken_cut_out_is_refused_not_served(scene: Scenes, tmp_path: object) -> None:
    """Without any network, a grey sofa on grey comes out as a sliver: the self-check refuses it."""
    sofa = scene("grey_sofa_on_grey", 1200)
    with pytest.raises(CutoutUnreliable) as caught:
        prepare_product_bytes(sofa.jpeg, str(tmp_path))
    assert "quality check" in caught.value.message
    assert "upload" in caught.value.message.lower()
    assert not caught.value.retryable


def _heldout_photo(name: str) -> RenderedScene:
    from imaging_eval.heldout import HELDOUT, render_heldout

    return render_heldout(next(photo for photo in HELDOUT if photo.name == name))


def test_where_the_wall_meets_the_floor_is_no_part_of_the_product(model_dir: str) -> None:
    # A desk lamp against a wall meeting a floor of another colour: the line between them runs to the frame
    # on both sides, and was once kept as a thin part (IoU 0.65, served).
    lamp = _heldout_photo("desk_lamp_with_cable")
    alpha, _ = cut(lamp, model_dir)
    truth = lamp.alpha > 0.5
    assert iou(alpha > 0.5, truth) > 0.9
    width = truth.shape[1]
    assert not (alpha[:, : width // 8] > 0.5).any(), "nothing opaque at the frame's left, where only the wall is"


def test_an_open_weave_keeps_its_gaps_open(model_dir: str) -> None:
    # A rattan basket's diamond gaps are each smaller than a pinhole the tidying fills; they show the
    # backdrop, so they stay open (once filled: IoU 0.72).
    basket = _heldout_photo("rattan_basket_open_weave")
    alpha, _ = cut(basket, model_dir)
    truth = basket.alpha > 0.5
    assert iou(alpha > 0.5, truth) > 0.88
    inside_gaps = ~truth & (np.cumsum(truth, axis=1) > 0) & (np.cumsum(truth[:, ::-1], axis=1)[:, ::-1] > 0)
    assert (alpha[inside_gaps] < 0.5).mean() > 0.7, "most of the weave's gaps show through"
