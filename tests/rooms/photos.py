"""Room photos for tests, built in memory: real encoders, real metadata."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image


def jpeg(
    width: int = 640,
    height: int = 480,
    *,
    exif: Image.Exif | None = None,
    color: tuple[int, int, int] = (180, 150, 120),
) -> bytes:
    image = Image.new("RGB", (width, height), color)
    # A dark block in the top-left corner tells orientation apart after transposing.
    image.paste((10, 10, 10), (0, 0, width // 4, height // 4))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif if exif is not None else Image.Exif())
    return out.getvalue()


def gps_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (48.0, 51.0, 29.0)
    gps[3] = "E"
    gps[4] = (2.0, 17.0, 40.0)
    return exif


def png_bomb(width: int = 20_000, height: int = 20_000) -> bytes:
    """A tiny PNG whose header declares a huge image (the pixels are never there)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    # The first rows of zero pixels, compressed to almost nothing; a decoder would allocate it all.
    idat = zlib.compress(b"\x00" * (width * 3 + 1) * 16, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def gif() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 32), (1, 2, 3)).save(out, "GIF")
    return out.getvalue()
