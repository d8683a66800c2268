"""Decoding untrusted image bytes within a pixel budget, and encoding our outputs."""

from __future__ import annotations

import io
import warnings

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageOps

from seeit.imaging.errors import UnreadableImage

# Uploads are capped at 40 MP upstream; anything much larger is a decompression bomb, not a photo.
MAX_PIXELS = 48_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

# PNG level 1 costs ~4x less time than level 6 for ~10-15% more bytes on photos: storage is cheaper than latency.
PNG_COMPRESS_LEVEL = 1
WEBP_QUALITY = 85

RGB = NDArray[np.uint8]


def open_image(data: bytes, *, max_side: int | None = None, code: str = "asset_unavailable") -> Image.Image:
    """Decode ``data`` upright; with ``max_side`` a JPEG is decoded at reduced scale (never below ``max_side``)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            if img.width * img.height > MAX_PIXELS:
                raise UnreadableImage(f"The image has {img.width}x{img.height} pixels, more than we accept.", code=code)
            if max_side is not None and img.format == "JPEG":
                scale = max_side / max(img.size)
                if scale < 1:
                    img.draft("RGB", (int(img.width * scale) + 1, int(img.height * scale) + 1))
            img.load()
            return ImageOps.exif_transpose(img)
    except UnreadableImage:
        raise
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise UnreadableImage(f"The image could not be read: {exc}", code=code) from exc


def has_transparency(img: Image.Image) -> bool:
    """True when the image already carries a real alpha channel (a merchant's own cut-out)."""
    if img.mode not in ("RGBA", "LA", "PA") and not (img.mode == "P" and "transparency" in img.info):
        return False
    alpha = np.asarray(img.convert("RGBA").getchannel("A"))
    return bool((alpha < 250).mean() > 0.01)


def to_rgb_array(img: Image.Image, *, max_side: int | None = None) -> RGB:
    """The image as an RGB array, resized (area-averaged) so its long side is at most ``max_side``."""
    if img.mode != "RGB":
        img = img.convert("RGB")
    if max_side is not None and max(img.size) > max_side:
        img = resized(img, max_side)
    return np.asarray(img)


def resized(img: Image.Image, max_side: int) -> Image.Image:
    scale = max_side / max(img.size)
    if scale >= 1:
        return img
    size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
    # reducing_gap lets Pillow shrink by an integer factor first: fast and memory-light on 40 MP inputs.
    return img.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def encode_png(pixels: NDArray[np.uint8], *, compress_level: int = PNG_COMPRESS_LEVEL) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, "PNG", compress_level=compress_level)
    return buf.getvalue()


def encode_webp(pixels: NDArray[np.uint8], *, quality: int = WEBP_QUALITY) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, "WEBP", quality=quality, method=2)
    return buf.getvalue()


def encode_jpeg(pixels: NDArray[np.uint8], *, quality: int = 92) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, "JPEG", quality=quality, subsampling=0)
    return buf.getvalue()
