"""Simple room photos: a wall, a floor, a window's light fall-off, a skirting board and sensor noise."""

from __future__ import annotations

import io

import cv2
import numpy as np
from PIL import Image


def render_room(
    width: int = 1600,
    height: int = 1200,
    *,
    light: tuple[float, float, float] = (1.0, 1.0, 1.0),
    brightness: float = 1.0,
    noise: float = 2.0,
    seed: int = 0,
) -> bytes:
    """A room photo as JPEG: ``light`` tints it (warm is (1.0, 0.8, 0.55)), ``brightness`` scales it."""
    rng = np.random.default_rng(seed)
    horizon = int(0.62 * height)
    img = np.empty((height, width, 3), np.float32)
    img[:horizon] = (0.82, 0.80, 0.76)
    ys = np.linspace(0, 1, height - horizon, dtype=np.float32)[:, None, None]
    img[horizon:] = np.array((0.55, 0.42, 0.30), np.float32) * (0.85 + 0.25 * ys)  # wooden floor, nearer is lighter
    planks = (np.arange(width) // max(8, width // 14)) % 2 == 0
    img[horizon:, planks] *= 0.93
    img[horizon - height // 60 : horizon] = (0.95, 0.95, 0.93)  # skirting board
    xs = np.linspace(0, 1, width, dtype=np.float32)[None, :, None]
    img *= 0.75 + 0.35 * (1 - xs)  # a window on the left
    cv2.rectangle(
        img, (int(0.08 * width), int(0.12 * height)), (int(0.28 * width), int(0.45 * height)), (0.9, 0.92, 0.95), -1
    )
    img *= np.asarray(light, np.float32) * brightness
    img += rng.normal(0, noise / 255, img.shape).astype(np.float32)
    rgb = np.clip(img * 255 + 0.5, 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "JPEG", quality=92)
    return buf.getvalue()
