"""``orders/create``: Shopify's REST order, read into what attribution needs (``service.order_created`` attributes it
once).

Of the payload only this is read: ``id``, ``name``, ``created_at``, ``currency`` (the shop's), ``customer.id``,
the ``_see_it_visitor`` entry of ``note_attributes`` (the cart attribute the block sets after a render), and
for each of ``line_items``: ``product_id``, ``variant_id``, ``quantity``, ``price_set.shop_money`` (else
``price``), ``discount_allocations`` and the ``_see_it_render`` entry of ``properties``. Nothing else of the
order (addresses, e-mail, names) is kept.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from seeit.db import utcnow
from seeit.errors import BadRequest
from seeit.shopify.ids import InvalidShopifyId, customer_id_of, to_gid

RENDER_PROPERTY = "_see_it_render"
VISITOR_ATTRIBUTE = "_see_it_visitor"
_CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class OrderLine:
    product_id: str  # GID
    variant_id: str | None
    quantity: int
    amount: Decimal  # what the line cost the shopper, discounts taken off, in the order's currency
    render_id: uuid.UUID | None  # the ``_see_it_render`` property, when the line carries one


@dataclass(frozen=True)
class Order:
    id: str
    name: str | None
    created_at: datetime
    currency: str
    customer_id: str | None
    visitor_id: uuid.UUID | None  # the ``_see_it_visitor`` cart attribute the block sets after a render
    lines: tuple[OrderLine, ...]


def _named_value(entries: Any, name: str) -> str | None:
    """The value of ``name`` in Shopify's ``[{"name", "value"}]`` lists (or a plain object, as some send)."""
    if isinstance(entries, dict):
        value = entries.get(name)
        return str(value) if value is not None else None
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and entry.get("name") == name and entry.get("value") is not None:
            return str(entry["value"])
    return None


def _uuid(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None


def _money(value: Any) -> Decimal:
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return Decimal(0)
    return amount if amount.is_finite() else Decimal(0)


def _shop_money(entry: dict[str, Any], set_key: str, plain_key: str) -> Decimal:
    shop_money = (entry.get(set_key) or {}).get("shop_money") or {}
    return _money(shop_money.get("amount", entry.get(plain_key, 0)))


def _line(item: Any) -> OrderLine | None:
    if not isinstance(item, dict) or item.get("product_id") is None:
        return None  # a custom line (no product): nothing of ours
    try:
        product_gid = to_gid("Product", item["product_id"])
        variant_gid = to_gid("ProductVariant", item["variant_id"]) if item.get("variant_id") is not None else None
        quantity = max(int(item.get("quantity") or 0), 0)
    except (InvalidShopifyId, ValueError, TypeError):
        return None
    discounts = sum(
        (_shop_money(d, "amount_set", "amount") for d in item.get("discount_allocations") or [] if isinstance(d, dict)),
        Decimal(0),
    )
    amount = max(_shop_money(item, "price_set", "price") * quantity - discounts, Decimal(0)).quantize(Decimal("0.01"))
    return OrderLine(
        product_id=product_gid,
        variant_id=variant_gid,
        quantity=quantity,
        amount=amount,
        render_id=_uuid(_named_value(item.get("properties"), RENDER_PROPERTY)),
    )


def _created_at(value: Any) -> datetime:
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return utcnow()
    return parsed if parsed.tzinfo is not None else utcnow()


def order_from_webhook(payload: dict[str, Any]) -> Order:
    order_id = str(payload.get("id") or "")
    if not order_id.isdigit():
        raise BadRequest("The order carries no numeric `id`.")
    currency = str(payload.get("currency") or "").upper()
    if not _CURRENCY.fullmatch(currency):
        raise BadRequest("The order carries no `currency`.")
    customer = payload.get("customer")
    customer_id = str(customer.get("id") or "") if isinstance(customer, dict) else ""
    name = payload.get("name")
    return Order(
        id=order_id,
        name=str(name)[:40] if name else None,
        created_at=_created_at(payload.get("created_at")),
        currency=currency,
        customer_id=customer_id_of(customer_id),
        visitor_id=_uuid(_named_value(payload.get("note_attributes"), VISITOR_ATTRIBUTE)),
        lines=tuple(line for line in map(_line, payload.get("line_items") or []) if line is not None),
    )
