"""Assets and product settings in and out of the admin and storefront APIs."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from seeit.validation import StoredText

AssetStatus = Literal["pending", "ready", "failed", "stale", "orphaned"]
PrepStrategy = Literal["batch", "fallback", "manual"]


class AssetOut(BaseModel):
    id: uuid.UUID
    product_id: str
    variant_id: str | None
    source_image_id: str | None
    source_image_url: str | None
    prepared_image_url: str | None = Field(description="A signed URL that expires; null until the asset is ready")
    status: AssetStatus
    prep_strategy: PrepStrategy
    prompt_version: int
    model_id: str | None = None
    confidence: float | None = None
    error_code: str | None = None
    error_message: str | None = None
    created_at: datetime
    updated_at: datetime


class AssetPage(BaseModel):
    items: list[AssetOut]
    next_cursor: str | None


class PrepareRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source_image_id: StoredText | None = Field(
        default=None, max_length=200, description="A MediaImage (or ProductImage) numeric id or GID"
    )
    variant_id: StoredText | None = Field(default=None, max_length=200)


class PrepareAllOut(BaseModel):
    queued: int = Field(description="Products whose preparation this request queued (first page when not complete)")
    skipped: int = Field(description="Products already ready at the current prompt version, or already pending")
    complete: bool = Field(description="False when the rest of the catalogue is being paged through in the worker")


class ProductSettingsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool | None = None
    default_asset_id: uuid.UUID | None = None
    style_preset: StoredText | None = Field(default=None, min_length=1, max_length=100)


class ProductSettingsOut(BaseModel):
    enabled: bool
    default_asset_id: uuid.UUID | None
    style_preset: str | None


class ProxyConfigOut(BaseModel):
    enabled: bool
    asset: AssetOut | None
    style_presets: list[str]
    quality_levels: list[str]
    # The long side the service keeps of a room photo: the storefront shrinks photos to it before upload.
    room_max_side: int


class CatalogueProduct(BaseModel):
    id: str = Field(description="The numeric product id, as the product routes take it")
    gid: str
    title: str
    image_url: str | None = Field(description="The featured image on Shopify's CDN")
    status: AssetStatus | Literal["none"] = Field(description="Of the newest cut-out; `none` before any")
    asset: AssetOut | None = Field(description="The newest cut-out: pending, ready, failed (with its reason) or stale")
    serving_asset: AssetOut | None = Field(description="The cut-out renders use now, if any")
    settings: ProductSettingsOut


class CataloguePage(BaseModel):
    items: list[CatalogueProduct]
    next_cursor: str | None = Field(description="Pass back as `cursor` for the next page; null on the last")
