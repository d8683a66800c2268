"""``/api/admin/style-presets``: the shop's own style presets next to the built-in ones."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from seeit.db import SessionDep
from seeit.errors import Conflict, InvalidSessionToken, NotFound, ShopNotInstalled
from seeit.openapi import error_responses
from seeit.presets import service
from seeit.presets.schemas import PRESET_NAME, PresetIn, PresetOut, PresetsOut
from seeit.shops.dependencies import AdminShop

router = APIRouter(prefix="/api/admin/style-presets", tags=["admin"])

_AUTH_ERRORS = (InvalidSessionToken, ShopNotInstalled)
PresetName = Annotated[str, Path(pattern=PRESET_NAME, description="lower-case letters, digits and dashes")]


@router.get("", responses=error_responses(*_AUTH_ERRORS))
async def list_presets(shop: AdminShop, session: SessionDep) -> PresetsOut:
    """Built-in presets and the shop's own, with their versions and usage counts."""
    return PresetsOut(items=await service.list_presets(session, shop))


@router.put("/{name}", responses=error_responses(*_AUTH_ERRORS, Conflict))
async def save_preset(name: PresetName, body: PresetIn, shop: AdminShop, session: SessionDep) -> PresetOut:
    """Create or replace one of the shop's presets; its version goes up when the text changes."""
    return await service.save_preset(session, shop, name, body.prompt_template)


@router.delete("/{name}", status_code=204, responses=error_responses(*_AUTH_ERRORS, NotFound))
async def delete_preset(name: PresetName, shop: AdminShop, session: SessionDep) -> Response:
    await service.delete_preset(session, shop, name)
    return Response(status_code=204)
