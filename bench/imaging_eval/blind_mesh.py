"""Triangle meshes for the blind set's renderer (``blind_render.py``): the products' geometry, in metres.

A mesh is a triangle soup: each triangle carries its three corners, their smooth normals, texture coordinates
in metres (so a material's pattern keeps its real size on every part) and a tangent along ``u`` for bump
mapping. The winding of every triangle is made to agree with its normals, so a closed mesh's back faces can be
skipped. Builders: bevelled boxes, surfaces of revolution (cylinders, cones, vases, shades, bowls, spheres),
tubes swept along paths (legs, frames, wires, cables, hoops, tori), extruded outlines with capped ends, and
thin two-sided sheets (leaves, slats of cloth). ``place`` moves and turns a mesh; ``merge`` joins meshes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Float = NDArray[np.float32]
F64 = NDArray[np.float64]
Vec = tuple[float, float, float]


@dataclass(frozen=True)
class Mesh:
    pos: Float  # T x 3 x 3: corners
    nrm: Float  # T x 3 x 3: unit normals at the corners
    uv: Float  # T x 3 x 2: texture coordinates, metres
    tan: Float  # T x 3 x 3: unit tangents along u
    closed: NDArray[np.bool_]  # T: part of a closed surface (its back faces are never seen)

    @property
    def count(self) -> int:
        return int(self.pos.shape[0])


def _unit(v: F64) -> F64:
    n = np.linalg.norm(v, axis=-1, keepdims=True)
    return v / np.maximum(n, 1e-12)


def _soup(p: F64, n: F64, uv: F64, t: F64, faces: NDArray[np.int64], closed: bool) -> Mesh:
    """Triangles ``faces`` over vertex arrays, wound to agree with their normals; degenerate ones dropped."""
    tri_p, tri_n, tri_uv, tri_t = p[faces], n[faces], uv[faces], t[faces]
    geo = np.cross(tri_p[:, 1] - tri_p[:, 0], tri_p[:, 2] - tri_p[:, 0])
    area = np.linalg.norm(geo, axis=1)
    keep = area > 1e-12
    flip = (geo * tri_n.sum(axis=1)).sum(axis=1) < 0
    order = np.where(flip[:, None], [0, 2, 1], [0, 1, 2])
    pick = np.arange(len(faces))[:, None]
    out = [a[pick, order][keep] for a in (tri_p, tri_n, tri_uv, tri_t)]
    count = int(keep.sum())
    return Mesh(
        out[0].astype(np.float32),
        _unit(out[1]).astype(np.float32),
        out[2].astype(np.float32),
        _unit(out[3]).astype(np.float32),
        np.full(count, closed),
    )


def grid(p: F64, n: F64, uv: F64, t: F64, closed: bool) -> Mesh:
    """A quad grid of vertices (rows x cols x ...) as two triangles per quad."""
    rows, cols = p.shape[:2]
    idx = np.arange(rows * cols).reshape(rows, cols)
    a, b = idx[:-1, :-1].ravel(), idx[1:, :-1].ravel()
    c, d = idx[1:, 1:].ravel(), idx[:-1, 1:].ravel()
    faces = np.concatenate([np.stack([a, b, c], 1), np.stack([a, c, d], 1)])
    flat = [x.reshape(rows * cols, -1) for x in (p, n, uv, t)]
    return _soup(flat[0], flat[1], flat[2], flat[3], faces, closed)


def merge(*meshes: Mesh) -> Mesh:
    return Mesh(*(np.concatenate([getattr(m, f) for m in meshes]) for f in ("pos", "nrm", "uv", "tan", "closed")))


def rotation(yaw: float = 0.0, pitch: float = 0.0, roll: float = 0.0) -> F64:
    """Degrees about y (turning right), then x (tipping the top away), then z."""
    a, b, c = np.radians([yaw, pitch, roll])
    ry = np.array([[np.cos(a), 0, np.sin(a)], [0, 1, 0], [-np.sin(a), 0, np.cos(a)]])
    rx = np.array([[1, 0, 0], [0, np.cos(b), -np.sin(b)], [0, np.sin(b), np.cos(b)]])
    rz = np.array([[np.cos(c), -np.sin(c), 0], [np.sin(c), np.cos(c), 0], [0, 0, 1]])
    return ry @ rx @ rz


def place(mesh: Mesh, at: Sequence[float] = (0, 0, 0), yaw: float = 0, pitch: float = 0, roll: float = 0) -> Mesh:
    r = rotation(yaw, pitch, roll).astype(np.float32)
    return Mesh(
        np.einsum("tkj,ij->tki", mesh.pos, r) + np.asarray(at, np.float32),
        np.einsum("tkj,ij->tki", mesh.nrm, r),
        mesh.uv,
        np.einsum("tkj,ij->tki", mesh.tan, r),
        mesh.closed,
    )


def mirror_y(mesh: Mesh) -> Mesh:
    """The mesh mirrored in the floor (y = 0), wound again to agree with its mirrored normals."""
    s = np.array([1, -1, 1], np.float32)
    return Mesh(mesh.pos[:, ::-1] * s, mesh.nrm[:, ::-1] * s, mesh.uv[:, ::-1], mesh.tan[:, ::-1] * s, mesh.closed)


def _bevel_steps(half: float, bevel: float, flat: int, round_steps: int) -> F64:
    """Coordinates across a face from -half to half: dense on the bevels, ``flat`` spans between."""
    inner = half - bevel
    curve = inner + bevel * np.tan(np.linspace(0, np.pi / 4, round_steps + 1))  # up to the 45 degree seam
    mid = np.linspace(-inner, inner, flat + 1)
    return np.concatenate([-curve[::-1], mid[1:-1], curve])


def box(half: Vec, bevel: float = 0.0, at: Vec = (0, 0, 0), yaw: float = 0.0, pitch: float = 0.0) -> Mesh:
    """A box with rounded edges of radius ``bevel`` (sharp when 0): six face grids meeting on 45 degree seams."""
    h = np.asarray(half, float)
    r = min(bevel, float(h.min()) * 0.98)
    steps = 4 if r > 0 else 0
    parts = []
    for axis in range(3):
        ua, va = (axis + 1) % 3, (axis + 2) % 3
        us = _bevel_steps(h[ua], r, max(1, round(h[ua] / 0.05)), steps) if r > 0 else np.array([-h[ua], h[ua]])
        vs = _bevel_steps(h[va], r, max(1, round(h[va] / 0.05)), steps) if r > 0 else np.array([-h[va], h[va]])
        uu, vv = np.meshgrid(us, vs, indexing="ij")
        for sign in (-1.0, 1.0):
            outer = np.zeros((*uu.shape, 3))
            outer[..., axis], outer[..., ua], outer[..., va] = sign * h[axis], uu, vv
            core = np.clip(outer, -(h - r), h - r)
            normal = _unit(outer - core) if r > 0 else np.zeros_like(outer)
            if r == 0:
                normal[..., axis] = sign
            p = core + r * normal if r > 0 else outer
            tan = np.zeros_like(outer)
            tan[..., ua] = 1.0
            uv = np.stack([uu, vv], -1)
            parts.append(grid(p, normal, uv, tan, True))
    return place(merge(*parts), at, yaw, pitch)


def lathe(
    profile: Sequence[tuple[float, float]],
    segments: int = 48,
    at: Vec = (0, 0, 0),
    crease: float = 35.0,
    closed: bool = True,
    arc: tuple[float, float] = (0.0, 360.0),
    smooth: bool = False,
) -> Mesh:
    """A surface of revolution about the vertical axis through ``at``: ``profile`` is (radius, height) from the
    bottom up (with ``smooth``, a curve through those points). Corners sharper than ``crease`` degrees stay
    sharp; elsewhere the normals are smooth."""
    prof = np.asarray(profile, float)
    if smooth:
        prof = np.clip(smooth_path(np.concatenate([prof, np.zeros((len(prof), 1))], 1), 8)[:, :2], 0, None)
    seg = np.diff(prof, axis=0)
    length = np.linalg.norm(seg, axis=1)
    keep = length > 1e-9
    prof = np.concatenate([prof[:1], prof[1:][keep]])
    seg = np.diff(prof, axis=0)
    seg_n = _unit(np.stack([seg[:, 1], -seg[:, 0]], 1))  # outward in (r, y)
    turn = np.degrees(np.arccos(np.clip((seg_n[1:] * seg_n[:-1]).sum(1), -1, 1)))
    # Each segment gets its own pair of rings; the normal at a shared vertex is averaged unless it is a crease.
    starts, ends = seg_n.copy(), seg_n.copy()
    smooth = turn < crease
    avg = _unit(seg_n[1:] + seg_n[:-1])
    ends[:-1][smooth] = avg[smooth]
    starts[1:][smooth] = avg[smooth]
    arclen = np.concatenate([[0.0], np.cumsum(np.linalg.norm(seg, axis=1))])
    theta = np.radians(np.linspace(arc[0], arc[1], segments + 1))
    radius_ref = max(float(prof[:, 0].max()), 1e-3)
    rows_p, rows_n, rows_uv = [], [], []
    for i in range(len(seg)):
        for k, nn in ((i, starts[i]), (i + 1, ends[i])):
            rr, yy = prof[k]
            rows_p.append(np.stack([rr * np.cos(theta), np.full_like(theta, yy), -rr * np.sin(theta)], 1))
            rows_n.append(np.stack([nn[0] * np.cos(theta), np.full_like(theta, nn[1]), -nn[0] * np.sin(theta)], 1))
            if abs(seg_n[i][1]) > 0.9:  # a flat ring or disc: its pattern laid across it, not around
                rows_uv.append(np.stack([rr * np.cos(theta), -rr * np.sin(theta)], 1))
            else:
                rows_uv.append(np.stack([theta * radius_ref, np.full_like(theta, arclen[k])], 1))
    p, n, uv = np.stack(rows_p), np.stack(rows_n), np.stack(rows_uv)
    tan = np.stack([-np.sin(theta), np.zeros_like(theta), -np.cos(theta)], 1)[None].repeat(len(p), 0)
    flat = np.repeat(np.abs(seg_n[:, 1]) > 0.9, 2)
    tan[flat] = [1.0, 0.0, 0.0]
    # Pairs of rows: (0,1), (2,3), ... are the segments; build each strip alone so creases stay sharp.
    strips = [grid(p[j : j + 2], n[j : j + 2], uv[j : j + 2], tan[j : j + 2], closed) for j in range(0, len(p), 2)]
    return place(merge(*strips), at)


def cylinder(r: float, height: float, at: Vec = (0, 0, 0), bevel: float = 0.0, segments: int = 40) -> Mesh:
    if bevel <= 0:
        return lathe([(0, 0), (r, 0), (r, height), (0, height)], segments, at)
    b = min(bevel, r * 0.5, height * 0.5)
    arc = [(r - b + b * np.sin(a), b - b * np.cos(a)) for a in np.linspace(0, np.pi / 2, 4)]
    top = [(x, height - y) for x, y in arc[::-1]]
    return lathe([(0, 0), *arc, *top, (0, height)], segments, at, crease=50)


def sphere(r: float, at: Vec = (0, 0, 0), rows: int = 18, squash: float = 1.0) -> Mesh:
    a = np.linspace(-np.pi / 2, np.pi / 2, rows + 1)
    return lathe([(r * np.cos(t), r * squash * (1 + np.sin(t))) for t in a], 2 * rows + 4, at, crease=80)


def _frames(path: F64, loop: bool) -> tuple[F64, F64, F64]:
    """Tangents and parallel-transported normal and binormal along a polyline."""
    d = np.gradient(path, axis=0) if not loop else (np.roll(path, -1, 0) - np.roll(path, 1, 0))
    t = _unit(d)
    ref = np.array([0.0, 1.0, 0.0]) if abs(t[0, 1]) < 0.9 else np.array([1.0, 0.0, 0.0])
    n0 = _unit(np.cross(t[0], ref))
    normals = [n0]
    for i in range(1, len(t)):
        # Turn the last normal by the rotation that takes the last tangent to this one (Rodrigues).
        axis = np.cross(t[i - 1], t[i])
        s, c = float(np.linalg.norm(axis)), float(np.dot(t[i - 1], t[i]))
        v = normals[-1]
        if s > 1e-9:
            k = axis / s
            a = np.arctan2(s, c)
            v = v * np.cos(a) + np.cross(k, v) * np.sin(a) + k * np.dot(k, v) * (1 - np.cos(a))
        normals.append(_unit(v - t[i] * np.dot(v, t[i])))
    nrm = np.stack(normals)
    return t, nrm, np.cross(t, nrm)


def smooth_path(points: Sequence[Sequence[float]] | F64, per_span: int = 12, loop: bool = False) -> F64:
    """A Catmull-Rom curve through ``points`` (at least two)."""
    p = np.asarray(points, float)
    if len(p) == 2:
        return np.linspace(p[0], p[1], per_span + 1)
    ext = np.concatenate([p[-1:], p, p[:2]]) if loop else np.concatenate([2 * p[:1] - p[1:2], p, 2 * p[-1:] - p[-2:-1]])
    spans = len(p) if loop else len(p) - 1
    s = np.linspace(0, 1, per_span, endpoint=False)[:, None]
    out = []
    for i in range(spans):
        a, b, c, d = ext[i], ext[i + 1], ext[i + 2], ext[i + 3]
        out.append(0.5 * (2 * b + (c - a) * s + (2 * a - 5 * b + 4 * c - d) * s**2 + (3 * b - a - 3 * c + d) * s**3))
    if not loop:
        out.append(p[-1:])
    return np.concatenate(out)


def tube(
    path: Sequence[Sequence[float]] | F64,
    radius: float | Sequence[float] | F64,
    sides: int = 12,
    caps: bool = True,
    loop: bool = False,
) -> Mesh:
    """A round tube along a polyline (taken as dense enough already), of one radius or one per point."""
    c = np.asarray(path, float)
    rad = np.broadcast_to(np.asarray(radius, float), (len(c),))
    if loop:
        c = c[:-1] if np.allclose(c[0], c[-1]) else c
    t, nrm, bnm = _frames(c, loop)
    if loop:
        c, t, nrm, bnm, rad = (np.concatenate([a, a[:1]]) for a in (c, t, nrm, bnm, rad))
        # close the transport: blend the frame back to its start to avoid a twist seam
        twist = np.arctan2(np.dot(nrm[-2], bnm[0]), np.dot(nrm[-2], nrm[0]))
        ang = -twist * np.linspace(0, 1, len(c))[:, None]
        nrm, bnm = nrm * np.cos(ang) + bnm * np.sin(ang), bnm * np.cos(ang) - nrm * np.sin(ang)
        nrm[-1], bnm[-1] = nrm[0], bnm[0]
    a = np.linspace(0, 2 * np.pi, sides + 1)
    ring = np.cos(a)[None, :, None] * nrm[:, None] + np.sin(a)[None, :, None] * bnm[:, None]
    p = c[:, None] + rad[:, None, None] * ring
    arclen = np.concatenate([[0.0], np.cumsum(np.linalg.norm(np.diff(c, axis=0), axis=1))])
    uv = np.stack(np.broadcast_arrays(arclen[:, None], a[None, :] * float(rad.mean())), -1)
    tan = np.broadcast_to(t[:, None], p.shape)
    parts = [grid(p, ring, uv, np.ascontiguousarray(tan), True)]
    if caps and not loop:
        for k, sgn in ((0, -1.0), (len(c) - 1, 1.0)):
            centre = np.broadcast_to(c[k], (sides + 1, 3))
            cap_p = np.stack([centre, p[k]])
            cap_n = np.broadcast_to(sgn * t[k], cap_p.shape)
            cap_uv = np.zeros((2, sides + 1, 2))
            cap_uv[1] = np.stack([np.cos(a), np.sin(a)], 1) * rad[k]
            parts.append(grid(cap_p, np.ascontiguousarray(cap_n), cap_uv, np.broadcast_to(nrm[k], cap_p.shape), True))
    return merge(*parts)


def torus(
    major: float, minor: float, at: Vec = (0, 0, 0), pitch: float = 0.0, yaw: float = 0.0, sides: int = 14
) -> Mesh:
    """A ring lying flat (in x-z) before it is tipped by ``pitch`` and turned by ``yaw``."""
    a = np.linspace(0, 2 * np.pi, 72, endpoint=False)
    ring = np.stack([major * np.cos(a), np.zeros_like(a), major * np.sin(a)], 1)
    return place(tube(ring, minor, sides, loop=True), at, yaw, pitch)


def _triangulate(poly: F64) -> NDArray[np.int64]:
    """Ear clipping of a simple polygon (counter-clockwise)."""
    idx = list(range(len(poly)))
    out: list[tuple[int, int, int]] = []
    guard = 0
    while len(idx) > 3 and guard < 10000:
        guard += 1
        for k in range(len(idx)):
            i0, i1, i2 = idx[k - 1], idx[k], idx[(k + 1) % len(idx)]
            a, b, c = poly[i0], poly[i1], poly[i2]
            if (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) <= 0:
                continue
            others = [poly[j] for j in idx if j not in (i0, i1, i2)]
            if any(_inside_tri(q, a, b, c) for q in others):
                continue
            out.append((i0, i1, i2))
            idx.pop(k)
            break
    out.append((idx[0], idx[1], idx[2]))
    return np.asarray(out, np.int64)


def _inside_tri(q: F64, a: F64, b: F64, c: F64) -> bool:
    def side(p1: F64, p2: F64) -> float:
        return float((p2[0] - p1[0]) * (q[1] - p1[1]) - (p2[1] - p1[1]) * (q[0] - p1[0]))

    return side(a, b) >= 0 and side(b, c) >= 0 and side(c, a) >= 0


def extrude(
    outline: Sequence[tuple[float, float]], depth: float, at: Vec = (0, 0, 0), yaw: float = 0.0, pitch: float = 0.0
) -> Mesh:
    """A flat outline (x, y) extruded along z from 0 to ``depth``, with capped ends and sharp side edges."""
    poly = np.asarray(outline, float)
    if sum((poly[i - 1, 0] * poly[i, 1] - poly[i, 0] * poly[i - 1, 1]) for i in range(len(poly))) < 0:
        poly = poly[::-1]
    tris = _triangulate(poly)
    parts = []
    for z, sgn in ((0.0, -1.0), (depth, 1.0)):
        p = np.concatenate([poly, np.full((len(poly), 1), z)], 1)
        n = np.broadcast_to([0, 0, sgn], p.shape).astype(float)
        t = np.broadcast_to([1.0, 0, 0], p.shape).astype(float)
        parts.append(_soup(p, n, poly.copy(), t, tris, True))
    perim = np.concatenate(
        [[0.0], np.cumsum(np.linalg.norm(np.diff(np.concatenate([poly, poly[:1]]), axis=0), axis=1))]
    )
    for i in range(len(poly)):
        a, b = poly[i], poly[(i + 1) % len(poly)]
        edge = b - a
        n2 = _unit(np.array([edge[1], -edge[0]]))
        p = np.array([[[a[0], a[1], 0], [a[0], a[1], depth]], [[b[0], b[1], 0], [b[0], b[1], depth]]])
        n = np.broadcast_to([n2[0], n2[1], 0], p.shape).astype(float)
        uv = np.array([[[perim[i], 0], [perim[i], depth]], [[perim[i + 1], 0], [perim[i + 1], depth]]])
        t = np.broadcast_to(np.append(_unit(edge), 0), p.shape).astype(float)
        parts.append(grid(p, n, uv, t, True))
    return place(merge(*parts), at, yaw, pitch)


def sheet(points: F64, normals: F64 | None = None) -> Mesh:
    """A thin two-sided surface through a grid of points (rows x cols x 3): leaves, a fold of cloth."""
    rows, cols = points.shape[:2]
    du = np.gradient(points, axis=1)
    dv = np.gradient(points, axis=0)
    n = _unit(np.cross(du, dv)) if normals is None else normals
    u = np.concatenate([np.zeros((rows, 1)), np.cumsum(np.linalg.norm(np.diff(points, axis=1), axis=2), 1)], 1)
    v = np.concatenate([np.zeros((1, cols)), np.cumsum(np.linalg.norm(np.diff(points, axis=0), axis=2), 0)], 0)
    return grid(points, n, np.stack([u, v], -1), _unit(du), False)


def leaf(base: Vec, direction: Vec, length: float, width: float, droop: float = 0.3, fold: float = 0.25) -> Mesh:
    """A leaf from ``base`` along ``direction`` (drooping under its weight), folded along its midrib."""
    d = _unit(np.asarray(direction, float))
    side = _unit(np.cross(d, [0.0, 1.0, 0.0]) if abs(d[1]) < 0.95 else np.array([1.0, 0, 0]))
    up = np.cross(side, d)
    s = np.linspace(0, 1, 9)[:, None, None]
    w = np.linspace(-1, 1, 5)[None, :, None]
    half = width * 0.5 * np.sin(np.pi * np.clip(s, 0, 1)) ** 0.8
    spine = np.asarray(base) + length * s * d - length * droop * s**2 * np.array([0, 1.0, 0])
    p = spine + half * w * side + width * fold * np.abs(w) * up
    return sheet(p)
