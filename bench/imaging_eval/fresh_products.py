"""Products for the fresh set (``fresh.py``), built from the blind renderer's meshes (``blind_mesh.py``) in metres:
standing on the floor (y = 0), centred on x = z = 0 and facing the camera (+z) unless placed otherwise.

Each builder returns its parts with their materials, so a photo dresses the piece in its own finishes. The
shapes are this set's own: none reuses a builder of ``blind_products.py``, and each was chosen to differ from the
products the other sets name (a jug rather than a vase, a daybed rather than an armchair, a cubic pouf, an X-frame
stool, a flat rug's corner, and so on).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

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


# --- small pieces --------------------------------------------------------------------------------------------


def rod(a: Pt, b: Pt, r: float, sides: int = 10) -> Mesh:
    """A straight round rod from ``a`` to ``b``."""
    return tube(np.linspace(a, b, 4), r, sides)


def bent(points: Sequence[Pt], r: float, sides: int = 10, per_span: int = 8) -> Mesh:
    """A rod bent smoothly through ``points`` (a wire, a handle, a cord)."""
    return tube(smooth_path(points, per_span), r, sides)


def scaled(mesh: Mesh, sx: float, sy: float, sz: float) -> Mesh:
    """The mesh stretched along the axes; normals follow the inverse scale so that shading stays right."""
    s = np.array([sx, sy, sz], np.float32)
    nrm = mesh.nrm / s
    nrm /= np.linalg.norm(nrm, axis=-1, keepdims=True)
    tan = mesh.tan * s
    tan /= np.maximum(np.linalg.norm(tan, axis=-1, keepdims=True), 1e-9)
    return Mesh(mesh.pos * s, nrm, mesh.uv, tan, mesh.closed)


def loop_yz(x: float, z0: float, z1: float, y0: float, y1: float, r: float, per_corner: int = 5) -> np.ndarray:
    """A closed path around a rectangle in the y-z plane at ``x`` with rounded corners (a sled leg, a frame)."""
    pts = []
    corners = ((z1 - r, y1 - r, 0), (z0 + r, y1 - r, 90), (z0 + r, y0 + r, 180), (z1 - r, y0 + r, 270))
    for cz, cy, a0 in corners:
        for a in np.radians(np.linspace(a0, a0 + 90, per_corner)):
            pts.append((x, cy + r * np.sin(a), cz + r * np.cos(a)))
    return np.asarray(pts)


def tapered_leg(top: Pt, foot: Pt, r_top: float, r_foot: float) -> Mesh:
    return tube(np.linspace(top, foot, 5), np.linspace(r_top, r_foot, 5), 12)


# --- pale, dark and glossy pieces ----------------------------------------------------------------------------


def pitcher(ceramic: Material) -> list[Part]:
    """A bellied jug with a flared lip, hollow to show its inside, and a loop handle on its left."""
    # The wall's outer and inner faces are curves through these points, joined over a rounded lip.
    outer = [(0.062, 0.0), (0.08, 0.035), (0.086, 0.09), (0.078, 0.15), (0.062, 0.2), (0.06, 0.235), (0.07, 0.27)]
    inner = [(0.064, 0.272), (0.052, 0.24), (0.054, 0.2), (0.07, 0.15), (0.078, 0.09), (0.072, 0.035), (0.055, 0.012)]
    wall = lathe([*outer, *inner], 72, smooth=True, crease=80)
    ends = lathe([(0.0, 0.0), (0.062, 0.0)], 72), lathe([(0.055, 0.012), (0.0, 0.012)], 72)
    body = merge(wall, *ends)
    handle = bent(
        [(-0.062, 0.225, 0), (-0.11, 0.215, 0), (-0.13, 0.15, 0), (-0.108, 0.08, 0), (-0.082, 0.065, 0)], 0.009
    )
    return [Part(merge(body, handle), ceramic)]


def daybed(fabric: Material, wood: Material) -> list[Part]:
    """A long low daybed: an upholstered base on short turned feet, a mattress, a round bolster at each end and
    two back cushions leaning on the wall side."""
    base = box((0.95, 0.11, 0.4), 0.03, (0, 0.2, 0))
    mattress = box((0.93, 0.08, 0.38), 0.06, (0, 0.38, 0.01))
    bolsters = [place(cylinder(0.11, 0.76, bevel=0.03), (x, 0.55, 0.37), pitch=-90) for x in (-0.8, 0.8)]
    backs = [box((0.32, 0.2, 0.07), 0.07, (x, 0.62, -0.28), pitch=-12) for x in (-0.33, 0.33)]
    feet = [
        lathe([(0, 0), (0.025, 0), (0.032, 0.04), (0.022, 0.09), (0.03, 0.1), (0, 0.1)], 20, (x, 0, z), smooth=True)
        for x in (-0.88, 0.88)
        for z in (-0.33, 0.33)
    ]
    return [Part(merge(base, mattress, *bolsters, *backs), fabric), Part(merge(*feet), wood)]


def drum_side_table(top_mat: Material, frame: Material, r: float = 0.24, height: float = 0.52) -> list[Part]:
    """A round side table: a thick top and a lower shelf joined by three rods."""
    top = cylinder(r, 0.035, (0, height - 0.035, 0), bevel=0.008, segments=56)
    shelf = cylinder(r * 0.85, 0.025, (0, 0.1, 0), bevel=0.006, segments=56)
    legs = []
    for k in range(3):
        a = np.radians(90 + 120 * k)
        x, z = 0.8 * r * np.cos(a), 0.8 * r * np.sin(a)
        legs.append(rod((x, 0.0, z), (x, height - 0.03, z), 0.012))
    return [Part(merge(top, shelf), top_mat), Part(merge(*legs), frame)]


def reading_lamp(metal: Material, cord: Material, bulb: Material) -> list[Part]:
    """A floor reading lamp: a heavy round base, a straight stem, an arm angled forward and a cone shade tipped
    down towards the reader; its cord runs from the base along the floor."""
    base = cylinder(0.14, 0.022, bevel=0.008, segments=56)
    stem = rod((0, 0.02, 0), (0, 1.22, 0), 0.011)
    arm = bent([(0, 1.2, 0), (0.05, 1.3, 0.02), (0.22, 1.38, 0.08)], 0.009)
    shade_prof = [(0.0, 0.19), (0.035, 0.19), (0.11, 0.0), (0.104, 0.0), (0.03, 0.18), (0.0, 0.18)]
    shade = place(lathe(shade_prof, 48, crease=40), (0.29, 1.22, 0.1), yaw=0, roll=-35)
    glow = sphere(0.03, (0.27, 1.28, 0.1))
    cable = bent([(-0.05, 0.01, -0.12), (-0.1, 0.004, -0.25), (-0.3, 0.004, -0.3), (-0.6, 0.004, -0.22)], 0.003)
    return [Part(merge(base, stem, arm, shade), metal), Part(cable, cord), Part(glow, bulb)]


def drinks_cabinet(lacquer: Material, gap: Material, brass: Material) -> list[Part]:
    """A tall two-door cabinet on slim brass legs, a seam between its doors and a knob on each."""
    body = box((0.42, 0.5, 0.2), 0.012, (0, 0.78, 0))
    seam = box((0.003, 0.46, 0.004), 0.0, (0, 0.78, 0.2))
    rail = box((0.4, 0.003, 0.004), 0.0, (0, 0.4, 0.2))
    knobs = [sphere(0.014, (x, 0.8, 0.2)) for x in (-0.04, 0.04)]
    legs = [
        tapered_leg((sx * 0.36, 0.29, sz * 0.15), (sx * 0.38, 0.0, sz * 0.17), 0.012, 0.007)
        for sx in (-1, 1)
        for sz in (-1, 1)
    ]
    return [Part(body, lacquer), Part(merge(seam, rail), gap), Part(merge(*knobs, *legs), brass)]


def x_stool(frame: Material, cushion: Material) -> list[Part]:
    """A bench stool: a padded seat on two crossed tube frames (an X at each end) joined by a stretcher."""
    seat = box((0.26, 0.05, 0.19), 0.04, (0, 0.44, 0))
    tubes = []
    for x in (-0.22, 0.22):
        tubes.append(rod((x, 0.0, -0.17), (x, 0.39, 0.17), 0.011))
        tubes.append(rod((x, 0.0, 0.17), (x, 0.39, -0.17), 0.011))
        tubes.append(rod((x, 0.39, -0.17), (x, 0.39, 0.17), 0.009))
    tubes.append(rod((-0.22, 0.195, 0), (0.22, 0.195, 0), 0.009))
    return [Part(seat, cushion), Part(merge(*tubes), frame)]


# --- glass ---------------------------------------------------------------------------------------------------


def glass_coffee_table(glass: Material, metal: Material) -> list[Part]:
    """A rectangular glass top resting on two sled frames of flat-bent tube."""
    top = box((0.55, 0.006, 0.3), 0.003, (0, 0.4, 0))
    sleds = [tube(loop_yz(x, -0.26, 0.26, 0.012, 0.382, 0.03), 0.012, 10, loop=True) for x in (-0.48, 0.48)]
    return [Part(top, glass), Part(merge(*sleds), metal)]


def bottle_vase_stems(glass: Material, stem: Material, bloom: Material, leaf_mat: Material) -> list[Part]:
    """A clear teardrop bottle with a narrow neck and three long stems of round blooms standing in it."""
    outer = [(0.0, 0.0), (0.06, 0.0), (0.095, 0.05), (0.1, 0.1), (0.07, 0.19), (0.026, 0.25), (0.022, 0.3)]
    inner = [(0.017, 0.3), (0.021, 0.25), (0.064, 0.19), (0.093, 0.1), (0.088, 0.05), (0.055, 0.007), (0.0, 0.007)]
    bottle = lathe([*outer, (0.019, 0.303), *inner], 56, smooth=False, crease=60)
    stems, blooms, leaves = [], [], []
    tips = [(-0.14, 0.72, 0.02), (0.05, 0.8, -0.03), (0.17, 0.64, 0.05)]
    for k, tip in enumerate(tips):
        path = [(0.0, 0.02, 0.0), (0.0, 0.28, 0.0), (tip[0] * 0.4, 0.5, tip[2] * 0.4), tip]
        stems.append(bent(path, 0.0035, 7, 10))
        blooms.append(sphere(0.035 - 0.004 * k, (tip[0], tip[1] - 0.01, tip[2])))
        mid = (tip[0] * 0.35, 0.45, tip[2] * 0.35)
        leaves.append(leaf(mid, (np.sign(tip[0] + 0.01), 0.7, 0.2), 0.12, 0.035, 0.25))
    return [
        Part(bottle, glass),
        Part(merge(*stems), stem),
        Part(merge(*blooms), bloom),
        Part(merge(*leaves), leaf_mat),
    ]


def cloche(glass: Material, wood: Material, candle: Material) -> list[Part]:
    """A glass dome with a knob on a round wooden board, a pillar candle under it."""
    board = cylinder(0.13, 0.025, bevel=0.006, segments=56)
    dome_out = [(0.11, 0.025), (0.11, 0.2), (0.1, 0.25), (0.075, 0.29), (0.04, 0.31), (0.0, 0.314)]
    dome_in = [(0.0, 0.31), (0.038, 0.306), (0.072, 0.286), (0.096, 0.248), (0.106, 0.2), (0.106, 0.025)]
    dome = lathe(dome_out + dome_in, 64, smooth=False, crease=70)
    knob = sphere(0.018, (0, 0.31, 0))
    pillar = cylinder(0.04, 0.13, (0, 0.025, 0), bevel=0.004)
    return [Part(board, wood), Part(merge(dome, knob), glass), Part(pillar, candle)]


# --- thin parts and holes ------------------------------------------------------------------------------------


def magazine_rack(wire: Material, covers: Sequence[Material]) -> list[Part]:
    """A rack of thin wire: two end frames, a V of upright wires making the pocket, and magazines standing in it."""
    r = 0.0032
    parts = []
    for x in (-0.2, 0.2):
        parts.append(tube(loop_yz(x, -0.13, 0.13, 0.0, 0.32, 0.02), r, 8, loop=True))
    # The pocket: wires from the bottom rail splaying out to the top rails front and back.
    for x in np.linspace(-0.18, 0.18, 9):
        for z in (-0.13, 0.13):
            parts.append(rod((float(x), 0.06, z * 0.25), (float(x), 0.32, z), r, 6))
    for z in (-0.13, 0.13):
        parts.append(rod((-0.2, 0.32, z), (0.2, 0.32, z), r, 6))
    parts.append(rod((-0.2, 0.06, 0.0), (0.2, 0.06, 0.0), r, 6))
    for x in (-0.2, 0.2):
        parts.append(rod((x, 0.06, 0.0), (x, 0.0, 0.0), r, 6))
    mags = []
    for k, (tilt, lift) in enumerate(((-14.0, 0.0), (-4.0, 0.015), (9.0, 0.005))):
        page = box((0.105, 0.14, 0.004), 0.001, (0, 0.0, 0))
        mags.append(Part(place(page, (-0.06 + 0.06 * k, 0.205 + lift, -0.02 + 0.02 * k), yaw=0, pitch=tilt), covers[k]))
    return [Part(merge(*parts), wire), *mags]


def footring_stool(seat_mat: Material, frame: Material, height: float = 0.74) -> list[Part]:
    """A counter stool: a round wooden seat on four thin splayed steel legs with a footrest ring."""
    seat = cylinder(0.18, 0.035, (0, height - 0.035, 0), bevel=0.01, segments=56)
    legs = []
    splay = 0.06
    for k in range(4):
        a = np.radians(45 + 90 * k)
        top = (0.12 * np.cos(a), height - 0.035, 0.12 * np.sin(a))
        foot = ((0.12 + splay) * np.cos(a), 0.0, (0.12 + splay) * np.sin(a))
        legs.append(rod(top, foot, 0.008, 8))
    ring_y = 0.27
    ring_r = 0.12 + splay * (1 - ring_y / (height - 0.035))
    ring = torus(ring_r, 0.006, (0, ring_y, 0), sides=8)
    return [Part(seat, seat_mat), Part(merge(*legs, ring), frame)]


def _slot_halves(w: float, h: float, slot_w: float, slot_h: float, slot_y: float) -> list[list[tuple[float, float]]]:
    """A back panel ``w`` x ``h`` with a rounded slot (a hand hold) cut through it, as two simple outlines: the
    panel split across the slot's middle, each half with half the slot bitten out of its edge."""
    rr = slot_h / 2
    half_flat = slot_w / 2 - rr
    arc = np.linspace(0, np.pi / 2, 6)
    lower_bite = [(half_flat + rr * np.cos(a), slot_y - rr * np.sin(a)) for a in arc]
    lower_bite = lower_bite + [(-x, y) for x, y in lower_bite[::-1]]
    # Both bites run from right to left; the upper half walks its bite the other way round.
    lower = [(-w / 2, 0.0), (w / 2, 0.0), (w / 2, slot_y), *lower_bite, (-w / 2, slot_y)]
    upper_bite = [(x, 2 * slot_y - y) for x, y in lower_bite]
    upper = [(-w / 2, slot_y), *upper_bite[::-1], (w / 2, slot_y), (w / 2, h), (-w / 2, h)]
    return [lower, upper]


def handle_chair(wood: Material, seat_y: float = 0.45) -> list[Part]:
    """A dining chair of square legs and a solid seat, its back a tall board with a hand hold cut through it."""
    seat = box((0.21, 0.018, 0.21), 0.006, (0, seat_y, 0.02))
    legs = [
        box((0.017, seat_y / 2, 0.017), 0.003, (sx * 0.185, seat_y / 2 - 0.009, sz))
        for sx in (-1, 1)
        for sz in (-0.17, 0.2)
    ]
    rails = [box((0.17, 0.02, 0.01), 0.002, (0, 0.15, z)) for z in (-0.17, 0.2)]
    # The board and the two posts framing it lean back together, turned about the seat's back edge.
    board = [extrude(outline, 0.02, (0, 0.05, -0.01)) for outline in _slot_halves(0.4, 0.36, 0.13, 0.04, 0.27)]
    posts = [box((0.017, 0.205, 0.017), 0.003, (sx * 0.185, 0.205, 0.0)) for sx in (-1, 1)]
    back = place(merge(*board, *posts), (0, seat_y, -0.18), pitch=-8)
    return [Part(merge(seat, *legs, *rails, back), wood)]


def blanket_ladder(wood: Material, height: float = 1.6, lean: float = 9.0) -> list[Part]:
    """A ladder for throws: two flat rails leaning back against the wall, round rungs between them."""
    rails = [box((0.022, height / 2, 0.014), 0.004, (x, height / 2, 0)) for x in (-0.22, 0.22)]
    rungs = [rod((-0.2, y, 0), (0.2, y, 0), 0.013, 12) for y in np.linspace(0.3, height - 0.12, 5)]
    return [Part(place(merge(*rails, *rungs), pitch=-lean), wood)]


# --- fabric --------------------------------------------------------------------------------------------------


def piped_ottoman(fabric: Material, piping: Material, feet: Material, r: float = 0.32, h: float = 0.36) -> list[Part]:
    """A round upholstered ottoman with piping around its top and bottom edges, on small bun feet."""
    y0 = 0.05
    prof = [(0.0, y0), (r - 0.02, y0), (r, y0 + 0.02), (r + 0.004, y0 + h / 2), (r, y0 + h - 0.02)]
    prof += [(r - 0.04, y0 + h), (0.15, y0 + h + 0.012), (0.0, y0 + h + 0.016)]
    body = lathe(prof, 72, smooth=True, crease=80)
    pipes = [torus(r - 0.004, 0.008, (0, y, 0), sides=8) for y in (y0 + 0.012, y0 + h - 0.014)]
    buns = [
        sphere(0.032, (0.7 * r * np.cos(a), 0.0, 0.7 * r * np.sin(a)), squash=0.9)
        for a in np.radians([45, 135, 225, 315])
    ]
    return [Part(body, fabric), Part(merge(*pipes), piping), Part(merge(*buns), feet)]


def knit_cube(knit: Material, half: float = 0.22) -> list[Part]:
    """A square pouf of chunky knit, soft-edged and sagging a little in the middle of its top."""
    return [Part(box((half, half * 0.85, half), half * 0.45, (0, half * 0.85, 0)), knit)]


# --- backdrop pieces -----------------------------------------------------------------------------------------


def arched_bookcase(wood: Material, books: Sequence[Material], pot: Material) -> list[Part]:
    """A bookcase with an arched top, a back panel, four shelves, books standing and lying, and a small pot."""
    w, h, d = 0.76, 1.7, 0.3
    r = w / 2
    arc = [(r * np.cos(a), h - r + r * np.sin(a)) for a in np.linspace(0, np.pi, 24)]
    back = extrude([(-r, 0.0), (r, 0.0), *arc], 0.02, (0, 0, -d / 2))
    t = 0.022
    inner = [((r - t) * np.cos(a), h - r + (r - t) * np.sin(a)) for a in np.linspace(np.pi, 0, 24)]
    band = extrude(arc + inner, d, (0, 0, -d / 2))
    sides = [box((t / 2, (h - r) / 2, d / 2), 0.003, (sx * (r - t / 2), (h - r) / 2, 0)) for sx in (-1, 1)]
    shelf_ys = [0.04, 0.42, 0.8, 1.17]
    shelves = [box((r - t, 0.012, d / 2 - 0.01), 0.002, (0, y, 0.005)) for y in shelf_ys]
    rng = np.random.default_rng(5)
    book_parts = []
    for y in shelf_ys[:3]:
        x = -r + t + 0.02
        limit = r - t - (0.16 if y == shelf_ys[1] else 0.03)
        while x < limit - 0.03:
            bw = float(rng.uniform(0.018, 0.04))
            bh = float(rng.uniform(0.2, 0.3))
            mat = books[int(rng.integers(0, len(books)))]
            book_parts.append(Part(box((bw / 2, bh / 2, 0.1), 0.003, (x + bw / 2, y + 0.012 + bh / 2, 0.0)), mat))
            x += bw + 0.002
    # A short stack lying flat on the top shelf, and a pot on the second.
    for k in range(3):
        mat = books[k % len(books)]
        book_parts.append(Part(box((0.12, 0.014, 0.09), 0.003, (-0.12, 1.17 + 0.026 + 0.028 * k, 0.0)), mat))
    vase = lathe([(0, 0), (0.05, 0), (0.06, 0.08), (0.035, 0.14), (0.03, 0.16), (0, 0.16)], 40, (0.24, 0.432, 0.0))
    return [Part(merge(back, band, *sides, *shelves), wood), *book_parts, Part(vase, pot)]


def cactus_bowl(pot: Material, soil: Material, skin: Material) -> list[Part]:
    """Flat oval cactus pads growing from a low concrete bowl, each new pad springing from the edge of the last."""
    bowl = lathe(
        [(0, 0), (0.1, 0), (0.15, 0.05), (0.16, 0.11), (0.15, 0.115), (0.135, 0.06), (0.09, 0.02), (0.0, 0.02)],
        56,
        crease=50,
    )
    earth = cylinder(0.14, 0.01, (0, 0.085, 0), segments=40)

    def pad(base: Pt, length: float, tilt: float, turn: float) -> Mesh:
        blob = scaled(sphere(0.5, (0, 0, 0), rows=14), 0.62 * length, length, 0.2 * length)
        return place(blob, base, yaw=turn, roll=tilt)

    pads = [
        pad((0.0, 0.09, 0.0), 0.26, 6, 10),
        pad((-0.03, 0.33, 0.0), 0.17, 32, 5),
        pad((0.05, 0.33, 0.01), 0.19, -28, 20),
        pad((0.1, 0.14, 0.02), 0.15, -55, -15),
        pad((-0.1, 0.5, 0.0), 0.11, 40, 0),
    ]
    return [Part(bowl, pot), Part(earth, soil), Part(merge(*pads), skin)]


# --- long, tall and flat pieces ------------------------------------------------------------------------------


def slatted_console(wood: Material, slat: Material, legs_mat: Material, width: float = 2.6) -> list[Part]:
    """A long low media console: a carcass with a front of vertical slats, on slim square legs."""
    hw = width / 2
    body = box((hw, 0.2, 0.21), 0.008, (0, 0.42, 0))
    slats = [box((0.011, 0.17, 0.008), 0.0, (float(x), 0.42, 0.215)) for x in np.arange(-hw + 0.03, hw - 0.02, 0.032)]
    legs = [box((0.015, 0.11, 0.015), 0.002, (sx * (hw - 0.12), 0.11, sz)) for sx in (-1, 1) for sz in (-0.16, 0.16)]
    legs += [box((0.015, 0.11, 0.015), 0.002, (sx * 0.3, 0.11, sz)) for sx in (-1, 1) for sz in (-0.16, 0.16)]
    return [Part(body, wood), Part(merge(*slats), slat), Part(merge(*legs), legs_mat)]


def floor_mirror(frame: Material, glass: Material, lean: float = 7.0) -> list[Part]:
    """A tall rectangular mirror in a thin frame, standing on the floor and leaning back against the wall."""
    w, h, t = 0.62, 1.85, 0.025
    bars = [
        box((t / 2, h / 2, 0.015), 0.003, (-w / 2 + t / 2, h / 2, 0)),
        box((t / 2, h / 2, 0.015), 0.003, (w / 2 - t / 2, h / 2, 0)),
        box((w / 2, t / 2, 0.015), 0.003, (0, t / 2, 0)),
        box((w / 2, t / 2, 0.015), 0.003, (0, h - t / 2, 0)),
    ]
    pane = box((w / 2 - t, h / 2 - t, 0.004), 0.0, (0, h / 2, 0.004))
    return [Part(place(merge(*bars), pitch=-lean), frame), Part(place(pane, pitch=-lean), glass)]


def bordered_rug(
    field: Material, border: Material, fringe: Material, half: tuple[float, float] = (1.0, 0.7)
) -> list[Part]:
    """A flat rug: a field, a border band laid around it and a fringe of short cords along its short ends."""
    hx, hz = half
    th = 0.006
    band = 0.09
    mid = box((hx - band, th, hz - band), 0.0, (0, th, 0))
    edges = [box((hx, th, band / 2), 0.0, (0, th, sz * (hz - band / 2))) for sz in (-1, 1)] + [
        box((band / 2, th, hz - band), 0.0, (sx * (hx - band / 2), th, 0)) for sx in (-1, 1)
    ]
    cords = []
    for sx in (-1, 1):
        for z in np.arange(-hz + 0.02, hz - 0.01, 0.025):
            wig = 0.01 * np.sin(z * 37)
            cords.append(rod((sx * hx, 0.004, z), (sx * (hx + 0.07), 0.003, z + wig), 0.0025, 5))
    return [Part(mid, field), Part(merge(*edges), border), Part(merge(*cords), fringe)]


def mushroom_lamp(
    shade_mat: Material, stem_mat: Material, bulb: Material, rim: float = 0.5, r: float = 0.27
) -> list[Part]:
    """A low lamp standing on the floor: a wide shallow dome shade (its rim ``rim`` up) on a slim stem over a
    flat round base."""
    base = cylinder(0.13, 0.016, bevel=0.005, segments=56)
    stem = rod((0, 0.014, 0), (0, rim + 0.01, 0), 0.009)
    # A shallow dome: outside and inside follow a quarter ellipse, with a thin rim between them.
    arc = np.linspace(0, np.pi / 2, 14)
    outside = [(r * np.sin(a), rim + 0.55 * r * np.cos(a)) for a in arc][::-1]
    inside = [((r - 0.007) * np.sin(a), rim + 0.52 * r * np.cos(a)) for a in arc]
    prof = [*inside, (r, rim - 0.005), *outside]
    shade = lathe(prof, 72, crease=60)
    glow = sphere(0.04, (0, rim + 0.02, 0))
    return [Part(shade, shade_mat), Part(merge(base, stem), stem_mat), Part(glow, bulb)]


def trunk(wood: Material, strap: Material, metal: Material) -> list[Part]:
    """A wooden storage trunk with a lid overhanging a little, leather strap handles at its ends, metal corners."""
    body = box((0.4, 0.19, 0.24), 0.01, (0, 0.19, 0))
    lid = box((0.41, 0.035, 0.25), 0.012, (0, 0.41, 0))
    handles = [
        bent([(sx * 0.4, 0.3, -0.06), (sx * 0.43, 0.27, -0.03), (sx * 0.43, 0.27, 0.03), (sx * 0.4, 0.3, 0.06)], 0.008)
        for sx in (-1, 1)
    ]
    caps = [box((0.02, 0.02, 0.02), 0.004, (sx * 0.39, 0.02, sz * 0.23)) for sx in (-1, 1) for sz in (-1, 1)]
    return [Part(merge(body, lid), wood), Part(merge(*handles), strap), Part(merge(*caps), metal)]


def milking_stool(wood: Material) -> list[Part]:
    """A three-legged stool with a thick round seat and stout splayed legs."""
    seat = cylinder(0.16, 0.04, (0, 0.31, 0), bevel=0.012, segments=48)
    legs = []
    for k in range(3):
        a = np.radians(90 + 120 * k)
        legs.append(
            tapered_leg(
                (0.09 * np.cos(a), 0.32, 0.09 * np.sin(a)), (0.15 * np.cos(a), 0.0, 0.15 * np.sin(a)), 0.019, 0.015
            )
        )
    return [Part(merge(seat, *legs), wood)]


def bedside_table(body_mat: Material, gap: Material, knob: Material) -> list[Part]:
    """A small bedside table: a box with a drawer over an open shelf, on four tapered legs."""
    top = box((0.24, 0.012, 0.18), 0.004, (0, 0.6, 0))
    sides = [box((0.012, 0.16, 0.18), 0.002, (sx * 0.228, 0.44, 0)) for sx in (-1, 1)]
    bottom = box((0.24, 0.012, 0.18), 0.004, (0, 0.29, 0))
    back = box((0.22, 0.16, 0.006), 0.0, (0, 0.44, -0.174))
    drawer = box((0.216, 0.065, 0.012), 0.003, (0, 0.52, 0.17))
    mid = box((0.216, 0.01, 0.17), 0.002, (0, 0.45, 0))
    legs = [
        tapered_leg((sx * 0.2, 0.29, sz * 0.14), (sx * 0.215, 0.0, sz * 0.155), 0.016, 0.01)
        for sx in (-1, 1)
        for sz in (-1, 1)
    ]
    line = box((0.218, 0.067, 0.002), 0.0, (0, 0.52, 0.163))
    return [
        Part(merge(top, *sides, bottom, back, drawer, mid, *legs), body_mat),
        Part(line, gap),
        Part(sphere(0.013, (0, 0.52, 0.185)), knob),
    ]
