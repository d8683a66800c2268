"""The ninth set: product photos built by someone who never saw any cut-out result, evaluated once;
the cut-out was corrected on what it showed afterwards, so it is a tuning set now.

It was built to measure the cut-out on photos nothing was tuned on: while the set was made, no part of the cut-out
was run and no result of it (nor any figure about which photos of the other sets failed) was looked at; only the
renders and their true alpha were, on the contact sheet of ``preview.py ninth``. The photos come from the blind
set's renderer (``blind_render.py``) with products, materials, backdrops, lighting and camera angles of their own
(``ninth_products.py``): home goods and furniture none of the other sets shows, each standing for one kind of
difficulty in the words the other sets use. The truth is each pixel's coverage by product geometry: glass
included, shadows and reflections not.
"""

from __future__ import annotations

from collections.abc import Callable

from imaging_eval import ninth_products as npd
from imaging_eval.blind import BlindPhoto
from imaging_eval.blind_light import Lens, Light, Scene
from imaging_eval.blind_texture import Material
from imaging_eval.staging import build, camera, soft, sweep, turned, wall_floor

NINTH_SEED = 400  # seeds of this set's photos start past the eighth set's


# Backdrops and floors: sheets, paints and floors of this set's own colours.
PORCELAIN_PAPER = Material((0.92, 0.92, 0.91), "paper", tile=1.4, rough=0.95, seed=401)
LINEN_WHITE_WALL = Material((0.9, 0.88, 0.83), "plaster", tile=1.1, rough=0.95, bump=0.14, seed=402)
PALE_ASH_FLOOR = Material((0.84, 0.78, 0.68), "planks", second=(0.78, 0.71, 0.6), tile=0.8, rough=0.55, seed=403)
IVORY_SKIRTING = Material((0.92, 0.9, 0.85), "plain", tile=0.5, rough=0.4, seed=404)
CHARCOAL_PAPER = Material((0.16, 0.16, 0.17), "paper", tile=1.4, rough=0.92, seed=405)
SOOT_WALL = Material((0.14, 0.14, 0.15), "plaster", tile=1.1, rough=0.95, bump=0.16, seed=406)
SLATE_FLOOR = Material((0.17, 0.17, 0.18), "plaster", tile=0.9, rough=0.7, bump=0.2, seed=407)
GRAPHITE_SKIRTING = Material((0.1, 0.1, 0.11), "plain", tile=0.5, rough=0.45, seed=408)
BLUSH_PAPER = Material((0.9, 0.78, 0.76), "paper", tile=1.4, rough=0.95, seed=409)
GLOSS_WHITE_SHEET = Material((0.9, 0.9, 0.9), "paper", tile=2.0, rough=0.08, gloss=0.85, seed=410)
DOVE_WALL = Material((0.66, 0.64, 0.6), "plaster", tile=1.1, rough=0.95, bump=0.14, seed=411)
POLISHED_CONCRETE = Material((0.5, 0.5, 0.49), "plain", tile=2.0, rough=0.06, gloss=0.8, seed=412)
DOVE_SKIRTING = Material((0.7, 0.68, 0.64), "plain", tile=0.5, rough=0.4, seed=413)
SAGE_WALL = Material((0.6, 0.66, 0.56), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=414)
WALNUT_FLOOR = Material((0.48, 0.34, 0.22), "planks", second=(0.4, 0.28, 0.18), tile=0.8, rough=0.5, seed=415)
WHITE_SKIRTING = Material((0.93, 0.93, 0.91), "plain", tile=0.5, rough=0.4, seed=416)
DUNE_PAPER = Material((0.82, 0.74, 0.62), "paper", tile=1.4, rough=0.95, seed=417)
STEEL_BLUE_PAPER = Material((0.56, 0.64, 0.72), "paper", tile=1.4, rough=0.95, seed=418)
PEACH_PAPER = Material((0.93, 0.74, 0.6), "paper", tile=1.4, rough=0.95, seed=419)
POWDER_BLUE_WALL = Material((0.66, 0.74, 0.8), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=420)
OAK_FLOOR = Material((0.7, 0.55, 0.38), "planks", second=(0.6, 0.46, 0.3), tile=0.8, rough=0.5, seed=421)
DUSTY_ROSE_PAPER = Material((0.78, 0.6, 0.6), "paper", tile=1.4, rough=0.95, seed=422)
PUTTY_PAPER = Material((0.72, 0.7, 0.66), "paper", tile=1.4, rough=0.95, seed=423)
TERRACOTTA_WALL = Material((0.74, 0.46, 0.34), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=424)
GREY_OAK_FLOOR = Material((0.56, 0.52, 0.46), "planks", second=(0.48, 0.44, 0.38), tile=0.8, rough=0.5, seed=425)
TEAL_PAPER = Material((0.1, 0.3, 0.32), "paper", tile=1.4, rough=0.95, seed=426)
WARM_GREY_PAPER = Material((0.55, 0.52, 0.48), "paper", tile=1.4, rough=0.95, seed=427)
SKY_WALL = Material((0.74, 0.82, 0.88), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=428)
SAFFRON_PAPER = Material((0.92, 0.7, 0.28), "paper", tile=1.4, rough=0.95, seed=429)
LINEN_PAPER = Material((0.8, 0.76, 0.7), "paper", tile=1.4, rough=0.95, seed=430)
STONE_PAPER = Material((0.86, 0.85, 0.82), "paper", tile=1.4, rough=0.95, seed=431)

# Product finishes
VITREOUS_WHITE = Material((0.94, 0.94, 0.93), "plain", tile=0.2, rough=0.15, seed=440)
CHROME = Material((0.85, 0.86, 0.88), "plain", tile=0.2, rough=0.06, metal=1.0, seed=441)
OATMEAL_LINEN = Material((0.86, 0.82, 0.74), "linen", tile=0.05, rough=0.9, sheen=0.3, bump=0.5, seed=442)
WHITE_BEDDING = Material((0.93, 0.92, 0.9), "linen", tile=0.05, rough=0.9, bump=0.3, seed=443)
PALE_OAK = Material((0.8, 0.7, 0.54), "wood", second=(0.72, 0.62, 0.46), tile=0.1, rough=0.5, seed=444)
BLACK_MESH = Material((0.06, 0.06, 0.065), "weave", tile=0.03, rough=0.85, bump=0.6, seed=445)
BLACK_NYLON = Material((0.05, 0.05, 0.05), "plain", tile=0.1, rough=0.35, seed=446)
DARK_STEEL = Material((0.22, 0.22, 0.23), "brushed", tile=0.1, rough=0.25, metal=1.0, seed=447)
CAST_IRON = Material((0.08, 0.08, 0.08), "leather", tile=0.2, rough=0.7, seed=448)
STOVE_GLASS = Material((0.04, 0.04, 0.04), "plain", tile=0.3, rough=0.04, glass=0.8, tint=(0.8, 0.76, 0.7))
SOOT = Material((0.03, 0.025, 0.02), "plaster", tile=0.1, rough=0.95, seed=449)
NICKEL = Material((0.6, 0.6, 0.6), "plain", tile=0.1, rough=0.2, metal=1.0, seed=450)
GLOSS_TOMATO = Material((0.72, 0.14, 0.1), "plain", tile=0.2, rough=0.08, seed=451)
POLISHED_STEEL = Material((0.8, 0.8, 0.8), "brushed", tile=0.1, rough=0.12, metal=1.0, seed=452)
GREY_RUBBER = Material((0.2, 0.2, 0.2), "plain", tile=0.1, rough=0.8, seed=453)
LACQUER_FOREST = Material((0.1, 0.26, 0.2), "plain", tile=0.2, rough=0.08, seed=454)
LACQUER_OCHRE = Material((0.76, 0.52, 0.16), "plain", tile=0.2, rough=0.08, seed=455)
LACQUER_OXBLOOD = Material((0.42, 0.1, 0.1), "plain", tile=0.2, rough=0.08, seed=456)
BRASS = Material((0.84, 0.68, 0.38), "plain", tile=0.2, rough=0.15, metal=1.0, seed=457)
WALNUT = Material((0.38, 0.24, 0.15), "wood", second=(0.28, 0.17, 0.1), tile=0.3, rough=0.45, seed=458)
CLEAR_GLASS = Material((0.04, 0.04, 0.04), "plain", tile=0.3, rough=0.03, glass=0.95, tint=(0.95, 0.97, 0.96))
CELADON = Material((0.62, 0.74, 0.66), "plain", tile=0.2, rough=0.2, seed=459)
CHALK_GLAZE = Material((0.9, 0.88, 0.82), "plain", tile=0.2, rough=0.35, seed=460)
ANTIQUE_BRASS = Material((0.62, 0.5, 0.3), "brushed", tile=0.2, rough=0.3, metal=1.0, seed=461)
IVORY_WAX = Material((0.94, 0.9, 0.8), "plain", tile=0.1, rough=0.6, seed=462)
HURRICANE_GLASS = Material((0.04, 0.04, 0.04), "plain", tile=0.3, rough=0.03, glass=0.92, tint=(0.96, 0.97, 0.95))
SATIN_WHITE = Material((0.9, 0.9, 0.88), "plain", tile=0.1, rough=0.35, seed=463)
WHITE_WIRE = Material((0.92, 0.92, 0.9), "plain", tile=0.1, rough=0.3, seed=464)
PALE_BLADE = Material((0.86, 0.9, 0.92), "plain", tile=0.1, rough=0.25, seed=465)
BLACK_WIRE = Material((0.06, 0.06, 0.06), "plain", tile=0.1, rough=0.4, metal=0.3, seed=466)
BLACK_WOOD = Material((0.1, 0.09, 0.08), "wood", second=(0.06, 0.05, 0.05), tile=0.2, rough=0.45, seed=467)
DARK_WALNUT = Material((0.3, 0.19, 0.12), "wood", second=(0.22, 0.13, 0.08), tile=0.15, rough=0.45, seed=468)
RATTAN = Material((0.78, 0.62, 0.4), "wood", second=(0.66, 0.5, 0.3), tile=0.08, rough=0.55, seed=469)
CREAM_CUSHION = Material((0.9, 0.86, 0.78), "linen", tile=0.05, rough=0.9, sheen=0.3, bump=0.5, seed=470)
SEAGRASS = Material((0.7, 0.62, 0.44), "weave", second=(0.46, 0.38, 0.24), tile=0.35, rough=0.85, bump=1.2, seed=471)
COTTON_ROPE = Material((0.88, 0.85, 0.78), "knit", tile=0.02, rough=0.9, bump=0.8, seed=472)
MOSS_TWEED = Material(
    (0.44, 0.46, 0.32), "tweed", second=(0.3, 0.32, 0.22), tile=0.08, rough=0.9, sheen=0.3, bump=1.2, seed=473
)
DARK_OAK = Material((0.34, 0.24, 0.16), "wood", second=(0.26, 0.18, 0.12), tile=0.1, rough=0.5, seed=474)
MAHOGANY_CASE = Material((0.4, 0.18, 0.1), "wood", second=(0.3, 0.12, 0.06), tile=0.2, rough=0.3, seed=475)
HORN_BRASS = Material((0.86, 0.7, 0.4), "plain", tile=0.2, rough=0.18, metal=1.0, seed=476)
RECORD_BLACK = Material((0.04, 0.04, 0.04), "plain", tile=0.1, rough=0.25, seed=477)
WHITE_OAK_TOP = Material((0.82, 0.72, 0.56), "wood", second=(0.74, 0.63, 0.47), tile=0.4, rough=0.5, seed=478)
MATT_BLACK = Material((0.06, 0.06, 0.06), "plain", tile=0.1, rough=0.5, metal=0.2, seed=479)
GREY_PANEL = Material((0.3, 0.3, 0.32), "plain", tile=0.1, rough=0.4, seed=480)
PINE = Material((0.82, 0.68, 0.48), "wood", second=(0.74, 0.58, 0.38), tile=0.3, rough=0.55, seed=481)
STRIPE_TICKING = Material((0.88, 0.88, 0.86), "twill", second=(0.78, 0.8, 0.84), tile=0.05, rough=0.9, seed=482)
NAVY_DUVET = Material((0.16, 0.22, 0.38), "linen", tile=0.05, rough=0.9, bump=0.4, seed=483)
MUSTARD_DUVET = Material((0.8, 0.6, 0.2), "linen", tile=0.05, rough=0.9, bump=0.4, seed=484)
SAGE_PAINT = Material((0.46, 0.58, 0.5), "wood", second=(0.42, 0.54, 0.46), tile=0.3, rough=0.5, seed=485)
CANE = Material((0.74, 0.58, 0.36), "cane", second=(0.62, 0.46, 0.26), tile=0.06, rough=0.7, bump=0.8, seed=486)
RUST_CUSHION = Material((0.7, 0.36, 0.22), "boucle", tile=0.06, rough=0.95, sheen=0.3, bump=1.2, seed=487)
SLATE_ENAMEL = Material((0.32, 0.42, 0.5), "plain", tile=0.2, rough=0.2, seed=488)


# --- the photos ----------------------------------------------------------------------------------------------


def basin_porcelain() -> Scene:
    # A white basin on white paper under wide, even light from the front: little but shading marks its edge.
    return build(
        turned(npd.pedestal_basin(VITREOUS_WHITE, CHROME), -16),
        sweep(PORCELAIN_PAPER, 0.46, -0.7),
        (soft((-1.3, 2.0, 2.0), 16, 1.2), soft((1.5, 1.2, 2.0), 8, 1.2, 6)),
        camera((0.0, 0.5, 0.0), 2.9, 10, 12),
        Lens(fov=26, roll=0.3, ev=0.35, quality=90, vignette=0.04),
    )


def wingback_bed_linen() -> Scene:
    return build(
        turned(npd.wingback_bed(OATMEAL_LINEN, WHITE_BEDDING, PALE_OAK), 0),
        wall_floor(PALE_ASH_FLOOR, LINEN_WHITE_WALL, -1.25, IVORY_SKIRTING, 0.44),
        (soft((-2.0, 2.8, 2.4), 30, 1.0), soft((2.4, 1.8, 2.4), 10, 1.1, 6)),
        camera((0.0, 0.55, -0.15), 5.2, 30, 18),
        Lens(fov=30, roll=-0.3, ev=0.3, quality=89, warmth=0.015),
    )


def office_chair_charcoal() -> Scene:
    return build(
        turned(npd.office_chair(BLACK_MESH, BLACK_NYLON, DARK_STEEL), -24),
        sweep(CHARCOAL_PAPER, 0.16, -0.9),
        (soft((-1.3, 2.0, 1.6), 16, 0.6), Light((1.2, 1.4, -0.6), 5, 0.3, samples=6)),
        camera((0.0, 0.56, 0.0), 3.1, -14, 14),
        Lens(fov=28, roll=0.3, ev=0.1, quality=86, noise=0.022),
    )


def wood_stove_soot() -> Scene:
    # A black stove against a near-black wall on dark slate; a rim light behind left draws the top and flue.
    return build(
        turned(npd.wood_stove(CAST_IRON, STOVE_GLASS, SOOT, NICKEL), 16),
        wall_floor(SLATE_FLOOR, SOOT_WALL, -0.5, GRAPHITE_SKIRTING, 0.14),
        (soft((1.3, 1.8, 1.8), 14, 0.6), Light((-1.0, 1.4, -0.3), 6, 0.3, samples=6)),
        camera((0.0, 0.46, 0.0), 2.6, 18, 12),
        Lens(fov=28, roll=-0.3, ev=0.1, quality=86, noise=0.024),
    )


def stand_mixer_gloss() -> Scene:
    return build(
        turned(npd.stand_mixer(GLOSS_TOMATO, POLISHED_STEEL, GREY_RUBBER), 0),
        sweep(BLUSH_PAPER, 0.36, -0.6, GLOSS_WHITE_SHEET),
        (soft((-1.0, 1.6, 1.4), 12, 0.7), soft((1.3, 1.0, 1.4), 5, 1.0, 6)),
        camera((0.0, 0.2, 0.0), 1.55, 42, 12),
        Lens(fov=26, roll=-0.3, ev=0.2, quality=88),
    )


def nesting_tables_concrete() -> Scene:
    # Three lacquered tops and thin brass legs mirrored in a polished concrete floor.
    return build(
        turned(npd.nesting_tables((LACQUER_FOREST, LACQUER_OCHRE, LACQUER_OXBLOOD), BRASS), 18),
        wall_floor(POLISHED_CONCRETE, DOVE_WALL, -0.7, DOVE_SKIRTING, 0.34),
        (soft((-1.4, 2.2, 1.8), 16, 0.8), soft((1.8, 1.3, 1.8), 6, 1.0, 6)),
        camera((0.0, 0.28, 0.05), 2.0, -22, 16),
        Lens(fov=28, roll=0.3, ev=0.2, quality=88),
    )


def display_cabinet_sage() -> Scene:
    return build(
        turned(npd.display_cabinet(WALNUT, CLEAR_GLASS, (CELADON, CHALK_GLAZE), BRASS), -20),
        wall_floor(OAK_FLOOR, SAGE_WALL, -0.55, WHITE_SKIRTING, 0.38),
        (soft((-1.6, 2.4, 2.0), 22, 0.9), soft((2.0, 1.5, 2.0), 7, 1.0, 6)),
        camera((0.0, 0.8, 0.0), 4.5, 14, 9),
        Lens(fov=30, roll=0.3, ev=0.2, quality=88),
    )


def hurricane_lantern_dune() -> Scene:
    return build(
        turned(npd.hurricane_lantern(ANTIQUE_BRASS, HURRICANE_GLASS, IVORY_WAX), 12),
        sweep(DUNE_PAPER, 0.38, -0.6),
        (soft((-1.0, 1.5, 1.2), 12, 0.6), soft((1.2, 0.9, 1.2), 5, 0.9, 6)),
        camera((0.0, 0.26, 0.0), 1.6, -8, 10),
        Lens(fov=26, roll=-0.4, ev=0.2, quality=88),
    )


def pedestal_fan_steel_blue() -> Scene:
    return build(
        turned(npd.pedestal_fan(SATIN_WHITE, WHITE_WIRE, PALE_BLADE), 24),
        sweep(STEEL_BLUE_PAPER, 0.36, -0.8),
        (soft((-1.4, 2.2, 1.8), 16, 0.5), soft((1.6, 1.3, 1.6), 6, 1.0, 6)),
        camera((0.0, 0.72, 0.0), 3.1, -6, 6),
        Lens(fov=28, roll=0.4, ev=0.2, quality=88, sharpen=0.2),
    )


def bird_cage_peach() -> Scene:
    return build(
        turned(npd.bird_cage(BLACK_WIRE, BLACK_WOOD), 8),
        sweep(PEACH_PAPER, 0.38, -0.6),
        (Light((-1.0, 1.6, 1.4), 12, 0.3, samples=8), soft((1.2, 0.9, 1.2), 5, 1.0, 6)),
        camera((0.0, 0.27, 0.0), 1.5, 10, 12),
        Lens(fov=28, roll=-0.3, ev=0.2, quality=88),
    )


def rocking_chair_powder() -> Scene:
    # Three-quarter view: the blue wall shows between the spindles, under the arms and between the rockers.
    return build(
        turned(npd.rocking_chair(DARK_WALNUT), 34),
        wall_floor(OAK_FLOOR, POWDER_BLUE_WALL, -0.9, WHITE_SKIRTING, 0.38),
        (soft((-1.6, 2.2, 2.0), 20, 0.8), soft((2.0, 1.4, 1.8), 7, 1.0, 6)),
        camera((0.0, 0.48, -0.05), 3.3, 10, 9),
        Lens(fov=28, roll=0.3, ev=0.2, quality=88),
    )


def peacock_chair_rose() -> Scene:
    return build(
        turned(npd.peacock_chair(RATTAN, CREAM_CUSHION), 0),
        sweep(DUSTY_ROSE_PAPER, 0.38, -1.0),
        (Light((-1.4, 2.4, 2.2), 22, 0.4, samples=8), soft((1.8, 1.4, 2.0), 7, 1.0, 6)),
        camera((0.0, 0.74, 0.0), 3.3, 8, 8),
        Lens(fov=30, roll=-0.3, ev=0.2, quality=90),
    )


def seagrass_hamper() -> Scene:
    return build(
        turned(npd.laundry_hamper(SEAGRASS, COTTON_ROPE), -10),
        sweep(PUTTY_PAPER, 0.36, -0.7),
        (soft((-1.2, 1.7, 1.4), 14, 0.5), soft((1.5, 1.0, 1.5), 5, 1.0, 6)),
        camera((0.0, 0.31, 0.0), 2.0, 12, 14),
        Lens(fov=26, roll=0.3, ev=0.2, quality=89),
    )


def tweed_recliner() -> Scene:
    return build(
        turned(npd.recliner(MOSS_TWEED, DARK_OAK), -26),
        wall_floor(GREY_OAK_FLOOR, TERRACOTTA_WALL, -0.9, WHITE_SKIRTING, 0.36),
        (soft((-1.6, 2.2, 2.0), 20, 0.7), soft((2.0, 1.3, 1.8), 7, 1.0, 6)),
        camera((0.0, 0.5, 0.0), 3.0, 8, 12),
        Lens(fov=28, roll=-0.3, ev=0.2, quality=89),
    )


def gramophone_teal_spot() -> Scene:
    # A spot pools on deep teal paper behind the horn; the frame's corners fall away to near black.
    return build(
        turned(npd.gramophone(MAHOGANY_CASE, HORN_BRASS, RECORD_BLACK), 10),
        sweep(TEAL_PAPER, 0.12, -0.8),
        (
            Light((0.2, 2.0, 1.8), 22, 0.5, samples=8, spot=6.0, aim=(0.0, 0.3, -0.8)),
            soft((-1.4, 1.0, 1.6), 5, 0.9, 6),
        ),
        camera((0.08, 0.36, 0.05), 2.0, -14, 12),
        Lens(fov=28, roll=0.3, ev=0.05, quality=87, vignette=0.5),
    )


def standing_desk_gradient() -> Scene:
    # Light falls off from a bright patch behind the desk to a dark floor and dark upper corners.
    return build(
        turned(npd.standing_desk(WHITE_OAK_TOP, MATT_BLACK, GREY_PANEL), -16),
        sweep(WARM_GREY_PAPER, 0.14, -1.0),
        (
            Light((-0.3, 2.8, 1.0), 26, 0.4, samples=8, spot=5.0, aim=(0.0, 1.1, -1.0)),
            soft((1.8, 1.4, 2.2), 8, 1.0, 6),
        ),
        camera((0.0, 0.5, 0.0), 2.8, 14, 10),
        Lens(fov=30, roll=-0.3, ev=0.05, quality=87, vignette=0.4),
    )


def bunk_bed_cut_top() -> Scene:
    # Framed on the lower bunk and the ladder: the posts and the top guard rail run out of the top edge.
    return build(
        turned(npd.bunk_bed(PINE, STRIPE_TICKING, (NAVY_DUVET, MUSTARD_DUVET)), -14),
        wall_floor(GREY_OAK_FLOOR, SKY_WALL, -0.8, WHITE_SKIRTING, 0.38),
        (soft((-2.0, 2.8, 2.6), 30, 1.0), soft((2.4, 1.8, 2.6), 10, 1.1, 6)),
        camera((0.0, 0.5, 0.0), 3.9, 14, 4),
        Lens(fov=32, roll=0.3, ev=0.2, quality=88),
    )


def adirondack_cut_left() -> Scene:
    # Close on the chair's right arm: its left arm and runner run out of the left edge.
    return build(
        turned(npd.adirondack_chair(SAGE_PAINT), 24),
        sweep(SAFFRON_PAPER, 0.36, -0.9),
        (soft((-1.4, 2.0, 1.8), 16, 0.7), soft((1.8, 1.2, 1.8), 6, 1.0, 6)),
        camera((0.46, 0.48, 0.0), 2.2, 22, 12),
        Lens(fov=30, roll=-0.4, ev=0.2, quality=88),
    )


def papasan_soft_shadow() -> Scene:
    # One very large light high in front: the bowl's shadow spreads wide and soft round the drum.
    return build(
        turned(npd.papasan_chair(CANE, RUST_CUSHION), 0),
        sweep(LINEN_PAPER, 0.22, -1.1),
        (soft((0.3, 2.4, 1.4), 30, 1.6, 16), soft((-1.8, 1.0, 2.4), 3, 1.0, 6)),
        camera((0.0, 0.38, 0.0), 3.4, -10, 24),
        Lens(fov=28, roll=0.3, ev=0.2, quality=88),
    )


def kettle_jpeg() -> Scene:
    return build(
        turned(npd.stovetop_kettle(SLATE_ENAMEL, BLACK_WOOD, POLISHED_STEEL), -30),
        sweep(STONE_PAPER, 0.36, -0.5),
        (soft((-1.0, 1.4, 1.2), 10, 0.6), soft((1.2, 0.9, 1.2), 4, 1.0, 6)),
        camera((0.0, 0.13, 0.02), 0.98, 10, 16),
        Lens(fov=26, roll=0.5, ev=0.2, quality=36, subsampling=2, recompress=58, noise=0.02),
    )


def _photo(name: str, kind: str, size: tuple[int, int], notes: str, scene: Callable[[], Scene], k: int) -> BlindPhoto:
    return BlindPhoto(name, kind, size, notes, scene, NINTH_SEED + k)


NINTH: list[BlindPhoto] = [
    _photo("pedestal_basin_porcelain", "pale on pale", (1000, 1200), "white basin, white paper", basin_porcelain, 1),
    _photo("linen_wingback_bed", "pale on pale", (1600, 1000), "oatmeal linen, cream wall", wingback_bed_linen, 2),
    _photo("black_office_chair", "dark on dark", (1000, 1200), "black mesh on charcoal", office_chair_charcoal, 3),
    _photo("cast_iron_stove_soot", "dark on dark", (1100, 1300), "black stove, black wall", wood_stove_soot, 4),
    _photo(
        "red_stand_mixer_gloss",
        "glossy with floor reflection",
        (1200, 1000),
        "red enamel on a glossy white sheet",
        stand_mixer_gloss,
        5,
    ),
    _photo(
        "lacquer_nesting_tables",
        "glossy with floor reflection",
        (1300, 1000),
        "lacquer and brass in polished concrete",
        nesting_tables_concrete,
        6,
    ),
    _photo("walnut_display_cabinet", "glass parts", (1000, 1400), "glazed all round", display_cabinet_sage, 7),
    _photo("hurricane_lantern", "glass parts", (900, 1200), "glass chimney, candle", hurricane_lantern_dune, 8),
    _photo("white_pedestal_fan", "thin legs and wires", (900, 1300), "wire cage guards", pedestal_fan_steel_blue, 9),
    _photo("black_bird_cage", "thin legs and wires", (1000, 1000), "3 mm wires, domed top", bird_cage_peach, 10),
    _photo("walnut_rocking_chair", "holes", (1200, 1400), "spindles and rockers", rocking_chair_powder, 11),
    _photo("rattan_peacock_chair", "holes", (2000, 1500), "open fan back", peacock_chair_rose, 12),
    _photo("seagrass_hamper", "textured fabric", (1000, 1100), "woven seagrass, rope", seagrass_hamper, 13),
    _photo("tweed_recliner", "textured fabric", (1400, 1000), "moss tweed, terracotta wall", tweed_recliner, 14),
    _photo(
        "gramophone_teal_spot",
        "gradient/vignette backdrop",
        (1200, 1000),
        "spot pool, dark corners",
        gramophone_teal_spot,
        15,
    ),
    _photo(
        "standing_desk_gradient",
        "gradient/vignette backdrop",
        (1500, 1100),
        "light falling off round the desk",
        standing_desk_gradient,
        16,
    ),
    _photo("pine_bunk_bed_cut_top", "cut by the frame", (1800, 1300), "posts above the top edge", bunk_bed_cut_top, 17),
    _photo(
        "adirondack_cut_left", "cut by the frame", (1300, 1000), "runs out of the left edge", adirondack_cut_left, 18
    ),
    _photo("papasan_soft_shadow", "soft floor shadow", (1200, 1000), "one huge light", papasan_soft_shadow, 19),
    _photo("slate_kettle_jpeg_600", "JPEG artefacts", (600, 600), "saved at 58 then 36", kettle_jpeg, 20),
]
