"""The eighth set: product photos built by someone who never saw any cut-out result, evaluated once;
the cut-out was corrected on what it showed afterwards, so it is a tuning set now.

It was built to measure the cut-out on photos nothing was tuned on: while the set was made, no part of the cut-out
was run and no result of it (nor any figure about which photos of the other sets failed) was looked at; only the
renders and their true alpha were, on the contact sheet of ``preview.py eighth``. The photos come from the blind
set's renderer (``blind_render.py``) with products, materials, backdrops, lighting and camera angles of their own
(``eighth_products.py``): home goods and furniture none of the other sets shows, each standing for one kind of
difficulty in the words the other sets use. The truth is each pixel's coverage by product geometry: glass
included, shadows and reflections not.
"""

from __future__ import annotations

from collections.abc import Callable

from imaging_eval import eighth_products as ep
from imaging_eval.blind import BlindPhoto
from imaging_eval.blind_light import Lens, Light, Scene
from imaging_eval.blind_texture import Material
from imaging_eval.staging import build, camera, soft, sweep, turned, wall_floor

EIGHTH_SEED = 300  # seeds of this set's photos start past the final set's


# Backdrops and floors: sheets, paints and floors of this set's own colours.
OYSTER_PAPER = Material((0.9, 0.89, 0.85), "paper", tile=1.4, rough=0.95, seed=301)
CREAM_PLASTER = Material((0.9, 0.87, 0.8), "plaster", tile=1.1, rough=0.95, bump=0.14, seed=302)
OATMEAL_WORKTOP = Material((0.84, 0.8, 0.72), "terrazzo", tile=0.9, rough=0.6, seed=303)
CREAM_SKIRTING = Material((0.9, 0.88, 0.82), "plain", tile=0.5, rough=0.45, seed=304)
INK_PAPER = Material((0.12, 0.12, 0.14), "paper", tile=1.4, rough=0.92, seed=305)
SKY_PAPER = Material((0.66, 0.76, 0.84), "paper", tile=1.4, rough=0.95, seed=306)
GLOSS_PEARL_SHEET = Material((0.88, 0.88, 0.87), "paper", tile=2.0, rough=0.08, gloss=0.85, seed=307)
BOTTLE_GREEN_WALL = Material((0.2, 0.36, 0.3), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=308)
GLOSS_SLATE_TILE = Material((0.1, 0.1, 0.11), "plain", tile=2.0, rough=0.05, gloss=0.9, seed=309)
BLACK_SKIRTING = Material((0.08, 0.08, 0.09), "plain", tile=0.5, rough=0.4, seed=310)
MINT_PAPER = Material((0.74, 0.84, 0.78), "paper", tile=1.4, rough=0.95, seed=311)
PLUM_WALL = Material((0.46, 0.32, 0.4), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=312)
HONEY_OAK_FLOOR = Material((0.72, 0.54, 0.34), "planks", second=(0.62, 0.45, 0.27), tile=0.8, rough=0.5, seed=313)
SAND_WALL = Material((0.84, 0.78, 0.68), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=314)
SMOKED_OAK_FLOOR = Material((0.42, 0.34, 0.26), "planks", second=(0.34, 0.27, 0.2), tile=0.9, rough=0.55, seed=315)
SALMON_WALL = Material((0.86, 0.66, 0.58), "plaster", tile=1.1, rough=0.95, bump=0.15, seed=316)
WARM_WHITE_SKIRTING = Material((0.94, 0.93, 0.9), "plain", tile=0.5, rough=0.4, seed=317)
BISCUIT_PAPER = Material((0.86, 0.8, 0.7), "paper", tile=1.4, rough=0.95, seed=318)
CORAL_PAPER = Material((0.88, 0.56, 0.48), "paper", tile=1.4, rough=0.95, seed=319)
SLATE_BLUE_PAPER = Material((0.5, 0.56, 0.64), "paper", tile=1.4, rough=0.95, seed=320)
MIDNIGHT_PAPER = Material((0.12, 0.16, 0.3), "paper", tile=1.4, rough=0.95, seed=321)
SILVER_PAPER = Material((0.76, 0.77, 0.78), "paper", tile=1.4, rough=0.95, seed=322)

# Product finishes
IVORY_ENAMEL = Material((0.93, 0.92, 0.88), "plain", tile=0.2, rough=0.3, seed=330)
PALE_BEECH_KNOB = Material((0.86, 0.76, 0.6), "wood", second=(0.78, 0.67, 0.5), tile=0.1, rough=0.5, seed=331)
SEAM_SHADOW = Material((0.3, 0.3, 0.28), "plain", tile=0.1, rough=0.9, seed=332)
CREAM_STONEWARE = Material((0.9, 0.87, 0.8), "plain", tile=0.2, rough=0.45, seed=333)
OLIVE_WOOD = Material((0.78, 0.68, 0.52), "wood", second=(0.6, 0.5, 0.36), tile=0.1, rough=0.5, seed=334)
MAPLE_BOARD = Material((0.88, 0.8, 0.66), "wood", second=(0.8, 0.71, 0.56), tile=0.3, rough=0.55, seed=335)
SATIN_BLACK = Material((0.05, 0.05, 0.055), "plain", tile=0.2, rough=0.4, seed=336)
VINYL_BLACK = Material((0.03, 0.03, 0.03), "plain", tile=0.1, rough=0.25, seed=337)
DARK_CHROME = Material((0.3, 0.3, 0.31), "brushed", tile=0.1, rough=0.25, metal=1.0, seed=338)
RUBBER_BLACK = Material((0.06, 0.06, 0.06), "plain", tile=0.1, rough=0.8, seed=339)
OCEAN_GLAZE = Material((0.18, 0.38, 0.6), "plain", tile=0.3, rough=0.12, seed=340)
GLOSS_MAHOGANY = Material((0.36, 0.14, 0.08), "wood", second=(0.26, 0.09, 0.05), tile=0.3, rough=0.15, seed=341)
BRIGHT_BRASS = Material((0.88, 0.72, 0.42), "plain", tile=0.2, rough=0.12, metal=1.0, seed=342)
GLOSS_WHITE_ENAMEL = Material((0.95, 0.95, 0.94), "plain", tile=0.3, rough=0.1, seed=343)
BATH_RED = Material((0.62, 0.12, 0.12), "plain", tile=0.3, rough=0.1, seed=344)
CHROME = Material((0.85, 0.86, 0.88), "plain", tile=0.2, rough=0.06, metal=1.0, seed=345)
CLEAR_PANE = Material((0.04, 0.04, 0.04), "plain", tile=0.3, rough=0.03, glass=0.95, tint=(0.94, 0.97, 0.96))
AGED_BRASS = Material((0.68, 0.55, 0.32), "brushed", tile=0.2, rough=0.3, metal=1.0, seed=346)
MOSS = Material((0.3, 0.42, 0.18), "boucle", tile=0.08, rough=0.9, bump=1.2, seed=347)
SUCCULENT = Material((0.46, 0.6, 0.5), "plain", tile=0.1, rough=0.5, seed=348)
HONEY_OAK = Material((0.74, 0.58, 0.38), "wood", second=(0.64, 0.48, 0.3), tile=0.3, rough=0.5, seed=349)
DOOR_GAP = Material((0.02, 0.02, 0.02), "plain", tile=0.1, rough=0.9, seed=350)
MATT_BLACK = Material((0.06, 0.06, 0.06), "plain", tile=0.1, rough=0.6, seed=351)
AQUARIUM_GRAVEL = Material((0.62, 0.56, 0.46), "terrazzo", tile=0.08, rough=0.9, seed=352)
GREY_ROCK = Material((0.46, 0.45, 0.42), "plaster", tile=0.1, rough=0.9, bump=0.5, seed=353)
PIANO_WALNUT = Material((0.36, 0.22, 0.13), "wood", second=(0.26, 0.15, 0.08), tile=0.4, rough=0.3, seed=354)
KEY_WHITE = Material((0.94, 0.93, 0.89), "plain", tile=0.1, rough=0.3, seed=355)
KEY_BLACK = Material((0.04, 0.04, 0.04), "plain", tile=0.1, rough=0.3, seed=356)
LIMED_OAK = Material((0.82, 0.76, 0.66), "wood", second=(0.74, 0.67, 0.56), tile=0.4, rough=0.55, seed=357)
WHITE_BEDLINEN = Material((0.93, 0.93, 0.91), "linen", tile=0.05, rough=0.9, bump=0.3, seed=358)
RUST_THROW = Material((0.66, 0.34, 0.2), "knit", tile=0.04, rough=0.9, sheen=0.2, bump=0.8, seed=359)
CORD_RUST = Material((0.6, 0.3, 0.18), "linen", tile=0.03, rough=0.85, sheen=0.4, bump=0.7, seed=360)
POWDER_BLACK = Material((0.07, 0.07, 0.07), "plain", tile=0.1, rough=0.45, metal=0.3, seed=361)
BIRCH_PLY = Material((0.84, 0.74, 0.58), "wood", second=(0.76, 0.66, 0.5), tile=0.3, rough=0.55, seed=362)
BOTTLE_GREEN = Material((0.08, 0.2, 0.12), "plain", tile=0.1, rough=0.1, seed=363)
GREY_HERRINGBONE = Material(
    (0.56, 0.55, 0.52), "twill", second=(0.42, 0.41, 0.38), tile=0.1, rough=0.9, sheen=0.3, bump=1.1, seed=364
)
SHERPA = Material((0.9, 0.86, 0.78), "boucle", tile=0.06, rough=0.95, sheen=0.3, bump=1.4, seed=365)
KHAKI_CANVAS = Material((0.58, 0.52, 0.38), "linen", tile=0.06, rough=0.85, bump=0.4, seed=366)
TAN_LEATHER = Material((0.55, 0.34, 0.18), "leather", tile=0.2, rough=0.5, seed=367)
OLD_BRASS = Material((0.7, 0.56, 0.3), "plain", tile=0.1, rough=0.3, metal=1.0, seed=368)
MINT_ENAMEL = Material((0.62, 0.82, 0.74), "plain", tile=0.2, rough=0.25, seed=369)
TOAST_SLOT = Material((0.03, 0.03, 0.03), "plain", tile=0.1, rough=0.9, seed=370)


# --- the photos ----------------------------------------------------------------------------------------------


def bread_bin_oyster() -> Scene:
    # Ivory enamel on oyster paper under broad, flat front light: the box reads by its shading alone.
    return build(
        turned(ep.bread_bin(IVORY_ENAMEL, PALE_BEECH_KNOB, SEAM_SHADOW), -22),
        sweep(OYSTER_PAPER, 0.46, -0.6),
        (soft((-1.2, 1.6, 1.6), 12, 1.0), soft((1.4, 0.9, 1.6), 6, 1.1, 6)),
        camera((0.0, 0.16, 0.0), 1.3, 14, 18),
        Lens(fov=26, roll=0.3, ev=0.35, quality=90, vignette=0.05),
    )


def utensil_crock_cream() -> Scene:
    return build(
        turned(ep.utensil_crock(CREAM_STONEWARE, OLIVE_WOOD, MAPLE_BOARD), 8),
        wall_floor(OATMEAL_WORKTOP, CREAM_PLASTER, -0.2, CREAM_SKIRTING, 0.44),
        (soft((1.2, 1.5, 1.4), 10, 0.8), soft((-1.4, 0.9, 1.4), 5, 1.0, 6)),
        camera((0.0, 0.2, 0.0), 1.35, -10, 14),
        Lens(fov=26, roll=-0.4, ev=0.3, quality=89, warmth=0.02),
    )


def turntable_ink() -> Scene:
    # A black player on ink-black paper; a low rim light from behind right picks out the plinth's top edge.
    return build(
        turned(ep.turntable(SATIN_BLACK, VINYL_BLACK, DARK_CHROME, RUBBER_BLACK), 14),
        sweep(INK_PAPER, 0.14, -0.6),
        (soft((-1.0, 1.5, 1.2), 10, 0.6), Light((1.0, 0.8, -0.5), 6, 0.3, samples=6)),
        camera((0.0, 0.08, 0.0), 1.25, -12, 28),
        Lens(fov=28, roll=0.3, ev=0.1, quality=86, noise=0.022),
    )


def floor_globe_gloss_sweep() -> Scene:
    return build(
        turned(ep.floor_globe(OCEAN_GLAZE, GLOSS_MAHOGANY, BRIGHT_BRASS), 10),
        sweep(SKY_PAPER, 0.34, -0.9, GLOSS_PEARL_SHEET),
        (soft((-1.5, 2.2, 1.8), 18, 0.8), soft((1.8, 1.3, 1.6), 6, 1.0, 6)),
        camera((0.0, 0.42, 0.0), 2.7, -6, 9),
        Lens(fov=28, roll=-0.3, ev=0.2, quality=88),
    )


def clawfoot_bath_gloss_floor() -> Scene:
    # A bottle-green wall meeting polished black floor tiles: the bath and its feet mirror in the floor.
    return build(
        turned(ep.clawfoot_bath(BATH_RED, GLOSS_WHITE_ENAMEL, CHROME), -12),
        wall_floor(GLOSS_SLATE_TILE, BOTTLE_GREEN_WALL, -0.75, BLACK_SKIRTING, 0.32),
        (soft((-1.6, 2.4, 2.0), 22, 0.9), soft((2.0, 1.4, 2.0), 7, 1.0, 6)),
        camera((0.0, 0.34, 0.0), 2.9, 14, 11),
        Lens(fov=30, roll=0.3, ev=0.2, quality=88),
    )


def terrarium_mint() -> Scene:
    return build(
        turned(ep.terrarium(AGED_BRASS, CLEAR_PANE, MOSS, SUCCULENT), 26),
        sweep(MINT_PAPER, 0.38, -0.6),
        (soft((-1.0, 1.5, 1.2), 12, 0.6), soft((1.2, 0.9, 1.2), 5, 0.9, 6)),
        camera((0.0, 0.14, 0.0), 1.3, 16, 16),
        Lens(fov=28, roll=-0.4, ev=0.2, quality=88),
    )


def fish_tank_plum() -> Scene:
    return build(
        turned(ep.fish_tank(HONEY_OAK, DOOR_GAP, CLEAR_PANE, MATT_BLACK, AQUARIUM_GRAVEL, GREY_ROCK), -14),
        wall_floor(HONEY_OAK_FLOOR, PLUM_WALL, -0.4, WARM_WHITE_SKIRTING, 0.38),
        (soft((-1.6, 2.2, 1.8), 20, 0.8), soft((1.8, 1.4, 1.8), 6, 1.0, 6)),
        camera((0.0, 0.5, 0.0), 3.3, 10, 10),
        Lens(fov=28, roll=0.4, ev=0.2, quality=88),
    )


def piano_cut_right() -> Scene:
    # Framed on the keyboard's left half: the right cheek and the case beyond it run out of the right edge.
    return build(
        turned(ep.upright_piano(PIANO_WALNUT, KEY_WHITE, KEY_BLACK, OLD_BRASS), 12),
        wall_floor(SMOKED_OAK_FLOOR, SAND_WALL, -0.45, WARM_WHITE_SKIRTING, 0.38),
        (soft((-1.8, 2.4, 2.2), 22, 0.9), soft((2.0, 1.6, 2.0), 7, 1.0, 6)),
        camera((-0.3, 0.62, 0.0), 2.9, -14, 8),
        Lens(fov=30, roll=-0.3, ev=0.2, quality=88),
    )


def four_poster_cut_top() -> Scene:
    # Framed on the bed: the posts and their top rails run out of the top edge.
    return build(
        turned(ep.four_poster_bed(LIMED_OAK, WHITE_BEDLINEN, RUST_THROW), -24),
        wall_floor(HONEY_OAK_FLOOR, SALMON_WALL, -1.4, WARM_WHITE_SKIRTING, 0.38),
        (soft((-2.0, 3.0, 2.6), 34, 1.0), soft((2.4, 1.8, 2.6), 10, 1.1, 6)),
        camera((0.0, 0.7, 0.0), 4.4, 26, 14),
        Lens(fov=32, roll=0.3, ev=0.2, quality=88),
    )


def beanbag_soft_shadow() -> Scene:
    # One very large light high in front: a wide shadow without a hard edge around the bag's foot.
    return build(
        turned(ep.beanbag(CORD_RUST), 0),
        sweep(BISCUIT_PAPER, 0.22, -1.0),
        (soft((0.3, 2.2, 1.2), 28, 1.5, 16), soft((-1.8, 1.0, 2.4), 3, 1.0, 6)),
        camera((0.0, 0.24, 0.0), 2.1, -8, 16),
        Lens(fov=28, roll=-0.3, ev=0.2, quality=88),
    )


def music_stand_coral() -> Scene:
    return build(
        turned(ep.music_stand(POWDER_BLACK), 18),
        sweep(CORAL_PAPER, 0.36, -0.8),
        (soft((-1.4, 2.2, 1.6), 16, 0.5), soft((1.6, 1.3, 1.6), 6, 1.0, 6)),
        camera((0.0, 0.58, 0.0), 2.4, 10, 8),
        Lens(fov=28, roll=0.4, ev=0.2, quality=88, sharpen=0.2),
    )


def wine_rack_slate_blue() -> Scene:
    # Straight on, so the slate-blue paper shows through every empty cubby.
    return build(
        turned(ep.wine_rack(BIRCH_PLY, BOTTLE_GREEN), -8),
        sweep(SLATE_BLUE_PAPER, 0.36, -0.7),
        (Light((-1.2, 2.0, 1.8), 16, 0.35, samples=8), soft((1.6, 1.2, 1.8), 6, 1.0, 6)),
        camera((0.0, 0.34, 0.0), 2.0, 2, 4),
        Lens(fov=28, roll=-0.3, ev=0.2, quality=88),
    )


def herringbone_dog_bed() -> Scene:
    return build(
        turned(ep.dog_bed(GREY_HERRINGBONE, SHERPA), 0),
        sweep(SILVER_PAPER, 0.36, -0.8),
        (soft((-1.3, 1.8, 1.3), 14, 0.5), soft((1.6, 1.0, 1.6), 5, 1.0, 6)),
        camera((0.0, 0.06, 0.0), 1.5, 8, 30),
        Lens(fov=28, roll=0.3, ev=0.2, quality=89),
    )


def steamer_trunk_spot() -> Scene:
    # A spot pools on the midnight paper behind the trunk; the edges of the frame fall away into dark blue.
    return build(
        turned(ep.steamer_trunk(KHAKI_CANVAS, TAN_LEATHER, OLD_BRASS), 18),
        sweep(MIDNIGHT_PAPER, 0.14, -0.8),
        (
            Light((-0.2, 2.2, 2.0), 24, 0.5, samples=8, spot=6.0, aim=(0.0, 0.4, -0.8)),
            soft((1.6, 1.2, 1.6), 6, 0.9, 6),
        ),
        camera((0.0, 0.2, 0.0), 1.9, -10, 12),
        Lens(fov=30, roll=-0.3, ev=0.05, quality=87, vignette=0.5),
    )


def toaster_jpeg() -> Scene:
    return build(
        turned(ep.toaster(MINT_ENAMEL, TOAST_SLOT, CHROME), -24),
        sweep(OYSTER_PAPER, 0.36, -0.5),
        (soft((-1.0, 1.4, 1.2), 10, 0.6), soft((1.2, 0.9, 1.2), 4, 1.0, 6)),
        camera((0.0, 0.1, 0.0), 1.0, 12, 16),
        Lens(fov=28, roll=0.5, ev=0.2, quality=38, subsampling=2, recompress=60, noise=0.02),
    )


def _photo(name: str, kind: str, size: tuple[int, int], notes: str, scene: Callable[[], Scene], k: int) -> BlindPhoto:
    return BlindPhoto(name, kind, size, notes, scene, EIGHTH_SEED + k)


EIGHTH: list[BlindPhoto] = [
    _photo("enamel_bread_bin_oyster", "pale on pale", (1200, 900), "ivory enamel, oyster sweep", bread_bin_oyster, 1),
    _photo("utensil_crock_cream", "pale on pale", (900, 1100), "cream crock, cream plaster", utensil_crock_cream, 2),
    _photo("black_turntable_ink", "dark on dark", (1300, 900), "black player on ink paper", turntable_ink, 3),
    _photo(
        "floor_globe_gloss_sweep",
        "glossy with floor reflection",
        (900, 1200),
        "glazed globe on a glossy pearl sheet",
        floor_globe_gloss_sweep,
        4,
    ),
    _photo(
        "clawfoot_bath_green_gloss",
        "glossy with floor reflection",
        (1600, 1000),
        "green wall, polished black floor",
        clawfoot_bath_gloss_floor,
        5,
    ),
    _photo("brass_terrarium_mint", "glass parts", (1000, 1000), "glass house, brass frame", terrarium_mint, 6),
    _photo("fish_tank_oak_stand", "glass parts", (1000, 1300), "empty tank on a cabinet", fish_tank_plum, 7),
    _photo(
        "walnut_piano_cut_right", "cut by the frame", (1500, 1000), "runs out of the right edge", piano_cut_right, 8
    ),
    _photo("four_poster_cut_top", "cut by the frame", (1300, 1100), "posts above the top edge", four_poster_cut_top, 9),
    _photo("rust_beanbag_soft_shadow", "soft floor shadow", (1100, 900), "one huge light", beanbag_soft_shadow, 10),
    _photo("black_music_stand", "thin legs and wires", (800, 1300), "4 mm legs, wire desk", music_stand_coral, 11),
    _photo("birch_wine_rack_open", "holes", (900, 1100), "empty cubbies", wine_rack_slate_blue, 12),
    _photo("herringbone_dog_bed", "textured fabric", (1300, 900), "herringbone and sherpa", herringbone_dog_bed, 13),
    _photo(
        "steamer_trunk_spot_pool",
        "gradient/vignette backdrop",
        (1200, 900),
        "spot pool, dark corners",
        steamer_trunk_spot,
        14,
    ),
    _photo("mint_toaster_jpeg_620", "JPEG artefacts", (620, 560), "saved at 60 then 38", toaster_jpeg, 15),
]
