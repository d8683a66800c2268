"""Render endpoints: the storefront's accept, read (with long-poll) and share, the merchant's listing, and the
public share link."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.responses import RedirectResponse

from seeit.db import SessionDep
from seeit.errors import (
    AssetNotReady,
    Conflict,
    NotFound,
    QuotaExceeded,
    RateLimited,
    RoomSessionExpired,
    ShopNotInstalled,
    ValidationFailed,
)
from seeit.openapi import error_responses
from seeit.ratelimit import check_storefront_rate
from seeit.renders import service, share
from seeit.renders.schemas import RenderJobList, RenderJobOut, RenderRequest, ShareLinkOut
from seeit.resources import ResourcesDep
from seeit.shops.dependencies import AdminShop, ProxyShop

storefront_router = APIRouter(prefix="/proxy/renders", tags=["storefront"])
admin_router = APIRouter(prefix="/api/admin/renders", tags=["admin"])
# Public: whoever holds a share link sees the render; the token is the only credential.
share_router = APIRouter(prefix="/share", tags=["share"])

MAX_WAIT_SECONDS = 25


@storefront_router.post(
    "",
    status_code=202,
    response_model=RenderJobOut,
    responses=error_responses(
        NotFound, AssetNotReady, Conflict, RoomSessionExpired, ValidationFailed, QuotaExceeded, RateLimited
    ),
)
async def create_render(
    body: RenderRequest,
    request: Request,
    resources: ResourcesDep,
    shop: ProxyShop,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
) -> Response:
    """Accept a composite render (counts one composite render) and queue it; poll the job for its result."""
    await check_storefront_rate(resources.arq, resources.settings.rate_limit_per_minute, shop.id, body.room_session_id)
    # The request owns its transaction, opened by the service rather than by ``SessionDep``: the common case
    # needs no ORM session at all; either way the commit and the enqueue come before the answer.
    job, created = await service.accept_render_request(resources, shop, body, idempotency_key)
    return _job_response(job, 202, headers=None if created else {"Idempotent-Replayed": "true"})


@storefront_router.get(
    "/{job_id}",
    response_model=RenderJobOut,
    responses=error_responses(NotFound, RateLimited),
)
async def get_render(
    job_id: uuid.UUID,
    request: Request,
    resources: ResourcesDep,
    shop: ProxyShop,
    wait: Annotated[int, Query(ge=0, le=MAX_WAIT_SECONDS, description="Seconds to hold for the job to finish")] = 0,
) -> Response:
    """The job; with ``wait``, answered when it finishes or ``wait`` seconds pass, whichever is first."""
    await check_storefront_rate(resources.arq, resources.settings.rate_limit_per_minute, shop.id)
    # No request transaction here: a long-poll must not hold a database connection while it waits.
    return _job_response(await service.read_render(resources, shop.id, job_id, wait=wait), 200)


def _job_response(job: RenderJobOut, status_code: int, headers: dict[str, str] | None = None) -> Response:
    # Serialised once, by the schema's own serializer, from a model the service built from trusted values;
    # ``response_model`` above still describes the answer in the OpenAPI document.
    body = RenderJobOut.__pydantic_serializer__.to_json(job)
    return Response(body, status_code, headers, media_type="application/json")


@storefront_router.post(
    "/{job_id}/share",
    status_code=201,
    response_model=ShareLinkOut,
    responses=error_responses(NotFound, Conflict, RateLimited),
)
async def share_render(
    job_id: uuid.UUID, resources: ResourcesDep, shop: ProxyShop, session: SessionDep
) -> ShareLinkOut:
    """A public link to a completed render, valid ``SHARE_LINK_TTL_DAYS``; 409 until the render is completed."""
    await check_storefront_rate(resources.arq, resources.settings.rate_limit_per_minute, shop.id)
    return await share.create_share_link(session, resources, shop.id, job_id)


@share_router.get(
    "/{token}",
    status_code=302,
    response_class=RedirectResponse,
    responses={302: {"description": "Redirect to a short-lived signed URL of the image"}, **error_responses(NotFound)},
)
async def follow_share_link(token: str, resources: ResourcesDep, session: SessionDep) -> RedirectResponse:
    """Redirect to the shared render's image. An invalid, tampered or expired link, a render that is gone and a
    shop that is uninstalled all answer the same 404 ``not_found``."""
    url = await share.shared_image_url(session, resources, token)
    # The signed URL expires within the hour: neither the browser nor a proxy may keep the redirect.
    return RedirectResponse(url, status_code=302, headers={"Cache-Control": "no-store"})


@admin_router.get("", response_model=RenderJobList, responses=error_responses(ShopNotInstalled, ValidationFailed))
async def list_renders(
    resources: ResourcesDep,
    shop: AdminShop,
    session: SessionDep,
    status: Literal["queued", "processing", "completed", "failed"] | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    cursor: str | None = None,
) -> RenderJobList:
    """The shop's render jobs, newest first."""
    return await service.list_renders(session, resources, shop.id, status=status, limit=limit, cursor=cursor)
