"""A second, independent set of studio product photos with exact alpha: never used to tune the cut-out.

It shares no code with ``scenes.py`` and differs from it on purpose: parts are shaded as rounded solids
(normals from a distance transform, a key light that moves from scene to scene, specular highlights), with
materials the tuning set lacks (woven and bouclé fabric, brushed metal, glass that lets the backdrop through,
leather), on backdrops it lacks (radial vignettes, diagonal gradients, coloured and dark seamless paper, a
wall meeting a floor), with long soft shadows thrown away from the light, products cut by the frame's edge,
and JPEG at quality 85 (one at 70), at long sides from 600 to 2000 px.

The truth is the coverage of every pixel; glass counts as product (its alpha is its opacity, above one half).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image

from imaging_eval.scenes import RenderedScene

Float = NDArray[np.float32]
Draw = Callable[[NDArray[np.uint8], int, int], None]
SUPERSAMPLE = 2
RGB = tuple[float, float, float]


@dataclass(frozen=True)
class Part:
    draw: Draw
    colour: RGB
    material: str = "matte"  # matte | gloss | fabric | boucle | metal | glass | leather
    opacity: float = 1.0  # glass: the share of the backdrop it hides


@dataclass(frozen=True)
class Studio:
    name: str
    kind: str  # what it stresses, for the per-kind report
    parts: tuple[Part, ...]
    backdrop: str  # flat | vignette | diagonal | wall_floor
    colours: tuple[RGB, RGB]
    side: int = 1200
    aspect: float = 0.75  # height / width
    light: tuple[float, float] = (0.6, -0.5)  # key light direction in the image plane (x right, y down)
    shadow: float = 0.4
    reflection: float = 0.0
    quality: int = 85
    notes: str = ""


def _pt(p: tuple[float, float], w: int, h: int) -> tuple[int, int]:
    return round(p[0] * w), round(p[1] * h)


def rounded_box(x0: float, y0: float, x1: float, y1: float, r: float) -> Draw:
    def draw(m: NDArray[np.uint8], w: int, h: int) -> None:
        rr = max(1, round(r * w))
        a, b = _pt((x0, y0), w, h), _pt((x1, y1), w, h)
        cv2.rectangle(m, (a[0] + rr, a[1]), (b[0] - rr, b[1]), 255, -1)
        cv2.rectangle(m, (a[0], a[1] + rr), (b[0], b[1] - rr), 255, -1)
        for cx, cy in ((a[0] + rr, a[1] + rr), (b[0] - rr, a[1] + rr), (a[0] + rr, b[1] - rr), (b[0] - rr, b[1] - rr)):
            cv2.circle(m, (cx, cy), rr, 255, -1, cv2.LINE_AA)

    return draw


def blob(*points: tuple[float, float]) -> Draw:
    """A closed smooth outline through ``points`` (a Chaikin-rounded polygon)."""

    def draw(m: NDArray[np.uint8], w: int, h: int) -> None:
        pts = np.array([_pt(p, w, h) for p in points], np.float64)
        for _ in range(4):
            nxt = np.roll(pts, -1, axis=0)
            pts = np.concatenate([0.75 * pts + 0.25 * nxt, 0.25 * pts + 0.75 * nxt], axis=1).reshape(-1, 2)
        cv2.fillPoly(m, [pts.round().astype(np.int32)], 255, cv2.LINE_AA)

    return draw


def wire(*points: tuple[float, float], width: float) -> Draw:
    def draw(m: NDArray[np.uint8], w: int, h: int) -> None:
        pts = np.array([_pt(p, w, h) for p in points], np.int32)
        cv2.polylines(m, [pts], False, 255, max(1, round(width * w)), cv2.LINE_AA)

    return draw


def ring(c: tuple[float, float], rx: float, ry: float, width: float) -> Draw:
    def draw(m: NDArray[np.uint8], w: int, h: int) -> None:
        cv2.ellipse(m, _pt(c, w, h), (round(rx * w), round(ry * h)), 0, 0, 360, 255, max(1, round(width * w)))

    return draw


def disc(c: tuple[float, float], rx: float, ry: float) -> Draw:
    def draw(m: NDArray[np.uint8], w: int, h: int) -> None:
        cv2.ellipse(m, _pt(c, w, h), (round(rx * w), round(ry * h)), 0, 0, 360, 255, -1, cv2.LINE_AA)

    return draw


def _texture(material: str, h: int, w: int, rng: np.random.Generator) -> Float:
    if material == "fabric":  # a fine plain weave
        period = max(3.0, w / 260)
        yy, xx = np.mgrid[:h, :w].astype(np.float32)
        weave = np.sin(xx * np.pi / period) * np.sin(yy * np.pi / period)
        return (1 + 0.06 * weave + rng.normal(0, 0.025, (h, w))).astype(np.float32)
    if material == "boucle":  # loops: blobby noise at two scales
        fine = cv2.GaussianBlur(rng.normal(0, 1, (h, w)).astype(np.float32), (0, 0), max(1.0, w / 900))
        coarse = cv2.GaussianBlur(rng.normal(0, 1, (h, w)).astype(np.float32), (0, 0), max(2.0, w / 300))
        return (1 + 0.5 * fine + 0.8 * coarse).astype(np.float32)
    if material == "metal":  # brushed: streaks along x
        streak = cv2.GaussianBlur(rng.normal(0, 1, (h, w)).astype(np.float32), (0, 0), sigmaX=w / 40, sigmaY=0.7)
        return (1 + 1.5 * streak).astype(np.float32)
    if material == "leather":
        grain = cv2.GaussianBlur(rng.normal(0, 1, (h, w)).astype(np.float32), (0, 0), max(1.0, w / 700))
        return (1 + 0.25 * grain).astype(np.float32)
    return np.ones((h, w), np.float32)


def _shade(part: Part, mask: Float, light: tuple[float, float], rng: np.random.Generator) -> Float:
    """The part's colour lit as a rounded solid: Lambert from its pseudo-normals, plus a highlight if glossy."""
    h, w = mask.shape
    inside = (mask > 0.5).astype(np.uint8)
    dist = cv2.distanceTransform(inside, cv2.DIST_L2, 5)
    radius = max(2.0, float(dist.max()) * 0.6)
    height = np.sqrt(np.clip(1 - (1 - np.clip(dist / radius, 0, 1)) ** 2, 0, 1))
    gy, gx = np.gradient(cv2.GaussianBlur(height, (0, 0), 1.5) * radius)
    n = np.stack([-gx, -gy, np.ones_like(gx)], axis=2)
    n /= np.linalg.norm(n, axis=2, keepdims=True)
    lvec = np.array([light[0], light[1], 0.8], np.float32)
    lvec /= np.linalg.norm(lvec)
    lambert = np.clip((n * lvec).sum(axis=2), 0, 1)
    colour = np.asarray(part.colour, np.float32)[None, None] * (0.45 + 0.6 * lambert)[..., None]
    colour = colour * _texture(part.material, h, w, rng)[..., None]
    if part.material in ("gloss", "metal", "glass", "leather"):
        half = lvec + np.array([0, 0, 1], np.float32)
        half /= np.linalg.norm(half)
        spec = (
            np.clip((n * half).sum(axis=2), 0, 1)
            ** {"gloss": 60, "metal": 12, "glass": 80, "leather": 8}[part.material]
        )
        colour = colour + (0.9 if part.material != "leather" else 0.15) * spec[..., None]
    return np.clip(colour, 0, 1).astype(np.float32)


def _backdrop(s: Studio, h: int, w: int, rng: np.random.Generator) -> Float:
    a, b = (np.asarray(c, np.float32) for c in s.colours)
    yy, xx = np.mgrid[:h, :w].astype(np.float32)
    yy /= h
    xx /= w
    if s.backdrop == "vignette":
        r = np.hypot(xx - 0.5, (yy - 0.45) * h / w) / 0.75
        t = np.clip(r, 0, 1) ** 1.6
    elif s.backdrop == "diagonal":
        t = np.clip(0.6 * xx + 0.4 * yy, 0, 1)
    elif s.backdrop == "wall_floor":  # a wall meeting a floor in a soft cove at 70 % of the height
        t = 1 / (1 + np.exp(-(yy - 0.7) / 0.02))
    else:
        t = 0.15 * yy
    bg = a[None, None] * (1 - t[..., None]) + b[None, None] * t[..., None]
    grain = cv2.GaussianBlur(rng.normal(0, 1, (h // 8 + 1, w // 8 + 1)).astype(np.float32), (0, 0), 2)
    bg *= (1 + 0.01 * cv2.resize(grain, (w, h)))[..., None]
    return bg.astype(np.float32)


def _cast_shadow(s: Studio, alpha: Float) -> Float:
    """A long soft shadow thrown away from the light, flattened onto the floor, strongest at the foot."""
    h, w = alpha.shape
    ys = np.nonzero(alpha.max(axis=1) > 0.5)[0]
    if not s.shadow or not ys.size:
        return np.zeros_like(alpha)
    foot = int(ys.max())
    squash = 0.3
    flat = cv2.resize(alpha, (w, max(1, round(h * squash))), interpolation=cv2.INTER_AREA)
    shadow = np.zeros_like(alpha)
    top = foot - flat.shape[0] + 1
    shift = round(-s.light[0] * 0.08 * w)
    lo, hi = max(0, top), min(h, top + flat.shape[0])
    src = flat[lo - top : hi - top]
    shadow[lo:hi] = np.roll(src, shift, axis=1)
    shadow = cv2.GaussianBlur(shadow, (0, 0), 0.015 * w)
    contact = cv2.GaussianBlur(alpha * (np.arange(h)[:, None] > foot - 0.02 * h), (0, 0), 0.004 * w)
    return np.clip(s.shadow * shadow + 0.5 * contact, 0, 0.85).astype(np.float32)


def render_studio(s: Studio, long_side: int | None = None, *, seed: int = 7) -> RenderedScene:
    """Render ``s`` (its own long side unless given): the JPEG a merchant would upload and its true alpha."""
    rng = np.random.default_rng(seed)
    side = long_side or s.side
    w, h = (side, round(side * s.aspect)) if s.aspect <= 1 else (round(side / s.aspect), side)
    sw, sh = w * SUPERSAMPLE, h * SUPERSAMPLE
    bg = _backdrop(s, sh, sw, rng)
    alpha = np.zeros((sh, sw), np.float32)
    colour = np.zeros((sh, sw, 3), np.float32)
    for part in s.parts:
        m8 = np.zeros((sh, sw), np.uint8)
        part.draw(m8, sw, sh)
        m = m8.astype(np.float32) / 255
        c = _shade(part, m, s.light, rng)
        colour = c * m[..., None] + colour * (1 - m[..., None])
        # Glass hides only its opacity's share of what is behind it: the backdrop shows through the rest.
        alpha = np.maximum(alpha, m * part.opacity)
    shade = _cast_shadow(s, alpha)
    floor = bg * (1 - shade[..., None])
    if s.reflection:
        ys = np.nonzero(alpha.max(axis=1) > 0.5)[0]
        foot = int(ys.max())
        span = min(foot + 1, sh - foot - 1)
        ref_a, ref_c = np.zeros_like(alpha), np.zeros_like(colour)
        ref_a[foot + 1 : foot + 1 + span] = alpha[foot - span + 1 : foot + 1][::-1]
        ref_c[foot + 1 : foot + 1 + span] = colour[foot - span + 1 : foot + 1][::-1]
        fade = np.clip(1 - (np.arange(sh) - foot) / (0.18 * sh), 0, 1)[:, None] * s.reflection
        ref_a = cv2.GaussianBlur(ref_a * fade.astype(np.float32), (0, 0), 3.0)
        floor = floor * (1 - ref_a[..., None]) + cv2.GaussianBlur(ref_c, (0, 0), 3.0) * ref_a[..., None]
    photo = colour * alpha[..., None] + floor * (1 - alpha[..., None])
    photo = cv2.resize(photo, (w, h), interpolation=cv2.INTER_AREA)
    truth = cv2.resize(alpha, (w, h), interpolation=cv2.INTER_AREA)
    photo = cv2.GaussianBlur(photo, (0, 0), 0.6)
    truth = cv2.GaussianBlur(truth, (0, 0), 0.6)
    photo = photo * np.float32(1.0) + rng.normal(0, 2.2 / 255, photo.shape).astype(np.float32)
    rgb = np.clip(photo * 255 + 0.5, 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "JPEG", quality=s.quality)
    decoded = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))
    rendered = RenderedScene(s.name, decoded, np.clip(truth, 0, 1), buf.getvalue(), s.notes)
    rendered.extra["kind"] = s.kind
    return rendered


CREAM = ((0.95, 0.93, 0.88), (0.86, 0.83, 0.77))
CHARCOAL = ((0.22, 0.22, 0.23), (0.12, 0.12, 0.13))
SAGE = ((0.70, 0.76, 0.68), (0.55, 0.62, 0.54))
NAVY = ((0.16, 0.20, 0.32), (0.10, 0.12, 0.20))
PAPER = ((0.99, 0.99, 0.99), (0.80, 0.80, 0.80))
WARM_WALL = ((0.88, 0.80, 0.70), (0.66, 0.56, 0.46))
TEAL = ((0.20, 0.50, 0.52), (0.12, 0.36, 0.38))
OAK = (0.66, 0.47, 0.28)
BRASS = (0.78, 0.62, 0.30)
BLACK = (0.07, 0.07, 0.08)


def _ladder_chair(c: RGB) -> tuple[Part, ...]:
    return (
        Part(rounded_box(0.36, 0.08, 0.395, 0.92, 0.008), c),
        Part(rounded_box(0.605, 0.08, 0.64, 0.92, 0.008), c),
        *(Part(rounded_box(0.395, y, 0.605, y + 0.035, 0.01), c) for y in (0.12, 0.22, 0.32, 0.42)),
        Part(rounded_box(0.33, 0.52, 0.67, 0.58, 0.01), c),
        Part(wire((0.395, 0.78), (0.605, 0.78), width=0.012), c),
    )


def several(*draws: Draw) -> Draw:
    """Parts of one material drawn as one (shaded once: a wire frame is one part, not twenty)."""

    def draw(m: NDArray[np.uint8], w: int, h: int) -> None:
        for d in draws:
            d(m, w, h)

    return draw


def _wire_chair() -> tuple[Part, ...]:
    rods = [wire((x, 0.10), (x, 0.50), width=0.004) for x in np.linspace(0.34, 0.66, 9)]
    rods += [wire((0.33, y), (0.67, y), width=0.004) for y in (0.10, 0.30, 0.50)]
    rods += [
        wire((0.33, 0.52), (0.30, 0.92), width=0.006),
        wire((0.67, 0.52), (0.70, 0.92), width=0.006),
        wire((0.40, 0.56), (0.38, 0.86), width=0.006),
        wire((0.60, 0.56), (0.62, 0.86), width=0.006),
    ]
    seat = blob((0.31, 0.50), (0.69, 0.50), (0.69, 0.56), (0.31, 0.56))
    return (Part(several(*rods), (0.15, 0.15, 0.16), "metal"), Part(seat, (0.15, 0.15, 0.16), "metal"))


STUDIOS: tuple[Studio, ...] = (
    Studio(
        "pale_ceramic_on_cream",
        "pale on pale",
        (
            Part(
                blob((0.42, 0.25), (0.58, 0.25), (0.66, 0.55), (0.60, 0.85), (0.40, 0.85), (0.34, 0.55)),
                (0.97, 0.95, 0.91),
                "gloss",
            ),
        ),
        "vignette",
        CREAM,
        side=1200,
        aspect=1.0,
        shadow=0.3,
        notes="cream glazed jug on a cream vignette",
    ),
    Studio(
        "dark_leather_bag_on_charcoal",
        "dark on dark",
        (
            Part(rounded_box(0.28, 0.42, 0.72, 0.86, 0.04), (0.16, 0.12, 0.10), "leather"),
            Part(ring((0.5, 0.42), 0.13, 0.22, 0.025), (0.16, 0.12, 0.10), "leather"),
        ),
        "vignette",
        CHARCOAL,
        side=1000,
        aspect=1.0,
        shadow=0.5,
        notes="dark leather tote with a handle hole, on charcoal",
    ),
    Studio(
        "chrome_kettle_glossy_floor",
        "glossy with floor reflection",
        (
            Part(blob((0.36, 0.35), (0.64, 0.35), (0.70, 0.72), (0.30, 0.72)), (0.75, 0.76, 0.78), "metal"),
            Part(ring((0.5, 0.32), 0.10, 0.10, 0.018), BLACK, "gloss"),
            Part(wire((0.37, 0.52), (0.22, 0.40), width=0.022), (0.75, 0.76, 0.78), "metal"),
        ),
        "wall_floor",
        PAPER,
        side=1400,
        reflection=0.45,
        shadow=0.15,
        notes="brushed steel kettle on a glossy white floor",
    ),
    Studio(
        "glass_carafe",
        "transparent/glass",
        (
            Part(
                blob(
                    (0.44, 0.20),
                    (0.56, 0.20),
                    (0.56, 0.38),
                    (0.68, 0.60),
                    (0.64, 0.86),
                    (0.36, 0.86),
                    (0.32, 0.60),
                    (0.44, 0.38),
                ),
                (0.80, 0.90, 0.86),
                "glass",
                0.55,
            ),
            Part(rounded_box(0.455, 0.14, 0.545, 0.22, 0.01), (0.62, 0.44, 0.28)),
        ),
        "diagonal",
        ((0.92, 0.92, 0.93), (0.78, 0.80, 0.83)),
        side=1000,
        aspect=1.1,
        shadow=0.25,
        notes="clear glass carafe with a cork, diagonal gradient",
    ),
    Studio(
        "wire_chair",
        "thin legs and wires",
        _wire_chair(),
        "flat",
        ((0.93, 0.93, 0.92), (0.88, 0.88, 0.87)),
        side=1600,
        aspect=1.0,
        notes="black wire chair, 4 px rods",
    ),
    Studio(
        "ladder_back_chair",
        "holes",
        _ladder_chair(OAK),
        "wall_floor",
        WARM_WALL,
        side=1200,
        aspect=1.25,
        light=(-0.6, -0.4),
        notes="oak ladder-back: slots between rails",
    ),
    Studio(
        "boucle_sofa",
        "textured fabric",
        (
            Part(rounded_box(0.10, 0.30, 0.90, 0.62, 0.05), (0.90, 0.88, 0.83), "boucle"),
            Part(rounded_box(0.06, 0.45, 0.22, 0.78, 0.04), (0.90, 0.88, 0.83), "boucle"),
            Part(rounded_box(0.78, 0.45, 0.94, 0.78, 0.04), (0.90, 0.88, 0.83), "boucle"),
            Part(rounded_box(0.20, 0.55, 0.80, 0.76, 0.03), (0.88, 0.86, 0.81), "boucle"),
            Part(rounded_box(0.14, 0.78, 0.17, 0.84, 0.004), OAK),
            Part(rounded_box(0.83, 0.78, 0.86, 0.84, 0.004), OAK),
        ),
        "vignette",
        ((0.80, 0.80, 0.80), (0.66, 0.66, 0.67)),
        side=1800,
        aspect=0.6,
        notes="off-white bouclé sofa on grey",
    ),
    Studio(
        "woven_pouf_diagonal",
        "textured fabric",
        (Part(blob((0.30, 0.40), (0.70, 0.40), (0.74, 0.80), (0.26, 0.80)), (0.64, 0.40, 0.22), "fabric"),),
        "diagonal",
        ((0.96, 0.92, 0.86), (0.72, 0.64, 0.56)),
        side=800,
        aspect=0.8,
        light=(-0.7, -0.3),
        notes="woven rust pouf, warm diagonal gradient",
    ),
    Studio(
        "glass_shade_table_lamp",
        "transparent/glass",
        (
            Part(disc((0.5, 0.32), 0.17, 0.17), (0.95, 0.93, 0.85), "glass", 0.7),
            Part(wire((0.5, 0.48), (0.5, 0.84), width=0.008), BRASS, "metal"),
            Part(disc((0.5, 0.86), 0.12, 0.025), BRASS, "metal"),
        ),
        "flat",
        SAGE,
        side=900,
        aspect=1.2,
        notes="opal glass globe on a brass stem, sage backdrop",
    ),
    Studio(
        "sideboard_cut_by_frame",
        "cut by the frame",
        (
            Part(rounded_box(-0.05, 0.30, 0.80, 0.80, 0.01), (0.30, 0.22, 0.16), "gloss"),
            Part(rounded_box(0.05, 0.80, 0.08, 1.05, 0.004), (0.30, 0.22, 0.16)),
            Part(rounded_box(0.72, 0.80, 0.75, 1.05, 0.004), (0.30, 0.22, 0.16)),
        ),
        "flat",
        ((0.94, 0.94, 0.94), (0.90, 0.90, 0.90)),
        side=1500,
        aspect=0.66,
        shadow=0.0,
        notes="walnut sideboard cut by the left and bottom edges",
    ),
    Studio(
        "black_planter_on_dark",
        "dark on dark",
        (
            Part(blob((0.36, 0.55), (0.64, 0.55), (0.60, 0.88), (0.40, 0.88)), BLACK, "gloss"),
            Part(
                several(
                    *(
                        blob(
                            (0.5 + dx, 0.56),
                            (0.5 + 2.2 * dx - 0.04, 0.22 + abs(dx)),
                            (0.5 + 2.2 * dx + 0.04, 0.24 + abs(dx)),
                        )
                        for dx in (-0.12, -0.05, 0.04, 0.11)
                    )
                ),
                (0.10, 0.22, 0.12),
            ),
        ),
        "vignette",
        ((0.30, 0.30, 0.31), (0.15, 0.15, 0.16)),
        side=1100,
        aspect=1.0,
        notes="black glossy planter, dark leaves, dark grey",
    ),
    Studio(
        "tripod_floor_lamp",
        "thin legs and wires",
        (
            Part(blob((0.40, 0.08), (0.60, 0.08), (0.66, 0.30), (0.34, 0.30)), (0.96, 0.95, 0.92), "fabric"),
            Part(wire((0.5, 0.30), (0.5, 0.55), width=0.006), BLACK, "metal"),
            Part(wire((0.5, 0.55), (0.34, 0.93), width=0.006), BLACK, "metal"),
            Part(wire((0.5, 0.55), (0.66, 0.93), width=0.006), BLACK, "metal"),
            Part(wire((0.5, 0.55), (0.52, 0.90), width=0.005), BLACK, "metal"),
        ),
        "wall_floor",
        PAPER,
        side=2000,
        aspect=1.4,
        shadow=0.55,
        light=(0.8, -0.2),
        notes="tripod lamp: linen shade, 6 px legs, long soft shadow",
    ),
    Studio(
        "linen_armchair_on_white",
        "pale on pale",
        (
            Part(rounded_box(0.26, 0.22, 0.74, 0.62, 0.05), (0.93, 0.92, 0.89), "fabric"),
            Part(rounded_box(0.20, 0.45, 0.33, 0.80, 0.03), (0.92, 0.91, 0.88), "fabric"),
            Part(rounded_box(0.67, 0.45, 0.80, 0.80, 0.03), (0.92, 0.91, 0.88), "fabric"),
            Part(rounded_box(0.30, 0.60, 0.70, 0.78, 0.03), (0.94, 0.93, 0.90), "fabric"),
            Part(wire((0.24, 0.80), (0.22, 0.90), width=0.012), OAK),
            Part(wire((0.76, 0.80), (0.78, 0.90), width=0.012), OAK),
        ),
        "flat",
        ((0.985, 0.985, 0.985), (0.95, 0.95, 0.95)),
        side=1300,
        aspect=1.0,
        shadow=0.25,
        quality=70,
        notes="white linen armchair on white, JPEG quality 70",
    ),
    Studio(
        "brass_mirror_on_navy",
        "holes",
        (
            Part(ring((0.5, 0.5), 0.28, 0.37, 0.035), BRASS, "metal"),
            Part(ring((0.5, 0.5), 0.25, 0.335, 0.004), (0.45, 0.36, 0.18), "metal"),
        ),
        "flat",
        NAVY,
        side=1000,
        aspect=1.0,
        shadow=0.0,
        notes="oval brass mirror frame on a navy wall",
    ),
    Studio(
        "mustard_stool_on_teal",
        "coloured backdrop",
        (
            Part(disc((0.5, 0.36), 0.20, 0.05), (0.86, 0.66, 0.16), "gloss"),
            Part(wire((0.36, 0.38), (0.31, 0.88), width=0.016), (0.86, 0.66, 0.16)),
            Part(wire((0.64, 0.38), (0.69, 0.88), width=0.016), (0.86, 0.66, 0.16)),
            Part(wire((0.46, 0.40), (0.44, 0.80), width=0.014), (0.80, 0.60, 0.14)),
            Part(wire((0.33, 0.66), (0.67, 0.66), width=0.010), (0.86, 0.66, 0.16)),
        ),
        "vignette",
        TEAL,
        side=700,
        aspect=1.0,
        light=(-0.5, -0.6),
        notes="mustard lacquered stool on teal paper",
    ),
    Studio(
        "green_bottle_glossy_dark",
        "glossy with floor reflection",
        (
            Part(rounded_box(0.42, 0.35, 0.58, 0.78, 0.02), (0.10, 0.35, 0.18), "gloss"),
            Part(blob((0.42, 0.37), (0.58, 0.37), (0.53, 0.26), (0.47, 0.26)), (0.10, 0.35, 0.18), "gloss"),
            Part(rounded_box(0.475, 0.14, 0.525, 0.28, 0.005), (0.10, 0.35, 0.18), "gloss"),
        ),
        "wall_floor",
        ((0.35, 0.35, 0.36), (0.20, 0.20, 0.21)),
        side=600,
        aspect=1.0,
        reflection=0.5,
        shadow=0.2,
        notes="dark green bottle on a dark glossy floor, 600 px",
    ),
)
