"""Serves and accepts local-storage objects through signed, expiring URLs.

The storefront's visualizer reads and uploads these from the shop's origin, so they answer CORS for any
origin: the signature in the URL is the only credential (no cookies are involved).
"""

from __future__ import annotations

import mimetypes
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from seeit.errors import AppError, InvalidSignature, NotFound, PayloadTooLarge, UnsupportedMediaType, render_error
from seeit.storage import signing
from seeit.storage.base import ObjectMissing
from seeit.storage.local import LocalStorage

router = APIRouter(tags=["files"], include_in_schema=False)
_ANY_ORIGIN = {"Access-Control-Allow-Origin": "*"}


def _local(request: Request) -> LocalStorage:
    storage = request.app.state.resources.storage
    if not isinstance(storage, LocalStorage):
        raise NotFound()
    return storage


@router.get("/files/{key:path}")
async def read_file(
    key: str, request: Request, expires: Annotated[str, Query()] = "", signature: Annotated[str, Query()] = ""
) -> Response:
    storage = _local(request)
    if not signing.verify(storage.secret, "GET", key, expires, signature):
        raise InvalidSignature("The link is invalid or has expired.")
    try:
        data = await storage.get(key)
    except (ObjectMissing, ValueError) as exc:
        raise NotFound() from exc
    media_type = mimetypes.guess_type(key)[0] or "application/octet-stream"
    return Response(data, media_type=media_type, headers={"Cache-Control": "private, max-age=300", **_ANY_ORIGIN})


@router.options("/files/{key:path}")
async def preflight(key: str) -> Response:
    """The browser's CORS preflight before a direct upload (a PUT with a Content-Type)."""
    return Response(
        status_code=204,
        headers={
            **_ANY_ORIGIN,
            "Access-Control-Allow-Methods": "GET, PUT",
            "Access-Control-Allow-Headers": "Content-Type",
            "Access-Control-Max-Age": "600",
        },
    )


@router.put("/files/{key:path}", status_code=204)
async def upload_file(
    key: str,
    request: Request,
    expires: Annotated[str, Query()] = "",
    max_bytes: Annotated[int, Query()] = 0,
    signature: Annotated[str, Query()] = "",
) -> Response:
    try:
        await _store_upload(key, request, expires, max_bytes, signature)
    except AppError as exc:
        refused = render_error(exc)  # readable by the uploading page, so it can say why
        refused.headers.update(_ANY_ORIGIN)
        return refused
    return Response(status_code=204, headers=_ANY_ORIGIN)


async def _store_upload(key: str, request: Request, expires: str, max_bytes: int, signature: str) -> None:
    storage = _local(request)
    content_type = request.headers.get("content-type", "")
    extra = f"{content_type}|{max_bytes}"
    if max_bytes <= 0 or not signing.verify(storage.secret, "PUT", key, expires, signature, extra=extra):
        raise InvalidSignature("The upload link is invalid or has expired.")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > max_bytes:
            raise PayloadTooLarge(details={"max_bytes": max_bytes})
    if not body:
        raise UnsupportedMediaType("The upload is empty.")
    await storage.put(key, bytes(body), content_type)
