"""The fresh set: product photos built by someone who never saw any cut-out result, evaluated once (the
self-check's far-apart parts followed from that evaluation).

It exists to measure the cut-out on photos nothing was tuned on: while the set was made, no part of the cut-out
was run and no result of it (nor any figure about which photos of the other sets failed) was looked at; only
the renders and their true alpha were. The photos come from the blind set's renderer (``blind_render.py``) with
products, materials, backdrops, lighting and camera angles of their own (``fresh_products.py``): furniture and
home goods of a catalogue, each standing for one kind of difficulty in the words the other sets use. The truth
is each pixel's coverage by product geometry: glass included, shadows and reflections not.
"""

from __future__ import annotations

from collections.abc import Callable

from imaging_eval import fresh_products as fp
from imaging_eval.blind import BlindPhoto
from imaging_eval.blind_light import Lens, Light, Scene
from imaging_eval.blind_texture import Material
from imaging_eval.staging import build, camera, soft, sweep, turned, wall_floor

FRESH_SEED = 100  # seeds of this set's photos start past the blind set's


# Backdrops and floors: each a sheet, a paint or a floor of its own.
OFF_WHITE_PAPER = Material((0.93, 0.92, 0.89), "paper", tile=1.4, rough=0.95, seed=21)
CREAM_WALL = Material((0.91, 0.88, 0.81), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=22)
LIMED_OAK_FLOOR = Material((0.84, 0.78, 0.68), "planks", second=(0.76, 0.69, 0.58), tile=0.8, rough=0.6, seed=23)
CREAM_BOARD = Material((0.9, 0.87, 0.8), "plain", tile=0.5, rough=0.45, seed=24)
SLATE_FLOOR = Material((0.21, 0.21, 0.22), "plaster", tile=1.3, rough=0.8, bump=0.12, seed=25)
GRAPHITE_WALL = Material((0.19, 0.19, 0.2), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=26)
GRAPHITE_BOARD = Material((0.17, 0.17, 0.18), "plain", tile=0.5, rough=0.5, seed=27)
SMOKE_PAPER = Material((0.23, 0.22, 0.22), "paper", tile=1.4, rough=0.92, seed=28)
STONE_PAPER = Material((0.74, 0.72, 0.69), "paper", tile=1.4, rough=0.95, seed=29)
GLOSS_STONE_SHEET = Material((0.6, 0.58, 0.55), "paper", tile=2.0, rough=0.12, gloss=0.85, seed=30)
MID_GREY_PAPER = Material((0.5, 0.5, 0.5), "paper", tile=1.4, rough=0.95, seed=31)
POLISHED_INK_SHEET = Material((0.11, 0.11, 0.12), "paper", tile=2.0, rough=0.08, gloss=0.95, seed=32)
HONEY_OAK_FLOOR = Material((0.74, 0.56, 0.36), "planks", second=(0.62, 0.44, 0.27), tile=0.9, rough=0.5, seed=33)
CHALK_WALL = Material((0.93, 0.93, 0.91), "plaster", tile=1.1, rough=0.95, bump=0.18, seed=34)
WHITE_BOARD = Material((0.95, 0.95, 0.94), "plain", tile=0.5, rough=0.4, seed=35)
MIST_BLUE_PAPER = Material((0.72, 0.76, 0.8), "paper", tile=1.4, rough=0.95, seed=36)
PALE_CONCRETE = Material((0.7, 0.69, 0.66), "plaster", tile=1.5, rough=0.85, bump=0.12, seed=37)
SAND_WALL = Material((0.82, 0.76, 0.67), "plaster", tile=1.1, rough=0.95, bump=0.2, seed=38)
FOG_PAPER = Material((0.86, 0.86, 0.85), "paper", tile=1.4, rough=0.95, seed=39)
GREIGE_WALL = Material((0.7, 0.67, 0.62), "plaster", tile=1.1, rough=0.95, bump=0.2, seed=40)
DUSTY_BLUE_PAPER = Material((0.55, 0.62, 0.7), "paper", tile=1.4, rough=0.95, seed=41)
# Tongue-and-groove boarding painted sage: the planks pattern runs its boards up the wall.
SAGE_PANELLING = Material((0.6, 0.66, 0.59), "planks", second=(0.57, 0.63, 0.56), tile=0.6, rough=0.7, seed=42)
WARM_WHITE_PAPER = Material((0.93, 0.91, 0.87), "paper", tile=1.4, rough=0.95, seed=43)
BIRCH_FLOOR = Material((0.88, 0.8, 0.66), "planks", second=(0.8, 0.7, 0.55), tile=0.7, rough=0.55, seed=44)
SLATE_BLUE_PAPER = Material((0.46, 0.5, 0.55), "paper", tile=1.4, rough=0.95, seed=45)
SAND_PAPER = Material((0.78, 0.7, 0.58), "paper", tile=1.4, rough=0.95, seed=46)
DARK_OAK_FLOOR = Material((0.34, 0.24, 0.16), "planks", second=(0.25, 0.17, 0.11), tile=0.9, rough=0.45, seed=47)
PEACH_PAPER = Material((0.9, 0.8, 0.72), "paper", tile=1.4, rough=0.95, seed=48)

# Product finishes
GLAZED_WHITE = Material((0.93, 0.92, 0.89), "plain", tile=0.2, rough=0.18, seed=50)
IVORY_LINEN = Material((0.91, 0.88, 0.8), "linen", tile=0.05, rough=0.9, sheen=0.35, bump=0.5, seed=51)
BLEACHED_ASH = Material((0.88, 0.82, 0.7), "wood", second=(0.8, 0.72, 0.58), tile=0.3, rough=0.5, seed=52)
CHARCOAL_MATTE = Material((0.13, 0.13, 0.13), "plain", tile=0.2, rough=0.7, seed=53)
SOOT_METAL = Material((0.05, 0.05, 0.055), "plain", tile=0.2, rough=0.45, metal=0.4, seed=54)
WARM_BULB = Material((1.0, 0.9, 0.74), "plain", tile=0.1, rough=0.3, glow=5.0, seed=55)
INK_CORD = Material((0.04, 0.04, 0.04), "plain", tile=0.1, rough=0.4, seed=56)
EMERALD_LACQUER = Material((0.05, 0.33, 0.23), "plain", tile=0.3, rough=0.1, seed=57)
SEAM = Material((0.015, 0.02, 0.015), "plain", tile=0.1, rough=0.9, seed=58)
SATIN_BRASS = Material((0.82, 0.64, 0.38), "brushed", tile=0.25, rough=0.3, metal=1.0, seed=59)
BRIGHT_CHROME = Material((0.94, 0.94, 0.95), "plain", tile=0.3, rough=0.06, metal=1.0, seed=60)
OXBLOOD_LEATHER = Material((0.36, 0.08, 0.07), "leather", second=(0.26, 0.05, 0.05), tile=0.12, rough=0.4, bump=0.6)
WATER_GLASS = Material((0.04, 0.04, 0.04), "plain", tile=0.3, rough=0.03, glass=0.95, tint=(0.9, 0.96, 0.94))
MATTE_BLACK_STEEL = Material((0.04, 0.04, 0.04), "plain", tile=0.2, rough=0.55, metal=0.2, seed=61)
STEM = Material((0.32, 0.44, 0.22), "plain", tile=0.1, rough=0.6, seed=62)
PINK_BLOOM = Material((0.88, 0.6, 0.64), "plain", tile=0.1, rough=0.85, sheen=0.3, seed=63)
FRESH_LEAF = Material((0.24, 0.45, 0.2), "plain", tile=0.1, rough=0.5, sheen=0.2, seed=64)
HONEY_OAK = Material((0.74, 0.55, 0.34), "wood", second=(0.6, 0.42, 0.24), tile=0.3, rough=0.45, seed=65)
WAX = Material((0.94, 0.91, 0.84), "plain", tile=0.1, rough=0.5, sheen=0.2, seed=66)
WIRE_BLACK = Material((0.05, 0.05, 0.05), "plain", tile=0.1, rough=0.4, metal=0.3, seed=67)
COVER_RED = Material((0.75, 0.2, 0.16), "plain", tile=0.2, rough=0.35, seed=68)
COVER_WHITE = Material((0.9, 0.89, 0.86), "plain", tile=0.2, rough=0.35, seed=69)
COVER_TEAL = Material((0.15, 0.45, 0.48), "plain", tile=0.2, rough=0.35, seed=70)
SMOKED_WALNUT = Material((0.4, 0.26, 0.16), "wood", second=(0.26, 0.16, 0.09), tile=0.35, rough=0.4, seed=71)
WHITE_OAK = Material((0.8, 0.68, 0.5), "wood", second=(0.68, 0.55, 0.38), tile=0.3, rough=0.5, seed=72)
PALE_ASH = Material((0.84, 0.74, 0.58), "wood", second=(0.74, 0.62, 0.46), tile=0.3, rough=0.5, seed=73)
OATMEAL_TWEED = Material(
    (0.7, 0.64, 0.55), "tweed", second=(0.48, 0.42, 0.34), tile=0.12, rough=0.9, sheen=0.4, bump=1.2
)
TAN_PIPING = Material((0.42, 0.26, 0.15), "leather", second=(0.32, 0.19, 0.1), tile=0.1, rough=0.45, bump=0.3)
DARK_STAIN = Material((0.2, 0.13, 0.08), "wood", second=(0.13, 0.08, 0.05), tile=0.2, rough=0.4, seed=74)
RUST_KNIT = Material((0.7, 0.38, 0.24), "knit", tile=0.26, rough=0.95, sheen=0.3, bump=3.0, seed=75)
BOOK_OCHRE = Material((0.72, 0.55, 0.2), "linen", tile=0.05, rough=0.8, bump=0.3, seed=76)
BOOK_GREEN = Material((0.2, 0.36, 0.28), "linen", tile=0.05, rough=0.8, bump=0.3, seed=77)
BOOK_PAPER = Material((0.9, 0.87, 0.8), "linen", tile=0.05, rough=0.8, bump=0.3, seed=78)
BOOK_PLUM = Material((0.38, 0.16, 0.24), "linen", tile=0.05, rough=0.8, bump=0.3, seed=79)
CELADON = Material((0.6, 0.72, 0.64), "plain", tile=0.2, rough=0.25, seed=80)
CONCRETE_POT = Material((0.62, 0.61, 0.58), "plaster", tile=0.3, rough=0.85, bump=0.3, seed=81)
DRY_SOIL = Material((0.3, 0.24, 0.18), "gravel", tile=0.15, rough=0.95)
CACTUS_SKIN = Material((0.36, 0.5, 0.3), "plain", tile=0.1, rough=0.55, sheen=0.15, seed=82)
LIGHT_OAK = Material((0.78, 0.62, 0.44), "wood", second=(0.66, 0.5, 0.33), tile=0.35, rough=0.45, seed=83)
AGED_BRASS = Material((0.66, 0.52, 0.3), "brushed", tile=0.25, rough=0.35, metal=1.0, seed=84)
SILVER_MIRROR = Material((0.9, 0.91, 0.91), "plain", tile=0.3, rough=0.02, metal=1.0, seed=85)
RUG_FIELD = Material((0.86, 0.83, 0.76), "twill", second=(0.7, 0.68, 0.63), tile=0.3, rough=0.9, bump=0.8, seed=86)
RUG_BORDER = Material((0.64, 0.36, 0.26), "weave", second=(0.5, 0.26, 0.18), tile=0.2, rough=0.9, bump=0.8, seed=87)
RUG_FRINGE = Material((0.9, 0.87, 0.8), "plain", tile=0.1, rough=0.9, seed=88)
PISTACHIO_METAL = Material((0.76, 0.8, 0.68), "plain", tile=0.2, rough=0.35, metal=0.1, seed=89)
STAINED_PINE = Material((0.52, 0.36, 0.22), "wood", second=(0.4, 0.26, 0.15), tile=0.35, rough=0.5, seed=90)
TAN_STRAP = Material((0.5, 0.3, 0.16), "leather", second=(0.38, 0.21, 0.11), tile=0.1, rough=0.45, bump=0.4)
DUSK_BLUE_PAINT = Material((0.46, 0.56, 0.62), "plain", tile=0.2, rough=0.5, seed=91)
BRASS_KNOB = Material((0.8, 0.62, 0.34), "plain", tile=0.1, rough=0.25, metal=1.0, seed=92)


# --- the photos ----------------------------------------------------------------------------------------------


def pitcher_on_off_white() -> Scene:
    # White glaze on white paper under broad, even light: the edge is a small step in shading only.
    return build(
        turned(fp.pitcher(GLAZED_WHITE), 25),
        sweep(OFF_WHITE_PAPER, 0.45, -0.6),
        (soft((-1.2, 1.6, 1.3), 9, 0.9), soft((1.4, 0.9, 1.5), 4, 1.0, 6)),
        camera((0.0, 0.14, 0.0), 1.15, -10, 12),
        Lens(fov=24, roll=-0.5, ev=0.35, quality=90, vignette=0.06),
    )


def ivory_daybed() -> Scene:
    return build(
        turned(fp.daybed(IVORY_LINEN, BLEACHED_ASH), -8),
        wall_floor(LIMED_OAK_FLOOR, CREAM_WALL, -0.55, CREAM_BOARD, 0.42),
        (soft((-2.0, 2.6, 2.2), 24, 1.0), soft((2.4, 1.5, 2.4), 7, 1.2, 6)),
        camera((0.0, 0.4, 0.0), 3.3, 18, 11),
        Lens(fov=28, roll=0.4, ev=0.3, quality=88, warmth=0.02),
    )


def charcoal_drum_table() -> Scene:
    # A rim light from behind right keeps the dark top's edge just readable against the dark wall.
    return build(
        turned(fp.drum_side_table(CHARCOAL_MATTE, SOOT_METAL), 0),
        wall_floor(SLATE_FLOOR, GRAPHITE_WALL, -0.7, GRAPHITE_BOARD, 0.2),
        (soft((-1.3, 1.8, 1.2), 12, 0.6), Light((1.2, 1.3, -0.9), 7, 0.4, samples=6)),
        camera((0.0, 0.26, 0.0), 1.75, 25, 18),
        Lens(fov=26, roll=0.7, ev=0.1, quality=86, noise=0.02),
    )


def black_reading_lamp() -> Scene:
    # A spot on the lamp in a dim studio: the backdrop falls off to near black at the edges.
    return build(
        turned(fp.reading_lamp(SOOT_METAL, INK_CORD, WARM_BULB), -15),
        sweep(SMOKE_PAPER, 0.12, -1.1),
        (
            Light((-1.5, 2.4, 1.8), 20, 0.5, samples=8, spot=5.0, aim=(0.0, 0.8, 0.0)),
            Light((1.6, 1.8, -0.6), 6, 0.4, samples=6),
        ),
        camera((0.08, 0.72, 0.0), 3.4, 12, 6),
        Lens(fov=30, roll=-0.6, ev=0.0, quality=85, noise=0.025, vignette=0.25),
    )


def emerald_cabinet_gloss() -> Scene:
    return build(
        turned(fp.drinks_cabinet(EMERALD_LACQUER, SEAM, SATIN_BRASS), 14),
        sweep(STONE_PAPER, 0.35, -1.0, GLOSS_STONE_SHEET),
        (soft((-1.8, 2.6, 2.0), 26, 0.9), soft((2.2, 1.6, 1.8), 7, 1.0, 6)),
        camera((0.0, 0.64, 0.0), 3.4, -18, 8),
        Lens(fov=30, roll=0.5, ev=0.15, quality=88),
    )


def chrome_x_stool_polished() -> Scene:
    return build(
        turned(fp.x_stool(BRIGHT_CHROME, OXBLOOD_LEATHER), 28),
        sweep(MID_GREY_PAPER, 0.3, -1.0, POLISHED_INK_SHEET),
        (soft((-1.4, 2.0, 1.4), 16, 0.7), soft((1.8, 1.2, 1.6), 6, 1.0, 6)),
        camera((0.0, 0.24, 0.0), 1.95, 10, 15),
        Lens(fov=26, roll=-0.3, ev=0.2, quality=88, aberration=0.001),
    )


def glass_coffee_table() -> Scene:
    return build(
        turned(fp.glass_coffee_table(WATER_GLASS, MATTE_BLACK_STEEL), -12),
        wall_floor(HONEY_OAK_FLOOR, CHALK_WALL, -0.7, WHITE_BOARD, 0.38),
        (soft((-1.8, 2.4, 1.8), 22, 0.8), soft((2.0, 1.4, 2.0), 6, 1.0, 6)),
        camera((0.0, 0.2, 0.0), 2.4, 15, 22),
        Lens(fov=30, roll=0.3, ev=0.2, quality=88),
    )


def glass_bottle_with_stems() -> Scene:
    return build(
        turned(fp.bottle_vase_stems(WATER_GLASS, STEM, PINK_BLOOM, FRESH_LEAF), 10),
        sweep(MIST_BLUE_PAPER, 0.4, -0.8),
        (soft((-1.2, 1.9, 1.5), 14, 0.8), soft((1.5, 1.1, 1.5), 5, 1.0, 6)),
        camera((0.0, 0.4, 0.0), 1.85, 5, 8),
        Lens(fov=30, roll=0.6, ev=0.25, quality=89),
    )


def glass_cloche() -> Scene:
    return build(
        turned(fp.cloche(WATER_GLASS, HONEY_OAK, WAX), 0),
        wall_floor(PALE_CONCRETE, SAND_WALL, -0.5, CREAM_BOARD, 0.38),
        (Light((-1.0, 1.4, 0.7), 10, 0.3, samples=8), soft((1.2, 0.8, 1.4), 4, 1.0, 6)),
        camera((0.0, 0.16, 0.0), 1.05, -8, 14),
        Lens(fov=26, roll=-0.4, ev=0.2, quality=90, dof=0.5),
    )


def wire_magazine_rack() -> Scene:
    return build(
        turned(fp.magazine_rack(WIRE_BLACK, (COVER_RED, COVER_WHITE, COVER_TEAL)), 30),
        sweep(FOG_PAPER, 0.4, -0.8),
        (soft((-1.2, 1.8, 1.2), 12, 0.6), soft((1.4, 1.0, 1.4), 4, 1.0, 6)),
        camera((0.0, 0.17, 0.0), 1.3, 8, 22),
        Lens(fov=28, roll=0.5, ev=0.25, quality=88, sharpen=0.2),
    )


def counter_stool_footring() -> Scene:
    return build(
        turned(fp.footring_stool(SMOKED_WALNUT, MATTE_BLACK_STEEL), 12),
        wall_floor(PALE_CONCRETE, GREIGE_WALL, -0.6, WHITE_BOARD, 0.36),
        (soft((-1.6, 2.2, 1.4), 18, 0.5), soft((1.8, 1.2, 2.0), 5, 1.0, 6)),
        camera((0.0, 0.39, 0.0), 2.35, 20, 10),
        Lens(fov=26, roll=-0.7, ev=0.15, quality=87),
    )


def chair_with_hand_hold() -> Scene:
    return build(
        # Turned with its back three-quarters to the camera, so the hand hold shows the paper through it.
        turned(fp.handle_chair(WHITE_OAK), 150),
        sweep(DUSTY_BLUE_PAPER, 0.35, -1.0),
        (Light((1.5, 2.2, 1.6), 20, 0.35, samples=8), soft((-1.8, 1.2, 1.8), 5, 1.0, 6)),
        camera((0.0, 0.44, 0.0), 2.6, 12, 14),
        Lens(fov=26, roll=0.4, ev=0.2, quality=88),
    )


def blanket_ladder_panelling() -> Scene:
    return build(
        turned(fp.blanket_ladder(PALE_ASH), 0, (0.0, 0.0, 0.02)),
        wall_floor(PALE_CONCRETE, SAGE_PANELLING, -0.27, WHITE_BOARD, 0.36),
        (soft((-1.8, 2.8, 2.0), 24, 0.7), soft((2.0, 1.6, 2.2), 6, 1.0, 6)),
        camera((0.0, 0.8, 0.0), 3.6, -14, 5),
        Lens(fov=30, roll=0.3, ev=0.15, quality=88),
    )


def tweed_ottoman() -> Scene:
    return build(
        turned(fp.piped_ottoman(OATMEAL_TWEED, TAN_PIPING, DARK_STAIN), 0),
        sweep(WARM_WHITE_PAPER, 0.36, -0.9),
        (soft((-1.5, 2.0, 1.2), 16, 0.6), soft((1.6, 1.0, 1.8), 5, 1.0, 6)),
        camera((0.0, 0.22, 0.0), 1.65, 10, 22),
        Lens(fov=30, roll=-0.5, ev=0.2, quality=88),
    )


def knit_cube_pouf() -> Scene:
    return build(
        turned(fp.knit_cube(RUST_KNIT), 20),
        wall_floor(BIRCH_FLOOR, CHALK_WALL, -0.5, WHITE_BOARD, 0.38),
        (soft((-1.4, 1.9, 1.3), 15, 0.5), soft((1.6, 1.0, 1.6), 5, 1.0, 6)),
        camera((0.0, 0.19, 0.0), 1.4, -25, 18),
        Lens(fov=28, roll=0.6, ev=0.2, quality=89),
    )


def arched_bookcase_vignette() -> Scene:
    # A spot gathered on the paper behind and a heavy lens vignette: light in the middle, dark corners.
    books = (BOOK_OCHRE, BOOK_GREEN, BOOK_PAPER, BOOK_PLUM)
    return build(
        turned(fp.arched_bookcase(SMOKED_WALNUT, books, CELADON), 6),
        sweep(SLATE_BLUE_PAPER, 0.2, -0.9),
        (
            Light((0.3, 2.4, 2.4), 30, 0.6, samples=8, spot=6.0, aim=(0.0, 1.0, -0.9)),
            soft((-2.0, 1.6, 2.0), 8, 1.0, 6),
        ),
        camera((0.0, 0.86, 0.0), 4.3, 6, 4),
        Lens(fov=28, roll=-0.4, ev=0.1, quality=87, vignette=0.55),
    )


def cactus_radial_gradient() -> Scene:
    # A hard spot from high behind the camera makes a round pool on the sand paper that falls off all round.
    return build(
        turned(fp.cactus_bowl(CONCRETE_POT, DRY_SOIL, CACTUS_SKIN), 0),
        sweep(SAND_PAPER, 0.1, -0.7),
        (
            Light((0.2, 1.8, 2.2), 24, 0.3, samples=8, spot=9.0, aim=(0.0, 0.35, -0.7)),
            soft((-1.4, 1.2, 1.4), 5, 0.8, 6),
        ),
        camera((0.0, 0.3, 0.0), 1.75, 0, 9),
        Lens(fov=28, roll=0.5, ev=0.0, quality=87, vignette=0.45),
    )


def slatted_console_cut() -> Scene:
    return build(
        turned(fp.slatted_console(LIGHT_OAK, LIGHT_OAK, MATTE_BLACK_STEEL), 0),
        wall_floor(PALE_CONCRETE, CHALK_WALL, -0.4, WHITE_BOARD, 0.38),
        (soft((-1.8, 2.4, 2.0), 22, 0.8), soft((2.0, 1.4, 2.0), 6, 1.0, 6)),
        camera((0.1, 0.36, 0.0), 2.85, 4, 13),
        Lens(fov=22, roll=0.3, ev=0.2, quality=88),
    )


def floor_mirror_cut() -> Scene:
    return build(
        turned(fp.floor_mirror(AGED_BRASS, SILVER_MIRROR), 0),
        wall_floor(DARK_OAK_FLOOR, CHALK_WALL, -0.25, WHITE_BOARD, 0.38),
        (soft((-1.6, 2.6, 2.0), 22, 0.8), soft((1.8, 1.5, 2.2), 6, 1.0, 6)),
        camera((0.0, 0.75, 0.0), 2.7, -20, 8),
        Lens(fov=32, roll=-0.3, ev=0.2, quality=88),
    )


def rug_corner() -> Scene:
    # Seen from above and close: one corner and its fringe in frame, the rest of the rug beyond the edges.
    return build(
        turned(fp.bordered_rug(RUG_FIELD, RUG_BORDER, RUG_FRINGE), -8),
        wall_floor(HONEY_OAK_FLOOR, CHALK_WALL, -2.6, WHITE_BOARD, 0.38),
        (soft((-1.0, 2.6, 2.0), 24, 0.9), soft((2.4, 1.8, 1.4), 6, 1.0, 6)),
        camera((0.72, 0.0, 0.45), 1.8, 30, 52),
        Lens(fov=38, roll=0.5, ev=0.15, quality=88),
    )


def mushroom_lamp_soft_shadow() -> Scene:
    # One very large light above and a little in front: under the wide shade, a broad shadow with no hard edge.
    return build(
        turned(fp.mushroom_lamp(PISTACHIO_METAL, SATIN_BRASS, WARM_BULB), 0),
        sweep(WARM_WHITE_PAPER, 0.22, -1.0),
        (soft((-0.5, 2.0, 0.9), 26, 0.9, 20), soft((1.8, 1.0, 2.4), 3, 1.0, 6)),
        camera((0.0, 0.3, 0.0), 2.0, 10, 16),
        Lens(fov=26, roll=0.4, ev=0.2, quality=88),
    )


def trunk_soft_shadow() -> Scene:
    return build(
        turned(fp.trunk(STAINED_PINE, TAN_STRAP, MATTE_BLACK_STEEL), -20),
        wall_floor(PALE_CONCRETE, SAND_WALL, -0.9, CREAM_BOARD, 0.36),
        (soft((-0.4, 2.6, 1.6), 34, 1.6, 12), soft((2.0, 1.2, 2.0), 5, 1.0, 6)),
        camera((0.0, 0.22, 0.0), 2.1, 8, 18),
        Lens(fov=28, roll=-0.5, ev=0.2, quality=88),
    )


def milking_stool_jpeg() -> Scene:
    return build(
        turned(fp.milking_stool(HONEY_OAK), 15),
        sweep(PEACH_PAPER, 0.36, -0.8),
        (soft((-1.2, 1.8, 1.3), 14, 0.6), soft((1.4, 1.0, 1.4), 4, 1.0, 6)),
        camera((0.0, 0.17, 0.0), 1.35, 12, 16),
        Lens(fov=26, roll=0.8, ev=0.2, quality=45, subsampling=2, noise=0.02),
    )


def bedside_table_jpeg() -> Scene:
    return build(
        turned(fp.bedside_table(DUSK_BLUE_PAINT, SEAM, BRASS_KNOB), 22),
        wall_floor(BIRCH_FLOOR, CHALK_WALL, -0.4, WHITE_BOARD, 0.38),
        (soft((-1.4, 2.0, 1.4), 16, 0.6), soft((1.6, 1.1, 1.8), 5, 1.0, 6)),
        camera((0.0, 0.32, 0.0), 1.85, 14, 14),
        Lens(fov=26, roll=-0.6, ev=0.15, quality=55, recompress=70, sharpen=0.3),
    )


def _photo(name: str, kind: str, size: tuple[int, int], notes: str, scene: Callable[[], Scene], k: int) -> BlindPhoto:
    return BlindPhoto(name, kind, size, notes, scene, FRESH_SEED + k)


FRESH: list[BlindPhoto] = [
    _photo(
        "pitcher_off_white_sweep", "pale on pale", (1000, 1250), "white jug on off-white paper", pitcher_on_off_white, 1
    ),
    _photo("ivory_daybed_cream_wall", "pale on pale", (1600, 1000), "ivory linen daybed, cream wall", ivory_daybed, 2),
    _photo(
        "charcoal_drum_table_slate", "dark on dark", (1100, 1100), "charcoal table on slate", charcoal_drum_table, 3
    ),
    _photo(
        "black_reading_lamp_dim", "dark on dark", (1000, 1600), "black lamp, dim spot-lit studio", black_reading_lamp, 4
    ),
    _photo(
        "emerald_cabinet_gloss_floor",
        "glossy with floor reflection",
        (1200, 1400),
        "lacquer on a glossy sheet",
        emerald_cabinet_gloss,
        5,
    ),
    _photo(
        "chrome_x_stool_polished",
        "glossy with floor reflection",
        (1300, 950),
        "chrome on polished black",
        chrome_x_stool_polished,
        6,
    ),
    _photo(
        "glass_coffee_table_oak", "glass parts", (1600, 1000), "glass top on black sled legs", glass_coffee_table, 7
    ),
    _photo(
        "glass_bottle_stems", "glass parts", (900, 1350), "clear bottle, stems through it", glass_bottle_with_stems, 8
    ),
    _photo("glass_cloche_candle", "glass parts", (1000, 1000), "glass dome over a candle", glass_cloche, 9),
    _photo(
        "wire_magazine_rack", "thin legs and wires", (1100, 1000), "3 mm wire and magazines", wire_magazine_rack, 10
    ),
    _photo(
        "counter_stool_footring",
        "thin legs and wires",
        (850, 1300),
        "thin legs and a footrest ring",
        counter_stool_footring,
        11,
    ),
    _photo("chair_hand_hold_blue", "holes", (1000, 1300), "hand hold cut through the back", chair_with_hand_hold, 12),
    _photo(
        "blanket_ladder_panelling", "holes", (900, 1500), "ladder on painted boarding", blanket_ladder_panelling, 13
    ),
    _photo("tweed_ottoman_piped", "textured fabric", (1200, 900), "oatmeal tweed, leather piping", tweed_ottoman, 14),
    _photo("knit_cube_pouf", "textured fabric", (1000, 900), "chunky rust knit", knit_cube_pouf, 15),
    _photo(
        "arched_bookcase_vignette",
        "gradient/vignette backdrop",
        (1100, 1500),
        "spot pool, heavy vignette",
        arched_bookcase_vignette,
        16,
    ),
    _photo(
        "cactus_radial_pool",
        "gradient/vignette backdrop",
        (1000, 1200),
        "round pool of light on sand",
        cactus_radial_gradient,
        17,
    ),
    _photo(
        "slatted_console_cut_both", "cut by the frame", (2000, 1060), "runs out of both sides", slatted_console_cut, 18
    ),
    _photo("floor_mirror_cut_top", "cut by the frame", (900, 1400), "mirror above the top edge", floor_mirror_cut, 19),
    _photo("rug_corner_from_above", "cut by the frame", (1400, 1000), "one corner of a flat rug", rug_corner, 20),
    _photo(
        "mushroom_lamp_soft_shadow",
        "soft floor shadow",
        (1100, 1000),
        "one very large light overhead",
        mushroom_lamp_soft_shadow,
        21,
    ),
    _photo(
        "pine_trunk_soft_shadow",
        "soft floor shadow",
        (1300, 900),
        "trunk under a big soft light",
        trunk_soft_shadow,
        22,
    ),
    _photo("milking_stool_jpeg_600", "JPEG artefacts", (600, 600), "600 px at quality 45", milking_stool_jpeg, 23),
    _photo(
        "bedside_table_jpeg", "JPEG artefacts", (760, 840), "saved at 70 then 55, sharpened", bedside_table_jpeg, 24
    ),
]
