"""The renderer of the unseen set (``unseen.py``): product photos ray-marched through signed distance fields.

A fourth way of drawing product photos with exact alpha, sharing no code with ``scenes.py``, ``studio.py`` or
``heldout_render.py``. Products are built in metres in a 3-D scene from signed distance fields (rounded boxes,
capsules, capped cylinders, tori, ellipsoids, round cones, tubes swept along curves, woven lattices with real
openings, hollow shells, subtractions and smooth unions) and seen through a perspective camera. Every sample
is sphere-traced: a coarse cone-marching pass certifies how far each tile of rays can safely travel, then each
supersampled ray marches on from there, so that a 2000 px photo stays within seconds.

Shading: a hemispherical ambient (sky above, the floor's own colour bounced from below) with ambient
occlusion taken from the distance field, an area key light with soft shadows marched through the field,
Blinn specular, and a Schlick-Fresnel reflection of a studio environment (a softbox, a sky, the floor) that
makes rims bright. Textures are solid, evaluated at the 3-D hit point from hashed value noise and fBm (wood
rings, woven and basket-weave cloth projected tri-planar, linen slubs, bouclé grain, leather creases,
brushed metal, glaze speckle). Backdrops are real surfaces hit by the same rays: a seamless sweep with a
curved cove and light falloff, a painted wall over a plank floor with a skirting board, a draped linen cloth,
a coloured gradient sweep, a dark studio with a pool of light, and a wall with window light spilling over
it. Shadows on the backdrop are marched from its surface towards the light (soft, with contact occlusion);
a glossy floor reflects the product by marching the mirrored ray. Glass refracts a tinted view of what is
behind it, with Fresnel rims and a specular edge.

The camera then blurs the backdrop with its distance from the focal plane, softens the corners, darkens
them (vignetting), shifts red and blue slightly apart towards the edges (chromatic aberration), adds shot
and read noise and saves a JPEG at the photo's quality.

The truth is the product's coverage of each pixel, averaged over a supersampled grid: opaque parts count 1,
glass its opacity (above one half everywhere inside its silhouette, more at the rims, as in the other sets).
Shadows and reflections are not product. A product may reach past the frame: the truth is what the frame holds.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image

from imaging_eval.scenes import RenderedScene

Float = NDArray[np.float32]
Vec = tuple[float, float, float]
Field = Callable[[Float], Float]  # (N, 3) points -> (N,) signed distances (a lower bound is enough)

F32 = np.float32
BIG = F32(1e9)


def _v(x: Sequence[float]) -> Float:
    return np.asarray(x, F32)


def _len(p: Float) -> Float:
    return np.sqrt(p[:, 0] * p[:, 0] + p[:, 1] * p[:, 1] + p[:, 2] * p[:, 2])


def _unit(v: Sequence[float] | Float) -> Float:
    a = np.asarray(v, F32)
    return (a / max(1e-9, float(np.linalg.norm(a)))).astype(F32)


def _frame(axis: Sequence[float]) -> Float:
    """Rows u, v, w of an orthonormal frame whose w is ``axis``."""
    w = _unit(axis)
    helper = _v((1, 0, 0)) if abs(float(w[0])) < 0.9 else _v((0, 1, 0))
    u = _unit(np.cross(helper, w))
    return np.stack([u, np.cross(w, u).astype(F32), w]).astype(F32)


# ---------------------------------------------------------------------------------------------------------
# Distance fields


@dataclass(frozen=True)
class Solid:
    """A distance field with a bounding sphere (used to skip it where it cannot be the nearest)."""

    field: Field
    centre: Vec
    radius: float


def _bounds(points: Sequence[Sequence[float]], pad: float) -> tuple[Vec, float]:
    pts = np.asarray(points, np.float64)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    c = (lo + hi) / 2
    r = float(np.linalg.norm(pts - c, axis=1).max()) + pad
    return (float(c[0]), float(c[1]), float(c[2])), r


def ball(c: Vec, r: float) -> Solid:
    cc = _v(c)
    return Solid(lambda p: _len(p - cc) - F32(r), c, r)


def ellipsoid(c: Vec, radii: Vec, axis: Sequence[float] = (0, 0, 1)) -> Solid:
    """An ellipsoid whose third radius lies along ``axis`` (a bound: the field is scaled by the least radius)."""
    cc, rr, m = _v(c), _v(radii), _frame(axis)
    least = F32(min(radii))

    def f(p: Float) -> Float:
        q = ((p - cc) @ m.T) / rr
        return (_len(q) - 1) * least

    return Solid(f, c, max(radii))


def rounded_box(c: Vec, half: Vec, r: float = 0.0, yaw: float = 0.0, tilt: float = 0.0) -> Solid:
    """A box of half-extents ``half`` with edges rounded by ``r``, leant back by ``tilt`` degrees (its top away
    from the camera) and then turned by ``yaw`` degrees about the vertical."""
    cc, hh = _v(c), _v(half) - F32(r)
    a, b = np.radians(yaw), np.radians(tilt)
    turn = np.array([[np.cos(a), 0, np.sin(a)], [0, 1, 0], [-np.sin(a), 0, np.cos(a)]])
    lean = np.array([[1, 0, 0], [0, np.cos(b), np.sin(b)], [0, -np.sin(b), np.cos(b)]])
    rot = (turn @ lean).astype(F32)  # local to world

    def f(p: Float) -> Float:
        q = p - cc
        if yaw or tilt:
            q = q @ rot
        qx, qy, qz = np.abs(q[:, 0]) - hh[0], np.abs(q[:, 1]) - hh[1], np.abs(q[:, 2]) - hh[2]
        ox, oy, oz = np.maximum(qx, 0), np.maximum(qy, 0), np.maximum(qz, 0)
        outside = np.sqrt(ox * ox + oy * oy + oz * oz)
        inside = np.minimum(np.maximum(np.maximum(qx, qy), qz), 0)
        return outside + inside - F32(r)

    return Solid(f, c, float(np.linalg.norm(half)))


def blade(
    c: Vec, half: Vec, r: float, along: Sequence[float], across: Sequence[float] = (1, 0, 0), point: float = 0.0
) -> Solid:
    """A rounded slab (a leaf, a strap): half-extents ``half`` across, through and along it, its length on
    ``along`` and its width on ``across`` (made square to ``along``); it narrows to a point over the last
    ``point`` share of its length."""
    cc, hh = _v(c), _v(half) - F32(r)
    w = _unit(along)
    u = _v(across) - w * F32(float(_v(across) @ w))
    u = _unit(u if float(np.linalg.norm(u)) > 1e-6 else np.cross(w, _v((0, 1, 0))))
    m = np.stack([u, np.cross(w, u).astype(F32), w]).astype(F32)

    def f(p: Float) -> Float:
        q = (p - cc) @ m.T
        width = hh[0]
        if point:
            width = hh[0] * np.clip((hh[2] - q[:, 2]) / F32(point * 2 * hh[2]), 0, 1)
        qx, qy, qz = np.abs(q[:, 0]) - width, np.abs(q[:, 1]) - hh[1], np.abs(q[:, 2]) - hh[2]
        ox, oy, oz = np.maximum(qx, 0), np.maximum(qy, 0), np.maximum(qz, 0)
        inside = np.minimum(np.maximum(np.maximum(qx, qy), qz), 0)
        d = np.sqrt(ox * ox + oy * oy + oz * oz) + inside - F32(r)
        return d * F32(0.95) if point else d  # the narrowing steepens the field a little: step more carefully

    return Solid(f, c, float(np.linalg.norm(half)))


def capsule(a: Vec, b: Vec, r: float) -> Solid:
    aa, ba = _v(a), _v(b) - _v(a)
    bb = float(ba @ ba) or 1e-9

    def f(p: Float) -> Float:
        pa = p - aa
        h = np.clip(pa @ ba / F32(bb), 0, 1)
        return _len(pa - h[:, None] * ba) - F32(r)

    c, rad = _bounds([a, b], r)
    return Solid(f, c, rad)


def cylinder(a: Vec, b: Vec, r: float, round_edge: float = 0.0) -> Solid:
    """A capped cylinder from ``a`` to ``b`` of radius ``r``, its rims rounded by ``round_edge``."""
    aa, axis = _v(a), _unit(_v(b) - _v(a))
    half = float(np.linalg.norm(_v(b) - _v(a))) / 2
    mid = aa + axis * F32(half)

    def f(p: Float) -> Float:
        q = p - mid
        h = q @ axis
        radial = _len(q - h[:, None] * axis)
        dr, dh = radial - F32(r - round_edge), np.abs(h) - F32(half - round_edge)
        outside = np.sqrt(np.maximum(dr, 0) ** 2 + np.maximum(dh, 0) ** 2)
        return outside + np.minimum(np.maximum(dr, dh), 0) - F32(round_edge)

    c, rad = _bounds([a, b], r)
    return Solid(f, c, rad)


def torus(c: Vec, major: float, minor: float, axis: Sequence[float] = (0, 1, 0)) -> Solid:
    cc, w = _v(c), _unit(axis)

    def f(p: Float) -> Float:
        q = p - cc
        h = q @ w
        radial = _len(q - h[:, None] * w)
        return np.sqrt((radial - F32(major)) ** 2 + h * h) - F32(minor)

    return Solid(f, c, major + minor)


def round_cone(a: Vec, b: Vec, ra: float, rb: float) -> Solid:
    """Two spheres (radius ``ra`` at ``a``, ``rb`` at ``b``) and the cone tangent to both."""
    aa, ba = _v(a), _v(b) - _v(a)
    l2 = float(ba @ ba)
    rr = ra - rb
    a2 = l2 - rr * rr
    il2 = 1.0 / l2

    def f(p: Float) -> Float:
        pa = p - aa
        y = pa @ ba
        z = y - F32(l2)
        xv = pa * F32(l2) - y[:, None] * ba
        x2 = np.einsum("ij,ij->i", xv, xv)
        y2, z2 = y * y * F32(l2), z * z * F32(l2)
        k = np.sign(rr) * rr * rr * x2
        end_b = np.sign(z) * a2 * z2 > k
        end_a = np.sign(y) * a2 * y2 < k
        side = (np.sqrt(np.maximum(x2 * a2 * il2, 0)) + y * rr) * il2 - ra
        return np.where(end_b, np.sqrt(x2 + z2) * il2 - rb, np.where(end_a, np.sqrt(x2 + y2) * il2 - ra, side)).astype(
            F32
        )

    c, rad = _bounds([a, b], max(ra, rb))
    return Solid(f, c, rad)


def _bezier(points: Sequence[Vec], n: int) -> NDArray[np.float64]:
    """Points along a Catmull-Rom spline through ``points``."""
    pts = np.asarray(points, np.float64)
    if len(pts) == 2:
        return np.linspace(pts[0], pts[1], 2)
    ext = np.concatenate([pts[:1] * 2 - pts[1:2], pts, pts[-1:] * 2 - pts[-2:-1]])
    out = []
    per = max(2, n // (len(pts) - 1))
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        for t in np.linspace(0, 1, per, endpoint=False):
            t2, t3 = t * t, t * t * t
            out.append(
                0.5
                * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (-p0 + 3 * p1 - 3 * p2 + p3) * t3)
            )
    out.append(pts[-1])
    return np.asarray(out)


def swept(points: Sequence[Vec], r: float, samples: int = 24) -> Solid:
    """A round tube of radius ``r`` swept along a smooth curve through ``points`` (cables, bent frames)."""
    path = _bezier(points, samples).astype(F32)
    a, b = path[:-1], path[1:]
    ba = b - a
    bb = np.maximum(np.einsum("ij,ij->i", ba, ba), 1e-12)

    # Runs of a few segments, each with a bounding sphere, so a point far from a run skips it.
    runs = []
    for start in range(0, len(a), 4):
        stop = min(len(a), start + 4)
        c, rad = _bounds(path[start : stop + 1].tolist(), 0.0)
        runs.append((start, stop, _v(c), F32(rad)))

    def run_distance(sub: Float, start: int, stop: int, near: Float) -> Float:
        for i in range(start, stop):
            pa = sub - a[i]
            h = np.clip(pa @ ba[i] / bb[i], 0, 1)
            q = pa - h[:, None] * ba[i]
            near = np.minimum(near, q[:, 0] * q[:, 0] + q[:, 1] * q[:, 1] + q[:, 2] * q[:, 2])
        return near

    def f(p: Float) -> Float:
        # The run nearest by its bound first, then only the runs whose bound could still be nearer.
        gaps = np.stack([np.maximum(_len(p - c) - rad, 0) for _, _, c, rad in runs], axis=1)
        first = gaps.argmin(axis=1)
        best = np.full(len(p), BIG, F32)  # squared distance to the centre line
        for j, (start, stop, _, _) in enumerate(runs):
            idx = np.nonzero(first == j)[0]
            if idx.size:
                best[idx] = run_distance(p[idx], start, stop, best[idx])
        for j, (start, stop, _, _) in enumerate(runs):
            idx = np.nonzero((gaps[:, j] ** 2 < best) & (first != j))[0]
            if idx.size:
                best[idx] = run_distance(p[idx], start, stop, best[idx])
        return np.sqrt(best) - F32(r)

    c, rad = _bounds(path.tolist(), r)
    return Solid(f, c, rad)


def lattice(c: Vec, half_u: float, half_v: float, normal: Sequence[float], pitch: float, strand: float) -> Solid:
    """A flat panel of cane webbing: strands along two directions, over and under, with open squares between."""
    cc, m = _v(c), _frame(normal)

    def f(p: Float) -> Float:
        q = (p - cc) @ m.T
        x, y, z = q[:, 0], q[:, 1], q[:, 2]
        dy = y - F32(pitch) * np.round(y / pitch)
        dx = x - F32(pitch) * np.round(x / pitch)
        wave_u = F32(strand * 0.6) * np.sin(np.pi * x / pitch)
        wave_v = -F32(strand * 0.6) * np.sin(np.pi * y / pitch)
        along_u = np.sqrt(dy * dy + (z - wave_u) ** 2) - F32(strand)
        along_v = np.sqrt(dx * dx + (z - wave_v) ** 2) - F32(strand)
        web = np.minimum(along_u, along_v)
        edge = np.maximum(np.abs(x) - F32(half_u), np.abs(y) - F32(half_v))
        return np.maximum(web, edge).astype(F32)

    return Solid(f, c, float(np.hypot(half_u, half_v)) + 3 * strand)


def shell(s: Solid, thickness: float) -> Solid:
    """The solid hollowed to a wall of ``thickness`` (centred on its surface)."""
    return Solid(lambda p: np.abs(s.field(p)) - F32(thickness / 2), s.centre, s.radius + thickness)


def cut(s: Solid, *others: Solid) -> Solid:
    """``s`` with ``others`` taken away."""

    def f(p: Float) -> Float:
        d = s.field(p)
        for o in others:
            d = np.maximum(d, -o.field(p))
        return d

    return Solid(f, s.centre, s.radius)


def below(s: Solid, height: float) -> Solid:
    """``s`` where it is under ``height`` (a rim cut level)."""
    return Solid(lambda p: np.maximum(s.field(p), p[:, 1] - F32(height)), s.centre, s.radius)


def above(s: Solid, height: float) -> Solid:
    return Solid(lambda p: np.maximum(s.field(p), F32(height) - p[:, 1]), s.centre, s.radius)


def blend(k: float, *parts: Solid) -> Solid:
    """A smooth union of ``parts`` (fillets of about ``k`` where they meet)."""

    def f(p: Float) -> Float:
        d = parts[0].field(p)
        for s in parts[1:]:
            e = s.field(p)
            h = np.clip(0.5 + 0.5 * (e - d) / k, 0, 1)
            d = e * (1 - h) + d * h - F32(k) * h * (1 - h)
        return d.astype(F32)

    c, r = _bounds([s.centre for s in parts], max(s.radius for s in parts))
    return Solid(f, c, r)


# ---------------------------------------------------------------------------------------------------------
# Materials and solid textures


@dataclass(frozen=True)
class Finish:
    colour: Vec
    pattern: str = "plain"  # plain | wood | weave | basket | linen | boucle | leather | brushed | speckle | knit
    scale: float = 0.01  # the pattern's period in metres
    second: Vec | None = None  # the pattern's other colour
    gloss: float = 0.05  # specular strength
    shine: float = 20.0
    metal: float = 0.0  # share of the colour that is the environment's reflection
    glass: float = 0.0  # 0 opaque; else the opacity face on (rims more opaque), above one half
    tint: Vec = (1.0, 1.0, 1.0)  # the colour glass gives what is seen through it
    grain_axis: Vec = (0.0, 1.0, 0.0)  # wood: the direction the grain runs


@dataclass(frozen=True)
class Part:
    solid: Solid
    finish: Finish


def _hash3(ix: NDArray[np.int64], iy: NDArray[np.int64], iz: NDArray[np.int64], seed: int) -> Float:
    h = (ix.astype(np.uint32) * np.uint32(374761393)) ^ (iy.astype(np.uint32) * np.uint32(668265263))
    h = h ^ (iz.astype(np.uint32) * np.uint32(2246822519)) ^ np.uint32(seed * 3266489917 & 0xFFFFFFFF)
    h = (h ^ (h >> np.uint32(13))) * np.uint32(1274126177)
    h = h ^ (h >> np.uint32(16))
    return (h & np.uint32(0xFFFFFF)).astype(F32) / F32(0xFFFFFF)


def value_noise(p: Float, seed: int = 0) -> Float:
    """Smoothly interpolated hashed lattice values in [0, 1] at (N, 3) points."""
    fl = np.floor(p)
    i = fl.astype(np.int64)
    f = (p - fl).astype(F32)
    u = f * f * (3 - 2 * f)
    out = np.zeros(len(p), F32)
    for dx in (0, 1):
        wx = u[:, 0] if dx else 1 - u[:, 0]
        for dy in (0, 1):
            wy = u[:, 1] if dy else 1 - u[:, 1]
            for dz in (0, 1):
                wz = u[:, 2] if dz else 1 - u[:, 2]
                out += wx * wy * wz * _hash3(i[:, 0] + dx, i[:, 1] + dy, i[:, 2] + dz, seed)
    return out


def fbm(p: Float, octaves: int = 3, seed: int = 0) -> Float:
    """Fractal sum of value noise, about zero mean, amplitude about one half."""
    out = np.zeros(len(p), F32)
    amp, scale = 0.5, 1.0
    for k in range(octaves):
        out += F32(amp) * (value_noise(p * F32(scale), seed + 17 * k) - 0.5)
        amp, scale = amp * 0.5, scale * 2.03
    return out * 2


def _weave(u: Float, v: Float, period: float) -> Float:
    """A plain weave on plane coordinates: threads over and under, in [0, 1]."""
    a, b = u / period, v / period
    cell = (np.floor(a) + np.floor(b)).astype(np.int64) % 2
    thread_u = np.abs(np.sin(np.pi * b)) ** 0.6  # across the weft
    thread_v = np.abs(np.sin(np.pi * a)) ** 0.6
    return np.where(cell == 0, thread_u, thread_v).astype(F32)


def _triplanar(p: Float, n: Float, fn: Callable[[Float, Float], Float]) -> Float:
    w = np.abs(n) ** 4
    w = w / np.maximum(w.sum(axis=1, keepdims=True), 1e-6)
    return (w[:, 0] * fn(p[:, 1], p[:, 2]) + w[:, 1] * fn(p[:, 0], p[:, 2]) + w[:, 2] * fn(p[:, 0], p[:, 1])).astype(
        F32
    )


def albedo(fin: Finish, p: Float, n: Float, seed: int) -> Float:
    """The colour of the surface at hit points ``p`` with normals ``n``, before light."""
    base = np.broadcast_to(_v(fin.colour), (len(p), 3)).astype(F32)
    other = _v(fin.second) if fin.second is not None else base[:1] * F32(0.75)
    s = fin.scale
    if fin.pattern == "wood":
        axis = _frame(fin.grain_axis)
        q = p @ axis.T
        warp = fbm(q * F32(1 / (8 * s)) * _v((1, 1, 0.15)), 3, seed)
        rings = np.sqrt(q[:, 0] ** 2 + (q[:, 1] + 0.3) ** 2) / s + 2.5 * warp
        band = (0.5 + 0.5 * np.sin(2 * np.pi * rings)) ** 3
        streak = value_noise(q * F32(1 / s) * _v((6, 6, 0.2)), seed + 5)
        t = np.clip(0.6 * band + 0.3 * streak, 0, 1)[:, None]
        return (base * (1 - t) + other * t).astype(F32)
    if fin.pattern in ("weave", "basket", "linen"):
        period = s if fin.pattern != "basket" else 2 * s

        def pattern(a: Float, b: Float) -> Float:
            if fin.pattern == "basket":
                return _weave(np.floor(a / s) * s * 0.5 + a * 0.5, np.floor(b / s) * s * 0.5 + b * 0.5, period)
            return _weave(a, b, period)

        t = _triplanar(p, n, pattern)
        slub = fbm(p * F32(1 / (4 * s)) * _v((1, 8, 1)), 2, seed) if fin.pattern == "linen" else 0
        shade = (0.78 + 0.22 * t + 0.12 * slub)[:, None]
        mix = np.clip(0.5 + (t - 0.5) * 0.8, 0, 1)[:, None] if fin.second is not None else 0
        return (base * (1 - mix) + other * mix) * shade
    if fin.pattern == "boucle":
        loops = value_noise(p * F32(1 / s), seed) + 0.5 * value_noise(p * F32(2.2 / s), seed + 1)
        return base * (0.72 + 0.28 * np.clip(loops / 1.5, 0, 1) ** 0.7)[:, None]
    if fin.pattern == "knit":

        def stitch(a: Float, b: Float) -> Float:
            col = np.abs((a / s) % 1 - 0.5) * 2
            return 0.5 + 0.5 * np.sin(2 * np.pi * (b / (0.8 * s) + 0.5 * col))

        return base * (0.75 + 0.25 * _triplanar(p, n, stitch))[:, None]
    if fin.pattern == "leather":
        crease = np.abs(fbm(p * F32(1 / s), 3, seed))
        return base * (0.8 + 0.2 * np.clip(crease * 3, 0, 1))[:, None]
    if fin.pattern == "brushed":
        streak = value_noise(p * F32(1 / s) * _v((0.05, 40, 40)), seed)
        return base * (0.88 + 0.12 * streak)[:, None]
    if fin.pattern == "speckle":
        dots = value_noise(p * F32(1 / s), seed) > 0.86
        return np.where(dots[:, None], other, base * (0.95 + 0.05 * fbm(p * F32(0.3 / s), 2, seed))[:, None])
    return base.copy()


# ---------------------------------------------------------------------------------------------------------
# The scene


@dataclass(frozen=True)
class Camera:
    eye: Vec
    target: Vec
    fov: float = 30.0  # vertical field of view, degrees
    focus_blur: float = 1.2  # backdrop blur per metre behind the focal plane, in pixels at 1000 px


@dataclass(frozen=True)
class Light:
    towards: Vec = (-0.5, 0.8, 0.6)  # the direction to the key light (x right, y up, z to the camera)
    size: float = 0.12  # its angular radius, radians (a bigger light, a softer shadow)
    colour: Vec = (1.0, 0.97, 0.92)
    power: float = 0.85
    sky: Vec = (0.50, 0.52, 0.56)  # the ambient from above
    bounce: float = 0.45  # how much of the floor's colour lights the product from below


@dataclass(frozen=True)
class Backdrop:
    kind: str  # sweep | wall_floor | linen | gradient | dark | window
    wall: Vec
    floor: Vec | None = None  # the floor's colour where it differs from the wall's
    distance: float = 1.2  # how far behind the product (z) the wall stands
    cove: float = 0.6  # sweep: the radius of the curve joining floor and wall
    gloss: float = 0.0  # a glossy floor reflects the product
    second: Vec | None = None  # gradient: the colour towards the top; window: the spill's colour
    plank: float = 0.16  # wall_floor: board width, metres


@dataclass(frozen=True)
class Lens:
    blur: float = 0.5  # overall softness, pixels at 1000 px
    corner_blur: float = 0.8  # extra softness towards the corners
    vignette: float = 0.25
    aberration: float = 0.0012  # red and blue scaled apart by this share at the corners
    noise: float = 0.012
    quality: int = 88


@dataclass(frozen=True)
class Photo:
    name: str
    kind: str
    parts: tuple[Part, ...]
    backdrop: Backdrop
    camera: Camera
    size: tuple[int, int]  # width, height in pixels
    light: Light = field(default_factory=Light)
    lens: Lens = field(default_factory=Lens)
    shadow: float = 0.75  # the cast shadow's strength
    seed: int = 0
    notes: str = ""


class _Scene:
    """The parts split into opaque and glass, with what marching them needs."""

    def __init__(self, parts: Sequence[Part]) -> None:
        order = sorted(parts, key=lambda part: -part.solid.radius)
        self.parts = list(order)
        self.centres = np.asarray([p.solid.centre for p in self.parts], F32).reshape(-1, 3)
        self.radii = np.asarray([p.solid.radius for p in self.parts], F32)
        if self.parts:
            c, r = _bounds(self.centres.tolist(), 0.0)
            r = max(float(np.linalg.norm(self.centres[i] - _v(c))) + self.radii[i] for i in range(len(self.parts)))
            self.centre, self.radius = _v(c), F32(r)
        else:
            self.centre, self.radius = _v((0, 0, 0)), F32(0)

    def distance(self, p: Float) -> Float:
        """The scene's field at ``p``: the part whose bounding sphere is nearest first, then only the parts
        whose bounding sphere is nearer than the distance found so far."""
        d = np.full(len(p), BIG, F32)
        if not self.parts or not len(p):
            return d
        bounds = np.stack([_len(p - self.centres[i]) - self.radii[i] for i in range(len(self.parts))], axis=1)
        first = bounds.argmin(axis=1)
        for i, part in enumerate(self.parts):
            idx = np.nonzero(first == i)[0]
            if idx.size:
                d[idx] = part.solid.field(p[idx])
        for i, part in enumerate(self.parts):
            idx = np.nonzero((bounds[:, i] < d) & (first != i))[0]
            if idx.size:
                d[idx] = np.minimum(d[idx], part.solid.field(p[idx]))
        return d

    def nearest(self, p: Float, reach: float) -> NDArray[np.int64]:
        """Which part each point (on a surface) belongs to."""
        best = np.full(len(p), BIG, F32)
        which = np.zeros(len(p), np.int64)
        for i, part in enumerate(self.parts):
            bound = _len(p - self.centres[i]) - self.radii[i]
            idx = np.nonzero(bound < reach)[0]
            if not idx.size:
                continue
            d = part.solid.field(p[idx])
            better = d < best[idx]
            best[idx[better]] = d[better]
            which[idx[better]] = i
        return which

    def span(self, o: Float, d: Float) -> tuple[Float, Float]:
        """Where rays enter and leave the scene's bounding sphere (leave < 0: missed)."""
        oc = o - self.centre
        b = d @ oc if d.ndim == 1 else np.einsum("ij,j->i", d, oc) if oc.ndim == 1 else np.einsum("ij,ij->i", d, oc)
        cc = (oc @ oc if oc.ndim == 1 else np.einsum("ij,ij->i", oc, oc)) - self.radius**2
        disc = b * b - cc
        root = np.sqrt(np.maximum(disc, 0))
        enter, leave = -b - root, -b + root
        leave = np.where(disc > 0, leave, -1)
        return np.maximum(enter, 0).astype(F32), leave.astype(F32)


def _march(
    scene: _Scene, o: Float, d: Float, t0: Float, t1: Float, eps: Float, steps: int
) -> tuple[NDArray[np.bool_], Float]:
    """Sphere tracing from ``t0``: which rays hit (within ``eps`` times their distance) and where."""
    t = t0.copy()
    hit = np.zeros(len(t), bool)
    active = np.nonzero(t1 > t0)[0]
    last = np.full(len(t), BIG, F32)
    # Rays still going after ``steps`` are mostly creeping into a crease between two parts: they go on with a
    # looser tolerance, and any left after that are taken to have hit.
    for step in range(steps * 2):
        if not active.size:
            break
        dist = scene.distance((o[active] if o.ndim == 2 else o) + t[active, None] * d[active])
        last[active] = dist
        loose = F32(1 if step < steps else 4)
        done = dist < eps[active] * t[active] * loose
        hit[active[done]] = True
        t[active] += np.where(done, 0, dist)
        active = active[~done & (t[active] < t1[active])]
    hit[active] = last[active] < 16 * eps[active] * t[active]
    return hit, t


def _cone_start(scene: _Scene, o: Float, d: Float, t0: Float, t1: Float, spread: float) -> tuple[Float, Float]:
    """Cone marching: how far each cone of rays (half-angle tangent ``spread``) is certainly empty; the far
    end is BIG where the whole cone passes the product by."""
    t = t0.copy()
    active = np.nonzero(t1 > t0)[0]
    stop = np.full(len(t), BIG, F32)
    for _ in range(64):
        if not active.size:
            break
        dist = scene.distance(o + t[active, None] * d[active])
        r = F32(spread) * t[active]
        done = dist < r * 1.05 + 1e-4
        stop[active[done]] = t[active[done]]
        t[active] += np.maximum(dist - r, 0) / F32(1 + spread)
        active = active[~done & (t[active] < t1[active])]
    stop[active] = t[active]
    return stop, t1


class _Rays:
    def __init__(self, cam: Camera, w: int, h: int) -> None:
        self.eye = _v(cam.eye)
        fwd = _unit(_v(cam.target) - self.eye)
        right = _unit(np.cross(fwd, _v((0, 1, 0))))
        up = np.cross(right, fwd).astype(F32)
        self.tan = float(np.tan(np.radians(cam.fov) / 2))
        self.w, self.h = w, h
        self.fwd, self.right, self.up = fwd, right, up

    def through(self, xs: Float, ys: Float) -> Float:
        """Unit directions through image points (pixels of a ``w`` x ``h`` image)."""
        px = (xs / self.w * 2 - 1) * self.tan * self.w / self.h
        py = (1 - ys / self.h * 2) * self.tan
        d = self.fwd + px[:, None] * self.right + py[:, None] * self.up
        return (d / _len(d)[:, None]).astype(F32)

    def pixel_angle(self) -> float:
        return 2 * self.tan / self.h


def _trace(scene: _Scene, rays: _Rays, tile: int) -> tuple[NDArray[np.bool_], Float, NDArray[np.int64]]:
    """Every pixel of ``rays``' grid: hit or not and the distance along its ray; cone-marched per tile."""
    w, h = rays.w, rays.h
    ty, tx = (h + tile - 1) // tile, (w + tile - 1) // tile
    gy, gx = np.mgrid[:ty, :tx].astype(F32)
    cd = rays.through(((gx + 0.5) * tile).ravel(), ((gy + 0.5) * tile).ravel())
    t0, t1 = scene.span(rays.eye, cd)
    spread = rays.pixel_angle() * tile * 0.75
    start, _ = _cone_start(scene, rays.eye, cd, t0, t1, spread)
    busy = np.nonzero(start < BIG)[0]
    # The rays of the tiles a cone could not clear.
    oy, ox = np.mgrid[:tile, :tile]
    py = (busy // tx)[:, None] * tile + oy.ravel()[None, :]
    px = (busy % tx)[:, None] * tile + ox.ravel()[None, :]
    starts = np.repeat(start[busy], tile * tile)
    py, px = py.ravel(), px.ravel()
    inside = (py < h) & (px < w)
    py, px, starts = py[inside], px[inside], starts[inside]
    dirs = rays.through(px.astype(F32) + 0.5, py.astype(F32) + 0.5)
    _, far = scene.span(rays.eye, dirs)
    eps = np.full(len(dirs), rays.pixel_angle() * 0.2, F32)
    hit, t = _march(scene, rays.eye, dirs, starts.astype(F32), far, eps, 96)
    flat = py * w + px
    return hit, t, flat


def _normals(scene: _Scene, which: NDArray[np.int64], p: Float, step: Float) -> Float:
    """Unit normals from the hit part's own field (tetrahedral differences)."""
    n = np.zeros_like(p)
    ks = _v([[1, -1, -1], [-1, -1, 1], [-1, 1, -1], [1, 1, 1]])
    for i in np.unique(which):
        idx = np.nonzero(which == i)[0]
        field_ = scene.parts[i].solid.field
        e = step[idx, None]
        for k in ks:
            n[idx] += k * field_(p[idx] + k * e)[:, None]
    return (n / np.maximum(_len(n), 1e-9)[:, None]).astype(F32)


def _soft_shadow(scene: _Scene, p: Float, towards: Float, size: float, steps: int = 28) -> Float:
    """How much of the key light reaches ``p`` (1 lit, 0 dark), penumbrae from the light's angular size."""
    lit = np.ones(len(p), F32)
    if not scene.parts or not len(p):
        return lit
    dirs = np.broadcast_to(towards, p.shape).astype(F32)
    t0, t1 = scene.span(p, dirs)
    active = np.nonzero(t1 > 0)[0]
    t = np.maximum(t0, F32(0.004 * float(scene.radius)))
    k = F32(1.0 / max(size, 1e-3))
    for _ in range(steps):
        if not active.size:
            break
        dist = scene.distance(p[active] + t[active, None] * towards)
        lit[active] = np.minimum(lit[active], np.clip(k * dist / t[active], 0, 1))
        t[active] += np.clip(dist, F32(0.003 * float(scene.radius)), F32(0.25 * float(scene.radius)))
        active = active[(lit[active] > 0.01) & (t[active] < t1[active])]
    s = np.clip(lit, 0, 1)
    return (s * s * (3 - 2 * s)).astype(F32)


def _occlusion(scene: _Scene, p: Float, n: Float, reach: float) -> Float:
    """Ambient occlusion from the field: how much nearby geometry crowds the normal."""
    occ = np.zeros(len(p), F32)
    if not scene.parts or not len(p):
        return np.ones(len(p), F32)
    near = np.nonzero(_len(p - scene.centre) < scene.radius + 2 * reach)[0]
    for i, hgt in enumerate((0.15, 0.35, 0.65, 1.0)):
        hh = F32(hgt * reach)
        dist = scene.distance(p[near] + n[near] * hh)
        occ[near] += (hh - np.clip(dist, 0, hh)) / hh * F32(0.5**i)
    return np.clip(1 - 0.55 * occ, 0, 1).astype(F32)


def _environment(r: Float, light: Light, floor: Float) -> Float:
    """What a shiny surface reflects: a softbox where the key is, a studio sky, the floor below."""
    lt = _unit(light.towards)
    up = np.clip(r[:, 1] * 2 + 0.3, 0, 1)[:, None]
    sky = _v(light.sky) * F32(1.1)
    base = floor[None, :] * F32(0.6) * (1 - up) + sky * up
    box = np.exp(-(((1 - np.clip(r @ lt, -1, 1)) / 0.04) ** 2))[:, None] * _v(light.colour) * F32(2.2)
    strip = np.exp(-(((r[:, 0] - 0.75) / 0.12) ** 2)) * (r[:, 1] > -0.1)
    return base + box + (strip[:, None] * F32(0.6))


# ---------------------------------------------------------------------------------------------------------
# Backdrops


def _backdrop_hit(b: Backdrop, o: Float, d: Float) -> tuple[Float, Float, Float, NDArray[np.bool_]]:
    """Where rays from ``o`` meet the backdrop: distance, point, normal, and whether it is the floor."""
    n_rays = len(d)
    zw = F32(-b.distance)
    big = np.full(n_rays, BIG, F32)
    down = d[:, 1] < -1e-6
    t_floor = np.where(down, -o[1] / np.where(down, d[:, 1], -1), big).astype(F32)
    back = d[:, 2] < -1e-6
    t_wall = np.where(back, (zw - o[2]) / np.where(back, d[:, 2], -1), big).astype(F32)
    p_floor = o + t_floor[:, None] * d
    on_floor = (t_floor < t_wall) & (p_floor[:, 2] > zw)
    t = np.where(on_floor, t_floor, t_wall)
    n = np.where(on_floor[:, None], _v((0, 1, 0)), _v((0, 0, 1))).astype(F32)
    if b.kind in ("sweep", "gradient", "dark", "linen") and b.cove > 0:
        # A quarter cylinder of radius ``cove`` joins the floor and the wall: the sweep has no corner.
        rc = F32(b.cove)
        cy, cz = rc, zw + rc
        oy, oz = F32(o[1]) - cy, F32(o[2]) - cz
        a = d[:, 1] ** 2 + d[:, 2] ** 2
        bb = 2 * (oy * d[:, 1] + oz * d[:, 2])
        c = oy * oy + oz * oz - rc * rc
        disc = bb * bb - 4 * a * c
        t_cyl = ((-bb + np.sqrt(np.maximum(disc, 0))) / np.maximum(2 * a, 1e-9)).astype(F32)  # the far side
        pc = o + t_cyl[:, None] * d
        in_cove = (disc > 0) & (pc[:, 1] < cy) & (pc[:, 2] < cz)
        t = np.where(in_cove, t_cyl, t)
        nc = np.stack([np.zeros(n_rays, F32), cy - pc[:, 1], cz - pc[:, 2]], axis=1) / rc
        n = np.where(in_cove[:, None], nc, n).astype(F32)
        on_floor = on_floor & ~in_cove
    p = o + t[:, None] * d
    return t, p.astype(F32), n, on_floor


def _backdrop_colour(b: Backdrop, p: Float, n: Float, on_floor: NDArray[np.bool_], seed: int) -> Float:
    """The backdrop's own colour at points ``p`` (before the key light, shadows and reflections)."""
    wall = _v(b.wall)
    floor = _v(b.floor) if b.floor is not None else wall
    col = np.where(on_floor[:, None], floor, wall).astype(F32)
    height = np.clip(p[:, 1], 0, None)
    if b.kind == "gradient" and b.second is not None:
        t = np.clip(height / 2.2, 0, 1) ** 0.8
        col = col * (1 - t[:, None]) + _v(b.second) * t[:, None]
    if b.kind == "wall_floor":
        board = np.floor(p[:, 0] / b.plank)
        tone = value_noise(np.stack([board, board * 0.37, board * 0.11], axis=1).astype(F32) + 0.5, seed)
        grain = fbm(np.stack([p[:, 0] * 60, p[:, 1], p[:, 2] * 3], axis=1).astype(F32), 3, seed + 9)
        stagger = np.floor(p[:, 2] / 1.8 + tone * 7)
        seam_x = np.abs(p[:, 0] / b.plank - np.round(p[:, 0] / b.plank)) * b.plank
        seam_z = np.abs(p[:, 2] / 1.8 + tone * 7 - np.round(p[:, 2] / 1.8 + tone * 7)) * 1.8
        seam = np.exp(-((np.minimum(seam_x, seam_z * (stagger % 2 + 0.5)) / 0.0025) ** 2))
        wood = floor * (0.85 + 0.25 * tone[:, None] + 0.12 * grain[:, None]) * (1 - 0.5 * seam[:, None])
        paint = wall * (1 + 0.015 * fbm(p * F32(25), 2, seed + 3))[:, None]
        skirting = (~on_floor) & (height < 0.09)
        col = np.where(on_floor[:, None], wood, np.where(skirting[:, None], _v((0.93, 0.92, 0.9)), paint))
    elif b.kind == "linen":
        # The cloth's own coordinates: across it, and along it from the front edge up the wall.
        u = p[:, 0]
        v = np.where(on_floor, p[:, 2], -p[:, 1])
        zero = np.zeros_like(u)
        weave = _weave(u, v, 0.0035)
        slub = fbm(np.stack([u * 30, v * 300, zero], axis=1).astype(F32), 2, seed)
        wrinkle = fbm(np.stack([u * 3, v * 1.5, zero + 0.5], axis=1).astype(F32), 3, seed + 1)
        col = col * (0.9 + 0.08 * weave + 0.05 * slub + 0.06 * wrinkle)[:, None]
    elif b.kind in ("sweep", "dark", "window"):
        col = col * (1 + 0.012 * fbm(p * F32(40), 2, seed + 4))[:, None]
    return col.astype(F32)


def _backdrop_light(b: Backdrop, light: Light, p: Float, n: Float, seed: int) -> Float:
    """How lit each backdrop point is before shadows: the key's falloff, a pool of light, window panes."""
    lt = _unit(light.towards)
    facing = np.clip(n @ lt, 0, 1)
    height = np.clip(p[:, 1], 0, None)
    lit = 0.55 + 0.45 * facing
    lit = lit * (1 - 0.25 * np.clip(height / 2.5, 0, 1))  # the sweep darkens upwards, away from the lights
    lit = lit * (1 - 0.18 * np.clip(np.abs(p[:, 0]) / 2.5, 0, 1) ** 2)
    if b.kind == "dark":
        r = np.hypot(p[:, 0] * 0.8, (p[:, 1] - 0.8) * 1.1)
        lit = lit * (0.35 + 0.9 * np.exp(-((r / 1.1) ** 2)))
    if b.kind == "window":
        # The window is a plane far off towards the light; a point sees its panes through the mullions.
        far = p + lt[None, :] * F32(4.0)
        axis = _frame(lt)
        q = far @ axis.T
        pane_u = np.abs((q[:, 0] + 0.3) / 0.55 - np.round((q[:, 0] + 0.3) / 0.55))
        pane_v = np.abs((q[:, 1] - 0.2) / 0.7 - np.round((q[:, 1] - 0.2) / 0.7))
        soft = 0.02 + 0.01 * height
        bars = np.clip((pane_u - 0.04) / (soft * 4), 0, 1) * np.clip((pane_v - 0.04) / (soft * 4), 0, 1)
        extent = np.clip(1.2 - np.abs(q[:, 0] - 0.3) / 1.1, 0, 1) * np.clip(1.4 - np.abs(q[:, 1]) / 1.2, 0, 1)
        lit = lit * (0.7 + 0.55 * bars * extent)
    return lit.astype(F32)


# ---------------------------------------------------------------------------------------------------------
# Rendering


def _shade(
    scene: _Scene,
    shadow_scene: _Scene,
    p: Float,
    d: Float,
    which: NDArray[np.int64],
    step: Float,
    photo: Photo,
    floor_colour: Float,
    *,
    cheap: bool = False,
    groups: NDArray[np.int64] | None = None,
) -> tuple[Float, Float, Float]:
    """Colour of product hit points seen along ``d``; also their normals and the Fresnel term."""
    light = photo.light
    n = _normals(scene, which, p, step)
    v = -d
    ndv = np.clip(np.einsum("ij,ij->i", n, v), 0, 1)
    lt = _unit(light.towards)
    alb = np.zeros_like(p)
    for i in np.unique(which):
        idx = np.nonzero(which == i)[0]
        alb[idx] = albedo(scene.parts[i].finish, p[idx], n[idx], photo.seed + int(i))
    finishes = [scene.parts[i].finish for i in range(len(scene.parts))]
    gloss = _v([f.gloss for f in finishes])[which]
    shine = _v([f.shine for f in finishes])[which]
    metal = _v([f.metal for f in finishes])[which]
    reach = 0.06 * float(scene.radius)
    if cheap:
        sh = np.ones(len(p), F32)
        ao = np.ones(len(p), F32)
    else:
        # Shadow and occlusion vary slowly: worked out once per output pixel (its first sample that hit).
        first, back = (
            np.unique(groups, return_index=True, return_inverse=True)[1:]
            if groups is not None
            else (np.arange(len(p)), np.arange(len(p)))
        )
        lift = p[first] + n[first] * (step[first, None] * 4)
        sh = _soft_shadow(shadow_scene, lift, lt, light.size, 20)[back]
        ao = _occlusion(shadow_scene, lift, n[first], reach)[back]
        # Ambient light from the floor reaches the underside less near the floor.
        ao = ao * (0.75 + 0.25 * np.clip(p[:, 1] / (0.3 * float(scene.radius) + 1e-6), 0, 1))
    ndl = np.clip(n @ lt, 0, 1)
    up = np.clip(0.5 + 0.5 * n[:, 1], 0, 1)[:, None]
    hemi = _v(light.sky) * up + floor_colour * F32(light.bounce) * (1 - up)
    key = _v(light.colour) * F32(light.power)
    diffuse = alb * (key * (ndl * sh)[:, None] + hemi * ao[:, None])
    half = lt[None, :] + v
    half = half / np.maximum(_len(half), 1e-6)[:, None]
    spec = (np.clip(np.einsum("ij,ij->i", n, half), 0, 1) ** shine) * gloss * sh
    fres = F32(0.04) + F32(0.96) * (1 - ndv) ** 5
    refl = v - 2 * (np.einsum("ij,ij->i", v, n))[:, None] * n
    refl = -refl
    env = _environment(refl, light, floor_colour)
    colour = diffuse + key * spec[:, None]
    colour += env * (fres * np.clip(gloss * 2, 0.05, 1) * ao)[:, None]
    colour = colour * (1 - metal[:, None]) + env * alb * metal[:, None] * (0.6 + 0.4 * ao[:, None])
    return colour.astype(F32), n, fres


def _blur(img: Float, sigma: float) -> Float:
    if sigma < 0.3:
        return img
    k = max(1, int(sigma // 6))
    if k == 1:
        return np.asarray(cv2.GaussianBlur(img, (0, 0), sigma), F32)
    h, w = img.shape[:2]
    small = cv2.resize(img, (max(1, w // k), max(1, h // k)), interpolation=cv2.INTER_AREA)
    return np.asarray(cv2.resize(cv2.GaussianBlur(small, (0, 0), sigma / k), (w, h)), F32)


def render_photo(photo: Photo) -> RenderedScene:
    """The JPEG a merchant would upload and the exact alpha of its product."""
    rng = np.random.default_rng(photo.seed)
    w, h = photo.size
    ss = 3 if max(w, h) <= 900 else 2
    sw, sh = w * ss, h * ss
    opaque = _Scene([p for p in photo.parts if not p.finish.glass])
    glassy = _Scene([p for p in photo.parts if p.finish.glass])
    everything = _Scene(photo.parts)
    b = photo.backdrop
    floor_colour = _v(b.floor if b.floor is not None else b.wall)
    eye = _v(photo.camera.eye)

    # The backdrop at the output size, with its shadows and reflections (worked out at a lower size).
    rays = _Rays(photo.camera, w, h)
    gy, gx = np.mgrid[:h, :w].astype(F32)
    bd = rays.through(gx.ravel() + 0.5, gy.ravel() + 0.5)
    bt, bp, bn, on_floor = _backdrop_hit(b, eye, bd)
    base = _backdrop_colour(b, bp, bn, on_floor, photo.seed)
    lighting = _backdrop_light(b, photo.light, bp, bn, photo.seed)
    low = max(1, round(max(w, h) / 480))
    lw, lh = (w + low - 1) // low, (h + low - 1) // low
    ly, lx = np.mgrid[:lh, :lw].astype(F32)
    lrays = _Rays(photo.camera, lw, lh)
    ld = lrays.through(lx.ravel() + 0.5, ly.ravel() + 0.5)
    _, lp, ln, lfloor = _backdrop_hit(b, eye, ld)
    lt = _unit(photo.light.towards)
    lift = lp + ln * F32(0.002)
    light_seen = _soft_shadow(opaque, lift, lt, photo.light.size)
    if glassy.parts:
        light_seen *= 1 - 0.45 * (1 - _soft_shadow(glassy, lift, lt, photo.light.size))
    contact = _occlusion(everything, lift, ln, 0.08 * float(everything.radius))
    shade = (1 - photo.shadow * (1 - light_seen)) * (0.35 + 0.65 * contact)
    shade_img = cv2.resize(shade.reshape(lh, lw), (w, h), interpolation=cv2.INTER_LINEAR)
    bg = base * (lighting * shade_img.ravel())[:, None]
    bg = bg * (_v(photo.light.colour) * 0.35 + 0.75)
    if b.gloss > 0:
        # The floor mirrors the product: march the reflected rays, fade them with Fresnel and distance.
        reflected = ld * _v((1, -1, 1))
        hit, t = _march(everything, lp, reflected, *everything.span(lp, reflected), np.full(len(lp), 1e-3, F32), 64)
        hit &= lfloor
        mirror = np.zeros((len(lp), 3), F32)
        mask = np.zeros(len(lp), F32)
        if hit.any():
            idx = np.nonzero(hit)[0]
            hp = lp[idx] + t[idx, None] * reflected[idx]
            which = everything.nearest(hp, 0.01)
            col, _, _ = _shade(
                everything,
                opaque,
                hp,
                reflected[idx],
                which,
                np.full(len(idx), 1e-3, F32),
                photo,
                floor_colour,
                cheap=True,
            )
            mirror[idx] = col
            fres = 0.25 + 0.75 * (1 - np.clip(-ld[idx, 1], 0, 1)) ** 5
            mask[idx] = np.clip(b.gloss * fres * np.exp(-t[idx] / (1.6 * float(everything.radius))), 0, 1)
        mirror_img = cv2.GaussianBlur(mirror.reshape(lh, lw, 3), (0, 0), 0.8)
        mask_img = cv2.GaussianBlur(mask.reshape(lh, lw), (0, 0), 0.8)
        mirror_up = cv2.resize(mirror_img, (w, h)).reshape(-1, 3)
        mask_up = cv2.resize(mask_img, (w, h)).reshape(-1)
        bg = bg * (1 - mask_up[:, None]) + mirror_up * mask_up[:, None]
    bg_img = bg.reshape(h, w, 3)
    # The backdrop is behind the focal plane: the further, the softer.
    focus = float(np.linalg.norm(_v(photo.camera.target) - eye))
    depth = (bt.reshape(h, w) - focus).clip(0, None)
    scale = max(w, h) / 1000
    sharp, soft = bg_img, _blur(bg_img, photo.camera.focus_blur * 2.5 * scale)
    weight = np.clip(depth * photo.camera.focus_blur / 2.5, 0, 1)[..., None]
    bg_img = sharp * (1 - weight) + soft * weight

    # The product at the supersampled size.
    srays = _Rays(photo.camera, sw, sh)
    colour = np.zeros((sh * sw, 3), F32)
    cover = np.zeros(sh * sw, F32)
    truth = np.zeros(sh * sw, F32)
    depth_opaque = np.full(sh * sw, BIG, F32)
    tile = 8
    if opaque.parts:
        hit, t, flat = _trace(opaque, srays, tile)
        idx = flat[hit]
        dirs = srays.through((idx % sw).astype(F32) + 0.5, (idx // sw).astype(F32) + 0.5)
        pts = eye + t[hit, None] * dirs
        step = t[hit] * F32(srays.pixel_angle() * 0.5)
        which = opaque.nearest(pts, float(step.max()) * 4 + 1e-3)
        groups = (idx // sw // ss) * w + (idx % sw) // ss
        col, _, _ = _shade(opaque, opaque, pts, dirs, which, step, photo, floor_colour, groups=groups)
        colour[idx], cover[idx], truth[idx], depth_opaque[idx] = col, 1, 1, t[hit]
    if glassy.parts:
        # What the glass shows: the photo so far behind it, bent by refraction and tinted, plus its surface.
        behind = _down(colour, cover, sw, sh, ss)
        behind_img = behind[0] + bg_img * (1 - behind[1][..., None])
        hit, t, flat = _trace(glassy, srays, tile)
        front = hit & (t < depth_opaque[flat])
        idx = flat[front]
        dirs = srays.through((idx % sw).astype(F32) + 0.5, (idx // sw).astype(F32) + 0.5)
        pts = eye + t[front, None] * dirs
        step = t[front] * F32(srays.pixel_angle() * 0.5)
        which = glassy.nearest(pts, float(step.max()) * 4 + 1e-3 if len(step) else 1e-3)
        col, n, fres = _shade(glassy, opaque, pts, dirs, which, step, photo, floor_colour, cheap=True)
        base_opacity = _v([p.finish.glass for p in glassy.parts])[which]
        tint = _v([p.finish.tint for p in glassy.parts])[which]
        opacity = np.clip(base_opacity + (1 - base_opacity) * np.clip(fres * 4, 0, 1), 0, 1)
        bend = n[:, :2] * _v((1, -1)) * F32(0.035 * w)
        sx = (idx % sw).astype(F32) / ss + bend[:, 0]
        sy = (idx // sw).astype(F32) / ss + bend[:, 1]
        seen = _sample(behind_img, sx, sy)
        through = seen * tint * F32(0.92)
        surface = col
        mix = np.clip(opacity - base_opacity * 0.75, 0, 1)[:, None]  # face on, glass mostly shows the far side
        glass_col = through * (1 - mix) + surface * mix
        prior = truth[idx]
        colour[idx] = glass_col
        cover[idx] = 1
        truth[idx] = np.maximum(prior, opacity)

    premult, alpha_cover = _down(colour, cover, sw, sh, ss)
    alpha = cv2.resize(truth.reshape(sh, sw), (w, h), interpolation=cv2.INTER_AREA)
    img = premult + bg_img * (1 - alpha_cover[..., None])

    # The camera.
    img = _blur(img, photo.lens.blur * scale)
    r2 = (((gx + 0.5) / w - 0.5) ** 2 + ((gy + 0.5) / h - 0.5) ** 2 * (h / w) ** 2) / (0.25 * (1 + (h / w) ** 2))
    corner = np.clip(r2, 0, 1)[..., None]
    img = img * (1 - corner * 0.6) + _blur(img, photo.lens.corner_blur * 2 * scale) * (corner * 0.6)
    if photo.lens.aberration:
        ca = photo.lens.aberration
        cx, cy = w / 2, h / 2
        for ch, sign in ((0, 1.0), (2, -1.0)):
            k = 1 + sign * ca
            mx = ((gx - cx) / k + cx).astype(F32)
            my = ((gy - cy) / k + cy).astype(F32)
            img[..., ch] = cv2.remap(
                np.ascontiguousarray(img[..., ch]), mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
            )
    img = img * (1 - photo.lens.vignette * r2[..., None] ** 1.5)
    shot = rng.normal(0, 1, (h, w, 1)).astype(F32) * np.sqrt(np.clip(img, 0, 1)) * F32(photo.lens.noise)
    read = rng.normal(0, photo.lens.noise * 0.4, (h, w, 3)).astype(F32)
    img = np.clip(img, 0, 1) + shot + read
    rgb = np.clip(img * 255 + 0.5, 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "JPEG", quality=photo.lens.quality)
    decoded = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))
    rendered = RenderedScene(photo.name, decoded, np.clip(alpha, 0, 1).astype(F32), buf.getvalue(), photo.notes)
    rendered.extra["kind"] = photo.kind
    return rendered


def _sample(img: Float, xs: Float, ys: Float) -> Float:
    """Bilinear samples of ``img`` at pixel coordinates (any number of them)."""
    n = len(xs)
    cols = 4096
    rows = max(1, (n + cols - 1) // cols)
    mx = np.zeros(rows * cols, F32)
    my = np.zeros(rows * cols, F32)
    mx[:n], my[:n] = xs - 0.5, ys - 0.5
    out = cv2.remap(
        img, mx.reshape(rows, cols), my.reshape(rows, cols), cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT
    )
    return np.asarray(out.reshape(-1, 3)[:n], F32)


def _down(colour: Float, cover: Float, sw: int, sh: int, ss: int) -> tuple[Float, Float]:
    """Premultiplied colour and coverage averaged from the supersampled grid to the output size."""
    pre = (colour * cover[:, None]).reshape(sh, sw, 3)
    w, h = sw // ss, sh // ss
    return (
        np.asarray(cv2.resize(pre, (w, h), interpolation=cv2.INTER_AREA), F32),
        np.asarray(cv2.resize(cover.reshape(sh, sw), (w, h), interpolation=cv2.INTER_AREA), F32),
    )
