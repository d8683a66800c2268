"""Pictures for the asset tests: product photos on a plain background, and cut-out PNGs."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw


def product_photo(width: int = 480, height: int = 360, fmt: str = "JPEG") -> bytes:
    """A studio-style product photo: a dark rounded box (the product) on a light plain background."""
    image = Image.new("RGB", (width, height), (242, 242, 238))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle(
        (width * 0.3, height * 0.2, width * 0.7, height * 0.85), radius=18, fill=(120, 60, 30), outline=(60, 30, 10)
    )
    draw.ellipse((width * 0.42, height * 0.3, width * 0.58, height * 0.45), fill=(200, 170, 40))
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def cutout_png(width: int = 200, height: int = 160, *, transparent: bool = True, opaque: bool = True) -> bytes:
    """An RGBA PNG; by default a solid product in the middle of a transparent background."""
    background = (0, 0, 0, 0) if transparent else (255, 255, 255, 255)
    image = Image.new("RGBA", (width, height), background)
    if opaque:
        ImageDraw.Draw(image).rectangle(
            (width // 4, height // 4, 3 * width // 4, 3 * height // 4), fill=(90, 40, 20, 255)
        )
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def rgba_of(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def has_real_transparency(png: bytes) -> bool:
    """Some pixels see-through, some solid."""
    image = rgba_of(png)
    assert image.mode == "RGBA"
    lowest, highest = image.getchannel("A").getextrema()
    return bool(int(lowest) < 255 and int(highest) == 255)  # type: ignore[arg-type]
