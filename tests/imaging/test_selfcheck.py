"""The self-check before ``ready``: it passes good cut-outs and stops the ways cut-outs break."""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
import pytest
from imaging_eval import RenderedScene
from numpy.typing import NDArray

from seeit.imaging import cutout
from seeit.imaging.background import Backdrop
from seeit.imaging.codec import open_image, resized
from seeit.imaging.cutout import OUTPUT_MAX_SIDE, WorkingView, working_view
from seeit.imaging.errors import CutoutUnreliable
from seeit.imaging.operations import prepare_product_bytes
from seeit.imaging.segmentation import Segmentation, segment
from seeit.imaging.selfcheck import check_cutout

Scenes = Callable[[str, int], RenderedScene]
Mask = NDArray[np.bool_]


def _view_and_mask(photo: RenderedScene, model_dir: str) -> tuple[WorkingView, Mask]:
    rgb = np.asarray(resized(open_image(photo.jpeg).convert("RGB"), OUTPUT_MAX_SIDE))
    view = working_view(rgb, model_dir)
    return view, segment(view.img, view.backdrop, view.saliency).mask


def _with_floor_shadow(mask: Mask) -> Mask:
    """The cut-out with an elliptic floor shadow kept under it, as a failed shadow removal leaves it."""
    ys, xs = np.nonzero(mask)
    shadow = np.zeros(mask.shape, np.uint8)
    width, height = int(xs.max() - xs.min()), int(ys.max() - ys.min())
    centre = (int(xs.min() + xs.max()) // 2, int(ys.max()))
    cv2.ellipse(shadow, centre, (int(0.75 * width), max(3, height // 6)), 0, 0, 360, 1, -1)
    return mask | (shadow > 0)


@pytest.mark.parametrize("name", ["side_table", "mug_handle", "grey_sofa_on_grey"])
def test_a_good_cut_out_passes(scene: Scenes, model_dir: str, name: str) -> None:
    view, mask = _view_and_mask(scene(name, 600), model_dir)
    check = check_cutout(mask, view.img, view.backdrop, view.saliency)
    assert check.passed, check.reasons


@pytest.mark.parametrize("name", ["side_table", "mug_handle", "grey_sofa_on_grey"])
def test_a_cut_out_that_keeps_the_floor_shadow_is_refused(scene: Scenes, model_dir: str, name: str) -> None:
    view, mask = _view_and_mask(scene(name, 600), model_dir)
    check = check_cutout(_with_floor_shadow(mask), view.img, view.backdrop, view.saliency)
    assert not check.passed
    assert any("backdrop or shadow" in reason for reason in check.reasons), check.reasons


def test_a_cut_out_that_lost_half_the_product_is_refused(scene: Scenes, model_dir: str) -> None:
    view, mask = _view_and_mask(scene("grey_sofa_on_grey", 600), model_dir)
    half = mask.copy()
    xs = np.nonzero(mask.any(axis=0))[0]
    half[:, (xs.min() + xs.max()) // 2 :] = False
    check = check_cutout(half, view.img, view.backdrop, view.saliency)
    assert not check.passed
    assert any("leaves out" in reason for reason in check.reasons), check.reasons


def test_a_cut_out_that_kept_only_the_legs_is_refused(scene: Scenes, model_dir: str) -> None:
    """A table whose top was lost (glass, or a body spanning the frame): four legs far apart are no product."""
    view, mask = _view_and_mask(scene("side_table", 600), model_dir)
    assert check_cutout(mask, view.img, view.backdrop, view.saliency).spread < 1.5
    ys = np.nonzero(mask.any(axis=1))[0]
    legs = mask.copy()
    legs[: ys.min() + int(0.5 * (ys.max() - ys.min()))] = False
    assert cv2.connectedComponents(legs.astype(np.uint8))[0] - 1 >= 2
    check = check_cutout(legs, view.img, view.backdrop, view.saliency)
    assert not check.passed
    assert any("far apart" in reason for reason in check.reasons), check.reasons


def test_a_broken_cut_out_becomes_a_refusal_with_the_manual_upload_message(
    scene: Scenes, model_dir: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever breaks the segmentation, prepare refuses rather than return the broken cut-out."""
    real = segment  # what the cut-out calls, by the name the test replaces in it

    def keeps_the_shadow(*args: object) -> Segmentation:
        seg = real(*args)  # type: ignore[arg-type]
        return Segmentation(_with_floor_shadow(seg.mask), seg.agreement, seg.network_certainty)

    monkeypatch.setattr(cutout, "segment", keeps_the_shadow)
    with pytest.raises(CutoutUnreliable) as caught:
        prepare_product_bytes(scene("side_table", 600).jpeg, model_dir)
    assert caught.value.code == "asset_unavailable"
    assert "upload a transparent PNG" in caught.value.message


def _faint_box_on_calm_paper(grain_estimate: float) -> tuple[NDArray[np.float32], Mask, Backdrop]:
    """A product barely paler than its sweep (an off-white jug on white paper), with the backdrop's grain
    estimated far above what the paper around it shows, as textured paper or a dark photo's noise make it."""
    rng = np.random.default_rng(7)
    img = np.full((400, 400, 3), 0.9, np.float32) + rng.normal(0, 0.002, (400, 400, 3)).astype(np.float32)
    mask = np.zeros((400, 400), bool)
    mask[120:300, 140:260] = True
    img[mask] -= 0.016  # an edge of about 0.013 in edge strength: under the fixed bar of 0.015
    backdrop = Backdrop(np.full((400, 400, 3), 0.9, np.float32), 0.95, grain_estimate)
    return img, mask, backdrop


def test_a_faint_outline_on_a_calm_backdrop_counts_as_following_an_edge() -> None:
    img, mask, backdrop = _faint_box_on_calm_paper(grain_estimate=0.02)
    saliency = mask.astype(np.float32)
    check = check_cutout(mask, img, backdrop, saliency)
    assert check.edge_share > 0.9, check
    assert check.passed, check.reasons


def test_an_outline_strayed_into_that_calm_backdrop_still_does_not() -> None:
    img, mask, backdrop = _faint_box_on_calm_paper(grain_estimate=0.02)
    strayed = np.zeros_like(mask)
    strayed[100:320, 120:280] = True  # 20 px out into the paper all round
    check = check_cutout(strayed, img, backdrop, strayed.astype(np.float32))
    assert check.edge_share < 0.2, check
    assert any("follows an image edge" in reason for reason in check.reasons), check.reasons


def _rings_drawn(centres: list[tuple[int, int]], frame: bool) -> Mask:
    mask = np.zeros((600, 600), np.uint8)
    if frame:
        cv2.circle(mask, (300, 300), 230, 1, 14)  # a fan or hoop the rings hang in
    for x, y in centres:
        cv2.circle(mask, (x, y), 9, 1, 3)
    return mask > 0


def _judged(mask: Mask) -> tuple[str, ...]:
    img = np.full((*mask.shape, 3), 0.9, np.float32)
    img[mask] = 0.35
    backdrop = Backdrop(np.full((*mask.shape, 3), 0.9, np.float32), 0.95, 0.005)
    return check_cutout(mask, img, backdrop, mask.astype(np.float32)).reasons


RING_CENTRES = [(300 + int(150 * np.cos(a)), 300 + int(150 * np.sin(a))) for a in np.linspace(0, 6.0, 20)]


def test_rings_held_inside_the_product_are_not_a_product_in_pieces() -> None:
    """An open rattan back with rings set in it: the rings are separate pieces, but the product holds them."""
    reasons = _judged(_rings_drawn(RING_CENTRES, frame=True))
    assert not any("parts" in reason for reason in reasons), reasons


def test_the_same_rings_strewn_outside_the_product_are() -> None:
    around = [(300 + int(275 * np.cos(a)), 300 + int(275 * np.sin(a))) for a in np.linspace(0, 6.0, 20)]
    reasons = _judged(_rings_drawn(around, frame=True))
    assert any("parts" in reason for reason in reasons), reasons
