"""Cameras, a z-buffered triangle rasteriser and shadow maps, in NumPy, for the blind set's renderer.

The rasteriser turns every triangle's bounding box into fragments at once (a band of rows at a time for big
triangles), tests each sample against the triangle's three edge functions and keeps the nearest with an
``np.maximum.at`` on a depth key that is linear in screen space (1/z through a pinhole, -z for an orthographic
view); a second pass writes the triangle index of each winner. Attributes are then interpolated per sample,
perspective-correct, from the index alone. The same rasteriser draws the photo (several samples per pixel),
shadow maps from points spread over an area light, orthographic maps of the sky's occlusion from a ring of
directions, and height maps of the product seen from below the floor and from behind the wall.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from imaging_eval.blind_mesh import Mesh

Float = NDArray[np.float32]
Ints = NDArray[np.int64]
NEAR = 0.05
BATCH = 1_500_000  # fragments per step
TILE = 4  # samples a side of the tiles tested against a triangle before their samples are


@dataclass(frozen=True)
class View:
    rot: NDArray[np.float64]  # rows: right, up, forward
    eye: NDArray[np.float64]
    width: int
    height: int
    scale: float  # focal length in pixels, or pixels per metre when orthographic
    ortho: bool = False

    def cam(self, p: Float) -> Float:
        d = p - self.eye.astype(np.float32)
        return np.einsum("...j,ij->...i", d, self.rot.astype(np.float32)).astype(np.float32)

    def screen(self, pc: Float) -> tuple[Float, Float, Float]:
        """Pixel x, y and the depth key of camera-space points (larger key = nearer)."""
        x, y, z = pc[..., 0], pc[..., 1], pc[..., 2]
        if self.ortho:
            return self.width / 2 + self.scale * x, self.height / 2 - self.scale * y, -z
        inv = 1.0 / np.maximum(z, 1e-6)
        return self.width / 2 + self.scale * x * inv, self.height / 2 - self.scale * y * inv, inv

    def depth(self, key: Float) -> Float:
        if self.ortho:
            return -key
        with np.errstate(divide="ignore"):
            return np.where(key > 0, 1.0 / np.maximum(key, 1e-12), np.inf).astype(np.float32)


def look(
    eye: Sequence[float] | NDArray[np.float64],
    target: Sequence[float] | NDArray[np.float64],
    width: int,
    height: int,
    fov: float = 40.0,
    roll: float = 0.0,
    span: float | None = None,
    up: Sequence[float] = (0.0, 1.0, 0.0),
) -> View:
    """A pinhole view from ``eye`` to ``target`` with a vertical field of view ``fov`` (degrees), rolled by
    ``roll`` degrees; orthographic when ``span`` (metres across the height) is given."""
    e, t = np.asarray(eye, float), np.asarray(target, float)
    fwd = (t - e) / np.linalg.norm(t - e)
    upv = np.asarray(up, float)
    if abs(float(np.dot(fwd, upv))) > 0.99:
        upv = np.array([0.0, 0.0, -1.0])
    right = np.cross(fwd, upv)
    right /= np.linalg.norm(right)
    camup = np.cross(right, fwd)
    a = np.radians(roll)
    right, camup = right * np.cos(a) + camup * np.sin(a), camup * np.cos(a) - right * np.sin(a)
    rot = np.stack([right, camup, fwd])
    if span is not None:
        return View(rot, e, width, height, height / span, True)
    return View(rot, e, width, height, (height / 2) / np.tan(np.radians(fov) / 2))


def facing(view: View, pos: Float) -> NDArray[np.bool_]:
    """Triangles whose front (the side their normals point to) is towards the view."""
    geo = np.cross(pos[:, 1] - pos[:, 0], pos[:, 2] - pos[:, 0])
    towards = (view.eye - pos[:, 0]) if not view.ortho else -view.rot[2][None, :]
    return (geo * towards).sum(1) > 0


def clip_near(view: View, mesh: Mesh, tags: Ints) -> tuple[Mesh, Ints]:
    """Triangles cut where they cross the view's near plane (big backdrop triangles reach behind the camera)."""
    z = view.cam(mesh.pos)[..., 2]
    inside = z > NEAR
    full = inside.all(1)
    cross = np.nonzero(inside.any(1) & ~full)[0]
    fields = ("pos", "nrm", "uv", "tan")
    out: dict[str, list[Float]] = {f: [getattr(mesh, f)[full]] for f in fields}
    out_tags, out_closed = [tags[full]], [mesh.closed[full]]
    for t in cross:
        poly: list[dict[str, Float]] = []
        for k in range(3):
            a, b = k, (k + 1) % 3
            va = {f: getattr(mesh, f)[t, a] for f in fields}
            if inside[t, a]:
                poly.append(va)
            if inside[t, a] != inside[t, b]:
                s = (NEAR - z[t, a]) / (z[t, b] - z[t, a])
                poly.append({f: va[f] + s * (getattr(mesh, f)[t, b] - va[f]) for f in fields})
        for k in range(1, len(poly) - 1):
            for f in fields:
                out[f].append(np.stack([poly[0][f], poly[k][f], poly[k + 1][f]])[None])
            out_tags.append(tags[t : t + 1])
            out_closed.append(mesh.closed[t : t + 1])
    clipped = Mesh(*(np.concatenate(out[f]).astype(np.float32) for f in fields), np.concatenate(out_closed))
    return clipped, np.concatenate(out_tags)


@dataclass(frozen=True)
class Raster:
    """Depth keys (larger = nearer, -inf where empty) and triangle indices (-1) over a box of the sample grid."""

    key: Float
    ids: NDArray[np.int32]
    x0: int  # the box's place in the full grid of samples
    y0: int
    width: int  # the full grid's size
    height: int

    def full(self) -> tuple[Float, NDArray[np.int32]]:
        key = np.full((self.height, self.width), -np.inf, np.float32)
        ids = np.full((self.height, self.width), -1, np.int32)
        rows, cols = self.key.shape
        key[self.y0 : self.y0 + rows, self.x0 : self.x0 + cols] = self.key
        ids[self.y0 : self.y0 + rows, self.x0 : self.x0 + cols] = self.ids
        return key, ids


def rasterise(view: View, pos: Float, keep: NDArray[np.bool_], ss: int = 1, far: bool = False) -> Raster:
    """The nearest triangle at each of ``ss`` x ``ss`` samples per pixel (the farthest with ``far``, whose keys
    are then negated). Only the box around the drawn triangles is stored, aligned to whole pixels."""
    w, h = view.width * ss, view.height * ss
    pc = view.cam(pos)
    if not view.ortho:
        keep = keep & (pc[..., 2] > NEAR).all(1)
    sel = np.nonzero(keep)[0]
    empty = Raster(np.full((0, 0), -np.inf, np.float32), np.full((0, 0), -1, np.int32), 0, 0, w, h)
    if not len(sel):
        return empty
    x, y, k = view.screen(pc[sel].astype(np.float64))
    k = -k if far else k
    x, y = x * ss - 0.5, y * ss - 0.5  # sample centres at whole numbers
    x0 = np.clip(np.ceil(x.min(1)), 0, w).astype(np.int64)
    x1 = np.clip(np.floor(x.max(1)), -1, w - 1).astype(np.int64)
    y0 = np.clip(np.ceil(y.min(1)), 0, h).astype(np.int64)
    y1 = np.clip(np.floor(y.max(1)), -1, h - 1).astype(np.int64)
    area = (x[:, 1] - x[:, 0]) * (y[:, 2] - y[:, 0]) - (y[:, 1] - y[:, 0]) * (x[:, 2] - x[:, 0])
    ok = (np.abs(area) > 1e-12) & (x1 >= x0) & (y1 >= y0)
    sel, x, y, k, x0, x1, y0, y1, area = (a[ok] for a in (sel, x, y, k, x0, x1, y0, y1, area))
    if not len(sel):
        return empty
    bx0, by0 = int(x0.min()) // ss * ss, int(y0.min()) // ss * ss
    bx1, by1 = -(-(int(x1.max()) + 1) // ss) * ss, -(-(int(y1.max()) + 1) // ss) * ss
    cols = bx1 - bx0
    zbuf = np.full((by1 - by0) * cols, -np.inf, np.float32)
    ids = np.full((by1 - by0) * cols, -1, np.int32)
    # Edge functions in coordinates local to each bounding box: l0 and l1 are barycentric weights, l2 = 1 - l0 - l1.
    a0, b0 = -(y[:, 2] - y[:, 1]) / area, (x[:, 2] - x[:, 1]) / area
    a1, b1 = -(y[:, 0] - y[:, 2]) / area, (x[:, 0] - x[:, 2]) / area
    c0 = ((y[:, 2] - y[:, 1]) * (x[:, 1] - x0) - (x[:, 2] - x[:, 1]) * (y[:, 1] - y0)) / area
    c1 = ((y[:, 0] - y[:, 2]) * (x[:, 2] - x0) - (x[:, 0] - x[:, 2]) * (y[:, 2] - y0)) / area
    kx = (k[:, 0] - k[:, 2]) * a0 + (k[:, 1] - k[:, 2]) * a1
    ky = (k[:, 0] - k[:, 2]) * b0 + (k[:, 1] - k[:, 2]) * b1
    kc = k[:, 2] + (k[:, 0] - k[:, 2]) * c0 + (k[:, 1] - k[:, 2]) * c1
    coef = np.stack([a0, b0, c0, a1, b1, c1, kx, ky, kc], 1).astype(np.float32)
    bw, bh = x1 - x0 + 1, y1 - y0 + 1
    # Tiles of each box that an edge function does not rule out.
    ntx, nty = -(-bw // TILE), -(-bh // TILE)
    nt = ntx * nty
    tt = np.repeat(np.arange(len(sel)), nt)
    idx = np.arange(len(tt)) - np.repeat(np.cumsum(nt) - nt, nt)
    tx, ty = (idx % ntx[tt]) * TILE, (idx // ntx[tt]) * TILE
    tw, th = np.minimum(TILE, bw[tt] - tx), np.minimum(TILE, bh[tt] - ty)
    alive = np.ones(len(tt), bool)
    for a, b, c, sign in ((a0, b0, c0, 1.0), (a1, b1, c1, 1.0), (a0 + a1, b0 + b1, c0 + c1 - 1.0, -1.0)):
        at, bt = a[tt] * sign, b[tt] * sign
        best = sign * c[tt] + at * np.where(at > 0, tx + tw - 1, tx) + bt * np.where(bt > 0, ty + th - 1, ty)
        alive &= best >= -1e-9
    tt, tx, ty, tw, th = (v[alive] for v in (tt, tx, ty, tw, th))
    cell = np.arange(TILE * TILE)
    cx, cy = (cell % TILE)[None, :], (cell // TILE)[None, :]
    org_x, org_y = x0 - bx0, y0 - by0
    step = max(1, BATCH // (TILE * TILE))
    for lo in range(0, len(tt), step):
        t = tt[lo : lo + step]
        # Each tile as a full block of samples, in broadcast arrays: tiles x samples.
        lx, ly = tx[lo : lo + step, None] + cx, ty[lo : lo + step, None] + cy
        fx, fy = lx.astype(np.float32), ly.astype(np.float32)
        c = coef[t]
        l0 = c[:, 0:1] * fx + c[:, 1:2] * fy + c[:, 2:3]
        l1 = c[:, 3:4] * fx + c[:, 4:5] * fy + c[:, 5:6]
        inside = (l0 >= 0) & (l1 >= 0) & (l0 + l1 <= 1)
        inside &= (cx < tw[lo : lo + step, None]) & (cy < th[lo : lo + step, None])
        if not inside.any():
            continue
        key = (c[:, 6:7] * fx + c[:, 7:8] * fy + c[:, 8:9])[inside]
        pix = ((org_y[t, None] + ly) * cols + org_x[t, None] + lx)[inside]
        tri = np.broadcast_to(sel[t][:, None], inside.shape)[inside]
        np.maximum.at(zbuf, pix, key)
        win = key >= zbuf[pix]
        ids[pix[win]] = tri[win]
    return Raster(zbuf.reshape(-1, cols), ids.reshape(-1, cols), bx0, by0, w, h)


def barycentric(view: View, pos: Float, tri: NDArray[np.int32], px: Float, py: Float) -> Float:
    """Perspective-correct barycentric weights (N x 3) of points at pixel coordinates on triangles ``tri``."""
    x, y, k = view.screen(view.cam(pos))
    x, y, k = x[tri], y[tri], k[tri]
    area = (x[:, 1] - x[:, 0]) * (y[:, 2] - y[:, 0]) - (y[:, 1] - y[:, 0]) * (x[:, 2] - x[:, 0])
    area = np.where(np.abs(area) < 1e-9, np.float32(1e-9), area)
    l0 = ((x[:, 2] - x[:, 1]) * (py - y[:, 1]) - (y[:, 2] - y[:, 1]) * (px - x[:, 1])) / area
    l1 = ((x[:, 0] - x[:, 2]) * (py - y[:, 2]) - (y[:, 0] - y[:, 2]) * (px - x[:, 2])) / area
    lam = np.clip(np.stack([l0, l1, 1 - l0 - l1], 1), 0, 1)
    if not view.ortho:
        lam = lam * k
    return (lam / np.maximum(lam.sum(1, keepdims=True), 1e-12)).astype(np.float32)


def interpolate(attr: Float, tri: NDArray[np.int32], bary: Float) -> Float:
    return np.einsum("nk,nkc->nc", bary, attr[tri]).astype(np.float32)


@dataclass(frozen=True)
class DepthMap:
    """What a light, or a direction of the sky, sees: the nearest opaque and glass surfaces' depths, each with a
    border of one empty texel (flattened, for lookups by index)."""

    view: View
    opaque: Float
    glass: Float | None  # None: no glass in sight

    @property
    def stride(self) -> int:
        return self.view.width + 2


def _bordered(depth: Float) -> Float:
    return np.pad(depth, 1, constant_values=np.inf).ravel()


def depth_map(view: View, pos: Float, closed: NDArray[np.bool_], glass: NDArray[np.bool_]) -> DepthMap:
    """Closed surfaces are drawn by their back faces, so a lit surface does not shadow itself."""
    back = ~facing(view, pos)
    drawn = back | ~closed
    key_o, _ = rasterise(view, pos, drawn & ~glass).full()
    if not (drawn & glass).any():
        return DepthMap(view, _bordered(view.depth(key_o)), None)
    key_g, _ = rasterise(view, pos, drawn & glass).full()
    return DepthMap(view, _bordered(view.depth(key_o)), _bordered(view.depth(key_g)))


def visibility(
    dm: DepthMap,
    p: Float,
    jitter: Float | None = None,
    spread: float = 0.0,
    glass_shade: float = 0.55,
    normals: Float | None = None,
    nearest: bool = False,
) -> Float:
    """How much of the light reaches points ``p`` (N x 3): a bilinear percentage-closer test (a single nearest
    texel with ``nearest``), 1 outside the map.

    With ``spread`` (the distance between neighbouring points of the light's disc) and a ``jitter`` in [-1, 1],
    each lookup moves by as much as the shadow of the nearest blocker moves between those points, so that the
    shadows of a few points of the light blend into one penumbra. With ``normals``, each point is first moved
    two texels off its surface, so that the surface does not shadow itself."""
    v = dm.view
    pc = v.cam(p)
    if normals is not None:
        step = np.full(len(p), 1.0 / v.scale, np.float32) if v.ortho else np.maximum(pc[:, 2], 0.0) / v.scale
        pc = pc + np.einsum("nj,ij->ni", normals, v.rot.astype(np.float32)) * (2.0 * step)[:, None]
    x, y, _ = v.screen(pc)
    z = pc[:, 2]
    texel = np.float32(1.0 / v.scale) if v.ortho else np.maximum(z, 0.0) / v.scale
    out = np.ones(len(p), np.float32)
    ok = (x > -4) & (y > -4) & (x < v.width + 4) & (y < v.height + 4)
    if not v.ortho:
        ok &= z > 0
    if not ok.any():
        return out
    idx = np.nonzero(ok)[0]
    gx, gy, zo = x[idx] - 0.5, y[idx] - 0.5, z[idx]
    zr = zo - (2.5 * (texel if v.ortho else texel[idx]) + 0.003)
    stride = dm.stride
    if jitter is not None:
        jit = jitter[idx]
        if spread > 0 and not v.ortho:
            base = np.clip(np.round(gy).astype(np.int32), -1, v.height) + 1
            base = base * stride + np.clip(np.round(gx).astype(np.int32), -1, v.width) + 1
            block = np.full(len(gx), np.inf, np.float32)
            size = len(dm.opaque)
            for off in (0, -6 * stride - 6, 6 * stride + 6):
                at = np.clip(base + off, 0, size - 1)
                d = dm.opaque[at] if dm.glass is None else np.minimum(dm.opaque[at], dm.glass[at])
                block = np.minimum(block, np.where(d < zr, d, np.inf))
            found = np.isfinite(block)
            reach = np.zeros(len(gx), np.float32)
            reach[found] = spread * (zo[found] - block[found]) / block[found] * v.scale / zo[found]
            jit = jit * np.clip(reach, 0.7, 40)[:, None]
        gx, gy = gx + jit[:, 0], gy + jit[:, 1]
    gx = np.clip(gx, -1, v.width)
    gy = np.clip(gy, -1, v.height)
    if nearest:
        at = (np.round(gy).astype(np.int32) + 1) * stride + np.round(gx).astype(np.int32) + 1
        lit1 = (dm.opaque[at] >= zr).astype(np.float32)
        if dm.glass is not None:
            lit1 *= 1 - glass_shade * (dm.glass[at] < zr)
        out[idx] = lit1
        return out
    ix, iy = np.floor(gx), np.floor(gy)
    fx, fy = (gx - ix).astype(np.float32), (gy - iy).astype(np.float32)
    first = (iy.astype(np.int32) + 1) * stride + ix.astype(np.int32) + 1
    lit = np.zeros(len(gx), np.float32)
    for off, wgt in ((0, (1 - fx) * (1 - fy)), (1, fx * (1 - fy)), (stride, (1 - fx) * fy), (stride + 1, fx * fy)):
        at = np.minimum(first + off, len(dm.opaque) - 1)
        shade = (dm.opaque[at] >= zr).astype(np.float32)
        if dm.glass is not None:
            shade *= 1 - glass_shade * (dm.glass[at] < zr)
        lit += wgt * shade
    out[idx] = lit
    return out
