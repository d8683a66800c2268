"""What the embedded admin reads about its shop (usage, settings) and what the install endpoints answer."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from seeit.usage.service import UsageCounts

# A month: longer than any shopper needs to finish a visit, short enough to keep private photos few.
MAX_ROOM_RETENTION_HOURS = 720


class UsageOut(BaseModel):
    prep_renders: int
    cleanup_renders: int
    composite_renders: int

    @classmethod
    def of(cls, counts: UsageCounts) -> UsageOut:
        return cls(
            prep_renders=counts.prep_renders,
            cleanup_renders=counts.cleanup_renders,
            composite_renders=counts.composite_renders,
        )


class UsageDay(UsageOut):
    date: dt.date

    @classmethod
    def of_day(cls, day: dt.date, counts: UsageCounts) -> UsageDay:
        return cls(
            date=day,
            prep_renders=counts.prep_renders,
            cleanup_renders=counts.cleanup_renders,
            composite_renders=counts.composite_renders,
        )


class UsageDaysOut(BaseModel):
    days: list[UsageDay]


class ShopSettingsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    room_retention_hours: int | None = Field(
        default=None, ge=1, le=MAX_ROOM_RETENTION_HOURS, description="null: the service's default"
    )
    watermark: bool | None = Field(default=None, description="Refused as false where the plan requires it")


class ShopSettingsOut(BaseModel):
    room_retention_hours: int = Field(description="Hours a shopper's room photo is kept after its last use")
    room_retention_default_hours: int
    custom_room_retention: bool
    watermark: bool = Field(description="Whether renders carry the watermark")
    watermark_required: bool = Field(description="The plan puts the watermark on every render")
    theme_editor_url: str = Field(description="Opens the theme editor on a product page with the block added")


class InstalledOut(BaseModel):
    """What the install endpoints answer."""

    shop_domain: str
    plan: str
