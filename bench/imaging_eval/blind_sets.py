"""The evaluation sets rendered by the blind renderer (``blind_render.py``), by name, in the order they were built.

They differ only in their photos, so the benchmark and the contact sheet take any of them from here.
"""

from __future__ import annotations

from imaging_eval.blind import BLIND, BlindPhoto
from imaging_eval.eighth import EIGHTH
from imaging_eval.final import FINAL
from imaging_eval.fresh import FRESH
from imaging_eval.ninth import NINTH
from imaging_eval.tenth import TENTH

BLIND_RENDERER_SETS: dict[str, list[BlindPhoto]] = {
    "blind": BLIND,
    "fresh": FRESH,
    "final": FINAL,
    "eighth": EIGHTH,
    "ninth": NINTH,
    "tenth": TENTH,
}
