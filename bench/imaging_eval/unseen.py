"""The unseen set: product photos from a fourth renderer (``unseen_render.py``), built after all tuning.

The cut-out was tuned on ``scenes.py`` and ``studio.py`` and its results on ``heldout.py`` have been looked
at; this set was written afterwards, from a renderer with a technique of its own (signed distance fields
ray-marched through a perspective camera, solid procedural textures, marched soft shadows and floor
reflections, backdrops that are surfaces in the scene), and is only reported on. Its products are built in
metres: chairs, stools, lamps with cables, sofas, an armchair, shelves, side tables, vases, planters with
plants, a bar cart with glass shelves, a basket, an ottoman, a pouf, a pendant light and a clothes rail.
Each photo names the kind of difficulty it stands for, in the words the other sets use.
"""

from __future__ import annotations

import numpy as np

from imaging_eval.scenes import RenderedScene
from imaging_eval.unseen_render import (
    Backdrop,
    Camera,
    Finish,
    Lens,
    Light,
    Part,
    Photo,
    Vec,
    above,
    ball,
    below,
    blade,
    blend,
    capsule,
    cut,
    cylinder,
    ellipsoid,
    lattice,
    render_photo,
    round_cone,
    rounded_box,
    shell,
    swept,
    torus,
)


def view(target: Vec, distance: float, azimuth: float = 18.0, elevation: float = 12.0, fov: float = 30.0) -> Camera:
    """A camera ``distance`` metres from ``target``, ``azimuth`` degrees to the right, ``elevation`` above."""
    a, e = np.radians(azimuth), np.radians(elevation)
    eye = (
        target[0] + distance * float(np.sin(a) * np.cos(e)),
        target[1] + distance * float(np.sin(e)),
        target[2] + distance * float(np.cos(a) * np.cos(e)),
    )
    return Camera(eye, target, fov)


# Finishes
OAK = Finish((0.74, 0.56, 0.36), "wood", 0.012, second=(0.58, 0.40, 0.24), gloss=0.12, shine=25)
WALNUT = Finish((0.40, 0.25, 0.15), "wood", 0.010, second=(0.26, 0.15, 0.08), gloss=0.2, shine=30)
ASH_PALE = Finish((0.86, 0.78, 0.64), "wood", 0.014, second=(0.76, 0.66, 0.50), gloss=0.1)
BLACK_METAL = Finish((0.05, 0.05, 0.055), gloss=0.45, shine=60, metal=0.25)
BRASS = Finish((0.86, 0.68, 0.36), "brushed", 0.01, gloss=0.6, shine=80, metal=0.75)
CHROME = Finish((0.92, 0.93, 0.95), gloss=0.9, shine=120, metal=0.92)
WHITE_METAL = Finish((0.93, 0.93, 0.91), gloss=0.35, shine=40)
CLEAR_GLASS = Finish((0.9, 0.95, 0.95), glass=0.58, gloss=0.9, shine=150, tint=(0.88, 0.96, 0.93))
SMOKED_GLASS = Finish((0.45, 0.45, 0.47), glass=0.62, gloss=0.9, shine=150, tint=(0.62, 0.60, 0.58))
CABLE_BLACK = Finish((0.04, 0.04, 0.04), gloss=0.25, shine=30)
CABLE_WHITE = Finish((0.90, 0.90, 0.88), gloss=0.25, shine=30)
LEAF = Finish((0.16, 0.36, 0.15), "speckle", 0.01, second=(0.24, 0.46, 0.2), gloss=0.3, shine=30)


def legs(
    corners: tuple[tuple[float, float], ...], top: float, r_top: float, r_foot: float, splay: float, fin: Finish
) -> list[Part]:
    """Tapered legs from ``top`` down to the floor, splayed outwards by ``splay`` metres."""
    out = []
    for x, z in corners:
        n = float(np.hypot(x, z)) or 1.0
        foot = (x + splay * x / n, r_foot, z + splay * z / n)
        out.append(Part(round_cone((x, top, z), foot, r_top, r_foot), fin))
    return out


def square(half_x: float, half_z: float, cx: float = 0.0, cz: float = 0.0) -> tuple[tuple[float, float], ...]:
    return (
        (cx - half_x, cz - half_z),
        (cx + half_x, cz - half_z),
        (cx - half_x, cz + half_z),
        (cx + half_x, cz + half_z),
    )


def cable(points: list[Vec], r: float = 0.0035, fin: Finish = CABLE_BLACK) -> Part:
    return Part(swept(points, r, 32), fin)


def pot(cx: float, cz: float, height: float, r_top: float, r_foot: float, wall: float, fin: Finish) -> list[Part]:
    """A planter: a tapered hollow shell cut at its rim, with soil inside."""
    body = round_cone((cx, r_foot, cz), (cx, height - r_top * 0.1, cz), r_foot, r_top)
    wall_solid = below(shell(body, wall), height)
    soil = cylinder((cx, height - 0.05, cz), (cx, height - 0.03, cz), r_top * 0.93)
    return [Part(wall_solid, fin), Part(soil, Finish((0.17, 0.12, 0.08), "speckle", 0.006, second=(0.3, 0.24, 0.18)))]


def sofa(
    x0: float, x1: float, depth: float, seat: float, fin: Finish, leg_fin: Finish, seats: int, arm: float = 0.12
) -> list[Part]:
    """A sofa from ``x0`` to ``x1``: a base, cushions, a back and two arms, on short legs."""
    width = x1 - x0
    cx = (x0 + x1) / 2
    hz = depth / 2
    parts = [
        Part(rounded_box((cx, seat - 0.12, 0), (width / 2, 0.09, hz), 0.03), fin),
        Part(rounded_box((cx, 0.55, -hz + 0.1), (width / 2 - arm, 0.22, 0.1), 0.06, tilt=8), fin),
        Part(rounded_box((x0 + arm / 2, seat + 0.04, 0), (arm / 2, 0.25 / 2 + 0.1, hz), 0.05), fin),
        Part(rounded_box((x1 - arm / 2, seat + 0.04, 0), (arm / 2, 0.25 / 2 + 0.1, hz), 0.05), fin),
    ]
    inner = (width - 2 * arm) / seats
    for i in range(seats):
        sx = x0 + arm + inner * (i + 0.5)
        parts.append(Part(rounded_box((sx, seat + 0.02, 0.04), (inner / 2 - 0.006, 0.07, hz - 0.12), 0.05), fin))
    parts += legs(square(width / 2 - 0.06, hz - 0.06, cx), seat - 0.2, 0.02, 0.015, 0.0, leg_fin)
    return parts


def _chair_spindles() -> tuple[Part, ...]:
    seat_y = 0.45
    parts = [Part(rounded_box((0, seat_y, 0), (0.22, 0.022, 0.21), 0.012), OAK)]
    parts += legs(square(0.18, 0.17), seat_y - 0.02, 0.02, 0.014, 0.03, OAK)
    parts.append(Part(swept([(-0.2, 0.86, -0.2), (0, 0.89, -0.24), (0.2, 0.86, -0.2)], 0.02, 16), OAK))
    for x in (-0.19, 0.19):
        parts.append(Part(capsule((x, seat_y, -0.19), (x, 0.87, -0.205), 0.016), OAK))
    for x in np.linspace(-0.12, 0.12, 5):
        z_top = -0.2 - 0.04 * (1 - (float(x) / 0.2) ** 2)
        parts.append(Part(capsule((float(x), seat_y, -0.18), (float(x), 0.87, z_top), 0.008), OAK))
    parts.append(Part(capsule((-0.19, 0.16, 0.18), (0.19, 0.16, 0.18), 0.01), OAK))
    parts.append(Part(capsule((-0.2, 0.2, -0.18), (-0.2, 0.2, 0.18), 0.01), OAK))
    parts.append(Part(capsule((0.2, 0.2, -0.18), (0.2, 0.2, 0.18), 0.01), OAK))
    return tuple(parts)


def _cane_armchair() -> tuple[Part, ...]:
    frame = ASH_PALE
    cane = Finish((0.82, 0.68, 0.44), "brushed", 0.004, gloss=0.15)
    cushion = Finish((0.88, 0.85, 0.78), "linen", 0.003)
    parts = [
        Part(lattice((0, 0.62, -0.27), 0.25, 0.2, (0, 0.1, 1), 0.045, 0.005), cane),
        Part(rounded_box((0, 0.4, 0), (0.31, 0.03, 0.3), 0.015), frame),
        Part(rounded_box((0, 0.47, 0.03), (0.28, 0.05, 0.25), 0.04), cushion),
        Part(rounded_box((0, 0.84, -0.29), (0.3, 0.025, 0.025), 0.012), frame),
        Part(rounded_box((0, 0.4, -0.28), (0.3, 0.02, 0.025), 0.01), frame),
    ]
    for x in (-0.3, 0.3):
        parts.append(Part(rounded_box((x, 0.42, -0.28), (0.025, 0.42, 0.025), 0.01), frame))
        parts.append(Part(rounded_box((x, 0.33, 0.27), (0.025, 0.33, 0.025), 0.01), frame))
        parts.append(Part(rounded_box((x, 0.63, 0.0), (0.03, 0.02, 0.31), 0.012), frame))
    return tuple(parts)


def _bar_cart() -> tuple[Part, ...]:
    parts: list[Part] = []
    for x in (-0.38, 0.38):
        for z in (-0.2, 0.2):
            parts.append(Part(capsule((x, 0.07, z), (x, 0.84, z), 0.011), BRASS))
            parts.append(Part(torus((x, 0.05, z), 0.03, 0.012, (1, 0, 0)), BLACK_METAL))
    for y in (0.14, 0.5, 0.84):
        parts.append(Part(capsule((-0.38, y, 0.2), (0.38, y, 0.2), 0.01), BRASS))
        parts.append(Part(capsule((-0.38, y, -0.2), (0.38, y, -0.2), 0.01), BRASS))
    parts.append(Part(swept([(-0.38, 0.84, -0.2), (-0.5, 0.88, 0.0), (-0.38, 0.84, 0.2)], 0.011, 16), BRASS))
    for y in (0.14, 0.5):
        parts.append(Part(rounded_box((0, y + 0.015, 0), (0.37, 0.008, 0.19), 0.004), CLEAR_GLASS))
    green = Finish((0.10, 0.30, 0.16), gloss=0.8, shine=90)
    amber = Finish((0.55, 0.28, 0.08), gloss=0.8, shine=90)
    for x, fin, tall in ((-0.2, green, 0.3), (0.0, amber, 0.24), (0.18, green, 0.27)):
        base = 0.53
        body = cylinder((x, base, -0.05), (x, base + tall * 0.62, -0.05), 0.042, 0.008)
        shoulder = round_cone((x, base + tall * 0.6, -0.05), (x, base + tall * 0.75, -0.05), 0.04, 0.014)
        neck = cylinder((x, base + tall * 0.7, -0.05), (x, base + tall, -0.05), 0.014, 0.003)
        parts.append(Part(blend(0.015, body, shoulder, neck), fin))
    parts.append(Part(cylinder((0.25, 0.17, 0.05), (0.25, 0.27, 0.05), 0.04, 0.004), WHITE_METAL))
    return tuple(parts)


def _stem_vase() -> tuple[Part, ...]:
    body = blend(
        0.04, ellipsoid((0, 0.17, 0), (0.13, 0.13, 0.16), (0, 1, 0)), capsule((0, 0.2, 0), (0, 0.38, 0), 0.055)
    )
    vase = below(shell(body, 0.006), 0.37)
    stem = Finish((0.30, 0.42, 0.18), gloss=0.2)
    bloom = Finish((0.93, 0.88, 0.80), "boucle", 0.01)
    parts = [Part(vase, SMOKED_GLASS)]
    tips = ((-0.14, 0.78, 0.02), (0.02, 0.86, -0.03), (0.16, 0.74, 0.04), (0.09, 0.66, 0.1))
    for i, tip in enumerate(tips):
        mid = (tip[0] * 0.4, 0.5, tip[2] * 0.4)
        parts.append(Part(swept([(0.01 * i, 0.04, 0.0), mid, tip], 0.005, 16), stem))
        parts.append(Part(ball(tip, 0.035 + 0.006 * i), bloom))
    return tuple(parts)


def _wire_stool() -> tuple[Part, ...]:
    wire = Finish((0.12, 0.12, 0.13), gloss=0.5, shine=60, metal=0.3)
    parts = [
        Part(cylinder((0, 0.64, 0), (0, 0.68, 0), 0.19, 0.015), Finish((0.52, 0.30, 0.22), "leather", 0.02, gloss=0.3)),
        Part(torus((0, 0.635, 0), 0.18, 0.007), wire),
        Part(torus((0, 0.25, 0), 0.21, 0.006), wire),
    ]
    for k in range(4):
        a = np.radians(45 + 90 * k)
        top = (0.16 * float(np.cos(a)), 0.635, 0.16 * float(np.sin(a)))
        foot = (0.24 * float(np.cos(a)), 0.006, 0.24 * float(np.sin(a)))
        parts.append(Part(capsule(top, foot, 0.007), wire))
        for j in range(1, 4):
            b = a + np.radians(22.5 * j)
            zig = (0.17 * float(np.cos(b)), 0.45, 0.17 * float(np.sin(b)))
            parts.append(Part(capsule(top, zig, 0.004), wire))
    return tuple(parts)


def _tripod_lamp() -> tuple[Part, ...]:
    joint = (0.0, 1.05, 0.0)
    shade = cut(
        cylinder((0, 1.3, 0), (0, 1.62, 0), 0.22),
        cylinder((0, 1.29, 0), (0, 1.63, 0), 0.214),
    )
    parts = [
        Part(shade, Finish((0.93, 0.90, 0.84), "linen", 0.003)),
        Part(capsule(joint, (0, 1.42, 0), 0.009), BRASS),
        Part(ball((0, 1.42, 0), 0.03), Finish((1.0, 0.97, 0.85), gloss=0.3)),
    ]
    for k in range(3):
        a = np.radians(90 + 120 * k + 25)
        foot = (0.38 * float(np.cos(a)), 0.01, 0.38 * float(np.sin(a)))
        parts.append(Part(capsule(joint, foot, 0.011), WALNUT))
    parts.append(Part(ball(joint, 0.025), BRASS))
    parts.append(
        cable([(0.0, 1.03, 0.0), (0.08, 0.6, -0.05), (0.12, 0.01, 0.05), (0.5, 0.004, 0.2), (1.1, 0.004, 0.1)])
    )
    return tuple(parts)


def _bookshelf() -> tuple[Part, ...]:
    parts = []
    for x in (-0.4, 0.4):
        parts.append(Part(rounded_box((x, 0.9, 0), (0.015, 0.9, 0.15), 0.004), WALNUT))
    for y in (0.06, 0.5, 0.94, 1.38, 1.78):
        parts.append(Part(rounded_box((0, y, 0), (0.385, 0.015, 0.15), 0.004), WALNUT))
    books = ((0.62, 0.18, 0.12), (0.18, 0.3, 0.45), (0.85, 0.8, 0.7), (0.2, 0.4, 0.3))
    for i, col in enumerate(books):
        x = -0.3 + 0.05 * i
        parts.append(Part(rounded_box((x, 0.66, 0), (0.022, 0.14 + 0.01 * i, 0.11), 0.004), Finish(col)))
    parts.append(Part(ball((0.2, 1.05, 0.0), 0.08), Finish((0.9, 0.88, 0.84), "speckle", 0.01, second=(0.3, 0.3, 0.3))))
    parts += pot(
        -0.15, -0.02, 1.56, 0.07, 0.05, 0.006, Finish((0.72, 0.38, 0.24), "speckle", 0.01, second=(0.6, 0.3, 0.2))
    )
    return tuple(parts)


def _olive_tree() -> tuple[Part, ...]:
    terracotta = Finish((0.72, 0.40, 0.26), "speckle", 0.008, second=(0.6, 0.32, 0.2), gloss=0.05)
    parts = pot(0, 0, 0.42, 0.22, 0.16, 0.012, terracotta)
    bark = Finish((0.38, 0.32, 0.26), "leather", 0.01)
    parts.append(Part(swept([(0, 0.35, 0), (0.03, 0.7, 0.0), (-0.02, 1.0, 0.02), (0.02, 1.2, 0)], 0.02, 16), bark))
    rng = np.random.default_rng(2207)
    olive = Finish((0.36, 0.44, 0.30), "speckle", 0.008, second=(0.55, 0.6, 0.48), gloss=0.2)
    for _ in range(16):
        c = (float(rng.normal(0, 0.17)), float(1.25 + rng.normal(0, 0.13)), float(rng.normal(0, 0.12)))
        parts.append(Part(ellipsoid(c, (0.095, 0.075, 0.115), tuple(rng.normal(0, 1, 3))), olive))
    return tuple(parts)


def _side_table() -> tuple[Part, ...]:
    return (
        Part(cylinder((0, 0.52, 0), (0, 0.55, 0), 0.26, 0.008), OAK),
        Part(cylinder((0, 0.04, 0), (0, 0.52, 0), 0.045, 0.0), OAK),
        Part(cylinder((0, 0.0, 0), (0, 0.04, 0), 0.19, 0.01), OAK),
    )


def _lounge_chair() -> tuple[Part, ...]:
    leather = Finish((0.07, 0.06, 0.055), "leather", 0.02, gloss=0.35, shine=30)
    return (
        Part(rounded_box((0, 0.36, 0.02), (0.34, 0.08, 0.33), 0.07), leather),
        Part(rounded_box((0, 0.72, -0.3), (0.34, 0.3, 0.07), 0.07, tilt=16), leather),
        Part(rounded_box((-0.37, 0.45, 0.0), (0.05, 0.16, 0.34), 0.04), leather),
        Part(rounded_box((0.37, 0.45, 0.0), (0.05, 0.16, 0.34), 0.04), leather),
        *legs(square(0.33, 0.3), 0.29, 0.018, 0.012, 0.04, BLACK_METAL),
    )


def _snake_plant() -> tuple[Part, ...]:
    charcoal = Finish((0.10, 0.10, 0.11), "speckle", 0.006, second=(0.16, 0.16, 0.17), gloss=0.15)
    parts = pot(0, 0, 0.4, 0.17, 0.13, 0.012, charcoal)
    leaf = Finish((0.12, 0.24, 0.13), "brushed", 0.02, gloss=0.35, shine=40)
    rng = np.random.default_rng(808)
    for _ in range(9):
        a = rng.uniform(0, 2 * np.pi)
        base = (0.09 * float(np.cos(a)), 0.36, 0.07 * float(np.sin(a)))
        tip = (base[0] * 2.2, 0.36 + float(rng.uniform(0.45, 0.7)), base[2] * 2.0)
        length = float(np.linalg.norm(np.subtract(tip, base)))
        axis = tuple(np.subtract(tip, base) / length)
        mid = tuple((np.add(tip, base) / 2).tolist())
        across = (-float(np.sin(a)), 0.0, float(np.cos(a)))
        parts.append(Part(blade(mid, (0.034, 0.005, length / 2), 0.004, axis, across, 0.3), leaf))
    return tuple(parts)


def _basket() -> tuple[Part, ...]:
    weave = Finish((0.72, 0.62, 0.44), "basket", 0.012, second=(0.6, 0.5, 0.34))
    body = below(shell(cylinder((0, 0.0, 0), (0, 0.3, 0), 0.2, 0.05), 0.012), 0.28)
    handle = Finish((0.66, 0.55, 0.38), "brushed", 0.01)
    return (
        Part(body, weave),
        Part(above(torus((-0.2, 0.3, 0), 0.06, 0.011, (1, 0, 0)), 0.28), handle),
        Part(above(torus((0.2, 0.3, 0), 0.06, 0.011, (1, 0, 0)), 0.28), handle),
    )


def _pendant() -> tuple[Part, ...]:
    dome = above(shell(ellipsoid((0, 1.3, 0), (0.24, 0.24, 0.18), (0, 1, 0)), 0.006), 1.3)
    return (
        Part(dome, Finish((0.16, 0.27, 0.22), gloss=0.5, shine=50)),
        Part(cylinder((0, 1.46, 0), (0, 1.54, 0), 0.03, 0.005), BRASS),
        Part(capsule((0, 1.54, 0), (0, 3.4, 0), 0.004), CABLE_BLACK),
        Part(ball((0, 1.31, 0), 0.05), Finish((1.0, 0.98, 0.9), gloss=0.4)),
    )


def _clothes_rail() -> tuple[Part, ...]:
    parts = [
        Part(capsule((-0.55, 1.55, 0), (0.55, 1.55, 0), 0.012), BLACK_METAL),
        Part(rounded_box((0, 0.14, 0), (0.55, 0.015, 0.2), 0.004), OAK),
    ]
    for x in (-0.55, 0.55):
        parts.append(Part(capsule((x, 0.02, 0), (x, 1.55, 0), 0.012), BLACK_METAL))
        parts.append(Part(capsule((x, 0.02, -0.22), (x, 0.02, 0.22), 0.012), BLACK_METAL))
    for x in (-0.3, -0.1, 0.15):
        parts.append(Part(torus((x, 1.52, 0), 0.03, 0.003, (0, 0, 1)), WHITE_METAL))
        parts.append(Part(swept([(x - 0.2, 1.36, 0), (x, 1.47, 0), (x + 0.2, 1.36, 0)], 0.006, 10), WALNUT))
        parts.append(Part(capsule((x - 0.2, 1.36, 0), (x + 0.2, 1.36, 0), 0.005), WALNUT))
    return tuple(parts)


def _desk_lamp() -> tuple[Part, ...]:
    elbow = (0.12, 0.42, 0.0)
    head = (-0.12, 0.62, 0.04)
    shade = below(above(shell(round_cone((-0.16, 0.62, 0.04), (-0.24, 0.5, 0.04), 0.035, 0.09), 0.006), 0.48), 0.66)
    return (
        Part(cylinder((0, 0, 0), (0, 0.025, 0), 0.1, 0.008), WHITE_METAL),
        Part(capsule((0, 0.02, 0), elbow, 0.008), WHITE_METAL),
        Part(capsule(elbow, head, 0.007), WHITE_METAL),
        Part(ball(elbow, 0.016), WHITE_METAL),
        Part(shade, WHITE_METAL),
        cable([(0.05, 0.01, -0.06), (0.15, 0.004, -0.15), (0.5, 0.004, -0.05), (0.9, 0.004, 0.2)], 0.003),
    )


def _ottoman() -> tuple[Part, ...]:
    return (Part(cylinder((0, 0.01, 0), (0, 0.42, 0), 0.32, 0.09), Finish((0.90, 0.88, 0.83), "boucle", 0.006)),)


def _ceramic_lamp() -> tuple[Part, ...]:
    glaze = Finish((0.93, 0.92, 0.89), "speckle", 0.0025, second=(0.55, 0.5, 0.45), gloss=0.5, shine=50)
    shade = cut(cylinder((0, 0.4, 0), (0, 0.64, 0), 0.19), cylinder((0, 0.39, 0), (0, 0.65, 0), 0.184))
    return (
        Part(blend(0.03, ball((0, 0.15, 0), 0.14), cylinder((0, 0.0, 0), (0, 0.05, 0), 0.07)), glaze),
        Part(cylinder((0, 0.28, 0), (0, 0.46, 0), 0.012), BRASS),
        Part(shade, Finish((0.95, 0.93, 0.88), "linen", 0.0025)),
        cable([(0.0, 0.02, -0.06), (0.05, 0.004, -0.25), (0.4, 0.004, -0.3), (0.9, 0.004, -0.2)], 0.003, CABLE_WHITE),
    )


def _sideboard() -> tuple[Part, ...]:
    lacquer = Finish((0.62, 0.07, 0.06), gloss=0.85, shine=110)
    parts = [Part(rounded_box((0, 0.46, 0), (0.8, 0.28, 0.22), 0.02), lacquer)]
    for x in (-0.4, 0.0, 0.4):
        parts.append(Part(capsule((x - 0.06, 0.6, 0.225), (x + 0.06, 0.6, 0.225), 0.008), BRASS))
    parts += legs(square(0.72, 0.16), 0.19, 0.018, 0.012, 0.02, BRASS)
    return tuple(parts)


def _gloss_vase() -> tuple[Part, ...]:
    body = blend(
        0.05,
        ellipsoid((0, 0.2, 0), (0.15, 0.15, 0.2), (0, 1, 0)),
        round_cone((0, 0.3, 0), (0, 0.52, 0), 0.06, 0.045),
    )
    return (Part(below(shell(body, 0.008), 0.5), Finish((0.035, 0.035, 0.04), gloss=0.9, shine=140)),)


def _sofa_linen() -> tuple[Part, ...]:
    return tuple(sofa(-1.0, 1.0, 0.9, 0.44, Finish((0.66, 0.64, 0.58), "linen", 0.004), WALNUT, 3))


def _pouf() -> tuple[Part, ...]:
    body = blend(0.1, cylinder((0, 0.02, 0), (0, 0.36, 0), 0.3, 0.14), ball((0, 0.25, 0), 0.28))
    return (Part(body, Finish((0.74, 0.68, 0.58), "knit", 0.03)),)


def _velvet_armchair() -> tuple[Part, ...]:
    mustard = Finish((0.78, 0.56, 0.14), "weave", 0.003, gloss=0.08)
    return (
        Part(rounded_box((0, 0.32, 0.02), (0.38, 0.12, 0.36), 0.08), mustard),
        Part(rounded_box((0, 0.62, -0.3), (0.38, 0.32, 0.09), 0.08, tilt=10), mustard),
        Part(
            blend(
                0.06,
                ellipsoid((-0.4, 0.5, -0.02), (0.08, 0.1, 0.36)),
                rounded_box((-0.4, 0.32, -0.02), (0.08, 0.14, 0.36), 0.05),
            ),
            mustard,
        ),
        Part(
            blend(
                0.06,
                ellipsoid((0.4, 0.5, -0.02), (0.08, 0.1, 0.36)),
                rounded_box((0.4, 0.32, -0.02), (0.08, 0.14, 0.36), 0.05),
            ),
            mustard,
        ),
        *legs(square(0.38, 0.33), 0.2, 0.022, 0.014, 0.04, WALNUT),
    )


def _corner_sofa() -> tuple[Part, ...]:
    fabric = Finish((0.34, 0.40, 0.46), "weave", 0.004, second=(0.28, 0.33, 0.40))
    return tuple(sofa(-1.1, 2.1, 0.95, 0.42, fabric, BLACK_METAL, 3, 0.16))


def _bench() -> tuple[Part, ...]:
    fabric = Finish((0.58, 0.52, 0.74), "boucle", 0.005)
    return (
        Part(rounded_box((0, 0.44, 0), (0.6, 0.07, 0.2), 0.06), fabric),
        Part(rounded_box((0, 0.36, 0), (0.58, 0.02, 0.18), 0.008), WALNUT),
        *legs(square(0.52, 0.14), 0.35, 0.022, 0.016, 0.03, WALNUT),
    )


UNSEEN: tuple[Photo, ...] = (
    Photo(
        "ivory_boucle_ottoman_on_ivory_sweep",
        "pale on pale",
        _ottoman(),
        Backdrop("sweep", (0.90, 0.89, 0.86), distance=1.1),
        view((0, 0.22, 0), 2.4, 12, 16),
        (1200, 900),
        Light((-0.4, 0.8, 0.5), 0.2, sky=(0.62, 0.62, 0.62)),
        shadow=0.5,
        seed=4101,
        notes="round ivory boucle ottoman on ivory seamless paper",
    ),
    Photo(
        "white_ceramic_lamp_on_cream_wall",
        "pale on pale",
        _ceramic_lamp(),
        Backdrop("wall_floor", (0.92, 0.90, 0.86), (0.86, 0.80, 0.71), distance=0.5, plank=0.14),
        view((0.05, 0.32, 0), 1.9, -15, 10),
        (900, 1200),
        Light((0.5, 0.7, 0.6), 0.15, sky=(0.62, 0.61, 0.6)),
        seed=4102,
        notes="white speckled ceramic table lamp with a linen drum shade and a white cable, cream wall, pale floor",
    ),
    Photo(
        "black_leather_lounge_chair_dark_studio",
        "dark on dark",
        _lounge_chair(),
        Backdrop("dark", (0.13, 0.13, 0.14), distance=1.6),
        view((0, 0.45, 0), 3.4, 25, 14),
        (1400, 1050),
        Light((-0.6, 0.7, 0.4), 0.1, sky=(0.22, 0.22, 0.24)),
        lens=Lens(vignette=0.35, noise=0.016),
        seed=4103,
        notes="black leather lounge chair on black legs in a dark studio with a pool of light",
    ),
    Photo(
        "charcoal_planter_snake_plant_on_slate",
        "dark on dark",
        _snake_plant(),
        Backdrop("sweep", (0.18, 0.18, 0.19), distance=1.0),
        view((0, 0.5, 0), 2.6, -10, 8),
        (1000, 1400),
        Light((0.5, 0.8, 0.4), 0.15, sky=(0.3, 0.3, 0.32)),
        seed=4104,
        notes="charcoal speckled planter with a dark green snake plant on slate paper",
    ),
    Photo(
        "red_lacquer_sideboard_glossy_floor",
        "glossy with floor reflection",
        _sideboard(),
        Backdrop("sweep", (0.80, 0.80, 0.80), distance=1.0, gloss=0.55),
        view((0, 0.4, 0), 4.2, 8, 8),
        (1600, 1000),
        Light((-0.3, 0.85, 0.45), 0.15),
        shadow=0.5,
        seed=4105,
        notes="red lacquered sideboard with brass pulls on brass legs, mirrored in a glossy grey floor",
    ),
    Photo(
        "black_gloss_vase_on_mirror_floor",
        "glossy with floor reflection",
        _gloss_vase(),
        Backdrop("gradient", (0.72, 0.72, 0.74), second=(0.95, 0.95, 0.96), distance=0.8, gloss=0.7),
        view((0, 0.24, 0), 1.6, 0, 6),
        (800, 1000),
        Light((0.5, 0.7, 0.5), 0.12),
        seed=4106,
        notes="black high-gloss vase on a mirror-glossy floor, grey to white",
    ),
    Photo(
        "brass_bar_cart_glass_shelves",
        "glass parts",
        _bar_cart(),
        Backdrop("wall_floor", (0.55, 0.62, 0.54), (0.64, 0.46, 0.30), distance=0.7),
        view((0, 0.45, 0), 2.9, 20, 14),
        (1500, 1200),
        Light((-0.5, 0.8, 0.5), 0.14),
        seed=4107,
        notes="brass bar cart with two glass shelves and bottles, sage wall, oak plank floor",
    ),
    Photo(
        "smoked_glass_vase_with_stems_on_linen",
        "glass parts",
        _stem_vase(),
        Backdrop("linen", (0.84, 0.78, 0.70), distance=0.6),
        view((0, 0.42, 0), 2.2, 10, 8),
        (900, 1200),
        Light((-0.5, 0.75, 0.5), 0.16),
        seed=4108,
        notes="smoked glass vase with dried stems seen through it, on a linen cloth",
    ),
    Photo(
        "wire_counter_stool_leather_pad",
        "thin legs and wires",
        _wire_stool(),
        Backdrop("sweep", (0.78, 0.82, 0.86), distance=1.0),
        view((0, 0.34, 0), 2.0, 22, 14),
        (1000, 1400),
        Light((-0.5, 0.8, 0.4), 0.1),
        seed=4109,
        notes="black wire counter stool with a tan leather pad on blue-grey paper",
    ),
    Photo(
        "tripod_floor_lamp_with_cable_2000",
        "thin legs and wires",
        _tripod_lamp(),
        Backdrop("window", (0.86, 0.84, 0.80), (0.80, 0.76, 0.70), distance=0.9),
        view((0.15, 0.82, 0), 3.5, 12, 8),
        (1334, 2000),
        Light((-0.6, 0.6, 0.5), 0.08),
        seed=4110,
        notes="walnut tripod floor lamp with a linen shade and a black cable along the floor, window light",
    ),
    Photo(
        "spindle_back_oak_dining_chair",
        "holes",
        _chair_spindles(),
        Backdrop("wall_floor", (0.80, 0.80, 0.77), (0.50, 0.36, 0.24), distance=0.6, plank=0.18),
        view((0, 0.45, 0), 2.8, 28, 12),
        (1100, 1400),
        Light((-0.5, 0.8, 0.5), 0.12),
        seed=4111,
        notes="oak dining chair with a spindle back and stretchers, grey wall, dark plank floor",
    ),
    Photo(
        "cane_back_armchair",
        "holes",
        _cane_armchair(),
        Backdrop("sweep", (0.72, 0.76, 0.72), distance=1.0),
        view((0, 0.45, 0), 2.7, 20, 8),
        (1400, 1200),
        Light((0.5, 0.8, 0.5), 0.12),
        seed=4112,
        notes="pale ash armchair with a woven cane back (open webbing) and a linen cushion, sage paper",
    ),
    Photo(
        "seagrass_basket_with_loop_handles",
        "holes",
        _basket(),
        Backdrop("gradient", (0.86, 0.80, 0.76), second=(0.94, 0.92, 0.9), distance=0.7),
        view((0, 0.17, 0), 1.6, 10, 22),
        (600, 450),
        Light((-0.4, 0.8, 0.5), 0.15),
        seed=4113,
        notes="seagrass basket with two loop handles (holes), blush gradient, 600 px",
    ),
    Photo(
        "linen_three_seat_sofa",
        "textured fabric",
        _sofa_linen(),
        Backdrop("wall_floor", (0.88, 0.87, 0.84), (0.62, 0.48, 0.34), distance=0.7),
        view((0, 0.42, 0), 4.4, 14, 8),
        (2000, 1125),
        Light((-0.5, 0.8, 0.55), 0.15),
        seed=4114,
        notes="three-seat sofa in slubbed oatmeal linen on walnut legs, white wall, oak floor, 2000 px",
    ),
    Photo(
        "chunky_knit_pouf",
        "textured fabric",
        _pouf(),
        Backdrop("linen", (0.62, 0.64, 0.66), distance=0.8),
        view((0, 0.2, 0), 2.0, -12, 14),
        (1000, 800),
        Light((0.5, 0.8, 0.5), 0.15),
        seed=4115,
        notes="chunky knit pouf in oatmeal on a grey linen cloth",
    ),
    Photo(
        "mustard_armchair_teal_gradient",
        "gradient/vignette backdrop",
        _velvet_armchair(),
        Backdrop("gradient", (0.10, 0.36, 0.38), second=(0.42, 0.66, 0.64), distance=1.2),
        view((0, 0.45, 0), 3.2, -22, 10),
        (1300, 1000),
        Light((0.5, 0.8, 0.5), 0.12),
        lens=Lens(vignette=0.65),
        seed=4116,
        notes="mustard woven armchair on a teal gradient sweep, strong vignetting",
    ),
    Photo(
        "olive_tree_terracotta_vignette",
        "gradient/vignette backdrop",
        _olive_tree(),
        Backdrop("gradient", (0.70, 0.56, 0.44), second=(0.92, 0.86, 0.78), distance=1.0),
        view((0, 0.72, 0), 3.6, 5, 6),
        (1000, 1300),
        Light((-0.5, 0.8, 0.5), 0.12),
        lens=Lens(vignette=0.7, corner_blur=1.6),
        seed=4117,
        notes="olive tree in a terracotta pot on a warm gradient, heavy vignette and soft corners",
    ),
    Photo(
        "corner_sofa_cut_at_right",
        "cut by the frame",
        _corner_sofa(),
        Backdrop("sweep", (0.86, 0.85, 0.83), distance=1.0),
        view((0.3, 0.42, 0), 4.4, 12, 10),
        (1600, 900),
        Light((-0.5, 0.8, 0.55), 0.15),
        seed=4118,
        notes="long slate-blue sofa running past the right edge of the frame",
    ),
    Photo(
        "clothes_rail_cut_at_top",
        "cut by the frame",
        _clothes_rail(),
        Backdrop("wall_floor", (0.84, 0.82, 0.80), (0.72, 0.68, 0.62), distance=0.6),
        view((0, 0.62, 0), 3.4, 16, 8),
        (1000, 1500),
        Light((-0.5, 0.8, 0.5), 0.12),
        seed=4119,
        notes="black clothes rail with hangers and an oak shelf, its top bar cut by the frame",
    ),
    Photo(
        "oak_pedestal_table_long_shadow",
        "soft floor shadow",
        _side_table(),
        Backdrop("window", (0.88, 0.86, 0.82), distance=1.2),
        view((0, 0.28, 0), 1.7, 10, 14),
        (1200, 900),
        Light((-0.75, 0.45, 0.3), 0.22),
        shadow=0.7,
        seed=4120,
        notes="oak pedestal side table throwing a long soft shadow in low window light",
    ),
    Photo(
        "lilac_boucle_bench_soft_shadow",
        "soft floor shadow",
        _bench(),
        Backdrop("sweep", (0.90, 0.88, 0.88), distance=1.0),
        view((0, 0.3, 0), 2.6, 15, 14),
        (1500, 900),
        Light((0.6, 0.6, 0.6), 0.35, sky=(0.55, 0.55, 0.57)),
        shadow=0.85,
        seed=4121,
        notes="lilac boucle bench on walnut legs with a wide soft shadow from a large light",
    ),
    Photo(
        "green_pendant_light_low_quality",
        "JPEG artefacts",
        _pendant(),
        Backdrop("gradient", (0.80, 0.78, 0.74), second=(0.92, 0.9, 0.86), distance=0.8),
        view((0, 1.45, 0), 2.0, 0, 4),
        (900, 1200),
        Light((-0.4, 0.8, 0.5), 0.12),
        lens=Lens(quality=52),
        seed=4122,
        notes="green enamel pendant light on its cord (reaching the top edge), JPEG quality 52",
    ),
    Photo(
        "walnut_bookshelf_low_quality",
        "JPEG artefacts",
        _bookshelf(),
        Backdrop("wall_floor", (0.78, 0.74, 0.68), (0.46, 0.34, 0.24), distance=0.4),
        view((0, 0.9, 0), 5.0, 18, 8),
        (1000, 1500),
        Light((-0.5, 0.8, 0.5), 0.12),
        lens=Lens(quality=58),
        seed=4123,
        notes="open walnut bookshelf with books, a ball and a planter, JPEG quality 58",
    ),
    Photo(
        "white_desk_lamp_with_cable",
        "thin legs and wires",
        _desk_lamp(),
        Backdrop("sweep", (0.68, 0.70, 0.74), distance=0.7),
        view((0.05, 0.3, 0), 1.4, 15, 14),
        (1100, 900),
        Light((-0.5, 0.8, 0.5), 0.1),
        seed=4124,
        notes="white metal desk lamp with a thin arm and its black cable across the floor, blue-grey paper",
    ),
)


def render_unseen(photo: Photo) -> RenderedScene:
    """The JPEG and exact alpha of one photo of the unseen set."""
    return render_photo(photo)


__all__ = ["UNSEEN", "Photo", "render_unseen"]
