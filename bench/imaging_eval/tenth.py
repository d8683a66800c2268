"""The tenth set: product photos built by someone who never saw any cut-out result, evaluated once and only
reported on.

It exists to measure the cut-out on photos nothing was tuned on: while the set was made, no part of the cut-out
was run and no result of it (nor any figure about which photos of the other sets failed) was looked at; only the
renders and their true alpha were, on the contact sheet of ``preview.py tenth``. The photos come from the blind
set's renderer (``blind_render.py``) with products, materials, backdrops, lighting and camera angles of their own
(``tenth_products.py``): home goods and furniture none of the other sets shows, each standing for one kind of
difficulty in the words the other sets use. The truth is each pixel's coverage by product geometry: glass
included, shadows and reflections not.
"""

from __future__ import annotations

from collections.abc import Callable

from imaging_eval import tenth_products as tpd
from imaging_eval.blind import BlindPhoto
from imaging_eval.blind_light import Lens, Light, Scene
from imaging_eval.blind_texture import Material
from imaging_eval.staging import build, camera, soft, sweep, turned, wall_floor

TENTH_SEED = 500  # seeds of this set's photos start past the ninth set's


# Backdrops and floors: sheets, paints and floors of this set's own colours.
CREAM_WALL = Material((0.9, 0.86, 0.78), "plaster", tile=1.1, rough=0.95, bump=0.14, seed=501)
BLEACHED_OAK_FLOOR = Material((0.86, 0.8, 0.7), "planks", second=(0.8, 0.74, 0.63), tile=0.8, rough=0.55, seed=502)
CREAM_SKIRTING = Material((0.91, 0.88, 0.81), "plain", tile=0.5, rough=0.4, seed=503)
CHALK_WALL = Material((0.93, 0.93, 0.92), "plaster", tile=1.1, rough=0.95, bump=0.12, seed=504)
WHITE_TILE_FLOOR = Material((0.9, 0.9, 0.89), "terrazzo", second=(0.8, 0.8, 0.79), tile=0.6, rough=0.35, seed=505)
CHALK_SKIRTING = Material((0.94, 0.94, 0.93), "plain", tile=0.5, rough=0.4, seed=506)
ONYX_PAPER = Material((0.12, 0.12, 0.13), "paper", tile=1.4, rough=0.92, seed=507)
INK_GREEN_WALL = Material((0.1, 0.13, 0.12), "plaster", tile=1.1, rough=0.95, bump=0.16, seed=508)
SMOKED_OAK_FLOOR = Material((0.16, 0.12, 0.1), "planks", second=(0.12, 0.09, 0.07), tile=0.8, rough=0.5, seed=509)
INK_SKIRTING = Material((0.09, 0.11, 0.1), "plain", tile=0.5, rough=0.45, seed=510)
PISTACHIO_PAPER = Material((0.78, 0.84, 0.7), "paper", tile=1.4, rough=0.95, seed=511)
GLOSS_PALE_SHEET = Material((0.86, 0.88, 0.84), "paper", tile=2.0, rough=0.08, gloss=0.85, seed=512)
CLAY_WALL = Material((0.72, 0.62, 0.54), "plaster", tile=1.1, rough=0.95, bump=0.14, seed=513)
POLISHED_RESIN_FLOOR = Material((0.42, 0.41, 0.4), "plain", tile=2.0, rough=0.05, gloss=0.8, seed=514)
CLAY_SKIRTING = Material((0.68, 0.58, 0.5), "plain", tile=0.5, rough=0.4, seed=515)
MIST_WALL = Material((0.78, 0.8, 0.82), "plaster", tile=1.1, rough=0.95, bump=0.14, seed=516)
HONEY_OAK_FLOOR = Material((0.72, 0.54, 0.34), "planks", second=(0.62, 0.45, 0.27), tile=0.8, rough=0.5, seed=517)
WHITE_SKIRTING = Material((0.93, 0.93, 0.91), "plain", tile=0.5, rough=0.4, seed=518)
BISCUIT_PAPER = Material((0.86, 0.78, 0.66), "paper", tile=1.4, rough=0.95, seed=519)
LILAC_PAPER = Material((0.76, 0.72, 0.82), "paper", tile=1.4, rough=0.95, seed=520)
CORAL_PAPER = Material((0.92, 0.64, 0.56), "paper", tile=1.4, rough=0.95, seed=521)
OLIVE_WALL = Material((0.58, 0.58, 0.42), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=522)
GREY_PLANK_FLOOR = Material((0.58, 0.56, 0.52), "planks", second=(0.5, 0.48, 0.44), tile=0.8, rough=0.5, seed=523)
MINT_PAPER = Material((0.72, 0.86, 0.8), "paper", tile=1.4, rough=0.95, seed=524)
STONE_GREY_PAPER = Material((0.64, 0.64, 0.62), "paper", tile=1.4, rough=0.95, seed=525)
PLUM_PAPER = Material((0.34, 0.22, 0.3), "paper", tile=1.4, rough=0.95, seed=526)
SLATE_BLUE_PAPER = Material((0.36, 0.42, 0.5), "paper", tile=1.4, rough=0.95, seed=527)
DEEP_BLUE_WALL = Material((0.2, 0.26, 0.38), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=528)
NAVY_SKIRTING = Material((0.18, 0.23, 0.34), "plain", tile=0.5, rough=0.4, seed=529)
BLUSH_WALL = Material((0.9, 0.78, 0.74), "plaster", tile=1.1, rough=0.95, bump=0.14, seed=530)
PALE_GREY_OAK = Material((0.74, 0.7, 0.64), "planks", second=(0.66, 0.62, 0.56), tile=0.8, rough=0.5, seed=531)
SAND_PAPER = Material((0.88, 0.82, 0.72), "paper", tile=1.4, rough=0.95, seed=532)
SAGE_WALL = Material((0.62, 0.68, 0.6), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=534)
OATMEAL_PAPER = Material((0.84, 0.8, 0.74), "paper", tile=1.4, rough=0.95, seed=533)

# Product finishes
IVORY_VELVET = Material((0.9, 0.86, 0.78), "plain", tile=0.1, rough=0.85, sheen=0.6, bump=0.1, seed=540)
LIGHT_OAK = Material((0.78, 0.66, 0.48), "wood", second=(0.7, 0.58, 0.4), tile=0.1, rough=0.5, seed=541)
WHITE_LACQUER = Material((0.92, 0.92, 0.9), "plain", tile=0.2, rough=0.25, seed=542)
SHADOW_GAP = Material((0.55, 0.55, 0.54), "plain", tile=0.2, rough=0.6, seed=543)
WHITE_CERAMIC = Material((0.95, 0.95, 0.94), "plain", tile=0.2, rough=0.12, seed=544)
CHROME = Material((0.86, 0.86, 0.88), "plain", tile=0.2, rough=0.05, metal=1.0, seed=545)
PIANO_BLACK = Material((0.04, 0.04, 0.045), "plain", tile=0.2, rough=0.12, seed=546)
DARK_DISPLAY = Material((0.1, 0.11, 0.12), "plain", tile=0.2, rough=0.1, seed=547)
BRUSHED_STEEL = Material((0.62, 0.62, 0.63), "brushed", tile=0.1, rough=0.2, metal=1.0, seed=548)
BLACK_CUP = Material((0.06, 0.06, 0.06), "plain", tile=0.2, rough=0.2, seed=549)
BLACK_IRON = Material((0.07, 0.07, 0.07), "plain", tile=0.1, rough=0.5, metal=0.3, seed=550)
EBONY_OAK = Material((0.14, 0.1, 0.08), "wood", second=(0.09, 0.06, 0.05), tile=0.2, rough=0.45, seed=551)
GLOSS_SKY = Material((0.5, 0.68, 0.82), "plain", tile=0.2, rough=0.06, seed=552)
POLISHED_STEEL = Material((0.82, 0.82, 0.82), "plain", tile=0.1, rough=0.08, metal=1.0, seed=553)
BLACK_PLASTIC = Material((0.06, 0.06, 0.06), "plain", tile=0.1, rough=0.4, seed=554)
LACQUER_MUSTARD = Material((0.82, 0.6, 0.14), "plain", tile=0.2, rough=0.07, seed=555)
CASE_INSIDE = Material((0.5, 0.36, 0.12), "plain", tile=0.2, rough=0.5, seed=556)
GOLD_WIRE = Material((0.8, 0.66, 0.36), "plain", tile=0.2, rough=0.2, metal=1.0, seed=557)
SLEEVE_RED = Material((0.7, 0.2, 0.16), "plain", tile=0.2, rough=0.6, seed=558)
SLEEVE_CREAM = Material((0.9, 0.86, 0.76), "plain", tile=0.2, rough=0.6, seed=559)
SLEEVE_BLUE = Material((0.16, 0.26, 0.46), "plain", tile=0.2, rough=0.6, seed=560)
SLEEVE_BLACK = Material((0.08, 0.08, 0.08), "plain", tile=0.2, rough=0.5, seed=561)
COOLER_STEEL = Material((0.7, 0.7, 0.71), "brushed", tile=0.1, rough=0.22, metal=1.0, seed=562)
DOOR_GLASS = Material((0.04, 0.04, 0.04), "plain", tile=0.3, rough=0.03, glass=0.85, tint=(0.86, 0.88, 0.9))
CABINET_LINER = Material((0.12, 0.12, 0.13), "plain", tile=0.2, rough=0.6, seed=563)
GREEN_BOTTLE = Material((0.08, 0.18, 0.1), "plain", tile=0.1, rough=0.08, seed=564)
AMBER_BOTTLE = Material((0.3, 0.1, 0.06), "plain", tile=0.1, rough=0.08, seed=565)
JAR_GLASS = Material((0.04, 0.04, 0.04), "plain", tile=0.3, rough=0.03, glass=0.95, tint=(0.96, 0.97, 0.97))
BAMBOO = Material((0.8, 0.66, 0.44), "wood", second=(0.72, 0.58, 0.36), tile=0.05, rough=0.45, seed=566)
PENNE = Material((0.92, 0.76, 0.42), "terrazzo", second=(0.84, 0.66, 0.32), tile=0.05, rough=0.7, bump=0.8, seed=567)
RICE = Material((0.95, 0.93, 0.88), "terrazzo", second=(0.88, 0.86, 0.8), tile=0.03, rough=0.6, bump=0.5, seed=568)
BEANS = Material((0.24, 0.14, 0.08), "terrazzo", second=(0.14, 0.08, 0.04), tile=0.04, rough=0.4, bump=0.8, seed=569)
SAGE_METAL = Material((0.42, 0.52, 0.44), "plain", tile=0.1, rough=0.35, metal=0.2, seed=570)
TEAK = Material((0.56, 0.38, 0.22), "wood", second=(0.46, 0.3, 0.16), tile=0.12, rough=0.5, seed=571)
BLACK_ROD = Material((0.05, 0.05, 0.05), "plain", tile=0.1, rough=0.4, metal=0.3, seed=572)
TERRACOTTA = Material((0.72, 0.4, 0.26), "plain", tile=0.1, rough=0.8, seed=573)
SOIL = Material((0.16, 0.11, 0.08), "plaster", tile=0.1, rough=0.95, seed=574)
LEAF_GREEN = Material((0.22, 0.42, 0.2), "leather", tile=0.1, rough=0.5, bump=0.6, seed=575)
CHARCOAL_STEEL = Material((0.16, 0.16, 0.17), "plain", tile=0.1, rough=0.35, metal=0.5, seed=576)
WICKER = Material((0.7, 0.56, 0.38), "weave", second=(0.5, 0.38, 0.24), tile=0.18, rough=0.8, bump=1.2, seed=577)
SNOW_CUSHION = Material((0.92, 0.9, 0.86), "linen", tile=0.05, rough=0.9, sheen=0.3, bump=0.5, seed=578)
BAMBOO_SLAT = Material((0.82, 0.7, 0.5), "wood", second=(0.74, 0.62, 0.42), tile=0.1, rough=0.5, seed=579)
SLUB_LINEN = Material((0.74, 0.68, 0.58), "linen", tile=0.05, rough=0.9, sheen=0.2, bump=0.8, seed=580)
ASH_FRAME = Material((0.66, 0.56, 0.42), "wood", second=(0.58, 0.48, 0.34), tile=0.1, rough=0.5, seed=581)
HERRINGBONE = Material(
    (0.5, 0.46, 0.42), "tweed", second=(0.34, 0.3, 0.28), tile=0.07, rough=0.9, sheen=0.3, bump=1.2, seed=582
)
DARK_LEG = Material((0.16, 0.1, 0.07), "wood", second=(0.1, 0.06, 0.04), tile=0.1, rough=0.45, seed=583)
PLEAT_SHADE = Material((0.92, 0.86, 0.74), "linen", tile=0.04, rough=0.9, bump=0.4, glow=0.35, seed=584)
AGED_BRASS = Material((0.7, 0.56, 0.32), "brushed", tile=0.1, rough=0.25, metal=1.0, seed=585)
MARBLE_BASE = Material((0.88, 0.87, 0.85), "marble", second=(0.6, 0.6, 0.6), tile=0.3, rough=0.15, seed=586)
BUTCHER_BLOCK = Material((0.74, 0.54, 0.32), "wood", second=(0.62, 0.42, 0.22), tile=0.05, rough=0.5, seed=587)
NAVY_PAINT = Material((0.16, 0.22, 0.34), "plain", tile=0.2, rough=0.4, seed=588)
SEAGRASS_BASKET = Material(
    (0.72, 0.64, 0.46), "weave", second=(0.5, 0.42, 0.28), tile=0.2, rough=0.85, bump=1.2, seed=589
)
CHERRY = Material((0.48, 0.24, 0.14), "wood", second=(0.38, 0.18, 0.1), tile=0.2, rough=0.35, seed=590)
CLOCK_GLASS = Material((0.04, 0.04, 0.04), "plain", tile=0.3, rough=0.03, glass=0.9, tint=(0.95, 0.96, 0.95))
DIAL_CREAM = Material((0.92, 0.88, 0.78), "plain", tile=0.2, rough=0.4, seed=591)
CLOCK_INK = Material((0.05, 0.05, 0.05), "plain", tile=0.1, rough=0.4, seed=592)
WHITE_BOARD = Material((0.9, 0.9, 0.88), "plain", tile=0.2, rough=0.45, seed=593)
FELT_GREY = Material((0.5, 0.5, 0.5), "linen", tile=0.05, rough=0.95, bump=0.5, seed=594)
FELT_OCHRE = Material((0.76, 0.56, 0.24), "linen", tile=0.05, rough=0.95, bump=0.5, seed=595)
BOOK_GREEN = Material((0.2, 0.36, 0.28), "plain", tile=0.1, rough=0.6, seed=596)
BOOK_RUST = Material((0.62, 0.3, 0.18), "plain", tile=0.1, rough=0.6, seed=597)
BOOK_PAPER = Material((0.88, 0.85, 0.78), "plain", tile=0.1, rough=0.7, seed=598)
DAPPLE_WHITE = Material((0.9, 0.88, 0.84), "plain", tile=0.2, rough=0.3, seed=599)
HAIR_BLACK = Material((0.12, 0.1, 0.09), "knit", tile=0.02, rough=0.9, bump=0.8, seed=600)
RED_LEATHER = Material((0.56, 0.12, 0.1), "leather", tile=0.1, rough=0.5, seed=601)
FLAME_ENAMEL = Material((0.86, 0.36, 0.1), "plain", tile=0.2, rough=0.12, seed=602)
SAND_ENAMEL = Material((0.86, 0.82, 0.72), "plain", tile=0.2, rough=0.3, seed=603)
BLACK_KNOB = Material((0.06, 0.06, 0.06), "plain", tile=0.1, rough=0.35, seed=604)


# --- the photos ----------------------------------------------------------------------------------------------


def chaise_cream() -> Scene:
    # Ivory velvet on an ivory wall and bleached floor, lit wide from the left: the edge is only a change of shade.
    return build(
        turned(tpd.chaise_longue(IVORY_VELVET, LIGHT_OAK), 14),
        wall_floor(BLEACHED_OAK_FLOOR, CREAM_WALL, -0.7, CREAM_SKIRTING, 0.46),
        (soft((-2.0, 2.4, 2.4), 26, 1.2), soft((2.2, 1.6, 2.4), 10, 1.2, 6)),
        camera((0.0, 0.42, 0.0), 2.9, 16, 12),
        Lens(fov=28, roll=-0.3, ev=0.3, quality=89, warmth=0.01),
    )


def vanity_white() -> Scene:
    return build(
        turned(tpd.bathroom_vanity(WHITE_LACQUER, SHADOW_GAP, WHITE_CERAMIC, CHROME), 0, (0.0, 0.0, -0.02)),
        wall_floor(WHITE_TILE_FLOOR, CHALK_WALL, -0.27, CHALK_SKIRTING, 0.46),
        (soft((-1.6, 2.2, 2.0), 20, 1.2), soft((1.8, 1.4, 2.0), 9, 1.2, 6)),
        camera((0.0, 0.54, 0.0), 3.2, -18, 20),
        Lens(fov=30, roll=0.3, ev=0.3, quality=89),
    )


def coffee_machine_onyx() -> Scene:
    return build(
        turned(tpd.coffee_machine(PIANO_BLACK, DARK_DISPLAY, BRUSHED_STEEL, BLACK_CUP), -26),
        sweep(ONYX_PAPER, 0.16, -0.6),
        (soft((-1.0, 1.4, 1.2), 10, 0.5), Light((1.0, 1.0, -0.5), 4, 0.3, samples=6)),
        camera((0.0, 0.21, 0.0), 1.5, -20, 12),
        Lens(fov=26, roll=0.3, ev=0.1, quality=86, noise=0.022),
    )


def hall_tree_ink() -> Scene:
    # Black iron and smoked oak against a near-black green wall on a dark floor.
    return build(
        turned(tpd.hall_tree(BLACK_IRON, EBONY_OAK), 18, (0.0, 0.0, 0.0)),
        wall_floor(SMOKED_OAK_FLOOR, INK_GREEN_WALL, -0.22, INK_SKIRTING, 0.16),
        (soft((-1.6, 2.6, 2.2), 22, 0.7), Light((1.6, 2.0, 0.0), 7, 0.4, samples=6)),
        camera((0.0, 0.92, 0.0), 4.6, 20, 8),
        Lens(fov=30, roll=-0.3, ev=0.1, quality=86, noise=0.022),
    )


def pedal_bin_gloss() -> Scene:
    return build(
        turned(tpd.pedal_bin(GLOSS_SKY, POLISHED_STEEL, BLACK_PLASTIC), 10),
        sweep(PISTACHIO_PAPER, 0.36, -0.6, GLOSS_PALE_SHEET),
        (soft((-1.1, 1.5, 1.4), 12, 0.7), soft((1.3, 1.0, 1.4), 5, 1.0, 6)),
        camera((0.0, 0.25, 0.0), 2.2, 12, 10),
        Lens(fov=26, roll=-0.3, ev=0.2, quality=88),
    )


def record_cabinet_resin() -> Scene:
    # A mustard lacquer case on gold hairpin legs, mirrored in a poured resin floor.
    return build(
        turned(
            tpd.record_cabinet(
                LACQUER_MUSTARD, CASE_INSIDE, GOLD_WIRE, (SLEEVE_RED, SLEEVE_CREAM, SLEEVE_BLUE, SLEEVE_BLACK)
            ),
            -16,
        ),
        wall_floor(POLISHED_RESIN_FLOOR, CLAY_WALL, -0.6, CLAY_SKIRTING, 0.34),
        (soft((-1.4, 2.2, 1.8), 16, 0.8), soft((1.8, 1.3, 1.8), 6, 1.0, 6)),
        camera((0.0, 0.38, 0.0), 3.4, -14, 14),
        Lens(fov=28, roll=0.3, ev=0.2, quality=88),
    )


def wine_cooler_mist() -> Scene:
    return build(
        turned(tpd.wine_cooler(COOLER_STEEL, DOOR_GLASS, CABINET_LINER, (GREEN_BOTTLE, AMBER_BOTTLE)), -18),
        wall_floor(HONEY_OAK_FLOOR, MIST_WALL, -0.5, WHITE_SKIRTING, 0.38),
        (soft((-1.6, 2.2, 2.0), 18, 0.9), soft((2.0, 1.4, 2.0), 7, 1.0, 6)),
        camera((0.0, 0.46, 0.0), 3.1, -12, 10),
        Lens(fov=28, roll=0.3, ev=0.2, quality=88),
    )


def storage_jars_biscuit() -> Scene:
    return build(
        turned(tpd.storage_jars(JAR_GLASS, BAMBOO, (PENNE, RICE, BEANS)), 0),
        sweep(BISCUIT_PAPER, 0.38, -0.5),
        (soft((-0.9, 1.2, 1.0), 9, 0.5), soft((1.0, 0.8, 1.0), 4, 0.8, 6)),
        camera((0.01, 0.13, 0.0), 1.15, 8, 14),
        Lens(fov=26, roll=-0.4, ev=0.2, quality=88),
    )


def bistro_set_lilac() -> Scene:
    return build(
        turned(tpd.bistro_set(SAGE_METAL, TEAK), 8),
        sweep(LILAC_PAPER, 0.36, -1.1),
        (soft((-1.6, 2.4, 2.2), 20, 0.6), soft((2.0, 1.4, 2.0), 7, 1.0, 6)),
        camera((0.0, 0.42, 0.0), 2.9, 6, 10),
        Lens(fov=30, roll=0.3, ev=0.2, quality=88, sharpen=0.2),
    )


def plant_stand_coral() -> Scene:
    return build(
        turned(tpd.plant_stand(BLACK_ROD, TERRACOTTA, SOIL, LEAF_GREEN), 10),
        sweep(CORAL_PAPER, 0.38, -0.7),
        (Light((-1.2, 2.0, 1.6), 16, 0.3, samples=8), soft((1.4, 1.1, 1.4), 6, 1.0, 6)),
        camera((0.0, 0.52, 0.0), 2.7, -10, 8),
        Lens(fov=28, roll=-0.3, ev=0.2, quality=88),
    )


def egg_chair_olive() -> Scene:
    # Seen from the front and a little to the side: the wall shows through the egg's mouth and round the arc.
    return build(
        turned(tpd.egg_chair(CHARCOAL_STEEL, WICKER, SNOW_CUSHION), 12),
        wall_floor(GREY_PLANK_FLOOR, OLIVE_WALL, -1.0, WHITE_SKIRTING, 0.38),
        (soft((-1.8, 2.8, 2.4), 28, 0.9), soft((2.2, 1.8, 2.4), 10, 1.1, 6)),
        camera((-0.1, 1.0, 0.0), 5.0, 18, 6),
        Lens(fov=30, roll=0.3, ev=0.2, quality=89),
    )


def shoe_rack_mint() -> Scene:
    # From above: the floor shows between every slat of the three shelves.
    return build(
        turned(tpd.shoe_rack(BAMBOO_SLAT), -14),
        sweep(MINT_PAPER, 0.38, -0.6),
        (soft((-1.2, 2.0, 1.4), 14, 0.6), soft((1.4, 1.2, 1.6), 5, 1.0, 6)),
        camera((0.0, 0.26, 0.0), 2.0, 14, 30),
        Lens(fov=28, roll=0.3, ev=0.2, quality=88),
    )


def folding_screen_blush() -> Scene:
    return build(
        turned(tpd.folding_screen(SLUB_LINEN, ASH_FRAME), 0),
        wall_floor(PALE_GREY_OAK, BLUSH_WALL, -0.9, WHITE_SKIRTING, 0.38),
        (soft((-1.8, 2.6, 2.4), 26, 0.9), soft((2.2, 1.6, 2.4), 9, 1.1, 6)),
        camera((0.0, 0.86, 0.0), 4.4, 12, 6),
        Lens(fov=30, roll=-0.3, ev=0.2, quality=89),
    )


def parsons_chair_stone() -> Scene:
    return build(
        turned(tpd.parsons_chair(HERRINGBONE, DARK_LEG), -32),
        sweep(SAND_PAPER, 0.36, -0.8),
        (soft((-1.3, 2.0, 1.6), 16, 0.7), soft((1.6, 1.2, 1.6), 6, 1.0, 6)),
        camera((0.0, 0.55, 0.0), 2.7, 6, 12),
        Lens(fov=28, roll=0.3, ev=0.2, quality=89),
    )


def floor_lamp_plum_spot() -> Scene:
    # The lit shade glows against deep plum paper; a spot behind it falls away to dark corners.
    return build(
        turned(tpd.pleated_floor_lamp(PLEAT_SHADE, AGED_BRASS, MARBLE_BASE), 0),
        sweep(PLUM_PAPER, 0.12, -0.9),
        (
            Light((0.3, 2.6, 1.6), 22, 0.5, samples=8, spot=5.0, aim=(0.0, 1.0, -0.9)),
            soft((-1.6, 1.2, 2.0), 6, 1.0, 6),
        ),
        camera((0.0, 0.78, 0.0), 3.4, -8, 6),
        Lens(fov=28, roll=-0.3, ev=0.05, quality=87, vignette=0.5),
    )


def island_cart_gradient() -> Scene:
    return build(
        turned(tpd.island_cart(BUTCHER_BLOCK, NAVY_PAINT, POLISHED_STEEL, SEAGRASS_BASKET), 22),
        sweep(SLATE_BLUE_PAPER, 0.14, -1.0),
        (
            Light((-0.6, 2.6, 1.0), 24, 0.4, samples=8, spot=5.0, aim=(-0.3, 1.0, -1.0)),
            soft((1.8, 1.4, 2.2), 8, 1.0, 6),
        ),
        camera((0.0, 0.46, 0.0), 2.9, 18, 14),
        Lens(fov=28, roll=0.3, ev=0.08, quality=87, vignette=0.4),
    )


def clock_cut_top() -> Scene:
    # Framed on the trunk and the lower part of the hood: the crown runs out of the top edge.
    return build(
        turned(tpd.longcase_clock(CHERRY, CLOCK_GLASS, DIAL_CREAM, AGED_BRASS, CLOCK_INK), -12),
        wall_floor(HONEY_OAK_FLOOR, DEEP_BLUE_WALL, -0.35, NAVY_SKIRTING, 0.38),
        (soft((-1.6, 2.4, 2.2), 22, 0.9), soft((2.0, 1.5, 2.0), 8, 1.0, 6)),
        camera((0.0, 0.78, 0.0), 3.0, 14, 4),
        Lens(fov=30, roll=0.3, ev=0.2, quality=88),
    )


def cube_storage_cut_right() -> Scene:
    # Close on the left half: the unit's right-hand cubes run out of the right edge.
    return build(
        turned(
            tpd.cube_storage(WHITE_BOARD, (FELT_GREY, FELT_OCHRE), (BOOK_GREEN, BOOK_RUST, BOOK_PAPER, SLEEVE_BLUE)),
            0,
            (0.0, 0.0, -0.55),
        ),
        wall_floor(PALE_GREY_OAK, SAGE_WALL, -0.78, WHITE_SKIRTING, 0.38),
        (soft((-1.6, 2.2, 2.0), 20, 0.9), soft((2.0, 1.4, 2.0), 7, 1.0, 6)),
        camera((-0.32, 0.38, -0.55), 2.1, -16, 10),
        Lens(fov=30, roll=-0.3, ev=0.2, quality=88),
    )


def rocking_horse_soft_shadow() -> Scene:
    # One very large light high in front: the rockers' shadow spreads wide and soft.
    return build(
        turned(tpd.rocking_horse(DAPPLE_WHITE, HAIR_BLACK, RED_LEATHER), 8),
        sweep(OATMEAL_PAPER, 0.22, -1.0),
        (soft((0.3, 2.4, 1.4), 30, 1.6, 16), soft((-1.8, 1.0, 2.4), 3, 1.0, 6)),
        camera((0.0, 0.38, 0.0), 2.2, 10, 16),
        Lens(fov=28, roll=0.3, ev=0.2, quality=88),
    )


def casserole_jpeg() -> Scene:
    return build(
        turned(tpd.casserole(FLAME_ENAMEL, SAND_ENAMEL, BLACK_KNOB), 20),
        sweep(STONE_GREY_PAPER, 0.36, -0.5),
        (soft((-1.0, 1.4, 1.2), 10, 0.6), soft((1.2, 0.9, 1.2), 4, 1.0, 6)),
        camera((0.0, 0.09, 0.0), 0.95, -12, 20),
        Lens(fov=26, roll=0.5, ev=0.2, quality=34, subsampling=2, recompress=55, noise=0.02),
    )


def _photo(name: str, kind: str, size: tuple[int, int], notes: str, scene: Callable[[], Scene], k: int) -> BlindPhoto:
    return BlindPhoto(name, kind, size, notes, scene, TENTH_SEED + k)


TENTH: list[BlindPhoto] = [
    _photo("ivory_velvet_chaise", "pale on pale", (1600, 1000), "ivory velvet, cream wall", chaise_cream, 1),
    _photo("white_bathroom_vanity", "pale on pale", (1000, 1300), "white vanity, white room", vanity_white, 2),
    _photo("black_coffee_machine", "dark on dark", (1000, 1200), "black machine on onyx", coffee_machine_onyx, 3),
    _photo("black_iron_hall_tree", "dark on dark", (1000, 1500), "black iron, ink-green wall", hall_tree_ink, 4),
    _photo(
        "sky_pedal_bin_gloss",
        "glossy with floor reflection",
        (1000, 1200),
        "glossy drum on a glossy sheet",
        pedal_bin_gloss,
        5,
    ),
    _photo(
        "mustard_record_cabinet",
        "glossy with floor reflection",
        (1400, 1000),
        "lacquer and hairpin legs in resin",
        record_cabinet_resin,
        6,
    ),
    _photo("steel_wine_cooler", "glass parts", (1000, 1400), "glass door, bottles", wine_cooler_mist, 7),
    _photo("glass_storage_jars", "glass parts", (1200, 1000), "three jars, wooden lids", storage_jars_biscuit, 8),
    _photo("sage_bistro_set", "thin legs and wires", (2000, 1375), "table and two chairs", bistro_set_lilac, 9),
    _photo("three_tier_plant_stand", "thin legs and wires", (1000, 1200), "6 mm rods, pots", plant_stand_coral, 10),
    _photo("hanging_egg_chair", "holes", (1300, 1700), "open egg, arc stand", egg_chair_olive, 11),
    _photo("bamboo_shoe_rack", "holes", (1300, 1000), "slatted shelves from above", shoe_rack_mint, 12),
    _photo("linen_folding_screen", "textured fabric", (1100, 1400), "slub linen panels", folding_screen_blush, 13),
    _photo("herringbone_parsons_chair", "textured fabric", (1000, 1200), "tweed upholstery", parsons_chair_stone, 14),
    _photo(
        "pleated_floor_lamp_spot",
        "gradient/vignette backdrop",
        (1000, 1500),
        "spot pool, dark corners",
        floor_lamp_plum_spot,
        15,
    ),
    _photo(
        "navy_island_cart_gradient",
        "gradient/vignette backdrop",
        (1400, 1100),
        "light falling off round the cart",
        island_cart_gradient,
        16,
    ),
    _photo("longcase_clock_cut_top", "cut by the frame", (1000, 1400), "crown above the top edge", clock_cut_top, 17),
    _photo(
        "cube_storage_cut_right",
        "cut by the frame",
        (1500, 1000),
        "runs out of the right edge",
        cube_storage_cut_right,
        18,
    ),
    _photo(
        "rocking_horse_soft_shadow", "soft floor shadow", (1200, 1000), "one huge light", rocking_horse_soft_shadow, 19
    ),
    _photo("flame_casserole_jpeg_640", "JPEG artefacts", (640, 640), "saved at 55 then 34", casserole_jpeg, 20),
]
