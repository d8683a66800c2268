"""The part of Shopify's product search syntax the service uses: ``id:>N``, ``id:N`` and
``metafields.NS.KEY:VALUE`` terms joined by ``AND``, each term possibly alternatives joined by ``OR``. As in
Shopify, a metafield term filters only when its definition has filtering enabled
(``capabilities.admin_filterable`` in ``shopify.app.toml``); otherwise it is ignored.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from tests.fakes.shopify.state import FakeProduct, resolve_namespace

APP_TOML = Path(__file__).resolve().parents[3] / "shopify.app.toml"


@lru_cache
def filterable_keys() -> frozenset[str]:
    """The app's product metafield keys whose definitions have admin filtering enabled."""
    config = tomllib.loads(APP_TOML.read_text())
    definitions = config.get("product", {}).get("metafields", {}).get("see_it", {})
    return frozenset(
        key for key, spec in definitions.items() if spec.get("capabilities", {}).get("admin_filterable") is True
    )


def _field_and_value(term: str) -> tuple[str, str]:
    """Split at the one unescaped ``:``, as Shopify does: ``metafields.$app\\:ns.key:value``. An unescaped
    colon inside the field (``$app:ns``) would make Shopify search something else, so the fake refuses it."""
    parts = re.split(r"(?<!\\):", term)
    if len(parts) != 2:
        raise AssertionError(f"search term {term!r} needs exactly one unescaped ':' (escape the namespace's as '\\:')")
    return parts[0], parts[1]


def matches_search(product: FakeProduct, query: str | None) -> bool:
    if not query:
        return True
    return all(
        any(_matches_term(product, alternative.strip()) for alternative in term.split(" OR "))
        for term in (t.strip() for t in query.split(" AND "))
    )


def _matches_term(product: FakeProduct, term: str) -> bool:
    number = int(product.id.rsplit("/", 1)[-1])
    if term.startswith("id:>"):
        return number > int(term.removeprefix("id:>"))
    if term.startswith("id:"):
        return number == int(term.removeprefix("id:"))
    if term.startswith("metafields."):
        path, wanted = _field_and_value(term)
        if path.count(".") < 2 or wanted.startswith(">"):
            raise AssertionError(f"unsupported search term {term!r}")
        rest = path.removeprefix("metafields.")
        namespace, _, key = rest.rpartition(".")
        namespace = namespace.replace("\\:", ":")
        if key not in filterable_keys():
            return True  # Shopify ignores a filter on a definition without filtering enabled
        found = product.metafields.get((resolve_namespace(namespace), key))
        return found is not None and found[1] == wanted.strip('"')
    raise AssertionError(f"unsupported search term {term!r}")
