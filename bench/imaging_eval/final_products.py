"""Products for the final set (``final.py``), built from the blind renderer's meshes (``blind_mesh.py``) in metres:
standing on the floor (y = 0), centred on x = z = 0 and facing the camera (+z) unless placed otherwise.

Each builder returns its parts with their materials, so a photo dresses the piece in its own finishes. The shapes
are this set's own: none reuses a builder of ``blind_products.py`` or ``fresh_products.py``, and each was chosen to
differ from the products the other sets name (a slatted bench, a step stool, a writing desk, a watering can, a
glass étagère, a clothes airer, a pegboard screen, an armoire, a topiary, and so on).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from imaging_eval.blind_light import Part
from imaging_eval.blind_mesh import Mesh, box, cylinder, lathe, merge, place, smooth_path, sphere, torus, tube
from imaging_eval.blind_texture import Material

Pt = tuple[float, float, float]


# --- small pieces --------------------------------------------------------------------------------------------


def rod(a: Pt, b: Pt, r: float, sides: int = 10) -> Mesh:
    """A straight round rod from ``a`` to ``b``."""
    return tube(np.linspace(a, b, 4), r, sides)


def bent(points: Sequence[Pt], r: float, sides: int = 10, per_span: int = 8) -> Mesh:
    """A rod bent smoothly through ``points`` (a handle, a spout, a hook)."""
    return tube(smooth_path(points, per_span), r, sides)


def scaled(mesh: Mesh, sx: float, sy: float, sz: float) -> Mesh:
    """The mesh stretched along the axes; normals follow the inverse scale so that shading stays right."""
    s = np.array([sx, sy, sz], np.float32)
    nrm = mesh.nrm / s
    nrm /= np.linalg.norm(nrm, axis=-1, keepdims=True)
    tan = mesh.tan * s
    tan /= np.maximum(np.linalg.norm(tan, axis=-1, keepdims=True), 1e-9)
    return Mesh(mesh.pos * s, nrm, mesh.uv, tan, mesh.closed)


def square_leg(x: float, z: float, top: float, half: float = 0.02, bottom: float = 0.0) -> Mesh:
    return box((half, (top - bottom) / 2, half), half * 0.15, (x, (top + bottom) / 2, z))


# --- pale and dark pieces ------------------------------------------------------------------------------------


def slat_bench(paint: Material, length: float = 1.2) -> list[Part]:
    """A painted garden-room bench: five seat slats with gaps between them on two leg frames and a stretcher."""
    hl = length / 2
    slats = [box((hl, 0.012, 0.026), 0.004, (0, 0.445, float(z))) for z in np.linspace(-0.12, 0.12, 5)]
    legs = [square_leg(sx * (hl - 0.08), sz * 0.12, 0.433, 0.022) for sx in (-1, 1) for sz in (-1, 1)]
    ends = [box((0.02, 0.03, 0.14), 0.003, (sx * (hl - 0.08), 0.4, 0)) for sx in (-1, 1)]
    feet_rails = [box((0.018, 0.018, 0.12), 0.003, (sx * (hl - 0.08), 0.09, 0)) for sx in (-1, 1)]
    stretcher = box((hl - 0.1, 0.018, 0.016), 0.003, (0, 0.09, 0))
    return [Part(merge(*slats, *legs, *ends, *feet_rails, stretcher), paint)]


def step_stool(wood: Material, tread: Material) -> list[Part]:
    """A two-step kitchen stool: stepped side panels, two treads, a riser under the lower one and a back panel."""
    sides = []
    for sx in (-1, 1):
        x = sx * 0.19
        sides.append(box((0.011, 0.11, 0.17), 0.003, (x, 0.11, 0.0)))
        sides.append(box((0.011, 0.11, 0.085), 0.003, (x, 0.33, -0.085)))
    low = box((0.2, 0.011, 0.085), 0.003, (0, 0.229, 0.085))
    high = box((0.2, 0.011, 0.085), 0.003, (0, 0.449, -0.085))
    riser = box((0.18, 0.05, 0.008), 0.002, (0, 0.17, 0.16))
    back = box((0.18, 0.2, 0.008), 0.002, (0, 0.22, -0.16))
    return [Part(merge(*sides, riser, back), wood), Part(merge(low, high), tread)]


def writing_desk(body: Material, gap: Material, knob: Material) -> list[Part]:
    """A slim writing desk: a top over a shallow drawer apron on four square tapered legs."""
    top = box((0.6, 0.014, 0.29), 0.005, (0, 0.746, 0))
    apron = box((0.55, 0.05, 0.26), 0.003, (0, 0.68, 0))
    legs = [
        tube(np.linspace((sx * 0.56, 0.73, sz * 0.25), (sx * 0.56, 0.0, sz * 0.25), 4), [0.021, 0.02, 0.016, 0.013], 4)
        for sx in (-1, 1)
        for sz in (-1, 1)
    ]
    drawer_line = box((0.3, 0.04, 0.002), 0.0, (0, 0.68, 0.261))
    drawer = box((0.295, 0.037, 0.004), 0.002, (0, 0.68, 0.263))
    knobs = [sphere(0.011, (x, 0.669, 0.268)) for x in (-0.12, 0.12)]
    return [Part(merge(top, apron, *legs, drawer), body), Part(drawer_line, gap), Part(merge(*knobs), knob)]


def chest_of_drawers(body: Material, gap: Material, pull: Material) -> list[Part]:
    """A three-drawer chest on a recessed plinth, a bar pull on each drawer."""
    carcass = box((0.45, 0.37, 0.22), 0.008, (0, 0.45, 0))
    plinth = box((0.42, 0.04, 0.19), 0.003, (0, 0.04, 0))
    seams = [box((0.43, 0.003, 0.003), 0.0, (0, float(y), 0.221)) for y in (0.32, 0.56)]
    pulls = [
        bent([(-0.08, y, 0.222), (-0.075, y, 0.245), (0.075, y, 0.245), (0.08, y, 0.222)], 0.006, 8, 4)
        for y in (0.21, 0.45, 0.7)
    ]
    return [Part(merge(carcass, plinth), body), Part(merge(*seams), gap), Part(merge(*pulls), pull)]


# --- glossy pieces -------------------------------------------------------------------------------------------


def oval_coffee_table(lacquer: Material, r: float = 0.3, stretch: float = 1.7) -> list[Part]:
    """An oval coffee table on a single flared pedestal, lacquered all over."""
    top = scaled(cylinder(r, 0.03, (0, 0.37, 0), bevel=0.012, segments=72), stretch, 1, 1)
    prof = [(0.0, 0.0), (0.2, 0.0), (0.2, 0.012), (0.12, 0.04), (0.065, 0.12), (0.055, 0.25), (0.09, 0.37), (0.0, 0.37)]
    pedestal = scaled(lathe(prof, 56, smooth=True, crease=80), 1.4, 1, 1)
    return [Part(merge(top, pedestal), lacquer)]


def watering_can(copper: Material, brass: Material) -> list[Part]:
    """An indoor watering can: a drum body, a long thin spout rising forward and a looped handle over the top."""
    prof = [(0.0, 0.0), (0.085, 0.0), (0.09, 0.01), (0.09, 0.19), (0.08, 0.205), (0.03, 0.215), (0.0, 0.215)]
    body = lathe(prof, 56, crease=40)
    spout = tube(smooth_path([(0.07, 0.04, 0), (0.16, 0.12, 0), (0.27, 0.24, 0), (0.33, 0.3, 0)], 8), 0.01, 10)
    handle = bent([(-0.05, 0.21, 0), (-0.06, 0.3, 0), (0.0, 0.33, 0), (0.06, 0.29, 0), (0.06, 0.21, 0)], 0.008)
    back_grip = bent([(-0.08, 0.19, 0), (-0.13, 0.16, 0), (-0.12, 0.07, 0), (-0.085, 0.05, 0)], 0.007)
    cap = place(cylinder(0.016, 0.012, segments=20), (0.33, 0.3, 0), roll=-48)
    lid = cylinder(0.032, 0.008, (0, 0.213, 0), bevel=0.003, segments=32)
    return [Part(merge(body, spout, handle, back_grip), copper), Part(merge(cap, lid), brass)]


# --- glass ---------------------------------------------------------------------------------------------------


def etagere(frame: Material, glass: Material, bowl_mat: Material, book_mats: Sequence[Material]) -> list[Part]:
    """A tall open shelf unit: four slim posts, glass shelves on thin rails, a bowl and a few books on them."""
    w, d, h = 0.36, 0.16, 1.3
    posts = [box((0.008, h / 2, 0.008), 0.001, (sx * w, h / 2, sz * d)) for sx in (-1, 1) for sz in (-1, 1)]
    levels = (0.08, 0.46, 0.84, 1.22)
    rails = []
    for y in levels:
        rails += [box((w, 0.006, 0.006), 0.001, (0, y - 0.01, sz * d)) for sz in (-1, 1)]
        rails += [box((0.006, 0.006, d), 0.001, (sx * w, y - 0.01, 0)) for sx in (-1, 1)]
    shelves = [box((w - 0.004, 0.004, d - 0.004), 0.001, (0, y - 0.0, 0)) for y in levels]
    bowl = lathe(
        [(0, 0), (0.05, 0), (0.1, 0.04), (0.12, 0.08), (0.114, 0.08), (0.094, 0.044), (0.045, 0.008), (0, 0.008)],
        48,
        (0.12, 0.464, 0.0),
        crease=60,
    )
    books = []
    for k, mat in enumerate(book_mats):
        books.append(Part(box((0.016, 0.12, 0.085), 0.003, (-0.25 + 0.034 * k, 0.844 + 0.12, 0.0)), mat))
    vase = lathe([(0, 0), (0.04, 0), (0.05, 0.06), (0.03, 0.15), (0.025, 0.18), (0, 0.18)], 40, (-0.18, 1.224, 0.0))
    return [
        Part(merge(*posts, *rails), frame),
        Part(merge(*shelves), glass),
        Part(merge(bowl, vase), bowl_mat),
        *books,
    ]


def globe_floor_lamp(glass: Material, brass: Material, stone: Material, bulb: Material) -> list[Part]:
    """A floor lamp: a round stone base, a slim brass stem and a hollow clear glass globe with a bulb inside."""
    base = cylinder(0.15, 0.035, bevel=0.01, segments=56)
    stem = rod((0, 0.03, 0), (0, 1.3, 0), 0.01)
    holder = lathe([(0.0, 1.28), (0.035, 1.28), (0.045, 1.33), (0.0, 1.33)], 32)
    r, c = 0.17, 1.33 + 0.16
    a_out = np.linspace(np.radians(12), np.pi, 24)
    outer = [(r * np.sin(a), c - r * np.cos(a)) for a in a_out]
    inner = [((r - 0.004) * np.sin(a), c - (r - 0.004) * np.cos(a)) for a in a_out[::-1]]
    globe = lathe([*outer, *inner], 64, smooth=False, crease=70)
    glow = sphere(0.035, (0, c - 0.05, 0))
    return [Part(merge(base), stone), Part(merge(stem, holder), brass), Part(globe, glass), Part(glow, bulb)]


# --- thin parts and holes ------------------------------------------------------------------------------------


def clothes_airer(wire: Material, half_len: float = 0.45) -> list[Part]:
    """A folding clothes airer: an A-frame of tube at each end and many thin rails along both slopes."""
    r_leg, r_rail = 0.008, 0.0035
    top_y, foot_z = 0.95, 0.3
    parts = []
    for x in (-half_len, half_len):
        parts.append(rod((x, 0.0, foot_z), (x, top_y, 0.0), r_leg, 8))
        parts.append(rod((x, 0.0, -foot_z), (x, top_y, 0.0), r_leg, 8))
        parts.append(rod((x, 0.35, -foot_z * (1 - 0.35 / top_y)), (x, 0.35, foot_z * (1 - 0.35 / top_y)), r_leg, 8))
    for t in np.linspace(0.42, 0.96, 6):
        y = top_y * float(t)
        zz = foot_z * (1 - float(t))
        for z in (zz, -zz):
            parts.append(rod((-half_len, y, z), (half_len, y, z), r_rail, 6))
    return [Part(merge(*parts), wire)]


def tray_table(tray_mat: Material, legs_mat: Material, height: float = 0.55) -> list[Part]:
    """A round tray with a raised rim on three thin crossing legs, braced by a small ring."""
    prof = [(0.0, 0.0), (0.22, 0.0), (0.225, 0.004), (0.225, 0.04), (0.218, 0.04), (0.216, 0.008), (0.0, 0.008)]
    tray = lathe(prof, 64, (0, height, 0), crease=60)
    legs = []
    for k in range(3):
        a = np.radians(90 + 120 * k)
        top = (0.1 * np.cos(a), height, 0.1 * np.sin(a))
        foot = (-0.2 * np.cos(a + 0.5), 0.0, -0.2 * np.sin(a + 0.5))
        legs.append(rod(top, foot, 0.0055, 8))
    # The ring sits where the legs pass at that height, all three the same distance from the axis.
    t = 0.52
    along = (1 - t) * 0.1 * np.array([1.0, 0.0]) - t * 0.2 * np.array([np.cos(0.5), np.sin(0.5)])
    ring = torus(float(np.hypot(*along)) + 0.006, 0.004, (0, height * (1 - t), 0), sides=8)
    return [Part(tray, tray_mat), Part(merge(*legs, ring), legs_mat)]


def _lattice(w: float, h: float, pitch: float, r: float) -> Mesh:
    """An open woven panel in the x-y plane, ``w`` x ``h`` from its bottom centre: round strands both ways."""
    strands = [rod((float(x), 0.0, 0.0), (float(x), h, 0.0), r, 6) for x in np.arange(-w / 2, w / 2 + 1e-6, pitch)]
    strands += [rod((-w / 2, float(y), 0.003), (w / 2, float(y), 0.003), r, 6) for y in np.arange(0, h + 1e-6, pitch)]
    return merge(*strands)


def cane_lounge_chair(frame: Material, cane: Material, cushion: Material) -> list[Part]:
    """A low lounge chair: a round-rod frame, an open woven back and a seat cushion, flat arms on posts."""
    seat_y = 0.38
    cush = box((0.27, 0.05, 0.25), 0.04, (0, seat_y + 0.05, 0.03))
    rails = [box((0.29, 0.02, 0.02), 0.004, (0, seat_y - 0.02, z)) for z in (-0.24, 0.28)]
    rails += [box((0.02, 0.02, 0.27), 0.004, (x, seat_y - 0.02, 0.02)) for x in (-0.29, 0.29)]
    legs = [rod((sx * 0.29, 0.0, sz), (sx * 0.29, 0.62, sz), 0.016) for sx in (-1, 1) for sz in (0.28,)]
    legs += [rod((sx * 0.29, 0.0, -0.24), (sx * 0.29, seat_y, -0.24), 0.016) for sx in (-1, 1)]
    arms = [box((0.03, 0.012, 0.3), 0.004, (sx * 0.3, 0.63, 0.02)) for sx in (-1, 1)]
    # The back frame and its weave lean back together, hinged at the seat's back edge.
    back_frame = merge(
        *[rod((sx * 0.26, 0.0, 0.0), (sx * 0.26, 0.5, 0.0), 0.014) for sx in (-1, 1)],
        rod((-0.26, 0.5, 0.0), (0.26, 0.5, 0.0), 0.014),
        rod((-0.26, 0.02, 0.0), (0.26, 0.02, 0.0), 0.014),
    )
    weave = _lattice(0.5, 0.48, 0.03, 0.0032)
    back_frame = place(back_frame, (0, seat_y - 0.02, -0.24), pitch=-14)
    weave = place(weave, (0, seat_y - 0.01, -0.24), pitch=-14)
    return [
        Part(merge(*rails, *legs, *arms, back_frame), frame),
        Part(weave, cane),
        Part(cush, cushion),
    ]


def pegboard_screen(board: Material, wood: Material, hooks_mat: Material) -> list[Part]:
    """A freestanding pegboard on two feet: a board of square holes in a wooden frame, a small shelf and hooks."""
    w, h, y0, pitch, hole = 0.6, 1.1, 0.12, 0.04, 0.014
    land = (pitch - hole) / 2
    nx, ny = round(w / pitch), round(h / pitch)
    xs = -w / 2 + pitch * np.arange(nx + 1)
    ys = y0 + pitch * np.arange(ny + 1)
    # Lands between the holes, as bars both ways: the gaps left between them are the holes.
    bars = [box((land, h / 2, 0.004), 0.0, (float(x), y0 + h / 2, 0)) for x in xs]
    bars += [box((w / 2, land, 0.004), 0.0, (0, float(y), 0)) for y in ys]
    frame = [box((0.02, h / 2 + 0.04, 0.014), 0.003, (sx * (w / 2 + 0.02), y0 + h / 2, 0)) for sx in (-1, 1)]
    frame += [box((w / 2 + 0.04, 0.02, 0.014), 0.003, (0, y, 0)) for y in (y0 - 0.02, y0 + h + 0.02)]
    feet = [box((0.025, 0.02, 0.16), 0.004, (sx * (w / 2 + 0.02), 0.02, 0)) for sx in (-1, 1)]
    posts = [box((0.02, 0.05, 0.014), 0.003, (sx * (w / 2 + 0.02), 0.07, 0)) for sx in (-1, 1)]
    shelf = box((0.16, 0.008, 0.05), 0.002, (-0.08, y0 + 0.66, 0.055))
    brackets = [box((0.004, 0.025, 0.045), 0.0, (x, y0 + 0.635, 0.05)) for x in (-0.2, 0.04)]
    hooks = [
        bent([(x, y, 0.005), (x, y, 0.04), (x, y + 0.03, 0.06)], 0.003, 6, 4)
        for x, y in ((0.14, y0 + 0.88), (0.22, y0 + 0.88), (0.18, y0 + 0.4))
    ]
    return [
        Part(merge(*bars), board),
        Part(merge(*frame, *feet, *posts, shelf), wood),
        Part(merge(*brackets, *hooks), hooks_mat),
    ]


# --- fabric --------------------------------------------------------------------------------------------------


def floor_cushions(lower: Material, upper: Material) -> list[Part]:
    """Two large square floor cushions stacked, the upper one turned a little on the lower."""
    a = box((0.32, 0.065, 0.32), 0.06, (0, 0.065, 0))
    b = box((0.3, 0.06, 0.3), 0.06, (0, 0.0, 0))
    return [Part(a, lower), Part(place(b, (0.02, 0.128, 0.01), yaw=17), upper)]


def storage_bench(fabric: Material, wood: Material) -> list[Part]:
    """An upholstered storage bench: a fabric box with a padded lid, on four short wooden feet."""
    body = box((0.5, 0.17, 0.2), 0.015, (0, 0.24, 0))
    lid = box((0.51, 0.035, 0.21), 0.03, (0, 0.44, 0))
    feet = [
        lathe([(0, 0), (0.018, 0), (0.025, 0.06), (0, 0.07)], 20, (sx * 0.45, 0, sz * 0.16))
        for sx in (-1, 1)
        for sz in (-1, 1)
    ]
    return [Part(merge(body, lid), fabric), Part(merge(*feet), wood)]


# --- backdrop pieces -----------------------------------------------------------------------------------------


def umbrella_stand(ceramic: Material, wood: Material, canopy: Material) -> list[Part]:
    """A tall glazed umbrella stand, hollow at the top, a crook-handled umbrella standing in it."""
    outer = [(0.0, 0.0), (0.1, 0.0), (0.11, 0.02), (0.115, 0.3), (0.11, 0.5), (0.112, 0.52)]
    inner = [(0.104, 0.52), (0.102, 0.5), (0.106, 0.3), (0.1, 0.03), (0.0, 0.03)]
    stand = lathe([*outer, *inner], 56, smooth=False, crease=50)
    shaft = rod((0.02, 0.05, 0.0), (0.05, 0.86, 0.0), 0.006, 8)
    crook = bent([(0.05, 0.86, 0), (0.055, 0.92, 0), (0.09, 0.95, 0), (0.12, 0.92, 0), (0.115, 0.88, 0)], 0.011)
    furled = place(lathe([(0.0, 0.0), (0.03, 0.08), (0.032, 0.28), (0.012, 0.4), (0.0, 0.42)], 24), (0.03, 0.3, 0))
    return [Part(stand, ceramic), Part(merge(shaft, crook), wood), Part(furled, canopy)]


def two_tier_table(wood: Material, legs_mat: Material) -> list[Part]:
    """A square side table: a top and a lower shelf of wood joined by four thin round metal legs."""
    top = box((0.24, 0.014, 0.24), 0.005, (0, 0.55, 0))
    shelf = box((0.22, 0.012, 0.22), 0.004, (0, 0.18, 0))
    legs = [rod((sx * 0.21, 0.0, sz * 0.21), (sx * 0.21, 0.536, sz * 0.21), 0.008) for sx in (-1, 1) for sz in (-1, 1)]
    return [Part(merge(top, shelf), wood), Part(merge(*legs), legs_mat)]


# --- long, tall and soft-shadowed pieces ---------------------------------------------------------------------


def trestle_table(top_mat: Material, base: Material, half_len: float = 1.1) -> list[Part]:
    """A long refectory table: a thick plank top on two trestle ends (a post on a foot) and a stretcher."""
    top = box((half_len, 0.025, 0.45), 0.008, (0, 0.745, 0))
    ends = []
    for sx in (-1, 1):
        x = sx * (half_len - 0.25)
        ends.append(box((0.04, 0.33, 0.06), 0.006, (x, 0.39, 0)))
        ends.append(box((0.045, 0.03, 0.36), 0.008, (x, 0.03, 0)))
        ends.append(box((0.04, 0.025, 0.38), 0.006, (x, 0.695, 0)))
    stretcher = box((half_len - 0.25, 0.03, 0.025), 0.006, (0, 0.3, 0))
    return [Part(top, top_mat), Part(merge(*ends, stretcher), base)]


def armoire(paint: Material, gap: Material, knob: Material) -> list[Part]:
    """A tall two-door wardrobe with a moulded cornice, panelled doors and a plinth."""
    body = box((0.5, 0.9, 0.29), 0.006, (0, 0.98, 0))
    cornice = box((0.54, 0.04, 0.32), 0.012, (0, 1.9, 0.01))
    cap = box((0.52, 0.015, 0.31), 0.004, (0, 1.85, 0.01))
    plinth = box((0.52, 0.04, 0.3), 0.006, (0, 0.04, 0.005))
    panels = [box((0.19, 0.33, 0.006), 0.004, (sx * 0.25, float(y), 0.293)) for sx in (-1, 1) for y in (0.55, 1.38)]
    seam = box((0.003, 0.88, 0.003), 0.0, (0, 0.98, 0.291))
    knobs = [sphere(0.014, (sx * 0.04, 1.0, 0.29)) for sx in (-1, 1)]
    return [Part(merge(body, cornice, cap, plinth, *panels), paint), Part(seam, gap), Part(merge(*knobs), knob)]


def topiary(pot: Material, soil: Material, stem_mat: Material, foliage: Material) -> list[Part]:
    """A clipped ball of box on a short bare trunk, in a cylindrical concrete planter."""
    planter = lathe([(0.0, 0.0), (0.16, 0.0), (0.165, 0.33), (0.15, 0.33), (0.145, 0.04), (0.0, 0.04)], 56, crease=50)
    earth = cylinder(0.148, 0.01, (0, 0.3, 0), segments=40)
    trunk = tube(np.linspace((0, 0.3, 0), (0.01, 0.5, 0), 4), [0.016, 0.014, 0.012, 0.011], 8)
    ball = sphere(0.22, (0.01, 0.46, 0), rows=24, squash=0.95)
    return [Part(planter, pot), Part(earth, soil), Part(trunk, stem_mat), Part(ball, foliage)]


def drum_shade_lamp(ceramic: Material, shade_mat: Material, brass: Material) -> list[Part]:
    """A table lamp: a gourd-shaped ceramic base, a brass neck and a straight-sided fabric drum shade."""
    base = lathe(
        [(0.0, 0.0), (0.06, 0.0), (0.1, 0.06), (0.105, 0.12), (0.07, 0.2), (0.03, 0.25), (0.026, 0.27), (0.0, 0.27)],
        56,
        smooth=True,
        crease=80,
    )
    neck = rod((0, 0.26, 0), (0, 0.36, 0), 0.008)
    shade = lathe([(0.17, 0.33), (0.17, 0.56), (0.164, 0.56), (0.164, 0.33)], 64, crease=60)
    return [Part(base, ceramic), Part(neck, brass), Part(shade, shade_mat)]
