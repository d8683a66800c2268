"""``POST /proxy/events`` (the storefront block's events) and ``GET /api/admin/analytics`` (the funnel)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from seeit.analytics import service
from seeit.analytics.schemas import AnalyticsOut, EventBatchIn
from seeit.db import SessionDep
from seeit.errors import InvalidSessionToken, RateLimited, ShopNotInstalled, ValidationFailed
from seeit.openapi import error_responses
from seeit.ratelimit import check_rates
from seeit.resources import ResourcesDep
from seeit.shopify.ids import customer_id_of
from seeit.shops.dependencies import AdminShop, ProxyShop
from seeit.shops.service import usage_range
from seeit.usage.service import utc_today

storefront_router = APIRouter(prefix="/proxy", tags=["storefront"])
admin_router = APIRouter(prefix="/api/admin", tags=["admin"])

# A visitor's page sends a batch every few seconds at most; a twentieth of the shop's budget is plenty.
_VISITOR_SHARE = 20


@storefront_router.post(
    "/events",
    status_code=204,
    response_class=Response,
    responses=error_responses(ValidationFailed, RateLimited),
)
async def record_events(body: EventBatchIn, request: Request, resources: ResourcesDep, shop: ProxyShop) -> Response:
    """Record a batch of the shopper's events (at most 25). Fire and forget: one insert, nothing answered.

    Who: ``visitor_id`` (an id the block keeps in the storefront's storage) and, when the shopper is logged in,
    Shopify's ``logged_in_customer_id`` from the proxy's signed query; nothing else about the shopper.
    """
    limit = resources.settings.events_rate_limit_per_minute
    await check_rates(
        resources.arq,
        [(f"events:{shop.id}", limit), (f"visitor:{body.visitor_id}", max(limit // _VISITOR_SHARE, 1) if limit else 0)],
    )
    customer_id = customer_id_of(request.query_params.get("logged_in_customer_id"))
    await service.record_events(resources, shop.id, body, customer_id)
    return Response(status_code=204)


@admin_router.get(
    "/analytics",
    response_model=AnalyticsOut,
    responses=error_responses(InvalidSessionToken, ShopNotInstalled, ValidationFailed),
)
async def get_analytics(
    resources: ResourcesDep,
    shop: AdminShop,
    session: SessionDep,
    first: Annotated[date | None, Query(alias="from", description="First day (UTC), inclusive")] = None,
    last: Annotated[date | None, Query(alias="to", description="Last day (UTC), inclusive; default today")] = None,
) -> AnalyticsOut:
    """The funnel over at most 366 days (default: the last 30): shoppers who opened the visualizer, uploaded a
    room, rendered, shared, downloaded and added to cart; orders attributed to renders and their revenue; the
    rates between the steps. In all, per UTC day and for the 20 most rendered products (with their titles at
    Shopify, null when Shopify cannot be read just now)."""
    first_day, last_day = usage_range(first, last, utc_today())
    out = await service.analytics(session, resources.settings, shop.id, first_day, last_day)
    return await service.with_titles(resources, shop.shop_domain, out)
