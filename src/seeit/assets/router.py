"""Admin asset endpoints (session token) and the storefront's ``GET /proxy/config`` (app proxy)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from seeit.assets import product_settings, products, service
from seeit.assets.schemas import (
    AssetOut,
    AssetPage,
    AssetStatus,
    CataloguePage,
    PrepareAllOut,
    PrepareRequest,
    ProductSettingsIn,
    ProductSettingsOut,
    ProxyConfigOut,
)
from seeit.db import SessionDep
from seeit.errors import (
    BadRequest,
    InvalidSessionToken,
    InvalidSignature,
    NotFound,
    PayloadTooLarge,
    ServiceUnavailable,
    ShopNotInstalled,
    UnsupportedMediaType,
    ValidationFailed,
)
from seeit.openapi import error_responses
from seeit.resources import Resources, ResourcesDep
from seeit.shops.dependencies import AdminShop, ProxyShop
from seeit.uploads import read_uploaded_image

# Shopify's typed errors become the envelope (503, or 422 for userErrors) for every admin asset route.
router = APIRouter(prefix="/api/admin", tags=["admin"])
proxy_router = APIRouter(prefix="/proxy", tags=["storefront"])

_ADMIN_ERRORS = (InvalidSessionToken, ShopNotInstalled)
PROXY_CONFIG_CACHE_CONTROL = "private, max-age=60"
_UPLOAD_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["image"],
                "properties": {"image": {"type": "string", "format": "binary", "description": "PNG with alpha"}},
            }
        }
    },
}


@router.get("/assets", response_model=AssetPage, responses=error_responses(*_ADMIN_ERRORS, ValidationFailed))
async def list_assets(
    resources: ResourcesDep,
    shop: AdminShop,
    session: SessionDep,
    product_id: Annotated[str | None, Query(max_length=100)] = None,
    status: Annotated[AssetStatus | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> AssetPage:
    """The shop's assets, newest first; pass ``next_cursor`` back as ``cursor`` for the next page."""
    return await service.list_assets(
        session, resources, shop.id, limit=limit, product_id=product_id, status=status, cursor=cursor
    )


@router.get(
    "/products",
    response_model=CataloguePage,
    responses=error_responses(*_ADMIN_ERRORS, ValidationFailed, ServiceUnavailable),
)
async def list_products(
    resources: ResourcesDep,
    shop: AdminShop,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    cursor: Annotated[str | None, Query(max_length=500, description="`next_cursor` of the previous page")] = None,
) -> CataloguePage:
    """The shop's catalogue from the Admin API, a page at a time, each product with its cut-out and settings."""
    return await products.catalogue_page(session, resources, shop, limit=limit, cursor=cursor)


@router.post(
    "/products/{product_id}/prepare",
    status_code=202,
    response_model=AssetOut,
    responses=error_responses(*_ADMIN_ERRORS, NotFound, ValidationFailed, ServiceUnavailable),
)
async def prepare_product(
    product_id: str, resources: ResourcesDep, shop: AdminShop, session: SessionDep, body: PrepareRequest | None = None
) -> AssetOut:
    """Queue the preparation of the product's featured image (or ``source_image_id``) as a cut-out."""
    asset = await service.prepare_product(session, resources, shop, product_id, body or PrepareRequest())
    return service.asset_out(resources, asset)


@router.post(
    "/prepare-all",
    status_code=202,
    response_model=PrepareAllOut,
    responses=error_responses(*_ADMIN_ERRORS, ServiceUnavailable),
)
async def prepare_all(resources: ResourcesDep, shop: AdminShop, session: SessionDep) -> PrepareAllOut:
    """Prepare every enabled product without a current ready asset. The first page of the catalogue is
    counted in the answer; when there are more (``complete: false``) the worker pages through the rest."""
    return await service.prepare_all(session, resources, shop)


async def _uploaded_image(request: Request, resources: Resources) -> bytes:
    """The multipart ``image`` field, refused with 413 as soon as the body passes the byte limit."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "multipart/form-data":
        raise UnsupportedMediaType("Send the PNG as multipart/form-data in the field `image`.")
    return await read_uploaded_image(request, resources.settings.max_upload_bytes)


@router.put(
    "/products/{product_id}/asset",
    response_model=AssetOut,
    openapi_extra={"requestBody": _UPLOAD_BODY},
    responses=error_responses(*_ADMIN_ERRORS, BadRequest, PayloadTooLarge, UnsupportedMediaType, ValidationFailed),
)
async def upload_asset(
    product_id: str, request: Request, resources: ResourcesDep, shop: AdminShop, session: SessionDep
) -> AssetOut:
    """Upload the merchant's own cut-out: a PNG with real transparency (some pixels see-through, some solid).
    Not a PNG: 415; over the byte or pixel limit: 413; no transparency: 422."""
    data = await _uploaded_image(request, resources)
    asset = await service.upload_cutout(session, resources, shop, product_id, data)
    return service.asset_out(resources, asset)


@router.patch(
    "/products/{product_id}/settings",
    response_model=ProductSettingsOut,
    responses=error_responses(*_ADMIN_ERRORS, NotFound, ValidationFailed, ServiceUnavailable),
)
async def update_settings(
    product_id: str, body: ProductSettingsIn, resources: ResourcesDep, shop: AdminShop, session: SessionDep
) -> ProductSettingsOut:
    """Write the product's ``$app:see_it`` metafields; a ``null`` deletes one. Shopify's ``userErrors``
    answer 422 ``validation_error`` with them in ``details``."""
    return await product_settings.update_settings(session, resources, shop, product_id, body)


@proxy_router.get(
    "/config",
    response_model=ProxyConfigOut,
    responses=error_responses(InvalidSignature, ShopNotInstalled, ValidationFailed),
)
async def proxy_config(
    resources: ResourcesDep,
    response: Response,
    shop: ProxyShop,
    session: SessionDep,
    product_id: Annotated[str, Query(max_length=100)],
) -> ProxyConfigOut:
    """Whether See It is on for the product, the asset to use, style presets and quality levels."""
    # Every view of a product page asks: the shopper's browser may keep the answer a minute (private: it
    # holds signed image URLs).
    response.headers["Cache-Control"] = PROXY_CONFIG_CACHE_CONTROL
    return await product_settings.proxy_config(session, resources, shop, product_id)
