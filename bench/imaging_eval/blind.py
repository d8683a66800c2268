"""The blind set: product photos from a fifth renderer (``blind_render.py``), built by someone who never saw any
cut-out result, and only reported on.

Nothing in the cut-out was tuned on these photos, and they were made without running it: the renderer was
written apart from the other sets' (triangle meshes rasterised with a z-buffer, area lights through shadow
maps, sky occlusion from depth maps, contact occlusion from height maps, GGX shading, textures procedural or
from scikit-image's bundled photos, a camera with defocus, aberration, vignetting, noise, a tone curve and
JPEG). The furniture and home goods of a catalogue, each photo standing for a kind of difficulty in the words
the other sets use; the truth is each pixel's coverage by product geometry (glass included, shadows and
reflections not).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from imaging_eval import blind_products as bp
from imaging_eval.blind_light import Lens, Light, Part, Room, Scene
from imaging_eval.blind_mesh import box, lathe, place
from imaging_eval.blind_render import render_photo
from imaging_eval.blind_texture import Material
from imaging_eval.scenes import RenderedScene

Pt = tuple[float, float, float]


@dataclass(frozen=True)
class BlindPhoto:
    """One photo of the set: its name, the kind of difficulty it stands for, its size and how to build its scene."""

    name: str
    kind: str
    size: tuple[int, int]  # width, height
    notes: str
    build: Callable[[], Scene]
    seed: int = 0


def render_blind(photo: BlindPhoto) -> RenderedScene:
    return render_photo(photo.build(), photo.size, photo.name, photo.kind, photo.notes, photo.seed)


def view(target: Pt, distance: float, azimuth: float = 15.0, elevation: float = 14.0) -> tuple[Pt, Pt]:
    """An eye ``distance`` metres from ``target``, ``azimuth`` degrees to its right and ``elevation`` above."""
    a, e = np.radians(azimuth), np.radians(elevation)
    eye = (
        target[0] + distance * float(np.sin(a) * np.cos(e)),
        target[1] + distance * float(np.sin(e)),
        target[2] + distance * float(np.cos(a) * np.cos(e)),
    )
    return eye, target


def key(x: float = -1.6, y: float = 2.3, z: float = 1.6, power: float = 22.0, radius: float = 0.6) -> Light:
    return Light((x, y, z), power, radius)


def fill(x: float = 2.2, y: float = 1.3, z: float = 2.2, power: float = 5.0, radius: float = 1.0) -> Light:
    return Light((x, y, z), power, radius, samples=6)


# Backdrops and floors
WHITE_PAPER = Material((0.94, 0.94, 0.93), "paper", tile=1.5, rough=0.95)
CREAM_PLASTER = Material((0.91, 0.87, 0.78), "plaster", tile=1.2, rough=0.95, bump=0.25)
PALE_OAK = Material((0.82, 0.7, 0.55), "planks", second=(0.72, 0.58, 0.42), tile=0.85, rough=0.55, seed=3)
DARK_OAK = Material((0.28, 0.2, 0.14), "planks", second=(0.2, 0.14, 0.1), tile=0.85, rough=0.5, seed=4)
CHARCOAL_PAPER = Material((0.2, 0.2, 0.21), "paper", tile=1.5, rough=0.9)
DARK_GREEN_WALL = Material((0.18, 0.22, 0.2), "plaster", tile=1.2, rough=0.95, bump=0.2, seed=2)
GLOSS_GREY_FLOOR = Material((0.3, 0.3, 0.31), "paper", tile=2.0, rough=0.15, gloss=0.9)
GLOSS_BLACK_FLOOR = Material((0.04, 0.04, 0.045), "paper", tile=2.0, rough=0.1, gloss=1.0)
TERRACOTTA_PAPER = Material((0.78, 0.45, 0.32), "paper", tile=1.5, rough=0.95)
SAGE_PAPER = Material((0.62, 0.68, 0.58), "paper", tile=1.5, rough=0.95)
GREY_PAPER = Material((0.66, 0.67, 0.68), "paper", tile=1.5, rough=0.95)
DARK_GREY_PAPER = Material((0.32, 0.32, 0.33), "paper", tile=1.5, rough=0.95)
WARM_GREY_WALL = Material((0.75, 0.72, 0.68), "plaster", tile=1.2, rough=0.95, bump=0.25, seed=5)
WHITE_WALL = Material((0.9, 0.9, 0.88), "plaster", tile=1.2, rough=0.95, bump=0.2, seed=6)
BRICK_WALL = Material((0.66, 0.38, 0.3), "brick", second=(0.8, 0.76, 0.7), tile=2.2, rough=0.9, bump=0.6)
TERRAZZO_FLOOR = Material((0.86, 0.84, 0.8), "terrazzo", second=(0.35, 0.35, 0.36), tile=0.9, rough=0.4)
CONCRETE_FLOOR = Material((0.6, 0.6, 0.58), "plaster", tile=1.6, rough=0.8, bump=0.15, seed=12)
SKIRTING = Material((0.93, 0.93, 0.91), "plain", tile=0.5, rough=0.4)

# Product finishes
OAK = Material((0.76, 0.58, 0.38), "wood", second=(0.6, 0.42, 0.25), tile=0.35, rough=0.45)
ASH = Material((0.86, 0.78, 0.64), "wood", second=(0.76, 0.65, 0.5), tile=0.3, rough=0.5, seed=7)
WALNUT = Material((0.36, 0.22, 0.13), "wood", second=(0.22, 0.13, 0.07), tile=0.4, rough=0.35, seed=8)
BLACK_METAL = Material((0.035, 0.035, 0.04), "plain", tile=0.2, rough=0.4, metal=0.3)
BLACK_LEATHER = Material((0.05, 0.045, 0.045), "leather", second=(0.03, 0.03, 0.03), tile=0.08, rough=0.45, bump=0.4)
COGNAC_LEATHER = Material((0.55, 0.3, 0.15), "leather", second=(0.4, 0.2, 0.1), tile=0.15, rough=0.4, bump=0.8, seed=9)
CHROME = Material((0.95, 0.95, 0.96), "plain", tile=0.3, rough=0.08, metal=1.0)
BRASS = Material((0.85, 0.66, 0.36), "brushed", tile=0.3, rough=0.28, metal=1.0)
CLEAR_GLASS = Material((0.05, 0.05, 0.05), "plain", tile=0.3, rough=0.03, glass=0.96, tint=(0.93, 0.97, 0.95))
GREEN_GLASS = Material((0.02, 0.04, 0.02), "plain", tile=0.3, rough=0.03, glass=0.92, tint=(0.42, 0.66, 0.46))
AMBER_GLASS = Material((0.05, 0.03, 0.01), "plain", tile=0.3, rough=0.03, glass=0.9, tint=(0.9, 0.7, 0.45))
RUBBER = Material((0.05, 0.05, 0.05), "plain", tile=0.2, rough=0.8)
CREAM_LINEN = Material((0.9, 0.86, 0.76), "linen", tile=0.05, rough=0.9, sheen=0.3, bump=0.6)
CREAM_CERAMIC = Material((0.9, 0.86, 0.78), "plain", tile=0.2, rough=0.25)
WHITE_BOUCLE = Material((0.93, 0.92, 0.88), "boucle", tile=0.3, rough=0.95, sheen=0.4, bump=1.5)
TWEED = Material((0.46, 0.48, 0.5), "tweed", second=(0.3, 0.32, 0.35), tile=0.15, rough=0.9, sheen=0.4, bump=1.2)
MUSTARD_VELVET = Material((0.62, 0.43, 0.09), "plain", tile=0.2, rough=0.8, sheen=1.2)
BOOK_RED = Material((0.55, 0.16, 0.12), "linen", tile=0.05, rough=0.8, bump=0.3)
BOOK_BLUE = Material((0.16, 0.24, 0.4), "linen", tile=0.05, rough=0.8, bump=0.3, seed=1)
BOOK_CREAM = Material((0.86, 0.82, 0.72), "linen", tile=0.05, rough=0.8, bump=0.3, seed=2)
WHITE_CERAMIC = Material((0.92, 0.92, 0.9), "plain", tile=0.2, rough=0.22)
KNIT_GREY = Material((0.7, 0.68, 0.64), "knit", tile=0.3, rough=0.95, sheen=0.3, bump=3.0)
RUG_KILIM = Material((0.66, 0.3, 0.2), "kilim", second=(0.78, 0.62, 0.42), tile=0.9, rough=0.9, bump=1.0, seed=11)
RUG_END = Material((0.62, 0.5, 0.38), "rings", second=(0.3, 0.2, 0.15), tile=0.3, rough=0.9, bump=0.5)
FRINGE = Material((0.88, 0.84, 0.76), "plain", tile=0.1, rough=0.9)
RED_LACQUER = Material((0.62, 0.09, 0.07), "plain", tile=0.3, rough=0.12)
WHITE_MARBLE = Material((0.9, 0.9, 0.88), "marble", second=(0.5, 0.5, 0.52), tile=0.5, rough=0.15)
TERRACOTTA_POT = Material((0.7, 0.4, 0.27), "plain", tile=0.2, rough=0.8)
SOIL = Material((0.16, 0.11, 0.08), "gravel", tile=0.2, rough=0.95)
LEAF_GREEN = Material((0.17, 0.36, 0.14), "plain", tile=0.1, rough=0.45, sheen=0.2)
STEM_GREEN = Material((0.3, 0.4, 0.2), "plain", tile=0.1, rough=0.6)
DRIED_STEM = Material((0.62, 0.5, 0.34), "plain", tile=0.1, rough=0.7)
SEED_HEAD = Material((0.7, 0.58, 0.4), "plain", tile=0.1, rough=0.85)
BLUE_CERAMIC = Material((0.2, 0.3, 0.5), "plain", tile=0.2, rough=0.2)
CANE = Material((0.8, 0.64, 0.42), "cane", second=(0.6, 0.44, 0.26), tile=0.12, rough=0.7, bump=1.0)
BULB = Material((1.0, 0.92, 0.78), "plain", tile=0.1, rough=0.3, glow=6.0)
WHITE_CABLE = Material((0.9, 0.9, 0.88), "plain", tile=0.1, rough=0.4)
BLACK_CABLE = Material((0.03, 0.03, 0.03), "plain", tile=0.1, rough=0.35)
MIRROR = Material((0.92, 0.93, 0.93), "plain", tile=0.3, rough=0.02, metal=1.0)
GAP = Material((0.02, 0.015, 0.01), "plain", tile=0.1, rough=0.9)


def sweep(
    paper: Material,
    ambient: float = 0.35,
    sky: Pt = (1.0, 1.0, 1.0),
    wall_z: float = -1.0,
    wall: Material | None = None,
) -> Room:
    """A paper sweep (a glossy sheet on the floor part of it when ``wall`` is the paper behind)."""
    return Room(paper, wall or paper, True, wall_z, 0.6, ambient=ambient, sky=sky)


def room(
    floor: Material,
    wall: Material,
    wall_z: float = -0.6,
    side_x: float | None = None,
    ambient: float = 0.35,
    sky: Pt = (1.0, 1.0, 1.0),
) -> Room:
    """A floor meeting a wall ``wall_z`` metres behind the product at a skirting board (and a corner at ``side_x``)."""
    return Room(floor, wall, False, wall_z, skirting=SKIRTING, side_x=side_x, ambient=ambient, sky=sky)


def scene(parts: list[Part], rm: Room, lights: tuple[Light, ...], cam: tuple[Pt, Pt], lens: Lens) -> Scene:
    return Scene(tuple(parts), rm, lights, cam[0], cam[1], lens)


def moved(parts: list[Part], at: Pt = (0, 0, 0), yaw: float = 0.0) -> list[Part]:
    """The parts moved to ``at`` and turned ``yaw`` degrees about the vertical."""
    return [Part(place(p.mesh, at, yaw), p.material) for p in parts]


# --- the photos ----------------------------------------------------------------------------------------------


def cream_lamp() -> Scene:
    parts = moved(bp.table_lamp(CREAM_CERAMIC, CREAM_LINEN, WHITE_CABLE), (0, 0, 0), yaw=-20)
    rm = room(PALE_OAK, CREAM_PLASTER, wall_z=-0.45, ambient=0.38, sky=(1.0, 0.97, 0.9))
    return scene(
        parts,
        rm,
        (key(-1.4, 2.4, 1.6, 20, 0.9), fill(power=5)),
        view((0.02, 0.42, 0), 2.3, 10, 9),
        Lens(fov=28, roll=0.6, ev=0.15, quality=86, warmth=0.02),
    )


def boucle_armchair() -> Scene:
    parts = moved(bp.boucle_armchair(WHITE_BOUCLE, ASH), yaw=-25)
    return scene(
        parts,
        sweep(WHITE_PAPER, 0.4),
        (key(-1.8, 2.5, 1.5, 26, 0.8), fill()),
        view((0, 0.42, 0), 2.5, 12, 12),
        Lens(fov=30, roll=-0.4, ev=0.25, quality=90, aberration=0.0012),
    )


def black_chair_dark() -> Scene:
    parts = moved(bp.metal_chair(BLACK_METAL, BLACK_LEATHER), yaw=30)
    rim = Light((1.3, 1.9, -1.2), 16, 0.5, samples=6)
    spot_key = Light((-1.6, 2.2, 1.4), 16, 0.7, spot=4.0, aim=(0.0, 0.35, 0.0))
    return scene(
        parts,
        sweep(CHARCOAL_PAPER, 0.1, wall_z=-1.4),
        (spot_key, rim),
        view((0, 0.45, 0), 2.6, -12, 12),
        Lens(fov=30, roll=0.8, quality=85, noise=0.025, sharpen=0.3),
    )


def walnut_sideboard() -> Scene:
    parts = bp.sideboard(WALNUT, GAP, BRASS)
    rm = room(DARK_OAK, DARK_GREEN_WALL, wall_z=-0.3, ambient=0.2)
    return scene(
        parts,
        rm,
        (key(-1.8, 2.0, 2.0, 18, 0.8), fill(power=3)),
        view((0, 0.5, 0), 3.0, 8, 8),
        Lens(fov=34, roll=-0.5, ev=0.3, quality=88, noise=0.015, dof=0.4),
    )


def chrome_stool() -> Scene:
    parts = bp.bar_stool(CHROME, BLACK_LEATHER)
    return scene(
        parts,
        sweep(GLOSS_GREY_FLOOR, 0.35, wall=DARK_GREY_PAPER),
        (key(-1.5, 2.4, 1.4, 22, 0.7), fill(power=6)),
        view((0, 0.4, 0), 2.2, 10, 10),
        Lens(fov=28, roll=0.3, ev=0.2, quality=88),
    )


def lacquer_table() -> Scene:
    parts = bp.pedestal_table(RED_LACQUER, WHITE_MARBLE)
    return scene(
        parts,
        sweep(GLOSS_BLACK_FLOOR, 0.4, wall=GREY_PAPER),
        (key(-1.5, 2.2, 1.2, 20, 0.7), fill(power=5)),
        view((0, 0.3, 0), 1.8, -8, 9),
        Lens(fov=30, roll=-0.6, quality=86),
    )


def glass_bar_cart() -> Scene:
    parts = bp.bar_cart(BRASS, CLEAR_GLASS, GREEN_GLASS, RUBBER)
    rm = room(TERRAZZO_FLOOR, WHITE_WALL, wall_z=-0.5, ambient=0.32)
    return scene(
        parts,
        rm,
        (key(-1.6, 2.8, 1.6, 28, 0.8), fill(power=4)),
        view((0, 0.48, 0), 2.6, 22, 14),
        Lens(fov=30, roll=0.5, quality=87, dof=0.3, aberration=0.001),
    )


def glass_side_table() -> Scene:
    parts = bp.glass_side_table(CLEAR_GLASS, BLACK_METAL)
    return scene(
        parts,
        sweep(GREY_PAPER, 0.38),
        (key(-1.5, 2.4, 1.3, 20, 0.6), fill()),
        view((0, 0.25, 0), 1.65, 12, 20),
        Lens(fov=30, roll=-0.3, quality=89),
    )


def arc_lamp() -> Scene:
    parts = moved(bp.arc_lamp(WHITE_MARBLE, BRASS, BRASS, BLACK_CABLE), (-0.45, 0, 0))
    rm = room(PALE_OAK, WARM_GREY_WALL, wall_z=-0.5, side_x=-0.85, ambient=0.36)
    return scene(
        parts,
        rm,
        (key(-1.5, 2.6, 1.8, 24, 0.8), fill()),
        view((0.05, 1.0, 0), 3.8, 8, 6),
        Lens(fov=34, roll=0.4, quality=88, aberration=0.0015, sharpen=0.25),
    )


def round_mirror() -> Scene:
    parts = bp.round_mirror(BRASS, MIRROR, r=0.45, lean=8.0)
    rm = room(PALE_OAK, WARM_GREY_WALL, wall_z=-0.15, ambient=0.36)
    return scene(
        parts,
        rm,
        (key(-1.5, 2.4, 1.8, 24, 0.8), fill()),
        view((0.0, 0.5, 0), 2.6, -14, 4),
        Lens(fov=32, roll=-0.4, quality=87, aberration=0.001),
    )


def wire_chair() -> Scene:
    parts = moved(bp.wire_chair(BLACK_METAL, COGNAC_LEATHER), yaw=-25)
    return scene(
        parts,
        sweep(WHITE_PAPER, 0.4),
        (key(-1.6, 2.4, 1.4, 22, 0.7), fill()),
        view((0, 0.42, 0), 2.6, 10, 14),
        Lens(fov=28, roll=0.5, quality=90, aberration=0.001),
    )


def wire_basket() -> Scene:
    parts = moved(bp.wire_basket(BLACK_METAL), yaw=10)
    rm = room(CONCRETE_FLOOR, WHITE_WALL, wall_z=-0.35, ambient=0.4)
    return scene(
        parts,
        rm,
        (key(-1.2, 1.8, 1.2, 18, 0.6), fill()),
        view((0, 0.15, 0), 1.3, 8, 24),
        Lens(fov=30, roll=-0.7, quality=84),
    )


def ladder_shelf() -> Scene:
    parts = bp.ladder_shelf(OAK)
    spots = bp.shelf_heights()
    y1, z1 = spots[1]
    y2, z2 = spots[2]
    y0, z0 = spots[0]
    parts += [
        Part(
            lathe(
                [(0, 0), (0.05, 0), (0.07, 0.08), (0.04, 0.17), (0.03, 0.2), (0.0, 0.2)],
                40,
                (-0.12, y2, z2),
                smooth=True,
            ),
            WHITE_CERAMIC,
        ),
        Part(box((0.11, 0.016, 0.075), 0.003, (0.12, y1 + 0.016, z1)), BOOK_RED),
        Part(box((0.1, 0.014, 0.07), 0.003, (0.13, y1 + 0.046, z1)), BOOK_CREAM),
        Part(box((0.095, 0.018, 0.072), 0.003, (0.11, y1 + 0.078, z1)), BOOK_BLUE),
        Part(lathe([(0, 0), (0.06, 0), (0.1, 0.05), (0.11, 0.07), (0.0, 0.07)], 40, (0.05, y0, z0)), BLUE_CERAMIC),
    ]
    rm = room(PALE_OAK, BRICK_WALL, wall_z=-0.36, ambient=0.38)
    return scene(
        parts,
        rm,
        (key(-1.5, 2.5, 2.0, 24, 0.8), fill()),
        view((0, 0.85, 0), 3.9, 6, 4),
        Lens(fov=30, roll=0.3, quality=86),
    )


def knit_pouf() -> Scene:
    parts = bp.pouf(KNIT_GREY)
    return scene(
        parts,
        sweep(WHITE_PAPER, 0.35),
        (key(-1.4, 2.0, 1.4, 20, 0.6), fill()),
        view((0, 0.2, 0), 1.6, 5, 16),
        Lens(fov=28, roll=0.4, quality=92, subsampling=0),
    )


def tweed_sofa() -> Scene:
    parts = bp.sofa(TWEED, WALNUT)
    rm = room(PALE_OAK, WHITE_WALL, wall_z=-0.55, ambient=0.3)
    return scene(
        parts,
        rm,
        (key(-1.9, 3.3, 1.9, 40, 0.9), fill(2.6, 1.4, 2.6, 5, 1.2)),
        view((0, 0.45, 0), 3.6, 10, 8),
        Lens(fov=32, roll=-0.3, quality=90, dof=0.3),
    )


def potted_plant() -> Scene:
    parts = bp.potted_plant(TERRACOTTA_POT, SOIL, LEAF_GREEN, STEM_GREEN)
    back = Light((0.0, 0.4, -0.3), 9.0, 0.3, samples=0, spot=5.0, aim=(0.0, 1.2, -1.2))
    return scene(
        parts,
        sweep(GREY_PAPER, 0.22),
        (key(-1.4, 2.2, 1.4, 18, 0.6), back),
        view((0, 0.5, 0), 2.7, 8, 10),
        Lens(fov=30, roll=0.5, quality=88, vignette=0.55),
    )


def leather_ottoman() -> Scene:
    parts = moved(bp.ottoman(COGNAC_LEATHER, WALNUT), yaw=15)
    back = Light((0.0, 0.25, -0.4), 7.0, 0.3, samples=0, spot=4.0, aim=(0.0, 0.9, -1.3))
    return scene(
        parts,
        sweep(SAGE_PAPER, 0.25),
        (key(-1.5, 2.0, 1.5, 18, 0.7), back),
        view((0, 0.22, 0), 2.3, 12, 14),
        Lens(fov=30, roll=-0.5, quality=88, vignette=0.5),
    )


def sofa_cut() -> Scene:
    parts = bp.sofa(MUSTARD_VELVET, BLACK_METAL, width=2.3)
    rm = room(PALE_OAK, WARM_GREY_WALL, wall_z=-0.6, ambient=0.3)
    return scene(
        parts,
        rm,
        (key(-1.8, 3.2, 1.8, 38, 0.9), fill(power=4)),
        view((0.55, 0.45, 0), 2.9, 18, 10),
        Lens(fov=32, roll=0.4, quality=88),
    )


def coat_rack_cut() -> Scene:
    parts = bp.coat_rack(WALNUT)
    rm = room(PALE_OAK, WHITE_WALL, wall_z=-0.5, ambient=0.42)
    return scene(
        parts,
        rm,
        (key(-1.4, 2.4, 1.6, 22, 0.7), fill()),
        view((0.05, 1.02, 0), 2.3, 10, 2),
        Lens(fov=34, roll=-0.4, quality=88),
    )


def oak_stool_soft() -> Scene:
    parts = bp.oak_stool(OAK)
    return scene(
        parts,
        sweep(WHITE_PAPER, 0.16),
        (Light((-1.9, 1.5, 0.5), 22, 0.9, samples=10), fill(power=1)),
        view((0, 0.25, 0), 1.7, 10, 18),
        Lens(fov=28, roll=0.3, quality=90),
    )


def rolled_rug() -> Scene:
    parts = moved(bp.rolled_rug(RUG_KILIM, RUG_END, fringe=FRINGE), yaw=-32)
    return scene(
        parts,
        sweep(WHITE_PAPER, 0.18),
        (Light((-1.7, 1.4, 0.9), 20, 0.9, samples=10), fill(power=2)),
        view((0, 0.13, 0), 2.1, 8, 16),
        Lens(fov=30, roll=-0.4, quality=89),
    )


def rattan_pendant() -> Scene:
    parts = bp.pendant(CANE, BLACK_CABLE, BULB, drop=0.85, top=2.35)
    rm = room(PALE_OAK, WHITE_WALL, wall_z=-0.7, ambient=0.45)
    return scene(
        parts,
        rm,
        (key(-1.4, 2.3, 1.6, 18, 0.7), fill()),
        view((0, 1.72, 0), 2.0, 6, -2),
        Lens(fov=34, roll=0.3, quality=62, recompress=74, subsampling=2, sharpen=0.4),
    )


def chair_jpeg() -> Scene:
    parts = moved(bp.spindle_chair(WALNUT), yaw=28)
    return scene(
        parts,
        sweep(WHITE_PAPER, 0.4),
        (key(), fill()),
        view((0, 0.45, 0), 2.8, 12, 12),
        Lens(fov=28, roll=-0.5, quality=60, recompress=70, sharpen=0.6),
    )


def mustard_armchair() -> Scene:
    parts = moved(bp.boucle_armchair(MUSTARD_VELVET, WALNUT), yaw=-20)
    return scene(
        parts,
        sweep(TERRACOTTA_PAPER, 0.35, sky=(1.0, 0.92, 0.85)),
        (key(-1.7, 2.4, 1.5, 24, 0.8), fill()),
        view((0, 0.42, 0), 3.1, 14, 12),
        Lens(fov=30, roll=0.5, quality=88),
    )


def vase_stems() -> Scene:
    parts = bp.vase_with_stems(BLUE_CERAMIC, DRIED_STEM, SEED_HEAD)
    return scene(
        parts,
        sweep(SAGE_PAPER, 0.35),
        (key(-1.3, 2.0, 1.4, 20, 0.6), fill()),
        view((0, 0.5, 0), 2.3, 6, 10),
        Lens(fov=30, roll=-0.3, quality=88, sharpen=0.35, aberration=0.0008),
    )


BLIND: list[BlindPhoto] = [
    BlindPhoto(
        "cream_lamp_on_cream_wall",
        "pale on pale",
        (1200, 1500),
        "cream linen shade against a cream wall",
        cream_lamp,
        1,
    ),
    BlindPhoto(
        "boucle_armchair_white_sweep", "pale on pale", (1500, 1125), "white bouclé on white paper", boucle_armchair, 2
    ),
    BlindPhoto(
        "black_chair_dark_studio",
        "dark on dark",
        (1300, 1300),
        "black metal and leather on charcoal",
        black_chair_dark,
        3,
    ),
    BlindPhoto(
        "walnut_sideboard_dark_room",
        "dark on dark",
        (2000, 1125),
        "walnut against a dark green wall",
        walnut_sideboard,
        4,
    ),
    BlindPhoto(
        "chrome_bar_stool_gloss_floor",
        "glossy with floor reflection",
        (1000, 1400),
        "chrome and leather mirrored in a grey gloss floor",
        chrome_stool,
        5,
    ),
    BlindPhoto(
        "lacquer_table_gloss_floor",
        "glossy with floor reflection",
        (1100, 1100),
        "red lacquer and marble mirrored in a black gloss floor",
        lacquer_table,
        6,
    ),
    BlindPhoto(
        "bar_cart_glass_shelves",
        "glass parts",
        (1200, 1200),
        "brass cart, glass shelves and bottles",
        glass_bar_cart,
        7,
    ),
    BlindPhoto(
        "glass_top_side_table", "glass parts", (1200, 900), "clear glass top on a black tripod", glass_side_table, 8
    ),
    BlindPhoto(
        "round_mirror_leaning",
        "glass parts",
        (900, 1200),
        "a mirror in a brass ring, leaning on the wall",
        round_mirror,
        25,
    ),
    BlindPhoto(
        "arc_floor_lamp_cable", "thin legs and wires", (1100, 1500), "thin arc, cable along the floor", arc_lamp, 9
    ),
    BlindPhoto("wire_side_chair", "thin legs and wires", (1000, 1250), "welded wire shell on rods", wire_chair, 10),
    BlindPhoto(
        "wire_basket_on_floor", "holes", (900, 900), "wire lattice showing the floor through it", wire_basket, 11
    ),
    BlindPhoto(
        "ladder_shelf_brick_wall", "holes", (1000, 1500), "open ladder shelf leaning on brick", ladder_shelf, 12
    ),
    BlindPhoto("knit_pouf", "textured fabric", (900, 700), "chunky knit", knit_pouf, 13),
    BlindPhoto("tweed_sofa", "textured fabric", (1800, 990), "tweed three-seater in a room", tweed_sofa, 14),
    BlindPhoto(
        "plant_on_gradient",
        "gradient/vignette backdrop",
        (1000, 1250),
        "backdrop light pool, dark corners",
        potted_plant,
        15,
    ),
    BlindPhoto(
        "leather_ottoman_gradient",
        "gradient/vignette backdrop",
        (1200, 860),
        "pool of light on sage",
        leather_ottoman,
        16,
    ),
    BlindPhoto(
        "sofa_cut_by_frame", "cut by the frame", (1500, 940), "velvet sofa running out of the left edge", sofa_cut, 17
    ),
    BlindPhoto(
        "coat_rack_cut_by_frame", "cut by the frame", (900, 1350), "hooks above the top edge", coat_rack_cut, 18
    ),
    BlindPhoto(
        "oak_stool_soft_shadow", "soft floor shadow", (800, 800), "a very large softbox overhead", oak_stool_soft, 19
    ),
    BlindPhoto("rolled_rug_soft_shadow", "soft floor shadow", (1400, 840), "rolled rug with fringes", rolled_rug, 20),
    BlindPhoto("rattan_pendant_jpeg", "JPEG artefacts", (700, 900), "saved twice, at 74 then 62", rattan_pendant, 21),
    BlindPhoto(
        "spindle_chair_jpeg", "JPEG artefacts", (640, 800), "saved twice, at 70 then 60, sharpened", chair_jpeg, 22
    ),
    BlindPhoto(
        "mustard_armchair_terracotta",
        "coloured backdrop",
        (1400, 1120),
        "mustard velvet on terracotta",
        mustard_armchair,
        23,
    ),
    BlindPhoto("vase_with_stems_sage", "coloured backdrop", (1000, 1400), "dried stems on sage paper", vase_stems, 24),
]
