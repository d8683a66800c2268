"""Storefront events in, the funnel out."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

EventKind = Literal["opened", "room_uploaded", "rendered", "shared", "downloaded", "added_to_cart"]
# A batch is what one page gathered in a few seconds; more than this is not a shopper.
MAX_EVENTS_PER_BATCH = 25

ProductId = Annotated[str, Field(pattern=r"^(gid://shopify/Product/)?[0-9]{1,20}$", description="Numeric id or GID")]
VariantId = Annotated[
    str, Field(pattern=r"^(gid://shopify/ProductVariant/)?[0-9]{1,20}$", description="Numeric id or GID")
]


class EventIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: EventKind
    product_id: ProductId
    variant_id: VariantId | None = None
    render_id: uuid.UUID | None = Field(default=None, description="The render the event is about, if any")


class EventBatchIn(BaseModel):
    """What one storefront page reports at once; the visitor id lives in the storefront's own storage."""

    model_config = ConfigDict(extra="forbid")

    visitor_id: uuid.UUID
    events: list[EventIn] = Field(min_length=1, max_length=MAX_EVENTS_PER_BATCH)


class FunnelOut(BaseModel):
    """What shoppers did, counted, the orders attributed to renders, and the rates between the steps."""

    opens: int = Field(description="Product pages on which a shopper opened the visualizer")
    uploads: int = Field(description="Room photos uploaded")
    renders: int = Field(description="Pictures rendered")
    shares: int = Field(description="Pictures shared")
    downloads: int = Field(description="Pictures downloaded")
    carts: int = Field(description="Adds to cart from a picture")
    orders: int = Field(description="Orders attributed to a render")
    revenue: dict[str, Decimal] = Field(description="Attributed revenue by currency (the shop's currency)")
    render_rate: float | None = Field(description="renders / opens; null without opens")
    cart_rate: float | None = Field(description="carts / renders; null without renders")
    order_rate: float | None = Field(description="orders / renders; null without renders")


class DayFunnelOut(FunnelOut):
    date: dt.date


class ProductFunnelOut(FunnelOut):
    product_id: str = Field(description="Numeric product id")
    product_gid: str
    title: str | None = Field(description="The product's title at Shopify; null when it could not be read")


class AnalyticsOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    first: dt.date = Field(alias="from", description="First UTC day, inclusive")
    last: dt.date = Field(alias="to", description="Last UTC day, inclusive")
    attribution_window_days: int
    totals: FunnelOut
    days: list[DayFunnelOut] = Field(description="Every day of the range, oldest first; days without events are zeros")
    products: list[ProductFunnelOut] = Field(description="The most rendered products first (at most 20)")
