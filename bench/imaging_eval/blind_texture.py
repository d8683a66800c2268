"""Materials and their textures for the blind set's renderer (``blind_render.py``).

A material's pattern is drawn once as a tileable image (512 px a side) of albedo, plus a height field whose
slopes bend the shading normal (bump mapping) and a roughness factor, then kept as a pyramid of halved copies
so that a distant or tilted surface is sampled at the level its pixel footprint asks for (trilinear, with
OpenCV's remap wrapping around the tile). Patterns are procedural: periodic value noise and its fractal sums,
wood grain and floor planks, plain and twill weaves, knit stitches, bouclé loops, linen slubs, leather creases,
marble veins, terrazzo chips, brushed metal, cane weave, plaster and seamless paper. Three come from real
photos bundled with scikit-image (CC0 or public domain: a brick pavement, gravel and grass), tinted and
mirrored at their borders to tile.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

Float = NDArray[np.float32]
RGB = tuple[float, float, float]
SIZE = 512
PHOTOS = ("brick", "gravel", "grass")


@dataclass(frozen=True)
class Material:
    """How a surface looks. Colours are display values (sRGB, 0-1); ``tile`` is the pattern's repeat in metres."""

    colour: RGB
    pattern: str = "plain"
    second: RGB | None = None
    tile: float = 0.25
    rough: float = 0.6  # GGX roughness (perceptual)
    metal: float = 0.0
    glass: float = 0.0  # share of light let through (0 = opaque)
    tint: RGB = (0.92, 0.97, 0.95)  # glass colour per pass
    sheen: float = 0.0  # cloth: light caught at grazing angles
    bump: float = 0.0  # strength of the pattern's relief
    glow: float = 0.0  # a lit shade or bulb: light of its own
    gloss: float = 0.0  # a floor's mirror reflection of the product (0-1)
    seed: int = 0


def linear(c: RGB | Float) -> Float:
    return np.power(np.clip(np.asarray(c, np.float32), 0, 1), 2.2).astype(np.float32)


def _grid() -> tuple[Float, Float]:
    a = (np.arange(SIZE, dtype=np.float32) + 0.5) / SIZE
    return np.meshgrid(a, a)  # x, y in [0, 1)


def noise(rng: np.random.Generator, cells_x: int, cells_y: int | None = None) -> Float:
    """Periodic value noise in [0, 1]: a random grid enlarged by a cubic filter, wrapping at the tile's edges."""
    cells_y = cells_y or cells_x
    g = rng.random((cells_y, cells_x)).astype(np.float32)
    pad = np.pad(g, 2, mode="wrap")
    fx, fy = SIZE // cells_x, SIZE // cells_y
    big = cv2.resize(pad, ((cells_x + 4) * fx, (cells_y + 4) * fy), interpolation=cv2.INTER_CUBIC)
    return big[2 * fy : 2 * fy + SIZE, 2 * fx : 2 * fx + SIZE]


def fbm(rng: np.random.Generator, cells: int, octaves: int = 4, stretch: int = 1) -> Float:
    """Fractal noise around 0.5; ``stretch`` makes its features longer along y than along x."""
    out = np.zeros((SIZE, SIZE), np.float32)
    amp, total = 1.0, 0.0
    for k in range(octaves):
        c = min(cells * 2**k, SIZE // 2)
        out += amp * noise(rng, c, max(1, c // stretch))
        total += amp
        amp *= 0.5
    return out / total


def _mix(a: RGB, b: RGB, t: Float) -> Float:
    la, lb = linear(a), linear(b)
    return la + (lb - la) * t[..., None]


def _threads(rng: np.random.Generator, n: int) -> Float:
    """A brightness for each of ``n`` threads, repeated along them."""
    return np.repeat(1 + 0.12 * (rng.random(n) - 0.5), SIZE // n).astype(np.float32)


def _weave(m: Material, rng: np.random.Generator, n: int, twill: bool) -> tuple[Float, Float]:
    x, y = _grid()
    i, j = np.floor(x * n).astype(int), np.floor(y * n).astype(int)
    fx, fy = x * n - i, y * n - j
    warp_on_top = ((i + j) % 4 < 2) if twill else ((i + j) % 2 == 0)
    warp = np.cos(np.pi * (fx - 0.5)) ** 0.6 * (0.75 + 0.25 * np.sin(np.pi * fy))
    weft = np.cos(np.pi * (fy - 0.5)) ** 0.6 * (0.75 + 0.25 * np.sin(np.pi * fx))
    height = np.where(warp_on_top, warp, weft).astype(np.float32)
    second = m.second or m.colour
    tone = np.where(warp_on_top, _threads(rng, n)[None, :], _threads(rng, n)[:, None])
    fuzz = 0.9 + 0.2 * noise(rng, 256)
    colour = (
        np.where(warp_on_top[..., None], linear(m.colour), linear(second))
        * (tone * fuzz * (0.7 + 0.3 * height))[..., None]
    )
    return colour.astype(np.float32), height


def _knit(m: Material, rng: np.random.Generator) -> tuple[Float, Float]:
    x, y = _grid()
    n = 16
    fx, fy = (x * n) % 1.0, (y * n * 1.4) % 1.0
    lobes = []
    for cx, ang in ((0.27, 0.5), (0.73, -0.5)):
        dx, dy = fx - cx, fy - 0.5
        u = dx * np.cos(ang) - dy * np.sin(ang)
        v = dx * np.sin(ang) + dy * np.cos(ang)
        lobes.append(np.clip(1 - (u / 0.24) ** 2 - (v / 0.5) ** 2, 0, 1))
    height = np.sqrt(np.maximum(*lobes)).astype(np.float32)
    fuzz = 0.85 + 0.3 * noise(rng, 128)
    colour = linear(m.colour) * ((0.55 + 0.45 * height) * fuzz)[..., None]
    return colour.astype(np.float32), height


def _grain(m: Material, rng: np.random.Generator, ring: Float) -> tuple[Float, Float]:
    """Wood from a ring coordinate (growth rings where it passes whole numbers): early and late wood, long fibres
    and open pores along the grain (y)."""
    r = ring % 1.0
    late = np.clip((r - 0.5) / 0.5, 0, 1) ** 2.0
    fibre = noise(rng, 256, 8) * 0.6 + noise(rng, 128, 16) * 0.4
    pores = np.clip((noise(rng, 256, 32) - 0.72) * 5, 0, 1)
    t = np.clip(0.7 * late + 0.45 * (fibre - 0.5) + 0.2 * (fbm(rng, 8, 2, stretch=8) - 0.5) + 0.35 * pores, 0, 1)
    colour = _mix(m.colour, m.second or m.colour, t.astype(np.float32))
    return colour, (0.35 * fibre + 0.2 * late - 0.4 * pores).astype(np.float32)


def _wood(m: Material, rng: np.random.Generator, rings: int = 12) -> tuple[Float, Float]:
    x, _ = _grid()
    return _grain(m, rng, x * rings + 2.2 * fbm(rng, 4, 3, stretch=4) + 0.25 * noise(rng, 32, 4))


def _planks(m: Material, rng: np.random.Generator) -> tuple[Float, Float]:
    """Floor boards along y, four across the tile, each with its own grain, tone and one butt joint."""
    x, y = _grid()
    rows = 4
    k = np.floor(x * rows).astype(int)
    joint = rng.random(rows)[k]
    piece = k * 2 + ((y + joint) % 1.0 > 0.5)
    shift = (rng.random(rows * 2) * 7.0)[piece]
    ring = (x * rows - k) * 3.5 + shift + 1.6 * fbm(rng, 4, 3, stretch=4) + 0.2 * noise(rng, 32, 4)
    colour, height = _grain(m, rng, ring)
    end = ((y + joint) % 0.5) < 0.003
    side = (x * rows) % 1.0
    seam = (side < 0.006) | (side > 0.994) | end
    tone = (0.86 + 0.28 * rng.random(rows * 2))[piece]
    colour = colour * tone[..., None].astype(np.float32)
    colour[seam] *= 0.5
    return colour, (height - 0.8 * seam).astype(np.float32)


def _leather(m: Material, rng: np.random.Generator) -> tuple[Float, Float]:
    ridges = np.abs(fbm(rng, 16, 3) - 0.5)
    crease = np.exp(-ridges / 0.025)
    grain = noise(rng, 256)
    height = (0.4 * grain - crease).astype(np.float32)
    t = np.clip(0.5 * fbm(rng, 4, 3) + 0.3 * crease, 0, 1)
    return _mix(m.colour, m.second or m.colour, t) * (1 - 0.2 * crease)[..., None], height


def _marble(m: Material, rng: np.random.Generator) -> tuple[Float, Float]:
    x, y = _grid()
    turb = fbm(rng, 4, 5)
    vein = np.exp(-np.abs(np.sin(2 * np.pi * (x + y + 2.5 * turb))) * 9) + 0.5 * np.exp(
        -np.abs(np.sin(2 * np.pi * (2 * x - y + 3 * fbm(rng, 8, 4)))) * 14
    )
    colour = _mix(m.colour, m.second or (0.45, 0.45, 0.47), np.clip(vein, 0, 1).astype(np.float32))
    return colour * (0.95 + 0.1 * fbm(rng, 16, 2))[..., None], np.zeros((SIZE, SIZE), np.float32)


def _terrazzo(m: Material, rng: np.random.Generator) -> tuple[Float, Float]:
    colour = linear(m.colour) * (0.96 + 0.08 * fbm(rng, 32, 2))[..., None]
    palette = [linear(m.second or (0.3, 0.3, 0.3)), linear((0.85, 0.8, 0.74)), linear((0.55, 0.3, 0.22))]
    canvas = np.zeros((SIZE * 3, SIZE * 3), np.int16) - 1
    for idx in range(900):
        cx, cy = rng.integers(0, SIZE, 2)
        axes = (int(rng.integers(2, 7)), int(rng.integers(2, 5)))
        for ox in (0, SIZE, 2 * SIZE):
            for oy in (0, SIZE, 2 * SIZE):
                cv2.ellipse(canvas, (int(cx + ox), int(cy + oy)), axes, float(rng.random() * 180), 0, 360, idx % 3, -1)
    chips = canvas[SIZE : 2 * SIZE, SIZE : 2 * SIZE]
    for k, c in enumerate(palette):
        colour[chips == k] = c * (0.9 + 0.2 * rng.random())
    return colour.astype(np.float32), (chips >= 0).astype(np.float32) * 0.1


def _cane(m: Material, rng: np.random.Generator) -> tuple[Float, Float]:
    """Woven cane: flat strands over and under, darker in the gaps between them."""
    x, y = _grid()
    n = 8
    i, j = np.floor(x * n).astype(int), np.floor(y * n).astype(int)
    fx, fy = x * n - i, y * n - j
    top = (i + j) % 2 == 0
    across = np.where(top, fx, fy)
    strand = np.clip(np.sin(np.pi * across) * 1.6, 0, 1)
    fibre = noise(rng, 256, 16)
    colour = _mix(m.colour, m.second or m.colour, np.clip(0.5 * fibre + 0.3 * (1 - strand), 0, 1))
    gap = np.minimum(np.minimum(fx, 1 - fx), np.minimum(fy, 1 - fy)) < 0.05
    colour[gap] *= 0.35
    return colour, (strand - 0.6 * gap).astype(np.float32)


def _photo(m: Material, name: str) -> tuple[Float, Float]:
    from skimage import data

    grey = getattr(data, name)().astype(np.float32) / 255.0
    if name == "brick":
        grey = grey.T.copy()  # courses run across
    grey = cv2.resize(grey, (SIZE, SIZE), interpolation=cv2.INTER_AREA)
    rel = grey / max(float(grey.mean()), 1e-3)
    colour = linear(m.colour) * np.clip(rel, 0, 3)[..., None] ** 1.3
    if m.second is not None:
        colour = colour * (
            1 + (linear(m.second) / linear(m.colour).clip(1e-3) - 1) * (1 - np.clip(rel, 0, 1))[..., None]
        )
    return colour.astype(np.float32), grey


def _pattern(m: Material) -> tuple[Float, Float, Float]:
    """Albedo (linear), height (relative) and a roughness factor for ``m``, as tileable images."""
    rng = np.random.default_rng(1000 + m.seed)
    rough = np.ones((SIZE, SIZE), np.float32)
    p = m.pattern
    if p in PHOTOS:
        colour, height = _photo(m, p)
    elif p == "wood":
        colour, height = _wood(m, rng)
    elif p == "planks":
        colour, height = _planks(m, rng)
    elif p in ("weave", "twill", "tweed"):
        colour, height = _weave(m, rng, 64 if p != "tweed" else 32, twill=p != "weave")
    elif p == "knit":
        colour, height = _knit(m, rng)
    elif p == "boucle":
        loops = cv2.GaussianBlur(noise(rng, 256), (0, 0), 1.2)
        height = np.clip((loops - 0.5) * 4, 0, 1) ** 0.7
        colour = linear(m.colour) * (0.72 + 0.34 * height)[..., None]
    elif p == "linen":
        colour, height = _weave(m, rng, 128, twill=False)
        slub = noise(rng, 8, 128)
        colour = colour * (0.9 + 0.2 * slub)[..., None]
    elif p == "leather":
        colour, height = _leather(m, rng)
        rough = 0.8 + 0.4 * fbm(rng, 16, 2)
    elif p == "marble":
        colour, height = _marble(m, rng)
    elif p == "terrazzo":
        colour, height = _terrazzo(m, rng)
    elif p == "brushed":
        streak = noise(rng, 4, 256) * 0.5 + noise(rng, 16, 512) * 0.5
        colour = linear(m.colour) * (0.9 + 0.2 * streak)[..., None]
        height = streak
        rough = 0.7 + 0.6 * streak
    elif p == "cane":
        colour, height = _cane(m, rng)
    elif p == "plaster":
        mottle = fbm(rng, 4, 5)
        colour = linear(m.colour) * (0.95 + 0.1 * mottle)[..., None]
        height = noise(rng, 128) * 0.6 + noise(rng, 32) * 0.4
    elif p == "paper":
        colour = linear(m.colour) * (0.985 + 0.03 * fbm(rng, 2, 3))[..., None]
        height = noise(rng, 256)
    elif p == "kilim":  # bands of colour with stepped zigzag edges, woven
        x, y = _grid()
        weave, height = _weave(m, rng, 128, twill=False)
        steps = np.floor(x * 16) / 16
        zig = 0.03 * np.abs(((steps * 4) % 1.0) - 0.5)
        band = np.floor(((y + zig) % 1.0) * 7).astype(int)
        palette = np.stack(
            [
                linear(c)
                for c in (
                    m.colour,
                    m.second or m.colour,
                    (0.85, 0.8, 0.7),
                    m.colour,
                    (0.25, 0.22, 0.3),
                    m.second or m.colour,
                    (0.85, 0.8, 0.7),
                )
            ]
        )
        tone = weave.mean(-1, keepdims=True) / max(float(weave.mean()), 1e-3)
        colour = palette[band] * (0.8 + 0.2 * tone)
        height = height * 0.5
    elif p == "rings":  # the end of a rolled rug: turns of the roll around the tile's corner
        x, y = _grid()
        d = np.hypot(np.minimum(x, 1 - x), np.minimum(y, 1 - y))
        height = (0.5 + 0.5 * np.cos(2 * np.pi * d * 48)) ** 2
        colour = _mix(m.second or m.colour, m.colour, height.astype(np.float32))
    elif p == "plain":
        colour = linear(m.colour) * (0.97 + 0.06 * fbm(rng, 8, 3))[..., None]
        height = fbm(rng, 64, 2)
    else:
        raise ValueError(p)
    return np.ascontiguousarray(colour, np.float32), height.astype(np.float32), rough.astype(np.float32)


@dataclass(frozen=True)
class Texture:
    albedo: tuple[Float, ...]  # a pyramid, full size first
    relief: tuple[Float, ...]  # per level: height's slope along u and v (per texel of the full size), roughness
    wrap: int  # cv2 border mode


@functools.lru_cache(maxsize=64)
def texture(m: Material) -> Texture:
    colour, height, rough = _pattern(m)
    wrap = cv2.BORDER_REFLECT_101 if m.pattern in PHOTOS else cv2.BORDER_WRAP
    if wrap == cv2.BORDER_WRAP:
        du = (np.roll(height, -1, 1) - np.roll(height, 1, 1)) / 2
        dv = (np.roll(height, -1, 0) - np.roll(height, 1, 0)) / 2
    else:
        dv, du = np.gradient(height)
    relief = np.stack([du, dv, rough], -1).astype(np.float32)
    albedo_levels, relief_levels = [colour], [relief]
    while albedo_levels[-1].shape[0] > 8:
        s = albedo_levels[-1].shape[0] // 2
        albedo_levels.append(cv2.resize(albedo_levels[-1], (s, s), interpolation=cv2.INTER_AREA))
        relief_levels.append(cv2.resize(relief_levels[-1], (s, s), interpolation=cv2.INTER_AREA))
    return Texture(tuple(albedo_levels), tuple(relief_levels), wrap)


def sample(tex: Texture, u: Float, v: Float, lod: Float, relief: bool = True) -> tuple[Float, Float]:
    """Albedo and relief at texture coordinates ``u``, ``v`` (in tiles), trilinear between pyramid levels (the
    relief left flat unless asked for)."""
    n = len(tex.albedo)
    lod = np.clip(lod, 0, n - 1.001).astype(np.float32)
    base = np.floor(lod).astype(int)
    out_a = np.zeros((len(u), 3), np.float32)
    out_r = np.zeros((len(u), 3), np.float32)
    if not relief:
        out_r[:, 2] = 1.0
    for level in np.unique(base):
        sel = np.nonzero(base == level)[0]
        frac = (lod[sel] - level)[:, None]
        for lv, weight in ((level, 1 - frac), (min(level + 1, n - 1), frac)):
            size = tex.albedo[lv].shape[0]
            mx = (u[sel] * size - 0.5).astype(np.float32).reshape(-1, 1)
            my = (v[sel] * size - 0.5).astype(np.float32).reshape(-1, 1)
            if tex.wrap == cv2.BORDER_WRAP:
                mx, my = np.mod(mx, size).astype(np.float32), np.mod(my, size).astype(np.float32)
            else:  # mirrored tiles
                mx = (size - 1) - np.abs(np.mod(mx, 2 * size - 2) - (size - 1))
                my = (size - 1) - np.abs(np.mod(my, 2 * size - 2) - (size - 1))
            out_a[sel] += remap_points(tex.albedo[lv], mx.ravel(), my.ravel(), tex.wrap) * weight
            if relief:
                out_r[sel] += remap_points(tex.relief[lv], mx.ravel(), my.ravel(), tex.wrap) * weight
    return out_a, out_r


def remap_points(img: Float, xs: Float, ys: Float, border: int = cv2.BORDER_CONSTANT) -> Float:
    """Bilinear samples of ``img`` at any number of points (x, y with pixel centres at whole numbers), one row
    per point (OpenCV's remap takes maps under 32767 a side, so the points go in rows of 4096)."""
    n = len(xs)
    cols = 4096
    rows = max(1, -(-n // cols))
    mx = np.zeros(rows * cols, np.float32)
    my = np.zeros(rows * cols, np.float32)
    mx[:n], my[:n] = xs, ys
    out = cv2.remap(img, mx.reshape(rows, cols), my.reshape(rows, cols), cv2.INTER_LINEAR, borderMode=border)
    return out.reshape(rows * cols, -1)[:n]
