"""``composite`` pixels: a cut-out placed in a room, grounded by a contact shadow and lit like the room.

Placement is exact: the product's visible bottom-centre lands on ``(x*W, y*H)`` of the output and its
visible width is ``scale*W``; nothing after placement moves a pixel. The product is re-lit to the light
around the spot (brightness and colour of the room there), given the room's own grain, and set on a soft
shadow, so it reads as standing in the room rather than pasted on it.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image

from seeit.imaging.interface import MAX_OUTPUT_SIDE, QUALITY_LONG_SIDE, Placement, Quality
from seeit.imaging.room import noise_level

RGB = NDArray[np.uint8]
Float = NDArray[np.float32]

# A product photographed in a studio is exposed for mid-grey; a room brighter or darker than this re-lights it.
STUDIO_LUMINANCE = 0.45


@dataclass(frozen=True)
class Composited:
    rgb: RGB
    product_box: tuple[int, int, int, int]  # left, top, right, bottom of the product's visible pixels
    product_alpha: Float  # the product's alpha over the whole output, for checks of a model's output


def output_long_side(room_long_side: int, quality: Quality) -> int:
    """The composite's long side: the tier's size, never more than the room's own pixels or the global cap."""
    tier = QUALITY_LONG_SIDE[quality]
    return min(room_long_side, tier or MAX_OUTPUT_SIDE, MAX_OUTPUT_SIDE)


def trim_to_visible(product: Image.Image) -> Image.Image:
    """The cut-out without its transparent margin: placement measures the product, not the canvas."""
    rgba = product.convert("RGBA")
    box = rgba.getchannel("A").point(lambda a: 255 if a > 8 else 0).getbbox()
    return rgba.crop(box) if box else rgba


def _scaled_product(product: Image.Image, width: int) -> tuple[Float, Float]:
    """Colour and alpha of the product at ``width`` px, resized premultiplied so no dark fringe appears."""
    height = max(1, round(product.height * width / product.width))
    premultiplied = product.convert("RGBa").resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    rgba = np.asarray(premultiplied.convert("RGBA")).astype(np.float32) / 255.0
    return rgba[..., :3], rgba[..., 3]


def _light_gains(room: Float, box: tuple[int, int, int, int]) -> Float:
    """Per-channel gains that re-light the product to the room around its spot (a box 2x its size)."""
    left, top, right, bottom = box
    h, w = room.shape[:2]
    pw, ph = right - left, bottom - top
    region = room[max(0, top - ph // 2) : min(h, bottom + ph // 2), max(0, left - pw // 2) : min(w, right + pw // 2)]
    if region.size == 0:
        region = room
    mean = region.reshape(-1, 3).mean(axis=0)
    lum = float(mean.mean())
    brightness = float(np.clip((lum / STUDIO_LUMINANCE) ** 0.6, 0.45, 1.25))
    cast = mean / max(lum, 1e-3)  # the room light's colour, 1.0 when neutral
    tint = np.clip(cast**0.5, 0.8, 1.2)
    tint /= tint.mean()
    return np.asarray(brightness * tint, np.float32)


def _contact_shadow(alpha: Float, out_shape: tuple[int, int], left: int, top: int, darkness: float) -> Float:
    """Shadow opacity over the output: a soft pool under the product and a tight occlusion where it touches."""
    h, w = out_shape
    ph, pw = alpha.shape
    shadow = np.zeros((h, w), np.float32)
    ys, xs = np.nonzero(alpha > 0.5)
    if not xs.size:
        return shadow
    bottom = top + int(ys.max())
    # Occlusion: the footprint (the product's lowest rows, squashed flat) blurred a little.
    foot_rows = alpha[max(0, int(ys.max()) - max(2, ph // 12)) : int(ys.max()) + 1]
    footprint = foot_rows.max(axis=0)
    reach = max(2, round(0.04 * pw))
    occlusion = np.zeros((h, w), np.float32)
    y0, y1 = max(0, bottom - reach // 2), min(h, bottom + reach // 2 + 1)
    x0, x1 = max(0, left), min(w, left + pw)
    if y1 > y0 and x1 > x0:
        occlusion[y0:y1, x0:x1] = footprint[x0 - left : x1 - left][None, :]
    occlusion = np.asarray(cv2.GaussianBlur(occlusion, (0, 0), max(1.0, reach / 2.5)), np.float32)
    # Ambient pool: a flat ellipse as wide as the footprint, much softer.
    spread = np.nonzero(footprint > 0.5)[0]
    cx = left + (int(spread.min()) + int(spread.max())) // 2 if spread.size else left + pw // 2
    half_w = max(2, (int(spread.max()) - int(spread.min())) // 2 if spread.size else pw // 2)
    pool = np.zeros((h, w), np.float32)
    cv2.ellipse(pool, (cx, bottom), (round(half_w * 1.1), max(2, round(half_w * 0.12))), 0, 0, 360, 1.0, -1)
    pool = np.asarray(cv2.GaussianBlur(pool, (0, 0), max(1.5, half_w * 0.12)), np.float32)
    combined = 1 - (1 - 0.75 * occlusion) * (1 - 0.45 * pool)
    return np.asarray(combined * darkness, np.float32)


def place_product(room_rgb: RGB, product: Image.Image, placement: Placement, *, seed: int = 0) -> Composited:
    """Composite ``product`` (RGBA) into ``room_rgb`` at ``placement``; the room is already at output size."""
    h, w = room_rgb.shape[:2]
    visible = trim_to_visible(product)
    width = max(1, round(placement.scale * w))
    colour, alpha = _scaled_product(visible, width)
    ph, pw = alpha.shape
    left = round(placement.x * w - pw / 2)
    top = round(placement.y * h) - ph  # the product's last visible row sits just above y: its bottom edge is y

    room = room_rgb.astype(np.float32) / 255.0
    box = (left, top, left + pw, top + ph)
    gains = _light_gains(room, (max(0, left), max(0, top), min(w, left + pw), min(h, top + ph)))
    colour = np.clip(colour * gains, 0, 1)
    room_lum = float(room.mean())
    shadow = _contact_shadow(alpha, (h, w), left, top, darkness=float(np.clip(0.35 + 0.6 * room_lum, 0.35, 0.8)))
    out = room * (1 - shadow[..., None])

    # The part of the product inside the frame.
    x0, y0, x1, y1 = max(0, left), max(0, top), min(w, left + pw), min(h, top + ph)
    full_alpha = np.zeros((h, w), np.float32)
    if x1 > x0 and y1 > y0:
        a = alpha[y0 - top : y1 - top, x0 - left : x1 - left]
        c = colour[y0 - top : y1 - top, x0 - left : x1 - left]
        # The room's grain on the product, so it is not the only clean thing in a noisy photo.
        grain = noise_level(room_rgb)
        if grain > 0.5 / 255:
            rng = np.random.default_rng(seed)
            c = np.clip(c + rng.normal(0, grain, c.shape[:2])[..., None].astype(np.float32), 0, 1)
        region = out[y0:y1, x0:x1]
        out[y0:y1, x0:x1] = c * a[..., None] + region * (1 - a[..., None])
        full_alpha[y0:y1, x0:x1] = a
    rgb = np.clip(out * 255 + 0.5, 0, 255).astype(np.uint8)
    return Composited(rgb, box, full_alpha)


def add_watermark(rgb: RGB, text: str = "See It") -> RGB:
    """A discreet mark in the bottom-right corner, for renders of free plans."""
    from PIL import ImageDraw, ImageFont

    img = Image.fromarray(rgb).convert("RGBA")
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    size = max(12, img.width // 40)
    font = ImageFont.load_default(size=size)
    draw = ImageDraw.Draw(layer)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    pad = size // 2
    at = (img.width - (right - left) - 2 * pad, img.height - (bottom - top) - 2 * pad)
    draw.text((at[0] + 1, at[1] + 1), text, font=font, fill=(0, 0, 0, 90))
    draw.text(at, text, font=font, fill=(255, 255, 255, 170))
    return np.asarray(Image.alpha_composite(img, layer).convert("RGB"))
