"""Checks and normalises a shopper's room photo. Blocking Pillow work: call it from a thread.

Order matters against hostile uploads: the bytes are bounded by the caller, the format is sniffed from
magic bytes, the declared size is read from the header and refused before any pixel is decoded, and
only then is the image decoded, turned upright and re-encoded with no metadata at all.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

from seeit.errors import PayloadTooLarge, UnsupportedMediaType

_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
ROOM_CONTENT_TYPE = "image/jpeg"
ROOM_SUFFIX = ".jpg"


@dataclass(frozen=True)
class RoomImage:
    data: bytes
    width: int
    height: int


def sniff_format(head: bytes) -> str | None:
    """``JPEG``/``PNG``/``WEBP`` from the first bytes, else None (GIF, text, anything else)."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def normalize_room_image(data: bytes, *, max_bytes: int, max_pixels: int, max_side: int) -> RoomImage:
    """A clean JPEG of the upload: upright, metadata-free, long side at most ``max_side``.

    Raises ``PayloadTooLarge`` (bytes or pixels) or ``UnsupportedMediaType`` (not a JPEG/PNG/WebP that decodes).
    """
    if len(data) > max_bytes:
        raise PayloadTooLarge(details={"max_bytes": max_bytes})
    expected = sniff_format(data[:16])
    if expected is None:
        raise UnsupportedMediaType()
    with warnings.catch_warnings():
        # Our own pixel limit is stricter than Pillow's bomb warning; refuse instead of warning.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=[expected])  # reads the header only
        except Image.DecompressionBombError:
            raise PayloadTooLarge(details={"max_pixels": max_pixels}) from None
        except (OSError, SyntaxError, ValueError):
            raise UnsupportedMediaType("The upload is not an image that decodes.") from None
        with image:
            width, height = image.size
            if width <= 0 or height <= 0:
                raise UnsupportedMediaType("The upload is not an image that decodes.")
            if width * height > max_pixels:
                raise PayloadTooLarge(
                    "The image has too many pixels.", details={"max_pixels": max_pixels, "pixels": width * height}
                )
            if expected == "JPEG":
                # Decode at a reduced scale when the photo is far larger than we keep: less memory, less time.
                image.draft("RGB", (max_side, max_side))
            try:
                image.load()
            except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
                raise UnsupportedMediaType("The image is truncated or corrupt.") from None
            return _clean_copy(image, max_side)


def _clean_copy(image: Image.Image, max_side: int) -> RoomImage:
    upright = ImageOps.exif_transpose(image) or image
    rgb = upright.convert("RGB") if upright.mode != "RGB" else upright
    if max(rgb.size) > max_side:
        rgb = rgb.copy()
        rgb.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    # A fresh image from the pixels alone: no EXIF (GPS), ICC, XMP or comments can ride along.
    bare = Image.frombytes("RGB", rgb.size, rgb.tobytes())
    out = io.BytesIO()
    bare.save(out, "JPEG", quality=90, optimize=True)
    return RoomImage(data=out.getvalue(), width=bare.width, height=bare.height)
