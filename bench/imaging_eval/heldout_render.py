"""The renderer of the held-out set (``heldout.py``): a third way of drawing product photos with exact alpha.

It shares no code with ``scenes.py`` or ``studio.py`` and draws differently on purpose. Parts are geometric
solids with analytic normals: surfaces of revolution (vases, bowls, pots, lamp bases), tubes along smooth
curves (legs, handles, cables, hoops), oblique boxes with three lit faces, pinched cushions and leaves. Materials
are procedural (knit, herringbone tweed, wood grain, marble, velvet sheen, suede, open rattan lattice whose
holes are real holes in the truth), chrome reflects a studio environment, and glass refracts the backdrop behind
it with Fresnel rims. Light is a 3-D key plus fill with a colour temperature; shadows are projected from the
silhouette and blurred with distance, with an occlusion line at the contact; glossy floors mirror the product.
The camera adds lens vignetting, sharpening halos, luminance and chroma noise, and JPEG at its own quality.

Coordinates are fractions of the frame (x of the width, y of the height; radii and widths of the width), so
a product may reach past the frame's edge: the truth is then only what the frame holds.
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
RGB = tuple[float, float, float]
Pt = tuple[float, float]
SUPER = 2  # drawn at twice the size and averaged down: the coverage of each pixel is its truth


@dataclass(frozen=True)
class Geometry:
    """A part drawn on a canvas: its coverage in {0, 1} at the supersampled size and unit normals."""

    mask: Float
    normal: Float  # H x W x 3, z towards the camera


Shape = Callable[[int, int], Geometry]


def _normalise(n: Float) -> Float:
    return (n / np.maximum(np.linalg.norm(n, axis=2, keepdims=True), 1e-6)).astype(np.float32)


def _refine(points: Sequence[Pt], rounds: int = 4, closed: bool = False) -> NDArray[np.float64]:
    """Chaikin corner cutting: a smooth curve through the control points."""
    pts = np.asarray(points, np.float64)
    for _ in range(rounds):
        nxt = np.roll(pts, -1, axis=0) if closed else pts[1:]
        cur = pts if closed else pts[:-1]
        q, r = 0.75 * cur + 0.25 * nxt, 0.25 * cur + 0.75 * nxt
        body = np.stack([q, r], axis=1).reshape(-1, 2)
        pts = body if closed else np.concatenate([pts[:1], body, pts[-1:]])
    return pts


def lathe(cx: float, top: float, bottom: float, profile: Sequence[tuple[float, float]]) -> Shape:
    """A surface of revolution: ``profile`` gives (t, radius) from the top (t=0) to the bottom (t=1)."""

    def draw(w: int, h: int) -> Geometry:
        ts, rs = zip(*_refine(profile, 3), strict=True)
        rows = np.arange(h, dtype=np.float32)
        t = (rows - top * h) / max(1.0, (bottom - top) * h)
        r = np.interp(t, ts, rs).astype(np.float32) * w
        r[(t < 0) | (t > 1)] = 0
        dr = np.gradient(r)
        x = np.arange(w, dtype=np.float32)[None, :] - cx * w
        u = x / np.maximum(r[:, None], 1e-3)
        mask = (np.abs(u) < 1) & (r[:, None] > 0.5)
        z = np.sqrt(np.clip(1 - u * u, 0, 1))
        n = np.stack([u, np.broadcast_to(-dr[:, None], u.shape), z], axis=2)
        return Geometry(mask.astype(np.float32), _normalise(n.astype(np.float32)))

    return draw


def tube(points: Sequence[Pt], width: float, *, closed: bool = False, smooth: int = 4) -> Shape:
    """A round rod of ``width`` along a smooth curve through ``points`` (a leg, a handle, a cable)."""

    def draw(w: int, h: int) -> Geometry:
        pts = _refine(points, smooth, closed) * (w, h)
        line = np.zeros((h, w), np.uint8)
        cv2.polylines(line, [pts.round().astype(np.int32)], closed, 255, 1)
        radius = max(1.0, width * w / 2)
        dist = cv2.distanceTransform(255 - line, cv2.DIST_L2, 5)
        mask = dist <= radius
        gy, gx = np.gradient(dist)
        s = np.clip(dist / radius, 0, 1)
        z = np.sqrt(np.clip(1 - s * s, 0, 1))
        n = np.stack([gx * s, gy * s, z], axis=2).astype(np.float32)
        return Geometry(mask.astype(np.float32), _normalise(n))

    return draw


def hoop(c: Pt, rx: float, ry: float, width: float, arc: tuple[float, float] = (0.0, 360.0)) -> Shape:
    """A tube bent into (part of) an ellipse: handles, chair hoops, foot rings."""
    a = np.radians(np.linspace(arc[0], arc[1], 90))
    closed = arc == (0.0, 360.0)
    pts = [(c[0] + rx * np.cos(t), c[1] + ry * np.sin(t)) for t in (a[:-1] if closed else a)]
    return tube(pts, width, closed=closed, smooth=1)


def box(x0: float, y0: float, x1: float, y1: float, dx: float, dy: float) -> Shape:
    """A box seen from slightly above and to one side: a front face, a top and a side face of ``dx``, ``dy``."""

    def draw(w: int, h: int) -> Geometry:
        mask = np.zeros((h, w), np.uint8)
        normal = np.zeros((h, w, 3), np.float32)
        a, b = (x0 * w, y0 * h), (x1 * w, y1 * h)
        ox, oy = dx * w, -dy * h
        side_x = b[0] if dx > 0 else a[0]
        faces = (
            ([(a[0], a[1]), (b[0], a[1]), (b[0] + ox, a[1] + oy), (a[0] + ox, a[1] + oy)], (0.0, -0.85, 0.5)),
            ([(side_x, a[1]), (side_x + ox, a[1] + oy), (side_x + ox, b[1] + oy), (side_x, b[1])], (0.8, 0, 0.6)),
            ([a, (b[0], a[1]), b, (a[0], b[1])], (0.0, 0.0, 1.0)),
        )
        for poly, nrm in faces:
            face = np.zeros((h, w), np.uint8)
            cv2.fillPoly(face, [np.round(poly).astype(np.int32)], 255)
            normal[face > 0] = nrm if nrm[0] == 0 or dx > 0 else (-nrm[0], nrm[1], nrm[2])
            mask |= face
        return Geometry((mask > 0).astype(np.float32), _normalise(normal + 1e-4 * np.array([0, 0, 1], np.float32)))

    return draw


def cushion(x0: float, y0: float, x1: float, y1: float, pinch: float = 0.06) -> Shape:
    """A stuffed cushion: corners pulled out, sides pinched in, puffed towards the middle."""

    def draw(w: int, h: int) -> Geometry:
        ys, xs = np.mgrid[:h, :w].astype(np.float32)
        u = (xs / w - x0) / (x1 - x0) * 2 - 1
        v = (ys / h - y0) / (y1 - y0) * 2 - 1
        # Each side bows inwards by ``pinch`` at its middle.
        limit_u = 1 - pinch * 2 * (1 - v * v)
        limit_v = 1 - pinch * 2 * (1 - u * u)
        mask = (np.abs(u) < limit_u) & (np.abs(v) < limit_v)
        height = np.clip(1 - np.abs(u / np.maximum(limit_u, 1e-3)) ** 3, 0, 1)
        height *= np.clip(1 - np.abs(v / np.maximum(limit_v, 1e-3)) ** 3, 0, 1)
        scale = 0.25 * min(x1 - x0, y1 - y0) * w
        gy, gx = np.gradient(height * scale)
        n = np.stack([-gx, -gy, np.ones_like(gx)], axis=2).astype(np.float32)
        return Geometry(mask.astype(np.float32), _normalise(n))

    return draw


def leaf(base: Pt, angle: float, length: float, width: float) -> Shape:
    """A lance-shaped leaf from ``base`` at ``angle`` degrees (0 = up), folded along its midrib."""

    def draw(w: int, h: int) -> Geometry:
        t = np.linspace(0, 1, 40)
        half = width * np.sin(np.pi * t) ** 0.8 * (1 - 0.3 * t)
        a = np.radians(angle)
        along, across = np.array([np.sin(a), -np.cos(a)]), np.array([np.cos(a), np.sin(a)])
        spine = np.asarray(base) * (w, h) + np.outer(t * length * w, along)
        outline = np.concatenate([spine + np.outer(half * w, across), (spine - np.outer(half * w, across))[::-1]])
        mask = np.zeros((h, w), np.uint8)
        cv2.fillPoly(mask, [outline.round().astype(np.int32)], 255)
        ys, xs = np.mgrid[:h, :w].astype(np.float32)
        side = np.sign((xs - base[0] * w) * across[0] + (ys - base[1] * h) * across[1])
        n = np.zeros((h, w, 3), np.float32)
        n[..., 0], n[..., 1], n[..., 2] = 0.35 * side * across[0], 0.35 * side * across[1], 1.0
        return Geometry((mask > 0).astype(np.float32), _normalise(n))

    return draw


@dataclass(frozen=True)
class Material:
    colour: RGB
    texture: str = "none"  # knit | tweed | wood | marble | velvet | suede | rattan | none
    scale: float = 0.02  # the texture's period, a fraction of the width
    gloss: float = 0.0  # specular strength
    shininess: float = 30.0
    chrome: float = 0.0  # share of the colour that is the environment's reflection
    glass: float = 0.0  # 0: opaque; else the opacity at the middle (rims are more opaque)
    tint: RGB = (1.0, 1.0, 1.0)  # what glass does to the light through it


@dataclass(frozen=True)
class Part:
    shape: Shape
    material: Material


@dataclass(frozen=True)
class Light:
    key: tuple[float, float, float] = (-0.5, -0.6, 0.65)  # towards the light: x right, y down, z to camera
    warmth: float = 0.0  # -1 cool daylight .. 1 warm tungsten
    fill: float = 0.35


@dataclass(frozen=True)
class Backdrop:
    kind: str  # angled | spot | cove | paper | split | dark
    colours: tuple[RGB, RGB]
    angle: float = 30.0  # angled: the gradient's direction in degrees
    centre: Pt = (0.5, 0.4)  # spot: where the light falls
    horizon: float = 0.68  # cove and split: where the wall meets the floor


@dataclass(frozen=True)
class Photo:
    name: str
    kind: str
    parts: tuple[Part, ...]
    backdrop: Backdrop
    side: int
    aspect: float  # height / width
    light: Light = field(default_factory=Light)
    shadow: float = 0.45  # strength of the cast shadow
    shadow_length: float = 0.35  # its length relative to the product's height (squashed onto the floor)
    shadow_blur: float = 0.02  # fraction of the width at the far end
    reflection: float = 0.0  # glossy floor
    quality: int = 88
    sharpen: float = 0.0
    vignette: float = 0.1
    seed: int = 0
    notes: str = ""


def _hash_noise(h: int, w: int, rng: np.random.Generator, sigma: float) -> Float:
    small = rng.normal(0, 1, (max(2, int(h / max(sigma, 1))) + 1, max(2, int(w / max(sigma, 1))) + 1))
    up = cv2.resize(small.astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    return np.asarray(up / max(1e-6, float(up.std())), np.float32)


def _albedo(
    m: Material, geo: Geometry, rng: np.random.Generator, origin: tuple[int, int], width: int
) -> tuple[Float, Float]:
    """The part's colour before light, and a coverage factor (rattan lets light through its lattice)."""
    h, w = geo.mask.shape
    ys, xs = np.mgrid[:h, :w].astype(np.float32)
    xs += origin[0]
    ys += origin[1]
    p = max(2.0, m.scale * width)
    base = np.asarray(m.colour, np.float32)[None, None].repeat(h, 0).repeat(w, 1)
    cover = np.ones((h, w), np.float32)
    if m.texture == "knit":
        u, v = xs / p, ys / (0.7 * p)
        chevron = np.abs(u - np.floor(u) - 0.5) * 2
        base *= (0.86 + 0.14 * np.sin(2 * np.pi * (v + 0.45 * chevron)))[..., None]
    elif m.texture == "tweed":
        column = np.floor(xs / (3 * p)).astype(np.int32) % 2 * 2 - 1
        stripe = np.sin(2 * np.pi * (xs * column + ys) / p)
        fleck = _hash_noise(h, w, rng, 1.5)
        base *= (0.85 + 0.1 * stripe + 0.05 * fleck)[..., None]
        base = base * (1 + 0.12 * (fleck > 1.8)[..., None] * np.array([0.6, -0.2, -0.4], np.float32))
    elif m.texture == "wood":
        warp = _hash_noise(h, w, rng, p * 3) * 3
        grain = np.sin(2 * np.pi * (ys / p + warp + 0.2 * _hash_noise(h, w, rng, p)))
        base *= (0.9 + 0.1 * grain)[..., None]
    elif m.texture == "marble":
        turb = np.abs(_hash_noise(h, w, rng, p * 2)) + 0.5 * np.abs(_hash_noise(h, w, rng, p * 0.7))
        vein = np.exp(-np.abs(np.sin((xs + ys * 0.6) / (p * 2) + 2.5 * turb)) * 9)
        base = base * (1 - 0.55 * vein[..., None]) + 0.02 * vein[..., None]
    elif m.texture == "suede":
        base *= (1 + 0.05 * _hash_noise(h, w, rng, 1.2))[..., None]
    elif m.texture == "velvet":
        base *= (1 + 0.06 * _hash_noise(h, w, rng, p))[..., None]
    elif m.texture == "rattan":
        u, v = (xs + ys) / p, (xs - ys) / p
        du, dv = np.abs(u - np.round(u)), np.abs(v - np.round(v))
        cover = ((du > 0.28) | (dv > 0.28)).astype(np.float32)  # the lattice's diamond openings
        strand = np.maximum(np.cos(np.pi * np.minimum(du, dv) * 2), 0)
        base *= (0.75 + 0.25 * strand)[..., None]
    return base, cover


def _environment(n: Float) -> Float:
    """What chrome reflects: a bright softbox above, a grey studio around, a darker floor below."""
    ry = -n[..., 1]  # reflected towards the top of the frame when the surface faces up
    sky = np.clip(0.5 + 0.9 * ry, 0, 1)
    band = np.exp(-(((n[..., 0] + 0.3) / 0.18) ** 2)) * 0.6  # a vertical strip light to one side
    value = 0.18 + 0.7 * sky**2 + band
    return np.repeat(np.clip(value, 0, 1.3)[..., None], 3, axis=2).astype(np.float32)


def _backdrop(b: Backdrop, h: int, w: int, rng: np.random.Generator) -> Float:
    c0, c1 = (np.asarray(c, np.float32) for c in b.colours)
    ys, xs = np.mgrid[:h, :w].astype(np.float32)
    xs, ys = xs / w, ys / h
    if b.kind == "angled":
        a = np.radians(b.angle)
        t = np.clip((xs - 0.5) * np.cos(a) + (ys - 0.5) * h / w * np.sin(a) + 0.5, 0, 1)
    elif b.kind in ("spot", "dark"):
        r = np.hypot(xs - b.centre[0], (ys - b.centre[1]) * h / w)
        t = np.clip(r / 0.8, 0, 1) ** 1.3
    elif b.kind == "cove":
        floor = np.clip((ys - b.horizon) / 0.08, 0, 1)
        t = 0.5 * (3 * floor**2 - 2 * floor**3) + 0.5 * np.clip((ys - b.horizon) / (1 - b.horizon), 0, 1)
    elif b.kind == "split":
        t = (ys > b.horizon).astype(np.float32)
        t = cv2.GaussianBlur(t, (0, 0), 1.2)
    else:  # paper: flat, with fibres
        t = 0.3 * ys
    bg = c0 * (1 - t[..., None]) + c1 * t[..., None]
    if b.kind == "paper":
        fibres = cv2.GaussianBlur(rng.normal(0, 1, (h, w)).astype(np.float32), (0, 0), sigmaX=6, sigmaY=1.2)
        bg *= (1 + 0.05 * fibres)[..., None]
    return bg.astype(np.float32)


def _temperature(warmth: float) -> Float:
    return np.asarray((1 + 0.08 * warmth, 1.0, 1 - 0.1 * warmth), np.float32)


def _soft(img: Float, sigma: float) -> Float:
    """A wide Gaussian blur, taken at a reduced size (a wide kernel at full size costs seconds)."""
    k = max(1, int(sigma // 4))
    if k == 1:
        return np.asarray(cv2.GaussianBlur(img, (0, 0), sigma), np.float32)
    h, w = img.shape[:2]
    small = cv2.resize(img, (max(1, w // k), max(1, h // k)), interpolation=cv2.INTER_AREA)
    return np.asarray(cv2.resize(cv2.GaussianBlur(small, (0, 0), sigma / k), (w, h)), np.float32)


def _cast_shadow(photo: Photo, alpha: Float) -> Float:
    """The silhouette thrown onto the floor away from the light: squashed, sheared, blurrier further off."""
    h, w = alpha.shape
    rows = np.nonzero(alpha.max(axis=1) > 0.5)[0]
    if not rows.size or photo.shadow <= 0:
        return np.zeros_like(alpha)
    foot = float(rows.max())
    lx = photo.light.key[0]
    squash = photo.shadow_length
    shear = -lx * 0.9
    # y' = foot - (foot - y) * squash ; x' = x + shear * (foot - y) * squash
    m = np.float32([[1, shear * squash, -shear * squash * foot], [0, squash, foot * (1 - squash)]])
    flat = cv2.warpAffine(alpha, m, (w, h), flags=cv2.INTER_LINEAR)
    near = cv2.GaussianBlur(flat, (0, 0), 0.004 * w)
    far = _soft(flat, photo.shadow_blur * w)
    depth = np.clip((foot - np.arange(h, dtype=np.float32)) / max(1.0, squash * (foot - rows.min())), 0, 1)
    shadow = near * (1 - depth[:, None]) + far * depth[:, None]
    contact = cv2.GaussianBlur(alpha * (np.arange(h)[:, None] > foot - 0.012 * h), (0, 0), 0.003 * w)
    return np.clip(photo.shadow * shadow * (1 - 0.5 * depth[:, None]) + 0.6 * contact, 0, 0.9).astype(np.float32)


def _mirror(colour: Float, alpha: Float, strength: float) -> tuple[Float, Float]:
    """A glossy floor's reflection: the product flipped at its foot, fading and blurring with distance."""
    h = alpha.shape[0]
    rows = np.nonzero(alpha.max(axis=1) > 0.5)[0]
    if not rows.size:
        return colour * 0, alpha * 0
    foot = int(rows.max())
    span = min(foot + 1, h - foot - 1)
    ref_a, ref_c = np.zeros_like(alpha), np.zeros_like(colour)
    ref_a[foot + 1 : foot + 1 + span] = alpha[foot + 1 - span : foot + 1][::-1]
    ref_c[foot + 1 : foot + 1 + span] = colour[foot + 1 - span : foot + 1][::-1]
    fade = np.clip(1 - (np.arange(h) - foot) / (0.25 * h), 0, 1) ** 1.5 * strength
    ref_a = cv2.GaussianBlur(ref_a * fade[:, None].astype(np.float32), (0, 0), 2.0)
    return cv2.GaussianBlur(ref_c, (0, 0), 2.0), ref_a


def render_photo(photo: Photo, long_side: int | None = None) -> RenderedScene:
    """The JPEG a merchant would upload and its exact alpha."""
    rng = np.random.default_rng(photo.seed)
    side = long_side or photo.side
    w, h = (side, round(side * photo.aspect)) if photo.aspect <= 1 else (round(side / photo.aspect), side)
    sw, sh = w * SUPER, h * SUPER
    bg = _backdrop(photo.backdrop, sh, sw, rng)
    key = np.asarray(photo.light.key, np.float32)
    key /= np.linalg.norm(key)
    half = key + np.float32([0, 0, 1])
    half /= np.linalg.norm(half)
    tint = _temperature(photo.light.warmth)

    colour = np.zeros((sh, sw, 3), np.float32)
    alpha = np.zeros((sh, sw), np.float32)
    glass: list[tuple[tuple[slice, slice], Geometry, Float, Float, RGB]] = []  # drawn last, over what is behind
    for part in photo.parts:
        whole = part.shape(sw, sh)
        rows, cols = np.nonzero(whole.mask.any(axis=1))[0], np.nonzero(whole.mask.any(axis=0))[0]
        if not rows.size:
            continue
        win = (slice(int(rows[0]), int(rows[-1]) + 1), slice(int(cols[0]), int(cols[-1]) + 1))
        geo = Geometry(whole.mask[win], whole.normal[win])  # lit and textured only where the part is
        m = part.material
        albedo, cover = _albedo(m, geo, rng, (int(cols[0]), int(rows[0])), sw)
        lambert = np.clip((geo.normal * key).sum(axis=2), 0, 1)
        lit = albedo * (photo.light.fill + (1 - photo.light.fill) * lambert)[..., None] * tint
        if m.texture == "velvet":  # pile catches light at grazing angles, darkens facing the camera
            lit *= (0.8 + 0.7 * (1 - geo.normal[..., 2]) ** 2)[..., None]
        if m.chrome:
            lit = (1 - m.chrome) * lit + m.chrome * _environment(geo.normal) * np.asarray(m.colour, np.float32)
        if m.gloss:
            spec = np.clip((geo.normal * half).sum(axis=2), 0, 1) ** m.shininess
            lit = lit + m.gloss * spec[..., None] * tint
        coverage = geo.mask * cover
        if m.glass:
            fresnel = (1 - np.clip(geo.normal[..., 2], 0, 1)) ** 3
            opacity = np.clip(m.glass + (1 - m.glass) * fresnel, 0, 1) * coverage
            glass.append((win, geo, lit, opacity, m.tint))
            continue
        colour[win] = lit * coverage[..., None] + colour[win] * (1 - coverage[..., None])
        alpha[win] = np.maximum(alpha[win] * (1 - coverage), coverage)

    silhouette = alpha.copy()
    for win, _geo, _lit, opacity, _tint in glass:
        silhouette[win] = np.maximum(silhouette[win], 0.6 * opacity)  # glass throws a lighter shadow
    shade = _cast_shadow(photo, silhouette)
    floor = bg * (1 - shade[..., None])
    if photo.reflection:
        ref_c, ref_a = _mirror(colour, alpha, photo.reflection)
        floor = floor * (1 - ref_a[..., None]) + ref_c * ref_a[..., None]
    img = colour * alpha[..., None] + floor * (1 - alpha[..., None])
    for win, geo, lit, opacity, through in glass:
        # What glass shows is the scene behind it, bent by refraction and tinted, plus its own surface; the
        # truth is its opacity (more at the rims), over whatever opaque part lies behind it.
        grid_y, grid_x = np.mgrid[win].astype(np.float32)
        shift = geo.normal[..., :2] * 0.03 * sw
        behind = cv2.remap(
            img, grid_x + shift[..., 0], grid_y + shift[..., 1], cv2.INTER_LINEAR, None, cv2.BORDER_REFLECT
        )
        seen = behind * np.asarray(through, np.float32) * (1 - opacity[..., None]) + lit * opacity[..., None]
        img[win] = np.where(geo.mask[..., None] > 0, seen, img[win])
        alpha[win] = np.maximum(alpha[win], opacity)

    img = cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA)
    truth = cv2.resize(alpha, (w, h), interpolation=cv2.INTER_AREA)
    ys, xs = np.mgrid[:h, :w].astype(np.float32)
    r2 = ((xs / w - 0.5) ** 2 + (ys / h - 0.5) ** 2) / 0.5
    img *= (1 - photo.vignette * r2)[..., None]
    img = cv2.GaussianBlur(img, (0, 0), 0.55)
    if photo.sharpen:  # a camera's or an editor's unsharp mask: the light and dark halos along every edge
        img = img + photo.sharpen * (img - cv2.GaussianBlur(img, (0, 0), 1.4))
    lum = rng.normal(0, 1.8 / 255, (h, w, 1)).astype(np.float32)
    chroma = cv2.GaussianBlur(rng.normal(0, 1.2 / 255, (h, w, 3)).astype(np.float32), (0, 0), 1.0)
    img = img + lum + chroma
    rgb = np.clip(img * 255 + 0.5, 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "JPEG", quality=photo.quality)
    decoded = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))
    rendered = RenderedScene(photo.name, decoded, np.clip(truth, 0, 1), buf.getvalue(), photo.notes)
    rendered.extra["kind"] = photo.kind
    return rendered
