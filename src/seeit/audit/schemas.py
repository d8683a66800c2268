"""The audit trail as the embedded admin reads it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class ActivityOut(BaseModel):
    id: uuid.UUID
    actor: str = Field(description="The staff member's Shopify user id (the session token's `sub`), or who else acted")
    action: str = Field(description="What was done, e.g. `asset.prepare`, `product.settings`, `preset.save`")
    subject: str | None = Field(description="What it was done to (a product GID, a preset name), when anything")
    details: dict[str, Any] | None
    created_at: datetime


class ActivityPage(BaseModel):
    items: list[ActivityOut]
    next_cursor: str | None
