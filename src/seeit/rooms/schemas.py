"""Room sessions in and out of the storefront API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict


class DirectUploadRequest(BaseModel):
    """Ask for a presigned direct upload instead of sending the photo through the app proxy."""

    model_config = ConfigDict(extra="forbid")

    content_type: Literal["image/jpeg", "image/png", "image/webp"]


class DirectUpload(BaseModel):
    url: str
    method: str
    headers: dict[str, str] | None = None
    fields: dict[str, str] | None = None
    expires_at: datetime


class RoomSessionOut(BaseModel):
    id: uuid.UUID
    original_room_image_url: str | None
    cleaned_room_image_url: str | None
    cleanup_status: Literal["queued", "processing", "completed", "failed"] | None
    expires_at: datetime
    upload: DirectUpload | None = None
