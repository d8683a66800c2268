"""``/api/admin/activity``: the shop's audit trail, newest first."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from seeit.audit import service
from seeit.audit.schemas import ActivityPage
from seeit.db import SessionDep
from seeit.errors import InvalidSessionToken, ShopNotInstalled, ValidationFailed
from seeit.openapi import error_responses
from seeit.shopify.dependencies import AdminShop

router = APIRouter(prefix="/api/admin", tags=["admin"])


@router.get("/activity", responses=error_responses(InvalidSessionToken, ShopNotInstalled, ValidationFailed))
async def list_activity(
    shop: AdminShop,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> ActivityPage:
    """Who did what, when: the merchant's actions, newest first; pass ``next_cursor`` back as ``cursor``."""
    return await service.activity_page(session, shop.id, limit=limit, cursor=cursor)
