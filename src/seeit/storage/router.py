"""Serves and accepts local-storage objects through signed, expiring URLs."""

from __future__ import annotations

import mimetypes
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from seeit.errors import InvalidSignature, NotFound, PayloadTooLarge, UnsupportedMediaType
from seeit.storage import signing
from seeit.storage.base import ObjectMissing
from seeit.storage.local import LocalStorage

router = APIRouter(tags=["files"], include_in_schema=False)


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
    return Response(data, media_type=media_type, headers={"Cache-Control": "private, max-age=300"})


@router.put("/files/{key:path}", status_code=204)
async def upload_file(
    key: str,
    request: Request,
    expires: Annotated[str, Query()] = "",
    max_bytes: Annotated[int, Query()] = 0,
    signature: Annotated[str, Query()] = "",
) -> Response:
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
    return Response(status_code=204)
