"""Every query on ``style_presets``."""

from __future__ import annotations

import uuid

from sqlalchemy import Integer, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from seeit.models import StylePreset


async def shop_presets(session: AsyncSession, shop_id: uuid.UUID) -> list[StylePreset]:
    rows = await session.scalars(select(StylePreset).where(StylePreset.shop_id == shop_id).order_by(StylePreset.name))
    return list(rows)


async def shop_preset(session: AsyncSession, shop_id: uuid.UUID, name: str) -> StylePreset | None:
    return await session.scalar(select(StylePreset).where(StylePreset.shop_id == shop_id, StylePreset.name == name))


async def save_preset(session: AsyncSession, shop_id: uuid.UUID, name: str, template: str) -> StylePreset:
    """Create or replace a shop preset in one statement; its version goes up only when the text changes."""
    new = insert(StylePreset).values(id=uuid.uuid4(), shop_id=shop_id, name=name, prompt_template=template, version=1)
    changed = StylePreset.prompt_template.is_distinct_from(new.excluded.prompt_template)
    upsert = new.on_conflict_do_update(
        index_elements=[StylePreset.shop_id, StylePreset.name],
        set_={
            "prompt_template": new.excluded.prompt_template,
            "version": StylePreset.version + changed.cast(Integer),
            "updated_at": func.now(),
        },
    ).returning(StylePreset)
    saved: StylePreset | None = await session.scalar(upsert.execution_options(populate_existing=True))
    assert saved is not None
    return saved


async def delete_preset(session: AsyncSession, shop_id: uuid.UUID, name: str) -> bool:
    result = await session.execute(delete(StylePreset).where(StylePreset.shop_id == shop_id, StylePreset.name == name))
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def preset_template(session: AsyncSession, shop_id: uuid.UUID, name: str) -> tuple[str, int] | None:
    """A shop preset's template and version, for the render that uses it."""
    row = (
        await session.execute(
            select(StylePreset.prompt_template, StylePreset.version).where(
                StylePreset.shop_id == shop_id, StylePreset.name == name
            )
        )
    ).one_or_none()
    return (row.prompt_template, row.version) if row is not None else None


async def preset_exists(session: AsyncSession, shop_id: uuid.UUID, name: str) -> bool:
    found = await session.scalar(select(StylePreset.id).where(StylePreset.shop_id == shop_id, StylePreset.name == name))
    return found is not None


async def count_use(session: AsyncSession, shop_id: uuid.UUID, name: str) -> None:
    """One more finished render used this shop preset (atomic increment)."""
    await session.execute(
        update(StylePreset)
        .where(StylePreset.shop_id == shop_id, StylePreset.name == name)
        .values(usage_count=StylePreset.usage_count + 1)
    )
