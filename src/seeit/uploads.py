"""Reading an uploaded image from a multipart body without ever holding more than the byte limit."""

from __future__ import annotations

from collections.abc import AsyncGenerator

from fastapi import Request
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from seeit.errors import BadRequest, PayloadTooLarge, ValidationFailed

# Multipart framing around the image: boundaries, part headers, a few small fields.
MULTIPART_SLACK = 64 * 1024


async def _bounded(request: Request, limit: int, max_bytes: int) -> AsyncGenerator[bytes, None]:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes (never read whole first)."""
    received = 0
    async for chunk in request.stream():
        received += len(chunk)
        if received > limit:
            raise PayloadTooLarge(details={"max_bytes": max_bytes})
        yield chunk


async def read_uploaded_image(request: Request, max_bytes: int, field: str = "image") -> bytes:
    """The bytes of the multipart file ``field``: 413 past ``max_bytes``, 400 for a malformed body, 422 if absent."""
    limit = max_bytes + MULTIPART_SLACK
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(details={"max_bytes": max_bytes})
    parser = MultiPartParser(request.headers, _bounded(request, limit, max_bytes), max_files=1, max_fields=5)
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise BadRequest(f"Malformed multipart body: {exc.message}") from None
    try:
        image = form.get(field)
        if not isinstance(image, UploadFile):
            raise ValidationFailed(details={"fields": [{"loc": ["body", field], "message": "Field required"}]})
        data = await image.read(max_bytes + 1)
    finally:
        await form.close()
    if len(data) > max_bytes:
        raise PayloadTooLarge(details={"max_bytes": max_bytes})
    return data
