"""Pixel checks on product images: a merchant's cut-out upload and a downloaded source photo.

Blocking Pillow work: call these from a thread. The declared size is read from the header and refused
before any pixel is decoded, so a decompression bomb costs nothing.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image

from seeit.errors import PayloadTooLarge, UnsupportedMediaType, ValidationFailed

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_SOURCE_FORMATS = ["JPEG", "PNG", "WEBP", "GIF", "AVIF"]


@dataclass(frozen=True)
class CutoutImage:
    png: bytes
    width: int
    height: int


class SourceImageInvalid(ValueError):
    """A downloaded source photo is not an image we can work on; the message says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _open_bounded(data: bytes, formats: list[str], max_pixels: int) -> Image.Image:
    """Open (header only) and refuse over ``max_pixels``; raises OSError-family errors for non-images."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(data), formats=formats)
    width, height = image.size
    if width <= 0 or height <= 0:
        raise OSError("image has no pixels")
    if width * height > max_pixels:
        image.close()
        raise _TooManyPixels(width * height)
    return image


class _TooManyPixels(Exception):
    def __init__(self, pixels: int) -> None:
        self.pixels = pixels


def validate_cutout_upload(data: bytes, *, max_bytes: int, max_pixels: int) -> CutoutImage:
    """A merchant's own cut-out: a PNG that decodes, within the limits, with real transparency.

    Real transparency means some pixels are see-through (alpha < 255) and some are solid (alpha = 255):
    an all-opaque PNG has no cut-out and an all-transparent one has no product. Either is refused with
    422 ``validation_error``, since the file is a fine PNG whose content is wrong; a non-PNG is 415.
    """
    if len(data) > max_bytes:
        raise PayloadTooLarge(details={"max_bytes": max_bytes})
    if not data.startswith(PNG_MAGIC):
        raise UnsupportedMediaType("The cut-out must be a PNG image with transparency.")
    try:
        image = _open_bounded(data, ["PNG"], max_pixels)
    except _TooManyPixels as exc:
        raise PayloadTooLarge(
            "The image has too many pixels.", details={"max_pixels": max_pixels, "pixels": exc.pixels}
        ) from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise UnsupportedMediaType("The upload is not a PNG that decodes.") from None
    with image:
        try:
            image.load()
            rgba = image.convert("RGBA")
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            raise UnsupportedMediaType("The PNG is truncated or corrupt.") from None
    lowest, highest = _alpha_range(rgba)
    if not (lowest < 255 and highest == 255):
        reason = "has no transparent pixels" if lowest == 255 else "has no fully opaque pixels"
        raise ValidationFailed(
            f"The cut-out {reason}: upload a PNG whose background is transparent around a solid product.",
            details={"fields": [{"loc": ["body", "image"], "message": f"the PNG {reason}"}]},
        )
    out = io.BytesIO()
    # Re-encoded from the pixels alone: a clean RGBA PNG with no metadata riding along.
    Image.frombytes("RGBA", rgba.size, rgba.tobytes()).save(out, "PNG", optimize=False)
    return CutoutImage(png=out.getvalue(), width=rgba.width, height=rgba.height)


def _alpha_range(rgba: Image.Image) -> tuple[int, int]:
    extrema = rgba.getchannel("A").getextrema()
    low, high = extrema if isinstance(extrema, tuple) else (extrema, extrema)
    return int(low), int(high)  # type: ignore[arg-type]


def check_source_image(data: bytes, *, max_pixels: int) -> tuple[int, int]:
    """Refuse a downloaded product photo that is not a decodable image or has too many pixels."""
    try:
        image = _open_bounded(data, _SOURCE_FORMATS, max_pixels)
    except _TooManyPixels as exc:
        raise SourceImageInvalid(
            "source_image_too_large", f"The product image has {exc.pixels} pixels; the limit is {max_pixels}."
        ) from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise SourceImageInvalid("source_image_invalid", "The product image is not an image that decodes.") from None
    with image:
        try:
            image.load()
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            raise SourceImageInvalid("source_image_invalid", "The product image is truncated or corrupt.") from None
        return image.size
