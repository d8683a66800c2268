"""Studio product photos rendered from shapes, so the true alpha of every pixel is known.

Each scene is drawn at twice its size and averaged down (anti-aliased edges whose coverage *is* the
ground truth), lit from the upper left, set on a studio sweep with a soft floor shadow and a contact
shadow (or a wall shadow, or a glossy-floor reflection), then given lens blur, sensor noise and JPEG
compression like a real photo. Coordinates are fractions of the canvas so any size can be rendered.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image

Float = NDArray[np.float32]
Point = tuple[float, float]
SUPERSAMPLE = 2


@dataclass(frozen=True)
class Shape:
    """One painted part of a product: where it is (drawn into a mask) and how it looks."""

    draw: Callable[[NDArray[np.uint8], float, float], None]  # (mask, width, height) -> None
    colour: tuple[float, float, float]
    shading: float = 0.22  # how much darker the side away from the light is
    highlight: tuple[float, float, float, float] | None = None  # x, y, radius (fractions), strength
    stripes: tuple[float, tuple[float, float, float]] | None = None  # period (fraction), second colour


@dataclass(frozen=True)
class Scene:
    name: str
    shapes: tuple[Shape, ...]
    background: tuple[tuple[float, float, float], tuple[float, float, float]]  # sweep top, bottom
    aspect: float = 1.0  # height / width
    shadow: float = 0.35  # floor shadow strength (0 = none)
    wall_shadow: bool = False  # hung on a wall: an offset drop shadow instead of a floor shadow
    reflection: float = 0.0  # glossy floor reflection strength
    texture: float = 0.0  # paper backdrop texture amplitude
    notes: str = ""


@dataclass
class RenderedScene:
    name: str
    rgb: NDArray[np.uint8]
    alpha: Float  # the truth, in [0, 1]
    jpeg: bytes
    notes: str = ""
    extra: dict[str, object] = field(default_factory=dict)


def _px(p: Point, w: float, h: float) -> tuple[int, int]:
    return round(p[0] * w), round(p[1] * h)


def poly(*points: Point) -> Callable[[NDArray[np.uint8], float, float], None]:
    def draw(mask: NDArray[np.uint8], w: float, h: float) -> None:
        cv2.fillPoly(mask, [np.array([_px(p, w, h) for p in points], np.int32)], 255)

    return draw


def rect(x0: float, y0: float, x1: float, y1: float) -> Callable[[NDArray[np.uint8], float, float], None]:
    return poly((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def ellipse(
    c: Point, rx: float, ry: float, *, thickness: float = 0.0, angle: float = 0.0, arc: tuple[float, float] = (0, 360)
) -> Callable[[NDArray[np.uint8], float, float], None]:
    """A filled ellipse, or a ring when ``thickness`` (a fraction of the width) is given."""

    def draw(mask: NDArray[np.uint8], w: float, h: float) -> None:
        t = -1 if thickness == 0 else max(1, round(thickness * w))
        axes = (max(1, round(rx * w)), max(1, round(ry * h)))
        cv2.ellipse(mask, _px(c, w, h), axes, angle, arc[0], arc[1], 255, t)

    return draw


def stroke(*points: Point, width: float) -> Callable[[NDArray[np.uint8], float, float], None]:
    """A line through ``points`` of ``width`` (a fraction of the canvas width): cords, stems, rods."""

    def draw(mask: NDArray[np.uint8], w: float, h: float) -> None:
        pts = np.array([_px(p, w, h) for p in points], np.int32)
        cv2.polylines(mask, [pts], False, 255, max(1, round(width * w)))

    return draw


def curve(p0: Point, p1: Point, p2: Point, *, width: float, steps: int = 40) -> Callable[..., None]:
    """A quadratic Bézier stroke, for hanging cords and bent stems."""
    t = np.linspace(0, 1, steps)
    xs = (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t**2 * p2[0]
    ys = (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t**2 * p2[1]
    return stroke(*zip(xs.tolist(), ys.tolist(), strict=True), width=width)


def _shape_layer(shape: Shape, w: int, h: int) -> tuple[Float, Float]:
    mask8 = np.zeros((h, w), np.uint8)
    shape.draw(mask8, w, h)
    mask = mask8.astype(np.float32) / 255.0
    ys, xs = np.nonzero(mask8)
    colour = np.empty((h, w, 3), np.float32)
    colour[:] = shape.colour
    if xs.size:
        x0, x1, y0, y1 = xs.min(), xs.max() + 1, ys.min(), ys.max() + 1
        gx = (np.arange(w, dtype=np.float32) - x0) / max(1, x1 - x0)
        gy = (np.arange(h, dtype=np.float32) - y0) / max(1, y1 - y0)
        light = 1.06 - shape.shading * (0.7 * gx[None, :] + 0.3 * gy[:, None])
        colour *= light[..., None]
        if shape.stripes is not None:
            period, second = shape.stripes
            phase = (np.arange(w) / (period * w)).astype(np.int64) % 2 == 1
            colour[:, phase] = np.asarray(second, np.float32) * light[:, phase, None]
        if shape.highlight is not None:
            hx, hy, hr, hs = shape.highlight
            cx, cy, r = x0 + hx * (x1 - x0), y0 + hy * (y1 - y0), hr * (x1 - x0)
            yy, xx = np.ogrid[:h, :w]
            blob = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * r * r)).astype(np.float32) * hs
            colour += (1.0 - colour) * blob[..., None]
    return mask, np.clip(colour, 0, 1)


def _background(scene: Scene, w: int, h: int, rng: np.random.Generator) -> Float:
    top, bottom = (np.asarray(c, np.float32) for c in scene.background)
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    bg = np.broadcast_to(top * (1 - t) + bottom * t, (h, w, 3)).copy()
    xx = np.linspace(-1, 1, w, dtype=np.float32)
    bg *= (1 - 0.05 * xx**2)[None, :, None]  # gentle light fall-off to the sides
    if scene.texture:
        low = rng.normal(0, 1, (h // 16 + 1, w // 16 + 1)).astype(np.float32)
        low = cv2.resize(cv2.GaussianBlur(low, (0, 0), 1.5), (w, h), interpolation=cv2.INTER_CUBIC)
        bg *= (1 + scene.texture * low)[..., None]
    return bg


def _shadows(scene: Scene, alpha: Float, bg: Float) -> Float:
    h, w = alpha.shape
    ys, xs = np.nonzero(alpha > 0.5)
    if scene.wall_shadow:
        dx, dy = round(0.015 * w), round(0.025 * h)
        moved = np.zeros_like(alpha)
        moved[dy:, dx:] = alpha[: h - dy, : w - dx]
        shade = cv2.GaussianBlur(moved, (0, 0), 0.012 * w) * 0.35
        return bg * (1 - shade)[..., None]
    if not scene.shadow or not xs.size:
        return bg
    x0, x1, y1 = xs.min(), xs.max(), ys.max()
    floor = np.zeros_like(alpha)
    cv2.ellipse(floor, ((x0 + x1) // 2, int(y1)), (int(0.62 * (x1 - x0)), int(0.035 * h)), 0, 0, 360, 1.0, -1)
    floor = cv2.GaussianBlur(floor, (0, 0), 0.02 * w) * scene.shadow
    # Contact shadow: the feet of the object, pushed a little down and blurred.
    feet = alpha * (np.arange(h)[:, None] > y1 - 0.03 * h)
    feet = np.roll(feet, round(0.006 * h), axis=0)
    contact = np.clip(cv2.GaussianBlur(feet, (0, 0), 0.006 * w) * 1.6, 0, 1) * 0.55
    shade = 1 - (1 - floor) * (1 - contact)
    return bg * (1 - shade)[..., None]


def _reflection(scene: Scene, alpha: Float, colour: Float, bg: Float) -> Float:
    ys = np.nonzero(alpha > 0.5)[0]
    if not scene.reflection or not ys.size:
        return bg
    y1 = int(ys.max())
    h = alpha.shape[0]
    span = min(y1 + 1, h - y1 - 1)
    ref_a = np.zeros_like(alpha)
    ref_c = np.zeros_like(colour)
    ref_a[y1 + 1 : y1 + 1 + span] = alpha[y1 - span + 1 : y1 + 1][::-1]
    ref_c[y1 + 1 : y1 + 1 + span] = colour[y1 - span + 1 : y1 + 1][::-1]
    fade = np.clip(1 - (np.arange(h) - y1) / (0.25 * h), 0, 1) * (np.arange(h) > y1)
    ref_a = cv2.GaussianBlur(ref_a * fade[:, None].astype(np.float32), (0, 0), 2.0) * scene.reflection
    ref_c = cv2.GaussianBlur(ref_c, (0, 0), 2.0)
    return bg * (1 - ref_a[..., None]) + ref_c * ref_a[..., None]


def render_scene(scene: Scene, long_side: int = 1200, *, seed: int = 0, jpeg_quality: int = 92) -> RenderedScene:
    """Render ``scene`` with its long side ``long_side`` px: the photo (as pixels and JPEG) and its true alpha."""
    rng = np.random.default_rng(seed)
    w, h = (
        (long_side, round(long_side * scene.aspect))
        if scene.aspect <= 1
        else (round(long_side / scene.aspect), long_side)
    )
    sw, sh = w * SUPERSAMPLE, h * SUPERSAMPLE
    alpha = np.zeros((sh, sw), np.float32)
    colour = np.zeros((sh, sw, 3), np.float32)
    for shape in scene.shapes:
        m, c = _shape_layer(shape, sw, sh)
        colour = c * m[..., None] + colour * (1 - m[..., None])
        alpha = np.maximum(alpha, m)
    bg = _background(scene, sw, sh, rng)
    bg = _shadows(scene, alpha, bg)
    bg = _reflection(scene, alpha, colour, bg)
    photo = colour * alpha[..., None] + bg * (1 - alpha[..., None])
    photo = cv2.resize(photo, (w, h), interpolation=cv2.INTER_AREA)
    truth = cv2.resize(alpha, (w, h), interpolation=cv2.INTER_AREA)
    # The lens blurs photo and coverage alike, so the truth stays exact.
    photo = cv2.GaussianBlur(photo, (0, 0), 0.5)
    truth = cv2.GaussianBlur(truth, (0, 0), 0.5)
    photo = photo + rng.normal(0, 1.6 / 255, photo.shape).astype(np.float32)
    rgb = np.clip(photo * 255 + 0.5, 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "JPEG", quality=jpeg_quality)
    decoded = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))
    return RenderedScene(scene.name, decoded, np.clip(truth, 0, 1), buf.getvalue(), scene.notes)


WHITE = ((0.96, 0.96, 0.96), (0.93, 0.93, 0.93))
GREY = ((0.80, 0.80, 0.81), (0.70, 0.70, 0.71))
SWEEP = ((0.98, 0.98, 0.98), (0.82, 0.83, 0.85))
BEIGE = ((0.93, 0.90, 0.84), (0.86, 0.82, 0.75))
WOOD = (0.50, 0.32, 0.18)
WALNUT = (0.36, 0.23, 0.14)


def _chair(colour: tuple[float, float, float], leg: float) -> tuple[Shape, ...]:
    return (
        Shape(rect(0.34, 0.12, 0.37, 0.56), colour),  # back posts
        Shape(rect(0.63, 0.12, 0.66, 0.56), colour),
        Shape(rect(0.37, 0.15, 0.63, 0.22), colour),  # back rails, open between
        Shape(rect(0.37, 0.30, 0.63, 0.34), colour),
        Shape(rect(0.37, 0.42, 0.63, 0.45), colour),
        Shape(poly((0.31, 0.52), (0.69, 0.52), (0.72, 0.60), (0.28, 0.60)), colour),  # seat
        Shape(rect(0.30, 0.60, 0.30 + leg, 0.90), colour),  # legs
        Shape(rect(0.70 - leg, 0.60, 0.70, 0.90), colour),
        Shape(rect(0.38, 0.60, 0.38 + leg * 0.8, 0.84), colour, shading=0.4),
        Shape(rect(0.62 - leg * 0.8, 0.60, 0.62, 0.84), colour, shading=0.4),
        Shape(rect(0.30, 0.75, 0.70, 0.765), colour),  # stretcher
    )


SCENES: tuple[Scene, ...] = (
    Scene("chair_legs", _chair(WOOD, 0.022), WHITE, notes="thin legs, open back, floor shadow"),
    Scene(
        "white_vase_on_white",
        (
            Shape(ellipse((0.5, 0.62), 0.17, 0.22), (0.97, 0.97, 0.96), shading=0.28),
            Shape(rect(0.44, 0.22, 0.56, 0.45), (0.97, 0.97, 0.96), shading=0.3),
            Shape(ellipse((0.5, 0.22), 0.075, 0.02), (0.92, 0.92, 0.91), shading=0.2),
        ),
        WHITE,
        notes="white on white",
    ),
    Scene(
        "floor_lamp_cord",
        (
            Shape(poly((0.36, 0.10), (0.64, 0.10), (0.72, 0.30), (0.28, 0.30)), (0.93, 0.86, 0.70), shading=0.3),
            Shape(rect(0.493, 0.30, 0.507, 0.86), (0.15, 0.15, 0.16)),
            Shape(ellipse((0.5, 0.87), 0.10, 0.018), (0.15, 0.15, 0.16)),
            Shape(curve((0.5, 0.86), (0.66, 0.80), (0.80, 0.905), width=0.004), (0.10, 0.10, 0.10)),
        ),
        SWEEP,
        notes="thin pole and a 5 px cord",
    ),
    Scene(
        "potted_plant",
        (
            Shape(poly((0.40, 0.66), (0.60, 0.66), (0.57, 0.90), (0.43, 0.90)), (0.74, 0.42, 0.28)),
            Shape(curve((0.5, 0.66), (0.47, 0.45), (0.36, 0.30), width=0.005), (0.25, 0.45, 0.20)),
            Shape(curve((0.5, 0.66), (0.55, 0.40), (0.66, 0.22), width=0.005), (0.25, 0.45, 0.20)),
            Shape(curve((0.5, 0.66), (0.50, 0.45), (0.50, 0.14), width=0.004), (0.25, 0.45, 0.20)),
            Shape(ellipse((0.33, 0.28), 0.06, 0.025, angle=-30), (0.22, 0.55, 0.22)),
            Shape(ellipse((0.69, 0.20), 0.06, 0.022, angle=25), (0.20, 0.50, 0.20)),
            Shape(ellipse((0.50, 0.12), 0.025, 0.05), (0.24, 0.58, 0.24)),
            Shape(ellipse((0.42, 0.47), 0.05, 0.02, angle=-15), (0.20, 0.52, 0.22)),
            Shape(ellipse((0.60, 0.40), 0.055, 0.02, angle=20), (0.23, 0.56, 0.23)),
        ),
        WHITE,
        notes="thin stems, leaves",
    ),
    Scene(
        "mug_handle",
        (
            Shape(rect(0.33, 0.40, 0.60, 0.78), (0.16, 0.33, 0.62), highlight=(0.25, 0.3, 0.15, 0.5)),
            Shape(ellipse((0.62, 0.58), 0.09, 0.11, thickness=0.03), (0.16, 0.33, 0.62)),
        ),
        BEIGE,
        aspect=0.8,
        notes="handle hole, glossy highlight",
    ),
    Scene(
        "ring_mirror_wall",
        (
            Shape(ellipse((0.5, 0.5), 0.32, 0.32, thickness=0.06), (0.78, 0.62, 0.30), highlight=(0.3, 0.25, 0.2, 0.6)),
            Shape(ellipse((0.5, 0.5), 0.27, 0.27, thickness=0.006), (0.55, 0.42, 0.20)),
        ),
        GREY,
        wall_shadow=True,
        notes="large hole (background shows), wall drop shadow",
    ),
    Scene(
        "glossy_black_ball",
        (Shape(ellipse((0.5, 0.55), 0.25, 0.25), (0.06, 0.06, 0.07), shading=0.1, highlight=(0.3, 0.25, 0.1, 0.9)),),
        SWEEP,
        reflection=0.35,
        shadow=0.25,
        notes="glossy black, floor reflection",
    ),
    Scene(
        "grey_sofa_on_grey",
        (
            Shape(rect(0.12, 0.40, 0.88, 0.62), (0.52, 0.52, 0.53), shading=0.25),
            Shape(rect(0.10, 0.55, 0.90, 0.74), (0.48, 0.48, 0.49), shading=0.25),
            Shape(rect(0.08, 0.45, 0.17, 0.74), (0.46, 0.46, 0.47)),
            Shape(rect(0.83, 0.45, 0.92, 0.74), (0.44, 0.44, 0.45)),
            Shape(rect(0.14, 0.74, 0.16, 0.80), WALNUT),
            Shape(rect(0.84, 0.74, 0.86, 0.80), WALNUT),
        ),
        GREY,
        aspect=0.7,
        shadow=0.45,
        notes="grey on grey, dark contact shadow",
    ),
    Scene(
        "black_speaker",
        (
            Shape(rect(0.35, 0.20, 0.65, 0.85), (0.08, 0.08, 0.09), shading=0.1),
            Shape(ellipse((0.5, 0.62), 0.09, 0.09), (0.16, 0.16, 0.17)),
            Shape(ellipse((0.5, 0.36), 0.05, 0.05), (0.16, 0.16, 0.17)),
        ),
        WHITE,
        shadow=0.6,
        notes="very dark product, dark shadow",
    ),
    Scene(
        "side_table",
        (
            Shape(ellipse((0.5, 0.40), 0.30, 0.05), WALNUT, highlight=(0.3, 0.3, 0.3, 0.3)),
            Shape(rect(0.20, 0.40, 0.80, 0.43), WALNUT),
            Shape(poly((0.30, 0.43), (0.325, 0.43), (0.27, 0.85), (0.25, 0.85)), WALNUT),
            Shape(poly((0.675, 0.43), (0.70, 0.43), (0.75, 0.85), (0.73, 0.85)), WALNUT),
            Shape(poly((0.49, 0.45), (0.51, 0.45), (0.51, 0.80), (0.49, 0.80)), WALNUT, shading=0.4),
        ),
        SWEEP,
        notes="splayed thin legs, gaps",
    ),
    Scene(
        "striped_cushion",
        (
            Shape(
                ellipse((0.5, 0.55), 0.33, 0.25),
                (0.85, 0.30, 0.25),
                stripes=(0.04, (0.95, 0.85, 0.35)),
                shading=0.3,
            ),
        ),
        BEIGE,
        aspect=0.8,
        notes="busy texture inside the product",
    ),
    Scene("white_chair_on_grey", _chair((0.95, 0.95, 0.94), 0.02), SWEEP, shadow=0.4, notes="white product, sweep"),
    Scene(
        "wire_stool",
        (
            Shape(ellipse((0.5, 0.25), 0.18, 0.035), (0.20, 0.20, 0.22), highlight=(0.3, 0.3, 0.2, 0.4)),
            Shape(stroke((0.34, 0.26), (0.28, 0.88), width=0.008), (0.55, 0.56, 0.58), shading=0.1),
            Shape(stroke((0.66, 0.26), (0.72, 0.88), width=0.008), (0.55, 0.56, 0.58), shading=0.1),
            Shape(stroke((0.45, 0.27), (0.43, 0.84), width=0.007), (0.50, 0.51, 0.53), shading=0.1),
            Shape(stroke((0.55, 0.27), (0.57, 0.84), width=0.007), (0.50, 0.51, 0.53), shading=0.1),
            Shape(stroke((0.31, 0.60), (0.69, 0.60), width=0.006), (0.55, 0.56, 0.58), shading=0.1),
            Shape(stroke((0.30, 0.72), (0.70, 0.72), width=0.006), (0.55, 0.56, 0.58), shading=0.1),
        ),
        WHITE,
        shadow=0.3,
        notes="metal rods, many holes",
    ),
    Scene(
        "red_bottle_glossy",
        (
            Shape(rect(0.40, 0.38, 0.60, 0.85), (0.70, 0.08, 0.10), highlight=(0.25, 0.4, 0.12, 0.85)),
            Shape(poly((0.40, 0.38), (0.60, 0.38), (0.53, 0.28), (0.47, 0.28)), (0.70, 0.08, 0.10)),
            Shape(rect(0.47, 0.15, 0.53, 0.28), (0.70, 0.08, 0.10)),
            Shape(rect(0.465, 0.12, 0.535, 0.16), (0.12, 0.12, 0.12)),
        ),
        GREY,
        reflection=0.4,
        notes="glossy red, reflection on grey floor",
    ),
    Scene(
        "beige_armchair_on_beige",
        (
            Shape(poly((0.25, 0.25), (0.75, 0.25), (0.78, 0.60), (0.22, 0.60)), (0.80, 0.72, 0.60), shading=0.3),
            Shape(rect(0.18, 0.45, 0.30, 0.78), (0.76, 0.68, 0.56), shading=0.3),
            Shape(rect(0.70, 0.45, 0.82, 0.78), (0.74, 0.66, 0.54), shading=0.3),
            Shape(rect(0.28, 0.58, 0.72, 0.76), (0.78, 0.70, 0.58), shading=0.3),
            Shape(rect(0.21, 0.78, 0.235, 0.88), WALNUT),
            Shape(rect(0.765, 0.78, 0.79, 0.88), WALNUT),
        ),
        BEIGE,
        texture=0.015,
        notes="low contrast, paper texture",
    ),
)


def render_busy_scene(long_side: int = 800, *, seed: int = 1) -> bytes:
    """A lifestyle photo: a product in a cluttered, textured room; no plain background to cut from."""
    rng = np.random.default_rng(seed)
    w, h = long_side, round(long_side * 0.75)
    img = cv2.resize(rng.uniform(0.2, 0.8, (6, 8, 3)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    for _ in range(60):
        colour = tuple(float(c) for c in rng.uniform(0.05, 0.95, 3))
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        rw, rh = int(rng.integers(w // 30, w // 5)), int(rng.integers(h // 30, h // 4))
        if rng.random() < 0.5:
            cv2.rectangle(img, (x, y), (x + rw, y + rh), colour, -1)
        else:
            cv2.ellipse(img, (x, y), (rw // 2, rh // 2), float(rng.uniform(0, 180)), 0, 360, colour, -1)
    img += rng.normal(0, 0.05, img.shape).astype(np.float32)
    img = cv2.GaussianBlur(img, (0, 0), 1.0)
    cv2.rectangle(img, (int(0.4 * w), int(0.4 * h)), (int(0.6 * w), int(0.8 * h)), (0.5, 0.3, 0.2), -1)
    rgb = np.clip(img * 255, 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "JPEG", quality=90)
    return buf.getvalue()
