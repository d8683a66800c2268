"""The block's Liquid rendered as Shopify's storefront renders it, for the demo storefront and the browser tests.

python-liquid runs the template; the few Shopify additions the block uses are added here: the ``t`` filter
(the extension's locale files, with ``{{ name }}`` interpolation), ``asset_url`` and ``json``. The
``{% schema %}`` block is read as JSON (for the settings' defaults) and cut out before rendering, as Shopify
does.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from liquid import Environment
from liquid.filter import with_context

EXTENSION_DIR = Path(__file__).resolve().parents[3] / "extensions" / "see-it"
BLOCK = "see-it"
_SCHEMA = re.compile(r"{%-?\s*schema\s*-?%}(?P<json>.*?){%-?\s*endschema\s*-?%}", re.DOTALL)
_PLACEHOLDER = re.compile(r"{{\s*(\w+)\s*}}")


@dataclass(frozen=True)
class ThemeBlock:
    """One app block of the extension, renderable for a product in a locale."""

    extension_dir: Path
    asset_base: str  # where ``asset_url`` points: the stand-in serves the extension's assets there
    name: str = BLOCK

    @cached_property
    def source(self) -> str:
        return (self.extension_dir / "blocks" / f"{self.name}.liquid").read_text()

    @cached_property
    def schema(self) -> dict[str, Any]:
        found = _SCHEMA.search(self.source)
        if found is None:
            raise ValueError(f"blocks/{self.name}.liquid has no schema")
        schema: dict[str, Any] = json.loads(found["json"])
        return schema

    def default_settings(self) -> dict[str, Any]:
        return {s["id"]: s.get("default") for s in self.schema.get("settings", []) if "id" in s}

    def translations(self, locale: str) -> dict[str, Any]:
        """The storefront strings of ``locale``, over the default locale's (as Shopify falls back)."""
        folder = self.extension_dir / "locales"
        default = next(folder.glob("*.default.json"))
        strings: dict[str, Any] = json.loads(default.read_text())
        own = folder / f"{locale}.json"
        if own.is_file() and own != default:
            _merge(strings, json.loads(own.read_text()))
        return strings

    @cached_property
    def _environment(self) -> Environment:
        env = Environment()
        env.filters["t"] = _translate
        env.filters["json"] = lambda value: json.dumps(value, ensure_ascii=False)
        base = self.asset_base.rstrip("/")
        env.filters["asset_url"] = lambda name: f"{base}/{name}"
        return env

    @cached_property
    def _template(self) -> Any:
        return self._environment.from_string(_SCHEMA.sub("", self.source))

    def render(
        self,
        *,
        product: dict[str, Any],
        settings: dict[str, Any],
        locale: str = "en",
        root_url: str = "/",
        design_mode: bool = False,
    ) -> str:
        """The block's HTML for ``product`` with the merchant's ``settings`` (over the schema's defaults);
        ``design_mode`` as in Shopify's theme editor."""
        block_settings = {**self.default_settings(), **settings}
        if block_settings.get("product") is None:
            block_settings["product"] = product  # "autofill": the product of the page
        return str(
            self._template.render(
                product=product,
                block={"id": "see-it-block-1", "settings": block_settings, "shopify_attributes": ""},
                routes=_routes(root_url),
                request={"locale": {"iso_code": locale}, "design_mode": design_mode},
                _see_it_translations=self.translations(locale),
            )
        )


def _routes(root_url: str) -> dict[str, str]:
    # Shopify's ``routes`` object: the cart's URLs sit under the storefront's (locale's) root.
    root = root_url.rstrip("/")
    return {
        "root_url": root_url,
        "cart_url": f"{root}/cart",
        "cart_add_url": f"{root}/cart/add",
        "cart_update_url": f"{root}/cart/update",
    }


@with_context
def _translate(key: str, *, context: Any, **values: Any) -> str:
    strings = context.resolve("_see_it_translations")
    found: Any = strings
    for part in str(key).split("."):
        found = found.get(part) if isinstance(found, dict) else None
    if not isinstance(found, str):
        return f"translation missing: {key}"
    return _PLACEHOLDER.sub(lambda m: str(values.get(m[1], "")), found)


def _merge(into: dict[str, Any], other: dict[str, Any]) -> None:
    for key, value in other.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value
