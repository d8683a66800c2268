from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from seeit.validation import StoredText

PRESET_NAME = r"^[a-z0-9][a-z0-9-]{0,39}$"


class PresetIn(BaseModel):
    prompt_template: StoredText = Field(
        min_length=1,
        max_length=2000,
        description="How the room's light should read; `$name` placeholders are left as written.",
    )


class PresetOut(BaseModel):
    name: str
    builtin: bool
    prompt_template: str | None = Field(description="The shop's own text; null for built-in presets")
    version: int
    usage_count: int | None = Field(description="Finished renders that used it; null for built-in presets")
    updated_at: datetime | None


class PresetsOut(BaseModel):
    items: list[PresetOut]
