"""Render jobs in and out of the storefront and admin APIs."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from seeit.validation import StoredJson, StoredText

Quality = Literal["draft", "standard", "high"]
RenderStatus = Literal["queued", "processing", "completed", "failed"]


class Placement(BaseModel):
    """Where the product's bottom-centre lands (fractions of the room) and its width as a fraction of it."""

    model_config = ConfigDict(extra="forbid")

    x: float = Field(ge=0, le=1)
    y: float = Field(ge=0, le=1)
    scale: float = Field(gt=0, le=1)


class RenderRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    product_id: StoredText = Field(min_length=1, max_length=80, description="Numeric id or Product GID")
    variant_id: StoredText | None = Field(default=None, max_length=80, description="Numeric id or ProductVariant GID")
    room_session_id: uuid.UUID
    placement: Placement
    style_preset: StoredText | None = Field(default=None, max_length=80)
    quality: Quality = "standard"
    config: StoredJson | None = None


class RenderJobOut(BaseModel):
    id: uuid.UUID
    status: RenderStatus
    stage: str | None
    product_id: str
    variant_id: str | None
    room_session_id: uuid.UUID | None
    placement: Placement
    style_preset: str | None
    quality: Quality | None
    image_url: str | None
    display_image_url: str | None = None
    error_code: str | None
    error_message: str | None
    model_id: str | None
    prompt_id: str | None
    prompt_version: int | None
    attempts: int = 0
    processing_ms: int | None = None
    created_at: datetime
    completed_at: datetime | None


class RenderJobList(BaseModel):
    items: list[RenderJobOut]
    next_cursor: str | None


class ShareLinkOut(BaseModel):
    """A public link to a finished render; anyone with it sees the image until ``expires_at``."""

    share_url: str
    expires_at: datetime
