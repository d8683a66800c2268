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


def _light_gains(room: RGB, box: tuple[int, int, int, int]) -> Float:
    """Per-channel gains that re-light the product to the room around its spot (a box 2x its size)."""
    left, top, right, bottom = box
    h, w = room.shape[:2]
    pw, ph = right - left, bottom - top
    region = room[max(0, top - ph // 2) : min(h, bottom + ph // 2), max(0, left - pw // 2) : min(w, right + pw // 2)]
    if region.size == 0:
        region = room
    mean = region[::2, ::2].reshape(-1, 3).mean(axis=0) / 255.0
    lum = float(mean.mean())
    brightness = float(np.clip((lum / STUDIO_LUMINANCE) ** 0.6, 0.45, 1.25))
    cast = mean / max(lum, 1e-3)  # the room light's colour, 1.0 when neutral
    tint = np.clip(cast**0.5, 0.8, 1.2)
    tint /= tint.mean()
    return np.asarray(brightness * tint, np.float32)


def _contact_shadow(
    alpha: Float, out_shape: tuple[int, int], left: int, top: int, darkness: float
) -> tuple[Float, int, int]:
    """Shadow opacity in a window round the product's foot (and the window's top-left in the output).

    A tight occlusion where the product touches (its lowest rows, squashed flat, a little blurred) and a
    much softer pool as wide as its footprint. Computed in a window, not the whole frame: blurring a
    full 4096 px frame would cost more than the rest of the composite.
    """
    h, w = out_shape
    ph, pw = alpha.shape
    ys, xs = np.nonzero(alpha > 0.5)
    if not xs.size:
        return np.zeros((0, 0), np.float32), 0, 0
    foot_row = int(ys.max())
    footprint = alpha[max(0, foot_row - max(2, ph // 12)) : foot_row + 1].max(axis=0)
    spread = np.nonzero(footprint > 0.5)[0]
    half_w = max(2, (int(spread.max()) - int(spread.min())) // 2) if spread.size else max(2, pw // 2)
    cx = (int(spread.min()) + int(spread.max())) // 2 if spread.size else pw // 2
    reach = max(2, round(0.04 * pw))
    pool_h = max(2, round(half_w * 0.12))
    margin = round(half_w * 0.5) + 3 * reach
    # Window in product coordinates, then clipped to the output.
    wx0, wx1 = -margin, pw + margin
    wy0, wy1 = foot_row - 2 * reach - 3 * pool_h, foot_row + 3 * reach + 4 * pool_h
    win = np.zeros((wy1 - wy0, wx1 - wx0), np.float32)
    occlusion = np.zeros_like(win)
    occlusion[foot_row - reach // 2 - wy0 : foot_row + reach // 2 + 1 - wy0, -wx0 : -wx0 + pw] = footprint[None, :]
    occlusion = np.asarray(cv2.GaussianBlur(occlusion, (0, 0), max(1.0, reach / 2.5)), np.float32)
    pool = np.zeros_like(win)
    centre = (cx - wx0, foot_row - wy0)
    cv2.ellipse(pool, centre, (round(half_w * 1.1), pool_h), 0, 0, 360, 1.0, -1)
    pool = np.asarray(cv2.GaussianBlur(pool, (0, 0), max(1.5, half_w * 0.12)), np.float32)
    win = (1 - (1 - 0.75 * occlusion) * (1 - 0.45 * pool)) * darkness
    # Clip the window to the frame.
    oy0, ox0 = top + wy0, left + wx0
    cy0, cx0 = max(0, -oy0), max(0, -ox0)
    cy1, cx1 = win.shape[0] - max(0, oy0 + win.shape[0] - h), win.shape[1] - max(0, ox0 + win.shape[1] - w)
    if cy1 <= cy0 or cx1 <= cx0:
        return np.zeros((0, 0), np.float32), 0, 0
    return np.asarray(win[cy0:cy1, cx0:cx1], np.float32), oy0 + cy0, ox0 + cx0


def place_product(room_rgb: RGB, product: Image.Image, placement: Placement, *, seed: int = 0) -> Composited:
    """Composite ``product`` (RGBA) into ``room_rgb`` at ``placement``; the room is already at output size."""
    h, w = room_rgb.shape[:2]
    visible = trim_to_visible(product)
    width = max(1, round(placement.scale * w))
    colour, alpha = _scaled_product(visible, width)
    ph, pw = alpha.shape
    left = round(placement.x * w - pw / 2)
    top = round(placement.y * h) - ph  # the product's last visible row sits just above y: its bottom edge is y

    box = (left, top, left + pw, top + ph)
    gains = _light_gains(room_rgb, (max(0, left), max(0, top), min(w, left + pw), min(h, top + ph)))
    colour = np.clip(colour * gains, 0, 1)
    room_lum = float(room_rgb[::8, ::8].mean()) / 255.0
    darkness = float(np.clip(0.35 + 0.6 * room_lum, 0.35, 0.8))
    shadow, sy, sx = _contact_shadow(alpha, (h, w), left, top, darkness)
    out = room_rgb.copy()  # only the shadow's window and the product's box are touched, in float
    if shadow.size:
        region = out[sy : sy + shadow.shape[0], sx : sx + shadow.shape[1]].astype(np.float32)
        out[sy : sy + shadow.shape[0], sx : sx + shadow.shape[1]] = np.clip(
            region * (1 - shadow[..., None]) + 0.5, 0, 255
        ).astype(np.uint8)

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
        region = out[y0:y1, x0:x1].astype(np.float32) / 255.0
        mixed = c * a[..., None] + region * (1 - a[..., None])
        out[y0:y1, x0:x1] = np.clip(mixed * 255 + 0.5, 0, 255).astype(np.uint8)
        full_alpha[y0:y1, x0:x1] = a
    return Composited(out, box, full_alpha)


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
