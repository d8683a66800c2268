"""``/api/admin/usage`` and ``/settings``: the merchant's usage and settings."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from seeit.db import SessionDep
from seeit.errors import InvalidSessionToken, ShopNotInstalled, ValidationFailed
from seeit.openapi import error_responses
from seeit.resources import ResourcesDep
from seeit.shops import service
from seeit.shops.dependencies import AdminShop
from seeit.shops.schemas import ShopSettingsIn, ShopSettingsOut, UsageDaysOut
from seeit.usage.service import utc_today

router = APIRouter(prefix="/api/admin", tags=["admin"])

_AUTH_ERRORS = (InvalidSessionToken, ShopNotInstalled)


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


@router.get("/settings", responses=error_responses(*_AUTH_ERRORS))
async def get_settings(resources: ResourcesDep, shop: AdminShop, session: SessionDep) -> ShopSettingsOut:
    """The shop's room retention and watermark, and the link that adds the block to the theme."""
    return await service.shop_settings(session, resources.settings, shop)


@router.patch("/settings", responses=error_responses(*_AUTH_ERRORS, ValidationFailed))
async def update_settings(
    body: ShopSettingsIn, resources: ResourcesDep, shop: AdminShop, session: SessionDep
) -> ShopSettingsOut:
    """Change the room retention (hours, ``null`` for the default) or the watermark (where the plan allows)."""
    return await service.update_shop_settings(session, resources.settings, shop, body)
