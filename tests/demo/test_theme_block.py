"""The block's Liquid, rendered as the storefront renders it: when the button is there, and in which words."""

from __future__ import annotations

import re
from typing import Any

import pytest

from seeit.demo.theme import EXTENSION_DIR, ThemeBlock

BLOCK = ThemeBlock(EXTENSION_DIR, asset_base="https://cdn.example/assets")


def product(enabled: bool | None) -> dict[str, Any]:
    metafields = {} if enabled is None else {"$app:see_it": {"enabled": {"value": enabled}}}
    return {
        "id": 42,
        "title": 'Chair "Ada"',
        "metafields": metafields,
        "selected_or_first_available_variant": {"id": 7},
    }


def state(html: str) -> str | None:
    found = re.search(r'data-state="(\w+)"', html)
    return found[1] if found else None


@pytest.mark.parametrize(
    ("enabled", "design_mode", "expected"),
    [
        (True, False, "on"),
        (False, False, None),  # nothing rendered at all
        (None, False, "ask"),  # the metafield is not readable: the script asks the app proxy
        (False, True, "preview"),  # the theme editor shows the merchant where the button goes
        (None, True, "preview"),
    ],
)
def test_the_button_follows_the_products_metafield(enabled: bool | None, design_mode: bool, expected: str) -> None:
    html = BLOCK.render(product=product(enabled), settings={}, design_mode=design_mode)
    assert state(html) == expected
    if expected is None:
        assert html.strip() == ""


def test_the_block_points_at_its_assets_and_the_app_proxy() -> None:
    html = BLOCK.render(product=product(True), settings={})
    assert 'data-visualizer="https://cdn.example/assets/see-it-visualizer.js"' in html
    assert 'data-proxy="/apps/see-it"' in html
    assert 'data-product-id="42"' in html
    assert 'data-product-title="Chair &quot;Ada&quot;"' in html
    assert BLOCK.schema["target"] == "section"
    assert {
        "type": "product",
        "id": "product",
        "label": "t:blocks.see_it.settings.product.label",
        "autofill": True,
    } in (BLOCK.schema["settings"])


def test_the_merchants_label_and_colours_replace_the_defaults_escaped() -> None:
    html = BLOCK.render(product=product(True), settings={"button_label": "<b>Try</b>", "button_color": "#ff0000"})
    assert "<span>&lt;b&gt;Try&lt;/b&gt;</span>" in html
    assert "--see-it-bg: #ff0000" in html


@pytest.mark.parametrize(
    ("locale", "label"), [("en", "See it in your room"), ("fr", "Voir chez moi"), ("de", "In meinem Raum ansehen")]
)
def test_the_default_label_is_in_the_shoppers_language(locale: str, label: str) -> None:
    assert f"<span>{label}</span>" in BLOCK.render(product=product(True), settings={}, locale=locale)


def test_a_language_without_a_locale_file_falls_back_to_english() -> None:
    assert "<span>See it in your room</span>" in BLOCK.render(product=product(True), settings={}, locale="es")
