"""Storefront room endpoints (app proxy): upload, direct upload and confirm, read, cleanup."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from pydantic import ValidationError

from seeit.db import SessionDep
from seeit.errors import (
    BadRequest,
    Conflict,
    NotFound,
    PayloadTooLarge,
    QuotaExceeded,
    RateLimited,
    RoomSessionExpired,
    UnsupportedMediaType,
    ValidationFailed,
)
from seeit.openapi import error_responses
from seeit.ratelimit import check_storefront_rate
from seeit.resources import Resources, ResourcesDep
from seeit.rooms import service
from seeit.rooms.schemas import DirectUploadRequest, RoomSessionOut
from seeit.shops.dependencies import ProxyShop
from seeit.shops.service import ShopContext
from seeit.uploads import read_uploaded_image

router = APIRouter(prefix="/proxy/rooms", tags=["storefront"])

_UPLOAD_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["image"],
                "properties": {"image": {"type": "string", "format": "binary"}},
            }
        },
        "application/json": {"schema": DirectUploadRequest.model_json_schema()},
    },
}


async def _rate(resources: Resources, shop: ShopContext, room_id: uuid.UUID | None = None) -> None:
    await check_storefront_rate(resources.arq, resources.settings.rate_limit_per_minute, shop.id, room_id)


@router.post(
    "",
    status_code=201,
    response_model=RoomSessionOut,
    response_model_exclude_none=False,
    openapi_extra={"requestBody": _UPLOAD_BODY},
    responses=error_responses(BadRequest, PayloadTooLarge, UnsupportedMediaType, ValidationFailed, RateLimited),
)
async def create_room(
    request: Request, resources: ResourcesDep, shop: ProxyShop, session: SessionDep
) -> RoomSessionOut:
    """Upload a room photo (multipart ``image``), or ask for a direct upload (JSON ``{"content_type"}``)."""
    await _rate(resources, shop)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        try:
            body = DirectUploadRequest.model_validate_json(await request.body())
        except ValidationError as exc:
            fields: list[dict[str, Any]] = [
                {"loc": ["body", *err["loc"]], "message": err["msg"]} for err in exc.errors()
            ]
            raise ValidationFailed(details={"fields": fields}) from None
        room, target = await service.create_direct_upload(session, resources, shop.id, body.content_type)
        return service.room_out(resources, room, target)
    if content_type != "multipart/form-data":
        raise UnsupportedMediaType("Send the photo as multipart/form-data, or JSON to ask for a direct upload.")
    data = await read_uploaded_image(request, resources.settings.max_upload_bytes)
    room = await service.create_room_from_upload(session, resources, shop.id, data)
    return service.room_out(resources, room)


@router.post(
    "/{room_session_id}/confirm",
    response_model=RoomSessionOut,
    responses=error_responses(
        NotFound, Conflict, RoomSessionExpired, PayloadTooLarge, UnsupportedMediaType, RateLimited
    ),
)
async def confirm_room(
    room_session_id: uuid.UUID, resources: ResourcesDep, shop: ProxyShop, session: SessionDep
) -> RoomSessionOut:
    """Check and normalise the photo uploaded directly to storage."""
    await _rate(resources, shop, room_session_id)
    room = await service.confirm_direct_upload(session, resources, shop.id, room_session_id)
    return service.room_out(resources, room)


@router.get(
    "/{room_session_id}",
    response_model=RoomSessionOut,
    responses=error_responses(NotFound, RoomSessionExpired, RateLimited),
)
async def get_room(
    room_session_id: uuid.UUID, resources: ResourcesDep, shop: ProxyShop, session: SessionDep
) -> RoomSessionOut:
    await _rate(resources, shop, room_session_id)
    room = await service.live_room(session, resources.settings, shop.id, room_session_id)
    return service.room_out(resources, room)


@router.post(
    "/{room_session_id}/cleanup",
    status_code=202,
    response_model=RoomSessionOut,
    responses=error_responses(NotFound, Conflict, RoomSessionExpired, QuotaExceeded, RateLimited),
)
async def cleanup_room(
    room_session_id: uuid.UUID, resources: ResourcesDep, shop: ProxyShop, session: SessionDep
) -> RoomSessionOut:
    """Queue a cleanup render of the room photo (counts one cleanup render; the quota applies)."""
    await _rate(resources, shop, room_session_id)
    room = await service.request_cleanup(session, resources, shop, room_session_id)
    return service.room_out(resources, room)
