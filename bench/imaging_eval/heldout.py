"""The held-out set: product photos from a third generator (``heldout_render.py``), never used to tune anything.

The cut-out was tuned on ``scenes.py`` and then on ``studio.py``; this set was written before that tuning and
is only reported on, at the end of a change. Its shapes (lathed vases, pots and bowls, oblique boxes, pinched
cushions, tubes along curves, leaves), materials (knit, herringbone tweed, wood grain, marble, velvet, suede,
open rattan, chrome, refracting glass), backdrops (angled gradients, off-centre spots, coves, paper with
fibres, a wall meeting a floor of another colour, near black), light (a 3-D key and fill with a colour
temperature), shadows (projected, blurred with distance), camera (vignetting, sharpening halos, chroma noise,
JPEG 55-92) and seeds differ from both. Each photo names the kind of difficulty it stands for.
"""

from __future__ import annotations

import numpy as np

from imaging_eval.heldout_render import (
    Backdrop,
    Light,
    Material,
    Part,
    Photo,
    box,
    cushion,
    hoop,
    lathe,
    leaf,
    render_photo,
    tube,
)
from imaging_eval.scenes import RenderedScene

WALNUT = Material((0.36, 0.22, 0.13), "wood", 0.012, gloss=0.15, shininess=20)
OAK = Material((0.70, 0.52, 0.33), "wood", 0.015)
BLACK_STEEL = Material((0.06, 0.06, 0.07), gloss=0.5, shininess=40)
BRASS = Material((0.85, 0.66, 0.32), chrome=0.7, gloss=0.4, shininess=60)
CHROME = Material((0.95, 0.95, 0.97), chrome=0.9, gloss=0.6, shininess=80)


def _legs(top: float, bottom: float, xs: tuple[float, ...], splay: float, width: float, m: Material) -> list[Part]:
    return [Part(tube([(x, top), (x + splay * (x - 0.5), bottom)], width, smooth=0), m) for x in xs]


HELDOUT: tuple[Photo, ...] = (
    Photo(
        "porcelain_vase_on_ivory_paper",
        "pale on pale",
        (
            Part(
                lathe(
                    0.5,
                    0.2,
                    0.86,
                    [(0, 0.07), (0.12, 0.06), (0.3, 0.13), (0.55, 0.17), (0.8, 0.13), (0.95, 0.09), (1, 0.085)],
                ),
                Material((0.95, 0.94, 0.92), gloss=0.5, shininess=50),
            ),
        ),
        Backdrop("paper", ((0.93, 0.92, 0.89), (0.90, 0.89, 0.86))),
        1000,
        1.0,
        Light((0.4, -0.5, 0.75), warmth=0.3),
        shadow=0.25,
        seed=101,
        notes="white glazed vase on ivory fibre paper",
    ),
    Photo(
        "cream_knit_cushion_on_greige",
        "pale on pale",
        (Part(cushion(0.24, 0.28, 0.76, 0.78, 0.07), Material((0.90, 0.87, 0.81), "knit", 0.014)),),
        Backdrop("angled", ((0.90, 0.88, 0.84), (0.80, 0.78, 0.74)), angle=120),
        900,
        1.0,
        Light((-0.3, -0.7, 0.65)),
        shadow=0.3,
        seed=102,
        notes="cream chunky-knit cushion on a greige gradient",
    ),
    Photo(
        "cast_iron_pot_on_black",
        "dark on dark",
        (
            Part(
                lathe(0.5, 0.42, 0.80, [(0, 0.26), (0.1, 0.27), (0.6, 0.26), (0.9, 0.22), (1, 0.18)]),
                Material((0.09, 0.09, 0.10), "suede", gloss=0.25, shininess=15),
            ),
            Part(hoop((0.22, 0.47), 0.045, 0.035, 0.018, (90.0, 270.0)), Material((0.09, 0.09, 0.10), gloss=0.3)),
            Part(hoop((0.78, 0.47), 0.045, 0.035, 0.018, (-90.0, 90.0)), Material((0.09, 0.09, 0.10), gloss=0.3)),
            Part(lathe(0.5, 0.37, 0.43, [(0, 0.05), (0.4, 0.05), (0.5, 0.27), (1, 0.27)]), BLACK_STEEL),
        ),
        Backdrop("dark", ((0.15, 0.15, 0.16), (0.07, 0.07, 0.08)), centre=(0.5, 0.35)),
        1200,
        0.8,
        Light((0.5, -0.7, 0.5), fill=0.25),
        shadow=0.5,
        seed=103,
        notes="black cast-iron casserole with loop handles on near-black",
    ),
    Photo(
        "navy_velvet_ottoman_on_midnight",
        "dark on dark",
        (
            Part(box(0.25, 0.42, 0.70, 0.78, 0.07, 0.07), Material((0.10, 0.13, 0.27), "velvet", 0.03)),
            *_legs(0.78, 0.84, (0.28, 0.67), 0.0, 0.014, OAK),
        ),
        Backdrop("spot", ((0.16, 0.18, 0.26), (0.08, 0.09, 0.14)), centre=(0.45, 0.4)),
        1100,
        0.85,
        Light((-0.6, -0.5, 0.6), fill=0.3),
        shadow=0.4,
        seed=104,
        notes="navy velvet ottoman on a midnight-blue spot",
    ),
    Photo(
        "red_lacquer_bowl_glossy_white",
        "glossy with floor reflection",
        (
            Part(
                lathe(0.5, 0.45, 0.70, [(0, 0.25), (0.15, 0.245), (0.5, 0.20), (0.85, 0.12), (1, 0.07)]),
                Material((0.70, 0.08, 0.07), gloss=0.9, shininess=90),
            ),
        ),
        Backdrop("cove", ((0.97, 0.97, 0.97), (0.88, 0.88, 0.89)), horizon=0.55),
        1300,
        0.75,
        Light((-0.3, -0.8, 0.5)),
        shadow=0.2,
        reflection=0.5,
        seed=105,
        notes="red lacquer bowl on a glossy white floor",
    ),
    Photo(
        "black_speaker_glossy_grey",
        "glossy with floor reflection",
        (
            Part(box(0.34, 0.22, 0.62, 0.80, 0.06, 0.05), Material((0.08, 0.08, 0.09), gloss=0.6, shininess=40)),
            Part(hoop((0.48, 0.62), 0.09, 0.068, 0.012), Material((0.20, 0.20, 0.21), gloss=0.4)),
            Part(hoop((0.48, 0.36), 0.05, 0.038, 0.01), Material((0.20, 0.20, 0.21), gloss=0.4)),
        ),
        Backdrop("cove", ((0.58, 0.58, 0.60), (0.40, 0.40, 0.42)), horizon=0.6),
        1000,
        1.1,
        Light((0.6, -0.5, 0.6), warmth=-0.4),
        shadow=0.25,
        reflection=0.4,
        seed=106,
        notes="black speaker on a glossy mid-grey floor",
    ),
    Photo(
        "amber_decanter",
        "glass parts",
        (
            Part(
                lathe(0.5, 0.47, 0.84, [(0, 0.11), (0.3, 0.17), (0.7, 0.18), (0.95, 0.165), (1, 0.15)]),
                Material((0.62, 0.32, 0.08), gloss=0.2),
            ),
            Part(
                lathe(0.5, 0.22, 0.86, [(0, 0.045), (0.2, 0.045), (0.35, 0.12), (0.55, 0.2), (0.9, 0.2), (1, 0.17)]),
                Material((0.92, 0.94, 0.95), glass=0.55, gloss=0.9, shininess=120, tint=(0.93, 0.96, 0.95)),
            ),
            Part(lathe(0.5, 0.12, 0.23, [(0, 0.02), (0.3, 0.075), (0.7, 0.07), (1, 0.03)]), Material((0.8, 0.82, 0.8))),
        ),
        Backdrop("angled", ((0.88, 0.89, 0.91), (0.70, 0.72, 0.76)), angle=70),
        1100,
        1.2,
        Light((0.5, -0.6, 0.6)),
        shadow=0.3,
        seed=107,
        notes="glass decanter half full of whisky, glass stopper",
    ),
    Photo(
        "glass_top_side_table",
        "glass parts",
        (
            *_legs(0.46, 0.88, (0.36, 0.50, 0.64), 0.5, 0.008, BLACK_STEEL),
            Part(
                lathe(0.5, 0.42, 0.47, [(0, 0.24), (1, 0.24)]),
                Material((0.85, 0.92, 0.90), glass=0.6, gloss=0.8, shininess=100, tint=(0.9, 0.97, 0.95)),
            ),
        ),
        Backdrop("cove", ((0.93, 0.92, 0.90), (0.82, 0.80, 0.77)), horizon=0.7),
        1400,
        0.8,
        Light((-0.5, -0.6, 0.6), warmth=0.2),
        shadow=0.35,
        seed=108,
        notes="glass-topped side table on three thin black legs",
    ),
    Photo(
        "hairpin_plant_stand",
        "thin legs and wires",
        (
            Part(lathe(0.5, 0.30, 0.34, [(0, 0.16), (1, 0.16)]), WALNUT),
            *(
                Part(tube([(x - 0.02, 0.34), (x + 0.01 * np.sign(x - 0.5), 0.9), (x + 0.02, 0.34)], 0.004), BLACK_STEEL)
                for x in (0.38, 0.62, 0.47)
            ),
            Part(lathe(0.5, 0.12, 0.30, [(0, 0.09), (0.8, 0.08), (1, 0.06)]), Material((0.55, 0.60, 0.52), gloss=0.3)),
        ),
        Backdrop("paper", ((0.95, 0.95, 0.94), (0.93, 0.93, 0.92))),
        1600,
        1.25,
        Light((0.6, -0.6, 0.5)),
        shadow=0.35,
        seed=109,
        notes="walnut plant stand on 4 px hairpin legs, sage pot",
    ),
    Photo(
        "desk_lamp_with_cable",
        "thin legs and wires",
        (
            Part(lathe(0.34, 0.84, 0.88, [(0, 0.09), (1, 0.1)]), BLACK_STEEL),
            Part(tube([(0.34, 0.85), (0.42, 0.50)], 0.010, smooth=0), BLACK_STEEL),
            Part(tube([(0.42, 0.50), (0.62, 0.34)], 0.010, smooth=0), BLACK_STEEL),
            Part(
                lathe(0.66, 0.30, 0.44, [(0, 0.03), (0.3, 0.05), (1, 0.12)]),
                Material((0.95, 0.78, 0.20), gloss=0.5, shininess=40),
            ),
            Part(tube([(0.26, 0.87), (0.2, 0.9), (0.3, 0.93), (0.6, 0.92), (0.8, 0.95)], 0.004), BLACK_STEEL),
        ),
        Backdrop("split", ((0.92, 0.91, 0.88), (0.80, 0.74, 0.66)), horizon=0.8),
        1500,
        0.9,
        Light((-0.4, -0.7, 0.55)),
        shadow=0.3,
        seed=110,
        notes="yellow desk lamp, black arm, its cable across the floor",
    ),
    Photo(
        "stoneware_mug_on_terracotta",
        "holes",
        (
            Part(lathe(0.44, 0.32, 0.74, [(0, 0.14), (0.9, 0.14), (1, 0.13)]), Material((0.83, 0.80, 0.74), "suede")),
            Part(hoop((0.6, 0.52), 0.085, 0.12, 0.035, (-85.0, 85.0)), Material((0.83, 0.80, 0.74), "suede")),
        ),
        Backdrop("angled", ((0.74, 0.42, 0.30), (0.60, 0.32, 0.22)), angle=200),
        700,
        1.0,
        Light((-0.6, -0.5, 0.6), warmth=0.4),
        shadow=0.35,
        seed=111,
        notes="speckled mug with a big handle, terracotta paper",
    ),
    Photo(
        "bentwood_chair_two_tone",
        "holes",
        (
            Part(hoop((0.5, 0.30), 0.16, 0.16, 0.022), Material((0.30, 0.18, 0.10), gloss=0.3)),
            Part(hoop((0.5, 0.30), 0.09, 0.10, 0.015), Material((0.30, 0.18, 0.10), gloss=0.3)),
            Part(tube([(0.45, 0.44), (0.44, 0.53)], 0.016, smooth=0), Material((0.30, 0.18, 0.10), gloss=0.3)),
            Part(tube([(0.55, 0.44), (0.56, 0.53)], 0.016, smooth=0), Material((0.30, 0.18, 0.10), gloss=0.3)),
            Part(lathe(0.5, 0.52, 0.58, [(0, 0.19), (1, 0.18)]), Material((0.30, 0.18, 0.10), gloss=0.3)),
            *_legs(0.56, 0.94, (0.36, 0.44, 0.56, 0.64), 0.35, 0.016, Material((0.30, 0.18, 0.10), gloss=0.3)),
            Part(hoop((0.5, 0.78), 0.14, 0.02, 0.01), Material((0.30, 0.18, 0.10), gloss=0.3)),
        ),
        Backdrop("split", ((0.95, 0.95, 0.93), (0.78, 0.64, 0.48)), horizon=0.72),
        1200,
        1.3,
        Light((0.5, -0.6, 0.6)),
        shadow=0.35,
        seed=112,
        notes="bentwood café chair: hoop back, leg ring; white wall, oak floor",
    ),
    Photo(
        "rattan_basket_open_weave",
        "holes",
        (
            Part(
                lathe(0.5, 0.30, 0.82, [(0, 0.27), (0.6, 0.25), (1, 0.2)]),
                Material((0.78, 0.62, 0.40), "rattan", 0.05),
            ),
            Part(hoop((0.5, 0.30), 0.27, 0.03, 0.015), Material((0.70, 0.54, 0.34))),
        ),
        Backdrop("angled", ((0.96, 0.94, 0.90), (0.86, 0.82, 0.76)), angle=45),
        1000,
        0.9,
        Light((-0.5, -0.6, 0.6)),
        shadow=0.3,
        seed=113,
        notes="open-weave rattan basket: the wall shows through its lattice",
    ),
    Photo(
        "tweed_armchair_herringbone",
        "textured fabric",
        (
            Part(cushion(0.26, 0.16, 0.74, 0.60, 0.03), Material((0.52, 0.50, 0.46), "tweed", 0.008)),
            Part(cushion(0.16, 0.40, 0.32, 0.80, 0.02), Material((0.50, 0.48, 0.44), "tweed", 0.008)),
            Part(cushion(0.68, 0.40, 0.84, 0.80, 0.02), Material((0.50, 0.48, 0.44), "tweed", 0.008)),
            Part(cushion(0.28, 0.56, 0.72, 0.78, 0.02), Material((0.54, 0.52, 0.48), "tweed", 0.008)),
            *_legs(0.80, 0.90, (0.2, 0.8), 0.1, 0.02, WALNUT),
        ),
        Backdrop("spot", ((0.86, 0.84, 0.80), (0.62, 0.60, 0.56)), centre=(0.35, 0.3)),
        1500,
        0.9,
        Light((0.3, -0.7, 0.6)),
        shadow=0.45,
        seed=114,
        notes="grey herringbone tweed armchair, off-centre spot",
    ),
    Photo(
        "marble_stool_strong_vignette",
        "gradient/vignette backdrop",
        (
            Part(lathe(0.5, 0.32, 0.38, [(0, 0.2), (1, 0.2)]), Material((0.93, 0.92, 0.90), "marble", 0.05, 0.3)),
            Part(lathe(0.5, 0.38, 0.86, [(0, 0.05), (0.5, 0.035), (0.95, 0.12), (1, 0.13)]), BRASS),
        ),
        Backdrop("spot", ((0.80, 0.78, 0.75), (0.28, 0.27, 0.26)), centre=(0.5, 0.45)),
        900,
        1.1,
        Light((-0.4, -0.6, 0.65), warmth=0.2),
        shadow=0.4,
        vignette=0.35,
        seed=115,
        notes="marble-top brass stool in a spot that darkens to the corners",
    ),
    Photo(
        "olive_sofa_cut_left_right",
        "cut by the frame",
        (
            Part(cushion(-0.1, 0.25, 1.1, 0.62, 0.01), Material((0.45, 0.47, 0.30), "velvet", 0.03)),
            Part(cushion(-0.05, 0.52, 1.05, 0.82, 0.01), Material((0.47, 0.49, 0.32), "velvet", 0.03)),
            *_legs(0.82, 0.9, (0.08, 0.92), 0.0, 0.015, WALNUT),
        ),
        Backdrop("cove", ((0.92, 0.91, 0.89), (0.80, 0.79, 0.76)), horizon=0.75),
        1800,
        0.5,
        Light((0.2, -0.8, 0.55)),
        shadow=0.4,
        shadow_blur=0.04,
        seed=116,
        notes="olive velvet sofa wider than the frame",
    ),
    Photo(
        "arc_lamp_cut_at_top",
        "cut by the frame",
        (
            Part(
                tube([(0.3, 0.92), (0.28, 0.4), (0.4, -0.05), (0.65, -0.05), (0.72, 0.25)], 0.012),
                Material((0.9, 0.9, 0.92), chrome=0.85, gloss=0.5),
            ),
            Part(lathe(0.72, 0.25, 0.42, [(0, 0.03), (0.3, 0.08), (1, 0.16)]), Material((0.15, 0.15, 0.16), gloss=0.4)),
            Part(box(0.22, 0.88, 0.38, 0.95, 0.03, 0.02), Material((0.94, 0.93, 0.92), "marble", 0.04, gloss=0.3)),
        ),
        Backdrop("angled", ((0.93, 0.93, 0.94), (0.80, 0.81, 0.84)), angle=95),
        1400,
        1.35,
        Light((-0.5, -0.5, 0.7), warmth=-0.2),
        shadow=0.3,
        seed=117,
        notes="arc floor lamp whose arc leaves the top of the frame",
    ),
    Photo(
        "suede_boot_long_shadow",
        "soft floor shadow",
        (
            Part(
                tube([(0.40, 0.25), (0.41, 0.55), (0.43, 0.70)], 0.14, smooth=3),
                Material((0.62, 0.44, 0.28), "suede"),
            ),
            Part(
                tube([(0.40, 0.76), (0.52, 0.78), (0.64, 0.79)], 0.085, smooth=2),
                Material((0.62, 0.44, 0.28), "suede"),
            ),
            Part(box(0.33, 0.82, 0.70, 0.845, 0.0, 0.0), Material((0.25, 0.20, 0.16))),
        ),
        Backdrop("cove", ((0.95, 0.94, 0.92), (0.86, 0.84, 0.80)), horizon=0.6),
        1200,
        0.9,
        Light((-0.8, -0.35, 0.45), warmth=0.5),
        shadow=0.55,
        shadow_length=0.6,
        shadow_blur=0.05,
        seed=118,
        notes="tan suede boot throwing a long soft shadow",
    ),
    Photo(
        "oak_bookshelf_open_back",
        "holes",
        (
            Part(box(0.28, 0.10, 0.31, 0.92, 0.0, 0.0), OAK),
            Part(box(0.69, 0.10, 0.72, 0.92, 0.0, 0.0), OAK),
            *(Part(box(0.31, y, 0.69, y + 0.025, 0.0, 0.0), OAK) for y in (0.10, 0.36, 0.62, 0.895)),
            Part(lathe(0.42, 0.24, 0.36, [(0, 0.03), (0.5, 0.05), (1, 0.035)]), Material((0.2, 0.3, 0.5), gloss=0.5)),
        ),
        Backdrop("paper", ((0.90, 0.91, 0.92), (0.86, 0.87, 0.88))),
        1300,
        1.3,
        Light((0.5, -0.6, 0.6)),
        shadow=0.3,
        seed=119,
        notes="open-backed oak bookshelf with a blue vase",
    ),
    Photo(
        "teapot_low_quality_jpeg",
        "JPEG artefacts",
        (
            Part(lathe(0.48, 0.38, 0.76, [(0, 0.12), (0.5, 0.2), (0.9, 0.17), (1, 0.13)]), Material((0.2, 0.45, 0.42))),
            Part(lathe(0.48, 0.32, 0.39, [(0, 0.02), (0.5, 0.03), (1, 0.1)]), Material((0.2, 0.45, 0.42))),
            Part(tube([(0.33, 0.62), (0.22, 0.52), (0.17, 0.40)], 0.03, smooth=3), Material((0.2, 0.45, 0.42))),
            Part(hoop((0.68, 0.55), 0.07, 0.1, 0.025, (-80.0, 80.0)), Material((0.2, 0.45, 0.42))),
        ),
        Backdrop("angled", ((0.80, 0.86, 0.92), (0.66, 0.74, 0.82)), angle=10),
        600,
        0.9,
        Light((-0.5, -0.6, 0.6)),
        shadow=0.3,
        quality=55,
        sharpen=0.6,
        seed=120,
        notes="teal teapot, 600 px, JPEG quality 55 and sharpened",
    ),
    Photo(
        "brass_floor_mirror_2000",
        "holes",
        (
            Part(box(0.33, 0.10, 0.67, 0.92, 0.0, 0.0), Material((0.62, 0.64, 0.66), chrome=0.9)),
            Part(tube([(0.33, 0.92), (0.33, 0.10), (0.67, 0.10), (0.67, 0.92), (0.33, 0.92)], 0.012, smooth=0), BRASS),
            Part(tube([(0.36, 0.92), (0.30, 0.99)], 0.008, smooth=0), BRASS),
            Part(tube([(0.64, 0.92), (0.70, 0.99)], 0.008, smooth=0), BRASS),
        ),
        Backdrop("cove", ((0.88, 0.86, 0.83), (0.72, 0.70, 0.66)), horizon=0.85),
        2000,
        1.5,
        Light((0.4, -0.6, 0.7)),
        shadow=0.3,
        seed=121,
        notes="brass-framed floor mirror, 2000 px, its glass reflecting a grey room",
    ),
    Photo(
        "potted_fern_on_white",
        "thin legs and wires",
        (
            *(
                Part(leaf((0.5 + 0.01 * k, 0.56), a, 0.30 + 0.04 * (k % 3), 0.018), Material((0.18, 0.42, 0.16)))
                for k, a in enumerate((-70, -50, -32, -15, 0, 14, 30, 48, 66, -85, 82))
            ),
            Part(lathe(0.5, 0.55, 0.86, [(0, 0.13), (1, 0.10)]), Material((0.95, 0.95, 0.94), gloss=0.3)),
        ),
        Backdrop("paper", ((0.97, 0.97, 0.97), (0.95, 0.95, 0.95))),
        1100,
        1.0,
        Light((0.3, -0.7, 0.6)),
        shadow=0.3,
        seed=122,
        notes="fern with narrow fronds in a white pot, on white",
    ),
    Photo(
        "blush_tub_chair_on_blush",
        "pale on pale",
        (
            Part(cushion(0.24, 0.24, 0.76, 0.70, 0.05), Material((0.86, 0.70, 0.68), "velvet", 0.03)),
            Part(cushion(0.30, 0.52, 0.70, 0.74, 0.03), Material((0.88, 0.72, 0.70), "velvet", 0.03)),
            *_legs(0.74, 0.86, (0.30, 0.70), 0.25, 0.012, BRASS),
        ),
        Backdrop("spot", ((0.93, 0.80, 0.78), (0.85, 0.71, 0.69)), centre=(0.5, 0.45)),
        1000,
        1.0,
        Light((-0.4, -0.6, 0.7), warmth=0.3),
        shadow=0.35,
        seed=123,
        notes="blush velvet tub chair on blush paper",
    ),
    Photo(
        "chrome_bar_stool",
        "glossy with floor reflection",
        (
            Part(lathe(0.5, 0.20, 0.27, [(0, 0.15), (0.6, 0.16), (1, 0.12)]), Material((0.10, 0.10, 0.10), "suede")),
            Part(tube([(0.5, 0.27), (0.5, 0.88)], 0.018, smooth=0), CHROME),
            Part(hoop((0.5, 0.62), 0.12, 0.025, 0.009), CHROME),
            Part(lathe(0.5, 0.87, 0.90, [(0, 0.12), (1, 0.13)]), CHROME),
        ),
        Backdrop("cove", ((0.78, 0.79, 0.80), (0.64, 0.65, 0.66)), horizon=0.7),
        1600,
        1.3,
        Light((0.6, -0.6, 0.55), warmth=-0.3),
        shadow=0.25,
        reflection=0.3,
        seed=124,
        notes="chrome bar stool with a foot ring, glossy grey floor",
    ),
    Photo(
        "cane_bench_cut_at_right",
        "cut by the frame",
        (
            Part(box(0.12, 0.42, 1.08, 0.60, 0.0, 0.04), Material((0.80, 0.64, 0.42), "rattan", 0.035)),
            Part(box(0.10, 0.38, 1.10, 0.43, 0.0, 0.03), OAK),
            *_legs(0.60, 0.88, (0.14, 0.9), 0.0, 0.02, OAK),
        ),
        Backdrop("split", ((0.90, 0.92, 0.90), (0.76, 0.78, 0.74)), horizon=0.75),
        1400,
        0.6,
        Light((-0.5, -0.6, 0.6)),
        shadow=0.35,
        seed=125,
        notes="cane-panel bench running out of the right edge",
    ),
)


def render_heldout(photo: Photo, long_side: int | None = None) -> RenderedScene:
    return render_photo(photo, long_side)
