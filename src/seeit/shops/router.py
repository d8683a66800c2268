"""``/api/admin/shop`` and ``/api/admin/usage``: the merchant's plan, quotas and usage."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request

from seeit.db import SessionDep
from seeit.errors import InvalidSessionToken, ShopNotInstalled, ValidationFailed
from seeit.openapi import error_responses
from seeit.resources import Resources
from seeit.shopify.dependencies import AdminShop
from seeit.shops import service
from seeit.shops.schemas import ShopOut, UsageDaysOut
from seeit.usage.repository import utc_today

router = APIRouter(prefix="/api/admin", tags=["admin"])

_AUTH_ERRORS = (InvalidSessionToken, ShopNotInstalled)


@router.get("/shop", responses=error_responses(*_AUTH_ERRORS))
async def get_shop(request: Request, shop: AdminShop, session: SessionDep) -> ShopOut:
    """The shop's plan, quotas, and renders counted today and this UTC month."""
    resources: Resources = request.app.state.resources
    return await service.shop_overview(session, resources.settings, shop, utc_today())


@router.get("/usage", responses=error_responses(*_AUTH_ERRORS, ValidationFailed))
async def get_usage(
    shop: AdminShop,
    session: SessionDep,
    first: Annotated[date | None, Query(alias="from", description="First day (UTC), inclusive")] = None,
    last: Annotated[date | None, Query(alias="to", description="Last day (UTC), inclusive; default today")] = None,
) -> UsageDaysOut:
    """Renders counted per UTC day over at most 366 days (default: the last 30); days with none are zeros."""
    first_day, last_day = service.usage_range(first, last, utc_today())
    return UsageDaysOut(days=await service.usage_days(session, shop, first_day, last_day))
