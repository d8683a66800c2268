"""``/app``: the embedded admin's page (every screen is the same HTML; its modules pick the screen from the
path) and ``/app/assets/*``, its ES modules and styles, cached for good under their content's version; and
``/api/admin/shop`` and ``/api/admin/activity``, the reads of its Home and Activity pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import FileResponse, HTMLResponse

from seeit.admin import service
from seeit.admin.page import PAGES, admin_html, frame_ancestors, static_files, verified_shop
from seeit.admin.schemas import ShopOut
from seeit.audit import service as audit
from seeit.db import SessionDep
from seeit.errors import InvalidSessionToken, NotFound, ShopNotInstalled, ValidationFailed
from seeit.openapi import error_responses
from seeit.resources import ResourcesDep, request_resources
from seeit.shops.dependencies import AdminShop
from seeit.shops.service import installed_shop
from seeit.usage.service import utc_today

router = APIRouter(include_in_schema=False)
# The admin's reads that span domains: Home's overview and the Activity page's trail.
api_router = APIRouter(prefix="/api/admin", tags=["admin"])
_AUTH_ERRORS = (InvalidSessionToken, ShopNotInstalled)

IMMUTABLE = "public, max-age=31536000, immutable"
# An asset asked for without its current version (an old page, a hand-typed URL) is checked again each time.
REVALIDATE = "no-cache"


async def _page(request: Request) -> HTMLResponse:
    resources = request_resources(request)
    settings = resources.settings
    shop = verified_shop(request.url.query, settings.shopify_api_secret)
    # A shop Shopify vouches for that we do not know yet installs at once, without a refused request first.
    install = shop is not None and await installed_shop(resources, shop) is None
    return HTMLResponse(
        admin_html(settings, install=install),
        headers={
            "Content-Security-Policy": frame_ancestors(shop, demo=settings.demo),
            # The page is the same for every shop, but its CSP is not: never reuse one shop's answer.
            "Cache-Control": "no-store",
        },
    )


@router.get("/app", response_class=HTMLResponse)
async def admin_home(request: Request) -> HTMLResponse:
    """The embedded admin's entry (``application_url``): Home."""
    return await _page(request)


@router.get("/app/{page}", response_class=HTMLResponse)
async def admin_screen(request: Request, page: str = Path()) -> HTMLResponse:
    """A screen of the embedded admin loaded directly (a reload, a link from the Shopify admin)."""
    if page not in PAGES:
        raise NotFound("No such page.")
    return await _page(request)


@router.get("/app/assets/{name:path}")
async def admin_asset(name: str, request: Request) -> Response:
    found = static_files().get(name)
    if found is None:
        raise NotFound("No such file.")
    current = request.query_params.get("v") == found.version
    return FileResponse(
        found.path,
        media_type=found.media_type,
        headers={"Cache-Control": IMMUTABLE if current else REVALIDATE},
    )


@api_router.get("/shop", responses=error_responses(*_AUTH_ERRORS))
async def get_shop(resources: ResourcesDep, shop: AdminShop, session: SessionDep) -> ShopOut:
    """The shop's plan, quotas, and renders counted today and this UTC month."""
    return await service.shop_overview(session, resources.settings, shop, utc_today())


@api_router.get("/activity", responses=error_responses(*_AUTH_ERRORS, ValidationFailed))
async def list_activity(
    shop: AdminShop,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> audit.ActivityPage:
    """Who did what, when: the merchant's actions, newest first; pass ``next_cursor`` back as ``cursor``."""
    return await audit.activity_page(session, shop.id, limit=limit, cursor=cursor)
