"""Shopify ids: requests may give a numeric id or a GID; we store and answer GIDs."""

from __future__ import annotations

import re

_GID = re.compile(r"^gid://shopify/(?P<kind>[A-Za-z]+)/(?P<id>[0-9]{1,20})$")
_NUMERIC = re.compile(r"^[0-9]{1,20}$")
# Shopify's customer ids are numbers; anything else where one is expected is not a customer.
_MAX_CUSTOMER_ID = 20


class InvalidShopifyId(ValueError):
    pass


def to_gid(kind: str, value: str | int) -> str:
    """``"8123"`` or ``"gid://shopify/Product/8123"`` → ``"gid://shopify/Product/8123"``; anything else raises."""
    text = str(value).strip()
    if _NUMERIC.fullmatch(text):
        return f"gid://shopify/{kind}/{text}"
    match = _GID.fullmatch(text)
    if match and match["kind"] == kind:
        return text
    raise InvalidShopifyId(f"not a {kind} id: {text[:80]!r}")


def numeric_id(gid: str) -> str:
    """The number at the end of a GID (or the id itself when already numeric)."""
    if _NUMERIC.fullmatch(gid):
        return gid
    match = _GID.fullmatch(gid)
    if not match:
        raise InvalidShopifyId(f"not a Shopify GID: {gid[:80]!r}")
    return match["id"]


def customer_id_of(value: str | None) -> str | None:
    """A customer's id as Shopify gives it (the app proxy's ``logged_in_customer_id``, a payload's
    ``customer.id``), or None (empty: nobody is logged in)."""
    text = (value or "").strip()
    return text if text.isdigit() and len(text) <= _MAX_CUSTOMER_ID else None
