"""The rules of style presets: built-in names are reserved, a shop's own preset is a prompt template."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from seeit.audit.service import record_action
from seeit.errors import Conflict, NotFound
from seeit.imaging.interface import Prompt
from seeit.imaging.prompts import current_prompt, render_prompt, style_presets
from seeit.models import StylePreset
from seeit.presets import repository
from seeit.presets.schemas import PresetOut
from seeit.shops.service import ShopContext


def _builtin(name: str) -> PresetOut:
    prompt = current_prompt("composite", name)
    return PresetOut(
        name=name, builtin=True, prompt_template=None, version=prompt.version, usage_count=None, updated_at=None
    )


def _own(preset: StylePreset) -> PresetOut:
    return PresetOut(
        name=preset.name,
        builtin=False,
        prompt_template=preset.prompt_template,
        version=preset.version,
        usage_count=preset.usage_count,
        updated_at=preset.updated_at,
    )


async def list_presets(session: AsyncSession, shop: ShopContext) -> list[PresetOut]:
    """Built-in presets first, then the shop's own by name."""
    own = await repository.shop_presets(session, shop.id)
    return [*map(_builtin, style_presets()), *map(_own, own)]


async def save_preset(session: AsyncSession, shop: ShopContext, name: str, template: str) -> PresetOut:
    if name in style_presets():
        raise Conflict(f"{name!r} is a built-in preset; choose another name.", details={"name": name})
    saved = await repository.save_preset(session, shop.id, name, template)
    record_action(session, shop.id, shop.actor, "style_preset.save", name, {"version": saved.version})
    return _own(saved)


async def delete_preset(session: AsyncSession, shop: ShopContext, name: str) -> None:
    if not await repository.delete_preset(session, shop.id, name):
        raise NotFound("The shop has no style preset with that name.")
    record_action(session, shop.id, shop.actor, "style_preset.delete", name)


async def preset_exists(session: AsyncSession, shop_id: uuid.UUID, name: str) -> bool:
    return name in style_presets() or await repository.preset_exists(session, shop_id, name)


async def composite_prompt(session: AsyncSession, shop_id: uuid.UUID, name: str | None) -> Prompt:
    """The composite prompt for a style preset: a built-in one, else the shop's own template filled in."""
    if name is None or name in style_presets():
        return current_prompt("composite", name)
    found = await repository.preset_template(session, shop_id, name)
    if found is None:  # deleted since the render was accepted: the default light
        return current_prompt("composite")
    template, version = found
    return render_prompt(template, prompt_id=f"shop.{name}", version=version)


async def count_use(session: AsyncSession, shop_id: uuid.UUID, name: str) -> None:
    """One more finished render used this shop preset."""
    await repository.count_use(session, shop_id, name)


async def preset_names(session: AsyncSession, shop_id: uuid.UUID) -> list[str]:
    """The built-in presets and the shop's own, each name once."""
    own = [preset.name for preset in await repository.shop_presets(session, shop_id)]
    return list(dict.fromkeys([*style_presets(), *own]))
