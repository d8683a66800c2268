"""Products for the ninth set (``ninth.py``), built from the blind renderer's meshes (``blind_mesh.py``) in metres:
standing on the floor (y = 0), centred on x = z = 0 and facing the camera (+z) unless placed otherwise.

Each builder returns its parts with their materials, so a photo dresses the piece in its own finishes. The shapes
are this set's own, chosen to differ from the products the other sets name: a pedestal basin, an upholstered
wingback bed, an office chair, a wood-burning stove, nesting tables, a glass display cabinet, a hurricane lantern,
a pedestal fan, a bird cage, a rocking chair, a peacock chair, a laundry hamper, a recliner, a gramophone, a
standing desk, a bunk bed, an Adirondack chair, a papasan chair and a stovetop kettle. Only the small helpers
(rods, bent rods, stretched meshes) come from ``final_products.py``.
"""

from __future__ import annotations

import itertools

import numpy as np

from imaging_eval.blind_light import Part
from imaging_eval.blind_mesh import Mesh, box, cylinder, lathe, merge, place, sphere, torus
from imaging_eval.blind_texture import Material
from imaging_eval.final_products import bent, rod, scaled

Pt = tuple[float, float, float]


def _post(x: float, z: float, y0: float, y1: float, half: float, bevel: float = 0.003) -> Mesh:
    """A square upright from ``y0`` to ``y1``."""
    return box((half, (y1 - y0) / 2, half), bevel, (x, (y0 + y1) / 2, z))


def _shell(outer: list[tuple[float, float]], inner: list[tuple[float, float]], segments: int = 56) -> Mesh:
    """A thin-walled surface of revolution: up the outside, back down the inside (a bowl, a horn, a chimney)."""
    return lathe([*outer, *inner], segments, smooth=True, crease=60)


# --- pale pieces ---------------------------------------------------------------------------------------------


def pedestal_basin(ceramic: Material, chrome: Material) -> list[Part]:
    """A pedestal wash basin: an oval bowl with a broad rim on a tapering column, a mixer tap at the back."""
    column = lathe(
        [(0.0, 0.0), (0.12, 0.0), (0.115, 0.02), (0.08, 0.12), (0.07, 0.58), (0.1, 0.7), (0.0, 0.7)], 48, smooth=True
    )
    outer = [(0.0, 0.66), (0.14, 0.67), (0.25, 0.74), (0.3, 0.82), (0.3, 0.86)]
    inner = [(0.27, 0.86), (0.24, 0.8), (0.14, 0.76), (0.0, 0.755)]
    bowl = scaled(_shell(outer, inner, 64), 1.0, 1.0, 0.72)
    deck = box((0.12, 0.018, 0.05), 0.015, (0, 0.85, -0.17))
    tap_base = cylinder(0.02, 0.05, (0, 0.865, -0.17), segments=24)
    spout = bent([(0, 0.9, -0.17), (0, 0.99, -0.16), (0, 1.0, -0.1), (0, 0.96, -0.07)], 0.012, 14, 8)
    lever = rod((0, 0.93, -0.17), (0.0, 0.95, -0.24), 0.006, 8)
    return [Part(merge(column, bowl, deck), ceramic), Part(merge(tap_base, spout, lever), chrome)]


def wingback_bed(linen: Material, bedding: Material, leg: Material) -> list[Part]:
    """A double bed: an upholstered base and a tall wingback headboard, a made mattress, two pillows, low legs."""
    hw, hd = 0.8, 1.0
    base = box((hw, 0.13, hd), 0.04, (0, 0.23, 0))
    head = box((hw + 0.04, 0.62, 0.06), 0.05, (0, 0.72, -hd - 0.04))
    wings = [box((0.07, 0.48, 0.14), 0.05, (sx * (hw + 0.06), 0.58, -hd + 0.06)) for sx in (-1, 1)]
    legs = [
        cylinder(0.03, 0.1, (sx * (hw - 0.08), 0.0, sz * (hd - 0.08)), segments=20) for sx in (-1, 1) for sz in (-1, 1)
    ]
    mattress = box((hw - 0.03, 0.1, hd - 0.04), 0.06, (0, 0.46, 0.0))
    duvet = box((hw, 0.05, 0.66), 0.05, (0, 0.58, 0.34))
    fold = box((hw + 0.005, 0.035, 0.08), 0.03, (0, 0.63, -0.28))
    pillow = scaled(sphere(0.2, rows=14, squash=0.45), 1.6, 1.0, 0.75)
    pillows = [place(pillow, (sx * 0.36, 0.54, -0.74), pitch=-25) for sx in (-1, 1)]
    return [
        Part(merge(base, head, *wings), linen),
        Part(merge(mattress, duvet, fold, *pillows), bedding),
        Part(merge(*legs), leg),
    ]


# --- dark pieces ---------------------------------------------------------------------------------------------


def office_chair(fabric: Material, plastic: Material, steel: Material) -> list[Part]:
    """A swivel office chair: five-star base on casters, a gas lift, a padded seat and back, loop armrests."""
    arms, casters = [], []
    for a in np.radians(np.arange(5) * 72 + 18):
        end = (0.3 * float(np.cos(a)), 0.075, 0.3 * float(np.sin(a)))
        arms.append(rod((0, 0.1, 0), end, 0.02, 10))
        casters.append(place(cylinder(0.026, 0.022, segments=20), (end[0], 0.026, end[2]), roll=90))
        casters.append(rod((end[0], 0.04, end[2]), (end[0], 0.07, end[2]), 0.01, 8))
    hub = cylinder(0.045, 0.06, (0, 0.07, 0), segments=24)
    lift = cylinder(0.026, 0.3, (0, 0.12, 0), segments=20)
    mech = box((0.1, 0.025, 0.12), 0.01, (0, 0.42, 0))
    seat = box((0.25, 0.045, 0.24), 0.04, (0, 0.48, 0.02))
    spine = bent([(0, 0.44, -0.1), (0, 0.46, -0.27), (0, 0.62, -0.29)], 0.02, 10, 6)
    back = place(box((0.23, 0.27, 0.035), 0.03), (0, 0.86, -0.3), pitch=-8)
    rests = []
    for sx in (-1, 1):
        x = sx * 0.27
        rests.append(bent([(sx * 0.1, 0.43, 0.0), (x, 0.45, 0.0), (x, 0.62, -0.02)], 0.012, 10, 6))
        rests.append(box((0.03, 0.013, 0.12), 0.01, (x, 0.64, 0.0)))
    return [
        Part(merge(seat, back), fabric),
        Part(merge(*arms, hub, mech, spine, *rests, *casters), plastic),
        Part(lift, steel),
    ]


def wood_stove(iron: Material, glass: Material, soot: Material, handle: Material) -> list[Part]:
    """A wood-burning stove: a cast-iron box on four short legs, a glazed door in a frame, a flue collar on top."""
    body = box((0.28, 0.26, 0.2), 0.008, (0, 0.4, 0))
    top = box((0.3, 0.015, 0.22), 0.005, (0, 0.675, 0))
    plinth = box((0.29, 0.015, 0.21), 0.004, (0, 0.14, 0))
    legs = [_post(sx * 0.24, sz * 0.16, 0.0, 0.13, 0.018) for sx in (-1, 1) for sz in (-1, 1)]
    flue = cylinder(0.075, 0.28, (0, 0.69, -0.04), segments=36)
    collar = cylinder(0.09, 0.03, (0, 0.69, -0.04), segments=36)
    frame = [box((0.2, 0.018, 0.012), 0.003, (0, y, 0.21)) for y in (0.22, 0.58)] + [
        box((0.018, 0.18, 0.012), 0.003, (sx * 0.2, 0.4, 0.21)) for sx in (-1, 1)
    ]
    pane = box((0.184, 0.164, 0.003), 0.0, (0, 0.4, 0.214))
    firebox = box((0.18, 0.16, 0.002), 0.0, (0, 0.4, 0.2015))
    latch = rod((0.2, 0.44, 0.225), (0.2, 0.36, 0.225), 0.008, 8)
    lever = rod((0.2, 0.4, 0.225), (0.27, 0.4, 0.25), 0.007, 8)
    vent = cylinder(0.03, 0.01, (0, 0.13, 0.21), segments=20)
    return [
        Part(merge(body, top, plinth, *legs, flue, collar, *frame), iron),
        Part(pane, glass),
        Part(firebox, soot),
        Part(merge(latch, lever, place(vent, (0, 0, 0))), handle),
    ]


# --- glossy pieces -------------------------------------------------------------------------------------------


def nesting_tables(tops: tuple[Material, Material, Material], legs_mat: Material) -> list[Part]:
    """Three nesting side tables, each lower and narrower than the last, pulled out one in front of the other."""
    parts = []
    legs = []
    for k, (half, height, z) in enumerate(((0.26, 0.55, -0.12), (0.21, 0.47, 0.06), (0.16, 0.39, 0.22))):
        top = box((half, 0.012, 0.17), 0.008, (0.0, height - 0.012, z))
        parts.append(Part(top, tops[k]))
        for sx in (-1, 1):
            for sz in (-1, 1):
                legs.append(
                    rod(
                        (sx * (half - 0.02), 0.0, z + sz * 0.15),
                        (sx * (half - 0.02), height - 0.02, z + sz * 0.15),
                        0.008,
                        10,
                    )
                )
            legs.append(
                rod(
                    (sx * (half - 0.02), height - 0.04, z - 0.15),
                    (sx * (half - 0.02), height - 0.04, z + 0.15),
                    0.006,
                    8,
                )
            )
    return [*parts, Part(merge(*legs), legs_mat)]


def stand_mixer(enamel: Material, steel: Material, rubber: Material) -> list[Part]:
    """A tilt-head stand mixer: a base, a column, a domed head over a steel bowl with a beater in it."""
    base = box((0.1, 0.025, 0.17), 0.02, (0, 0.025, 0.0))
    column = box((0.065, 0.15, 0.06), 0.05, (0, 0.17, -0.12))
    head = scaled(
        place(
            lathe([(0.0, 0.0), (0.075, 0.0), (0.085, 0.1), (0.08, 0.28), (0.06, 0.34), (0.0, 0.35)], 40, smooth=True),
            (0, 0, 0),
            pitch=90,
        ),
        1.0,
        1.0,
        1.0,
    )
    head = place(head, (0, 0.32, -0.18))
    bowl = _shell(
        [(0.0, 0.05), (0.05, 0.05), (0.11, 0.1), (0.12, 0.2), (0.122, 0.21)],
        [(0.115, 0.21), (0.112, 0.2), (0.1, 0.11), (0.0, 0.1)],
        56,
    )
    bowl = place(bowl, (0, 0.0, 0.05))
    clamp = cylinder(0.07, 0.012, (0, 0.05, 0.05), segments=32)
    shaft = rod((0, 0.3, 0.06), (0, 0.2, 0.06), 0.008, 8)
    beater = bent(
        [(-0.04, 0.2, 0.06), (-0.05, 0.13, 0.06), (0, 0.11, 0.06), (0.05, 0.13, 0.06), (0.04, 0.2, 0.06)], 0.006, 8, 6
    )
    knob = place(cylinder(0.018, 0.012, segments=20), (0.07, 0.27, -0.12), roll=-90)
    feet = [cylinder(0.012, 0.004, (sx * 0.07, 0.0, sz * 0.13), segments=12) for sx in (-1, 1) for sz in (-1, 1)]
    return [
        Part(merge(base, column, head), enamel),
        Part(merge(bowl, clamp, shaft, beater), steel),
        Part(merge(knob, *feet), rubber),
    ]


# --- glass ---------------------------------------------------------------------------------------------------


def display_cabinet(
    wood: Material, glass: Material, ceramics: tuple[Material, Material], brass: Material
) -> list[Part]:
    """A glazed display cabinet: a slim wooden frame glazed on all four sides, glass shelves, a few pots on them."""
    w, d, y0, y1 = 0.4, 0.2, 0.18, 1.55
    posts = [_post(sx * w, sz * d, 0.0, y1, 0.022) for sx in (-1, 1) for sz in (-1, 1)]
    top = box((w + 0.025, 0.03, d + 0.025), 0.006, (0, y1 + 0.03, 0))
    bottom = box((w, 0.03, d), 0.004, (0, y0, 0))
    rails = [box((w, 0.015, 0.015), 0.003, (0, y0 + 0.04, sz * d)) for sz in (-1, 1)]
    mullion = _post(0.0, d + 0.006, y0 + 0.03, y1, 0.012)
    pane_h = (y1 - y0 - 0.03) / 2
    ym = y0 + 0.03 + pane_h
    panes = [box((w - 0.02, pane_h, 0.003), 0.0, (0, ym, sz * d)) for sz in (-1, 1)]
    panes += [box((0.003, pane_h, d - 0.02), 0.0, (sx * w, ym, 0)) for sx in (-1, 1)]
    shelves = [box((w - 0.02, 0.005, d - 0.02), 0.0, (0, y, 0)) for y in (0.62, 1.06)]
    vase = lathe(
        [(0.0, 0.0), (0.05, 0.0), (0.07, 0.08), (0.04, 0.2), (0.03, 0.24), (0.0, 0.24)],
        32,
        (-0.18, 0.625, 0.0),
        smooth=True,
    )
    bowl = lathe([(0.0, 0.0), (0.04, 0.0), (0.1, 0.06), (0.0, 0.06)], 32, (0.16, 0.625, 0.02), smooth=True)
    jug = lathe(
        [(0.0, 0.0), (0.06, 0.0), (0.06, 0.16), (0.045, 0.2), (0.0, 0.2)], 32, (0.12, 1.065, -0.02), smooth=True
    )
    cups = [cylinder(0.035, 0.07, (x, 1.065, 0.05), segments=24) for x in (-0.22, -0.13)]
    plate = place(cylinder(0.1, 0.012, segments=40), (0.0, 0.732, -0.15), pitch=75)
    knobs = [sphere(0.01, (sx * 0.04, 0.9, d + 0.02)) for sx in (-1, 1)]
    return [
        Part(merge(*posts, top, bottom, *rails, mullion), wood),
        Part(merge(*panes, *shelves), glass),
        Part(merge(vase, jug), ceramics[0]),
        Part(merge(bowl, *cups, plate), ceramics[1]),
        Part(merge(*knobs), brass),
    ]


def hurricane_lantern(metal: Material, glass: Material, wax: Material) -> list[Part]:
    """A hurricane lantern: a bulging glass chimney on a metal foot, a cap with a ring handle, a pillar candle."""
    foot = lathe([(0.0, 0.0), (0.1, 0.0), (0.1, 0.015), (0.08, 0.03), (0.085, 0.045), (0.0, 0.045)], 48, crease=50)
    chimney = _shell(
        [(0.075, 0.045), (0.095, 0.12), (0.105, 0.22), (0.085, 0.34), (0.07, 0.4)],
        [(0.066, 0.4), (0.081, 0.34), (0.101, 0.22), (0.091, 0.12), (0.071, 0.045)],
        56,
    )
    cap = lathe([(0.0, 0.4), (0.075, 0.4), (0.08, 0.41), (0.05, 0.44), (0.012, 0.45), (0.0, 0.45)], 40, crease=50)
    ring = torus(0.045, 0.004, (0, 0.495, 0), pitch=90, sides=8)
    straps = [rod((sx * 0.085, 0.045, 0.0), (sx * 0.075, 0.4, 0.0), 0.003, 6) for sx in (-1, 1)]
    candle = cylinder(0.04, 0.15, (0, 0.045, 0), bevel=0.004, segments=32)
    wick = rod((0, 0.195, 0), (0, 0.21, 0), 0.0015, 6)
    return [
        Part(merge(foot, cap, ring, *straps, wick), metal),
        Part(chimney, glass),
        Part(candle, wax),
    ]


# --- thin parts ----------------------------------------------------------------------------------------------


def _guard(cx: float, cy: float, cz: float, r: float, bulge: float, wire: float) -> list[Mesh]:
    """One domed wire guard of a fan facing +z (``bulge`` < 0 for the back one): spokes and rings."""

    def at(rad: float, a: float) -> Pt:
        z = cz + bulge * (1 - (rad / r) ** 2)
        return (cx + rad * float(np.cos(a)), cy + rad * float(np.sin(a)), z)

    spokes = [
        bent([at(rr, a) for rr in np.linspace(0.035, r, 6)], wire, 5, 4) for a in np.radians(np.arange(0, 360, 12))
    ]
    rings = []
    for rr in (0.04, 0.1, 0.16):
        z = cz + bulge * (1 - (rr / r) ** 2)
        rings.append(torus(rr, wire, (cx, cy, z), pitch=90, sides=6))
    return spokes + rings


def pedestal_fan(plastic: Material, wire: Material, blade: Material) -> list[Part]:
    """A pedestal fan: a round weighted base, a thin pole, the motor and a domed wire cage round three blades."""
    base = cylinder(0.17, 0.03, bevel=0.012, segments=56)
    pole = rod((0, 0.03, 0), (0, 1.02, 0), 0.011, 12)
    lower = rod((0, 0.03, 0), (0, 0.6, 0), 0.016, 12)
    collar = cylinder(0.02, 0.03, (0, 0.6, 0), segments=16)
    cy, r = 1.15, 0.25
    yoke = bent([(0, 1.02, 0), (0, 1.07, -0.06), (0, 1.1, -0.1)], 0.014, 10, 6)
    motor = place(
        lathe([(0.0, 0.0), (0.06, 0.0), (0.07, 0.05), (0.055, 0.13), (0.0, 0.14)], 32, smooth=True),
        (0, cy, -0.2),
        pitch=90,
    )
    front = _guard(0.0, cy, 0.03, r, 0.08, 0.0018)
    back = _guard(0.0, cy, 0.0, r, -0.07, 0.0018)
    rim = torus(r, 0.005, (0, cy, 0.015), pitch=90, sides=8)
    hub = place(lathe([(0.0, 0.0), (0.035, 0.0), (0.03, 0.03), (0.0, 0.04)], 28, smooth=True), (0, cy, 0.0), pitch=90)
    blades = []
    for a in (20, 140, 260):
        b = scaled(sphere(0.1, rows=10, squash=0.4), 0.45, 1.0, 0.05)
        b = place(b, (0, 0, 0), pitch=90)  # flat in the x-y plane, stretched along y
        b = place(b, (0, 0.0, 0), roll=0)
        ar = np.radians(a)
        blades.append(place(b, (0.02 * float(np.cos(ar)), cy + 0.02 * float(np.sin(ar)), 0.015), roll=a - 90))
    return [
        Part(merge(base, lower, pole, collar, yoke, motor, hub), plastic),
        Part(merge(*front, *back, rim), wire),
        Part(merge(*blades), blade),
    ]


def bird_cage(wire: Material, base_mat: Material) -> list[Part]:
    """A decorative bird cage: a round foot, fine upright wires drawn into a dome, rings, a perch and a hanging loop."""
    base = lathe([(0.0, 0.0), (0.17, 0.0), (0.17, 0.03), (0.155, 0.045), (0.0, 0.045)], 56, crease=50)
    wires = []
    for a in np.radians(np.arange(0, 360, 10)):
        c, s = float(np.cos(a)), float(np.sin(a))
        pts = [
            (0.15 * c, 0.045, 0.15 * s),
            (0.15 * c, 0.3, 0.15 * s),
            (0.13 * c, 0.4, 0.13 * s),
            (0.07 * c, 0.47, 0.07 * s),
            (0.012 * c, 0.49, 0.012 * s),
        ]
        wires.append(bent(pts, 0.0016, 5, 6))
    rings = [torus(0.15, 0.003, (0, y, 0), sides=6) for y in (0.06, 0.18, 0.3)]
    rings.append(torus(0.128, 0.0025, (0, 0.405, 0), sides=6))
    finial = sphere(0.018, (0, 0.485, 0))
    loop = torus(0.03, 0.003, (0, 0.53, 0), pitch=90, sides=6)
    perch = rod((-0.14, 0.16, 0.0), (0.14, 0.16, 0.0), 0.004, 8)
    door = [rod((sx * 0.05, 0.06, 0.152), (sx * 0.05, 0.2, 0.152), 0.002, 6) for sx in (-1, 1)]
    return [
        Part(merge(*wires, *rings, finial, loop, perch, *door), wire),
        Part(base, base_mat),
    ]


# --- holes ---------------------------------------------------------------------------------------------------


def rocking_chair(wood: Material) -> list[Part]:
    """A spindle-back rocking chair: curved rockers, turned legs, a solid seat, arms and seven back spindles."""

    def rocker_y(z: float) -> float:
        return 0.022 + 0.3 * z * z

    rockers = [
        scaled(bent([(sx * 0.23, rocker_y(z), z) for z in np.linspace(-0.55, 0.45, 9)], 0.022, 10, 6), 1.0, 1.0, 1.0)
        for sx in (-1, 1)
    ]
    legs = []
    for sx in (-1, 1):
        for z in (-0.2, 0.2):
            legs.append(rod((sx * 0.23, rocker_y(z), z), (sx * 0.23, 0.42, z), 0.017, 12))
    seat = box((0.26, 0.018, 0.23), 0.01, (0, 0.43, 0))
    stretchers = [rod((sx * 0.23, 0.22, -0.2), (sx * 0.23, 0.22, 0.2), 0.01, 8) for sx in (-1, 1)]
    stretchers.append(rod((-0.23, 0.24, 0.0), (0.23, 0.24, 0.0), 0.01, 8))
    posts = [
        bent([(sx * 0.23, 0.43, -0.2), (sx * 0.235, 0.75, -0.28), (sx * 0.24, 1.08, -0.36)], 0.018, 12, 6)
        for sx in (-1, 1)
    ]
    top = bent([(-0.24, 1.04, -0.35), (0.0, 1.06, -0.39), (0.24, 1.04, -0.35)], 0.024, 12, 8)
    low = bent([(-0.23, 0.56, -0.235), (0.0, 0.56, -0.26), (0.23, 0.56, -0.235)], 0.013, 10, 8)
    spindles = []
    for x in np.linspace(-0.15, 0.15, 7):
        bow = 0.025 * (1 - (x / 0.24) ** 2)
        spindles.append(rod((float(x), 0.56, -0.235 - bow), (float(x), 1.04, -0.35 - bow * 1.6), 0.007, 8))
    fronts = [rod((sx * 0.25, 0.43, 0.19), (sx * 0.25, 0.66, 0.2), 0.013, 10) for sx in (-1, 1)]
    arms = [box((0.028, 0.01, 0.22), 0.006, (sx * 0.255, 0.675, -0.03)) for sx in (-1, 1)]
    return [Part(merge(*rockers, *legs, seat, *stretchers, *posts, top, low, *spindles, *fronts, *arms), wood)]


def peacock_chair(rattan: Material, cushion: Material) -> list[Part]:
    """A rattan peacock chair: an hourglass base of bent canes, a round seat and a tall open fan back."""
    base = []
    for a in np.radians(np.arange(0, 360, 22.5)):
        c, s = float(np.cos(a)), float(np.sin(a))
        base.append(bent([(0.3 * c, 0.01, 0.3 * s), (0.15 * c, 0.2, 0.15 * s), (0.3 * c, 0.4, 0.3 * s)], 0.01, 8, 6))
    base += [torus(0.3, 0.014, (0, 0.014, 0), sides=8), torus(0.15, 0.014, (0, 0.2, 0), sides=8)]
    seat_ring = torus(0.32, 0.022, (0, 0.42, 0), sides=10)
    pad = cylinder(0.3, 0.08, (0, 0.42, 0), bevel=0.035, segments=56)
    cx, cy, cz, big = 0.0, 0.44, -0.3, 1.0

    def fan(rr: float, phi: float) -> Pt:
        s = float(np.sin(phi))
        return (cx + rr * s, cy + rr * float(np.cos(phi)), cz + 0.28 * s * s * (rr / big))

    fan_parts = []
    angles = np.radians(np.linspace(-90, 90, 13))
    for phi in angles:
        fan_parts.append(bent([fan(rr, float(phi)) for rr in np.linspace(0.3, big, 6)], 0.01, 8, 4))
    for rr, thick in ((0.3, 0.016), (0.52, 0.01), (0.72, 0.01), (big, 0.022)):
        pts = [fan(rr, float(phi)) for phi in np.linspace(angles[0], angles[-1], 33)]
        fan_parts.append(bent(pts, thick, 8, 3))
    for a0, a1 in itertools.pairwise(angles):
        mid = float(a0 + a1) / 2
        for rr, size in ((0.62, 0.045), (0.86, 0.05)):
            c = fan(rr, mid)
            turn = float(np.degrees(np.arctan2(2 * 0.28 * np.sin(mid) * np.cos(mid) * rr / big, 1.0)))
            fan_parts.append(place(torus(size, 0.006, pitch=90, sides=6), c, yaw=-turn * 0.6))
    for sx in (-1, 1):  # the fan's ends come down into the seat as arms
        for rr in (0.52, 0.72, big):
            end = fan(rr, sx * np.pi / 2)
            fan_parts.append(
                bent(
                    [end, (sx * 0.6 * (end[0] * sx + 0.3) / 1.3, 0.43, end[2] * 0.5), (sx * 0.3, 0.42, 0.05)],
                    0.012,
                    8,
                    6,
                )
            )
    return [Part(merge(*base, seat_ring, *fan_parts), rattan), Part(pad, cushion)]


def adirondack_chair(paint: Material) -> list[Part]:
    """An Adirondack chair: a low slatted seat sloping back, a tall fanned slat back and wide flat arms."""
    parts = []
    for sx in (-1, 1):
        parts.append(box((0.02, 0.045, 0.42), 0.004, (sx * 0.3, 0.3, -0.05), pitch=-12))  # side runners
        parts.append(_post(sx * 0.3, 0.3, 0.0, 0.6, 0.022))  # front legs
        parts.append(box((0.07, 0.012, 0.36), 0.004, (sx * 0.36, 0.62, 0.02)))  # arms
    parts.append(_post(-0.3, -0.32, 0.0, 0.28, 0.02))
    parts.append(_post(0.3, -0.32, 0.0, 0.28, 0.02))
    for k, z in enumerate(np.linspace(0.26, -0.24, 7)):
        y = 0.35 + 0.21 * np.tan(np.radians(12)) * ((0.26 - z) / 0.5) * 2 - 0.02 * k
        parts.append(box((0.28, 0.01, 0.03), 0.003, (0, float(y) + 0.04, float(z)), pitch=-12))
    parts.append(box((0.3, 0.04, 0.012), 0.003, (0, 0.55, -0.36), pitch=-20))
    parts.append(box((0.3, 0.03, 0.012), 0.003, (0, 0.78, -0.46), pitch=-20))
    for x in np.linspace(-0.24, 0.24, 5):
        h = 0.31 + 0.05 * (1 - abs(x) / 0.24)
        slat = box((0.042, h, 0.01), 0.005, (0, h, 0))
        parts.append(place(slat, (float(x) * 1.0, 0.36, -0.34), pitch=-20, roll=-float(x) * 22))
    return [Part(merge(*parts), paint)]


# --- fabric and woven pieces ---------------------------------------------------------------------------------


def laundry_hamper(weave: Material, rope: Material) -> list[Part]:
    """A woven laundry hamper: a tall basket flaring a little upwards, a flat lid and rope handles at the sides."""
    body = lathe([(0.0, 0.0), (0.19, 0.0), (0.2, 0.02), (0.22, 0.55), (0.0, 0.55)], 64, crease=50)
    lid = cylinder(0.235, 0.04, (0, 0.55, 0), bevel=0.015, segments=64)
    knob = bent([(-0.04, 0.59, 0.0), (0.0, 0.625, 0.0), (0.04, 0.59, 0.0)], 0.009, 8, 6)
    handles = [
        bent([(sx * 0.21, 0.44, -0.06), (sx * 0.26, 0.46, 0.0), (sx * 0.21, 0.44, 0.06)], 0.011, 8, 6) for sx in (-1, 1)
    ]
    return [Part(merge(body, lid), weave), Part(merge(knob, *handles), rope)]


def recliner(fabric: Material, wood: Material) -> list[Part]:
    """A recliner armchair: a deep box seat, a thick padded back leaning a little, rolled arms, short feet."""
    base = box((0.42, 0.13, 0.42), 0.04, (0, 0.2, 0))
    seat = box((0.31, 0.07, 0.37), 0.06, (0, 0.39, 0.05))
    back = place(box((0.31, 0.33, 0.1), 0.08), (0, 0.7, -0.3), pitch=-12)
    pillow = place(box((0.28, 0.13, 0.06), 0.05), (0, 0.88, -0.2), pitch=-12)
    arms = [box((0.09, 0.2, 0.42), 0.07, (sx * 0.36, 0.42, 0.0)) for sx in (-1, 1)]
    rolls = [place(cylinder(0.075, 0.84, segments=28), (sx * 0.36, 0.6, 0.42), pitch=-90) for sx in (-1, 1)]
    feet = [cylinder(0.025, 0.07, (sx * 0.36, 0.0, sz * 0.36), segments=16) for sx in (-1, 1) for sz in (-1, 1)]
    lever = box((0.008, 0.04, 0.02), 0.004, (0.455, 0.36, 0.2))
    return [Part(merge(base, seat, back, pillow, *arms, *rolls), fabric), Part(merge(*feet, lever), wood)]


def papasan_chair(cane: Material, cushion: Material) -> list[Part]:
    """A papasan chair: a wide woven bowl tipped back on a low drum base, a thick round cushion filling it."""
    drum = lathe([(0.0, 0.0), (0.32, 0.0), (0.25, 0.14), (0.3, 0.26), (0.0, 0.26)], 56, crease=50)
    bowl = _shell(
        [(0.0, 0.0), (0.25, 0.03), (0.48, 0.2), (0.6, 0.4), (0.62, 0.44)],
        [(0.58, 0.44), (0.56, 0.4), (0.45, 0.22), (0.24, 0.08), (0.0, 0.05)],
        64,
    )
    pad_prof = [(0.0, 0.06), (0.24, 0.09), (0.45, 0.23), (0.54, 0.38), (0.5, 0.47), (0.3, 0.43), (0.0, 0.41)]
    pad = lathe(pad_prof, 64, smooth=True)
    bowl = place(bowl, (0, 0.24, 0), pitch=18)
    pad = place(pad, (0, 0.24, 0), pitch=18)
    rim = place(torus(0.6, 0.03, (0, 0.44, 0), sides=10), (0, 0.24, 0), pitch=18)
    return [Part(merge(drum, bowl, rim), cane), Part(pad, cushion)]


# --- backdrops' pieces ---------------------------------------------------------------------------------------


def gramophone(case: Material, brass: Material, record: Material) -> list[Part]:
    """A gramophone: a wooden case with a crank, a turntable and record, a tonearm and a big flared brass horn."""
    body = box((0.16, 0.07, 0.16), 0.006, (0, 0.075, 0))
    plinth = box((0.175, 0.012, 0.175), 0.004, (0, 0.012, 0))
    lid = box((0.17, 0.008, 0.17), 0.003, (0, 0.148, 0))
    platter = cylinder(0.13, 0.01, (0, 0.156, 0.01), segments=56)
    disc = cylinder(0.125, 0.003, (0, 0.166, 0.01), segments=56)
    label = cylinder(0.035, 0.004, (0, 0.166, 0.01), segments=32)
    pillar = cylinder(0.015, 0.1, (0.12, 0.156, -0.12), segments=20)
    length = 0.46
    outer = [(0.012 + 0.19 * (t / length) ** 3, t) for t in np.linspace(0, length, 12)]
    inner = [(max(r - 0.003, 0.005), t) for r, t in outer[::-1]]
    horn = lathe([*outer, *inner], 56, smooth=False, crease=80)
    horn = place(horn, (0.12, 0.3, -0.12), yaw=-55, pitch=55)
    neck = bent([(0.12, 0.25, -0.12), (0.12, 0.3, -0.12)], 0.014, 10, 4)
    arm = bent([(0.12, 0.25, -0.12), (0.07, 0.23, -0.02), (0.03, 0.2, 0.06), (0.02, 0.18, 0.08)], 0.008, 10, 6)
    crank = bent([(0.16, 0.08, 0.0), (0.22, 0.08, 0.0), (0.22, 0.04, 0.04)], 0.005, 8, 4)
    grip = place(cylinder(0.01, 0.04, segments=12), (0.225, 0.04, 0.04), roll=-90)
    return [
        Part(merge(body, plinth, lid), case),
        Part(merge(horn, neck, pillar, arm, crank), brass),
        Part(merge(platter, disc), record),
        Part(merge(label, grip), case),
    ]


def standing_desk(top_mat: Material, frame: Material, panel: Material) -> list[Part]:
    """A sit-stand desk raised to standing: T feet, two telescoping columns, a crossbar and a wide top."""
    parts = []
    for sx in (-1, 1):
        x = sx * 0.6
        parts.append(box((0.03, 0.022, 0.33), 0.008, (x, 0.022, 0)))
        parts.append(box((0.04, 0.29, 0.03), 0.004, (x, 0.33, 0)))
        parts.append(box((0.033, 0.22, 0.024), 0.004, (x, 0.82, 0)))
        parts.append(box((0.028, 0.012, 0.3), 0.003, (x, 1.04, 0)))
    parts.append(box((0.58, 0.025, 0.02), 0.004, (0, 0.98, -0.02)))
    top = box((0.75, 0.013, 0.37), 0.004, (0, 1.065, 0.02))
    keypad = box((0.06, 0.012, 0.025), 0.004, (0.55, 1.04, 0.36))
    return [Part(top, top_mat), Part(merge(*parts), frame), Part(keypad, panel)]


# --- cut by the frame ----------------------------------------------------------------------------------------


def bunk_bed(wood: Material, mattress: Material, duvets: tuple[Material, Material]) -> list[Part]:
    """A bunk bed seen from its long side: four posts, two bunks with mattresses, a guard rail and a ladder."""
    hl, hd, top = 1.0, 0.47, 1.62
    frame = [_post(sx * hl, sz * hd, 0.0, top, 0.035) for sx in (-1, 1) for sz in (-1, 1)]
    for y in (0.3, 1.22):
        frame += [box((hl, 0.06, 0.018), 0.004, (0, y, sz * (hd - 0.02))) for sz in (-1, 1)]
    for sx in (-1, 1):
        frame += [box((0.018, 0.05, hd), 0.004, (sx * hl, y, 0)) for y in (0.5, 0.75, 1.45)]
    for sx in (-1, 1):
        for y in (1.52,):
            frame.append(box((0.018, 0.035, hd), 0.004, (sx * hl, y, 0)))
    frame += [box((hl, 0.035, 0.018), 0.004, (0, 1.52, -(hd - 0.02)))]
    frame.append(box((0.38, 0.035, 0.018), 0.004, (-0.6, 1.52, hd - 0.02)))
    frame.append(_post(-0.22, hd - 0.02, 1.25, 1.55, 0.025))
    ladder = [_post(x, hd + 0.04, 0.0, top - 0.02, 0.022) for x in (0.2, 0.58)]
    ladder += [rod((0.2, y, hd + 0.04), (0.58, y, hd + 0.04), 0.016, 10) for y in (0.3, 0.6, 0.9, 1.2)]
    beds = [box((hl - 0.03, 0.07, hd - 0.03), 0.04, (0, y + 0.1, 0)) for y in (0.3, 1.22)]
    covers = [box((hl - 0.02, 0.03, hd - 0.02), 0.03, (0.05, y + 0.19, 0.0)) for y in (0.3, 1.22)]
    pillows = [scaled(sphere(0.2, (-0.78, 0.0, 0.0), rows=12, squash=0.4), 0.9, 1.0, 1.5) for _ in (0,)]
    pillows = [place(pillows[0], (0, y + 0.2, 0)) for y in (0.3, 1.22)]
    return [
        Part(merge(*frame, *ladder), wood),
        Part(merge(*beds, *pillows), mattress),
        Part(covers[0], duvets[0]),
        Part(covers[1], duvets[1]),
    ]


# --- JPEG ----------------------------------------------------------------------------------------------------


def stovetop_kettle(enamel: Material, handle_mat: Material, steel: Material) -> list[Part]:
    """A stovetop kettle: a wide domed body, a lid with a knob, a curved spout and a handle arching over the top."""
    body = lathe(
        [(0.0, 0.0), (0.1, 0.0), (0.11, 0.015), (0.108, 0.08), (0.085, 0.15), (0.05, 0.18), (0.0, 0.18)],
        56,
        smooth=True,
    )
    lid = cylinder(0.05, 0.012, (0, 0.175, 0), bevel=0.004, segments=36)
    knob = sphere(0.016, (0, 0.185, 0), squash=0.8)
    spout = bent([(0.0, 0.05, 0.08), (0.0, 0.1, 0.13), (0.0, 0.15, 0.16), (0.0, 0.17, 0.18)], 0.014, 14, 6)
    posts = [rod((sx * 0.06, 0.16, 0.0), (sx * 0.06, 0.2, 0.0), 0.005, 8) for sx in (-1, 1)]
    grip = bent([(-0.06, 0.2, 0.0), (-0.04, 0.26, 0.0), (0.04, 0.26, 0.0), (0.06, 0.2, 0.0)], 0.011, 12, 8)
    base = cylinder(0.1, 0.004, bevel=0.0, segments=48)
    return [
        Part(merge(body, spout), enamel),
        Part(merge(grip, knob), handle_mat),
        Part(merge(lid, *posts, base), steel),
    ]
