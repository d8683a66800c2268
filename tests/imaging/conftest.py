"""Imaging fixtures: synthetic product photos with true alpha (from ``bench/imaging_eval``), rooms, weights."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

BENCH = Path(__file__).resolve().parents[2] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from imaging_eval import SCENES, RenderedScene, render_room, render_scene  # noqa: E402


@pytest.fixture(scope="session")
def model_dir(model_dir: Path) -> str:
    """The suite's model directory (the small U²-Net-p only, ``tests/conftest.py``), as the imaging calls take it.

    The stronger networks are measured in ``bench/``, not here.
    """
    return str(model_dir)


_scene_cache: dict[tuple[str, int], RenderedScene] = {}


@pytest.fixture(scope="session")
def scene() -> Callable[[str, int], RenderedScene]:
    """A rendered studio photo by name, cached for the session."""

    def get(name: str, size: int = 600) -> RenderedScene:
        key = (name, size)
        if key not in _scene_cache:
            _scene_cache[key] = render_scene(next(s for s in SCENES if s.name == name), size)
        return _scene_cache[key]

    return get


@pytest.fixture(scope="session")
def bright_neutral_room() -> bytes:
    return bytes(render_room(1200, 900))


@pytest.fixture(scope="session")
def dark_warm_room() -> bytes:
    return bytes(render_room(1200, 900, light=(1.0, 0.75, 0.5), brightness=0.45))


def solid_product_png(width: int = 200, height: int = 300, colour: tuple[int, int, int] = (200, 200, 200)) -> bytes:
    """A flat-coloured rectangular cut-out with a transparent margin, as ``prepare_product`` would give."""
    rgba = np.zeros((height + 40, width + 40, 4), np.uint8)
    rgba[20 : 20 + height, 20 : 20 + width] = (*colour, 255)
    return png_bytes(rgba)


def png_bytes(pixels: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, "PNG")
    return buf.getvalue()


def decode(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)))


def full_frame_alpha(cutout_png: bytes, box: tuple[int, int, int, int], shape: tuple[int, int]) -> np.ndarray:
    """The cut-out's alpha put back in the source photo's frame, 0..1."""
    rgba = decode(cutout_png)
    left, top, right, bottom = box
    alpha = np.zeros(shape, np.float32)
    alpha[top:bottom, left:right] = rgba[..., 3] / 255.0
    return alpha


def iou(a: np.ndarray, b: np.ndarray) -> float:
    return float((a & b).sum() / max(1, (a | b).sum()))
