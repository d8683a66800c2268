"""The prompt registry: versioned prompts per kind and style preset."""

from __future__ import annotations

import pytest

from seeit.imaging import PREP_PROMPT_VERSION, current_prompt, render_prompt, style_presets
from seeit.imaging.prompts import UnknownStylePreset


def test_each_kind_has_a_versioned_prompt() -> None:
    prep, cleanup, composite = (current_prompt(k) for k in ("prep", "cleanup", "composite"))
    assert prep.prompt_id == "prep.default"
    assert prep.version == PREP_PROMPT_VERSION
    assert cleanup.prompt_id == "cleanup.default"
    assert cleanup.version >= 1
    assert composite.prompt_id == "composite.natural"
    assert len({prep.text, cleanup.text, composite.text}) == 3


def test_style_presets_change_the_composite_prompt_but_never_allow_moving_the_product() -> None:
    presets = style_presets()
    assert presets[0] == "natural"
    assert {"warm", "bright", "moody"} <= set(presets)
    texts = {current_prompt("composite", p).text for p in presets}
    assert len(texts) == len(presets)
    assert all("Do not move" in t for t in texts)


def test_an_unknown_preset_is_refused() -> None:
    with pytest.raises(UnknownStylePreset):
        current_prompt("composite", "neon")


def test_a_shops_template_renders_into_a_prompt() -> None:
    prompt = render_prompt("Light it like $mood, for $shop.", prompt_id="shop.42.cosy", version=3, mood="a cabin")
    assert prompt.prompt_id == "shop.42.cosy"
    assert prompt.version == 3
    assert prompt.text.endswith("Light it like a cabin, for $shop.")
    assert "Do not move" in prompt.text
