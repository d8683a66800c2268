"""Products for the eighth set (``eighth.py``), built from the blind renderer's meshes (``blind_mesh.py``) in metres:
standing on the floor (y = 0), centred on x = z = 0 and facing the camera (+z) unless placed otherwise.

Each builder returns its parts with their materials, so a photo dresses the piece in its own finishes. The shapes
are this set's own, chosen to differ from the products the other sets name: a bread bin, a utensil crock with a
board, a turntable, a floor globe, a clawfoot bath, a terrarium, a fish tank on its stand, an upright piano, a
four-poster bed, a beanbag, a music stand, a wine rack, a dog bed, a steamer trunk and a toaster. Only the small
helpers (rods, bent rods, stretched meshes) come from ``final_products.py``.
"""

from __future__ import annotations

import numpy as np

from imaging_eval.blind_light import Part
from imaging_eval.blind_mesh import Mesh, box, cylinder, extrude, lathe, merge, place, sphere, torus, tube
from imaging_eval.blind_texture import Material
from imaging_eval.final_products import bent, rod, scaled

# --- pale pieces ---------------------------------------------------------------------------------------------


def bread_bin(enamel: Material, knob: Material, seam: Material) -> list[Part]:
    """An enamelled bread bin: a box with a rounded roll top, a seam where the lid meets it and a wooden knob."""
    body = box((0.2, 0.08, 0.13), 0.02, (0, 0.08, 0))
    top = place(cylinder(0.13, 0.4, bevel=0.015, segments=56), (0.2, 0.12, 0), roll=90)
    line = box((0.19, 0.002, 0.002), 0.0, (0, 0.135, 0.131))
    grip = sphere(0.018, (0, 0.19, 0.118), squash=0.8)
    feet = [box((0.02, 0.004, 0.02), 0.002, (sx * 0.15, 0.0, sz * 0.09)) for sx in (-1, 1) for sz in (-1, 1)]
    return [Part(merge(body, top, *feet), enamel), Part(line, seam), Part(grip, knob)]


def utensil_crock(stoneware: Material, spoon_wood: Material, board_wood: Material) -> list[Part]:
    """A stoneware crock holding three wooden spoons, a round-handled chopping board leaning on the wall behind."""
    prof = [(0.0, 0.0), (0.07, 0.0), (0.075, 0.01), (0.08, 0.16), (0.085, 0.18), (0.078, 0.18), (0.072, 0.02)]
    crock = lathe([*prof, (0.0, 0.02)], 56, crease=50)
    spoons = []
    for k, (lean, turn) in enumerate(((-14, -20), (4, 10), (16, 40))):
        length = 0.3 + 0.02 * k
        handle = rod((0, 0.03, 0), (0, length, 0), 0.007, 8)
        bowl = scaled(sphere(0.03, (0, length - 0.005, 0), rows=12, squash=1.3), 1.0, 1.0, 0.45)
        spoons.append(place(merge(handle, bowl), (0.01 * (k - 1), 0.0, 0.0), turn, 0, lean))
    board = merge(
        box((0.15, 0.2, 0.01), 0.008, (0, 0.2, 0)),
        box((0.03, 0.06, 0.01), 0.01, (0, 0.44, 0)),
    )
    board = place(board, (0.05, 0.0, -0.1), yaw=-6, pitch=10)
    return [Part(crock, stoneware), Part(merge(*spoons), spoon_wood), Part(board, board_wood)]


# --- dark pieces ---------------------------------------------------------------------------------------------


def turntable(plinth: Material, record: Material, arm: Material, foot: Material) -> list[Part]:
    """A record player: a low plinth on four feet, a platter with a record on it and a tonearm on its pivot."""
    body = box((0.22, 0.04, 0.17), 0.006, (0, 0.06, 0))
    feet = [cylinder(0.02, 0.02, (sx * 0.18, 0.0, sz * 0.13), segments=20) for sx in (-1, 1) for sz in (-1, 1)]
    platter = cylinder(0.15, 0.016, (-0.04, 0.1, 0.0), bevel=0.003, segments=72)
    disc = cylinder(0.148, 0.003, (-0.04, 0.116, 0.0), segments=72)
    label = cylinder(0.04, 0.004, (-0.04, 0.116, 0.0), segments=40)
    pivot = cylinder(0.018, 0.03, (0.16, 0.1, -0.1), segments=24)
    tonearm = bent([(0.16, 0.135, -0.1), (0.15, 0.135, 0.0), (0.09, 0.13, 0.07), (0.05, 0.125, 0.09)], 0.004, 8, 6)
    weight = place(cylinder(0.014, 0.03, segments=20), (0.165, 0.135, -0.12), pitch=90)
    knob = cylinder(0.012, 0.01, (0.18, 0.1, 0.12), segments=20)
    return [
        Part(body, plinth),
        Part(merge(*feet), foot),
        Part(merge(platter, disc), record),
        Part(label, foot),
        Part(merge(pivot, tonearm, weight, knob), arm),
    ]


# --- glossy pieces -------------------------------------------------------------------------------------------


def floor_globe(globe: Material, wood: Material, brass: Material) -> list[Part]:
    """A floor-standing globe: a ball in a brass meridian ring, held on a turned post over three splayed legs."""
    r, c = 0.2, 0.78
    ball = sphere(r, (0, c - r, 0), rows=24)
    ring = place(torus(r + 0.02, 0.006, pitch=90, sides=8), (0, c, 0), yaw=20, roll=-23)
    cradle = torus(r + 0.03, 0.012, (0, c - 0.05, 0), sides=8)
    post = lathe([(0.0, 0.2), (0.03, 0.2), (0.02, 0.3), (0.035, 0.4), (0.016, 0.55), (0.0, 0.55)], 28, smooth=True)
    arms = [
        bent(
            [(0, 0.52, 0), (0.12 * np.cos(a), 0.58, 0.12 * np.sin(a)), (0.22 * np.cos(a), c - 0.05, 0.22 * np.sin(a))],
            0.008,
        )
        for a in np.radians([90, 210, 330])
    ]
    legs = [
        bent(
            [(0, 0.22, 0), (0.15 * np.cos(a), 0.12, 0.15 * np.sin(a)), (0.26 * np.cos(a), 0.0, 0.26 * np.sin(a))],
            0.016,
            10,
        )
        for a in np.radians([30, 150, 270])
    ]
    return [Part(ball, globe), Part(merge(post, *legs), wood), Part(merge(ring, cradle, *arms), brass)]


def clawfoot_bath(outside: Material, inside: Material, feet_mat: Material) -> list[Part]:
    """A freestanding roll-top bath: an oval tub with a rolled rim, raised on four ball-and-claw feet."""
    outer = [(0.0, 0.0), (0.24, 0.0), (0.32, 0.06), (0.36, 0.3), (0.38, 0.48)]
    inner = [(0.35, 0.48), (0.33, 0.3), (0.29, 0.1), (0.2, 0.06), (0.0, 0.06)]
    shell = scaled(lathe([*outer, *inner], 72, smooth=True, crease=60), 2.0, 1.0, 1.0)
    rim = scaled(torus(0.365, 0.018, (0, 0.48, 0), sides=10), 2.0, 1.0, 1.0)
    basin = scaled(lathe([*inner[::-1][:-1], (0.35, 0.479)], 72, smooth=True, closed=False), 2.0, 1.0, 1.0)
    shell, rim, basin = (place(m, (0, 0.12, 0)) for m in (shell, rim, basin))
    feet = []
    for sx in (-1, 1):
        for sz in (-1, 1):
            x, z = sx * 0.48, sz * 0.17
            feet.append(
                lathe(
                    [(0.0, 0.0), (0.035, 0.0), (0.045, 0.03), (0.03, 0.08), (0.045, 0.16), (0.0, 0.16)],
                    20,
                    (x, 0, z),
                    smooth=True,
                )
            )
    return [Part(merge(shell, rim), outside), Part(basin, inside), Part(merge(*feet), feet_mat)]


# --- glass ---------------------------------------------------------------------------------------------------


def _glass_box(w: float, h: float, d: float, y0: float, t: float = 0.002) -> Mesh:
    """Five panes of a box open at the top (or closed, with a lid pane), ``w`` x ``d`` half sizes, ``h`` tall."""
    panes = [box((w, h / 2, t), 0.0, (0, y0 + h / 2, sz * d)) for sz in (-1, 1)]
    panes += [box((t, h / 2, d), 0.0, (sx * w, y0 + h / 2, 0)) for sx in (-1, 1)]
    return merge(*panes)


def terrarium(frame: Material, glass: Material, soil: Material, plant: Material) -> list[Part]:
    """A glass terrarium with a pitched roof in a slim brass frame, moss and two succulents inside."""
    w, d, h = 0.16, 0.11, 0.22
    walls = _glass_box(w, h, d, 0.01)
    slope = float(np.hypot(d, 0.1))
    tilt = float(np.degrees(np.arctan2(0.1, d)))
    roof = [box((w, 0.002, slope / 2), 0.0, (0, h + 0.06, sz * d / 2), pitch=sz * tilt) for sz in (-1, 1)]
    ends = [extrude([(-d, 0.0), (d, 0.0), (0.0, 0.1)], 0.004, (sx * w - 0.002, h + 0.01, 0), yaw=90) for sx in (-1, 1)]
    gables = []
    for sx in (-1, 1):
        tri = [(sx * w, h + 0.01, -d), (sx * w, h + 0.01, d), (sx * w, h + 0.11, 0.0)]
        gables.append(rod(tri[0], tri[2], 0.003, 6))
        gables.append(rod(tri[1], tri[2], 0.003, 6))
    edges = [rod((sx * w, 0.01, sz * d), (sx * w, h + 0.01, sz * d), 0.004, 6) for sx in (-1, 1) for sz in (-1, 1)]
    edges += [rod((-w, y, sz * d), (w, y, sz * d), 0.004, 6) for y in (0.01, h + 0.01) for sz in (-1, 1)]
    edges += [rod((sx * w, y, -d), (sx * w, y, d), 0.004, 6) for y in (0.01, h + 0.01) for sx in (-1, 1)]
    edges.append(rod((-w, h + 0.11, 0.0), (w, h + 0.11, 0.0), 0.004, 6))
    tray = box((w, 0.005, d), 0.002, (0, 0.005, 0))
    moss = box((w - 0.01, 0.02, d - 0.01), 0.015, (0, 0.01, 0))
    plants = [sphere(0.045, (-0.06, 0.04, 0.01), rows=14, squash=0.7), sphere(0.035, (0.07, 0.04, -0.02), rows=14)]
    return [
        Part(merge(*edges, *gables, tray), frame),
        Part(merge(walls, *roof, *ends), glass),
        Part(moss, soil),
        Part(merge(*plants), plant),
    ]


def fish_tank(
    stand_wood: Material, gap: Material, glass: Material, trim: Material, gravel: Material, rock: Material
) -> list[Part]:
    """A fish tank on a two-door oak cabinet: glass walls with black trims, gravel and a rock inside."""
    cab = box((0.4, 0.3, 0.2), 0.006, (0, 0.3, 0))
    seam = box((0.002, 0.26, 0.002), 0.0, (0, 0.32, 0.201))
    knobs = [sphere(0.01, (sx * 0.04, 0.42, 0.2)) for sx in (-1, 1)]
    y0, h = 0.6, 0.4
    walls = _glass_box(0.39, h, 0.19, y0, 0.003)
    trims = [box((0.395, 0.012, 0.195), 0.002, (0, y, 0)) for y in (y0 + 0.012, y0 + h - 0.006)]
    bed = box((0.385, 0.03, 0.185), 0.01, (0, y0 + 0.05, 0))
    stone = scaled(sphere(0.08, (0, 0, 0), rows=10, squash=0.8), 1.3, 1.0, 0.8)
    stone = place(stone, (0.12, y0 + 0.06, -0.03), yaw=25)
    return [
        Part(cab, stand_wood),
        Part(merge(seam), gap),
        Part(merge(*knobs, *trims), trim),
        Part(walls, glass),
        Part(bed, gravel),
        Part(stone, rock),
    ]


# --- cut by the frame ----------------------------------------------------------------------------------------


def upright_piano(case: Material, keys_white: Material, keys_black: Material, brass: Material) -> list[Part]:
    """An upright piano: a tall case with a fall board over the keys, cheeks and toes, a panel and two pedals."""
    body = box((0.75, 0.6, 0.15), 0.008, (0, 0.63, -0.12))
    top = box((0.76, 0.015, 0.17), 0.005, (0, 1.24, -0.11))
    cheeks = [box((0.03, 0.16, 0.16), 0.006, (sx * 0.72, 0.68, 0.12)) for sx in (-1, 1)]
    toes = [box((0.03, 0.03, 0.2), 0.006, (sx * 0.7, 0.03, 0.16)) for sx in (-1, 1)]
    legs = [box((0.025, 0.3, 0.025), 0.006, (sx * 0.7, 0.34, 0.3)) for sx in (-1, 1)]
    bed = box((0.69, 0.02, 0.1), 0.003, (0, 0.7, 0.13))
    fall = box((0.69, 0.04, 0.08), 0.01, (0, 0.79, 0.06), pitch=-20)
    desk = box((0.5, 0.06, 0.012), 0.003, (0, 1.0, 0.04), pitch=-10)
    white = box((0.68, 0.01, 0.07), 0.002, (0, 0.73, 0.16))
    black = []
    for k in range(52):
        if k % 7 in (2, 6):
            continue
        x = -0.66 + k * 0.0257 + 0.013
        if x > 0.66:
            break
        black.append(box((0.0055, 0.008, 0.04), 0.001, (x, 0.746, 0.13)))
    pedals = [box((0.012, 0.005, 0.04), 0.002, (sx * 0.05, 0.06, 0.06)) for sx in (-1, 1)]
    return [
        Part(merge(body, top, *cheeks, *toes, *legs, bed, fall, desk), case),
        Part(white, keys_white),
        Part(merge(*black), keys_black),
        Part(merge(*pedals), brass),
    ]


def four_poster_bed(wood: Material, mattress: Material, throw: Material) -> list[Part]:
    """A double four-poster bed: tall turned posts joined by rails at the top, a mattress and a throw across it."""
    hw, hd, top = 0.78, 1.02, 2.1
    posts = [
        lathe(
            [(0.0, 0.0), (0.04, 0.0), (0.04, 0.5), (0.028, 0.56), (0.028, top), (0.0, top)], 20, (sx * hw, 0, sz * hd)
        )
        for sx in (-1, 1)
        for sz in (-1, 1)
    ]
    rails = [box((hw, 0.03, 0.02), 0.004, (0, top - 0.04, sz * hd)) for sz in (-1, 1)]
    rails += [box((0.02, 0.03, hd), 0.004, (sx * hw, top - 0.04, 0)) for sx in (-1, 1)]
    sides = [box((0.025, 0.1, hd - 0.04), 0.006, (sx * (hw - 0.01), 0.3, 0)) for sx in (-1, 1)]
    ends = [box((hw - 0.04, 0.1, 0.025), 0.006, (0, 0.3, sz * (hd - 0.01))) for sz in (-1, 1)]
    headboard = box((hw - 0.04, 0.35, 0.02), 0.006, (0, 0.75, -hd + 0.01))
    bed = box((hw - 0.05, 0.11, hd - 0.05), 0.05, (0, 0.47, 0))
    blanket = box((hw - 0.02, 0.02, 0.3), 0.02, (0, 0.59, 0.5))
    pillows = [box((0.3, 0.06, 0.16), 0.05, (sx * 0.36, 0.62, -0.8)) for sx in (-1, 1)]
    return [
        Part(merge(*posts, *rails, *sides, *ends, headboard), wood),
        Part(merge(bed, *pillows), mattress),
        Part(blanket, throw),
    ]


# --- soft shadows, thin parts, holes, fabric -----------------------------------------------------------------


def beanbag(cover: Material) -> list[Part]:
    """A slouched beanbag: a flattened ball, sagging more at the front, with a dip pressed into its top."""
    prof = [(0.0, 0.0), (0.3, 0.0), (0.4, 0.04), (0.44, 0.16), (0.42, 0.3), (0.34, 0.42), (0.2, 0.47), (0.06, 0.44)]
    bag = lathe([*prof, (0.0, 0.42)], 56, smooth=True)
    return [Part(place(scaled(bag, 1.0, 1.0, 0.92), (0, 0, 0), pitch=4), cover)]


def music_stand(steel: Material) -> list[Part]:
    """A folding music stand: three thin splayed legs, a two-part shaft and a wire desk tilted back."""
    legs = [rod((0.0, 0.3, 0.0), (0.3 * np.cos(a), 0.0, 0.3 * np.sin(a)), 0.004, 6) for a in np.radians([90, 210, 330])]
    braces = [
        rod((0.0, 0.18, 0.0), (0.12 * np.cos(a), 0.18, 0.12 * np.sin(a)), 0.0025, 6) for a in np.radians([90, 210, 330])
    ]
    collar = cylinder(0.014, 0.04, (0, 0.27, 0), segments=16)
    shaft = rod((0, 0.3, 0), (0, 0.75, 0), 0.008, 8)
    inner = rod((0, 0.74, 0), (0, 1.0, 0), 0.005, 8)
    desk = []
    for x in np.linspace(-0.24, 0.24, 9):
        desk.append(rod((float(x), 0.0, 0.0), (float(x), 0.3, 0.0), 0.0022, 6))
    for y in (0.0, 0.15, 0.3):
        desk.append(rod((-0.24, y, 0.0), (0.24, y, 0.0), 0.003, 6))
    desk.append(rod((-0.24, 0.0, 0.0), (-0.24, 0.0, 0.05), 0.003, 6))
    desk.append(rod((0.24, 0.0, 0.0), (0.24, 0.0, 0.05), 0.003, 6))
    desk.append(rod((-0.24, 0.0, 0.05), (0.24, 0.0, 0.05), 0.003, 6))
    desk_mesh = place(merge(*desk), (0, 0.96, 0.0), pitch=-18)
    return [Part(merge(*legs, *braces, collar, shaft, inner, desk_mesh), steel)]


def wine_rack(wood: Material, bottle: Material) -> list[Part]:
    """A freestanding wine rack: a grid of open square cubbies, a few bottles lying in them."""
    cols, rows, cell, t = 4, 5, 0.12, 0.009
    w, h, d = cols * cell / 2, rows * cell, 0.085
    boards = [box((t, h / 2, d), 0.002, (-w + k * cell, 0.02 + h / 2, 0)) for k in range(cols + 1)]
    boards += [box((w, t, d), 0.002, (0, 0.02 + k * cell, 0)) for k in range(rows + 1)]
    feet = [box((0.02, 0.01, d), 0.003, (sx * w, 0.01, 0)) for sx in (-1, 1)]
    bottles = []
    prof = [(0.0, 0.0), (0.037, 0.0), (0.037, 0.2), (0.015, 0.25), (0.013, 0.3), (0.0, 0.3)]
    for col, row in ((0, 1), (1, 3), (2, 0), (3, 2), (1, 4), (3, 4)):
        x = -w + (col + 0.5) * cell
        y = 0.02 + row * cell + 0.046
        bottles.append(place(lathe(prof, 24, smooth=False, crease=40), (x, y, -0.18), pitch=90))
    return [Part(merge(*boards, *feet), wood), Part(merge(*bottles), bottle)]


def dog_bed(outer: Material, cushion: Material) -> list[Part]:
    """A round dog bed: a plump bolster ring, lower at the front, around a flat cushion."""
    path = []
    for a in np.linspace(0, 2 * np.pi, 72, endpoint=False):
        dip = 0.5 + 0.5 * np.cos(a - np.pi / 2)  # 1 at the front (+z)
        path.append((0.3 * np.cos(a), 0.09 - 0.035 * dip, 0.3 * np.sin(a)))
    radii = [0.09 - 0.03 * (0.5 + 0.5 * np.cos(a - np.pi / 2)) for a in np.linspace(0, 2 * np.pi, 72, endpoint=False)]
    ring = tube(np.array(path), np.array(radii), 16, loop=True)
    base = cylinder(0.36, 0.03, bevel=0.012, segments=64)
    pad = cylinder(0.24, 0.06, (0, 0.02, 0), bevel=0.03, segments=56)
    return [Part(merge(ring, base), outer), Part(pad, cushion)]


def steamer_trunk(canvas: Material, leather: Material, brass: Material) -> list[Part]:
    """A steamer trunk: a canvas-covered box with a domed lid, two leather straps, brass corners and a lock."""
    body = box((0.42, 0.16, 0.24), 0.01, (0, 0.18, 0))
    lid = scaled(place(cylinder(0.24, 0.84, segments=48), (0.42, 0.34, 0), roll=90), 1.0, 0.25, 1.0)
    lid = place(lid, (0, 0.255, 0))
    straps = [box((0.025, 0.17, 0.243), 0.003, (sx * 0.24, 0.18, 0)) for sx in (-1, 1)]
    corners = [
        box((0.035, 0.035, 0.035), 0.005, (sx * 0.4, y, sz * 0.22))
        for sx in (-1, 1)
        for sz in (-1, 1)
        for y in (0.035, 0.325)
    ]
    lock = box((0.03, 0.035, 0.008), 0.003, (0, 0.32, 0.245))
    handles = [
        bent([(sx * 0.42, 0.26, -0.05), (sx * 0.45, 0.25, 0.0), (sx * 0.42, 0.26, 0.05)], 0.008, 8, 4) for sx in (-1, 1)
    ]
    return [Part(merge(body, lid), canvas), Part(merge(*straps, *handles), leather), Part(merge(*corners, lock), brass)]


def toaster(shell: Material, slot: Material, chrome: Material) -> list[Part]:
    """A two-slot toaster: a rounded shell, two dark slots in its top, a lever and a browning dial at the side."""
    body = box((0.14, 0.1, 0.09), 0.035, (0, 0.11, 0))
    slots = [box((0.1, 0.002, 0.012), 0.0, (0, 0.21, sz * 0.035)) for sz in (-1, 1)]
    lever = box((0.012, 0.01, 0.02), 0.004, (0.148, 0.15, 0.0))
    dial = place(cylinder(0.016, 0.01, segments=24), (0.14, 0.07, 0.04), roll=-90)
    feet = [box((0.02, 0.006, 0.015), 0.003, (sx * 0.1, 0.006, sz * 0.06)) for sx in (-1, 1) for sz in (-1, 1)]
    return [Part(merge(body), shell), Part(merge(*slots), slot), Part(merge(lever, dial, *feet), chrome)]
