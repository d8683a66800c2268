"""The demo's pictures, drawn in code so nothing is downloaded: studio photos of the sample products (white
background, as merchants shoot them) and a sample room for a shopper who has no photo at hand."""

from __future__ import annotations

import io
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFilter

_STUDIO = (246, 245, 242)
_PHOTO_SIZE = (900, 900)


def _jpeg(image: Image.Image, quality: int = 90) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=quality)
    return out.getvalue()


def _studio() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", _PHOTO_SIZE, _STUDIO)
    return image, ImageDraw.Draw(image)


def armchair_photo() -> bytes:
    """A mustard armchair on wooden legs."""
    image, draw = _studio()
    body, shade, legs = (214, 160, 48), (176, 126, 30), (92, 60, 34)
    for x in (262, 618):  # legs, splayed a little
        splay = (x - 440) // 20
        draw.polygon([(x, 690), (x + 26, 690), (x + 16 + splay, 800), (x + 6 + splay, 800)], fill=legs)
    draw.rounded_rectangle((250, 200, 650, 560), radius=60, fill=shade)  # back
    draw.rounded_rectangle((282, 236, 618, 540), radius=46, fill=body)  # back cushion
    draw.rounded_rectangle((230, 520, 670, 700), radius=40, fill=shade)  # base
    draw.rounded_rectangle((300, 500, 600, 600), radius=30, fill=body)  # seat cushion
    for x0 in (200, 600):  # arms
        draw.rounded_rectangle((x0, 400, x0 + 100, 690), radius=44, fill=body)
        draw.rounded_rectangle((x0 + 10, 400, x0 + 90, 440), radius=20, fill=(226, 176, 70))
    return _jpeg(image)


def floor_lamp_photo() -> bytes:
    """A brass floor lamp with a linen shade."""
    image, draw = _studio()
    brass, linen = (168, 128, 58), (236, 226, 204)
    draw.ellipse((330, 790, 570, 830), fill=brass)  # base
    draw.rectangle((442, 300, 458, 805), fill=brass)  # stem
    draw.polygon([(330, 120), (570, 120), (640, 330), (260, 330)], fill=linen)  # shade
    draw.polygon([(330, 120), (570, 120), (575, 135), (325, 135)], fill=(214, 202, 176))
    draw.rectangle((260, 322, 640, 334), fill=(214, 202, 176))
    return _jpeg(image)


def plant_photo() -> bytes:
    """A leafy plant in a terracotta pot."""
    image, draw = _studio()
    leaf_colours = [(58, 122, 64), (76, 142, 74), (44, 104, 56)]
    leaves = [
        (450, 560, 250, 260),
        (450, 560, 650, 250),
        (450, 560, 330, 160),
        (450, 560, 560, 150),
        (450, 560, 450, 110),
        (450, 560, 210, 400),
        (450, 560, 700, 390),
    ]
    for i, (x0, y0, x1, y1) in enumerate(leaves):
        draw.line((x0, y0, x1, y1), fill=(52, 96, 48), width=8)
        cx, cy = (x0 + 2 * x1) // 3, (y0 + 2 * y1) // 3
        draw.ellipse((cx - 70, cy - 48, cx + 70, cy + 48), fill=leaf_colours[i % 3])
        draw.ellipse((x1 - 60, y1 - 40, x1 + 60, y1 + 40), fill=leaf_colours[(i + 1) % 3])
    draw.polygon([(330, 560), (570, 560), (540, 820), (360, 820)], fill=(190, 98, 60))  # pot
    draw.rectangle((318, 540, 582, 590), fill=(170, 84, 50))  # rim
    return _jpeg(image)


def sample_room_photo(width: int = 1600, height: int = 1200) -> bytes:
    """A living room: a painted wall with a window and a picture, skirting, and a wooden floor in perspective."""
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    horizon = int(height * 0.62)
    for y in range(horizon):  # the wall, lighter towards the window
        shade = int(18 * y / horizon)
        draw.line((0, y, width, y), fill=(222 - shade, 214 - shade, 200 - shade))
    window = (int(width * 0.12), int(height * 0.12), int(width * 0.36), int(height * 0.5))
    draw.rectangle(window, fill=(250, 250, 246))
    draw.rectangle((window[0] + 14, window[1] + 14, window[2] - 14, window[3] - 14), fill=(196, 222, 240))
    mid_x, mid_y = (window[0] + window[2]) // 2, (window[1] + window[3]) // 2
    draw.rectangle((mid_x - 6, window[1], mid_x + 6, window[3]), fill=(250, 250, 246))
    draw.rectangle((window[0], mid_y - 6, window[2], mid_y + 6), fill=(250, 250, 246))
    frame = (int(width * 0.6), int(height * 0.18), int(width * 0.8), int(height * 0.4))
    draw.rectangle(frame, fill=(60, 52, 44))
    draw.rectangle((frame[0] + 16, frame[1] + 16, frame[2] - 16, frame[3] - 16), fill=(120, 150, 170))
    draw.polygon(
        [(frame[0] + 16, frame[3] - 16), (frame[0] + 110, frame[1] + 90), (frame[2] - 16, frame[3] - 16)],
        fill=(84, 110, 92),
    )
    for y in range(horizon, height):  # the floor, darker towards the camera
        t = (y - horizon) / (height - horizon)
        draw.line((0, y, width, y), fill=(int(176 - 40 * t), int(130 - 34 * t), int(88 - 26 * t)))
    vanish = width // 2
    for i in range(-12, 13):  # floorboard seams converging to the vanishing point
        x_far = vanish + i * width // 26
        x_near = vanish + i * width // 7
        draw.line((x_far, horizon, x_near, height), fill=(120, 86, 56), width=2)
    draw.rectangle((0, horizon - 26, width, horizon), fill=(244, 240, 232))  # skirting
    light = Image.new("L", (width, height), 0)
    ImageDraw.Draw(light).polygon(
        [(window[0], horizon), (window[2], horizon), (window[2] + 260, height), (window[0] + 120, height)], fill=40
    )
    sunlight = Image.new("RGB", (width, height), (255, 244, 220))
    image = Image.composite(sunlight, image, light.filter(ImageFilter.GaussianBlur(40)))
    return _jpeg(image, quality=88)


PRODUCT_PHOTOS: dict[str, Callable[[], bytes]] = {
    "armchair": armchair_photo,
    "floor-lamp": floor_lamp_photo,
    "plant": plant_photo,
}
