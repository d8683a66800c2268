"""Light for the blind set's renderer (``blind_render.py``): what a scene is made of, and how its light reaches
a point.

A scene is parts (a mesh and its material), a room (a paper sweep, or a floor and a wall with a skirting board,
sometimes a second wall), area lights and a lens. Each light's shadows come from shadow maps rendered from
points spread over its disc (a Vogel spiral) and read with percentage-closer filtering, each lookup moved at
random by as much as the shadow moves between those points so that they blend into one penumbra; glass lets
part of the light through. The sky is seen through orthographic depth maps over a ring of directions (looked
up at the corners of the product's triangles, since it changes slowly). Near contact, the floor and the wall
lose sky to the product above or beside them: height maps of the product seen from behind each (its nearest
and farthest surfaces) are split into bands of height and convolved (FFT) with the share of sky that a patch
at that height hides from a point below it, and that a column at that distance hides beside it. Glossy
surfaces reflect an environment made of the backdrop behind, the darker room on the camera's side, bright
cards where the lights are and the floor below. A white card at the product sets the exposure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np
from numpy.typing import NDArray

from imaging_eval.blind_mesh import Mesh
from imaging_eval.blind_raster import DepthMap, View, depth_map, look, rasterise, visibility
from imaging_eval.blind_texture import Material, linear, remap_points

Float = NDArray[np.float32]
Vec = tuple[float, float, float]
RGB = tuple[float, float, float]
MAP = 512  # shadow map size
# Directions the sky is seen from (elevation, azimuth in degrees): a low ring, a high ring and the zenith.
SKY = [(18.0, a) for a in (0, 90, 180, 270)] + [(50.0, a) for a in (45, 165, 285)] + [(85.0, 0.0)]


@dataclass(frozen=True)
class Part:
    mesh: Mesh
    material: Material


@dataclass(frozen=True)
class Light:
    at: Vec
    power: float  # irradiance at 1 m
    radius: float = 0.3  # of its disc: the softness of its shadows and highlights
    colour: RGB = (1.0, 1.0, 1.0)
    samples: int = 8  # shadow maps over the disc (0: casts no shadow)
    spot: float = 0.0  # how tightly the beam gathers around ``aim`` (0: even)
    aim: Vec = (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Room:
    floor: Material
    wall: Material
    sweep: bool = True  # paper curving up into the wall; otherwise a floor meeting a wall at a skirting board
    wall_z: float = -0.8
    cove: float = 0.45
    side_x: float | None = None  # a second wall at this x: a corner
    skirting: Material | None = None
    sky: RGB = (1.0, 1.0, 1.0)
    ambient: float = 0.35


@dataclass(frozen=True)
class Lens:
    fov: float = 35.0
    roll: float = 0.0
    ev: float = 0.0
    quality: int = 88
    subsampling: int = 2  # JPEG chroma: 0 = 4:4:4, 2 = 4:2:0
    noise: float = 0.01
    blur: float = 0.45
    vignette: float = 0.15
    aberration: float = 0.0  # red and blue scaled apart by this fraction at the corners
    sharpen: float = 0.0
    dof: float = 0.0  # blur of the backdrop with its distance from the focal plane
    warmth: float = 0.0
    recompress: int = 0  # quality of an earlier JPEG generation (0: none)


@dataclass(frozen=True)
class Scene:
    parts: tuple[Part, ...]
    room: Room
    lights: tuple[Light, ...]
    eye: Vec
    target: Vec
    lens: Lens = field(default_factory=Lens)


@dataclass
class Ctx:
    """Everything about a scene's light that the shading of its points needs, worked out once."""

    view: View
    scene: Scene
    maps: list[list[DepthMap]]
    sky_maps: list[DepthMap]
    sky_dirs: Float
    sky_weight: Float
    contact: list[tuple[View, Float]]  # floor, then wall: the view from behind it, the occlusion it sees
    sky: Float
    ground: Float
    rng: np.random.Generator
    centre: Float
    radius: float
    white: float  # radiance of a white card at the product, facing the camera: the exposure's reference
    wall: Float  # radiance of the wall behind and of the floor in front: what glossy things reflect
    floor: Float
    vertex_sky: Float = field(default_factory=lambda: np.zeros((0, 3, 1), np.float32))


def remap(img: Float, xs: Float, ys: Float) -> Float:
    """Bilinear samples of ``img`` at pixel coordinates (any number of points; 0 outside)."""
    return remap_points(img, xs - 0.5, ys - 0.5).squeeze(-1) if img.ndim == 2 else remap_points(img, xs - 0.5, ys - 0.5)


def unit(v: Float) -> Float:
    """Vectors (along the last axis) scaled to length 1."""
    return (v / np.maximum(np.linalg.norm(v, axis=-1, keepdims=True), 1e-9)).astype(np.float32)


def _disc(light: Light, centre: NDArray[np.float64]) -> list[NDArray[np.float64]]:
    """Points spread over the light's disc (a Vogel spiral), facing the product."""
    at = np.asarray(light.at, float)
    d = (centre - at) / np.linalg.norm(centre - at)
    u = np.cross(d, [0.0, 1.0, 0.0])
    u = u / np.linalg.norm(u) if np.linalg.norm(u) > 1e-6 else np.array([1.0, 0, 0])
    v = np.cross(d, u)
    out = []
    for i in range(light.samples):
        rad = light.radius * np.sqrt((i + 0.5) / light.samples)
        a = i * 2.39996
        out.append(at + rad * (np.cos(a) * u + np.sin(a) * v))
    return out


def _contact_map(
    prod: Mesh, keep: NDArray[np.bool_], centre: Float, normal: Vec, offset: float, up: Vec, span: float
) -> tuple[View, Float]:
    """Occlusion of the sky at the points of a plane (floor or wall) by the product near it.

    The product is seen from 2 m behind the plane, nearest and farthest surfaces. A patch at height h over a
    point hides h^2 / (pi (r^2 + h^2)^2) of its sky per unit area; a column standing at distance r hides the
    sky between the elevations of its foot and its top over the azimuth it spans. Heights are split into bands
    and each band convolved with its kernel (FFT)."""
    res = 256
    nrm = np.asarray(normal, float)
    target = centre - nrm * (float(np.dot(centre, nrm)) - offset)  # the plane: normal . x = offset
    eye = target - 2.0 * nrm
    view = look(eye, target, res, res, span=span, up=up)
    near, _ = rasterise(view, prod.pos, keep).full()
    far, _ = rasterise(view, prod.pos, keep, far=True).full()
    low = np.clip(-near - 2.0, 0.0, None)
    high = np.clip(far - 2.0, 0.0, None)
    occupied = np.isfinite(near)
    tau = span / res
    pad = 2 * res
    fy, fx = np.meshgrid(np.fft.fftfreq(pad) * pad, np.fft.fftfreq(pad) * pad, indexing="ij")
    r = np.hypot(fx, fy) * tau
    bands = np.geomspace(tau * 0.6, 1.5, 7)
    edge = occupied & ~cv2.erode(occupied.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)

    def split(h: Float, mask: NDArray[np.bool_]) -> list[Float]:
        lh = np.log(np.clip(h, bands[0], bands[-1]))
        pos = (lh - np.log(bands[0])) / (np.log(bands[1]) - np.log(bands[0]))
        i = np.clip(np.floor(pos).astype(int), 0, len(bands) - 2)
        f = pos - i
        out = []
        for k in range(len(bands)):
            w = np.where(i == k, 1 - f, 0) + np.where(i == k - 1, f, 0)
            out.append(np.where(mask, w, 0).astype(np.float32))
        return out

    def conv(img: Float, kern: NDArray[np.float64]) -> Float:
        big = np.zeros((pad, pad), np.float32)
        big[:res, :res] = img
        out = np.fft.irfft2(np.fft.rfft2(big) * np.fft.rfft2(kern), s=(pad, pad))
        return out[:res, :res].astype(np.float32)

    under = np.zeros((res, res), np.float32)
    side = np.zeros((res, res), np.float32)
    low_bands = split(low, occupied)
    top_bands = split(high, edge)
    foot_bands = split(low, edge)
    for k, h in enumerate(bands):
        patch = h * h / (np.pi * (r * r + h * h) ** 2)
        under += conv(low_bands[k], patch / patch.sum())
        column = np.where(r > 0, tau / (2 * np.pi * np.maximum(r, 1e-9)) * h * h / (r * r + h * h), 0.0)
        side += conv(top_bands[k] - foot_bands[k], column)
    occ = 1 - (1 - np.clip(under, 0, 1)) * (1 - np.clip(0.6 * side, 0, 0.85))
    return view, occ.astype(np.float32)


def setup(scene: Scene, view: View, prod: Mesh, glass: NDArray[np.bool_], seed: int) -> Ctx:
    """The shadow maps of each light, the sky's depth maps, the contact maps of floor and wall, and the radiance
    of a white card at the product, of the wall and of the floor."""
    pts = prod.pos.reshape(-1, 3).astype(np.float64)
    lo, hi = pts.min(0), pts.max(0)
    centre = (lo + hi) / 2
    radius = float(np.linalg.norm(hi - lo) / 2) * 1.05
    maps = []
    for light in scene.lights:
        views = []
        for p in _disc(light, centre):
            dist = float(np.linalg.norm(centre - p))
            fov = 2 * np.degrees(np.arcsin(min(0.97, radius / dist)))
            views.append(depth_map(look(p, centre, MAP, MAP, fov), prod.pos, prod.closed, glass))
        maps.append(views)
    dirs, weights, sky_maps = [], [], []
    for elev, az in SKY:
        e, a = np.radians(elev), np.radians(az)
        d = np.array([np.cos(e) * np.sin(a), np.sin(e), np.cos(e) * np.cos(a)])
        dirs.append(d)
        zen = np.pi / 2 - e
        weights.append(np.sin(zen) + 0.25)  # the ring's share of the sky, roughly
        v = look(centre + d * radius * 4, centre, 320, 320, span=2.2 * radius)
        sky_maps.append(depth_map(v, prod.pos, prod.closed, glass))
    sky_dirs = np.asarray(dirs, np.float32)
    w = np.asarray(weights, np.float32)
    w = w / float((w * sky_dirs[:, 1]).sum())
    room = scene.room
    contact = []
    span = max(hi[0] - lo[0], hi[2] - lo[2]) + 2.0
    keep = ~glass
    c32 = centre.astype(np.float32)
    fv, fo = _contact_map(prod, keep, c32, (0.0, 1.0, 0.0), 0.0, (0.0, 0.0, -1.0), span)
    contact.append((fv, fo))
    wall_span = max(hi[0] - lo[0], hi[1] - lo[1]) + 2.0
    wv, wo = _contact_map(prod, keep, c32, (0.0, 0.0, 1.0), room.wall_z, (0.0, 1.0, 0.0), wall_span)
    contact.append((wv, wo))
    ground = linear(room.floor.colour) * 0.9
    rng = np.random.default_rng(seed)
    sky = linear(room.sky)

    def irradiance(at: NDArray[np.float64], normal: NDArray[np.float64]) -> float:
        total = 0.0
        for light in scene.lights:
            to = np.asarray(light.at, float) - at
            d2 = float(to @ to)
            ldir = (to / np.sqrt(d2)).astype(np.float32)[None, :]
            total += light.power / d2 * max(0.0, float(ldir[0] @ normal)) * float(spot(light, ldir)[0])
        return total / np.pi + room.ambient

    towards = np.asarray(scene.eye, float) - centre
    white = irradiance(centre, towards / np.linalg.norm(towards))
    wall_at = np.array([centre[0], 1.2, room.wall_z])
    wall = linear(room.wall.colour) * irradiance(wall_at, np.array([0.0, 0.0, 1.0]))
    floor_at = np.array([centre[0], 0.0, centre[2] + 0.6])
    floor = linear(room.floor.colour) * irradiance(floor_at, np.array([0.0, 1.0, 0.0]))
    return Ctx(view, scene, maps, sky_maps, sky_dirs, w, contact, sky, ground, rng, c32, radius, white, wall, floor)


def light_vis(ctx: Ctx, p: Float, gate: bool = False, n: Float | None = None) -> list[Float]:
    """How much of each light reaches points ``p``; with ``gate``, only points whose path to the light passes near
    the product are looked up (the rest of a backdrop is lit); with normals ``n`` the points are first moved off
    their surface a little, so that a surface does not shadow itself."""
    out = []
    for light, maps in zip(ctx.scene.lights, ctx.maps, strict=True):
        vis = np.ones(len(p), np.float32)
        if maps:
            idx = np.arange(len(p))
            if gate:
                seg = np.asarray(light.at, np.float32)[None, :] - p
                t = np.clip(((ctx.centre[None, :] - p) * seg).sum(1) / (seg * seg).sum(1), 0, 1)
                miss = np.linalg.norm(p + seg * t[:, None] - ctx.centre[None, :], axis=1)
                idx = np.nonzero(miss < ctx.radius + light.radius)[0]
            q = p[idx]
            if not gate and len(maps) >= 6:
                maps = maps[::2]  # half the light's points are plenty for the product's own shadows
            acc = np.zeros(len(q), np.float32)
            # Each lookup is moved at random by as much as the shadow moves between neighbouring points of the
            # light, so that their shadows blend into one penumbra; the grain this leaves is smoothed by the caller
            # (on a backdrop, whose lookups can then take one texel each).
            spread = light.radius * np.sqrt(np.pi / len(maps))
            for dm in maps:
                jitter = ctx.rng.uniform(-1, 1, (len(q), 2)).astype(np.float32)
                acc += visibility(dm, q, jitter, spread, normals=None if n is None else n[idx], nearest=gate)
            vis[idx] = acc / len(maps)
        out.append(vis)
    return out


def vertex_sky(ctx: Ctx, mesh: Mesh) -> Float:
    """How much of each direction of the sky each corner of each triangle sees (T x 3 x directions): the sky's
    occlusion changes slowly over a surface, so it is looked up at the corners and interpolated between them."""
    p, n = mesh.pos.reshape(-1, 3), mesh.nrm.reshape(-1, 3)
    vis = np.stack([visibility(dm, p, None, 0.0, 0.3, n) for dm in ctx.sky_maps], 1)
    return vis.reshape(mesh.count, 3, -1).astype(np.float32)


def sky_light(ctx: Ctx, n: Float, vis: Float | None = None, bounce: Float | None = None) -> tuple[Float, Float]:
    """Irradiance from the sky (a colour) through ``vis``, the share of each of its directions seen (all of it when
    None), and the share of sky seen; the floor's bounce scaled by ``bounce`` (less where the floor below is
    itself in the product's shade)."""
    cos = np.clip(np.einsum("nj,mj->nm", n, ctx.sky_dirs), 0, None)
    if vis is None:
        vis = np.ones_like(cos)
    sky = (cos * vis * ctx.sky_weight).sum(1)
    seen = (vis * ctx.sky_weight).sum(1) / ctx.sky_weight.sum()
    ground = np.clip(0.5 - 0.5 * n[:, 1], 0, 1) * (0.5 + 0.5 * seen)
    if bounce is not None:
        ground = ground * bounce
    a = ctx.scene.room.ambient
    return a * (sky[:, None] * ctx.sky + ground[:, None] * ctx.ground), seen


def environment(ctx: Ctx, r: Float, rough: Float, bounce: Float) -> Float:
    """What a glossy surface reflects: the backdrop behind the product, the darker studio or room on the camera's
    side with a window in it, bright cards where the lights are, the floor below; blurred towards their mean as it
    gets rougher."""
    y, z = r[:, 1], r[:, 2]
    soft = 0.05 + 0.6 * rough
    up = np.clip((y + soft * 0.5) / soft, 0, 1)[:, None]
    front = np.clip((z + soft) / (2 * soft), 0, 1)[:, None]
    above = ctx.wall[None, :] * ((1 - front) + 0.22 * front) * (0.85 + 0.3 * np.clip(y, 0, 1))[:, None]
    # Below the horizon: the floor, which past the paper (far out towards the camera) is the studio's dark floor.
    beyond = front[:, 0] * np.clip(1 - np.abs(y) / 0.35, 0, 1)
    below = ctx.floor[None, :] * (bounce * (1 - 0.75 * beyond))[:, None]
    env = below + (above - below) * up
    # A window (or a big reflector) behind the photographer, up and to the left.
    x = r[:, 0]
    window = np.clip(1 - np.maximum(np.abs(x + 0.45) / 0.3, np.abs(y - 0.35) / 0.22), 0, 1) * (z > 0)
    env += (np.clip(window / (soft * 2), 0, 1) * 1.4)[:, None] * ctx.wall[None, :]
    for light in ctx.scene.lights:
        if light.spot or light.samples == 0:
            continue
        d = np.asarray(light.at, np.float32) - ctx.centre
        dist = float(np.linalg.norm(d))
        cos_edge = np.cos(np.arctan(light.radius * 1.6 / dist))
        card = np.clip((np.einsum("nj,j->n", r, d / dist) - cos_edge + soft * 0.3) / (soft * 0.6), 0, 1)
        env += (card * 3.0 * ctx.white)[:, None] * linear(light.colour)
    mean = (ctx.wall * 0.6 + ctx.floor * 0.4)[None, :]
    blur = np.clip(rough, 0, 1)[:, None] ** 1.5
    return (env + (mean - env) * blur).astype(np.float32)


def spot(light: Light, ldir: Float) -> Float:
    """The share of a spot light's beam along directions ``ldir`` (from the lit points towards the light)."""
    if not light.spot:
        return np.ones(len(ldir), np.float32)
    axis = np.asarray(light.aim, np.float32) - np.asarray(light.at, np.float32)
    axis /= np.linalg.norm(axis)
    return np.clip(-np.einsum("nj,j->n", ldir, axis), 0, 1) ** light.spot


def contact_occ(ctx: Ctx, p: Float, n: Float) -> Float:
    """The sky the product hides from backdrop points ``p`` near it: from the floor's map where the backdrop faces
    up, from the wall's elsewhere."""
    out = np.zeros(len(p), np.float32)
    for k, (view, occ) in enumerate(ctx.contact):
        on = n[:, 1] > 0.5 if k == 0 else n[:, 1] <= 0.5
        if not on.any():
            continue
        x, y, _ = view.screen(view.cam(p[on]))
        out[on] = np.maximum(out[on], remap(occ, x, y))
    return out
