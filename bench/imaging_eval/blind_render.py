"""The renderer of the blind set (``blind.py``): triangle meshes rasterised with a z-buffer, lit in 3-D.

A fifth way of drawing product photos with exact alpha, sharing no code with the other sets' renderers.
Products are triangle meshes in metres (``blind_mesh.py``) seen through a pinhole camera with a little roll;
the backdrop is geometry too: a paper sweep curving from the floor into the wall, or a room's floor, wall,
skirting board and sometimes a second wall at a corner. ``blind_raster.py`` draws everything, ``blind_light.py``
says how much of each light and of the sky reaches a point, ``blind_texture.py`` gives each material its
pattern.

Shading is Lambert plus a GGX specular lobe widened by each light's size, with Schlick Fresnel, reflections of
the environment, cloth sheen, bump mapping and a light of its own for a bulb. The backdrop's light is worked
out at every other pixel and its materials at every pixel (paper and paint at every other). A glossy floor
mirrors the product by drawing it reflected in the floor, and the wall by following the mirrored ray to it,
blurred with the height of what it mirrors; glass shows what is behind it displaced by its normals and tinted
by the length of its path, darker where rays bend hard at its rims, with Fresnel reflections.

The truth is the coverage of each pixel by product geometry on a 3 x 3 grid of samples: glass counts as
product, shadows and reflections do not, a part sunk into the floor or the wall is hidden, and a product cut
by the frame is what the frame holds. Each pixel is shaded at one of its covering samples (at five where its
samples fall on different parts or edges) and blended over the backdrop by its coverage; then the camera
defocuses the backdrop, scales red and blue apart, darkens the corners, blurs, adds noise, tone maps (a filmic
curve), sharpens some photos and saves a JPEG (twice for some).
"""

from __future__ import annotations

import io

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image

from imaging_eval.blind_light import (
    Ctx,
    Lens,
    Room,
    Scene,
    contact_occ,
    environment,
    light_vis,
    remap,
    setup,
    sky_light,
    spot,
    unit,
    vertex_sky,
)
from imaging_eval.blind_mesh import Mesh, box, grid, merge, mirror_y
from imaging_eval.blind_raster import Raster, barycentric, clip_near, facing, interpolate, look, rasterise
from imaging_eval.blind_texture import SIZE, Material, linear, sample, texture
from imaging_eval.scenes import RenderedScene

Float = NDArray[np.float32]
Vec = tuple[float, float, float]
RGB = tuple[float, float, float]
SS = 3  # samples per pixel a side: the truth's resolution


# --- the backdrop ------------------------------------------------------------------------------------------


def _plane(corner: Vec, du: Vec, dv: Vec, normal: Vec, nu: int, nv: int) -> Mesh:
    """A flat rectangle from ``corner`` along ``du`` and ``dv``, as a grid of nu x nv quads."""
    s, t = np.meshgrid(np.linspace(0, 1, nu + 1), np.linspace(0, 1, nv + 1), indexing="ij")
    c, a, b = (np.asarray(x, float) for x in (corner, du, dv))
    p = c + s[..., None] * a + t[..., None] * b
    uv = np.stack([s * np.linalg.norm(a), t * np.linalg.norm(b)], -1)
    n = np.broadcast_to(np.asarray(normal, float), p.shape)
    tan = np.broadcast_to(a / np.linalg.norm(a), p.shape)
    return grid(p, np.ascontiguousarray(n), uv, np.ascontiguousarray(tan), False)


def _backdrop(room: Room, eye: Vec) -> tuple[Mesh, NDArray[np.int64], list[Material]]:
    """The backdrop's triangles, each tagged 0 floor, 1 wall, 2 skirting; and the materials of the tags."""
    front, half_x, top = eye[2] + 3.0, 14.0, 7.0
    wz = room.wall_z
    parts: list[Mesh] = []
    tags: list[int] = []
    if room.sweep:
        r = room.cove
        rows = [(0.0, z, 0.0, 1.0) for z in np.linspace(front, wz + r, 14)]
        rows += [
            (r - r * np.cos(f), wz + r - r * np.sin(f), np.sin(f), np.cos(f)) for f in np.linspace(0, np.pi / 2, 16)
        ]
        rows += [(y, wz, 1.0, 0.0) for y in np.linspace(r, top, 8)[1:]]
        prof = np.asarray(rows)
        xs = np.linspace(-half_x, half_x, 29)
        p = np.stack(np.broadcast_arrays(xs[:, None], prof[None, :, 0], prof[None, :, 1]), -1)
        n = np.stack(np.broadcast_arrays(0 * xs[:, None], prof[None, :, 3], prof[None, :, 2]), -1)
        arc = np.concatenate([[0.0], np.cumsum(np.hypot(np.diff(prof[:, 0]), np.diff(prof[:, 1])))])
        uv = np.stack(np.broadcast_arrays(xs[:, None], arc[None, :]), -1)
        tan = np.broadcast_to([1.0, 0.0, 0.0], p.shape)
        sweep = grid(p.astype(float), n.astype(float), uv.astype(float), np.ascontiguousarray(tan), False)
        # The floor's material (a glossy sheet, say) lies on the flat part; the paper turns up into the wall.
        tag = np.where(sweep.pos[:, :, 1].max(1) < 1e-6, 0, 1)
        parts.append(sweep)
        tags.extend(tag.tolist())
    else:
        floor = _plane((-half_x, 0, front), (2 * half_x, 0, 0), (0, 0, wz - front), (0, 1, 0), 28, 24)
        wall = _plane((-half_x, 0, wz), (2 * half_x, 0, 0), (0, top, 0), (0, 0, 1), 28, 10)
        parts += [floor, wall]
        tags += [0] * floor.count + [1] * wall.count
        if room.side_x is not None:
            sx = room.side_x
            side = _plane((sx, 0, wz), (0, 0, front - wz), (0, top, 0), (-np.sign(sx), 0, 0), 16, 10)
            parts.append(side)
            tags += [1] * side.count
        if room.skirting is not None:
            board = box((half_x, 0.045, 0.008), 0.002, (0, 0.045, wz + 0.008))
            parts.append(board)
            tags += [2] * board.count
            if room.side_x is not None:
                sx = room.side_x - np.sign(room.side_x) * 0.008
                side_board = box((0.008, 0.045, (front - wz) / 2), 0.002, (sx, 0.045, (front + wz) / 2))
                parts.append(side_board)
                tags += [2] * side_board.count
    mats = [room.floor, room.wall, room.skirting or room.wall]
    return merge(*parts), np.asarray(tags, np.int64), mats


def _surface(
    mat: Material, uv: Float, n: Float, t: Float, v: Float, depth: Float, focal: float, rough_map: bool = True
) -> tuple[Float, ...]:
    """Albedo, bumped normal and roughness of points on one material."""
    tex = texture(mat)
    ndv = np.clip(np.abs((n * v).sum(1)), 0.05, 1)
    texels = depth / focal / mat.tile * SIZE / np.sqrt(ndv)
    lod = np.log2(np.maximum(texels, 1.0))
    alb, rel = sample(tex, uv[:, 0] / mat.tile, uv[:, 1] / mat.tile, lod, relief=rough_map or bool(mat.bump))
    rough = np.clip(mat.rough * rel[:, 2], 0.03, 1.0)
    if mat.bump:
        t = unit(t - n * (t * n).sum(1, keepdims=True))
        b = np.cross(n, t)
        n = unit(n - mat.bump * (rel[:, 0:1] * t + rel[:, 1:2] * b))
    return alb, n, rough


def _shade(
    ctx: Ctx,
    mats: list[Material],
    which: NDArray[np.int64],
    p: Float,
    n: Float,
    t: Float,
    uv: Float,
    eye: Float,
    sky: Float,
    closed: NDArray[np.bool_],
    shadows: list[Float] | None = None,
) -> tuple[Float, Float]:
    """Radiance towards ``eye`` of points on the product (reflected and diffused light; glass adds what it lets
    through later), and their Fresnel reflectance; ``sky`` is how much of each direction of the sky they see."""
    v = unit(eye[None, :] - p)
    depth = np.linalg.norm(eye[None, :] - p, axis=1)
    count = len(p)
    alb, rough = np.zeros((count, 3), np.float32), np.zeros(count, np.float32)
    props = np.zeros((count, 4), np.float32)  # metal, glass, sheen, glow
    nb = n.copy()
    for k in np.unique(which):
        sel = which == k
        m = mats[int(k)]
        alb[sel], nb[sel], rough[sel] = _surface(m, uv[sel], n[sel], t[sel], v[sel], depth[sel], ctx.view.scale)
        props[sel] = (m.metal, m.glass, m.sheen, m.glow)
    n = nb
    # A thin sheet (a leaf) seen from behind shows its other side; the smooth normals of a solid turn away from
    # the camera near its silhouette: bend them back to face it a little.
    facing_v = (n * v).sum(1)
    back = ~closed & (facing_v < 0)
    n[back], facing_v[back] = -n[back], -facing_v[back]
    bend = facing_v < 0.1
    n[bend] = unit(n[bend] + v[bend] * (0.1 - facing_v[bend])[:, None])
    metal, glass, sheen, glow = props.T
    ndv = np.clip((n * v).sum(1), 0.08, 1)
    f0 = 0.04 * (1 - metal[:, None]) + alb * metal[:, None]
    diffuse = alb * ((1 - metal) * (1 - glass))[:, None]
    col = np.zeros((count, 3), np.float32)
    lit = np.zeros(count, np.float32)
    for light, vis in zip(ctx.scene.lights, light_vis(ctx, p, n=n) if shadows is None else shadows, strict=True):
        to = np.asarray(light.at, np.float32)[None, :] - p
        d2 = (to * to).sum(1)
        ldir = to / np.sqrt(d2)[:, None]
        e = light.power / d2 * vis * spot(light, ldir)
        ndl = np.clip((n * ldir).sum(1), 0, 1)
        h = unit(ldir + v)
        ndh = np.clip((n * h).sum(1), 0, 1)
        vdh = np.clip((v * h).sum(1), 0, 1)
        a = np.clip(rough**2 + 0.5 * light.radius / np.sqrt(d2), 0.002, 1)
        dist = a * a / (np.pi * (ndh * ndh * (a * a - 1) + 1) ** 2)
        kk = a / 2
        geo = ndl / (ndl * (1 - kk) + kk) * ndv / (ndv * (1 - kk) + kk)
        fres = f0 + (1 - f0) * ((1 - vdh) ** 5)[:, None]
        spec = fres * (dist * geo / (4 * ndv + 1e-4))[:, None]
        col += (diffuse / np.pi * ndl[:, None] + spec) * (e[:, None] * linear(light.colour))
        lit += e
    view, occ = ctx.contact[0]
    fx, fy, _ = view.screen(view.cam(p))
    bounce = 1 - remap(occ, fx, fy) * np.exp(-np.clip(p[:, 1], 0, None) / 0.12)
    amb, seen = sky_light(ctx, n, sky, bounce)
    fe = f0 + (np.maximum(1 - rough, 0.04)[:, None] - f0) * ((1 - ndv) ** 5)[:, None]
    col += diffuse * amb * (1 - fe)
    r = 2 * (n * v).sum(1, keepdims=True) * n - v
    col += environment(ctx, r.astype(np.float32), rough, bounce) * fe * (0.3 + 0.7 * seen)[:, None]
    col += (sheen * (1 - ndv) ** 3 * (lit / np.pi + amb.mean(1)))[:, None] * np.sqrt(alb) * 0.6
    col += glow[:, None] * alb
    return col.astype(np.float32), fe.mean(1).astype(np.float32)


def _shade_backdrop(
    ctx: Ctx,
    bmesh: Mesh,
    tags: NDArray[np.int64],
    mats: list[Material],
    ids: NDArray[np.int32],
    need: NDArray[np.bool_],
) -> tuple[Float, Float, Float]:
    """The backdrop's radiance where ``need`` asks for it, its depth there, and where a glossy floor is.

    Light is worked out at every other pixel (shadows, occlusion near contact, sky, highlights), softened a
    little and enlarged; the materials, their relief and the angle to each light at every pixel (at every other
    too for a single sheet of paper or paint, which has no finer detail)."""
    view = ctx.view
    h, w = ids.shape
    eye = view.eye.astype(np.float32)
    lights = ctx.scene.lights
    hid = ids[::2, ::2]
    hneed = cv2.dilate(need.astype(np.uint8), np.ones((9, 9), np.uint8))[::2, ::2] > 0
    hy, hx = np.nonzero((hid >= 0) & hneed)
    htri = hid[hy, hx]
    bary = barycentric(view, bmesh.pos, htri, (hx * 2 + 0.5).astype(np.float32), (hy * 2 + 0.5).astype(np.float32))
    p = interpolate(bmesh.pos, htri, bary)
    n = unit(interpolate(bmesh.nrm, htri, bary))
    v = unit(eye[None, :] - p)
    rough = np.array([m.rough for m in mats], np.float32)[tags[htri]]
    occ = contact_occ(ctx, p, n)
    layers, spec = [], np.zeros((len(p), 3), np.float32)
    ndv = np.clip((n * v).sum(1), 0.05, 1)
    for light, vis in zip(lights, light_vis(ctx, p, gate=True), strict=True):
        to = np.asarray(light.at, np.float32)[None, :] - p
        d2 = (to * to).sum(1)
        ldir = to / np.sqrt(d2)[:, None]
        e = light.power / d2 * vis * spot(light, ldir)
        layers.append(e[:, None])
        hv = unit(ldir + v)
        a = np.clip(rough**2 + 0.5 * light.radius / np.sqrt(d2), 0.01, 1)
        ndh = np.clip((n * hv).sum(1), 0, 1)
        ndl = np.clip((n * ldir).sum(1), 0, 1)
        dist = a * a / (np.pi * (ndh * ndh * (a * a - 1) + 1) ** 2)
        spec += (0.04 * dist * e * ndl / (4 * ndv))[:, None] * linear(light.colour)
    amb, _ = sky_light(ctx, n)
    layers += [amb * (1 - 0.9 * occ)[:, None], spec]
    stack = np.concatenate(layers, 1)
    half = np.zeros((*hid.shape, stack.shape[1]), np.float32)
    half[hy, hx] = stack
    nl = len(lights)
    for c in range(nl):  # the shadows' grain, smoothed
        half[..., c] = cv2.GaussianBlur(half[..., c], (0, 0), 1.5)
    if all(m.pattern in ("paper", "plain", "plaster") for m in mats) and mats[0] == mats[1]:
        # Paper and paint have no detail finer than this, and one sheet has no edges: the whole backdrop at every
        # other pixel, enlarged.
        uv = interpolate(bmesh.uv, htri, bary)
        t = unit(interpolate(bmesh.tan, htri, bary))
        lit = half[hy, hx]
        col, gl = _backdrop_colour(ctx, mats, tags[htri], p, n, uv, t, lit)
        small = np.zeros((*hid.shape, 5), np.float32)
        small[hy, hx] = np.concatenate([col, view.cam(p)[:, 2:3], gl[:, None]], 1)
        small[..., 3][~((hid >= 0) & hneed)] = 50.0
        big = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
        return np.ascontiguousarray(big[..., :3]), np.ascontiguousarray(big[..., 3]), np.ascontiguousarray(big[..., 4])
    ys, xs = np.nonzero(need & (ids >= 0))
    lit = np.empty((len(ys), stack.shape[1]), np.float32)
    for c0 in range(0, stack.shape[1], 4):
        chunk = np.ascontiguousarray(half[..., c0 : c0 + 4])
        big = cv2.resize(chunk, (w, h), interpolation=cv2.INTER_LINEAR)
        lit[:, c0 : c0 + 4] = big.reshape(h, w, -1)[ys, xs]
    # Materials at every pixel.
    tri = ids[ys, xs]
    bary = barycentric(view, bmesh.pos, tri, (xs + 0.5).astype(np.float32), (ys + 0.5).astype(np.float32))
    p = interpolate(bmesh.pos, tri, bary)
    n = unit(interpolate(bmesh.nrm, tri, bary))
    uv = interpolate(bmesh.uv, tri, bary)
    t = unit(interpolate(bmesh.tan, tri, bary))
    col, gl = _backdrop_colour(ctx, mats, tags[tri], p, n, uv, t, lit)
    image = np.zeros((h, w, 3), np.float32)
    image[ys, xs] = col
    zmap = np.full((h, w), 50.0, np.float32)
    zmap[ys, xs] = view.cam(p)[:, 2]
    gloss = np.zeros((h, w), np.float32)
    gloss[ys, xs] = gl
    return image, zmap, gloss


def _backdrop_colour(
    ctx: Ctx, mats: list[Material], tag: NDArray[np.int64], p: Float, n: Float, uv: Float, t: Float, lit: Float
) -> tuple[Float, Float]:
    """The backdrop's radiance at points with the light worked out for them (``lit``: each light's irradiance,
    then the sky's and the highlights), and how glossy the floor is there."""
    view, lights = ctx.view, ctx.scene.lights
    eye = view.eye.astype(np.float32)
    v = unit(eye[None, :] - p)
    depth = np.linalg.norm(eye[None, :] - p, axis=1)
    alb = np.zeros((len(p), 3), np.float32)
    for k in np.unique(tag):
        sel = tag == k
        alb[sel], n[sel], _ = _surface(mats[int(k)], uv[sel], n[sel], t[sel], v[sel], depth[sel], view.scale, False)
    nl = len(lights)
    col = alb * lit[:, nl : nl + 3] + lit[:, nl + 3 : nl + 6]
    for i, light in enumerate(lights):
        to = np.asarray(light.at, np.float32)[None, :] - p
        ldir = to / np.linalg.norm(to, axis=1, keepdims=True)
        ndl = np.clip((n * ldir).sum(1), 0, 1)
        col += alb / np.pi * ((lit[:, i] * ndl)[:, None] * linear(light.colour))
    gloss = np.array([m.gloss for m in mats], np.float32)[tag] * np.clip((n[:, 1] - 0.75) / 0.2, 0, 1)
    return col, gloss


def _floor_mirror(
    ctx: Ctx, image: Float, gloss: Float, prod: Mesh, pmat: NDArray[np.int64], mats: list[Material]
) -> Float:
    """A glossy floor: the product drawn mirrored in it, the wall found along the mirrored rays, Fresnel-weighted
    and blurred with the height of what is reflected."""
    view = ctx.view
    h, w = gloss.shape
    ys, xs = np.nonzero(gloss > 0)
    if not len(ys):
        return image
    eye = view.eye.astype(np.float32)
    # The floor point of each pixel, the mirrored ray, and the wall it meets.
    ray = np.stack([xs + 0.5 - w / 2, -(ys + 0.5 - h / 2), np.full(len(xs), view.scale)], 1).astype(np.float32)
    d = unit(np.einsum("nj,ji->ni", ray, view.rot.astype(np.float32)))
    s = -eye[1] / np.minimum(d[:, 1], -1e-4)
    q = eye + d * s[:, None]
    rdir = d * np.array([1, -1, 1], np.float32)
    tw = (ctx.scene.room.wall_z - q[:, 2]) / np.minimum(rdir[:, 2], -1e-4)
    hit = q + rdir * tw[:, None]
    hx, hy, _ = view.screen(view.cam(hit))
    hx, hy = np.clip(hx, 1, w - 2), np.clip(hy, 1, h - 2)
    behind = np.stack([remap(image[..., c], hx, hy) for c in range(3)], 1)
    ndv = np.clip(-d[:, 1], 0, 1)
    fres = 0.04 + 0.96 * (1 - ndv) ** 5
    refl = np.zeros((h, w, 3), np.float32)
    refl[ys, xs] = behind
    # The product, mirrored.
    mirrored = mirror_y(prod)
    keep = facing(view, mirrored.pos) | ~mirrored.closed
    ids = rasterise(view, mirrored.pos, keep).full()[1]
    my, mx = np.nonzero((ids >= 0) & (gloss > 0))
    height = np.zeros((h, w), np.float32)
    cover = np.zeros((h, w), np.float32)
    if len(my):
        tri = ids[my, mx]
        bary = barycentric(view, mirrored.pos, tri, mx + 0.5, my + 0.5)
        flipv = np.array([1, -1, 1], np.float32)
        p = interpolate(mirrored.pos, tri, bary) * flipv
        n = unit(interpolate(mirrored.nrm, tri, bary) * flipv)
        t = unit(interpolate(mirrored.tan, tri, bary) * flipv)
        uv = interpolate(mirrored.uv, tri, bary)
        sky = np.einsum("nk,nkm->nm", bary, ctx.vertex_sky[:, ::-1][tri])
        col, _ = _shade(ctx, mats, pmat[tri], p, n, t, uv, eye * flipv, sky, mirrored.closed[tri])
        refl[my, mx] = col
        cover[my, mx] = 1
        height[my, mx] = p[:, 1]
    # Blur grows with the height of what is mirrored: three levels mixed by it.
    sharp = refl
    ref_h = max(float(height.max()), 0.1)
    mix = np.clip(cv2.dilate(height, np.ones((5, 5), np.uint8)) / ref_h, 0, 1)[..., None]
    soft1 = cv2.GaussianBlur(refl, (0, 0), max(1.0, w / 900))
    soft2 = cv2.GaussianBlur(refl, (0, 0), max(2.0, w / 250))
    blurred = np.where(mix < 0.5, sharp + (soft1 - sharp) * (mix * 2), soft1 + (soft2 - soft1) * (mix * 2 - 1))
    blurred = np.where(cover[..., None] > 0, blurred, refl * 0.6 + soft1 * 0.4)
    k = np.zeros((h, w), np.float32)
    k[ys, xs] = fres
    k = (k * gloss)[..., None]
    return (image * (1 - k * 0.6) + blurred * k).astype(np.float32)


# --- the photo -----------------------------------------------------------------------------------------------


def _pixels(r: Raster, x0: int, y0: int, cols: int, rows: int) -> tuple[Float, NDArray[np.int32]]:
    """A raster's keys and ids over the box of pixels (x0, y0, cols, rows), as rows x cols x SS*SS samples."""
    key = np.full((rows * SS, cols * SS), -np.inf, np.float32)
    ids = np.full((rows * SS, cols * SS), -1, np.int32)
    if r.ids.size:
        ky, kx = r.y0 - y0 * SS, r.x0 - x0 * SS
        key[ky : ky + r.key.shape[0], kx : kx + r.key.shape[1]] = r.key
        ids[ky : ky + r.ids.shape[0], kx : kx + r.ids.shape[1]] = r.ids

    def split(a: NDArray[np.generic]) -> NDArray[np.generic]:
        return a.reshape(rows, SS, cols, SS).transpose(0, 2, 1, 3).reshape(rows, cols, SS * SS)

    return split(key), split(ids)


def _in_front(r: Raster, backdrop_key: Float) -> Raster:
    """The product's samples that the floor or a wall does not hide: a sample is dropped when it is farther than
    the farthest backdrop around its pixel (a part sunk into the floor or pushed into the wall is not seen, so it
    is not product either)."""
    if not r.ids.size:
        return r
    farthest = cv2.erode(backdrop_key, np.ones((3, 3), np.uint8), borderType=cv2.BORDER_REPLICATE)
    rows, cols = r.ids.shape
    py = (np.arange(rows) + r.y0) // SS
    px = (np.arange(cols) + r.x0) // SS
    limit = farthest[py[:, None], px[None, :]]
    hidden = r.key < limit * (1 - 1e-4)
    if not hidden.any():
        return r
    return Raster(
        np.where(hidden, -np.inf, r.key).astype(np.float32), np.where(hidden, -1, r.ids), r.x0, r.y0, r.width, r.height
    )


ORDER = np.array([4, 0, 2, 6, 8, 1, 3, 5, 7])  # the centre sample first


def _representative(ids: NDArray[np.int32]) -> tuple[NDArray[np.bool_], NDArray[np.int64]]:
    """For each pixel, whether any sample is covered, and which one to shade (the centre when it is)."""
    hits = ids[..., ORDER] >= 0
    return hits.any(-1), ORDER[np.argmax(hits, -1)]


def _shade_samples(
    ctx: Ctx,
    prod: Mesh,
    pmat: NDArray[np.int64],
    mats: list[Material],
    tri: NDArray[np.int32],
    sx: Float,
    sy: Float,
    pixels: tuple[NDArray[np.int64], tuple[int, int]] | None = None,
) -> tuple[Float, Float, Float]:
    """Shade samples at pixel coordinates on triangles ``tri``; with ``pixels`` (each sample's pixel in a box of
    that shape), the shadows' grain is first smoothed over neighbouring pixels of the product."""
    bary = barycentric(ctx.view, prod.pos, tri, sx, sy)
    p = interpolate(prod.pos, tri, bary)
    n = unit(interpolate(prod.nrm, tri, bary))
    t = unit(interpolate(prod.tan, tri, bary))
    uv = interpolate(prod.uv, tri, bary)
    sky = np.einsum("nk,nkm->nm", bary, ctx.vertex_sky[tri])
    shadows = None
    if pixels is not None:
        flat, shape = pixels
        size = shape[0] * shape[1]
        weight = cv2.GaussianBlur(np.bincount(flat, minlength=size).astype(np.float32).reshape(shape), (0, 0), 1.0)
        shadows = []
        for vis in light_vis(ctx, p, n=n):
            total = np.bincount(flat, weights=vis, minlength=size).astype(np.float32).reshape(shape)
            shadows.append((cv2.GaussianBlur(total, (0, 0), 1.0) / np.maximum(weight, 1e-6)).ravel()[flat])
    eye = ctx.view.eye.astype(np.float32)
    col, fres = _shade(ctx, mats, pmat[tri], p, n, t, uv, eye, sky, prod.closed[tri], shadows)
    return col, fres, n


def render(scene: Scene, width: int, height: int, seed: int = 0) -> tuple[Float, Float, Float, float]:
    """Linear radiance of the photo (before the camera), the truth, the backdrop's depth, and the radiance of a
    white card at the product (the exposure's reference)."""
    view = look(scene.eye, scene.target, width, height, scene.lens.fov, scene.lens.roll)
    prod = merge(*(p.mesh for p in scene.parts))
    mats = [p.material for p in scene.parts]
    pmat = np.repeat(np.arange(len(mats)), [p.mesh.count for p in scene.parts])
    glass = np.array([m.glass > 0 for m in mats])[pmat]
    ctx = setup(scene, view, prod, glass, seed)
    ctx.vertex_sky = vertex_sky(ctx, prod)
    bmesh, btags, bmats = _backdrop(scene.room, scene.eye)
    bmesh, btags = clip_near(view, bmesh, btags)
    bkey, bids = rasterise(view, bmesh.pos, np.ones(bmesh.count, bool)).full()
    front = facing(view, prod.pos) | ~prod.closed
    r_o = _in_front(rasterise(view, prod.pos, front & ~glass, SS), bkey)
    r_g = _in_front(rasterise(view, prod.pos, front & glass, SS), bkey)
    # The backdrop is shaded where it shows: around the opaque parts, behind glass, everywhere for a mirror floor.
    need = np.ones((height, width), bool)
    if not scene.room.floor.gloss and r_o.ids.size:
        solid = (r_o.ids >= 0).reshape(r_o.ids.shape[0] // SS, SS, -1, SS).all((1, 3))
        solid = cv2.erode(solid.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
        need[r_o.y0 // SS : r_o.y0 // SS + solid.shape[0], r_o.x0 // SS : r_o.x0 // SS + solid.shape[1]] &= ~solid
    image, zmap, gloss = _shade_backdrop(ctx, bmesh, btags, bmats, bids, need)
    if gloss.any():
        image = _floor_mirror(ctx, image, gloss, prod, pmat, mats)
    boxes = [r for r in (r_o, r_g) if r.ids.size]
    alpha = np.zeros((height, width), np.float32)
    if not boxes:
        return image, alpha, zmap, ctx.white
    x0, y0 = min(r.x0 for r in boxes) // SS, min(r.y0 for r in boxes) // SS
    x1 = max(r.x0 + r.ids.shape[1] for r in boxes) // SS
    y1 = max(r.y0 + r.ids.shape[0] for r in boxes) // SS
    cols, rows = x1 - x0, y1 - y0
    key_o, ids_o = _pixels(r_o, x0, y0, cols, rows)
    key_g, ids_g = _pixels(r_g, x0, y0, cols, rows)
    cover = ((ids_o >= 0) | (ids_g >= 0)).mean(-1).astype(np.float32)
    cover_o = (ids_o >= 0).mean(-1).astype(np.float32)
    bg = image[y0:y1, x0:x1]
    product = bg.copy()
    # Opaque parts: one sample per pixel, five (those covered of the centre and corners) where a pixel's samples
    # fall on different triangles, so that edges and thin parts are shaded as the camera would average them.
    has, pick = _representative(ids_o)
    covered = ids_o >= 0
    part = np.where(covered, pmat[np.maximum(ids_o, 0)], -1)
    near = np.where(covered, key_o, -np.inf).max(-1)
    far = np.where(covered, key_o, np.inf).min(-1)
    mixed = has & (
        ~covered.all(-1)
        | (part.max(-1) != np.where(covered, part, len(mats)).min(-1))
        | (near > far * 1.01)  # a part in front of itself (a tube across a tube)
    )
    plain = has & ~mixed
    py, px = np.nonzero(plain)
    s = pick[py, px]
    my, mx = np.nonzero(mixed)
    for k in (4, 0, 2, 6, 8):
        hit = ids_o[my, mx, k] >= 0
        py, px = np.concatenate([py, my[hit]]), np.concatenate([px, mx[hit]])
        s = np.concatenate([s, np.full(int(hit.sum()), k)])
    if len(py):
        sx = (x0 + px + (s % SS + 0.5) / SS).astype(np.float32)
        sy = (y0 + py + (s // SS + 0.5) / SS).astype(np.float32)
        flat = py * cols + px
        col, _, _ = _shade_samples(ctx, prod, pmat, mats, ids_o[py, px, s], sx, sy, (flat, (rows, cols)))
        total = np.zeros((rows * cols, 3), np.float32)
        count = np.zeros(rows * cols, np.float32)
        np.add.at(total, flat, col)
        np.add.at(count, flat, 1.0)
        done = count > 0
        product.reshape(-1, 3)[done] = total[done] / count[done, None]
    behind = product * cover_o[..., None] + bg * (1 - cover_o[..., None])
    # Glass, where it is in front of the opaque parts: what is behind it, displaced by its normal as seen from
    # the camera and tinted along its path through it, plus what it reflects.
    has, pick = _representative(ids_g)
    py, px = np.nonzero(has)
    s = pick[py, px]
    front_g = key_g[py, px, s] > key_o[py, px, s]
    py, px, s = py[front_g], px[front_g], s[front_g]
    if len(py):
        tri = ids_g[py, px, s]
        sx = (x0 + px + (s % SS + 0.5) / SS).astype(np.float32)
        sy = (y0 + py + (s // SS + 0.5) / SS).astype(np.float32)
        col, fres, n = _shade_samples(ctx, prod, pmat, mats, tri, sx, sy)
        nc = np.einsum("nj,ij->ni", n, view.rot.astype(np.float32))
        shift = 0.012 * width * (1 - np.abs(nc[:, 2]))
        through = remap(behind, px + 0.5 - nc[:, 0] * shift, py + 0.5 + nc[:, 1] * shift)
        # Rays bent hard near a rim leave the backdrop and see the darker studio or room around it.
        bent = ((1 - np.abs(nc[:, 2])) ** 2)[:, None]
        through = through * (1 - bent) + ctx.wall[None, :] * 0.2 * bent
        amount = np.array([m.glass for m in mats], np.float32)[pmat[tri]]
        tint = np.stack([linear(m.tint) for m in mats])[pmat[tri]]
        path = 1.0 / np.clip(np.abs(nc[:, 2]), 0.2, 1)
        trans = tint ** path[:, None] * (amount * (1 - fres))[:, None]
        product[py, px] = col + through * trans
    image[y0:y1, x0:x1] = product * cover[..., None] + bg * (1 - cover[..., None])
    alpha[y0:y1, x0:x1] = cover
    return image, alpha, zmap, ctx.white


def _aces(x: Float) -> Float:
    return np.clip(x * (2.51 * x + 0.03) / (x * (2.43 * x + 0.59) + 0.14), 0, 1)


def _develop(
    img: Float, zmap: Float, alpha: Float, white: float, lens: Lens, rng: np.random.Generator
) -> NDArray[np.uint8]:
    """The camera: defocus, exposure, chromatic aberration, vignetting, blur, noise, tone curve, sharpening."""
    h, w = alpha.shape
    if lens.dof:
        focus = float(np.median(zmap[alpha > 0.5])) if (alpha > 0.5).any() else float(np.median(zmap))
        coc = np.clip(lens.dof * np.abs(zmap - focus) / np.maximum(zmap, 0.1), 0, 1)[..., None]
        far = cv2.GaussianBlur(img, (0, 0), max(1.0, w / 350))
        mid = cv2.GaussianBlur(img, (0, 0), max(0.6, w / 900))
        soft = np.where(coc < 0.5, img + (mid - img) * coc * 2, mid + (far - mid) * (coc * 2 - 1))
        keep = cv2.GaussianBlur(alpha, (0, 0), 1.0)[..., None]  # the product stays in focus
        img = soft * (1 - keep) + img * keep
    img = img * (1.1 / white * 2.0**lens.ev)  # a white card at the product comes out just short of white
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = (w - 1) / 2, (h - 1) / 2
    rr = ((xx - cx) ** 2 + (yy - cy) ** 2) / (cx * cx + cy * cy)
    if lens.aberration:
        chans = []
        for c, k in ((0, 1 + lens.aberration), (1, 1.0), (2, 1 - lens.aberration)):
            mx, my = cx + (xx - cx) / k, cy + (yy - cy) / k
            chans.append(cv2.remap(img[..., c], mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT))
        img = np.stack(chans, -1)
    img = img * (1 - lens.vignette * rr**1.2)[..., None]
    img = cv2.GaussianBlur(img, (0, 0), lens.blur) if lens.blur > 0 else img
    sigma = np.sqrt(lens.noise**2 * np.clip(img, 0, None) + (0.35 * lens.noise) ** 2)
    grain = rng.standard_normal(img.shape, dtype=np.float32) * 0.7
    grain += rng.standard_normal((h, w, 1), dtype=np.float32) * 0.7
    img = img + sigma * cv2.GaussianBlur(grain, (0, 0), 0.5) * 1.6
    img = img * np.array([1 + lens.warmth, 1.0, 1 - lens.warmth], np.float32)
    out = _aces(np.clip(img, 0, None))
    out = np.where(out <= 0.0031308, 12.92 * out, 1.055 * np.power(np.maximum(out, 0.0031308), 1 / 2.4) - 0.055)
    if lens.sharpen:
        out = out + lens.sharpen * (out - cv2.GaussianBlur(out, (0, 0), 1.4))
    return np.clip(out * 255 + rng.random(out.shape, dtype=np.float32) - 0.5, 0, 255).round().astype(np.uint8)


def _jpeg(rgb: NDArray[np.uint8], quality: int, subsampling: int) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, "JPEG", quality=quality, subsampling=subsampling)
    return buf.getvalue()


def render_photo(scene: Scene, size: tuple[int, int], name: str, kind: str, notes: str, seed: int) -> RenderedScene:
    """The JPEG a merchant would upload and the exact alpha of its product."""
    width, height = size
    radiance, alpha, zmap, white = render(scene, width, height, seed)
    rgb = _develop(radiance, zmap, alpha, white, scene.lens, np.random.default_rng(seed + 7))
    lens = scene.lens
    if lens.recompress:
        rgb = np.asarray(Image.open(io.BytesIO(_jpeg(rgb, lens.recompress, 2))).convert("RGB"))
    data = _jpeg(rgb, lens.quality, lens.subsampling)
    decoded = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
    rendered = RenderedScene(name, decoded, np.clip(alpha, 0, 1).astype(np.float32), data, notes)
    rendered.extra["kind"] = kind
    return rendered
