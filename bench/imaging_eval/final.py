"""The final set: product photos built by someone who never saw any cut-out result, evaluated once;
the cut-out was corrected on what it showed afterwards, so it is a tuning set now.

It was built to measure the cut-out on photos nothing was tuned on: while the set was made, no part of the cut-out
was run and no result of it (nor any figure about which photos of the other sets failed) was looked at; only the
renders and their true alpha were, on the contact sheet of ``preview.py final``. The photos come from the blind
set's renderer (``blind_render.py``) with products, materials, backdrops, lighting and camera angles of their own
(``final_products.py``): catalogue furniture and home goods, each standing for one kind of difficulty in the words
the other sets use. The truth is each pixel's coverage by product geometry: glass included, shadows and
reflections not.
"""

from __future__ import annotations

from collections.abc import Callable

from imaging_eval import final_products as fp
from imaging_eval.blind import BlindPhoto
from imaging_eval.blind_light import Lens, Light, Scene
from imaging_eval.blind_texture import Material
from imaging_eval.staging import build, camera, soft, sweep, turned, wall_floor

FINAL_SEED = 200  # seeds of this set's photos start past the fresh set's


# Backdrops and floors: sheets, paints and floors of this set's own colours.
BONE_PAPER = Material((0.94, 0.94, 0.92), "paper", tile=1.4, rough=0.95, seed=121)
SHELL_WALL = Material((0.92, 0.9, 0.87), "plaster", tile=1.1, rough=0.95, bump=0.12, seed=122)
PALE_LIMESTONE = Material((0.86, 0.84, 0.8), "plaster", tile=1.6, rough=0.8, bump=0.1, seed=123)
IVORY_SKIRTING = Material((0.93, 0.92, 0.88), "plain", tile=0.5, rough=0.45, seed=124)
ASH_GREY_WALL = Material((0.25, 0.25, 0.26), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=125)
BASALT_FLOOR = Material((0.16, 0.16, 0.17), "plaster", tile=1.4, rough=0.75, bump=0.1, seed=126)
ASH_GREY_SKIRTING = Material((0.22, 0.22, 0.23), "plain", tile=0.5, rough=0.5, seed=127)
CHARCOAL_PAPER = Material((0.17, 0.17, 0.18), "paper", tile=1.4, rough=0.92, seed=128)
PUTTY_PAPER = Material((0.8, 0.78, 0.74), "paper", tile=1.4, rough=0.95, seed=129)
GLOSS_WHITE_SHEET = Material((0.86, 0.86, 0.85), "paper", tile=2.0, rough=0.1, gloss=0.8, seed=130)
TEAL_PAPER = Material((0.3, 0.44, 0.46), "paper", tile=1.4, rough=0.95, seed=131)
GLOSS_BLACK_SHEET = Material((0.07, 0.07, 0.08), "paper", tile=2.0, rough=0.06, gloss=0.95, seed=132)
BLUSH_WALL = Material((0.88, 0.78, 0.74), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=133)
WALNUT_PLANK_FLOOR = Material((0.5, 0.36, 0.25), "planks", second=(0.4, 0.28, 0.19), tile=0.9, rough=0.5, seed=134)
WHITE_SKIRTING = Material((0.95, 0.95, 0.94), "plain", tile=0.5, rough=0.4, seed=135)
PALE_GREY_PAPER = Material((0.8, 0.81, 0.82), "paper", tile=1.4, rough=0.95, seed=136)
OLIVE_PAPER = Material((0.55, 0.56, 0.42), "paper", tile=1.4, rough=0.95, seed=137)
LAVENDER_WALL = Material((0.74, 0.72, 0.8), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=138)
GREY_OAK_FLOOR = Material((0.66, 0.62, 0.56), "planks", second=(0.58, 0.54, 0.48), tile=0.8, rough=0.55, seed=139)
LINEN_PAPER = Material((0.87, 0.84, 0.78), "paper", tile=1.4, rough=0.95, seed=140)
BUTTER_PAPER = Material((0.93, 0.88, 0.7), "paper", tile=1.4, rough=0.95, seed=141)
DEEP_GREEN_PAPER = Material((0.22, 0.32, 0.27), "paper", tile=1.4, rough=0.95, seed=142)
TERRACOTTA_PAPER = Material((0.72, 0.45, 0.34), "paper", tile=1.4, rough=0.95, seed=143)
STONE_WALL = Material((0.78, 0.76, 0.72), "plaster", tile=1.1, rough=0.95, bump=0.18, seed=144)
CONCRETE_FLOOR = Material((0.6, 0.6, 0.58), "plaster", tile=1.5, rough=0.85, bump=0.12, seed=145)
DOVE_PAPER = Material((0.84, 0.83, 0.8), "paper", tile=1.4, rough=0.95, seed=146)
POWDER_BLUE_WALL = Material((0.76, 0.82, 0.86), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=147)
CHALK_STONE_WALL = Material((0.9, 0.89, 0.86), "plaster", tile=1.1, rough=0.95, bump=0.18, seed=149)
PINE_FLOOR = Material((0.8, 0.66, 0.46), "planks", second=(0.72, 0.57, 0.38), tile=0.7, rough=0.55, seed=148)

# Product finishes
CHALK_PAINT = Material((0.93, 0.93, 0.91), "plain", tile=0.2, rough=0.55, seed=150)
WHITEWASHED_BIRCH = Material((0.9, 0.88, 0.84), "wood", second=(0.84, 0.81, 0.75), tile=0.3, rough=0.5, seed=151)
PALE_RUBBER = Material((0.84, 0.84, 0.82), "plain", tile=0.1, rough=0.8, seed=152)
BLACK_ASH = Material((0.07, 0.065, 0.06), "wood", second=(0.04, 0.035, 0.03), tile=0.3, rough=0.45, seed=153)
DEEP_GAP = Material((0.01, 0.01, 0.01), "plain", tile=0.1, rough=0.9, seed=154)
GUNMETAL = Material((0.2, 0.2, 0.21), "plain", tile=0.1, rough=0.3, metal=1.0, seed=155)
ESPRESSO_OAK = Material((0.14, 0.1, 0.08), "wood", second=(0.09, 0.06, 0.045), tile=0.35, rough=0.5, seed=156)
BLACKENED_STEEL = Material((0.06, 0.06, 0.06), "plain", tile=0.1, rough=0.35, metal=0.6, seed=157)
CHERRY_LACQUER = Material((0.55, 0.08, 0.07), "plain", tile=0.3, rough=0.08, seed=158)
POLISHED_COPPER = Material((0.86, 0.52, 0.36), "plain", tile=0.3, rough=0.12, metal=1.0, seed=159)
POLISHED_BRASS = Material((0.86, 0.7, 0.4), "plain", tile=0.2, rough=0.15, metal=1.0, seed=160)
CLEAR_GLASS = Material((0.04, 0.04, 0.04), "plain", tile=0.3, rough=0.03, glass=0.95, tint=(0.93, 0.97, 0.96))
SATIN_GOLD = Material((0.8, 0.66, 0.42), "brushed", tile=0.25, rough=0.3, metal=1.0, seed=161)
SAND_STONEWARE = Material((0.78, 0.7, 0.6), "plain", tile=0.2, rough=0.6, seed=162)
BOOK_RUST = Material((0.62, 0.3, 0.2), "linen", tile=0.05, rough=0.8, bump=0.3, seed=163)
BOOK_NAVY = Material((0.16, 0.2, 0.32), "linen", tile=0.05, rough=0.8, bump=0.3, seed=164)
BOOK_SAND = Material((0.84, 0.78, 0.66), "linen", tile=0.05, rough=0.8, bump=0.3, seed=165)
WHITE_MARBLE = Material((0.9, 0.89, 0.87), "marble", second=(0.55, 0.55, 0.56), tile=0.3, rough=0.2, seed=166)
SOFT_BULB = Material((1.0, 0.93, 0.8), "plain", tile=0.1, rough=0.3, glow=4.0, seed=167)
POWDER_WHITE_STEEL = Material((0.9, 0.9, 0.88), "plain", tile=0.1, rough=0.4, metal=0.2, seed=168)
BLACK_WIRE = Material((0.05, 0.05, 0.05), "plain", tile=0.1, rough=0.4, metal=0.3, seed=169)
MUSTARD_ENAMEL = Material((0.8, 0.6, 0.16), "plain", tile=0.2, rough=0.25, seed=170)
NATURAL_BEECH = Material((0.76, 0.6, 0.42), "wood", second=(0.66, 0.5, 0.33), tile=0.3, rough=0.45, seed=171)
CANE_STRAND = Material((0.78, 0.64, 0.42), "cane", second=(0.62, 0.48, 0.3), tile=0.08, rough=0.6, seed=172)
OAT_CUSHION = Material((0.82, 0.78, 0.7), "linen", tile=0.05, rough=0.9, sheen=0.3, bump=0.5, seed=173)
SAGE_PEGBOARD = Material((0.62, 0.68, 0.6), "plain", tile=0.2, rough=0.7, seed=174)
BRASS_HOOK = Material((0.8, 0.64, 0.36), "plain", tile=0.1, rough=0.3, metal=1.0, seed=175)
OCHRE_TWILL = Material(
    (0.72, 0.52, 0.2), "twill", second=(0.58, 0.4, 0.14), tile=0.12, rough=0.9, sheen=0.35, bump=1.0, seed=176
)
CHARCOAL_TWILL = Material(
    (0.3, 0.3, 0.32), "twill", second=(0.22, 0.22, 0.24), tile=0.12, rough=0.9, sheen=0.35, bump=1.0, seed=177
)
JUTE_WEAVE = Material(
    (0.66, 0.56, 0.4), "weave", second=(0.5, 0.42, 0.28), tile=0.09, rough=0.95, sheen=0.2, bump=1.4, seed=178
)
DARK_WALNUT = Material((0.32, 0.21, 0.13), "wood", second=(0.22, 0.14, 0.08), tile=0.3, rough=0.45, seed=179)
COBALT_GLAZE = Material((0.14, 0.26, 0.56), "plain", tile=0.2, rough=0.15, seed=180)
CHESTNUT = Material((0.42, 0.26, 0.14), "wood", second=(0.3, 0.18, 0.09), tile=0.2, rough=0.4, seed=181)
BLACK_CANOPY = Material((0.08, 0.08, 0.09), "linen", tile=0.04, rough=0.6, bump=0.2, seed=182)
WARM_WALNUT = Material((0.46, 0.3, 0.18), "wood", second=(0.34, 0.21, 0.12), tile=0.3, rough=0.4, seed=183)
BRONZE = Material((0.45, 0.34, 0.22), "brushed", tile=0.2, rough=0.35, metal=1.0, seed=184)
SCRUBBED_OAK = Material((0.74, 0.64, 0.5), "wood", second=(0.64, 0.53, 0.39), tile=0.4, rough=0.6, seed=185)
GRAPHITE_PAINT = Material((0.26, 0.27, 0.28), "plain", tile=0.2, rough=0.55, seed=186)
DUCK_EGG_PAINT = Material((0.64, 0.74, 0.72), "plain", tile=0.2, rough=0.55, seed=187)
PEWTER_KNOB = Material((0.6, 0.6, 0.6), "plain", tile=0.1, rough=0.3, metal=1.0, seed=188)
FIBRE_CONCRETE = Material((0.55, 0.55, 0.53), "plaster", tile=0.3, rough=0.85, bump=0.3, seed=189)
BARK_SOIL = Material((0.26, 0.19, 0.13), "gravel", tile=0.15, rough=0.95)
BOX_STEM = Material((0.38, 0.3, 0.22), "plain", tile=0.1, rough=0.7, seed=190)
BOX_LEAVES = Material((0.22, 0.38, 0.16), "boucle", tile=0.12, rough=0.6, sheen=0.2, bump=1.5, seed=191)
CELADON_CRACKLE = Material((0.6, 0.7, 0.62), "plain", tile=0.2, rough=0.2, seed=192)
WHITE_LINEN_SHADE = Material((0.93, 0.91, 0.86), "linen", tile=0.05, rough=0.9, bump=0.3, glow=0.25, seed=193)


# --- the photos ----------------------------------------------------------------------------------------------


def white_slat_bench() -> Scene:
    # Chalk paint on bone paper under broad front light: the slats' edges are small steps in shading only.
    return build(
        turned(fp.slat_bench(CHALK_PAINT), -18),
        sweep(BONE_PAPER, 0.45, -0.9),
        (soft((-1.6, 2.2, 2.0), 18, 1.0), soft((1.8, 1.2, 2.0), 8, 1.1, 6)),
        camera((0.0, 0.24, 0.0), 2.2, 12, 17),
        Lens(fov=28, roll=0.4, ev=0.35, quality=90, vignette=0.05),
    )


def birch_step_stool() -> Scene:
    return build(
        turned(fp.step_stool(WHITEWASHED_BIRCH, PALE_RUBBER), 32),
        wall_floor(PALE_LIMESTONE, SHELL_WALL, -0.45, IVORY_SKIRTING, 0.44),
        (soft((1.4, 1.9, 1.6), 14, 0.9), soft((-1.6, 1.1, 1.6), 6, 1.0, 6)),
        camera((0.0, 0.24, 0.0), 2.1, -8, 20),
        Lens(fov=26, roll=-0.5, ev=0.3, quality=89, warmth=0.015),
    )


def black_writing_desk() -> Scene:
    # A rim light from behind left keeps the black top's edge just readable against the grey wall.
    return build(
        turned(fp.writing_desk(BLACK_ASH, DEEP_GAP, GUNMETAL), 20),
        wall_floor(BASALT_FLOOR, ASH_GREY_WALL, -0.6, ASH_GREY_SKIRTING, 0.22),
        (soft((1.6, 2.2, 1.8), 18, 0.7), Light((-1.4, 1.6, -0.4), 8, 0.4, samples=6)),
        camera((0.0, 0.4, 0.0), 3.0, -15, 14),
        Lens(fov=28, roll=0.4, ev=0.1, quality=86, noise=0.02),
    )


def espresso_chest_charcoal() -> Scene:
    return build(
        turned(fp.chest_of_drawers(ESPRESSO_OAK, DEEP_GAP, BLACKENED_STEEL), -25),
        sweep(CHARCOAL_PAPER, 0.16, -0.9),
        (
            Light((-1.4, 2.0, 1.8), 18, 0.4, samples=8, spot=4.0, aim=(0.0, 0.5, 0.0)),
            soft((1.6, 1.4, 1.2), 6, 0.8, 6),
        ),
        camera((0.0, 0.44, 0.0), 2.9, 20, 10),
        Lens(fov=28, roll=-0.3, ev=0.05, quality=86, noise=0.025, vignette=0.2),
    )


def cherry_oval_table_gloss() -> Scene:
    return build(
        turned(fp.oval_coffee_table(CHERRY_LACQUER), 8),
        sweep(PUTTY_PAPER, 0.34, -1.0, GLOSS_WHITE_SHEET),
        (soft((-1.6, 2.2, 1.8), 20, 0.9), soft((2.0, 1.4, 1.6), 7, 1.0, 6)),
        camera((0.0, 0.2, 0.0), 2.5, 10, 12),
        Lens(fov=28, roll=0.3, ev=0.15, quality=88),
    )


def copper_can_black_gloss() -> Scene:
    return build(
        turned(fp.watering_can(POLISHED_COPPER, POLISHED_BRASS), -20),
        sweep(TEAL_PAPER, 0.3, -0.8, GLOSS_BLACK_SHEET),
        (soft((-1.0, 1.6, 1.2), 12, 0.6), soft((1.2, 0.9, 1.2), 5, 0.9, 6)),
        camera((0.05, 0.19, 0.0), 1.75, 4, 10),
        Lens(fov=28, roll=-0.4, ev=0.2, quality=88, aberration=0.001),
    )


def glass_etagere() -> Scene:
    return build(
        turned(fp.etagere(SATIN_GOLD, CLEAR_GLASS, SAND_STONEWARE, (BOOK_RUST, BOOK_NAVY, BOOK_SAND)), -16),
        wall_floor(WALNUT_PLANK_FLOOR, BLUSH_WALL, -0.5, WHITE_SKIRTING, 0.38),
        (soft((-1.8, 2.6, 2.0), 24, 0.9), soft((2.0, 1.5, 2.0), 7, 1.0, 6)),
        camera((0.0, 0.66, 0.0), 3.2, 12, 9),
        Lens(fov=30, roll=0.4, ev=0.2, quality=88),
    )


def glass_globe_lamp() -> Scene:
    return build(
        turned(fp.globe_floor_lamp(CLEAR_GLASS, POLISHED_BRASS, WHITE_MARBLE, SOFT_BULB), 0),
        sweep(PALE_GREY_PAPER, 0.36, -1.0),
        (soft((-1.4, 2.4, 1.6), 20, 0.8), soft((1.6, 1.6, 1.8), 6, 1.0, 6)),
        camera((0.0, 0.84, 0.0), 3.4, -6, 6),
        Lens(fov=30, roll=-0.3, ev=0.2, quality=89),
    )


def white_airer_olive() -> Scene:
    # White wire on olive paper, a little from above so that the rails cross each other and the legs.
    return build(
        turned(fp.clothes_airer(POWDER_WHITE_STEEL), 28),
        sweep(OLIVE_PAPER, 0.34, -1.0),
        (soft((-1.6, 2.4, 1.6), 18, 0.6), soft((1.8, 1.4, 1.8), 6, 1.0, 6)),
        camera((0.0, 0.46, 0.0), 2.6, 18, 16),
        Lens(fov=28, roll=0.5, ev=0.2, quality=88, sharpen=0.2),
    )


def tray_table_lavender() -> Scene:
    return build(
        turned(fp.tray_table(MUSTARD_ENAMEL, BLACK_WIRE), 12),
        wall_floor(GREY_OAK_FLOOR, LAVENDER_WALL, -0.5, WHITE_SKIRTING, 0.38),
        (Light((1.2, 1.8, 1.2), 14, 0.25, samples=8), soft((-1.6, 1.0, 1.6), 5, 1.0, 6)),
        camera((0.0, 0.3, 0.0), 1.9, -10, 12),
        Lens(fov=26, roll=-0.6, ev=0.2, quality=88),
    )


def cane_lounge_chair() -> Scene:
    # Turned three-quarters so the paper shows through the open weave of the back.
    return build(
        turned(fp.cane_lounge_chair(NATURAL_BEECH, CANE_STRAND, OAT_CUSHION), 35),
        sweep(LINEN_PAPER, 0.36, -1.0),
        (soft((-1.6, 2.2, 1.8), 20, 0.7), soft((1.8, 1.3, 1.8), 6, 1.0, 6)),
        camera((0.0, 0.38, 0.0), 2.3, 20, 12),
        Lens(fov=28, roll=0.3, ev=0.2, quality=88),
    )


def sage_pegboard_screen() -> Scene:
    return build(
        turned(fp.pegboard_screen(SAGE_PEGBOARD, NATURAL_BEECH, BRASS_HOOK), -10),
        sweep(BUTTER_PAPER, 0.36, -1.0),
        (Light((-1.4, 2.0, 1.8), 18, 0.35, samples=8), soft((1.8, 1.2, 1.8), 6, 1.0, 6)),
        camera((0.0, 0.66, 0.0), 3.7, 8, 4),
        Lens(fov=28, roll=-0.4, ev=0.2, quality=88),
    )


def twill_floor_cushions() -> Scene:
    return build(
        turned(fp.floor_cushions(CHARCOAL_TWILL, OCHRE_TWILL), -10),
        sweep(DOVE_PAPER, 0.36, -0.9),
        (soft((-1.4, 1.8, 1.2), 14, 0.5), soft((1.6, 1.0, 1.6), 5, 1.0, 6)),
        camera((0.0, 0.12, 0.0), 1.7, 14, 26),
        Lens(fov=28, roll=0.4, ev=0.2, quality=89),
    )


def jute_storage_bench() -> Scene:
    return build(
        turned(fp.storage_bench(JUTE_WEAVE, DARK_WALNUT), 16),
        wall_floor(CONCRETE_FLOOR, STONE_WALL, -0.5, WHITE_SKIRTING, 0.38),
        (soft((-1.6, 2.0, 1.4), 18, 0.6), soft((1.8, 1.2, 1.8), 6, 1.0, 6)),
        camera((0.0, 0.24, 0.0), 2.0, -16, 14),
        Lens(fov=30, roll=-0.5, ev=0.2, quality=88),
    )


def umbrella_stand_vignette() -> Scene:
    # A spot pooled on the deep green paper behind and a heavy lens vignette: a bright middle, dark corners.
    return build(
        turned(fp.umbrella_stand(COBALT_GLAZE, CHESTNUT, BLACK_CANOPY), -20),
        sweep(DEEP_GREEN_PAPER, 0.16, -0.8),
        (
            Light((0.4, 2.2, 2.2), 26, 0.5, samples=8, spot=7.0, aim=(0.0, 0.5, -0.8)),
            soft((-1.6, 1.4, 1.6), 7, 0.9, 6),
        ),
        camera((0.0, 0.46, 0.0), 2.4, -6, 6),
        Lens(fov=30, roll=0.4, ev=0.05, quality=87, vignette=0.55),
    )


def walnut_tier_table_gradient() -> Scene:
    # A hard spot from high up lights the top of the terracotta paper; it falls off towards the floor and sides.
    return build(
        turned(fp.two_tier_table(WARM_WALNUT, BRONZE), 30),
        sweep(TERRACOTTA_PAPER, 0.12, -0.9),
        (
            Light((-0.3, 2.6, 0.8), 24, 0.4, samples=8, spot=5.0, aim=(0.0, 0.9, -0.9)),
            soft((1.4, 1.2, 1.6), 6, 0.9, 6),
        ),
        camera((0.0, 0.3, 0.0), 1.9, 12, 12),
        Lens(fov=30, roll=-0.3, ev=0.05, quality=87, vignette=0.4),
    )


def trestle_table_cut_left() -> Scene:
    # The table runs out of the left edge only: its right end and trestle stand whole inside the frame.
    return build(
        turned(fp.trestle_table(SCRUBBED_OAK, GRAPHITE_PAINT), 0),
        wall_floor(PINE_FLOOR, POWDER_BLUE_WALL, -0.9, WHITE_SKIRTING, 0.38),
        (soft((-1.8, 2.6, 2.2), 24, 0.9), soft((2.2, 1.6, 2.2), 7, 1.0, 6)),
        camera((0.55, 0.42, 0.0), 2.9, -12, 14),
        Lens(fov=30, roll=0.3, ev=0.2, quality=88),
    )


def armoire_cut_bottom() -> Scene:
    # Framed on the cornice and doors: the lower doors and plinth run out of the bottom edge.
    return build(
        turned(fp.armoire(DUCK_EGG_PAINT, DEEP_GAP, PEWTER_KNOB), -14),
        wall_floor(GREY_OAK_FLOOR, CHALK_STONE_WALL, -0.42, WHITE_SKIRTING, 0.38),
        (soft((-1.8, 2.8, 2.2), 26, 0.9), soft((2.0, 1.8, 2.2), 7, 1.0, 6)),
        camera((0.0, 1.35, 0.0), 3.6, 10, 4),
        Lens(fov=30, roll=-0.3, ev=0.2, quality=88),
    )


def topiary_soft_shadow() -> Scene:
    # One very large light above and a little in front: a broad shadow with no hard edge round the planter.
    return build(
        turned(fp.topiary(FIBRE_CONCRETE, BARK_SOIL, BOX_STEM, BOX_LEAVES), 0),
        sweep(LINEN_PAPER, 0.22, -1.0),
        (soft((-0.4, 2.2, 1.0), 28, 1.4, 16), soft((1.8, 1.0, 2.4), 3, 1.0, 6)),
        camera((0.0, 0.44, 0.0), 2.6, 8, 14),
        Lens(fov=28, roll=0.4, ev=0.2, quality=88),
    )


def drum_lamp_jpeg() -> Scene:
    return build(
        turned(fp.drum_shade_lamp(CELADON_CRACKLE, WHITE_LINEN_SHADE, POLISHED_BRASS), 0),
        sweep(PALE_GREY_PAPER, 0.36, -0.7),
        (soft((-1.2, 1.6, 1.3), 12, 0.6), soft((1.4, 1.0, 1.4), 4, 1.0, 6)),
        camera((0.0, 0.3, 0.0), 1.5, 10, 8),
        Lens(fov=28, roll=0.7, ev=0.2, quality=42, subsampling=2, recompress=65, noise=0.02),
    )


def _photo(name: str, kind: str, size: tuple[int, int], notes: str, scene: Callable[[], Scene], k: int) -> BlindPhoto:
    return BlindPhoto(name, kind, size, notes, scene, FINAL_SEED + k)


FINAL: list[BlindPhoto] = [
    _photo("white_slat_bench_bone", "pale on pale", (1400, 900), "chalk-white bench, bone sweep", white_slat_bench, 1),
    _photo("birch_step_stool_shell", "pale on pale", (900, 1100), "whitewashed birch, shell wall", birch_step_stool, 2),
    _photo(
        "black_desk_ash_grey", "dark on dark", (1500, 1000), "black ash desk, dark grey wall", black_writing_desk, 3
    ),
    _photo(
        "espresso_chest_charcoal", "dark on dark", (1100, 1000), "dark chest on charcoal", espresso_chest_charcoal, 4
    ),
    _photo(
        "cherry_oval_table_gloss",
        "glossy with floor reflection",
        (1500, 900),
        "cherry lacquer on a glossy white sheet",
        cherry_oval_table_gloss,
        5,
    ),
    _photo(
        "copper_can_black_gloss",
        "glossy with floor reflection",
        (1000, 800),
        "copper on polished black",
        copper_can_black_gloss,
        6,
    ),
    _photo("glass_etagere_blush", "glass parts", (900, 1400), "glass shelves in a gold frame", glass_etagere, 7),
    _photo("glass_globe_floor_lamp", "glass parts", (800, 1500), "clear globe, bulb inside", glass_globe_lamp, 8),
    _photo("white_airer_olive", "thin legs and wires", (1300, 1100), "3.5 mm white rails", white_airer_olive, 9),
    _photo("tray_table_thin_legs", "thin legs and wires", (900, 1100), "three 5.5 mm legs", tray_table_lavender, 10),
    _photo("cane_lounge_chair_open", "holes", (1100, 1100), "open woven back", cane_lounge_chair, 11),
    _photo("sage_pegboard_screen", "holes", (800, 1400), "board of square holes", sage_pegboard_screen, 12),
    _photo("twill_floor_cushions", "textured fabric", (1200, 900), "two twill cushions", twill_floor_cushions, 13),
    _photo("jute_storage_bench", "textured fabric", (1400, 850), "coarse jute weave", jute_storage_bench, 14),
    _photo(
        "umbrella_stand_vignette",
        "gradient/vignette backdrop",
        (900, 1300),
        "spot pool, heavy vignette",
        umbrella_stand_vignette,
        15,
    ),
    _photo(
        "walnut_tier_table_gradient",
        "gradient/vignette backdrop",
        (1000, 1100),
        "light falling off downwards",
        walnut_tier_table_gradient,
        16,
    ),
    _photo(
        "trestle_table_cut_left",
        "cut by the frame",
        (1800, 1000),
        "runs out of the left edge",
        trestle_table_cut_left,
        17,
    ),
    _photo(
        "armoire_cut_bottom", "cut by the frame", (1000, 1300), "plinth below the bottom edge", armoire_cut_bottom, 18
    ),
    _photo(
        "topiary_soft_shadow",
        "soft floor shadow",
        (1000, 1200),
        "one very large light overhead",
        topiary_soft_shadow,
        19,
    ),
    _photo("drum_lamp_jpeg_640", "JPEG artefacts", (640, 720), "saved at 65 then 42", drum_lamp_jpeg, 20),
]
