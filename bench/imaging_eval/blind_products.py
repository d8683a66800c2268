"""Products for the blind set, built from ``blind_mesh.py``'s meshes in metres: standing on the floor (y = 0),
centred on x = z = 0 and facing the camera (+z) unless placed otherwise. Each returns its parts with their
materials, so a photo can dress the same piece of furniture in its own finishes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from imaging_eval.blind_light import Part
from imaging_eval.blind_mesh import (
    Mesh,
    box,
    cylinder,
    extrude,
    lathe,
    leaf,
    merge,
    place,
    smooth_path,
    sphere,
    torus,
    tube,
)
from imaging_eval.blind_texture import Material

Pt = tuple[float, float, float]


def leg(top: Pt, foot: Pt, r_top: float, r_foot: float, sides: int = 12) -> Mesh:
    return tube(np.linspace(top, foot, 6), np.linspace(r_top, r_foot, 6), sides)


def four_legs(
    half_x: float, half_z: float, top: float, r_top: float, r_foot: float, splay: float = 0.0, x0: float = 0.0
) -> Mesh:
    out = []
    for sx in (-1, 1):
        for sz in (-1, 1):
            a = (x0 + sx * half_x, top, sz * half_z)
            b = (x0 + sx * (half_x + splay), 0.0, sz * (half_z + splay))
            out.append(leg(a, b, r_top, r_foot))
    return merge(*out)


def cable(points: Sequence[Pt], r: float = 0.0032, per_span: int = 10) -> Mesh:
    return tube(smooth_path(points, per_span), r, 7)


def rounded_rect(hx: float, hz: float, y: float, r: float, per_corner: int = 6) -> NDArray[np.float64]:
    """A closed path around a rectangle (half sizes ``hx``, ``hz``) at height ``y``, with corners of radius ``r``."""
    pts = []
    for cx, cz, a0 in ((hx - r, hz - r, 0), (-hx + r, hz - r, 90), (-hx + r, -hz + r, 180), (hx - r, -hz + r, 270)):
        for a in np.radians(np.linspace(a0, a0 + 90, per_corner)):
            pts.append((cx + r * np.cos(a), y, cz + r * np.sin(a)))
    return np.asarray(pts)


def spindle_chair(wood: Material, seat_y: float = 0.45) -> list[Part]:
    """A dining chair: a shaped solid seat (rounded at the front, an extruded outline) on splayed legs, back posts,
    a curved top rail and five spindles."""
    outline = [(0.215 * np.cos(t), 0.11 + 0.095 * np.sin(t)) for t in np.linspace(0, np.pi, 18)]
    outline += [(-0.205, -0.19), (0.205, -0.19)]
    seat = place(extrude(outline, 0.034), (0, seat_y + 0.017, 0), pitch=90)
    legs = four_legs(0.17, 0.16, seat_y - 0.02, 0.017, 0.012, 0.025)
    rails = merge(
        tube([(-0.185, 0.16, -0.18), (-0.185, 0.16, 0.18)], 0.008, 8),
        tube([(0.185, 0.16, -0.18), (0.185, 0.16, 0.18)], 0.008, 8),
        tube([(-0.18, 0.2, 0.18), (0.18, 0.2, 0.18)], 0.008, 8),
    )
    posts = merge(*(leg((x, seat_y, -0.175), (x * 1.02, 0.9, -0.23), 0.016, 0.014) for x in (-0.17, 0.17)))
    top = tube(smooth_path([(-0.19, 0.88, -0.225), (0, 0.9, -0.265), (0.19, 0.88, -0.225)], 10), 0.022, 10)
    spindles = []
    for x in np.linspace(-0.11, 0.11, 5):
        zt = -0.228 - 0.035 * (1 - (x / 0.19) ** 2)
        spindles.append(leg((x, seat_y, -0.175), (x, 0.885, zt), 0.008, 0.0075, 8))
    return [Part(merge(seat, legs, rails, posts, top, *spindles), wood)]


def boucle_armchair(fabric: Material, wood: Material, width: float = 0.82) -> list[Part]:
    hw = width / 2
    body = merge(
        box((hw - 0.1, 0.1, 0.34), 0.07, (0, 0.34, 0.02)),  # seat
        place(box((hw - 0.02, 0.24, 0.09), 0.08, (0, 0, 0)), (0, 0.6, -0.3), pitch=-8),  # back
        box((0.09, 0.19, 0.38), 0.08, (-hw + 0.09, 0.43, 0)),  # arms
        box((0.09, 0.19, 0.38), 0.08, (hw - 0.09, 0.43, 0)),
        box((hw - 0.03, 0.06, 0.37), 0.04, (0, 0.26, 0)),  # base rail
    )
    legs = four_legs(hw - 0.08, 0.3, 0.22, 0.02, 0.014, 0.015)
    return [Part(body, fabric), Part(legs, wood)]


def sofa(fabric: Material, legs_mat: Material, width: float = 2.1, seats: int = 3) -> list[Part]:
    hw = width / 2
    arm = 0.17
    parts = [
        box((hw - 0.02, 0.09, 0.44), 0.04, (0, 0.25, 0)),
        box((arm / 2, 0.2, 0.45), 0.07, (-hw + arm / 2, 0.42, 0)),
        box((arm / 2, 0.2, 0.45), 0.07, (hw - arm / 2, 0.42, 0)),
        box((hw - arm, 0.2, 0.08), 0.05, (0, 0.52, -0.37)),
    ]
    inner = (width - 2 * arm) / seats
    for i in range(seats):
        cx = -hw + arm + inner * (i + 0.5)
        parts.append(box((inner / 2 - 0.008, 0.075, 0.36), 0.06, (cx, 0.41, 0.06)))
        parts.append(place(box((inner / 2 - 0.01, 0.2, 0.085), 0.08, (0, 0, 0)), (cx, 0.68, -0.25), pitch=-10))
    legs = four_legs(hw - 0.1, 0.36, 0.17, 0.018, 0.012, 0.0)
    return [Part(merge(*parts), fabric), Part(legs, legs_mat)]


def bar_stool(chrome: Material, seat: Material) -> list[Part]:
    cushion = cylinder(0.19, 0.07, (0, 0.7, 0), bevel=0.03, segments=48)
    metal = merge(
        lathe([(0, 0), (0.22, 0), (0.225, 0.006), (0.2, 0.02), (0.06, 0.04), (0.04, 0.05), (0, 0.05)], 56),
        cylinder(0.026, 0.62, (0, 0.05, 0), segments=24),
        cylinder(0.038, 0.2, (0, 0.2, 0), bevel=0.004, segments=28),
        torus(0.17, 0.011, (0, 0.3, 0)),
        *(
            tube([(0.03 * np.cos(a), 0.3, 0.03 * np.sin(a)), (0.165 * np.cos(a), 0.3, 0.165 * np.sin(a))], 0.008, 8)
            for a in np.radians([45, 135, 225, 315])
        ),
        cylinder(0.12, 0.015, (0, 0.685, 0), segments=40),
    )
    return [Part(metal, chrome), Part(cushion, seat)]


def pedestal_table(body: Material, top: Material, r: float = 0.26, height: float = 0.55) -> list[Part]:
    stem = merge(
        lathe([(0, 0), (0.2, 0), (0.2, 0.02)], 56),
        lathe(
            [(0.2, 0.02), (0.13, 0.05), (0.07, 0.12), (0.05, 0.3), (0.065, height - 0.12), (0.14, height - 0.04)],
            56,
            smooth=True,
        ),
        lathe([(0.14, height - 0.04), (0.0, height - 0.03)], 56),
    )
    slab = cylinder(r, 0.025, (0, height - 0.03, 0), bevel=0.008, segments=64)
    return [Part(stem, body), Part(slab, top)]


def bar_cart(frame: Material, glass: Material, bottle_glass: Material, rubber: Material) -> list[Part]:
    hx, hz = 0.38, 0.22
    posts = [tube([(sx * hx, 0.06, sz * hz), (sx * hx, 0.82, sz * hz)], 0.011, 10) for sx in (-1, 1) for sz in (-1, 1)]
    rings = [tube(rounded_rect(hx, hz, y, 0.035), 0.009, 8, loop=True) for y in (0.18, 0.56)]
    handle = tube(
        smooth_path(
            [(-hx, 0.82, -hz), (-hx - 0.06, 0.9, -hz + 0.02), (-hx - 0.07, 0.9, hz - 0.02), (-hx, 0.82, hz)], 10
        ),
        0.01,
        10,
    )
    wheels = [
        place(cylinder(0.045, 0.024, (0, -0.012, 0), bevel=0.008, segments=28), (sx * hx, 0.047, sz * hz), roll=90)
        for sx in (-1, 1)
        for sz in (-1, 1)
    ]
    shelves = merge(*(box((hx - 0.006, 0.004, hz - 0.006), 0.002, (0, y + 0.012, 0)) for y in (0.18, 0.56)))
    bottles = merge(
        lathe(
            [
                (0, 0),
                (0.04, 0),
                (0.042, 0.01),
                (0.042, 0.2),
                (0.03, 0.24),
                (0.013, 0.27),
                (0.013, 0.33),
                (0.015, 0.335),
                (0.0, 0.335),
            ],
            32,
            (-0.2, 0.576, -0.05),
        ),
        lathe(
            [(0, 0), (0.055, 0), (0.06, 0.05), (0.05, 0.15), (0.02, 0.19), (0.018, 0.23), (0, 0.23)],
            32,
            (0.05, 0.576, 0.02),
        ),
        lathe([(0, 0), (0.05, 0), (0.05, 0.24), (0.02, 0.28), (0.018, 0.32), (0.0, 0.32)], 32, (0.12, 0.196, -0.06)),
    )
    tumblers = merge(
        lathe([(0, 0), (0.035, 0), (0.037, 0.01), (0.037, 0.09), (0.0, 0.09)], 24, (0.22, 0.576, 0.08)),
        lathe([(0, 0), (0.035, 0), (0.037, 0.01), (0.037, 0.09), (0.0, 0.09)], 24, (0.3, 0.576, -0.04)),
    )
    return [
        Part(merge(*posts, *rings, handle), frame),
        Part(merge(*wheels), rubber),
        Part(merge(shelves, tumblers), glass),
        Part(bottles, bottle_glass),
    ]


def glass_side_table(glass: Material, metal: Material, r: float = 0.3, height: float = 0.5) -> list[Part]:
    top = cylinder(r, 0.012, (0, height, 0), bevel=0.004, segments=72)
    legs = []
    for a in np.radians([90, 210, 330]):
        c, s = np.cos(a), np.sin(a)
        legs.append(leg((0.18 * c, height, 0.18 * s), (0.27 * c, 0.0, 0.27 * s), 0.011, 0.009, 10))
    ring = torus(0.215, 0.007, (0, 0.2, 0))
    return [Part(top, glass), Part(merge(*legs, ring), metal)]


def arc_lamp(base: Material, arm: Material, shade: Material, cord: Material, reach: float = 1.0) -> list[Part]:
    stand = cylinder(0.17, 0.045, (0, 0, 0), bevel=0.012, segments=56)
    path = smooth_path(
        [(0, 0.04, 0), (0, 0.9, 0), (0.08, 1.65, 0), (reach * 0.6, 1.98, 0), (reach, 1.78, 0), (reach + 0.02, 1.62, 0)],
        14,
    )
    pole = tube(path, 0.012, 12)
    dome = lathe(
        [(0.23, 0.0), (0.215, 0.06), (0.16, 0.14), (0.06, 0.19), (0.03, 0.2)], 56, (reach + 0.02, 1.42, 0), closed=False
    )
    wire = cable(
        [
            (0.05, 0.02, -0.12),
            (0.16, 0.003, -0.05),
            (0.3, 0.003, 0.22),
            (0.6, 0.003, 0.38),
            (0.95, 0.003, 0.3),
            (1.3, 0.003, 0.4),
        ]
    )
    return [Part(stand, base), Part(pole, arm), Part(dome, shade), Part(wire, cord)]


def table_lamp(base: Material, shade: Material, cord: Material) -> list[Part]:
    body = merge(
        lathe([(0, 0), (0.08, 0), (0.085, 0.01)], 56),
        lathe(
            [(0.085, 0.01), (0.12, 0.06), (0.145, 0.14), (0.15, 0.2), (0.12, 0.3), (0.06, 0.355), (0.035, 0.38)],
            56,
            smooth=True,
        ),
        lathe([(0.035, 0.38), (0.03, 0.4), (0.0, 0.4)], 56),
    )
    stem = cylinder(0.008, 0.12, (0, 0.4, 0), segments=12)
    drum = lathe([(0.22, 0.0), (0.2, 0.3)], 64, (0, 0.46, 0), closed=False)
    rim = merge(torus(0.22, 0.003, (0, 0.46, 0)), torus(0.2, 0.003, (0, 0.76, 0)))
    wire = cable(
        [(0.0, 0.05, -0.08), (0.02, 0.003, -0.2), (0.2, 0.003, -0.3), (0.45, 0.003, -0.15), (0.7, 0.003, -0.2)]
    )
    return [Part(body, base), Part(merge(stem, rim), cord), Part(drum, shade), Part(wire, cord)]


def pendant(shade: Material, cord: Material, bulb: Material, drop: float, top: float) -> list[Part]:
    """A shade hanging from a cord that runs up out of the frame (``top`` is the cord's end)."""
    y = top - drop
    dome = lathe(
        [(0.26, 0.0), (0.25, 0.08), (0.21, 0.2), (0.13, 0.3), (0.05, 0.35), (0.04, 0.36)], 64, (0, y, 0), closed=False
    )
    cap = cylinder(0.04, 0.06, (0, y + 0.35, 0), segments=20)
    wire = tube([(0, y + 0.4, 0), (0, top, 0)], 0.0035, 8)
    globe = sphere(0.06, (0, y + 0.1, 0))
    return [Part(dome, shade), Part(merge(cap, wire), cord), Part(globe, bulb)]


def wire_chair(wire: Material, pad: Material | None = None) -> list[Part]:
    """A shell of welded wire (a grid with real openings) on a rod base."""

    def shell(u: float, v: float) -> Pt:
        # u across (-1..1), v from the seat's front (0) to the back's top (1)
        x = u * (0.25 + 0.05 * v)
        if v < 0.5:
            t = v / 0.5
            return (x, 0.44 + 0.02 * np.sin(np.pi * t) - 0.04 * u * u, 0.22 - 0.42 * t)
        t = (v - 0.5) / 0.5
        return (x, 0.44 + 0.4 * t, -0.2 - 0.1 * t - 0.06 * (1 - u * u))

    wires = []
    for u in np.linspace(-1, 1, 15):
        wires.append(tube([shell(u, v) for v in np.linspace(0, 1, 40)], 0.0026, 6))
    for v in np.linspace(0.02, 0.98, 16):
        wires.append(tube([shell(u, v) for u in np.linspace(-1, 1, 30)], 0.0026, 6))
    rim = tube([shell(u, 1.0) for u in np.linspace(-1, 1, 30)], 0.0055, 8)
    front = tube([shell(u, 0.0) for u in np.linspace(-1, 1, 30)], 0.0055, 8)
    base = []
    feet = [(-0.24, 0.2), (0.24, 0.2), (-0.24, -0.2), (0.24, -0.2)]
    for fx, fz in feet:
        base.append(tube(smooth_path([(fx * 0.55, 0.43, fz * 0.55), (fx, 0.0, fz)], 6), 0.0065, 8))
    base.append(tube([(-0.2, 0.12, 0.17), (0.2, 0.12, 0.17)], 0.005, 8))
    base.append(tube([(-0.2, 0.12, -0.17), (0.2, 0.12, -0.17)], 0.005, 8))
    parts = [Part(merge(*wires, rim, front, *base), wire)]
    if pad is not None:
        parts.append(Part(place(box((0.17, 0.018, 0.16), 0.016), (0, 0.47, 0.0)), pad))
    return parts


def wire_basket(wire: Material, r: float = 0.19, height: float = 0.28) -> list[Part]:
    verticals = [
        tube([(r * np.cos(a), 0.004, r * np.sin(a)), (r * np.cos(a), height, r * np.sin(a))], 0.0028, 6)
        for a in np.linspace(0, 2 * np.pi, 28, endpoint=False)
    ]
    rings = [
        torus(r, 0.0028 if y < height - 0.01 else 0.005, (0, y, 0), sides=6) for y in np.linspace(0.004, height, 7)
    ]
    spokes = [tube([(0, 0.004, 0), (r * np.cos(a), 0.004, r * np.sin(a))], 0.0028, 6) for a in np.linspace(0, np.pi, 4)]
    spokes += [
        tube([(-r * np.cos(a), 0.004, -r * np.sin(a)), (0, 0.004, 0)], 0.0028, 6) for a in np.linspace(0, np.pi, 4)
    ]
    arc = np.linspace(0, np.pi, 16)
    handles = [
        tube(np.stack([np.full(16, sx * r), height + 0.055 * np.sin(arc), 0.06 * np.cos(arc)], 1), 0.0045, 7)
        for sx in (-1, 1)
    ]
    return [Part(merge(*verticals, *rings, *spokes, *handles), wire)]


def ladder_shelf(wood: Material, lean: float = 11.0, height: float = 1.75) -> list[Part]:
    """Two rails leaning back against the wall behind, with level shelves getting shallower as they rise."""
    rails = place(
        merge(*(box((0.018, height / 2, 0.022), 0.004, (x, height / 2, 0)) for x in (-0.3, 0.3))), pitch=-lean
    )
    shelves = [box((0.3, 0.012, depth / 2), 0.004, (0, y, z)) for y, z, depth in _shelves(lean)]
    return [Part(merge(rails, *shelves), wood)]


def _shelves(lean: float) -> list[tuple[float, float, float]]:
    out = []
    for i, y in enumerate((0.25, 0.65, 1.05, 1.42)):
        depth = 0.32 - 0.06 * i
        out.append((y, -y * np.tan(np.radians(lean)) + depth / 2 - 0.03, depth))
    return out


def shelf_heights(lean: float = 11.0) -> list[tuple[float, float]]:
    """Where things stand on the ladder shelf's shelves: (y of a shelf's top, z of its middle)."""
    return [(y + 0.012, z) for y, z, _ in _shelves(lean)]


def pouf(knit: Material, r: float = 0.28, height: float = 0.38) -> list[Part]:
    prof = [(0.0, 0.0)]
    for t in np.linspace(0, 1, 16):
        prof.append(((r - 0.05) + 0.05 * np.sin(np.pi * t) ** 0.6, height * t))
    prof.append((0.0, height + 0.01))
    return [Part(lathe(prof, 64, crease=60), knit)]


def rolled_rug(
    weave: Material, end: Material, length: float = 1.5, r: float = 0.13, fringe: Material | None = None
) -> list[Part]:
    """A rug rolled up and lying on the floor along x: its patterned outside, the turns of the roll at its ends,
    and a fringe of loose threads at each end."""
    side = lathe([(r, 0.0), (r, length)], 64, closed=True)
    caps = merge(lathe([(0.0, 0.0), (r, 0.0)], 64), lathe([(r, length), (0.0, length)], 64))
    parts = [
        Part(place(side, (-length / 2, r, 0), roll=-90), weave),
        Part(place(caps, (-length / 2, r, 0), roll=-90), end),
    ]
    if fringe is not None:
        threads = []
        for sgn in (-1, 1):
            for a in np.linspace(0.15, np.pi - 0.15, 26):
                y0, z0 = r + 0.93 * r * np.cos(a), 0.93 * r * np.sin(a)
                x0 = sgn * length / 2
                droop = min(y0 - 0.004, 0.05)
                threads.append(
                    tube(
                        smooth_path(
                            [(x0, y0, z0), (x0 + sgn * 0.03, y0 - droop * 0.5, z0), (x0 + sgn * 0.05, y0 - droop, z0)],
                            4,
                        ),
                        0.0018,
                        5,
                    )
                )
        parts.append(Part(merge(*threads), fringe))
    return parts


def potted_plant(pot: Material, soil: Material, leaf_mat: Material, stem: Material, seed: int = 0) -> list[Part]:
    rng = np.random.default_rng(seed)
    body = lathe(
        [
            (0, 0),
            (0.13, 0),
            (0.135, 0.01),
            (0.17, 0.3),
            (0.18, 0.31),
            (0.18, 0.33),
            (0.165, 0.33),
            (0.125, 0.12),
            (0.0, 0.12),
        ],
        56,
        crease=50,
    )
    dirt = cylinder(0.155, 0.01, (0, 0.29, 0), segments=40)
    leaves, stems = [], []
    for _ in range(34):
        a = rng.uniform(0, 2 * np.pi)
        tilt = rng.uniform(0.15, 0.95)
        h = rng.uniform(0.35, 0.8)
        base = (0.03 * np.cos(a), 0.3, 0.03 * np.sin(a))
        tip = (base[0] + tilt * 0.35 * np.cos(a), 0.3 + h, base[2] + tilt * 0.35 * np.sin(a))
        stems.append(
            tube(
                smooth_path([base, ((base[0] + tip[0]) / 2, 0.3 + h * 0.6, (base[2] + tip[2]) / 2), tip], 6), 0.0035, 6
            )
        )
        direction = (np.cos(a) * tilt, 0.6 + 0.5 * (1 - tilt), np.sin(a) * tilt)
        leaves.append(
            leaf(tip, direction, rng.uniform(0.14, 0.24), rng.uniform(0.06, 0.1), droop=rng.uniform(0.2, 0.5))
        )
    return [Part(body, pot), Part(dirt, soil), Part(merge(*leaves), leaf_mat), Part(merge(*stems), stem)]


def vase_with_stems(vase: Material, stem: Material, heads: Material, seed: int = 1) -> list[Part]:
    rng = np.random.default_rng(seed)
    body = merge(
        lathe([(0, 0), (0.07, 0), (0.075, 0.01)], 56),
        lathe(
            [(0.075, 0.01), (0.1, 0.05), (0.115, 0.12), (0.1, 0.2), (0.065, 0.27), (0.045, 0.31), (0.05, 0.33)],
            56,
            smooth=True,
        ),
        lathe([(0.05, 0.33), (0.04, 0.33), (0.035, 0.3), (0.0, 0.28)], 56),
    )
    stems, tops = [], []
    for _ in range(11):
        a = rng.uniform(0, 2 * np.pi)
        lean = rng.uniform(0.05, 0.45)
        h = rng.uniform(0.45, 0.8)
        base = (0.012 * np.cos(a), 0.3, 0.012 * np.sin(a))
        mid = (lean * 0.25 * np.cos(a), 0.3 + h * 0.55, lean * 0.25 * np.sin(a))
        end = (lean * 0.5 * np.cos(a), 0.3 + h, lean * 0.5 * np.sin(a))
        stems.append(tube(smooth_path([base, mid, end], 10), 0.0022, 6))
        for k in range(rng.integers(3, 7)):
            t = 0.75 + 0.25 * k / 6
            p = (base[0] + (end[0] - base[0]) * t, base[1] + (end[1] - base[1]) * t, base[2] + (end[2] - base[2]) * t)
            side = rng.uniform(0, 2 * np.pi)
            tops.append(
                sphere(
                    rng.uniform(0.008, 0.014),
                    (p[0] + 0.015 * np.cos(side), p[1], p[2] + 0.015 * np.sin(side)),
                    rows=8,
                    squash=1.6,
                )
            )
    return [Part(body, vase), Part(merge(*stems), stem), Part(merge(*tops), heads)]


def coat_rack(wood: Material, height: float = 1.8) -> list[Part]:
    pole = cylinder(0.02, height, (0, 0, 0), bevel=0.006, segments=24)
    feet = [
        leg((0.0, 0.32, 0.0), (0.3 * np.cos(a), 0.0, 0.3 * np.sin(a)), 0.016, 0.013) for a in np.radians([90, 210, 330])
    ]
    hooks = []
    for i, a in enumerate(np.radians(np.arange(0, 360, 60))):
        y = height - 0.12 - 0.14 * (i % 2)
        c, s = np.cos(a), np.sin(a)
        hooks.append(
            tube(
                smooth_path(
                    [(0.015 * c, y, 0.015 * s), (0.12 * c, y + 0.05, 0.12 * s), (0.16 * c, y + 0.13, 0.16 * s)], 8
                ),
                0.009,
                8,
            )
        )
        hooks.append(sphere(0.016, (0.16 * c, y + 0.12, 0.16 * s), rows=10))
    return [Part(merge(pole, *feet, *hooks), wood)]


def ottoman(leather: Material, wood: Material, half: Pt = (0.4, 0.16, 0.3)) -> list[Part]:
    top = box(half, 0.07, (0, 0.13 + half[1], 0))
    legs = four_legs(half[0] - 0.07, half[2] - 0.07, 0.14, 0.018, 0.013, 0.01)
    return [Part(top, leather), Part(legs, wood)]


def sideboard(wood: Material, gap: Material, metal: Material, width: float = 1.6) -> list[Part]:
    hw = width / 2
    carcass = box((hw, 0.32, 0.22), 0.006, (0, 0.2 + 0.32, 0))
    doors, gaps, handles = [], [], []
    for i in range(4):
        cx = -hw + width * (i + 0.5) / 4
        doors.append(box((width / 8 - 0.004, 0.3, 0.006), 0.002, (cx, 0.52, 0.224)))
        handles.append(
            leg(
                (cx + (0.15 if i % 2 == 0 else -0.15), 0.6, 0.235),
                (cx + (0.15 if i % 2 == 0 else -0.15), 0.45, 0.235),
                0.006,
                0.006,
                8,
            )
        )
        gaps.append(box((width / 8 - 0.001, 0.302, 0.002), 0.0, (cx, 0.52, 0.219)))
    legs = four_legs(hw - 0.08, 0.16, 0.2, 0.02, 0.014, 0.02)
    return [Part(merge(carcass, *doors, legs), wood), Part(merge(*gaps), gap), Part(merge(*handles), metal)]


def metal_chair(frame: Material, seat: Material) -> list[Part]:
    """A café chair: a bent-tube frame, a padded seat and a curved back panel."""
    rods = []
    for sx in (-1, 1):
        x = sx * 0.2
        rods.append(
            tube(
                smooth_path(
                    [
                        (x, 0.0, 0.2),
                        (x, 0.43, 0.19),
                        (x * 0.98, 0.45, 0.0),
                        (x * 0.96, 0.45, -0.17),
                        (x * 0.96, 0.84, -0.25),
                    ],
                    10,
                ),
                0.011,
                10,
            )
        )
        rods.append(tube([(x * 0.97, 0.0, -0.22), (x * 0.97, 0.45, -0.17)], 0.011, 10))
    rods.append(tube([(-0.2, 0.2, 0.2), (0.2, 0.2, 0.2)], 0.007, 8))
    rods.append(tube([(-0.195, 0.2, -0.2), (0.195, 0.2, -0.2)], 0.007, 8))
    back = []
    for t in np.linspace(0, 1, 3):
        y = 0.64 + 0.18 * t
        back.append(
            tube(
                smooth_path([(-0.19, y, -0.2 - 0.06 * t), (0, y, -0.24 - 0.06 * t), (0.19, y, -0.2 - 0.06 * t)], 8),
                0.006,
                8,
            )
        )
    panel = place(box((0.19, 0.07, 0.01), 0.008), (0, 0.76, -0.245), pitch=-10)
    cushion = box((0.2, 0.03, 0.2), 0.025, (0, 0.48, 0.0))
    return [Part(merge(*rods, *back), frame), Part(merge(panel, cushion), seat)]


def oak_stool(wood: Material, height: float = 0.46) -> list[Part]:
    seat = cylinder(0.17, 0.035, (0, height - 0.035, 0), bevel=0.012, segments=56)
    legs = [
        leg((0.1 * np.cos(a), height - 0.03, 0.1 * np.sin(a)), (0.17 * np.cos(a), 0.0, 0.17 * np.sin(a)), 0.018, 0.014)
        for a in np.radians([90, 210, 330])
    ]
    ring = torus(0.135, 0.008, (0, 0.17, 0))
    return [Part(merge(seat, *legs, ring), wood)]


def round_mirror(frame: Material, glass: Material, r: float = 0.45, lean: float = 8.0) -> list[Part]:
    """A round mirror in a thin metal ring, its foot on the floor, leaning back against the wall behind it."""
    ring = torus(r, 0.012, (0, 0, 0), pitch=90, sides=10)
    plate = place(cylinder(r - 0.004, 0.006, (0, -0.003, 0), segments=96), pitch=90)
    at = (0.0, r + 0.012, 0.0)
    return [Part(place(ring, at, pitch=-lean), frame), Part(place(plate, at, pitch=-lean), glass)]
