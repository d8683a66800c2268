"""Versioned prompts per render kind and style preset, recorded on every job and asset.

A prompt's ``prompt_id`` names what it is for (``composite.warm``); its ``version`` goes up whenever its
text changes in a way that changes results. ``PREP_PROMPT_VERSION`` also goes up when the local cut-out does;
after raising it, ``seeit assets mark-stale`` re-prepares the assets made before.
Shops' own presets are templates stored by the data layer; ``render_prompt`` fills them in.
"""

from __future__ import annotations

import string
from typing import Literal

from seeit.imaging.interface import Prompt

Kind = Literal["prep", "cleanup", "composite"]

# 2: the local cut-out keeps the outline of a network that sees the whole photo (ISNet) instead of rebuilding it.
# 3: its self-check refuses a cut-out whose large parts lie far apart (legs left without the top that joined them).
PREP_PROMPT_VERSION = 3
DEFAULT_STYLE = "natural"

_PREP = Prompt(
    "prep.default",
    PREP_PROMPT_VERSION,
    "Isolate the single product in this photo on a pure white (#FFFFFF) background. Remove the floor, "
    "its shadow and any reflection. Keep every part of the product, including thin parts and the "
    "background seen through holes, exactly as photographed: same shape, size, position, colours and "
    "details. Do not add, remove, restyle or re-light anything on the product.",
)

_CLEANUP = Prompt(
    "cleanup.default",
    1,
    "Clean up this photo of a room: remove loose clutter and small objects on the floor, correct the white "
    "balance and exposure, and reduce noise. Keep the room's architecture, furniture, perspective, framing "
    "and image size exactly the same. Do not add anything.",
)

_COMPOSITE_BASE = (
    "This photo shows a product already placed in a room. Harmonise only the light: match the product's "
    "brightness, colour temperature and shading to the room's light, and add a soft, realistic contact "
    "shadow where it touches the floor or wall. Do not move, resize, rotate, redraw or restyle the product, "
    "and do not change the room. Keep the image size and framing identical."
)

# Style presets: how the room's light should read. Small on purpose; shops add their own as templates.
_STYLE_TEXT: dict[str, str] = {
    "natural": "Keep the room's own light as it is.",
    "warm": "Let the light read slightly warmer, like late-afternoon sun, without changing the room's colours.",
    "bright": "Let the scene read bright and airy, as in daylight from a large window.",
    "moody": "Let the scene read dim and moody, with soft, low-key evening light.",
}
_STYLE_VERSIONS: dict[str, int] = {"natural": 1, "warm": 1, "bright": 1, "moody": 1}


class UnknownStylePreset(ValueError):
    pass


def style_presets() -> list[str]:
    """The built-in style presets, the default first."""
    return [DEFAULT_STYLE, *(name for name in _STYLE_TEXT if name != DEFAULT_STYLE)]


def current_prompt(kind: Kind, style_preset: str | None = None) -> Prompt:
    """The prompt in force for ``kind`` (and, for composites, ``style_preset``; default ``natural``)."""
    if kind == "prep":
        return _PREP
    if kind == "cleanup":
        return _CLEANUP
    style = style_preset or DEFAULT_STYLE
    if style not in _STYLE_TEXT:
        raise UnknownStylePreset(f"Unknown style preset {style!r}; known: {', '.join(style_presets())}.")
    return Prompt(f"composite.{style}", _STYLE_VERSIONS[style], f"{_COMPOSITE_BASE} {_STYLE_TEXT[style]}")


def render_prompt(template: str, *, prompt_id: str, version: int, **values: str) -> Prompt:
    """A shop's own preset: ``$name``-style placeholders filled from ``values`` (missing ones left as written).

    The result is appended to the composite's base instruction, so a shop's text can change the mood of
    the light but never ask the model to move the product.
    """
    text = string.Template(template).safe_substitute(values)
    return Prompt(prompt_id, version, f"{_COMPOSITE_BASE} {text.strip()}")
