"""cleanup_room (local): light and colour normalised, noise reduced, geometry untouched."""

from __future__ import annotations

from typing import Any

import numpy as np

from seeit.imaging.operations import cleanup_room_bytes
from seeit.imaging.room import noise_level
from tests.imaging.conftest import decode

from imaging_eval import render_room  # isort: skip


def test_cleanup_keeps_the_exact_pixel_size() -> None:
    cleaned = decode(cleanup_room_bytes(render_room(1001, 667)))
    assert cleaned.shape == (667, 1001, 3)


def test_a_dim_room_is_brightened_and_a_blue_cast_reduced() -> None:
    room = render_room(800, 600, light=(0.8, 0.9, 1.15), brightness=0.45)
    before = decode(room).astype(np.float32)
    after = decode(cleanup_room_bytes(room)).astype(np.float32)
    assert after.mean() > before.mean() + 12

    def blue_cast(img: Any) -> float:
        return float(img[..., 2].mean() / img[..., 0].mean())

    assert blue_cast(after) < blue_cast(before) - 0.05


def test_a_neutral_well_exposed_room_is_left_nearly_as_it_was() -> None:
    room = render_room(800, 600)
    before = decode(room).astype(np.float32)
    after = decode(cleanup_room_bytes(room)).astype(np.float32)
    assert abs(after.mean() - before.mean()) < 20

    def ratio(img: Any) -> float:
        return float(img[..., 2].mean() / img[..., 0].mean())

    assert abs(ratio(after) - ratio(before)) < 0.06


def test_noise_is_reduced_and_edges_stay_where_they_were() -> None:
    room = render_room(800, 600, noise=8.0)
    before, after = decode(room), decode(cleanup_room_bytes(room))
    assert noise_level(after) < 0.6 * noise_level(before)

    # The skirting board's edge (wall to floor) stays on the same row.
    def edge(img: Any) -> int:
        return int(np.argmax(np.abs(np.diff(img[:, 400:500].mean(axis=(1, 2)).astype(float)))))

    assert abs(edge(after) - edge(before)) <= 1
