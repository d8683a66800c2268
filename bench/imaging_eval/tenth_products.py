"""Products for the tenth set (``tenth.py``), built from the blind renderer's meshes (``blind_mesh.py``) in metres:
standing on the floor (y = 0), centred on x = z = 0 and facing the camera (+z) unless placed otherwise.

Each builder returns its parts with their materials, so a photo dresses the piece in its own finishes. The shapes
are this set's own, chosen to differ from the products the other sets name: a chaise longue, a bathroom vanity, a
bean-to-cup coffee machine, a hall tree, a pedal bin, a record cabinet, a wine cooler, glass storage jars, a
bistro set, a tiered plant stand, a hanging egg chair on its stand, a shoe rack, a folding screen, a parsons
chair, a floor lamp with a pleated shade, a kitchen island cart, a longcase clock, a cube storage unit, a rocking
horse and a cast-iron casserole. Only the small helpers (rods, bent rods, stretched meshes) come from
``final_products.py``.
"""

from __future__ import annotations

import itertools

import numpy as np

from imaging_eval.blind_light import Part
from imaging_eval.blind_mesh import Mesh, box, cylinder, lathe, merge, place, smooth_path, sphere, torus, tube
from imaging_eval.blind_texture import Material
from imaging_eval.final_products import bent, rod, scaled

Pt = tuple[float, float, float]


def _post(x: float, z: float, y0: float, y1: float, half: float, bevel: float = 0.003) -> Mesh:
    """A square upright from ``y0`` to ``y1``."""
    return box((half, (y1 - y0) / 2, half), bevel, (x, (y0 + y1) / 2, z))


def _shell(
    outer: list[tuple[float, float]],
    inner: list[tuple[float, float]],
    segments: int = 56,
    at: Pt = (0.0, 0.0, 0.0),
    arc: tuple[float, float] = (0.0, 360.0),
) -> Mesh:
    """A thin-walled surface of revolution: up the outside, back down the inside (a jar, a pot, an egg)."""
    return lathe([*outer, *inner], segments, at, crease=60, arc=arc, smooth=True)


def _pleated(mesh: Mesh, folds: int, depth: float) -> Mesh:
    """A mesh of revolution about the y axis pushed in and out round its axis: ``folds`` pleats ``depth`` deep."""
    p, n = mesh.pos.astype(np.float64), mesh.nrm.astype(np.float64)
    theta = np.arctan2(-p[..., 2], p[..., 0])
    f = 1.0 + depth * np.cos(folds * theta)
    pos = p.copy()
    pos[..., 0] *= f
    pos[..., 2] *= f
    # the horizontal part of the normal turns by the slope of the pleat
    tilt = np.arctan(depth * folds * np.sin(folds * theta) / f)
    c, s = np.cos(tilt), np.sin(tilt)
    nrm = n.copy()
    nrm[..., 0] = n[..., 0] * c - n[..., 2] * s
    nrm[..., 2] = n[..., 0] * s + n[..., 2] * c
    nrm /= np.linalg.norm(nrm, axis=-1, keepdims=True)
    return Mesh(pos.astype(np.float32), nrm.astype(np.float32), mesh.uv, mesh.tan, mesh.closed)


# --- pale pieces ---------------------------------------------------------------------------------------------


def chaise_longue(velvet: Material, leg: Material) -> list[Part]:
    """A chaise longue: a long deep seat, a sloping back and scrolled arm at the left end, a bolster, four legs."""
    seat = box((0.82, 0.1, 0.33), 0.07, (0.0, 0.3, 0.0))
    cushion = box((0.74, 0.05, 0.3), 0.045, (0.06, 0.43, 0.0))
    back = place(box((0.07, 0.3, 0.33), 0.06), (-0.7, 0.58, 0.0), roll=-28)
    arm = place(cylinder(0.11, 0.66, segments=36), (-0.8, 0.62, 0.33), pitch=-90)
    bolster = place(cylinder(0.085, 0.56, bevel=0.03, segments=32), (0.52, 0.55, 0.28), pitch=-90)
    legs = [
        lathe([(0.0, 0.0), (0.018, 0.0), (0.028, 0.2), (0.0, 0.2)], 20, (sx * 0.72, 0.0, sz * 0.26))
        for sx in (-1, 1)
        for sz in (-1, 1)
    ]
    return [Part(merge(seat, cushion, back, arm, bolster), velvet), Part(merge(*legs), leg)]


def bathroom_vanity(cabinet: Material, gap: Material, ceramic: Material, chrome: Material) -> list[Part]:
    """A freestanding bathroom vanity: a two-door cabinet on a plinth, a ceramic top with an inset basin, a tap."""
    w, d = 0.4, 0.23
    body = box((w, 0.36, d), 0.006, (0.0, 0.44, 0.0))
    plinth = box((w - 0.02, 0.04, d - 0.03), 0.003, (0.0, 0.04, -0.01))
    doors = [box((w / 2 - 0.006, 0.33, 0.01), 0.006, (sx * (w / 2), 0.44, d + 0.008)) for sx in (-1, 1)]
    seam = box((0.003, 0.33, 0.004), 0.0, (0.0, 0.44, d + 0.016))
    top = box((w + 0.01, 0.03, d + 0.015), 0.012, (0.0, 0.83, 0.0))
    basin = _shell(
        [(0.0, 0.86), (0.08, 0.86), (0.15, 0.9), (0.19, 0.96), (0.2, 0.985)],
        [(0.19, 0.985), (0.18, 0.96), (0.14, 0.91), (0.07, 0.88), (0.0, 0.875)],
        56,
    )
    basin = place(scaled(basin, 1.0, 1.0, 0.8), (0.0, 0.0, 0.02))
    tap_base = cylinder(0.018, 0.05, (0.0, 0.86, -0.19), segments=20)
    spout = bent([(0.0, 0.9, -0.19), (0.0, 1.06, -0.18), (0.0, 1.08, -0.11), (0.0, 1.03, -0.07)], 0.011, 12, 8)
    lever = rod((0.0, 0.95, -0.19), (0.0, 0.97, -0.25), 0.005, 8)
    pulls = [rod((sx * 0.03, 0.6, d + 0.025), (sx * 0.03, 0.7, d + 0.025), 0.006, 8) for sx in (-1, 1)]
    return [
        Part(merge(body, *doors), cabinet),
        Part(merge(plinth, seam), gap),
        Part(merge(top, basin), ceramic),
        Part(merge(tap_base, spout, lever, *pulls), chrome),
    ]


# --- dark pieces ---------------------------------------------------------------------------------------------


def coffee_machine(body_mat: Material, panel: Material, steel: Material, cup_mat: Material) -> list[Part]:
    """A bean-to-cup coffee machine: a tall box with a bean hopper on top, a spout unit, a drip tray and a cup."""
    body = box((0.12, 0.18, 0.21), 0.03, (0.0, 0.18, -0.02))
    hopper = box((0.06, 0.03, 0.06), 0.012, (-0.03, 0.385, -0.1))
    face = box((0.1, 0.05, 0.006), 0.01, (0.0, 0.3, 0.193))
    spout_unit = box((0.05, 0.03, 0.04), 0.01, (0.0, 0.2, 0.2))
    nozzles = [rod((sx * 0.015, 0.17, 0.21), (sx * 0.015, 0.15, 0.21), 0.006, 8) for sx in (-1, 1)]
    tray = box((0.11, 0.02, 0.07), 0.008, (0.0, 0.02, 0.22))
    grid_top = box((0.1, 0.003, 0.06), 0.0, (0.0, 0.041, 0.22))
    cup = _shell(
        [(0.0, 0.044), (0.03, 0.044), (0.038, 0.1), (0.04, 0.11)],
        [(0.036, 0.11), (0.034, 0.1), (0.026, 0.05), (0.0, 0.05)],
        40,
        at=(0.0, 0.0, 0.22),
    )
    handle = torus(0.022, 0.005, (0.048, 0.078, 0.22), pitch=90, sides=8)
    knobs = [place(cylinder(0.012, 0.01, segments=16), (sx, 0.3, 0.2), pitch=90) for sx in (-0.07, 0.07)]
    return [
        Part(merge(body, hopper, spout_unit, tray), body_mat),
        Part(merge(face, *knobs), panel),
        Part(merge(*nozzles, grid_top), steel),
        Part(merge(cup, handle), cup_mat),
    ]


def hall_tree(metal: Material, wood: Material) -> list[Part]:
    """A hall tree: a metal frame with a bench seat, a shoe shelf below, a slatted back, a top shelf and hooks."""
    w, d, h = 0.45, 0.17, 1.8
    posts = [_post(sx * w, sz * d, 0.0, h if sz < 0 else 0.48, 0.014) for sx in (-1, 1) for sz in (-1, 1)]
    rails = [box((w, 0.012, 0.012), 0.002, (0.0, y, -d)) for y in (0.08, 0.46, 1.2, 1.5, h - 0.012)]
    rails += [box((w, 0.012, 0.012), 0.002, (0.0, y, d)) for y in (0.08, 0.46)]
    sides = [box((0.012, 0.012, d), 0.002, (sx * w, y, 0.0)) for sx in (-1, 1) for y in (0.08, 0.46)]
    slats = [rod((float(x), 1.2, -d), (float(x), 1.5, -d), 0.005, 6) for x in np.linspace(-w + 0.09, w - 0.09, 8)]
    hooks = [
        bent([(float(x), 1.44, -d + 0.01), (float(x), 1.42, -d + 0.07), (float(x), 1.47, -d + 0.09)], 0.006, 8, 6)
        for x in np.linspace(-w + 0.1, w - 0.1, 5)
    ]
    seat = box((w + 0.01, 0.018, d + 0.01), 0.005, (0.0, 0.49, 0.0))
    shelf = box((w - 0.01, 0.012, d - 0.01), 0.004, (0.0, 0.105, 0.0))
    top = box((w + 0.03, 0.016, d * 0.7), 0.005, (0.0, h + 0.016, -d * 0.55))
    return [
        Part(merge(*posts, *rails, *sides, *slats, *hooks), metal),
        Part(merge(seat, shelf, top), wood),
    ]


# --- glossy pieces -------------------------------------------------------------------------------------------


def pedal_bin(enamel: Material, lid_mat: Material, base_mat: Material) -> list[Part]:
    """A round pedal bin: a glossy drum, a domed lid with a hinge at the back, a black base ring and a foot pedal."""
    drum = cylinder(0.145, 0.42, (0.0, 0.03, 0.0), bevel=0.01, segments=64)
    lid = lathe(
        [(0.0, 0.45), (0.149, 0.45), (0.149, 0.458), (0.14, 0.47), (0.1, 0.49), (0.05, 0.497), (0.0, 0.498)],
        64,
        crease=40,
    )
    base = lathe([(0.0, 0.0), (0.142, 0.0), (0.145, 0.035), (0.0, 0.035)], 64, crease=50)
    pedal = box((0.05, 0.008, 0.03), 0.006, (0.0, 0.03, 0.17))
    hinge = box((0.03, 0.01, 0.012), 0.004, (0.0, 0.455, -0.152))
    return [
        Part(drum, enamel),
        Part(merge(lid, hinge), lid_mat),
        Part(merge(base, pedal), base_mat),
    ]


def record_cabinet(
    lacquer: Material, inside: Material, legs_mat: Material, sleeves: tuple[Material, ...]
) -> list[Part]:
    """A record cabinet on hairpin legs: a lacquered case with a sliding door to the right and records to the left."""
    w, d, y0, y1 = 0.6, 0.2, 0.3, 0.76
    top = box((w, 0.012, d), 0.006, (0.0, y1 - 0.012, 0.0))
    bottom = box((w, 0.012, d), 0.006, (0.0, y0 + 0.012, 0.0))
    ends = [box((0.012, (y1 - y0) / 2, d), 0.006, (sx * (w - 0.012), (y0 + y1) / 2, 0.0)) for sx in (-1, 1)]
    mid = box((0.01, (y1 - y0) / 2 - 0.02, d - 0.005), 0.0, (0.0, (y0 + y1) / 2, 0.0))
    door = box((w / 2 - 0.02, (y1 - y0) / 2 - 0.026, 0.008), 0.004, (w / 2 - 0.005, (y0 + y1) / 2, d - 0.012))
    back = box((w - 0.02, (y1 - y0) / 2 - 0.02, 0.004), 0.0, (0.0, (y0 + y1) / 2, -d + 0.01))
    records: list[list[Mesh]] = [[] for _ in sleeves]
    for k, x in enumerate(np.arange(-w + 0.035, -0.02, 0.015)):
        sleeve = box((0.006, 0.155, 0.155), 0.001, (float(x), y0 + 0.025 + 0.155, -0.01))
        records[k % len(sleeves)].append(sleeve)
    legs = []
    for sx in (-1, 1):
        for sz in (-1, 1):
            x, z = sx * (w - 0.06), sz * (d - 0.05)
            legs.append(bent([(x - sx * 0.02, y0, z), (x, 0.0, z), (x + sx * 0.02, y0, z)], 0.005, 8, 6))
    return [
        Part(merge(top, bottom, *ends, door), lacquer),
        Part(merge(mid, back), inside),
        Part(merge(*legs), legs_mat),
        *(Part(merge(*r), m) for r, m in zip(records, sleeves, strict=True)),
    ]


# --- glass ---------------------------------------------------------------------------------------------------


def wine_cooler(
    steel: Material, glass: Material, liner: Material, bottle_mats: tuple[Material, Material]
) -> list[Part]:
    """A freestanding wine cooler: a steel case with a full glass door, wire shelves and bottles lying on them."""
    w, d, h = 0.3, 0.28, 0.86
    sides = [box((0.012, h / 2, d), 0.004, (sx * (w - 0.012), h / 2, 0.0)) for sx in (-1, 1)]
    top = box((w, 0.015, d), 0.006, (0.0, h - 0.015, 0.0))
    base = box((w, 0.04, d), 0.006, (0.0, 0.04, 0.0))
    vent = box((w - 0.03, 0.02, 0.003), 0.0, (0.0, 0.04, d + 0.002))
    back = box((w - 0.02, h / 2 - 0.05, 0.005), 0.0, (0.0, h / 2, -d + 0.01))
    frame = [box((w, 0.025, 0.012), 0.004, (0.0, y, d + 0.012)) for y in (0.105, h - 0.035)]
    frame += [
        box((0.025, (h - 0.14) / 2, 0.012), 0.004, (sx * (w - 0.025), 0.08 + (h - 0.14) / 2, d + 0.012))
        for sx in (-1, 1)
    ]
    pane = box((w - 0.05, (h - 0.19) / 2, 0.003), 0.0, (0.0, 0.13 + (h - 0.19) / 2 - 0.005, d + 0.014))
    handle = rod((w - 0.06, 0.3, d + 0.045), (w - 0.06, 0.62, d + 0.045), 0.008, 10)
    feet = [
        rod((w - 0.06, 0.3, d + 0.024), (w - 0.06, 0.3, d + 0.045), 0.006, 8),
        rod((w - 0.06, 0.62, d + 0.024), (w - 0.06, 0.62, d + 0.045), 0.006, 8),
    ]
    shelves, bottles = [], [[], []]
    bottle = lathe(
        [(0.0, 0.0), (0.036, 0.0), (0.037, 0.2), (0.03, 0.24), (0.013, 0.26), (0.013, 0.31), (0.0, 0.31)],
        24,
        smooth=True,
    )
    for i, y in enumerate((0.17, 0.31, 0.45, 0.59, 0.73)):
        shelves += [
            rod((-w + 0.02, y, float(z)), (w - 0.02, y, float(z)), 0.003, 6)
            for z in np.linspace(-d + 0.03, d - 0.05, 6)
        ]
        for j, x in enumerate((-0.19, -0.11, -0.03, 0.05, 0.13, 0.21)):
            b = place(bottle, (x, y + 0.04, -d + 0.03), pitch=90)
            bottles[(i + j) % 2].append(b)
    return [
        Part(merge(*sides, top, base, *frame, handle, *feet), steel),
        Part(merge(back, vent), liner),
        Part(pane, glass),
        Part(merge(*shelves), steel),
        Part(merge(*bottles[0]), bottle_mats[0]),
        Part(merge(*bottles[1]), bottle_mats[1]),
    ]


def storage_jars(glass: Material, lid: Material, fills: tuple[Material, Material, Material]) -> list[Part]:
    """Three glass storage jars of different heights with wooden lids, holding pasta, rice and coffee beans."""
    parts = []
    lids = []
    for (x, z, r, h), fill in zip(
        ((-0.13, -0.04, 0.065, 0.28), (0.02, 0.03, 0.06, 0.21), (0.15, -0.02, 0.055, 0.15)), fills, strict=True
    ):
        jar = _shell(
            [(0.0, 0.0), (r - 0.01, 0.0), (r, 0.012), (r, h - 0.01), (r - 0.004, h)],
            [(r - 0.008, h), (r - 0.004, h - 0.01), (r - 0.004, 0.014), (r - 0.012, 0.006), (0.0, 0.006)],
            56,
            at=(x, 0.0, z),
        )
        contents = cylinder(r - 0.007, h * 0.62, (x, 0.007, z), bevel=0.006, segments=40)
        cap = cylinder(r + 0.003, 0.03, (x, h - 0.008, z), bevel=0.005, segments=48)
        parts += [Part(jar, glass), Part(contents, fill)]
        lids.append(cap)
    return [*parts, Part(merge(*lids), lid)]


# --- thin parts ----------------------------------------------------------------------------------------------


def _bistro_chair(yaw: float, at: Pt) -> Mesh:
    """A folding bistro chair facing +z before it is turned: thin tube legs, a slatted seat and a curved back."""
    legs = [rod((sx * 0.19, 0.0, 0.19), (sx * 0.18, 0.44, 0.15), 0.009, 8) for sx in (-1, 1)]
    legs += [
        bent([(sx * 0.19, 0.0, -0.2), (sx * 0.18, 0.44, -0.16), (sx * 0.17, 0.85, -0.22)], 0.009, 8, 6)
        for sx in (-1, 1)
    ]
    braces = [rod((-0.18, 0.12, z), (0.18, 0.12, z), 0.006, 6) for z in (0.17, -0.18)]
    frame = [rod((sx * 0.185, 0.44, 0.16), (sx * 0.185, 0.44, -0.17), 0.007, 6) for sx in (-1, 1)]
    slats = [box((0.19, 0.008, 0.022), 0.003, (0.0, 0.455, float(z))) for z in np.linspace(-0.14, 0.14, 5)]
    back = [
        bent(
            [(-0.17, y, -0.2 - 0.012 * (y - 0.6) * 10), (0.0, y, -0.24), (0.17, y, -0.2 - 0.012 * (y - 0.6) * 10)],
            0.012,
            6,
            6,
        )
        for y in (0.64, 0.72, 0.8)
    ]
    return place(merge(*legs, *braces, *frame, *slats, *back), at, yaw)


def bistro_set(metal: Material, top_mat: Material) -> list[Part]:
    """A bistro set: a round folding table on thin legs with a chair either side, turned in towards it."""
    top = cylinder(0.3, 0.02, (0.0, 0.7, 0.0), bevel=0.006, segments=64)
    rim = torus(0.3, 0.008, (0.0, 0.705, 0.0), sides=8)
    legs = [rod((0.22 * sx, 0.0, 0.0), (0.06 * sx, 0.7, 0.0), 0.01, 8) for sx in (-1, 1)]
    legs += [rod((0.0, 0.0, 0.22 * sz), (0.0, 0.7, 0.06 * sz), 0.01, 8) for sz in (-1, 1)]
    ring = torus(0.12, 0.006, (0.0, 0.35, 0.0), sides=6)
    chairs = [_bistro_chair(yaw, at) for yaw, at in ((90, (-0.55, 0.0, 0.05)), (-90, (0.55, 0.0, -0.05)))]
    return [Part(merge(rim, *legs, ring, *chairs), metal), Part(top, top_mat)]


def plant_stand(metal: Material, pot_mat: Material, soil: Material, leaves: Material) -> list[Part]:
    """A three-tier plant stand of thin rods, stepped up from front to back, with a pot and a plant on each tier."""
    tiers = ((0.24, 0.12), (0.5, -0.02), (0.78, -0.16))
    rods, rings, pots, soils, greens = [], [], [], [], []
    for k, (y, z) in enumerate(tiers):
        x = (-0.18, 0.02, 0.16)[k]
        rings.append(torus(0.1, 0.006, (x, y, z), sides=6))
        for a in np.radians((30, 150, 270)):
            px, pz = x + 0.1 * float(np.cos(a)), z + 0.1 * float(np.sin(a))
            rods.append(rod((px, 0.0, pz), (px, y, pz), 0.006, 6))
        r = 0.085
        pots.append(
            lathe(
                [(0.0, 0.0), (r * 0.75, 0.0), (r, 0.13), (r + 0.008, 0.135), (r + 0.008, 0.15), (0.0, 0.15)],
                40,
                (x, y + 0.006, z),
                crease=50,
            )
        )
        soils.append(cylinder(r - 0.004, 0.005, (x, y + 0.15, z), segments=32))
        rng = np.random.default_rng(40 + k)
        for _ in range(9):
            dx, dz = rng.uniform(-0.06, 0.06, 2)
            greens.append(
                sphere(
                    float(rng.uniform(0.045, 0.07)),
                    (x + dx, y + 0.15 + float(rng.uniform(0.0, 0.09)), z + dz),
                    rows=10,
                    squash=0.8,
                )
            )
    return [
        Part(merge(*rods, *rings), metal),
        Part(merge(*pots), pot_mat),
        Part(merge(*soils), soil),
        Part(merge(*greens), leaves),
    ]


# --- holes ---------------------------------------------------------------------------------------------------


def egg_chair(frame: Material, wicker: Material, cushion: Material) -> list[Part]:
    """A hanging egg chair on its stand: a round base, a curved arm over the top, a chain and an open wicker egg."""
    base = lathe([(0.0, 0.0), (0.42, 0.0), (0.42, 0.03), (0.36, 0.06), (0.0, 0.07)], 64, smooth=True)
    arm = bent(
        [
            (-0.3, 0.05, -0.1),
            (-0.56, 0.6, -0.14),
            (-0.6, 1.3, -0.12),
            (-0.42, 1.88, -0.06),
            (-0.1, 2.02, 0.0),
            (0.0, 1.97, 0.02),
        ],
        0.025,
        12,
        10,
    )
    chain = [torus(0.018, 0.004, (0.0, 1.92 - 0.03 * k, 0.02), pitch=90, yaw=90 * (k % 2), sides=6) for k in range(9)]
    egg = _shell(
        [(0.0, 0.0), (0.2, 0.03), (0.38, 0.25), (0.42, 0.55), (0.32, 0.95), (0.1, 1.16), (0.0, 1.18)],
        [(0.0, 1.15), (0.09, 1.13), (0.3, 0.93), (0.39, 0.55), (0.35, 0.27), (0.19, 0.06), (0.0, 0.035)],
        64,
        arc=(-40.0, 220.0),
    )
    egg = place(scaled(egg, 1.0, 1.0, 0.9), (0.0, 0.5, 0.02), yaw=0)
    seat = scaled(sphere(0.32, rows=14, squash=0.35), 1.0, 1.0, 0.95)
    seat = place(seat, (0.0, 0.66, 0.06))
    back = place(scaled(sphere(0.28, rows=14, squash=1.0), 1.0, 1.2, 0.35), (0.0, 0.95, -0.2))
    hanger = rod((0.0, 1.65, 0.02), (0.0, 1.69, 0.02), 0.01, 8)
    return [
        Part(merge(base, arm, *chain, hanger), frame),
        Part(egg, wicker),
        Part(merge(seat, back), cushion),
    ]


def shoe_rack(wood: Material) -> list[Part]:
    """A three-tier slatted shoe rack: two ladder-like end frames and shelves of slats with gaps between them."""
    w, d = 0.4, 0.15
    ends = [_post(sx * w, sz * d, 0.0, 0.56, 0.015) for sx in (-1, 1) for sz in (-1, 1)]
    rails = [box((0.012, 0.012, d), 0.003, (sx * w, y, 0.0)) for sx in (-1, 1) for y in (0.08, 0.3, 0.52)]
    slats = [
        box((w - 0.015, 0.008, 0.016), 0.003, (0.0, y + 0.02, float(z)))
        for y in (0.08, 0.3, 0.52)
        for z in np.linspace(-d + 0.02, d - 0.02, 6)
    ]
    return [Part(merge(*ends, *rails, *slats), wood)]


# --- textured fabrics ----------------------------------------------------------------------------------------


def folding_screen(fabric: Material, wood: Material) -> list[Part]:
    """A three-panel folding screen: wooden frames covered in fabric, standing folded in a zigzag on small feet."""
    h = 1.72
    frames, cloth = [], []
    pts = [(-0.62, -0.1), (-0.22, 0.12), (0.22, -0.1), (0.62, 0.12)]
    for (x0, z0), (x1, z1) in itertools.pairwise(pts):
        cx, cz = (x0 + x1) / 2, (z0 + z1) / 2
        yaw = -float(np.degrees(np.arctan2(z1 - z0, x1 - x0)))
        half = float(np.hypot(x1 - x0, z1 - z0)) / 2 - 0.012
        frames += [place(_post(sx * half, 0.0, 0.04, h, 0.016), (cx, 0.0, cz), yaw) for sx in (-1, 1)]
        frames += [place(box((half, 0.016, 0.016), 0.003, (0.0, y, 0.0)), (cx, 0.0, cz), yaw) for y in (0.1, h - 0.016)]
        cloth.append(
            place(
                box((half - 0.014, (h - 0.14) / 2, 0.01), 0.008, (0.0, 0.1 + (h - 0.14) / 2, 0.0)), (cx, 0.0, cz), yaw
            )
        )
    feet = [cylinder(0.02, 0.04, (x, 0.0, z), segments=12) for x, z in pts]
    return [Part(merge(*frames, *feet), wood), Part(merge(*cloth), fabric)]


def parsons_chair(fabric: Material, leg: Material) -> list[Part]:
    """An upholstered parsons dining chair: a skirted seat, a tall slightly raked back, short dark legs."""
    seat = box((0.23, 0.08, 0.24), 0.03, (0.0, 0.42, 0.02))
    back = place(box((0.23, 0.3, 0.05), 0.03), (0.0, 0.78, -0.2), pitch=-6)
    legs = [_post(sx * 0.2, sz * 0.2, 0.0, 0.36, 0.018) for sx in (-1, 1) for sz in (-1, 1)]
    back_legs = [_post(sx * 0.2, -0.22, 0.0, 0.4, 0.018) for sx in (-1, 1)]
    return [Part(merge(seat, back), fabric), Part(merge(*legs, *back_legs), leg)]


# --- backdrops that change ------------------------------------------------------------------------------------


def pleated_floor_lamp(shade_mat: Material, metal: Material, base_mat: Material) -> list[Part]:
    """A floor lamp: a heavy round base, a slim pole, and a tapered pleated fabric shade lit from inside."""
    base = lathe([(0.0, 0.0), (0.15, 0.0), (0.15, 0.02), (0.12, 0.035), (0.0, 0.04)], 56, smooth=True)
    pole = rod((0.0, 0.03, 0.0), (0.0, 1.36, 0.0), 0.01, 12)
    socket = cylinder(0.02, 0.07, (0.0, 1.3, 0.0), segments=20)
    shade = lathe([(0.22, 1.22), (0.14, 1.55), (0.135, 1.55), (0.215, 1.22)], 160, crease=20, closed=False)
    shade = _pleated(shade, 48, 0.035)
    finial = sphere(0.015, (0.0, 1.55, 0.0))
    return [Part(merge(pole, socket, finial), metal), Part(base, base_mat), Part(shade, shade_mat)]


def island_cart(top_mat: Material, paint: Material, metal: Material, basket: Material) -> list[Part]:
    """A kitchen island cart: a butcher-block top, a painted base with a drawer, an open shelf with baskets, casters."""
    w, d = 0.5, 0.25
    top = box((w + 0.03, 0.02, d + 0.03), 0.005, (0.0, 0.89, 0.0))
    legs = [_post(sx * (w - 0.02), sz * (d - 0.02), 0.06, 0.87, 0.02) for sx in (-1, 1) for sz in (-1, 1)]
    apron = box((w - 0.01, 0.07, d - 0.01), 0.004, (0.0, 0.79, 0.0))
    drawer = box((w - 0.06, 0.055, 0.008), 0.004, (0.0, 0.79, d - 0.002))
    shelf = box((w - 0.01, 0.012, d - 0.01), 0.003, (0.0, 0.2, 0.0))
    mid = box((w - 0.01, 0.01, d - 0.01), 0.003, (0.0, 0.5, 0.0))
    knob = rod((-0.06, 0.79, d + 0.01), (0.06, 0.79, d + 0.01), 0.006, 8)
    rail = [rod((w + 0.02, 0.78, sz * (d - 0.04)), (w + 0.06, 0.78, sz * (d - 0.04)), 0.006, 8) for sz in (-1, 1)]
    rail.append(rod((w + 0.06, 0.78, -d + 0.04), (w + 0.06, 0.78, d - 0.04), 0.007, 8))
    casters = [
        place(cylinder(0.028, 0.022, segments=20), (sx * (w - 0.02), 0.028, sz * (d - 0.02)), pitch=90)
        for sx in (-1, 1)
        for sz in (-1, 1)
    ]
    forks = [_post(sx * (w - 0.02), sz * (d - 0.02), 0.04, 0.06, 0.012) for sx in (-1, 1) for sz in (-1, 1)]
    baskets = [box((0.21, 0.08, d - 0.04), 0.02, (sx * 0.23, 0.292, 0.0)) for sx in (-1, 1)]
    return [
        Part(top, top_mat),
        Part(merge(*legs, apron, drawer, shelf, mid), paint),
        Part(merge(knob, *rail, *casters, *forks), metal),
        Part(merge(*baskets), basket),
    ]


# --- cut by the frame ----------------------------------------------------------------------------------------


def longcase_clock(case: Material, glass: Material, dial: Material, brass: Material, ink: Material) -> list[Part]:
    """A longcase clock: a plinth, a tall trunk with a glazed door showing the pendulum, a hood round the dial."""
    plinth = box((0.25, 0.2, 0.16), 0.006, (0.0, 0.2, 0.0))
    skirt = box((0.27, 0.03, 0.18), 0.006, (0.0, 0.03, 0.0))
    trunk_sides = [box((0.03, 0.45, 0.13), 0.004, (sx * 0.18, 0.85, -0.02)) for sx in (-1, 1)]
    trunk_back = box((0.18, 0.45, 0.01), 0.0, (0.0, 0.85, -0.14))
    door_frame = [box((0.2, 0.03, 0.015), 0.004, (0.0, y, 0.115)) for y in (0.43, 1.27)]
    door_frame += [box((0.03, 0.45, 0.015), 0.004, (sx * 0.18, 0.85, 0.115)) for sx in (-1, 1)]
    pane = box((0.15, 0.39, 0.003), 0.0, (0.0, 0.85, 0.118))
    waist = box((0.24, 0.04, 0.16), 0.006, (0.0, 1.34, 0.0))
    hood = box((0.25, 0.25, 0.16), 0.006, (0.0, 1.63, 0.0))
    crown = box((0.27, 0.04, 0.18), 0.006, (0.0, 1.92, 0.0))
    face = place(cylinder(0.15, 0.006, segments=64), (0.0, 1.63, 0.16), pitch=90)
    ring = torus(0.155, 0.008, (0.0, 1.63, 0.164), pitch=90, sides=8)
    hands = [
        box((0.004, 0.055, 0.002), 0.0, (0.0, 1.68, 0.17)),
        place(box((0.004, 0.04, 0.002), 0.0), (0.03, 1.64, 0.17), roll=-70),
    ]
    rod_ = rod((0.0, 1.25, -0.08), (0.0, 0.62, -0.08), 0.004, 6)
    bob = place(cylinder(0.07, 0.01, segments=40), (0.0, 0.6, -0.08), pitch=90)
    weights = [cylinder(0.025, 0.2, (sx * 0.08, 0.92, -0.06), segments=20) for sx in (-1, 1)]
    return [
        Part(merge(plinth, skirt, *trunk_sides, trunk_back, *door_frame, waist, hood, crown), case),
        Part(pane, glass),
        Part(face, dial),
        Part(merge(ring, rod_, bob, *weights), brass),
        Part(merge(*hands), ink),
    ]


def cube_storage(board: Material, bins: tuple[Material, Material], books: tuple[Material, ...]) -> list[Part]:
    """A cube storage unit four wide and two high: boards round square cubes, fabric bins in some, books in others."""
    cols, rows, c, t, d = 4, 2, 0.335, 0.016, 0.195
    w, h = cols * c + (cols + 1) * t, rows * c + (rows + 1) * t
    boards = [box((w / 2, t / 2, d), 0.002, (0.0, float(y), 0.0)) for y in np.arange(rows + 1) * (c + t) + t / 2]
    boards += [
        box((t / 2, h / 2, d), 0.002, (float(x), h / 2, 0.0)) for x in -w / 2 + t / 2 + np.arange(cols + 1) * (c + t)
    ]
    boards.append(box((w / 2, h / 2, 0.003), 0.0, (0.0, h / 2, -d + 0.003)))
    filled = [[], []]
    spines = [[] for _ in books]
    rng = np.random.default_rng(9)
    for i in range(cols):
        for j in range(rows):
            x0 = -w / 2 + t + i * (c + t)
            y0 = t + j * (c + t)
            if (i + j) % 2 == 0:
                bin_box = box((c / 2 - 0.01, c / 2 - 0.02, d - 0.02), 0.01, (x0 + c / 2, y0 + c / 2 - 0.01, 0.005))
                tab = box((0.05, 0.015, 0.005), 0.004, (x0 + c / 2, y0 + c - 0.07, d - 0.008))
                filled[(i // 2) % 2].append(merge(bin_box, tab))
            else:
                x = x0 + 0.01
                k = 0
                while x < x0 + c * 0.7:
                    thick = float(rng.uniform(0.018, 0.035))
                    tall = float(rng.uniform(0.2, 0.29))
                    spines[k % len(books)].append(
                        box((thick / 2, tall / 2, 0.11), 0.002, (x + thick / 2, y0 + tall / 2, 0.03))
                    )
                    x += thick + 0.002
                    k += 1
    return [
        Part(merge(*boards), board),
        *(Part(merge(*f), m) for f, m in zip(filled, bins, strict=True) if f),
        *(Part(merge(*s), m) for s, m in zip(spines, books, strict=True) if s),
    ]


# --- soft shadow and small things ----------------------------------------------------------------------------


def rocking_horse(wood: Material, mane: Material, saddle: Material) -> list[Part]:
    """A child's wooden rocking horse, side on along x: body, neck and head, four splayed legs, two curved rockers."""
    body = scaled(sphere(0.14, rows=16), 2.0, 0.8, 0.9)
    body = place(body, (0.0, 0.4, 0.0))
    neck = place(scaled(cylinder(0.07, 0.28, segments=28), 1.0, 1.0, 0.8), (0.2, 0.46, 0.0), roll=-35)
    head = lathe([(0.0, 0.0), (0.06, 0.0), (0.065, 0.05), (0.045, 0.2), (0.035, 0.22), (0.0, 0.225)], 28, smooth=True)
    head = place(scaled(head, 1.0, 1.0, 0.75), (0.34, 0.72, 0.0), roll=-125)
    ears = [place(cylinder(0.015, 0.05, segments=10), (0.36, 0.72, sz * 0.03), roll=15) for sz in (-1, 1)]
    legs = []
    for sx in (-1, 1):
        for sz in (-1, 1):
            legs.append(rod((sx * 0.16, 0.42, sz * 0.06), (sx * 0.26, 0.07, sz * 0.12), 0.022, 10))
    rockers = []
    for sz in (-1, 1):
        pts = [(float(x), 0.025 + 0.28 * float(x) ** 2, sz * 0.12) for x in np.linspace(-0.5, 0.5, 7)]
        rockers.append(scaled(bent(pts, 0.02, 10, 6), 1.0, 1.0, 1.0))
    rungs = [rod((sx * 0.26, 0.07, -0.12), (sx * 0.26, 0.07, 0.12), 0.012, 8) for sx in (-1, 1)]
    handles = rod((0.4, 0.66, -0.09), (0.4, 0.66, 0.09), 0.01, 8)
    tail = tube(
        smooth_path([(-0.26, 0.45, 0.0), (-0.34, 0.42, 0.0), (-0.38, 0.3, 0.0), (-0.37, 0.2, 0.0)], 8),
        np.linspace(0.03, 0.045, 25),
        10,
    )
    mane_m = bent([(0.12, 0.54, 0.0), (0.2, 0.64, 0.0), (0.28, 0.73, 0.0), (0.35, 0.76, 0.0)], 0.026, 10, 6)
    seat = place(scaled(sphere(0.1, rows=12, squash=0.4), 1.2, 1.0, 1.1), (-0.03, 0.49, 0.0))
    # lower the whole horse so the rockers touch the floor at their middle
    parts = [
        (merge(body, neck, head, *ears, *legs, *rockers, *rungs), wood),
        (merge(tail, mane_m), mane),
        (merge(seat, handles), saddle),
    ]
    return [Part(place(m, (0.0, -0.005, 0.0)), mat) for m, mat in parts]


def casserole(enamel: Material, inner: Material, knob_mat: Material) -> list[Part]:
    """A round cast-iron casserole: an enamelled pot with loop handles, a lid with a knob, a pale enamel rim inside."""
    pot = _shell(
        [(0.0, 0.0), (0.11, 0.0), (0.125, 0.02), (0.13, 0.1), (0.13, 0.125)],
        [(0.122, 0.125), (0.122, 0.1), (0.115, 0.02), (0.0, 0.012)],
        64,
    )
    lid = lathe([(0.0, 0.125), (0.135, 0.125), (0.136, 0.132), (0.11, 0.155), (0.0, 0.165)], 64, smooth=True)
    knob = lathe([(0.0, 0.163), (0.015, 0.163), (0.012, 0.175), (0.028, 0.19), (0.0, 0.195)], 32, smooth=True)
    handles = [place(torus(0.028, 0.009, sides=8), (sx * 0.145, 0.1, 0.0), pitch=0) for sx in (-1, 1)]
    handles = [scaled(h, 1.0, 1.0, 1.3) for h in handles]
    rim = torus(0.126, 0.004, (0.0, 0.125, 0.0), sides=6)
    return [
        Part(merge(pot, lid, *handles), enamel),
        Part(rim, inner),
        Part(knob, knob_mat),
    ]
